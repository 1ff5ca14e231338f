"""Whether a named key is worth asking, and whether it is the only right answer (issue #15, round 5).

A blind reader rejected keys that the words around them give away ("western _____" for Europe, "Augsburg, _____"
for Germany, the country the whole article is about), dates nobody would teach (the year a minor figure died or
someone married), and marked as wrong the keys of statements that other values make true as well ("In _____
petitions with more than 9,000 signatures were presented", when a later year had more still). Each test here reads
only the sentence's parse and the document's mentions, never an article's words.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .analysis import Corpus, Mention, Sentence
from .lexicon import TITLES

# Words that make a count one end of a range: "more than 500" stays true of 600, "under 20" of 10.
_BOUND_WORDS = frozenset({"over", "under", "above", "below", "beyond", "exceeding", "upwards"})
_BOUND_PAIRS = frozenset(
    {("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"), ("up", "to"),
     ("in", "excess"), ("as", "many"), ("as", "much"), ("no", "fewer"), ("no", "less"), ("not", "less")}
)  # fmt: skip
_BOUND_AFTER = frozenset({"or more", "or over", "or less", "or fewer", "and more", "and over", "and up", "plus"})

# Events of a private life: their dates are worth asking only for the person the article is about.
_LIFE_EVENTS = frozenset({"bear", "die", "marry", "wed", "bury", "baptise", "baptize"})
_PRIVATE = frozenset({"marry", "wed", "bury", "baptise", "baptize"})  # not worth asking of anyone
_LIFE_NOUNS = frozenset({"birth", "death", "marriage", "wedding", "burial", "funeral"})

# "western Europe", "northern Italy", "Edo-period Japan": a modifier that already says which place it is.
_PLACE_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# The place a document keeps naming is its setting: a blank on it tests nothing the student could miss.
SETTING_SHARE = 0.25  # of the document's place mentions
SETTING_MIN = 4


def bounded_count(tok: Any) -> bool:
    """Whether the number token ``tok`` is given as a bound ("more than 500", "over 9,000", "at least 20",
    "500 or more"): any larger (or smaller) count makes the same statement true."""
    doc = tok.doc
    start = tok.i
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].tag_ == "$"):
        start -= 1
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before[-1:] and before[-1] in _BOUND_WORDS:
        return True
    if len(before) == 2 and (before[0], before[1]) in _BOUND_PAIRS:
        return True
    if len(before) == 2 and before[1] == "of" and start >= 3 and doc[start - 3].lower_ in ("excess", "upwards"):
        return True
    end = tok.i
    while end + 1 < len(doc) and doc[end + 1].like_num:
        end += 1
    after = " ".join(t.lower_ for t in doc[end + 1 : end + 3])
    return any(after == a or after.startswith(a + " ") for a in _BOUND_AFTER)


def sentence_bounds_a_count(sent: Sentence) -> bool:
    """Whether the sentence gives some count only as a bound: a date or a count keyed there is then not the only
    value that makes it true (another year "with more than 9,000 signatures" may be one too)."""
    cached = sent.cache.get("bounds_a_count")
    if cached is None:
        cached = any(t.like_num and bounded_count(t) for t in sent.tokens)
        sent.cache["bounds_a_count"] = cached
    return bool(cached)


# "almost 9,000", "some 300": a count given as an estimate is no single right option either.
_ESTIMATE_WORDS = frozenset({"almost", "nearly", "about", "around", "some", "roughly", "approximately", "circa", "c."})


def bounded_key(sent: Sentence, m: Mention) -> bool:
    """A date or count key that another value would make true as well: the count itself is a bound or an
    estimate, or the sentence describes what happened on the date only by a bound on some count."""
    if m.kind not in ("date", "number"):
        return False
    if m.kind == "number":
        doc = m.first.doc
        if any(t.like_num and bounded_count(t) for t in doc[m.first.i : m.last.i + 1]):
            return True
        if any(t.lower_ in _ESTIMATE_WORDS for t in doc[max(0, m.first.i - 1) : m.last.i]):
            return True
    return sentence_bounds_a_count(sent)


def _life_event(m: Mention) -> tuple[str, Any] | None:
    """(event lemma, the token naming whose event it is) when the date ``m`` dates a birth, death, marriage or
    burial ("who died in 1694", "married her in 1834", "his death in 1871"), else None."""
    tok = m.root
    for _ in range(3):  # date -> "in" -> verb (or noun), at most two steps up
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in _LIFE_EVENTS:
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or (subject.lower_ in ("who", "whom", "that") and tok.dep_ == "relcl"):
                subject = tok.head if tok.dep_ in ("relcl", "acl") else subject
            return lemma, subject
        if tok.pos_ == "NOUN" and lemma in _LIFE_NOUNS:
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            return ("marry" if lemma in ("marriage", "wedding") else lemma), owner
        if tok.pos_ in ("VERB", "AUX"):
            return None  # the date hangs on another verb: it dates that event
    return None


def dates_a_life_event(m: Mention) -> bool:
    """Whether the date ``m`` dates a birth, death, marriage or burial (see _life_event)."""
    return m.kind == "date" and _life_event(m) is not None


def main_person(corpus: Corpus, doc: int) -> str:
    """The last name of the person the document names most often ("" when none stands out)."""
    cache: dict[int, str] = corpus.cache.setdefault("main_person", {})
    if doc not in cache:
        names: Counter[str] = Counter()
        for s in corpus.sentences:
            if s.doc == doc:
                names.update(m.norm.split()[-1] for m in s.mentions if m.kind == "person" and m.norm)
        top = names.most_common(2)
        cache[doc] = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) and top[0][1] >= 3 else ""
    return cache[doc]


def minor_life_date(corpus: Corpus, sent: Sentence, m: Mention) -> bool:
    """A date of a private event (a marriage, a burial) or of the birth or death of anyone but the person the
    article is about: a detail nobody would teach."""
    if m.kind != "date":
        return False
    event = _life_event(m)
    if event is None:
        return False
    lemma, who = event
    if lemma in _PRIVATE:
        return True
    main = main_person(corpus, sent.doc)
    if not main or who is None:
        return True
    if who.pos_ == "PRON" and who.lower_ in ("he", "she"):
        return False  # said of the one the passage is about: most often the article's own subject
    person = next((p for p in sent.mentions if p.kind == "person" and p.first.i <= who.i <= p.last.i), None)
    return person is None or person.norm.split()[-1:] != [main]


def illustrative_range(m: Mention) -> bool:
    """A name in a "from X to Y" range set off by a comma ("Scots became prominent in the Empire, from the
    tobacco trade of Glasgow to the East India Company"): two examples of a flourish, not a fact of their own. A
    route ("sailed from Lisbon to Goa") has no comma before it, and a span of dates or counts is a fact."""
    if m.kind in ("date", "number"):
        return False
    doc = m.first.doc
    for tok in m.sent.tokens:
        if tok.lower_ != "from" or tok.dep_ != "prep" or tok.i == 0 or doc[tok.i - 1].text != ",":
            continue
        spans = [tok] + [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > tok.i]
        if not any(s.lower_ == "to" for s in spans) and not any(t.lower_ == "to" for t in tok.subtree):
            continue  # "from" alone: a source or an origin, not a range
        ends = [t for t in tok.subtree if t.dep_ == "pobj" and t.head.lower_ in ("from", "to")]
        ends += [g for s in spans[1:] for g in s.children if g.dep_ == "pobj"]
        if all(_a_place(m.sent, e) for e in ends):
            continue  # "marched, from Dandi to Karachi": a route or an extent, a fact
        if any(s.left_edge.i <= m.root.i <= s.right_edge.i for s in spans):
            return True
    return False


def _a_place(sent: Sentence, tok: Any) -> bool:
    return any(o.kind == "place" and o.first.i <= tok.i <= o.last.i for o in sent.mentions)


def setting(corpus: Corpus, doc: int) -> str:
    """The norm of the place the document keeps naming (its setting), or ""."""
    cache: dict[int, str] = corpus.cache.setdefault("setting", {})
    if doc not in cache:
        places: Counter[str] = Counter()
        for s in corpus.sentences:
            if s.doc == doc:
                places.update(m.norm for m in s.mentions if m.kind == "place")
        top = places.most_common(2)
        total = sum(places.values())
        stands_out = bool(top) and (len(top) == 1 or top[0][1] > top[1][1])
        often = bool(top) and top[0][1] >= max(SETTING_MIN, SETTING_SHARE * total)
        cache[doc] = top[0][0] if stands_out and often else ""
    return cache[doc]


def place_given_away(corpus: Corpus, sent: Sentence, m: Mention) -> str | None:
    """Why a place key is given away by its own words or its article, or None: a modifier of the place outside the
    key ("western _____"), another place it stands in apposition to ("Augsburg, _____"), or the document's
    setting, named throughout it."""
    if m.kind != "place":
        return None
    r = m.root
    if any(c.dep_ in _PLACE_MODIFIER_DEPS and not m.first.i <= c.i <= m.last.i for c in r.lefts):
        return "a word before the blank says which place it is"
    for o in sent.mentions:
        if o is m or o.kind != "place":
            continue
        q = o.root
        if (r.dep_ == "appos" and r.head.i == q.i) or (q.dep_ == "appos" and q.head.i == r.i):
            return "the place is in apposition to another place: geography, not the article"
    if setting(corpus, sent.doc) == m.norm:
        return "the place is the article's setting, named throughout it"
    if realm_of_a_ruler(sent, m):
        return "the realm after a ruler's title and name: any student names it"
    return None


def realm_of_a_ruler(sent: Sentence, m: Mention) -> bool:
    """ "King Charles V of _____", "Emperor Otto of _____": the realm in a ruler's style, after his title and name,
    is named by the style itself, not learnt from the article."""
    r = m.root
    of = r.head
    if r.dep_ != "pobj" or of.lower_ != "of" or of.i != m.first.i - 1:
        return False
    doc = m.first.doc
    at = of.i - 1
    while at > sent.span.start and of.i - at <= 3 and doc[at].text[:1].isupper() and not _title(doc[at]):
        at -= 1
    return at < of.i - 1 and _title(doc[at])


def _title(tok: Any) -> bool:
    return tok.lower_.rstrip(".") in TITLES


def habit_of_a_group(corpus: Corpus, sent: Sentence, m: Mention) -> bool:
    """A people or group as the actor of a habit, not of an event: its verb in the simple present and no date in
    the sentence ("Christians celebrate Easter in spring"), in a document told in the past. What a faith or a
    people always does is given away by the rest of the sentence, and any of several groups may do it; a timeline
    told in the present ("Harold surprises the Norwegians") tells events all the same."""
    if m.kind != "group" or any(o.kind == "date" for o in sent.mentions) or not _told_in_the_past(corpus, sent.doc):
        return False
    verb = m.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    tenses = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ in ("VBP", "VBZ") and tenses <= {"VBP", "VBZ"}


def _told_in_the_past(corpus: Corpus, doc: int) -> bool:
    """Whether more of a document's sentences have their main verb in the past than in the present."""
    told: dict[int, bool] = corpus.cache.setdefault("told_in_the_past", {})
    if doc not in told:
        tally: Counter[str] = Counter(s.root.tag_ for s in corpus.document_sentences(doc))
        told[doc] = tally["VBD"] > tally["VBP"] + tally["VBZ"]
    return told[doc]
