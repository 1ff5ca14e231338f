"""Shortcuts in per-token and per-key checks (issue #15's speed target): each gives what the check it speeds up
gave (texts made up for the tests)."""

from quizapp.generation.definites import _short_name
from quizapp.generation.distractors import MAX_SCAN, TOP, DistractorIndex, pool_of
from quizapp.generation.glosses import _LETTERS_TOO, _wordlike

from ._articles import parsed, sentence


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


def _wordlike_by_character(text: str) -> bool:
    return bool(text) and all(ch.isalpha() or ch in _LETTERS_TOO for ch in text) and any(c.isalpha() for c in text)


def test_a_word_is_wordlike_as_by_reading_each_character():
    texts = ["Kitab", "al-Manazir", "ʿAbd", "’s", "-", "1658", "", "Poeni,", "ship's", "Ærø", "x2", "’", "naïve"]
    for text in texts:
        assert _wordlike(_Text(text)) == _wordlike_by_character(text), text


def _short_name_sentence_first(t) -> bool:
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.text[1:].islower()
        and t.dep_ != "compound"
        and t.i > t.sent.start
        and t.doc[t.i - 1].lower_ == "the"
        and all(k.i == t.i - 1 or (k.dep_ == "case" and k.i == t.i + 1) for k in t.children)
    )


def test_a_short_name_is_found_as_when_its_sentence_was_read_first():
    c = parsed(
        "The Hanseatic League traded in Lubeck. The League met there in 1356. Lubeck led the League's towns.\n\n"
        "Republic of Kelsby. The Republic ended in 1797, and the Senate fled."
    )
    found = []
    for s in c.sentences:
        for t in s.tokens:
            assert _short_name(t) == _short_name_sentence_first(t), t.text
            if _short_name(t):
                found.append(t.text)
    assert "League" in found  # the shortcut is asked of words that are short names, not only of others


def test_the_nearest_values_of_a_pool_are_those_sorting_it_gives():
    years = " ".join(f"In {1700 + (k * 7) % 90} the town of Kelsby{k} built a mill." for k in range(MAX_SCAN + 20))
    c = parsed(years + " In 1741 Ivar Holm reached Tula.")
    index = DistractorIndex(c)
    key = next(m for m in sentence(c, "Ivar Holm").mentions if m.kind == "date")
    pool = index.pools[pool_of(key)]
    assert len(pool) > MAX_SCAN  # the pool is windowed: the nearest are picked from it

    def metric(v):
        return abs(v.mention.date.year - key.date.year)

    assert index._sorted_by(pool, metric, key) == sorted(pool, key=lambda v: (metric(v), v.norm))[: MAX_SCAN - TOP]
