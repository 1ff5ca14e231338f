"""Items of a list run into the text: each ends in a semicolon at the end of its line.

"The Frankfurt team divides the culture into:" then "Early Nok, from about 1500 BCE to 900 BCE, when settled
farming communities appear;" and the next item: an item completes the line that introduces the list, and says
nothing alone. The parser may still find a main verb in it (the verb of its "when" clause), so the layout tells.
"""

from __future__ import annotations

import re

from .analysis import Corpus, Sentence

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
