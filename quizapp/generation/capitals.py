"""Names copied from a title or heading set in capitals, written as the article's prose writes them."""

from __future__ import annotations

import re
from collections import Counter

# Two or more letters in capitals, or several such words in a row: "SIMA QIAN", "ARIKAMEDU".
_CAPS_RUN = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’-]+(?:[ -][A-Z][A-Z'’-]+)*(?![\w'’-])")
_MIN_LETTERS = 4
_MINOR = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "who", "with"}
)


def prose_forms(texts: list[str]) -> tuple[ProseForms, set[str]]:
    """The way the texts write each run of words outside capitals (lower-cased run -> most common form, worked
    out on the first look-up), and the words they write in capitals inside ordinary lines (acronyms such as
    "NATO")."""
    acronyms: set[str] = set()
    for text in texts:
        for line in text.split("\n"):
            if line.upper() == line:
                continue
            # A lone word in capitals among ordinary ones is an acronym; a run of them is a lead-in.
            acronyms.update(m.group(0) for m in _CAPS_RUN.finditer(line) if not re.search(r"[ -]", m.group(0)))
    return ProseForms(texts), acronyms


class ProseForms:
    """Lower-cased run -> the form the prose writes most, counted over every run of up to four words of every
    line on the first ``get``: most documents put no name in capitals into a question, and then it is never
    counted."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._forms: dict[str, str] | None = None

    def get(self, key: str) -> str | None:
        if self._forms is None:
            self._forms = _count_forms(self._texts)
        return self._forms.get(key)


def _count_forms(texts: list[str]) -> dict[str, str]:
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for line in text.split("\n"):
            if line.upper() == line:
                continue
            for match in re.finditer(r"[^\W\d_][\w'’-]*(?:[ -][^\W\d_][\w'’-]*)*", line):
                words = match.group(0)
                if words.upper() != words:
                    _add_runs(forms, words)
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


def _add_runs(forms: dict[str, Counter[str]], words: str) -> None:
    """Every run of up to four words of ``words``, keyed by its lower case."""
    tokens = re.split(r"( |-)", words)
    starts = range(0, len(tokens), 2)
    for start in starts:
        for end in range(start, min(start + 8, len(tokens)), 2):
            run = "".join(tokens[start : end + 1])
            if run.upper() != run:
                forms.setdefault(run.lower(), Counter())[run] += 1


def as_prose(value: str, forms: ProseForms | dict[str, str], acronyms: set[str]) -> str:
    """``value`` with each run in capitals written as the prose writes it; a run of several words the
    prose never writes, in title case (acronyms kept)."""

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        if sum(c.isalpha() for c in run) < _MIN_LETTERS or run in acronyms:
            return run
        written = forms.get(run.lower())
        if written:
            return written
        words = re.split(r"( |-)", run)
        if len(words) < 3 or all(w in acronyms for w in words[::2]):
            return run
        cased = [w if w in acronyms or w in " -" else _title_word(w) for w in words]
        return cased[0][:1].upper() + "".join(cased)[1:]

    return _CAPS_RUN.sub(fix, value)


def _title_word(word: str) -> str:
    """A word as a title writes it: capitalised, but for the small words ("of", "the")."""
    return word.lower() if word.lower() in _MINOR else word.capitalize()
