"""Fill-ins that take a fair other form of the key and refuse a loose one (quality v16, round 17): a ruler's name
without the regnal number inside it, a sea's name with and without "Sea", the name in its own language the article
brackets after the key, and no common head noun the article writes alone only in the other number."""

from quizapp.generation.candidates.fill_in_answers import (
    _head_alone,
    _variant_names,
    foreign_bracketed,
    named_after_leader,
)
from quizapp.generation.candidates.name_forms import without_inner_numeral

from ._articles import parsed


def test_a_name_with_its_number_inside_is_accepted_without_it():
    corpus = parsed("In 1611 Osric II Veldhart became king of Tarsland. Osric II Veldhart fought Velm for the coast.")
    assert without_inner_numeral(corpus, 0, "Osric II Veldhart") == ["Osric Veldhart"]
    assert without_inner_numeral(corpus, 0, "Osric II") == []  # a number at the end: ``ruler_forms``
    two = parsed("Osric II Veldhart ruled Tarsland from 1611. Osric III Veldhart lost it in 1680.")
    assert without_inner_numeral(two, 0, "Osric II Veldhart") == []  # the bare name would name the other too


def _head_alone_of(text: str, key: str) -> list[str]:
    """The head-alone answers of the key's last mention in the text."""
    corpus = parsed(text)
    sent = next(s for s in reversed(corpus.sentences) if key in s.text)
    words = key.split()
    at = next(i for i, t in enumerate(sent.tokens) if t.text == words[0] and sent.tokens[i + 1].text == words[-1])
    return _head_alone(corpus, sent, sent.tokens[at], sent.tokens[at + len(words) - 1])


def test_a_common_head_the_article_writes_alone_only_in_the_other_number_is_no_answer():
    text = (
        "The envoys compared the rules, and the testing of the rules became a famous tale. "
        "Older scholars described a long period of dual rule in the villages. "
        "Later scholars doubted that dual rule was ever widespread."
    )
    assert _head_alone_of(text, "dual rule") == []
    same = text.replace("the testing of the rules", "the testing of the rule")  # the key's own number: its shorthand
    assert "rule" in _head_alone_of(same, "dual rule")


def test_a_sea_named_by_its_first_word_is_accepted_with_sea():
    assert "Baltic Sea" in _variant_names()["baltic"]
    assert "Baltic" in _variant_names()["baltic sea"]
    assert "red" not in _variant_names()  # "Red" alone names no sea


def test_the_name_in_its_own_language_bracketed_after_the_key_is_accepted():
    text = 'The Velmish Land Code (Code foncier des Velmois) of 1810. Scholars saw "mixed creed" (dvoyeriya) there.'
    assert foreign_bracketed(text, "Velmish Land Code") == ["Code foncier des Velmois"]
    assert foreign_bracketed(text, "mixed creed") == ["dvoyeriya"]
    english = "The Velmish Land Code (mainly French) of 1810. Anna Velde (née Smith) wrote it. The Code (1810)."
    assert foreign_bracketed(english, "Velmish Land Code") == []  # an English gloss, not a name
    assert foreign_bracketed(english, "Anna Velde") == []  # led by a small word: no name


def test_a_rare_noun_only_participles_qualify_is_accepted_alone_and_with_each():
    text = (
        "The lake shrank after 1960. Farmers later worked on the dried lakebed near Velm. "
        "The exposed lakebed became a salt desert."
    )
    answers = _head_alone_of(text, "exposed lakebed")
    assert answers[0] == "lakebed"
    assert "dried lakebed" in answers
    kinds = text.replace("the dried lakebed", "the northern lakebed")  # another part of it, not a state
    assert _head_alone_of(kinds, "exposed lakebed") == []


def test_a_body_the_article_names_after_its_leader_is_accepted_by_that_name():
    text = (
        "Confirmation by the Velde Commission\n\n"
        "In 1900 the army sent a Marsh Fever Commission to Osmira under Major Arno Velde, with Tomas Kell."
    )
    corpus = parsed(text)
    sent = next(s for s in corpus.sentences if "Marsh Fever Commission" in s.text)
    assert named_after_leader(corpus, sent, "Marsh Fever Commission") == ["Velde Commission"]
    alone = parsed(text.replace("Velde Commission", "commission's work"))
    sent = next(s for s in alone.sentences if "Marsh Fever Commission" in s.text)
    assert named_after_leader(alone, sent, "Marsh Fever Commission") == []  # never named so
