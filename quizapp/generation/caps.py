"""Words a prompt took in capitals from a title or heading ("The ANTIKYTHERA MECHANISM survives ...") are written
as the article writes them in its prose ("The Antikythera mechanism survives ...")."""

from __future__ import annotations

import re
from collections import Counter

from .analysis import Corpus, Sentence
from .lexicon import TITLES
from .textutil import dictionary_word
from .timeline import LABEL

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


# The capital a sentence's first word carries is the sentence's, not the word's: where a date or a question is put
# in front of it ("On 4 July 1817, Ground was broken", "When were Tolls abolished"), a common word loses it.
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def lower_opening_word(corpus: Corpus, sent: Sentence, prompt: str) -> str:
    """``prompt`` with the source sentence's first word in lower case where the prompt has it after other words
    and it is a common word: one the dictionary knows in lower case, not part of a name (no entity, no name after
    it), that the article never writes with a capital after a lower-case word ("and Field seeks funds")."""
    m = LABEL.match(sent.text)
    body = sent.text[m.end() if m else 0 :].lstrip(" \"'\u201c\u2018([")
    word = re.match(r"[A-Z][a-z]+(?![\w'\u2019-])", body)
    if word is None:
        return prompt
    w = word.group(0)
    inside = re.search(rf"(?<=[\w,] ){w}(?![\w'\u2019-])", prompt)
    if inside is None or not dictionary_word(w.lower()) or w.lower() in TITLES:
        return prompt
    if re.match(r" of (?:the )?[A-Z]", prompt[inside.end() :]):
        return prompt  # "Truce of Adrianople", "Siege of Vienna": a name's class noun
    tok = next((t for t in sent.tokens if t.text == w), None)
    if tok is None or tok.ent_type_ in _ENTITY_LABELS:
        return prompt
    if tok.i + 1 < len(tok.doc) and tok.nbor(1).pos_ == "PROPN":
        return prompt  # "Imperial Russia", "Fort Orange": the first word of a name
    if corpus.kept("capital_after_lower_case", (sent.doc, w), lambda: _after_lower_case(corpus, sent.doc, w)):
        return prompt  # a name wherever the article writes it
    return prompt[: inside.start()] + w.lower() + prompt[inside.end() :]


def _after_lower_case(corpus: Corpus, doc: int, word: str) -> bool:
    return re.search(rf"[a-z,;] {word}(?![\w'\u2019-])", corpus.documents[doc].text) is not None
