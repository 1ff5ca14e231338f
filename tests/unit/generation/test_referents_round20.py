"""A pronoun is not the one who does what its own infinitive says (texts made up for the tests)."""

from quizapp.generation.pronouns import links, stand_alone

from ._articles import parsed, sentence


def _museum():
    return parsed(
        "The old palace of Varna stood empty after 1919, and its roof fell in. "
        "In 1934 the city council under Mayor Anton Relk decided to make it a museum, which opened in 1935. "
        "The council voted to sell it in 1950."
    )


def test_an_object_is_not_the_subject_of_the_verb_its_infinitive_hangs_from():
    c = _museum()
    s = sentence(c, "decided to make it a museum")
    assert [x.antecedent for x in links(c, s) if x.word == "it"] != ["the city council"]
    # nothing else in the sentence can be "it": the question is not drafted with the council written in
    assert stand_alone(c, s, "In 1934 the city council under _____ decided to make it a museum.") is None


def test_the_same_for_a_direct_object():
    c = _museum()
    s = sentence(c, "voted to sell it")
    assert [x.antecedent for x in links(c, s) if x.word == "it"] != ["The council"]
