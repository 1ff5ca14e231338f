"""Small text helpers shared by candidates and guards: words, anaphora, tidying."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from lemminflect import getAllLemmas
from wordfreq import zipf_frequency


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The word's Zipf frequency in English: wordfreq tokenises each word it is asked about, and the same few names
    and class words come back for every candidate, so one cache serves every rule."""
    return float(zipf_frequency(word, "en"))


BLANK = "_____"
# The brief's bound (about 28 words; the 90th percentile of stems at most 28). Judged stems of 24-26 words were
# taken as-is more often than shorter ones (readers 10-22: 44% against 26-40%) and no note asked to trim one, so
# the cap stands at the brief's number, not below it (round 28, density).
MAX_PROMPT_WORDS = 28

_START_ANAPHORA = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "this",
        "these",
        "that",
        "those",
        "such",
        "here",
        "there",
        "then",
        "thereafter",
        "afterwards",
        "meanwhile",
        "both",
        "another",
        "other",
        "others",
        "latter",
        "former",
        "later",
        "subsequently",
        "thus",
        "hence",
        "consequently",
        "therefore",
        "also",
        "moreover",
        "furthermore",
        "besides",
        "nevertheless",
        "however",
        "instead",
        "likewise",
        "similarly",
        "so",
    }
)
# Phrases that point back to something said before, wherever they stand.
_ANAPHORIC_PHRASES = re.compile(
    r"\b(?:in return|the latter|the former|the same|these purposes|this purpose|this end|for this reason|"
    r"as a result|in other words|at that time|at the same time|on the other hand|on the contrary|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
    r"several|a few|few|some|many|\d+) "
    r"(?:days?|weeks?|months?|years?|decades?) "
    r"(?:later|earlier|after|before)|the following (?:day|week|month|year)|the next (?:day|week|month|year)|"
    r"within (?:a |the )?(?:few |several |some |\w+ )?(?:days?|weeks?|months?|years?)|"
    r"the previous (?:day|week|month|year)|this time|that time|here|these|this|those|such|"
    r"the above|above-mentioned|aforementioned|the number(?! of)|"
    # "against the two claims": a count with "the" and nothing after that says which points back to them
    r"the (?:two|three|four|five|six|seven|eight|nine|ten) (?-i:[a-z]+s)(?! (?:of|in|at|from|who|whom|that|which|"
    r"named|called|known)\b))\b",
    re.I,
)
# "A fourth, the Codex of X, ...": an ordinal with no noun counts on from things told before; "remembers the day"
# (no "of ...", "when ...") is a day told before. Timing phrases ("during the day", "by the day") point nowhere.
_COUNTED_ON = re.compile(
    r"\ban? (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?=,| (?:was|is|were|are|had|has)\b)|"
    r"(?<!during )(?<!\bby )(?<!\bof )(?<!\ball )(?<!\bper )\bthe day\b"
    r"(?! (?:of|when|that|on which|in which|before|after|he|she|they|it|was|is)\b)",
    re.I,
)
# Every match of _COUNTED_ON holds one of these: its lookbehinds make it slow to run over a text that has none,
# which is most texts.
_COUNTED_ON_WORDS = ("the day", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _may_count_on(text: str) -> bool:
    """False only where _COUNTED_ON cannot match. Outside ASCII the regex's case-blind matching knows letters that
    ``lower`` does not fold (the long s, the Kelvin sign): such a text is always searched."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(w in low for w in _COUNTED_ON_WORDS)


# "A different approach was offered by X": a comparison whose other term the text gave before ("different from
# what?"); "a different calendar from the Julian" or "similar to" names it.
_COMPARED_TO_UNSAID = re.compile(
    r"\b(?:an?|the) (?:different|similar|alternative|rival|opposite|contrary) (?:[a-z]+ )?"
    r"(?:approach|view|explanation|interpretation|answer|account|theory|argument|reading|conclusion|verdict|picture|"
    r"story|version|method|model|idea|position|course|path|strategy|policy)\b(?! (?:from|to|than)\b)",
    re.I,
)
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers|its|they|them|their|theirs)\b", re.I)
# Capitalised words that are no antecedent: "In February 1874 she ..." names no one.
_NOT_NAMES = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
THERE_LOCATIVE = re.compile(
    r"\bthere\b(?!\s+(?:was|were|is|are|had|has|have|will|would|seemed|seems|being|be)\b)", re.I
)
_WORD = re.compile(r"[\w'’-]+", re.U)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, digits, apostrophes and hyphens)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(words(text))


@lru_cache(maxsize=8192)  # the guards and the context writer ask it of one prompt several times
def anaphora_problem(text: str) -> str | None:
    """Why ``text`` depends on an unresolved pronoun or anaphor, or None if it reads on its own."""
    body = re.sub(r"^(?:according to [^,]{1,80},\s*|true or false:\s*)", "", text.strip(), flags=re.I)
    ws = words(body)
    if not ws:
        return None
    if ws[0].lower() in _START_ANAPHORA:
        return f"starts with '{ws[0]}'"
    m = _ANAPHORIC_PHRASES.search(body)
    if m:
        return f"anaphoric phrase '{m.group(0)}'"
    m = _COUNTED_ON.search(body) if _may_count_on(body) else None
    if m:
        return f"anaphoric phrase '{m.group(0)}'"
    m = _COMPARED_TO_UNSAID.search(body)
    if m:
        return f"compared with something unsaid: '{m.group(0)}'"
    m = THERE_LOCATIVE.search(body)
    if m:
        return "locative 'there'"
    m = _PERSONAL.search(body)
    if m:
        before = body[: m.start()]
        # A pronoun is resolved only if a name (a capitalised word after the first) precedes it.
        before = _NOT_NAMES.sub("", before.strip()[1:] if before.strip() else "")
        if not re.search(r"\b[A-Z][a-z]", before):
            return f"pronoun '{m.group(0)}' without antecedent"
    return None


# Each pass with the characters one of which it needs to match ("" for none): a pass is skipped on a text
# without them, which it would leave as it is (the passes only take characters away or collapse spaces).
_TIDY = [
    (re.compile(p), r, needs)
    for p, r, needs in (
        (r"\s+", " ", ""),
        (r"\(\s*\)", "", "("),
        (r"\s+([,.;:?!)])", r"\1", ""),
        (r"\s+(['’]s)\b", r"\1", "'’"),
        (r'"\s+([^"]*?)\s+"', r'"\1"', '"'),
        (r'(?<=\s)"\s+(?=[^\s"][^"]*"[\s,.;:?!]|[^\s"][^"]*"$)', '"', '"'),
        (r"([(])\s+", r"\1", "("),
        (r",(\s*,)+", ",", ","),
        (r",\s*([.?!])", r"\1", ","),
        (r"^[\s,;:-]+", "", ""),
    )
]


@lru_cache(maxsize=8192)  # nine regex passes, asked again of the same cut of a sentence by several makers
def tidy(text: str) -> str:
    """Collapse spaces and fix punctuation left behind by cutting phrases out of a sentence."""
    for pattern, repl, needs in _TIDY:
        if not needs or any(ch in text for ch in needs):
            text = pattern.sub(repl, text)
    return text.strip()


def drop_parentheticals(text: str) -> str:
    """Remove bracketed asides (glosses, original-language names) that lengthen a prompt."""
    if "(" not in text:
        return tidy(text)  # nothing in brackets: the two passes below would leave it as it is
    if BLANK in "".join(re.findall(r"\([^()]*\)", text)):
        return text
    return tidy(re.sub(r"\s*\([^()]*\)", "", text))


def tokens_text(tokens: Iterable[Any]) -> str:
    """Join spaCy tokens with their own spacing."""
    toks = list(tokens)
    if not toks:
        return ""
    # Where tokens were cut out between two ("treaty , however , did"), keep a space between the neighbours.
    return (
        "".join(
            t.text_with_ws if t.whitespace_ or toks[k + 1].i == t.i + 1 else t.text + " "
            for k, t in enumerate(toks[:-1])
        )
        + toks[-1].text
    )


def keeps_capital(token: Any) -> bool:
    """Whether a word moved to the front of a question keeps its capital: a proper noun by its tag, or a word
    the source capitalises inside a sentence (the model tags some surnames as common nouns: "In 1834 Babbage
    began"); only a sentence's first word is capitalised for its place alone."""
    # ("German armoured divisions": a nationality is written with a capital wherever it stands)
    return (
        token.pos_ == "PROPN"
        or token.tag_ == "NNP"
        or token.text == "I"
        or token.ent_type_ == "NORP"
        or (not token.is_sent_start and token.text[:1].isupper())
        # "Pompeii, together with Herculaneum, was listed": the tagger took the name for a common noun, but the
        # dictionary knows no such word in lower case
        or (token.pos_ == "NOUN" and token.text.istitle() and token.is_alpha and not dictionary_word(token.lower_))
    )


@cache
def dictionary_word(word: str) -> bool:
    """Whether the dictionary knows the word as a common noun, verb or adjective ("ground", "tolls"; not "rome")."""
    return any(pos in getAllLemmas(word) for pos in ("NOUN", "VERB", "ADJ", "ADV"))


def plural_of(word: str) -> str:
    """The regular plural of a noun ("church" -> "churches", "colony" -> "colonies", "Capuchin" -> "Capuchins")."""
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def singular_of(noun: str) -> str:
    """The singular of a regular plural ("colonies" -> "colony", "churches" -> "church", "stores" -> "store"); a
    word that is no such plural, as it is."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 else noun


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def as_sentence(text: str) -> str:
    """Capitalise and end with a full stop."""
    t = tidy(text).rstrip(" ,;:")
    if t and t[-1] not in ".!?":
        t += "."
    return capitalise(t)


def contains_phrase(haystack: str, needle: str) -> bool:
    """Case-insensitive whole-word containment (string search, no regex: it runs millions of times)."""
    n = needle.strip().lower()
    if not n:
        return False
    h = haystack.lower()
    i = h.find(n)
    while i >= 0:
        before = h[i - 1] if i > 0 else " "
        after = h[i + len(n)] if i + len(n) < len(h) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        i = h.find(n, i + 1)
    return False


def content_tokens(text: str) -> set[str]:
    """Lower-cased words longer than two letters, minus a few function words (for overlap checks)."""
    stop = {
        "the",
        "and",
        "for",
        "was",
        "were",
        "with",
        "from",
        "that",
        "this",
        "which",
        "who",
        "what",
        "when",
        "where",
        "how",
        "many",
        "did",
        "does",
        "true",
        "false",
        "according",
    }
    return {w.lower() for w in words(text) if len(w) > 2 and w.lower() not in stop}


# Words that stand for a noun a sentence before named ("Two towns stood there. One was a Muslim town", "Many
# fled"): as a key they ask for a counting word, not a fact. Both the fill-in maker and the final guard read it.
STAND_IN_WORDS = frozenset(
    {"one", "ones", "some", "many", "few", "several", "both", "others", "another", "most", "all", "none", "each"}
    | {"either", "neither"}
)


# What a blank wants, written after it ("in the _____ (decade)", see fill_in.decade_blank): read by the student, not
# part of the sentence, so no guard counts it among the stem's words or looks before a name for it.
BLANK_HINT = " (decade)"


def without_hint(prompt: str) -> str:
    """The prompt without the hint after its blank."""
    return prompt.replace(BLANK + BLANK_HINT, BLANK)


_ANCHOR = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]|[A-Z]{2,}")


def has_anchor(text: str) -> bool:
    """Whether a prompt names someone or somewhere (a capitalised word after the first; a year alone is
    not enough): without one, "Testing activities outweighed training activities" means nothing out of context."""
    return _ANCHOR.search(text) is not None
