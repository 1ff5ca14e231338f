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
