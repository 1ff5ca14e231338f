"""The place a whole document is about: "Java" in an article on Borobudur, "Russia" in one on Peter the Great.

A question whose answer is that place tests nothing: a student who read only the first line, or none, writes it
in ("peasants were conscripted from across _____"). The setting is the place the document names in more of its
sentences than any other, and in at least a few: counted once per document from the mentions the parse already
holds, so asking a key costs a dictionary look-up.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .analysis import Corpus, norm_key
from .textutil import contains_phrase

# Named in at least this many sentences, and this share of them: a place named twice is a detail, not a setting.
SETTING_MIN_SENTENCES = 5
SETTING_SHARE = 0.1
# A country or a wider region: a city or a site named most often is what the article is about ("Florence" in the
# history of a bank there), and asking where a thing happened in it is often the point of a question.
WIDE_PLACES = frozenset({"country", "region"})


def document_settings(corpus: Corpus) -> dict[int, str]:
    """Document index -> the normalised name of its setting (documents without a clear one are left out)."""
    cached = corpus.cache.get("settings")
    if cached is not None:
        return cached
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    sentences: Counter[int] = Counter()
    wide: set[str] = set()
    for s in corpus.sentences:
        sentences[s.doc] += 1
        counts[s.doc].update({m.norm for m in s.mentions if m.kind == "place"})
        wide.update(m.norm for m in s.mentions if m.kind == "place" and m.sub in WIDE_PLACES)
    out: dict[int, str] = {}
    for doc, tally in counts.items():
        top = tally.most_common(2)
        if not top or top[0][0] not in wide or top[0][1] < max(SETTING_MIN_SENTENCES, SETTING_SHARE * sentences[doc]):
            continue
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[doc] = top[0][0]  # a tie means two places share the article: neither is the setting alone
    corpus.cache["settings"] = out
    return out


def is_setting(key: str, setting: str) -> bool:
    """Whether a key is the setting, or the setting with a qualifier ("Central Java" for "Java")."""
    if not setting or not key:
        return False
    mine = norm_key(key)
    return mine == setting or (len(mine.split()) <= 2 and contains_phrase(mine, setting))


def document_people(corpus: Corpus) -> dict[int, str]:
    """Document index -> the normalised name of the people or nation it is about ("the Nabataeans" in a history
    of their kingdom), by the same measure as the place: asking for it tests nothing."""
    cached = corpus.cache.get("document_people")
    if cached is not None:
        return cached
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    sentences: Counter[int] = Counter()
    for s in corpus.sentences:
        sentences[s.doc] += 1
        counts[s.doc].update({m.norm for m in s.mentions if m.kind == "group"})
    out: dict[int, str] = {}
    for doc, tally in counts.items():
        top = tally.most_common(2)
        named_most = top and top[0][1] >= max(SETTING_MIN_SENTENCES, SETTING_SHARE * sentences[doc])
        if named_most and (len(top) == 1 or top[0][1] > top[1][1]):
            out[doc] = top[0][0]  # a tie means two peoples share the article: neither is its subject alone
    corpus.cache["document_people"] = out
    return out
