"""Fill-ins that take the fair answer and refuse the empty one (quality v13, round 14): the year without its era
word among years before Christ, the article's own translation of a name, a war's name without its ordinal, a
surname with a capitalised particle, and no bare head noun where the article speaks of the kind in general."""

from .test_fill_in_answers import _fill_ins
from .test_fill_in_answers_fair import _answers


def test_a_year_before_christ_accepts_the_bare_number_among_years_before_christ():
    text = (
        "Velm fell to the consuls in 146 BC. The first grain law was passed in 123 BC by the tribune Harl. "
        "A second law followed in 100 BC."
    )
    assert "123" in _fill_ins(text)[0]["123 BC"]
    # a year of our era beside it: the bare number may be read as another year
    mixed = "Velm fell in 146 BC. The first grain law was passed in 123 BC by the tribune Harl. Dask fell in 1204."
    assert "123" not in _fill_ins(mixed)[0].get("123 BC", [])


def test_a_name_accepts_the_translation_the_article_gives():
    text = 'The collection of Velm law, known as Grágás ("Grey Goose"), survives in two manuscripts.'
    assert "Grey Goose" in _answers(text, "Grágás", "org")
    meaning = "The Velm code was called the Skarbok, meaning 'Tax Book', by the clerks of Dask."
    assert "Tax Book" in _answers(meaning, "Skarbok", "org")
    plain = "The collection of Velm law, known as Grágás, survives in two manuscripts."
    assert _answers(plain, "Grágás", "org") == []


def test_a_war_accepts_its_name_without_the_ordinal_where_the_article_names_one():
    text = "In 1839 Velm sent a fleet, beginning the First Skarn War. The war ended with a treaty in 1842."
    assert "Skarn War" in _answers(text, "First Skarn War", "event")
    two = text + " The Second Skarn War broke out in 1856."
    assert "Skarn War" not in _answers(two, "First Skarn War", "event")  # which one, the name leaves open
    world = "In 1914 Velm entered the First World War. Its army was small."
    assert "World War" not in _answers(world, "First World War", "event")  # a common word: no name alone


def test_a_surname_with_a_capitalised_particle_keeps_it():
    keys, _ = _fill_ins(
        "Around 1730 the envoys returned with the astronomical tables of the French astronomer Philippe de La Hire. "
        "The tables were copied in Dask. Philippe de La Hire died in 1718."
    )
    answers = keys["Philippe de La Hire"]
    assert {"La Hire", "de La Hire"} <= set(answers)
    assert "Hire" not in answers


def test_a_bare_head_noun_is_refused_where_the_article_uses_it_of_the_kind_in_general():
    text = (
        "Around 1005 a Fifth Court was created to hear cases that the Quarter Courts could not decide, using "
        "majority verdicts. The courts could reach verdicts, but no official carried them out."
    )
    assert "verdicts" not in _answers(text, "majority verdicts", "term")
    anaphoric = (
        "Around 1005 a Fifth Court was created to hear cases that the Quarter Courts could not decide, using "
        "majority verdicts. The verdicts were read aloud at the assembly."
    )
    assert "verdicts" in _answers(anaphoric, "majority verdicts", "term")


def test_a_plural_kind_after_a_common_noun_is_no_name_after_its_class():
    text = (
        "Harl made small single-lens microscopes. His instruments were not the compound microscopes used by "
        "Orren Vask in Ostergau. Only a dozen of his microscopes survive."
    )
    assert "microscopes" not in _answers(text, "compound microscopes", "term", nth=0)


def test_a_bare_head_noun_is_the_shorthand_of_a_kind_the_article_names_again_and_again():
    text = (
        "Prints showed favourite kabuki actors. Harl produced bold portraits of kabuki actors in 1794. "
        "Later prints of courtesans and actors were banned."
    )
    assert "actors" in _answers(text, "kabuki actors", "term", nth=1)


def test_a_translation_the_stem_itself_writes_is_no_answer():
    keys, _ = _fill_ins('The poet Harl compiled the Pinakes ("Tables"), a catalogue of Velm literature in 120 books.')
    answers = keys["Pinakes"]
    assert "Tables" not in answers
    assert answers[0] == "Pinakes"
    quoted = _fill_ins("The poet Harl compiled the Skarbok ('Tax Book'), a register of Velm farms in 120 books.")[0]
    assert "Tax Book" not in quoted["Skarbok"]  # a single quotation mark right at the words


def test_the_curated_table_gives_the_usual_name_of_a_numbered_war_one_way():
    from quizapp.generation.candidates.fill_in_answers import _variant_names

    assert "Opium War" in _variant_names()["first opium war"]
    assert "opium war" not in _variant_names()


def test_a_name_with_a_particle_read_as_a_firm_accepts_the_surname():
    from quizapp.generation.candidates.fill_in import accepted_answers, personal_with_particle

    assert personal_with_particle("Justus von Liebig")
    assert not personal_with_particle("Bank of England")  # "of" is no particle of a person's name
    assert not personal_with_particle("Compagnie des Indes")  # a lower-case word that is no particle
    text = "In 1840 farm chemistry, made popular by Justus von Liebig's writings, raised the demand for fertiliser."
    _, ctx = _fill_ins(text)
    sent = next(s for s in ctx.corpus.sentences if "Liebig" in s.text)
    key = "Justus von Liebig"
    first = next(t for t in sent.span if t.text == "Justus")
    last = next(t for t in sent.span if t.text == "Liebig")
    answers = accepted_answers(ctx, sent, key, first, last, "org", None)  # the label the model gave it
    assert "Liebig" in answers


def test_the_curated_table_gives_the_games_and_the_church_their_usual_names():
    from quizapp.generation.candidates.fill_in_answers import _variant_names

    names = _variant_names()
    assert {"Olympic Games", "Olympics"} <= set(names["summer olympic games"])
    assert "Summer Olympics" not in names["olympic games"]  # one way: the Games may be the winter ones
    assert "Church of England" in names["anglican church"]


def test_a_given_name_accepts_the_fuller_name_with_an_epithet_or_a_fathers_name():
    text = (
        "Erik the Red sailed west from Iceland in 982 and named the land he found. "
        "Tradition says that Erik's son Leif reached Vinland around 1000."
    )
    assert "Erik the Red" in _answers(text, "Erik", "person", nth=1)
    arabic = (
        "The caliph Abd al-Malik ibn Marwan ordered the shrine built in 691. "
        "Abd al-Malik also reformed the coinage of the empire."
    )
    assert "Abd al-Malik ibn Marwan" in _answers(arabic, "Abd al-Malik", "person", nth=1)


def test_a_term_accepts_the_other_word_the_article_gives_in_quotes_for_its_modifier():
    from quizapp.generation.candidates.fill_in_answers import modifier_alternative

    text = "Washing hands prevented puerperal or ‘childbed’ fever in the wards of Velm."
    assert modifier_alternative(text, "puerperal fever") == ["childbed fever"]
    assert modifier_alternative(text, "childbed fever") == ["puerperal fever"]
    # without quotes, two things are offered, not two names of one
    assert modifier_alternative("The red or blue team won the race at Velm.", "red team") == []
    keys, _ = _fill_ins(
        "In 1847 Orren Vask showed at Velm that washing hands prevented puerperal or ‘childbed’ fever. "
        "Before his reform, puerperal fever killed one mother in ten in the first clinic of Velm. "
        "The doctors of Dask denied that puerperal fever could be carried on the hands. "
        "Only in the 1880s did the doctors of Dask accept the cause of puerperal fever."
    )
    assert "childbed fever" in keys.get("puerperal fever", []), keys
