"""Find facts the documents state differently: where a facility was, where, when or how often an event
happened (see claims.py for how two sentences are taken to tell one event)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from typing import Any

from .analysis import Corpus, Mention, Sentence
from .candidates.base import Context, source_of
from .candidates.matching import SETUP_VERBS
from .claims import PEOPLE_NOUNS, Claim, Slot, claim_of, name_words, only_people, same_measure
from .dates import DateValue
from .distractors import usable_key
from .entities import PLACE_NOUNS
from .gazetteer import alias_group
from .lexicon import FACILITY_FIELDS, FACILITY_HEADS
from .textutil import contains_phrase
from .types import Disagreement

MAX_POSTING = 400  # an anchor shared by more sentences than this (the article's subject) does not pair them
MAX_PARTNERS = 8  # sentences of other documents compared with each sentence
NEAR_DAYS = 45  # dates this close may be one event told with a different date
NUMBER_TOLERANCE = 0.1  # "nearly 70,000" and "68,890" agree

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})


def _facility_claims(sent: Sentence) -> list[tuple[str, frozenset[str], str, str]]:
    """(head lemma, modifier lemmas, place norm, place text) for 'a flying school ... at X' statements:
    a noun with a locative phrase of its own ("in the city of X" too), the subject or object of a setting-up
    verb with one, or the subject of "was" whose complement has one ("Another base was the chemical T in X")."""
    root = sent.root
    found: list[tuple[int, bool, tuple[str, frozenset[str], str, str]]] = []
    things = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN"]
    complements = [c for c in root.children if c.dep_ == "attr"] if root.lemma_ == "be" else []
    for m in sent.mentions:
        if not _facility_place(m):
            continue
        prep: Any = m.root.head
        if prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "in the city of Volsk"
        if prep.lower_ not in _LOCATIVE:
            continue
        attach: Any = prep.head
        thing = attach if attach.pos_ == "NOUN" else None
        extra: frozenset[str] = frozenset()
        if thing is None and attach == root and root.lemma_.lower() in SETUP_VERBS and things:
            thing = things[0]
        elif thing is None and things and any(attach == c or attach in c.subtree for c in complements):
            thing = things[0]
            extra = _modifiers(attach)
        if thing is None:
            continue
        mods = _modifiers(thing) | extra
        if mods:  # a bare "the factory" may be any factory: only described things are compared
            found.append((thing.i, prep.lower_ == "near", (thing.lemma_.lower(), mods, m.norm, m.text)))
    # "at Tessel, near Marrow": the place it is near only measures where it is, when the sentence says that
    placed = {i for i, landmark, _ in found if not landmark}
    return [claim for i, landmark, claim in found if not (landmark and i in placed)]


def _facility_place(m: Mention) -> bool:
    # Looser than a key: a place named once ("at Vivupal") is still where one account puts a facility.
    return m.kind == "place" and (usable_key(m) or (m.kind_confidence >= 0.5 and not (m.gloss or m.fragment)))


def _modifiers(t: Any) -> frozenset[str]:
    return frozenset(
        x.lemma_.lower() for c in t.lefts for x in c.subtree if x.dep_ in ("amod", "compound", "nmod") and x.is_alpha
    )


def find_disagreements(corpus: Corpus, ctx: Context) -> list[Disagreement]:
    """Disagreements between documents; marks the sentences involved in ``ctx``."""
    if len(corpus.documents) < 2:
        return []
    facilities: dict[str, list[tuple[Sentence, frozenset[str], str, str]]] = defaultdict(list)
    for s in corpus.sentences:
        if s.heading:
            continue
        for head, mods, place, text in _facility_claims(s):
            facilities[head].append((s, mods, place, text))
    out: list[Disagreement] = []
    seen: set[tuple[int, int]] = set()
    for head, claims in sorted(facilities.items()):
        for i, (a, mods_a, place_a, text_a) in enumerate(claims):
            for b, mods_b, place_b, text_b in claims[i + 1 :]:
                if a.doc == b.doc or place_a == place_b or (a.id, b.id) in seen:
                    continue
                if not (mods_a & mods_b):
                    continue
                if contains_phrase(a.text, text_b) or contains_phrase(b.text, text_a):
                    continue
                thing = " ".join([*sorted(mods_a & mods_b), head])
                topic = f"where the {thing} was"
                note = f"{_title(corpus, a)}: {text_a}; {_title(corpus, b)}: {text_b}"
                out.append(_mark(ctx, corpus, topic, note, [(a, place_b), (b, place_a)]))
                seen.add((a.id, b.id))
    out += _field_conflicts(corpus, ctx, facilities, seen)
    out += _event_conflicts(corpus, ctx, seen)
    return out


def _field_conflicts(
    corpus: Corpus,
    ctx: Context,
    facilities: dict[str, list[tuple[Sentence, frozenset[str], str, str]]],
    seen: set[tuple[int, int]],
) -> list[Disagreement]:
    """Facilities of one field ("a poison gas factory", "the chemical base") that two documents each place in
    one spot, different spots: whatever each calls it, they disagree on where that work was done. A document
    that places facilities of the field in several spots may be telling of several: it is not compared."""
    by_field: dict[str, dict[int, list[tuple[Sentence, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for head, claims in facilities.items():
        if head not in FACILITY_HEADS:
            continue
        for s, mods, place, text in claims:
            for field in sorted({FACILITY_FIELDS[w] for w in mods if w in FACILITY_FIELDS}):
                by_field[field][s.doc].append((s, place, text))
    out: list[Disagreement] = []
    for field, per_doc in sorted(by_field.items()):
        single = {d: claims for d, claims in per_doc.items() if len({place for _, place, _ in claims}) == 1}
        docs = sorted(single)
        for i, da in enumerate(docs):
            for db in docs[i + 1 :]:
                a, place_a, text_a = single[da][0]
                b, place_b, text_b = single[db][0]
                if (a.id, b.id) in seen or not _apart(a, b, place_a, text_a, place_b, text_b):
                    continue
                topic = f"where the {field} work was done"
                note = f"{_title(corpus, a)}: {text_a}; {_title(corpus, b)}: {text_b}"
                out.append(_mark(ctx, corpus, topic, note, [(a, place_b), (b, place_a)]))
                seen.add((a.id, b.id))
    return out


def _apart(a: Sentence, b: Sentence, place_a: str, text_a: str, place_b: str, text_b: str) -> bool:
    """Two places that cannot both be where one account puts the thing: neither names the other, neither
    sentence puts the other's place there too ("at Vivupal, near Lipetsk" only measures from Lipetsk)."""
    if place_a == place_b or contains_phrase(place_a, place_b) or contains_phrase(place_b, place_a):
        return False
    group = alias_group(place_a)
    if group is not None and group == alias_group(place_b):
        return False
    return not (_located_in(a, text_b) or _located_in(b, text_a))


def _located_in(s: Sentence, place: str) -> bool:
    """Whether the sentence names ``place`` other than as a landmark ("near X", "not far from X")."""
    for m in s.mentions:
        if m.text == place or contains_phrase(m.text, place):
            head = m.root.head
            if not (head.lower_ == "near" or (head.lower_ == "from" and head.head.lower_ == "far")):
                return True
    return False


def _title(corpus: Corpus, s: Sentence) -> str:
    doc = corpus.documents[s.doc]
    return doc.title or doc.name


def _mark(ctx: Context, corpus: Corpus, topic: str, note: str, claims: list[tuple[Sentence, str]]) -> Disagreement:
    for s, rival in claims:
        ctx.disputed.setdefault(s.id, topic)
        ctx.rival_values[s.id] = ctx.rival_values.get(s.id, frozenset()) | {rival}
    return Disagreement(topic=topic, claims=[source_of(ctx, s) for s, _ in claims], note=note)


def _event_conflicts(corpus: Corpus, ctx: Context, seen: set[tuple[int, int]]) -> list[Disagreement]:
    """Sentences of different documents that tell one event with a different place, date or count."""
    claims = [c for c in (claim_of(corpus, s) for s in corpus.sentences if not s.heading) if c.slots]
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for anchor in _anchors(c):
            index[anchor].append(i)
    out: list[Disagreement] = []
    docs = [c.sent.doc for c in claims]
    for i, a in enumerate(claims):
        shared: Counter[int] = Counter()
        for anchor in _anchors(a):
            posting = index[anchor]  # ascending: the later claims are a tail of it
            if len(posting) <= MAX_POSTING:
                shared.update(posting[bisect_right(posting, i) :])
        # the sentences sharing most with this one: an event is told once or twice per document, and many
        # near-copies of an article must not make the check quadratic
        mine = a.sent.doc
        partners = sorted((k for k, n in shared.items() if n >= 2 and docs[k] != mine), key=lambda k: (-shared[k], k))[
            :MAX_PARTNERS
        ]
        for j in sorted(partners):
            b = claims[j]
            if (a.sent.id, b.sent.id) in seen:
                continue
            found = compare(a, b)
            for topic, slot_a, slot_b in found:
                note = f"{_title(corpus, a.sent)}: {slot_a.text}; {_title(corpus, b.sent)}: {slot_b.text}"
                out.append(_mark(ctx, corpus, topic, note, [(a.sent, slot_b.norm), (b.sent, slot_a.norm)]))
            if found:
                seen.add((a.sent.id, b.sent.id))
    return out


def _anchors(c: Claim) -> set[str]:
    out = set(c.anchors)
    for s in c.slots:
        if s.date is not None and s.date.granularity == "day":
            out.add(f"d:{s.date.sort_key}")
    return out


def compare(a: Claim, b: Claim) -> list[tuple[str, Slot, Slot]]:
    """(topic, slot of a, slot of b) for each fact two claims give differently, when they tell one event:
    enough shared names, nouns, kinds of event and dates; an event told with the same day is surely one."""
    names = a.names & b.names
    nouns = a.nouns & b.nouns
    classes = a.classes & b.classes
    shared = min(len(names), 2) + min(len(nouns), 2) + min(len(classes), 1)
    if shared == 0:
        return []  # a date and a count alone cannot reach the bar: most pairs end here, cheaply
    da = [s for s in a.slots if s.kind == "date" and not s.listed]
    db = [s for s in b.slots if s.kind == "date" and not s.listed]
    exact = any(x.date == y.date and x.date.granularity == "day" for x in da for y in db)  # type: ignore[union-attr]
    near = any(_near(x.date, y.date) for x in da for y in db)
    units = any(same_measure(x, y) for x in a.slots for y in b.slots if x.kind == y.kind == "number")
    score = shared + (2 if exact else 1 if near else 0)
    # dates a few weeks apart are evidence unless the verbs they hang on say different things (began / ended)
    calm = any(
        _near(x.date, y.date) and not (x.classes and y.classes and not x.classes & y.classes) for x in da for y in db
    )
    people_only = units and all(
        only_people(x, y) for x in a.slots for y in b.slots if x.kind == y.kind == "number" and same_measure(x, y)
    )
    # "the last petition was signed by 32,000 women" and "a petition signed by 24,000 women": counts of people
    # that share a noun besides the people counted (the petition, the election) are counts of one occasion
    one_occasion = people_only and bool(nouns - PEOPLE_NOUNS)
    score += 1 if units and (not people_only or one_occasion) else 0
    if score < 3 or (score < 4 and not (classes or exact or (units and not people_only) or calm or one_occasion)):
        return []
    dates_agree = not da or not db or any(_compatible(x.date, y.date) for x in da for y in db)
    out: list[tuple[str, Slot, Slot]] = []
    if dates_agree or near:
        for role in ("place:at", "place:from", "place:to"):
            pa = [s for s in a.slots if s.kind == role]
            pb = [s for s in b.slots if s.kind == role]
            if len(pa) != 1 or len(pb) != 1 or pa[0].listed or pb[0].listed:
                continue
            x, y = pa[0], pb[0]
            if not (x.classes & y.classes or exact) or not _one_theme(x, y, exact) or not _different_places(a, b, x, y):
                continue
            out.append(("where", x, y))
    if len(da) == 1 and len(db) == 1 and not _compatible(da[0].date, db[0].date):
        # Dates far apart are usually two events ("sailed in 1872", "returned in 1876"): only the same thing
        # done to the same named subject or object is one event told with another year.
        x, y = da[0], db[0]
        same_thing = bool(x.classes & y.classes and x.themes and y.themes) and _same_names(x.themes, y.themes)
        if _one_theme(x, y, exact) and ((near and (score >= 4 or calm)) or same_thing):
            out.append(("when", x, y))
    if dates_agree:
        done: list[Slot] = []
        for x in (s for s in a.slots if s.kind == "number" and not s.listed):
            for y in (s for s in b.slots if s.kind == "number" and not s.listed):
                if not same_measure(x, y) or any(same_measure(x, d) for d in done):
                    continue
                if only_people(x, y) and not (exact or score >= 4 or one_occasion):
                    continue  # "100,000 people" of a rally and "200,000 people" of a march may be two crowds
                if _numbers_agree(x, y) or not _one_theme(x, y, exact):
                    continue
                done.append(x)
                out.append(("how many", x, y))
    if out:
        label = _label(a, names, nouns)  # only for what is reported: most pairs find nothing
        out = [(f"{what}: {label}", x, y) for what, x, y in out]
    return out


def _one_theme(x: Slot, y: Slot, exact: bool) -> bool:
    """Whether two slots may belong to one event: "a group founded the UGCC in 1947" and "the CPP was launched in
    1949" name different things as what was done, so they are two events (unless told with the same day)."""
    return exact or not x.themes or not y.themes or _same_names(x.themes, y.themes)


def _same_names(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """Some name of one set is, or holds, a name of the other ("challenger" and "challenger expedition")."""
    return any(contains_phrase(p, q) or contains_phrase(q, p) for p in xs for q in ys)


def _label(a: Claim, names: AbstractSet[str], nouns: AbstractSet[str]) -> str:
    """A few words naming the event: the shared names as the first sentence writes them, then shared nouns."""
    parts: list[str] = []
    for m in a.sent.mentions:
        if m.kind not in ("date", "number", "vague_date") and name_words(m.text) & names:
            parts.append(m.text)
    parts += sorted(t.text for t in a.sent.tokens if t.lemma_.lower() in nouns and t.pos_ == "NOUN")
    label = ", ".join(dict.fromkeys(parts[:4]))
    return label or a.sent.text[:40]


def _different_places(a: Claim, b: Claim, x: Slot, y: Slot) -> bool:
    if x.norm == y.norm or contains_phrase(x.norm, y.norm) or contains_phrase(y.norm, x.norm):
        return False
    if contains_phrase(a.sent.text, y.text) or contains_phrase(b.sent.text, x.text):
        return False  # both places stand in each account: they need not contradict
    if set(y.norm.split()) <= a.names or set(x.norm.split()) <= b.names:
        return False  # one account names the other's place through "the school" or "it"
    ga, gb = alias_group(x.norm), alias_group(y.norm)
    return ga is None or ga != gb


def _near(x: DateValue | None, y: DateValue | None) -> bool:
    """Two different dates of month or day precision within a few weeks of each other."""
    if (
        x is None
        or y is None
        or x == y
        or "year" in (x.granularity, y.granularity)
        or "decade"
        in (
            x.granularity,
            y.granularity,
        )
    ):
        return False
    dx, dy = x.as_day(), y.as_day()
    return dx is not None and dy is not None and abs((dx - dy).days) <= NEAR_DAYS


def _compatible(x: DateValue | None, y: DateValue | None) -> bool:
    """One date may be a vaguer telling of the other ("1875" and "23 March 1875")."""
    if x is None or y is None:
        return True
    if x.granularity == "decade" or y.granularity == "decade":
        return x.year // 10 == y.year // 10
    if x.year != y.year:
        return False
    if x.granularity == "year" or y.granularity == "year":
        return True
    if x.month != y.month:
        return False
    return x.granularity == "month" or y.granularity == "month" or x.day == y.day


def _numbers_agree(x: Slot, y: Slot) -> bool:
    if x.number is None or y.number is None or x.number == y.number:
        return True
    if x.hedged or y.hedged:
        return abs(x.number - y.number) <= NUMBER_TOLERANCE * max(x.number, y.number)
    return False
