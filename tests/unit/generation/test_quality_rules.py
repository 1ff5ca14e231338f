"""Rules that keep stems readable alone: connectives, earlier-named things, years, weak keys, absurd swaps."""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.fill_in import fill_in_candidates, list_size, term_counts
from quizapp.generation.candidates.true_false import pinned_place, swappable
from quizapp.generation.clauses import body_tokens, hollow, statement
from quizapp.generation.definites import bare_definites, resolve_context, yearless_dates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import get_nlp
from quizapp.generation.textutil import tokens_text

from ._articles import clean


def _corpus(text):
    c = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(c)
    return c


def _sentence(corpus, words):
    return next(s for s in corpus.sentences if words in s.text)


# 1. connectives


def test_comma_delimited_connective_is_dropped_between_subject_and_verb():
    c = _corpus("The opening of the canal, however, did not end the rivalry between Venice and Genoa.")
    text, _ = statement(c.sentences[-1])
    assert text == "The opening of the canal did not end the rivalry between Venice and Genoa."


def test_inline_and_fronted_connectives_are_dropped():
    c = _corpus(
        "The Venetian fleet thus had a strong influence on trade in the Adriatic. "
        "In 1380, however, Genoa lost the war at Chioggia."
    )
    assert statement(_sentence(c, "fleet"))[0] == "The Venetian fleet had a strong influence on trade in the Adriatic."
    assert statement(_sentence(c, "Chioggia"))[0] == "In 1380, Genoa lost the war at Chioggia."


def test_temporal_then_is_dropped_and_nothing_else():
    c = _corpus("The merchants of Lübeck then traded with Bergen for dried fish every summer.")
    assert tokens_text(body_tokens(c.sentences[-1])) == (
        "The merchants of Lübeck traded with Bergen for dried fish every summer"
    )


def test_then_coordinated_with_another_time_is_kept():
    c = _corpus("Because the envoys had lost money at Velm, critics then and later argued that votes were bought.")
    assert "critics then and later argued" in tokens_text(body_tokens(c.sentences[-1]))


def test_comma_less_opening_links_are_dropped():
    c = _corpus(
        "The reforms promised equal taxes for all subjects. "
        "Yet the costs of reform led to heavy borrowing from foreign banks. "
        "The army lost the battle at Nizib. Soon afterwards the fleet went over to the rebels. "
        "But the treaty was never ratified by the council."
    )
    assert statement(_sentence(c, "costs"))[0] == "The costs of reform led to heavy borrowing from foreign banks."
    assert statement(_sentence(c, "fleet"))[0] == "The fleet went over to the rebels."
    assert statement(_sentence(c, "treaty"))[0] == "The treaty was never ratified by the council."


def test_yet_bound_to_the_words_after_it_is_kept():
    c = _corpus("Yet another revolt broke out on the island in 1866.")
    assert statement(c.sentences[-1])[0] == "Yet another revolt broke out on the island in 1866."


# 2. definite descriptions and dates without a year


def test_definite_description_is_resolved_from_an_earlier_name():
    c = _corpus(
        "In 1454, Venice and Milan signed the Treaty of Lodi in the town of Lodi. "
        "The signing of the treaty ended the war between Milan and Venice for many years."
    )
    sent = _sentence(c, "signing")
    assert ("the treaty", "the Treaty of Lodi") in bare_definites(c, sent)
    prompt, problem = resolve_context(c, [sent], "The signing of the treaty ended the war between _____ and Venice.")
    assert problem is None
    assert prompt == "The signing of the Treaty of Lodi ended the war between _____ and Venice."


def test_definite_description_with_a_place_phrase_antecedent():
    c = _corpus(
        "In 1521, the city opened the naval school in Ragusa. Marin Getaldić was a visitor to the school as a teacher."
    )
    sent = _sentence(c, "visitor")
    prompt, problem = resolve_context(c, [sent], "Marin Getaldić was a visitor to the school as a teacher.")
    assert problem is None
    assert "the naval school in Ragusa" in prompt


def test_unresolved_definite_description_is_refused():
    c = _corpus("Venice sent many ships east. At the time of the invasion, Genoa was deeply in debt to Venice.")
    sent = _sentence(c, "invasion")
    _, problem = resolve_context(c, [sent], "At the time of the invasion, which city was in debt to Venice?")
    assert problem
    assert "the invasion" in problem
    # a description that identifies its referent needs nothing
    assert not [p for p, _ in bare_definites(c, sent) if p == "the time"]


def test_identified_descriptions_are_not_flagged():
    c = _corpus("The merchants of the Hanseatic League met in the hall of Lübeck with the German king in 1356.")
    assert bare_definites(c, c.sentences[-1]) == []


def test_date_without_a_year_takes_the_year_of_the_paragraph():
    c = _corpus(
        "The council of Florence met in 1434 to discuss the debts. "
        "On the night of November 8, a group led by Cosimo de Medici occupied the palace of the Signoria."
    )
    sent = _sentence(c, "night")
    assert yearless_dates(c, sent)
    prompt, problem = resolve_context(
        c, [sent], "On the night of November 8, a group led by _____ occupied the palace of the Signoria."
    )
    assert problem is None
    assert "November 8, 1434," in prompt


def test_date_without_any_year_is_refused():
    c = _corpus("On the night of November 8, a group led by Cosimo de Medici occupied the palace of the Signoria.")
    sent = _sentence(c, "night")
    _, problem = resolve_context(
        c, [sent], "On the night of November 8, a group led by _____ occupied the palace of the Signoria."
    )
    assert problem
    assert "year" in problem


def test_elided_article_is_written_in_from_the_antecedent():
    c = _corpus(
        "In 1521, the city opened the naval school in Ragusa. In 1530, a third of the Ragusan fleet went to school."
    )
    sent = _sentence(c, "third")
    prompt, problem = resolve_context(c, [sent], "When did a third of the Ragusan fleet go to school?")
    assert problem is None
    assert prompt == "When did a third of the Ragusan fleet go to the naval school in Ragusa?"


# 4. weak cloze keys


def test_an_item_of_a_long_list_is_no_cloze_key():
    c = _corpus(
        "The courses in Lübeck taught naval gunnery, harbour pilotage, coastal navigation and ship repair "
        "to the apprentices of the Hanseatic League."
    )
    sent = c.sentences[-1]
    gunnery = next(t for t in sent.span if t.text == "pilotage")
    assert list_size(gunnery) >= 3
    from quizapp.generation.candidates.base import Context

    ctx = Context(c, DistractorIndex(c))
    keys = {cand.key for cand in fill_in_candidates(ctx, sent, term_counts(c))}
    assert not keys & {"harbour pilotage", "coastal navigation", "ship repair", "naval gunnery"}


def test_vague_head_is_no_cloze_key():
    c = _corpus(
        "The cogs of the Hanseatic League served as transport means for the grain of Danzig. "
        "The transport means of Danzig were cheap."
    )
    from quizapp.generation.candidates.base import Context

    ctx = Context(c, DistractorIndex(c))
    sent = c.sentences[1]
    keys = {cand.key for cand in fill_in_candidates(ctx, sent, term_counts(c))}
    assert "transport means" not in keys


# 5. absurd swaps


def test_place_pinned_by_another_place_is_not_swapped():
    c = _corpus("The Hansa moved 300 craftsmen to a warehouse near Novgorod in Pskov, Russia.")
    sent = c.sentences[-1]
    novgorod = next(m for m in sent.mentions if m.text == "Novgorod")
    assert pinned_place(sent, novgorod)
    assert not swappable(sent, novgorod)


def test_a_value_named_once_is_never_swapped_in():
    c = _corpus(
        "Bergen traded with Lübeck in 1360. Bergen sent fish to Lübeck in 1370. "
        "Lübeck sent grain to Bergen in 1380. The Hansa founded a kontor in Bergen in 1343. "
        "A single ship once sailed to Lisbon in 1390."
    )
    index = DistractorIndex(c)
    sent = _sentence(c, "kontor")
    key = next(m for m in sent.mentions if m.text == "Bergen")
    got = index.choose(key, "Bergen", 1, unsupported_only=True, same_article=True)
    assert got != ["Lisbon"]


# 6. hollow sentences


def test_dates_around_a_vague_subject_make_a_hollow_sentence():
    c = _corpus(
        "In June 1520, a long mutual struggle ended in May 1525. "
        "In June 1520, the Swedish nobles ended the Kalmar Union in Stockholm."
    )
    assert hollow(_sentence(c, "struggle"))
    assert not hollow(_sentence(c, "Swedish"))


def test_vague_subject_named_earlier_is_resolvable():
    from quizapp.generation.definites import resolvable_subject

    c = _corpus(
        "In 1358, the merchants founded the Hanseatic League in Lübeck. "
        "Formally, the league was dissolved by the last Hanseatic diet in 1669. "
        "The assembly was held in a hall of the town."
    )
    assert resolvable_subject(c, _sentence(c, "dissolved"))
    assert not resolvable_subject(c, _sentence(c, "assembly"))


def test_generated_prompts_carry_no_connectives_or_unnamed_descriptions():
    from quizapp.generation import generate

    text = (
        "In 1358, the merchants founded the Hanseatic League in Lübeck. "
        "The founding of the league, however, did not end the wars between Denmark and Lübeck. "
        "The Danish king Valdemar IV thus lost the Peace of Stralsund to the League in 1370.\n\n"
        "In 1370, the Hansa fleet defeated Denmark near Copenhagen. "
        "At the time of the invasion, Sweden was at war with Norway."
    )
    result = generate([clean("h.txt", "Hansa\n\n" + text)], max_questions=20)
    prompts = [q.prompt for q in result.questions if q.type in ("multiple_choice", "true_false", "fill_in")]
    assert prompts
    for p in prompts:
        assert "however" not in p
        assert " thus " not in p
        assert "the invasion" not in p


def test_a_key_with_its_own_relative_clause_is_not_swapped():
    c = _corpus("The town of Visby went to Denmark, which took the larger share of Gotland in 1361.")
    sent = c.sentences[-1]
    denmark = next(m for m in sent.mentions if m.text == "Denmark")
    assert not swappable(sent, denmark)


def test_sentence_without_a_subject_parses_oddly():
    from quizapp.generation.clauses import odd_parse

    c = _corpus(
        "The Hansa fleet left Danzig in 1410. Followed by the withdrawal of the merchants from Novgorod in 1494."
    )
    assert not odd_parse(_sentence(c, "fleet"))
    assert odd_parse(_sentence(c, "Followed"))


def test_a_vague_head_that_names_no_institution_or_event_is_let_through():
    c = _corpus("The railway from Leeds to Liverpool took most of the trade after 1850.")
    sent = c.sentences[-1]
    assert ("the trade", None) in bare_definites(c, sent)
    _, problem = resolve_context(c, [sent], "The railway from Leeds to _____ took most of the trade after 1850.")
    assert problem is None


def test_but_also_is_kept():
    c = _corpus("The Hansa not only built ships in Lübeck but also trained crews for the Danish king.")
    assert "but also trained" in statement(c.sentences[-1])[0]


def test_relative_time_lead_is_dated_from_the_sentence_before():
    from quizapp.generation.definites import relative_date

    c = _corpus(
        "The first Hanseatic envoys reached Novgorod in March 1392. "
        "One month later, the merchants of Lübeck opened a kontor at Novgorod, Russia."
    )
    sent = _sentence(c, "merchants")
    assert relative_date(c, sent) == "In April 1392"
    assert not statement(sent)[0].startswith("One month later")
    prompt, problem = resolve_context(c, [sent], "The merchants of _____ opened a kontor at Novgorod, Russia.")
    assert problem is None
    assert prompt == "In April 1392, the merchants of _____ opened a kontor at Novgorod, Russia."


def test_a_place_the_key_locates_pins_it():
    c = _corpus("In 1400, the Hansa began building ships at Riga, Livonia, outside Danzig.")
    sent = c.sentences[-1]
    danzig = next(m for m in sent.mentions if m.text == "Danzig")
    assert pinned_place(sent, danzig)


def test_a_place_among_several_places_is_not_swapped():
    c = _corpus(
        "Pomerania went to Sweden, and Prussia took the larger share of Poland, against the part going to Austria."
    )
    sent = c.sentences[-1]
    places = [m for m in sent.mentions if m.kind == "place"]
    assert len(places) >= 3
    assert not any(swappable(sent, m) for m in places)


def test_a_title_before_a_name_keeps_its_capital():
    from quizapp.generation import generate

    from ._articles import clean

    text = (
        "The Harbour Act\n\n"
        "In 1862 President Walter Hale signed the Harbour Act in Northwick. "
        "In 1865 the port authority opened a new dock at Saltmere. "
        "In 1868 Governor Anna Price visited the new dock at Saltmere. "
        "In 1871 the Northwick Company bought the harbour railway for 90,000 pounds."
    )
    prompts = [q.prompt for q in generate([clean("harbour.txt", text)], max_questions=20).questions]
    assert prompts
    assert not any("president Walter" in p or "governor Anna" in p for p in prompts)


def test_place_options_keep_the_keys_granularity():
    from quizapp.generation import generate
    from quizapp.generation.distractors import pool_of

    from ._articles import clean

    text = (
        "The Coast Line\n\n"
        "In 1869 the first train from Chicago reached San Francisco after a journey of six days. "
        "The line crossed Nebraska and Wyoming before it reached California. "
        "In 1871 a branch line opened from Sacramento to Oakland along the Pacific coast. "
        "In 1873 the company built new workshops in Denver and in Omaha. "
        "In 1875 a second branch reached Portland, and in 1877 another reached Seattle."
    )
    result = generate([clean("coast.txt", text)], max_questions=30)
    cities = {"Chicago", "San Francisco", "Sacramento", "Oakland", "Denver", "Omaha", "Portland", "Seattle"}
    for q in result.questions:
        if q.type == "multiple_choice" and q.answer in cities:
            assert not set(q.options) & {"California", "Nebraska", "Wyoming", "Pacific coast"}, q.options

    class M:
        kind, sub, norm = "place", "city", "the pacific coast"

    assert pool_of(M()) == "place:feature"


def test_every_draft_says_what_the_guards_found():
    from quizapp.generation import generate
    from quizapp.generation.guards import GUARD_LABELS

    from ._articles import clean

    text = (
        "The Harbour Act\n\n"
        "In 1862 President Walter Hale signed the Harbour Act in Northwick. "
        "In 1865 the port authority opened a new dock at Saltmere. "
        "In 1868 Governor Anna Price visited the new dock at Saltmere. "
        "In 1871 the Northwick Company bought the harbour railway for 90,000 pounds."
    )
    drafts = generate([clean("harbour.txt", text)], max_questions=20).questions
    assert drafts
    for draft in drafts:
        assert set(GUARD_LABELS.values()) <= set(draft.checks)
        assert len(draft.checks) == len(set(draft.checks))
        assert draft.to_dict()["checks"] == draft.checks


def test_a_sentence_the_source_hedges_gives_less_confident_questions():
    from quizapp.generation.clauses import hedge

    from ._articles import parsed, sentence

    corpus = parsed(
        "Its first hall was probably at Tessel. The poet Ansel Grau is said to have designed the hall. "
        "The guild may have moved to Marrow in 1420. The guild moved to Marrow in 1431."
    )
    assert hedge(sentence(corpus, "probably")) == "probably"
    assert hedge(sentence(corpus, "is said")) == "is said to"
    assert hedge(sentence(corpus, "may have")) == "may have"
    assert hedge(sentence(corpus, "in 1431")) is None


def test_hedged_and_plain_statements_of_one_fact_differ_in_confidence():
    from quizapp.generation import generate

    text = (
        "The Guild of Tessel\n\nThe Guild of Tessel was founded by Aodh Breslin in 1412. The weavers of Sligo "
        "probably joined the Guild of Tessel in 1430. The weavers of Carlow joined the Guild of Tessel in 1433. "
        "The Guild of Tessel built a hall in Marrow in 1441. The Guild of Tessel closed in 1502."
    )
    result = generate([clean("guild.txt", text)], max_questions=20)
    hedged = [q for q in result.questions if any("probably" in s.quote for s in q.sources)]
    plain = [q for q in result.questions if all("probably" not in s.quote for s in q.sources)]
    assert hedged
    assert plain
    for q in hedged:
        assert any("hedges" in reason for reason in q.confidence_reasons), q.confidence_reasons
    assert max(q.confidence for q in hedged) < max(q.confidence for q in plain)
