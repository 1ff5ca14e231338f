"""The shortcuts taken for speed give what the slower code they replace gave (round 19, speed)."""

import itertools
import re

from quizapp.generation.setting import _joined_sentences, _sentences_with_key, _whole_phrase_in
from quizapp.generation.textutil import _COUNTED_ON, _TIDY, _may_count_on, anaphora_problem, tidy

_PIECES = ["kyiv", "Kyiv", " ", "-", "'", "’", "_", "é", "1", "s", "\x00"]


def _regex_whole(phrase: str, text: str) -> bool:
    return bool(re.search(rf"(?<![\w’'-]){re.escape(phrase)}(?![\w’'-])", text))


def test_whole_phrase_matches_the_boundary_regex() -> None:
    texts = ["".join(p) for n in range(4) for p in itertools.product(_PIECES, repeat=n)]
    for phrase in ("kyiv", "s", "kyiv s"):
        for text in texts:
            assert _whole_phrase_in(phrase, text) == _regex_whole(phrase, text), (phrase, text)
    assert _whole_phrase_in("kyiv", "the fall of kyiv.")
    assert not _whole_phrase_in("kyiv", "kyiv's walls")
    assert not _whole_phrase_in("kyiv", "kyivan rus")


def test_sentences_with_key_counts_as_one_test_per_sentence() -> None:
    lowered = ["kyiv fell.", "the kyivan state", "rus of kyiv", "", "kyiv-rus", "sogdians traded"]
    sents = [(s, frozenset(re.findall(r"[\w'’-]+", s))) for s in lowered]
    joined = _joined_sentences(sents)
    for low, forms in (
        ("kyiv", frozenset()),
        ("kyiv", frozenset({"sogdians"})),
        ("rus", frozenset()),
        ("", frozenset()),
    ):
        expected = sum(1 for s, found in sents if _whole_phrase_in(low, s) or not forms.isdisjoint(found))
        assert _sentences_with_key(sents, joined, low, forms) == expected
    assert _sentences_with_key(sents, joined, "kyiv", frozenset({"sogdians"})) == 3


def test_counted_on_prefilter_never_hides_a_match() -> None:
    for text in ("A second, the Codex, was lost.", "She remembered The Day well.", "An Eighth was found.", "ſecond"):
        if _COUNTED_ON.search(text):
            assert _may_count_on(text)
    assert not _may_count_on("The fleet sailed in 1588.")
    assert anaphora_problem("A third, the Codex of Tesk, was lost.") == "anaphoric phrase 'A third'"


def test_tidy_skips_only_passes_that_cannot_change_the_text() -> None:
    texts = [
        "The king ( ) left , and  the court 's men ( who stayed ) , , ate .",
        'He said " yes " to it , .',
        ", ; the rest",
        "the men’s  tents ,, were burnt",
        "plain words only",
    ]
    for text in texts:
        every_pass = text
        for pattern, repl, _ in _TIDY:
            every_pass = pattern.sub(repl, every_pass)
        assert tidy(text) == every_pass.strip()
    assert tidy('He said " yes " to it , .') == 'He said "yes" to it.'
