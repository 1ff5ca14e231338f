"""Counts and articles in messages built from variables: "1 question", "74 questions", "an event".

Pure: the standard library only, so generation (reasons), services and templates (the ``count`` and
``a`` filters registered in create_app) word them the same way.
"""

from __future__ import annotations

# Words whose first letter misleads: a vowel sounding like "you"/"wun", or a silent h.
_A_BEFORE_VOWEL = ("eu", "one", "once", "uni", "use", "usu", "uti", "ura", "ure", "uro")
_AN_BEFORE_H = ("heir", "honest", "honor", "honour", "hour")


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` and the noun in the form it takes: count(1, "question") == "1 question", 74 -> "74 questions".

    ``plural`` for a noun that does not take an "s" (count(2, "was", "were")); a phrase pluralises
    its first word ("question is" -> "questions is" would be wrong, so pass both forms for those).
    """
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


def article(word: str) -> str:
    """The article for the word that follows, by how it is said: "an event", "a key", "a unit", "an hour"."""
    lower = word.strip().lower()
    if not lower:
        return "a"
    if lower.startswith(_AN_BEFORE_H):
        return "an"
    if lower.startswith(_A_BEFORE_VOWEL):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """The phrase after its article: with_article("event") == "an event"."""
    return f"{article(phrase)} {phrase}"
