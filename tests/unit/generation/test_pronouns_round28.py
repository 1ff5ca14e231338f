"""Round 28: a person written in from the sentences before where a nearer name stands in the pronoun's own
sentence (texts made up for the tests)."""

from quizapp.generation.pronouns import stand_alone

from ._articles import parsed, sentence


def _alone(text, words):
    c = parsed(text)
    s = sentence(c, words)
    return stand_alone(c, s, s.text)


def test_a_name_before_the_pronoun_in_its_own_sentence_stops_a_write_in_from_before():
    # "Rastislav" is read as no one's name, so the chain of "he" from the sentences before would write in Brel
    out = _alone(
        "Tomas Brel was a monk of Nitra. He travelled widely. "
        "Because Rastislav wanted a church free of the Franks, he asked the bishop for teachers.",
        "Because Rastislav",
    )
    assert out is None or "Tomas Brel" not in out


def test_with_no_other_name_before_the_pronoun_the_write_in_stands():
    out = _alone(
        "Tomas Brel was a monk of Nitra. He travelled widely. "
        "Because the abbey wanted a church free of the Franks, he asked the bishop for teachers.",
        "the abbey wanted",
    )
    assert out == "Because the abbey wanted a church free of the Franks, Tomas Brel asked the bishop for teachers."


def test_she_is_never_written_in_as_a_name_with_a_mans_title():
    text = (
        "Anna Vell was a French mathematician. She married the soldier Piers Vell in 1725. "
        "Marquis Vell served in the army for many years. She translated the Principia into French."
    )
    out = _alone(text, "translated the Principia")
    assert out is None or "Marquis" not in out


def test_title_clash_reads_the_first_word_after_the():
    from quizapp.generation.pronouns import title_clash

    assert title_clash("she", "the Marquis du Vell")
    assert title_clash("his", "Queen Anne")
    assert not title_clash("she", "Anna Vell")
    assert not title_clash("he", "King Olaf")


def test_his_after_each_chief_is_never_written_in_as_one_man():
    text = (
        "Kofi Adu founded the league in 1701. He held its golden seat. "
        "Because each chief already owed loyalty to his own ancestral shrine, the league could easily break apart."
    )
    out = _alone(text, "each chief")
    assert out is None or "Kofi Adu" not in out


def test_no_one_else_does_not_take_his_from_the_man_before():
    text = (
        "Jan Rell ground his own lenses in Delft. Because no one else could match his lenses, his findings stood alone."
    )
    out = _alone(text, "no one else")
    assert out is not None
    assert "Jan Rell's lenses" in out


def test_a_possessor_named_before_the_pronoun_stops_a_write_in_from_before():
    text = (
        "Anna Vell was a French mathematician. She studied Newton with great care. "
        "When Arouet's Letters led to an order for his arrest, he fled to Cirey in Champagne."
    )
    out = _alone(text, "order for his arrest")
    assert out is None or "Anna Vell" not in out
