"""A person the question names by surname is named as the article introduced them (texts made up for the
tests)."""

import pytest

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


def _decipherment():
    return parsed(
        "The stone became famous through Henry Creswicke Tallis, a British army officer stationed in Varna. "
        "Building on the work of the German scholar Georg Friedrich Brandt, Tallis copied the text in 1836. "
        "Brandt had identified royal names in 1802, and Tallis published a translation in 1847. "
        "Historians still debate how much credit should go to Tallis. "
        "For Tallis, the link was clear: the stone told the truth.",
        titles=("The Tolmar Stone",),
    )


@pytest.mark.parametrize(
    ("words", "written"),
    [
        # the article's words before the name, with what describes the role
        ("Brandt had identified", "The German scholar Georg Friedrich Brandt had identified royal names"),
        # a capital that only begins the sentence is no title
        ("For Tallis, the link", "For the British army officer Tallis, the link was clear"),
        # a role in apposition, put before the name as the question has it
        (
            "Historians still debate",
            "Historians still debate how much credit should go to the British army officer Tallis.",
        ),
        # the sentence that gives the role says it already
        ("became famous through", "The stone became famous through Henry Creswicke Tallis, a British"),
    ],
)
def test_a_role_the_article_gives_with_its_words(words, written):
    c = _decipherment()
    s = sentence(c, words)
    assert with_roles(c, s, s.text).startswith(written)


@pytest.mark.parametrize(
    ("text", "words", "title"),
    [
        (  # a role that is only what its "of" says
            "Henry Creswicke Tallis, a member of the Varna guild, built the bridge in 1513. "
            "Historians still debate how much credit should go to Tallis.",
            "Historians still debate",
            "Title",
        ),
        (  # a title stands before the name already
            "The banker Henry Creswicke Tallis was elected in 1513. In 1515 Pope Tallis authorised a new indulgence.",
            "In 1515",
            "Title",
        ),
        (  # the person the title names
            "The historian Anna Kessel studied the Tolmar riots in 1978. "
            "Kessel's book about the riots appeared in 1981.",
            "book about the riots",
            "Anna Kessel and the Tolmar Riots",
        ),
    ],
)
def test_a_person_is_left_as_written(text, words, title):
    c = parsed(text, titles=(title,))
    s = sentence(c, words)
    assert with_roles(c, s, s.text) == s.text


def test_a_surname_alone_is_the_one_full_name_given_a_role_that_ends_in_it():
    from quizapp.generation.roles import _one_full_name

    roles = {"Henry Tallis": ("officer", False), "Anna Brandt": ("scholar", True), "Karl Brandt": ("judge", True)}
    assert _one_full_name(roles, "Tallis") == "Henry Tallis"
    assert _one_full_name(roles, "Brandt") == ""  # two people share it
