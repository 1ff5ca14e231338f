"""What a sentence claims about an event: who and what it involves, and where, when and how many.

Two documents disagree when they tell one event with a different place, date or count: "the party was
launched at Saltpond on 12 June 1949" against "on 12 June 1949, at a rally in Accra, he announced the founding
of the party". Whether two sentences tell one event is judged from what they share: names, nouns, the kind of
action (launch and found, leave and sail from, killed and dead count as one kind), a date. The kinds of action
are a small list of general English verbs and their nouns (``EVENT_CLASSES``), not words of any one topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .analysis import Corpus, Mention, Sentence, norm_key
from .dates import DateValue
from .definites import GENERIC_HEADS, bare_definites, earlier_year
from .entities import INSTITUTION_WORDS
from .lexicon import FACILITY_WORDS
from .normalise import MONTHS
from .pronouns import links

# Verbs (and their nouns and adjectives) that tell the same kind of event.
EVENT_CLASSES: dict[str, tuple[str, ...]] = {
    "found": (
        "found",
        "founding",
        "foundation",
        "establish",
        "establishment",
        "create",
        "creation",
        "form",
        "formation",
        "launch",
        "organise",
        "organize",
        "inaugurate",
        "institute",
        "set up",
    ),
    "depart": ("leave", "depart", "departure", "sail", "set out", "set off", "set sail", "embark"),
    "arrive": ("arrive", "arrival", "reach", "land", "return", "call at"),
    "send": ("send", "take", "carry", "ship", "transport", "bring", "move", "transfer", "deliver", "evacuate"),
    "die": ("die", "death", "dead", "kill", "killing", "perish", "fall", "massacre"),
    "wound": ("wound", "injure", "injured", "wounded", "injury"),
    "build": ("build", "construct", "construction", "erect", "building"),
    "sign": ("sign", "signing", "conclude", "agree", "ratify", "ratification"),
    "begin": ("begin", "start", "break out", "outbreak", "commence", "beginning", "open", "opening"),
    "end": ("end", "finish", "close", "complete", "completion", "cease"),
    "study": ("study", "examine", "analyse", "analyze", "describe", "investigate", "research", "catalogue"),
    "lead": ("lead", "command", "head", "direct", "commander", "leader"),
    "happen": ("do", "carry out", "conduct", "perform", "hold", "take place", "happen", "occur", "stage"),
    "test": ("test", "testing", "experiment", "trial", "try"),
    "train": ("train", "training", "teach", "instruct", "educate"),
    "produce": ("produce", "production", "manufacture", "make", "output"),
    "capture": ("capture", "seize", "occupy", "conquer", "occupation", "conquest", "fall to"),
    "defeat": ("defeat", "beat", "win", "victory", "rout"),
    "bear": ("bear", "birth", "born"),
    "elect": ("elect", "election", "appoint", "appointment", "choose", "name", "nominate"),
    "release": ("release", "free", "liberate"),
    "arrest": ("arrest", "detain", "imprison", "jail", "imprisonment", "detention", "sentence"),
    "travel": ("travel", "voyage", "journey", "cover", "sail"),
    "employ": ("employ", "hire", "employment", "recruit"),
    "pay": ("pay", "cost", "spend", "payment", "price", "raise", "fund"),
}
_CLASS_OF: dict[str, set[str]] = {}
for _name, _words in EVENT_CLASSES.items():
    for _w in _words:
        _CLASS_OF.setdefault(_w, set()).add(_name)

# Words too common to show that two sentences tell one event.
_GENERIC_NOUNS = GENERIC_HEADS | frozenset(
    {
        "people",
        "man",
        "men",
        "woman",
        "women",
        "person",
        "part",
        "group",
        "member",
        "number",
        "thing",
        "kind",
        "lot",
        "place",
        "area",
        "order",
        "way",
        "name",
        "term",
        "work",
        "use",
        "cause",
        "reason",
        "history",
        "time",
        "day",
        "year",
        "month",
        "week",
        "century",
        "decade",
        "other",
        "one",
        "lead",
    }
)
_LOCATIVE = {
    "in": "at",
    "at": "at",
    "near": "at",
    "inside": "at",
    "outside": "at",
    "from": "from",
    "to": "to",
    "into": "to",
    "towards": "to",
    "for": "to",
}
_HEDGES = frozenset(
    {
        "about",
        "nearly",
        "almost",
        "around",
        "some",
        "roughly",
        "approximately",
        "over",
        "more",
        "less",
        "fewer",
        "up",
        "least",
        "under",
        "circa",
        "c.",
        "estimated",
        "perhaps",
        "than",
    }
)
_PLACE_KINDS = frozenset({"place", "org", "other", "event", "product"})
_MOVES = frozenset({"send", "depart", "arrive"})
PEOPLE_NOUNS = frozenset({"people", "man", "men", "woman", "women", "person", "persons"})
# What a count of people can say happened to them.
_FATES = frozenset({"die", "wound", "arrest", "release", "employ", "elect", "train", "send"})


@dataclass(frozen=True)
class Slot:
    """A place, date or count the sentence gives, with the kinds of event it hangs on."""

    kind: str  # 'place:at' / 'place:from' / 'place:to' / 'date' / 'number'
    text: str
    norm: str
    classes: frozenset[str]
    date: DateValue | None = None
    number: float | None = None
    unit: frozenset[str] = frozenset()
    hedged: bool = False
    listed: bool = False  # one of a list ("Melbourne and Sydney"): no single value to compare
    themes: frozenset[str] = frozenset()  # names (lower case) that are subject or object of the slot's verb


@dataclass
class Claim:
    sent: Sentence
    names: frozenset[str] = frozenset()  # content words of the names the sentence mentions or refers to
    nouns: frozenset[str] = frozenset()  # lemmas of its common nouns
    classes: frozenset[str] = frozenset()  # kinds of event it tells
    slots: list[Slot] = field(default_factory=list)

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset(
            {"n:" + x for x in self.names} | {"c:" + x for x in self.nouns} | {"v:" + x for x in self.classes}
        )


def classes_of(t: Any) -> set[str]:
    """The event classes of a token: its lemma, with a particle ("set up", "take place") when it has one."""
    lemma = t.lemma_.lower()
    out = set(_CLASS_OF.get(lemma, ()))
    for c in t.children:
        if c.dep_ == "prt":
            out |= _CLASS_OF.get(f"{lemma} {c.lower_}", set())
        elif c.dep_ == "dobj" and c.lemma_.lower() in ("place", "sail"):
            out |= _CLASS_OF.get(f"{lemma} {c.lemma_.lower()}", set())
    if lemma == "take" and "happen" in out:
        out.discard("send")
    return out


def _governor(t: Any) -> tuple[frozenset[str], Any]:
    """The event classes of the verb (or event noun) a slot hangs on, the nearest one up the tree, and that verb."""
    x = t.head
    seen = 0
    out: set[str] = set()
    while seen < 6:
        if x.pos_ in ("VERB", "AUX") or _CLASS_OF.get(x.lemma_.lower()):
            out |= classes_of(x)
            if x.pos_ in ("VERB", "AUX"):
                for c in x.children:
                    if c.dep_ in ("xcomp", "dobj", "nsubjpass", "nsubj") and c.i != t.i:
                        out |= classes_of(c)  # "announced the founding", "recalled to lead"
                return frozenset(out), x
        if x.head.i == x.i:
            break
        x = x.head
        seen += 1
    return frozenset(out), None


def _hedged(m: Mention) -> bool:
    """ "about 24 million dollars", "nearly 70,000": a round figure, not an exact one."""
    doc = m.first.doc
    lo = max(m.sent.span.start, m.first.i - 2)
    return (
        any(t.lower_ in _HEDGES for t in doc[lo : m.first.i])
        or any(t.lower_ in _HEDGES for t in m.first.children)
        or any(w.lower() in _HEDGES for w in m.text.split()[:2])
    )


def _unit(m: Mention) -> frozenset[str]:
    """What a count counts: the noun it stands before ("1,200 defenders"), and as "class:<kind>" what happened
    to them, said by that noun or by the verb or adjective it goes with ("were killed", "left 26 dead")."""
    r = m.root
    out: set[str] = set()
    noun = None
    if r.dep_ == "nummod" or (r.dep_ in ("compound", "quantmod") and r.head.pos_ in ("NOUN", "ADJ")):
        noun = r.head
    elif r.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
        for c in r.head.children:
            if c.dep_ in ("oprd", "acomp") and c.i > r.i:
                noun = c  # "left 26 dead"
    if noun is None:
        return frozenset()
    lemma = noun.lemma_.lower()
    if lemma not in _GENERIC_NOUNS:
        out.add(lemma)
    elif lemma in PEOPLE_NOUNS:
        out.add("people")  # a crowd or a toll: compared only where the accounts surely tell one event
    out |= {"class:" + c for c in classes_of(noun)}
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "ADJ"):
        out |= {"class:" + c for c in classes_of(noun.head) if c in _FATES}
    return frozenset(out)


def same_measure(x: Slot, y: Slot) -> bool:
    """Whether two counts count the same thing: the same fate ("killed", "dead") when both say one, else the
    same noun ("fathoms")."""
    fx = {u for u in x.unit if u.startswith("class:")}
    fy = {u for u in y.unit if u.startswith("class:")}
    if fx or fy:
        return bool(fx & fy)  # "29 killed" is no count of "200 gathered"
    return bool((x.unit - fx) & (y.unit - fy))


def only_people(x: Slot, y: Slot) -> bool:
    """Two counts of people with nothing said of what happened to them ("100,000 people gathered")."""
    return x.unit == y.unit == frozenset({"people"})


_YEARLESS = re.compile(
    rf"^(?:on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({'|'.join(MONTHS)})$"
    rf"|^(?:on\s+)?({'|'.join(MONTHS)})\s+(\d{{1,2}})(?:st|nd|rd|th)?$",
    re.I,
)
_CURRENCIES = {
    "dollar": "money:dollar",
    "dollars": "money:dollar",
    "$": "money:dollar",
    "pound": "money:pound",
    "pounds": "money:pound",
    "£": "money:pound",
    "peso": "money:peso",
    "pesos": "money:peso",
    "franc": "money:franc",
    "francs": "money:franc",
    "mark": "money:mark",
    "marks": "money:mark",
    "rouble": "money:rouble",
    "roubles": "money:rouble",
    "ruble": "money:rouble",
    "rubles": "money:rouble",
    "guilder": "money:guilder",
    "guilders": "money:guilder",
    "euro": "money:euro",
    "euros": "money:euro",
    "€": "money:euro",
    "yen": "money:yen",
    "lira": "money:lira",
    "lire": "money:lira",
    "shilling": "money:shilling",
    "shillings": "money:shilling",
    "ducat": "money:ducat",
    "ducats": "money:ducat",
    "florin": "money:florin",
    "florins": "money:florin",
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _yearless(corpus: Corpus, m: Mention) -> DateValue | None:
    """ "On 23 March": the day of the year an earlier sentence of the paragraph gives."""
    match = _YEARLESS.match(m.text.strip(" ,."))
    if match is None:
        return None
    day = int(match.group(1) or match.group(4))
    month_name = (match.group(2) or match.group(3)).capitalize()
    year = earlier_year(corpus, m.sent, across_paragraphs=True)  # only to pair accounts, never shown
    if year is None or month_name not in MONTHS:
        return None
    return DateValue(year, MONTHS.index(month_name) + 1, day, "day")


def _money(m: Mention) -> tuple[float, str] | None:
    """An amount of money and its currency ("about 24 million dollars", "£3 million")."""
    if m.label != "MONEY":
        return None
    words = m.text.replace(",", "").replace("£", "£ ").replace("$", "$ ").replace("€", "€ ").split()
    unit = next((_CURRENCIES[w.lower()] for w in words if w.lower() in _CURRENCIES), None)
    if unit is None and m.last.i + 1 < m.sent.span.end:
        unit = _CURRENCIES.get(m.last.nbor(1).lower_)
    amount = None
    for i, w in enumerate(words):
        try:
            amount = float(w)
        except ValueError:
            continue
        if i + 1 < len(words) and words[i + 1].lower() in _SCALES:
            amount *= _SCALES[words[i + 1].lower()]
        break
    return (amount, unit) if amount is not None and unit is not None else None


def _listed(t: Any) -> bool:
    """One of a list of values of its kind ("Melbourne and Sydney"; not "24 million dollars, plus interest")."""

    def alike(x: Any) -> bool:
        return x.ent_type_ == t.ent_type_ if t.ent_type_ else x.pos_ == t.pos_

    return (t.dep_ == "conj" and alike(t.head)) or any(c.dep_ == "conj" and alike(c) for c in t.children)


def _place_slot(sent: Sentence, head: Any, text: str, norm: str, themes: Any, kind: str = "place") -> Slot | None:
    role = None
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
        role = _LOCATIVE[head.head.lower_]
        if role != "at" and not (_governor(head)[0] & _MOVES):
            role = "at"  # "a speech from the National Palace" says where, not whence
    elif head.dep_ == "dobj" and "depart" in classes_of(head.head):
        role = "from"  # "left Sheerness"
    elif head.dep_ == "dobj" and "arrive" in classes_of(head.head):
        role = "to"  # "reached Spithead"
    if role is None:
        return None
    classes, verb = _governor(head)
    institution = kind != "place" and bool({w.lower() for w in text.split()} & INSTITUTION_WORDS)
    if institution and head.lower_ not in FACILITY_WORDS and not (role != "at" and classes & _MOVES):
        return None  # "in the Red Air Force" is a membership, not a location; "sent to the Museum" is one
    return Slot("place:" + role, text, norm, classes, listed=_listed(head), themes=themes(verb, head))


def _plain_place(sent: Sentence, t: Any) -> tuple[str, str] | None:
    """A proper noun the model did not take for a name ("left Sheerness"), with its compounds."""
    if t.pos_ != "PROPN" or t.ent_type_:
        return None
    toks = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
    text = " ".join(x.text for x in toks)
    return text, text.lower()


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _referents(corpus: Corpus, sent: Sentence) -> dict[int, set[str]]:
    """Token index -> the name it stands for (lower case, no article): names by their root, pronouns and
    "the <noun>" by what they were resolved to."""
    out: dict[int, set[str]] = {}
    for m in sent.mentions:
        if m.kind in ("person", "org", "place", "law", "event", "product", "group", "other"):
            out[m.root.i] = {norm_key(m.text)}
    for link in links(corpus, sent):
        if link.antecedent:
            out.setdefault(link.token, {norm_key(link.antecedent)})
    definite = {phrase.split()[-1]: name for phrase, name in bare_definites(corpus, sent) if name}
    for t in sent.tokens:
        if t.text in definite and t.i not in out:
            out[t.i] = {norm_key(definite[t.text])}
    return out


def name_words(text: str) -> set[str]:
    return {w.lower().strip(",.'’") for w in text.split() if len(w) > 2 and w[:1].isupper()}


def claim_of(corpus: Corpus, sent: Sentence) -> Claim:
    """The claim a sentence makes (cached on the sentence). Without a slot (a date, number or place) it is
    compared with nothing: its names are then only those the sentence writes."""
    cached = sent.cache.get("claim")
    if cached is not None:
        return cached
    names: set[str] = set()
    nouns: set[str] = set()
    classes: set[str] = set()
    slots: list[Slot] = []
    covered: set[int] = set()
    # Only a sentence with a slot needs its referents; most have none, and finding them resolves every pronoun.
    referents: dict[int, set[str]] | None = None

    def themes_of(verb: Any, slot_token: Any) -> frozenset[str]:
        nonlocal referents
        if verb is None:
            return frozenset()
        if referents is None:
            referents = _referents(corpus, sent)
        out: set[str] = set()
        for c in verb.children:
            if c.dep_ in _ARGUMENTS and c.i != slot_token.i:
                out |= referents.get(c.i, set())
        return frozenset(out)

    for m in sent.mentions:
        covered |= set(range(m.first.i, m.last.i + 1))
        if m.kind in ("person", "org", "place", "law", "event", "product", "group", "other"):
            names |= name_words(m.text)
        date = m.date if m.kind == "date" else _yearless(corpus, m) if m.kind == "vague_date" else None
        money = _money(m)
        if date is not None:
            classes_, verb = _governor(m.root)
            slots.append(
                Slot(
                    "date", m.text, m.norm, classes_, date=date, listed=_listed(m.root), themes=themes_of(verb, m.root)
                )
            )
        elif money is not None:
            classes_, verb = _governor(m.root)
            slots.append(
                Slot(
                    "number",
                    m.text,
                    m.norm,
                    classes_,
                    number=money[0],
                    unit=frozenset({money[1]}),
                    hedged=_hedged(m),
                    listed=_listed(m.root),
                    themes=themes_of(verb, m.root),
                )
            )
        elif m.kind == "number" and m.number is not None:
            classes_, verb = _governor(m.root)
            slots.append(
                Slot(
                    "number",
                    m.text,
                    m.norm,
                    classes_,
                    number=m.number,
                    unit=_unit(m),
                    hedged=_hedged(m),
                    listed=_listed(m.root),
                    themes=themes_of(verb, m.root),
                )
            )
        elif m.kind in _PLACE_KINDS and not m.day_month:
            slot = _place_slot(sent, m.root, m.text, m.norm, themes_of, m.kind)
            if slot is not None:
                slots.append(slot)
    for t in sent.tokens:
        if t.i in covered:
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() not in _GENERIC_NOUNS and t.is_alpha:
            nouns.add(t.lemma_.lower())
        if t.pos_ in ("VERB", "NOUN", "ADJ"):
            classes |= classes_of(t)
        plain = _plain_place(sent, t)
        if plain is not None:
            names.add(plain[1].split()[-1])
            slot = _place_slot(sent, t, *plain, themes_of)
            if slot is not None:
                slots.append(slot)
    # What "the riots", "it" or "he" stand for counts as named here too; a claim with no slot is compared with
    # nothing (find_disagreements drops it), so its sentence's definites and pronouns are not resolved for it
    if slots:
        for _phrase, name in bare_definites(corpus, sent):
            if name:
                names |= name_words(name)
        for link in links(corpus, sent):
            if link.antecedent and not link.local:
                names |= name_words(link.antecedent)
    claim = Claim(sent, frozenset(names), frozenset(nouns), frozenset(classes), slots)
    sent.cache["claim"] = claim
    return claim
