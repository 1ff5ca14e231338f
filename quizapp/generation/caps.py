"""Words a prompt took in capitals from a title or heading ("The ANTIKYTHERA MECHANISM survives ...") are written
as the article writes them in its prose ("The Antikythera mechanism survives ...")."""

from __future__ import annotations

import re
from collections import Counter

from .analysis import Corpus, Sentence

_SHOUTED = re.compile(r"\b[A-Z][A-Z'\u2019-]{2,}\b")


def sentence_case(corpus: Corpus, sent: Sentence, prompt: str) -> str:
    """``prompt`` with each all-capital word its source sentence does not hold so recased to the article's most
    frequent other spelling of it; a word the article never writes otherwise (an acronym: "NATO") is kept."""
    words = {m.group(0) for m in _SHOUTED.finditer(prompt)} - set(re.findall(r"\b\S+\b", sent.text))
    if not words:
        return prompt
    text = corpus.documents[sent.doc].text
    for word in words:
        spellings = Counter(
            m.group(0) for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I) if m.group(0) != word
        )
        if spellings:
            prompt = re.sub(rf"\b{re.escape(word)}\b", spellings.most_common(1)[0][0], prompt)
    return prompt[:1].upper() + prompt[1:]
