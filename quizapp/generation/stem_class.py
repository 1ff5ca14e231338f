"""What the stem's own class noun asks of every option (issue #15, round 13).

A stem that writes a class noun beside its blank restricts the options to those the article gives that class:
"Pope _____" asks for a pope, not a count; "the Mediterranean port of _____" for a port, not an inland city;
"married _____, an Englishwoman" for a woman. The article's words decide (a title before a name, "the port of
X", "X, the sister of Y"): a student rules out an option of another class without knowing anything.
"""

from __future__ import annotations

import re

from .analysis import Mention, doc_text
from .lexicon import SCHOLARS
from .textutil import dictionary_word, singular_of

# Titles of rank a stem may put before its blank ("Pope ___", "King ___ of Aragon", "Queen ___"): every option
# must be one the article gives that title, or a student rules it out (a count among popes, a man among queens).
RANK_TITLES = frozenset(
    {
        "pope", "king", "queen", "emperor", "empress", "sultan", "tsar", "czar", "tsarina", "shah", "pharaoh",
        "caliph", "khan", "prince", "princess", "duke", "duchess", "count", "countess", "baron", "bishop",
        "archbishop", "cardinal", "president", "general", "admiral",
    }
)  # fmt: skip
_SAME_TITLE = {"czar": "tsar", "tsarina": "tsar"}
# Nouns of a harbour town ("the port of X", "X, a port"), and verbs by which ships leave or reach one.
PORT_WORDS = frozenset({"port", "harbour", "harbor", "seaport", "docks"})
_SAILING_VERBS = frozenset({"sail", "ship", "dock", "anchor", "embark", "disembark", "land"})
_STEM_TITLE = re.compile(r"\b([A-Za-z]+) _{3,}")
_STEM_PORT = re.compile(r"\b(?:port|harbour|harbor|seaport)s?(?: of| at)? _{3,}|_{3,} (?:harbour|harbor)\b", re.I)


def _title(word: str) -> str:
    w = word.lower().rstrip(".")
    return _SAME_TITLE.get(w, w) if w in RANK_TITLES else ""


def rank_titles(m: Mention) -> set[str]:
    """The rank titles a mention's sentence gives the person: "Pope X", "the future emperor X", "X, king of Y",
    "X became king"."""
    out = {_title(m.first.text)} if m.last.i > m.first.i else set()
    if m.first.i > m.sent.span.start:
        out.add(_title(m.first.nbor(-1).text))
    out |= {_title(c.lemma_) for c in m.root.children if c.dep_ == "appos" and c.i > m.last.i}
    if m.root.dep_ == "nsubj" and m.root.head.lemma_ in ("be", "become"):
        out |= {_title(c.lemma_) for c in m.root.head.children if c.dep_ in ("attr", "oprd", "acomp")}
    return out - {""}


# Words that make a person a woman: "Queen X", "X, the sister of Y", "his wife X", "X, an Englishwoman".
FEMALE_WORDS = frozenset(
    {
        "queen", "empress", "princess", "duchess", "countess", "baroness", "lady", "tsarina", "abbess", "nun",
        "wife", "widow", "daughter", "sister", "mother", "grandmother", "aunt", "niece", "bride", "heiress",
        "woman", "girl", "mistress", "consort", "stepmother", "stepdaughter",
    }
)  # fmt: skip
_FEMALE = "|".join(sorted(FEMALE_WORDS))
# The stem calls its blank a woman: "Queen _____", "his wife _____", "_____, the sister of", "_____, an Englishwoman"
_STEM_WOMAN = re.compile(
    rf"\b(?:{_FEMALE}) _{{3,}}|_{{3,}}, (?:the |an? |his |her )?(?:[a-z]+ )?(?:{_FEMALE}|[a-z]*woman)\b", re.I
)


def _female_word(word: str) -> bool:
    w = word.lower()
    return w in FEMALE_WORDS or (w.endswith("woman") and w.isalpha())


def called_a_woman(m: Mention) -> bool:
    """Whether the sentence calls the person a woman: a woman's title or kinship word just before the name, in
    apposition after it, or as what the person was ("X became queen")."""
    if m.last.i > m.first.i and _female_word(m.first.text):
        return True
    if m.first.i > m.sent.span.start and _female_word(m.first.nbor(-1).text):
        return True
    if any(c.dep_ == "appos" and _female_word(c.lemma_) for c in m.root.children):
        return True
    if m.root.dep_ == "appos" and _female_word(m.root.head.text):
        return True  # "his wife, X"
    r = m.root
    return (
        r.dep_ == "nsubj"
        and r.head.lemma_ in ("be", "become")
        and any(c.dep_ == "attr" and _female_word(c.lemma_) for c in r.head.children)
    )


def called_a_port(m: Mention) -> bool:
    """Whether the sentence calls the place a port ("the port of X", "X harbour", "X, a port") or has ships sail
    from or to it."""
    start, doc = m.sent.span.start, m.first.doc
    before = [t.lower_ for t in doc[max(start, m.first.i - 3) : m.first.i] if t.lower_ not in ("the", "a", "an")]
    if before and before[-1] == "of":
        before.pop()  # "the port of X" as "port X"
    if before and before[-1] in PORT_WORDS:
        return True
    if m.last.i + 1 < m.sent.span.end and m.last.nbor(1).lower_ in PORT_WORDS:
        return True
    if any(c.dep_ == "appos" and c.lower_ in PORT_WORDS for c in m.root.children):
        return True
    r = m.root
    return r.dep_ == "pobj" and r.head.lower_ in ("from", "to", "at", "into") and r.head.head.lemma_ in _SAILING_VERBS


def stem_title(prompt: str) -> str:
    """The rank title the stem writes just before its blank ("King" of "King _____ of Aragon"), or ""."""
    match = _STEM_TITLE.search(prompt)
    return _title(match.group(1)) if match else ""


def stem_asks_a_woman(prompt: str) -> bool:
    """Whether the stem calls its blank a woman ("Queen _____", "married _____, an Englishwoman")."""
    return _STEM_WOMAN.search(prompt) is not None


def stem_asks_a_port(prompt: str) -> bool:
    """Whether the stem calls its blank a port ("the Mediterranean port of _____")."""
    return _STEM_PORT.search(prompt) is not None


# The stem names its blank's class: "the _____, a store that ...", "historians, including _____". Articles and
# a few describing words may stand before the noun ("_____, a small trading company").
_STOP_AFTER_NOUN = (
    r"(?=\s+(?:that|which|who|whose|where|of|in|from|for|and|with|at|on|to|by|near|founded|run|set)\b|[,.;:)?]|$)"
)
_STEM_APPOSITION = re.compile(rf"_{{3,}}, (?:a|an|the) ((?:[a-z][\w-]* ){{0,3}}?[a-z][\w-]*){_STOP_AFTER_NOUN}")
_STEM_INCLUDING = re.compile(r"\b([a-z][\w-]*s),? (?:including|such as|among them) (?:the )?_{3,}")


# Those who study the past are one class to a student: a historian among archaeologists is no give-away, a cook is.
SCHOLAR_CLASS = SCHOLARS | {"specialist", "expert"}
# "_____, in Buscando un Inca, placed the rebellion within ...", "Who argued that investors were irrational?": the
# blank (or "who") does what a scholar does with the past, perhaps in a work the stem names.
_STEM_THESIS = re.compile(
    r"^(?:_____|who)(?:,? in [^,?]+,)?\s+(?:has |have |had )?(?:argued|contended|suggested|emphasi[sz]ed|stressed|"
    r"proposed|maintained|claimed|traced|showed|shown|presented \S+(?: \S+)?(?: \S+)? as|placed|interpreted|"
    r"concluded|estimated|documented|calculated)\b",
    re.I,
)
# What the article has a scholar do: its subject is someone who studies the story, not one who acts in it.
THESIS_VERBS = frozenset(
    {
        "argue", "contend", "suggest", "emphasise", "emphasize", "stress", "propose", "maintain", "claim", "trace",
        "show", "interpret", "conclude", "estimate", "document", "calculate", "doubt", "challenge", "dispute",
        "examine", "highlight", "explore", "investigate", "analyse", "analyze", "reassess", "revise",
    }
)  # fmt: skip


def stem_asks_a_scholar(prompt: str) -> bool:
    """Whether the stem's blank (or "who") is the one who argued, traced or presented something as something."""
    return class_group(stem_class_noun(prompt)) == "scholar"


def scholar_sign(m: Mention, thesis: bool = False) -> bool:
    """Whether the sentence writes a name as a scholar's: a year alone in brackets after it ("Boleslao Lewin
    (1957)") or after the work it names ("X, in Title (1986), ..."), a scholar's noun beside it ("the historian
    X", "critics such as X"), or as the subject of what a scholar does ("X argued that"; with ``thesis``, only
    where the verb states a claim); "X, in an essay published in 1992, ..." names the work by its noun."""
    after = doc_text(m.last.doc)[m.last.idx + len(m.last.text) : m.sent.span.end_char]
    # a year alone, not a lifespan ("Tupac Ardo (1738–1783)")
    if re.match(r" \(\d{4}\)", after) or named_with_a_work(m):
        return True
    if any(class_group(n) == "scholar" for n in class_nouns(m)) or _such_as_a_scholar(m):
        return True
    subject = m.root
    while subject.dep_ == "conj":  # "Jamie Monson and James Giblin ... stressed"
        subject = subject.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in THESIS_VERBS:
        return False
    # ``thesis``: the verb states a claim ("argued that ..."), not what a novelist or photographer did ("explored
    # race", "documented weddings")
    return not thesis or any(c.dep_ == "ccomp" for c in verb.children)


def named_with_a_work(m: Mention) -> bool:
    """Whether the sentence writes the name with a work of his, set off by commas: "X, in Title (1986), ...", "A and
    B, in Title (2001), ...", "X, in an essay published in 1992, ..." (not "In The Mists of Ramanna (2005), he
    ...": a name inside a title is followed by its year, not by a work)."""
    after = doc_text(m.last.doc)[m.last.idx + len(m.last.text) : m.sent.span.end_char]
    return bool(re.match(r"(?: and [^,]+)?, in [^,]+\(\d{4}\),", after) or _IN_A_WORK.match(after))


# "X, in an essay published in 1992, cautioned ...": a scholar's work the sentence names by its noun
_IN_A_WORK = re.compile(
    r", in (?:an?|his|her|their) [^,]*?\b(?:book|essay|study|article|monograph|paper|thesis|survey)\b[^,]*,", re.I
)


def _such_as_a_scholar(m: Mention) -> bool:
    """Whether a name is given as an example of scholars: "critics such as Peter Sawyer"."""
    r = m.root
    if r.dep_ != "pobj" or r.head.lower_ != "as" or r.head.i == 0 or r.doc[r.head.i - 1].lower_ != "such":
        return False
    noun = r.head.head if r.head.head.lower_ != "such" else r.head.head.head
    return noun.lemma_.lower() in SCHOLAR_CLASS | {"critic"}


def class_group(noun: str) -> str:
    """The class a noun names, for comparing two: "scholar" for any of SCHOLAR_CLASS, else the noun itself."""
    return "scholar" if noun in SCHOLAR_CLASS else noun


def stem_class_noun(prompt: str) -> str:
    """The class noun the stem writes for its blank ("store" of "the _____, a store that competed", "historian" of
    "historians, including _____"), lower case and singular, "scholar" where it asks who argued or documented
    something, or ""."""
    m = _STEM_APPOSITION.search(prompt)
    if m:
        return m.group(1).split()[-1].lower()
    m = _STEM_INCLUDING.search(prompt)
    if m:
        return singular_of(m.group(1).lower())
    return "scholar" if _STEM_THESIS.search(prompt.strip()) else ""


def class_nouns(m: Mention) -> set[str]:
    """The class nouns the sentence gives a name, lower case: in apposition ("the People's Grocery, a store"; "the
    store, X"), as what it was ("X was a newspaper"), just before it ("the newspaper Free Speech"), and, for a
    name not a person's, its own last word where that is an English noun ("Alpha Suffrage Club")."""
    out = {c.lemma_.lower() for c in m.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    if m.root.dep_ == "appos" and m.root.head.pos_ == "NOUN":
        out.add(m.root.head.lemma_.lower())
    r = m.root
    if r.dep_ in ("nsubj", "nsubjpass") and r.head.lemma_ in ("be", "become"):
        out |= {c.lemma_.lower() for c in r.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"}
    if m.first.i > m.sent.span.start:
        before = m.first.nbor(-1)
        # "The god Ahurvan": the parser may tag a lower-case noun joined to a name as part of it
        if before.pos_ in ("NOUN", "PROPN") and before.text.isalpha() and before.text.islower():
            out.add(before.lemma_.lower())
    if m.kind != "person" and m.last.i > m.first.i and dictionary_word(m.last.lower_):
        out.add(m.last.lemma_.lower())
    return out
