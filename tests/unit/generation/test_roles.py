"""A person the question names by surname is named as the article introduced them (texts made up for the
tests)."""

from quizapp.generation.roles import with_roles

from ._articles import parsed, sentence


def _story():
    return parsed(
        "The historian Anna Kessel studied the Tolmar riots in 1978. "
        "Figures used by Kessel suggest that the town of Varna lost half its people. "
        "Kessel's book about the riots appeared in 1981."
    )


def test_a_surname_is_written_with_the_role_the_article_gave():
    c = _story()
    s = sentence(c, "Figures used by Kessel")
    assert with_roles(c, s, s.text) == (
        "Figures used by the historian Anna Kessel suggest that the town of Varna lost half its people."
    )
    first = sentence(c, "book about the riots")
    assert with_roles(c, first, first.text).startswith("The historian Anna Kessel's book")


def test_no_role_goes_into_the_key_or_the_sentence_that_gives_it():
    c = _story()
    s = sentence(c, "Figures used by Kessel")
    assert with_roles(c, s, "Figures used by _____ suggest ...", key="Anna Kessel") == (
        "Figures used by _____ suggest ..."
    )
    intro = sentence(c, "The historian Anna Kessel")
    assert with_roles(c, intro, intro.text) == intro.text
