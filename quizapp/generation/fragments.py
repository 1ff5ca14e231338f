"""Sentences that state nothing alone: items of a list run into the text, and lines whose only verb is in brackets.

Items of a list run into the text: each ends in a semicolon at the end of its line.

"The Frankfurt team divides the culture into:" then "Early Nok, from about 1500 BCE to 900 BCE, when settled
farming communities appear;" and the next item: an item completes the line that introduces the list, and says
nothing alone. The parser may still find a main verb in it (the verb of its "when" clause), so the layout tells.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Corpus, Sentence
from .clauses import CLAUSE_SUBJECTS, FINITE_TAGS

# A semicolon closing a line (or the text), the last item's full stop after one, with the blank lines between them.
_ITEM_END = re.compile(r";[ \t]*(?:\n|\Z)")
_AFTER_ITEM = re.compile(r";[ \t]*\n\s*$")


def list_item(corpus: Corpus, sent: Sentence) -> bool:
    """The sentence ends its line with a semicolon, or follows a line that does (the list's last item)."""
    text = corpus.documents[sent.doc].text
    end = sent.start + len(sent.text.rstrip())
    if _ITEM_END.match(text, end - 1):  # the sentence's last character is the semicolon
        return True
    return _AFTER_ITEM.search(text, max(0, sent.start - 40), sent.start) is not None


_OPENING = frozenset("([")
_CLOSING = frozenset(")]")


def no_finite_verb(span: Any) -> bool:
    """No finite verb outside brackets: "Humayun's son Akbar (reigned 1556-1605)", "Between about 1200 and 500 BCE
    (the exact span is disputed)". The parser makes the bracketed verb the root, but a bracket glosses a note that
    makes no claim, and a question restating it asks nothing. A verb with its own subject counts however it is
    tagged."""
    depth = 0
    for t in span:
        if t.text in _OPENING:
            depth += 1
        elif t.text in _CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and (
            t.tag_ in FINITE_TAGS or (t.pos_ in ("VERB", "AUX") and any(c.dep_ in CLAUSE_SUBJECTS for c in t.children))
        ):
            return False
    return True
