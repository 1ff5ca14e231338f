"""In the life of one person, "he" at the start of a paragraph, with no one else named on the way back, is that
person. (Texts made up for the tests.)"""

from __future__ import annotations

from ._articles import parsed, sentence

LIFE = (
    "Anselm Varro was born in Orvel in 1702, the son of a cloth merchant.\n\n"
    "He studied law at Kesh, where he learned Latin. He taught at the school of Varro for six years. "
    "He married a weaver's daughter in 1730. He moved to the hill town of Tessa in 1735.\n\n"
    "He then wrote a history of the river towns. In 1740 he drafted the Tessarion, his great book on the guilds. "
    "Anselm Varro died in Orvel in 1761; Varro was buried beside his father.\n\n"
    "His book was read for a century."
)


def test_he_at_the_start_of_a_paragraph_of_a_life_is_its_subject():
    from quizapp.generation.pronouns import principal_person, stand_alone

    c = parsed(LIFE, titles=("Anselm Varro (1702-1761)",))
    assert principal_person(c, 0, "he") == "Anselm Varro"
    assert principal_person(c, 0, "she") is None  # the life is a man's
    s = sentence(c, "drafted the Tessarion")
    # the chain of "he" runs back past the paragraph's start, with no one else named on the way
    assert stand_alone(c, s, "In 1740 he drafted the _____.", "Tessarion") == "In 1740 Anselm Varro drafted the _____."


def test_a_document_whose_title_names_no_one_has_no_principal_person():
    from quizapp.generation.pronouns import principal_person

    c = parsed(LIFE, titles=("The river towns",))
    assert principal_person(c, 0, "he") is None


def test_a_series_title_leaves_the_life_to_the_heading_below_it():
    from quizapp.generation import Block, CleanDocument
    from quizapp.generation.analysis import parse_corpus
    from quizapp.generation.entities import repair_kinds
    from quizapp.generation.nlp import get_nlp
    from quizapp.generation.pronouns import principal_person

    # a saved page: its title is the series' name, the person's name stands in the heading under it
    series = "Lives of the Guilds | Biography series"
    heading = "Anselm Varro (1702-1761)"
    text = f"{series}\n{heading}\n{LIFE}"
    blocks = [Block(0, len(series), "heading"), Block(len(series) + 1, len(series) + 1 + len(heading), "heading")]
    start = len(series) + len(heading) + 2
    for line in LIFE.split("\n\n"):
        begin = text.index(line, start)
        blocks.append(Block(begin, begin + len(line), "paragraph"))
        start = begin + len(line)
    doc = CleanDocument(name="d0.txt", title=series, format="txt", text=text, blocks=tuple(blocks))
    c = parse_corpus([doc], get_nlp())
    repair_kinds(c)
    assert principal_person(c, 0, "he") == "Anselm Varro"


def test_he_after_a_he_that_stands_for_a_name_of_its_own_sentence_means_that_name():
    from quizapp.generation.pronouns import stand_alone

    text = (
        "The reforms of Kesh began in 340 BC. Dorin Askel was a jurist: he believed that fear kept order. "
        "He divided the farmers into groups of five households."
    )
    c = parsed(text, titles=("The reforms of Kesh",))
    s = sentence(c, "He divided")
    assert stand_alone(c, s, "He divided the farmers into groups of _____ households.", "five") == (
        "Dorin Askel divided the farmers into groups of _____ households."
    )


def test_his_after_the_surname_of_the_person_it_means_is_left_as_written():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(LIFE, titles=("Anselm Varro (1702-1761)",))
    s = sentence(c, "drafted the Tessarion")
    # the surname stands before the pronoun: the full name is not written in again
    assert stand_alone(c, s, "In 1740 Varro and his clerk drafted the _____.", "Tessarion") == (
        "In 1740 Varro and his clerk drafted the _____."
    )
    # another name runs into the surname: it may be someone else of the family, so the name is written in
    assert stand_alone(c, s, "In 1740 Otte Varro and his clerk drafted the _____.", "Tessarion") == (
        "In 1740 Otte Varro and Anselm Varro's clerk drafted the _____."
    )
