"""Round 28: a person written in from the sentences before where a nearer, a bound or another sex's referent
stands (texts made up for the tests)."""

import pytest

from quizapp.generation.pronouns import stand_alone, title_clash

from ._articles import parsed, sentence


def _alone(text, words):
    c = parsed(text)
    s = sentence(c, words)
    return stand_alone(c, s, s.text)


@pytest.mark.parametrize(
    ("text", "words", "wrong"),
    [
        # "Rastislav" is read as no one's name: the chain of "he" from the sentences before would write in Brel
        (
            "Tomas Brel was a monk of Nitra. He travelled widely. "
            "Because Rastislav wanted a church free of the Franks, he asked the bishop for teachers.",
            "Because Rastislav",
            "Tomas Brel",
        ),
        # a man's title is never "she"
        (
            "Anna Vell was a French mathematician. She married the soldier Piers Vell in 1725. "
            "Marquis Vell served in the army for many years. She translated the Principia into French.",
            "translated the Principia",
            "Marquis",
        ),
        # "his own" ranges over each chief
        (
            "Kofi Adu founded the league in 1701. He held its golden seat. Because each chief already owed "
            "loyalty to his own ancestral shrine, the league could easily break apart.",
            "each chief",
            "Kofi Adu",
        ),
        # a possessor named before "his" is the likelier antecedent
        (
            "Anna Vell was a French mathematician. She studied Newton with great care. "
            "When Arouet's Letters led to an order for his arrest, he fled to Cirey in Champagne.",
            "order for his arrest",
            "Anna Vell",
        ),
    ],
)
def test_no_write_in_from_before_where_another_referent_stands(text, words, wrong):
    out = _alone(text, words)
    assert out is None or wrong not in out


def test_with_no_other_name_before_the_pronoun_the_write_in_stands():
    out = _alone(
        "Tomas Brel was a monk of Nitra. He travelled widely. "
        "Because the abbey wanted a church free of the Franks, he asked the bishop for teachers.",
        "the abbey wanted",
    )
    assert out == "Because the abbey wanted a church free of the Franks, Tomas Brel asked the bishop for teachers."


def test_title_clash_reads_the_first_word_after_the():
    assert title_clash("she", "the Marquis du Vell")
    assert title_clash("his", "Queen Anne")
    assert not title_clash("she", "Anna Vell")
    assert not title_clash("he", "King Olaf")


def test_no_one_else_does_not_take_his_from_the_man_before():
    text = (
        "Jan Rell ground his own lenses in Delft. Because no one else could match his lenses, his findings stood alone."
    )
    out = _alone(text, "no one else")
    assert out is not None
    assert "Jan Rell's lenses" in out
