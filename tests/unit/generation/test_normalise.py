"""Normalisation before parsing: rewrites and the offset map back to the original text."""

from quizapp.generation.normalise import normalise


def test_day_month_dates_become_month_names_and_map_back():
    text = "Two hangars were built and from 15.7. the air base was open. On 7.11. crowds marched."
    n = normalise(text)
    assert "from 15 July the air base" in n.text
    assert "On 7 November crowds" in n.text
    for dm in n.day_months:
        start, end = n.span_to_original(dm.start, dm.end)
        assert text[start:end] in ("15.7.", "7.11.")
    # offsets after a rewrite still point at the same characters of the original
    pos = n.text.index("crowds")
    assert text[n.to_original(pos) : n.to_original(pos) + 6] == "crowds"
    assert n.to_original(len(n.text)) == len(text)


def test_day_month_keeps_sentence_end_before_a_capital():
    n = normalise("The attack came at night on 9.11. The state fell.")
    assert "on 9 November. The state fell." in n.text


def test_full_dates_and_decimals_are_not_day_month():
    n = normalise("The page is dated 05.05.2020 and the score was 3.308 points.")
    assert n.day_months == []
    assert n.text == "The page is dated 05.05.2020 and the score was 3.308 points."


def test_model_numbers_get_a_hyphen_and_keep_offsets():
    text = "The T 28 tank and the HD 40 and Ar 65 aircraft. In 1930 it flew."
    n = normalise(text)
    assert "T-28" in n.text
    assert "HD-40" in n.text
    assert "Ar-65" in n.text
    assert "In 1930" in n.text  # a preposition and a year are not a model number
    assert len(n.text) == len(text)


def test_european_numbers():
    n = normalise("It cost 1,5 million marks and 2.000.000 men served.")
    assert "1.5 million" in n.text
    assert "2,000,000 men" in n.text
    assert normalise("It cost 1,500 marks.").text == "It cost 1,500 marks."


def test_glued_sentences_get_a_space_and_offsets_shift_back():
    text = "Cooperation was practiced.At the same time schools grew."
    n = normalise(text)
    assert "practiced. At" in n.text
    pos = n.text.index("schools")
    assert text[n.to_original(pos) :].startswith("schools")


def test_footnote_markers_and_glosses_in_another_script_are_not_parsed_but_stay_in_quotes():
    text = "The Battles of Halka (Russian: Бои на Халке) were fought in 1939.[1][2] Troops[citation needed] withdrew."
    n = normalise(text)
    assert n.text == "The Battles of Halka were fought in 1939. Troops withdrew."
    end = n.text.index("1939.") + len("1939.")
    start, stop = n.span_to_original(0, end)
    assert text[start:stop].startswith("The Battles of Halka (Russian: Бои на Халке) were fought in 1939.")
    # a gloss in Latin letters and other brackets stay
    assert normalise("The Condor Legion (German: Legion Condor) left (see below).").text == (
        "The Condor Legion (German: Legion Condor) left (see below)."
    )


def test_questions_write_model_numbers_and_numbers_as_the_article_does():
    from quizapp.generation import DocumentInput, generate

    text = (
        "Aircraft of Varna\n\nThe Varna works built the fighter Ar 65 from 1931. In 1932 the Ar 65 was flown at "
        "Lipsk by the pilot Karl Brandt. The pilot Otto Lenz tested the He 51 at Varna in 1933. The works closed "
        "in 1936 after a fire."
    )
    prompts = [q.prompt for q in generate([DocumentInput("a.txt", text, "txt")], max_questions=20).questions]
    assert any("Ar 65" in p or "He 51" in p for p in prompts)
    assert not any("Ar-65" in p or "He-51" in p for p in prompts)  # the parser's form, not the article's
    from quizapp.generation.normalise import written_forms

    assert written_forms(["About 1,5 million roubles were paid for the Ar 65; the He-51 came later."]) == {
        "1.5": "1,5",
        "Ar-65": "Ar 65",
    }  # "He-51" is the article's own spelling


def test_a_timeline_line_reads_as_a_sentence_with_its_year():
    n = normalise("1288 – The town wall was completed.")
    assert n.text == "In 1288, the town wall was completed."
    start, end = n.span_to_original(0, len(n.text))
    assert (start, end) == (0, len("1288 – The town wall was completed."))
    year = n.text.index("1288")
    assert n.span_to_original(year, year + 4) == (0, 4)  # the year a question keys is found where it is written
    assert normalise("264 BC: Rome and Carthage went to war.").text == "In 264 BC, Rome and Carthage went to war."
    assert normalise("In 1288 the wall was completed: it ran 3.4 km.").text.startswith("In 1288 the wall")
    assert normalise("1914 – 1918: the war years").text == "1914 – 1918: the war years"  # a span of years
