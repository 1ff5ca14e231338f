"""Matching candidates: place and what was set up there, person and role, treaty or event and date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..analysis import Sentence
from ..distractors import display, office, usable_key
from ..entities import TITLES
from ..giveaways import is_date_key
from ..lexicon import FACILITY_HEADS, FACILITY_WORDS, KINSHIP, PEERAGES, PERSON_NOUNS
from ..textutil import anaphora_problem, keeps_capital, tidy, tokens_text, word_count
from ..types import QuestionDraft
from .base import Candidate, Context, coordinated, shuffled, source_of

SETUP_VERBS = frozenset(
    {
        "establish",
        "found",
        "build",
        "create",
        "set",
        "open",
        "locate",
        "base",
        "station",
        "construct",
        "organize",
        "organise",
        "launch",
        "start",
        "set up",
        "erect",
        "install",
        "form",
        "move",
        "relocate",
        "hold",
        "sign",
        "begin",
    }
)
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})
PROMPTS = {
    "place": "Match each place with what was set up or happened there.",
    "person": "Match each person with their role.",
    "date": "Match each treaty or event with its date.",
}
_GENERIC = frozenset({"base", "school", "factory", "plant", "centre", "center", "camp", "office", "site"})
# Endings of nouns that name a person by what they do: "organiser", "notary", "geologist", "lieutenant".
_AGENT_ENDS = ("er", "or", "eur", "ist", "ian", "ant", "ent", "eer", "man", "woman", "ess", "ary", "arch", "crat", "ee")
# Last words of names that name a building, a site or a street, which the model may tag as a person.
_NOT_PERSON_ENDS = FACILITY_WORDS | FACILITY_HEADS | {"building", "street", "strasse", "road", "avenue", "company"}


@dataclass
class Pair:
    kind: str
    left: str
    right: str
    sent: Sentence


def _label(tokens: list[Any], min_words: int = 2, keep_case: bool = False) -> str | None:
    toks = list(tokens)
    while toks and toks[0].dep_ in ("det", "punct", "cc"):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return None
    text = tidy(tokens_text(toks))
    n = word_count(text)
    # One or two plain words ("air base") are too generic to tell the pairs apart.
    if (
        n < min_words
        or n > 12
        or (n == 2 and toks[-1].lower_ in _GENERIC and toks[0].pos_ != "PROPN")
        or anaphora_problem(text)
        or any(t.pos_ == "PRON" for t in toks)
    ):
        return None
    if not keeps_capital(toks[0]) and not keep_case:
        text = text[:1].lower() + text[1:]
    return text


def _place_pairs(sent: Sentence) -> list[Pair]:
    root = sent.root
    if root.lemma_.lower() not in SETUP_VERBS:
        return []
    thing = next((c for c in root.children if c.dep_ == "nsubjpass"), None) or next(
        (c for c in root.children if c.dep_ == "dobj"), None
    )
    if thing is None or thing.pos_ != "NOUN":
        return []
    for m in sent.mentions:
        if m.kind != "place" or not usable_key(m) or m.root.dep_ != "pobj":
            continue
        prep = m.root.head
        if prep.lower_ not in _LOCATIVE or prep.head not in (root, thing):
            continue
        label = _label([t for t in thing.subtree if not (prep.left_edge.i <= t.i <= prep.right_edge.i)])
        if label:
            return [Pair("place", display(m), label, sent)]
    return []


def is_role_noun(tok: Any) -> bool:
    """Whether a role's head noun names a person by what they are or do ("organiser", "senator", "member"): not a
    kinship ("daughter of X" says whose child), a possessive ("NYU's"), a measure ("storey"), a work
    ("biography of the king") or an adjective ("late")."""
    word = tok.lower_.split("-")[-1]
    if word in KINSHIP:
        return False
    if word in TITLES or word in PEERAGES or word in PERSON_NOUNS:
        return True  # "the Seljuk sultan Alp Arslan" with "sultan" tagged an adjective is still a role
    return tok.pos_ in ("NOUN", "PROPN") and len(word) > 4 and word.endswith(_AGENT_ENDS) and not word.endswith("ment")


def _names_a_thing(m: Any) -> bool:
    """Whether the name stands in apposition to, or right after, a common noun that names no person ("the
    chronicle X", "the steamer X"): the model's person is then a work, a ship or an object, and a role beside it
    is someone else's."""
    noun = m.root.head if m.root.dep_ == "appos" and m.root.head.i < m.first.i else None
    if noun is None and m.first.i > m.sent.span.start:
        before = m.first.doc[m.first.i - 1]
        noun = before if before.is_lower else None
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun.lower_.split("-")[-1] not in KINSHIP
        and not is_role_noun(noun)
    )


def _person_pairs(sent: Sentence) -> list[Pair]:
    out = []
    for m in sent.mentions:
        if m.kind != "person" or not usable_key(m) or m.last.i == m.first.i or coordinated(m):
            continue  # one of a list ("famous pilots A, B and C") does not hold the role alone
        if m.last.lower_ in _NOT_PERSON_ENDS:
            continue  # "the Asch Building", "Bornholmer Strasse": a building or a street has no role
        if _names_a_thing(m):
            continue  # "the chronicle X, the ruler of Y": X is a book, and the role no role of it
        role: list[Any] = []
        head = None
        i = m.first.i - 1
        while i >= sent.span.start:
            t = sent.span.doc[i]
            if (
                t.dep_ in ("compound", "amod", "poss", "case", "nmod")
                and (t.head.i >= i or t.dep_ == "case")
                and t.ent_type_ != "DATE"
            ):
                role.insert(0, t)
                i -= 1
            else:
                break
        # A role before the name ends in a title or a common noun ("Foreign Minister", "test pilot"), not in a name.
        if role and role[-1].pos_ == "PROPN" and role[-1].lower_ not in TITLES:
            role = []
        head = role[-1] if role else None
        if not role:
            # After it, a common noun heads it and may end in a name: "a delegate from Virginia"
            appos = [c for c in m.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if appos:
                # without a clause hung on it, whole: "special representative [sent by Lenin to Berlin]"
                clauses = {x.i for c in appos[0].subtree if c.dep_ in ("relcl", "acl") for x in c.subtree}
                role = [t for t in appos[0].subtree if t.i not in clauses]
                head = appos[0]
        if office(m.norm) or (len(role) == 1 and role[0].pos_ not in ("NOUN", "PROPN")):
            continue  # "King of Jerusalem -> First": an office is no person, an ordinal or adjective no role
        if head is None or not is_role_noun(head):
            continue  # "Brown Building -> NYU's", "Charles V -> Biography of the king", "Daughter of X"
        label = _label(role, min_words=1, keep_case=True) if role else None
        if label and " " not in label and label.lower() in TITLES:
            continue  # "Governor", "Queen" alone fit too many people to make a pair worth matching
        if label:
            label = label[:1].upper() + label[1:]
        if label:
            out.append(Pair("person", m.text, label, sent))
    return out


def _date_pairs(sent: Sentence) -> list[Pair]:
    named = [m for m in sent.mentions if m.kind in ("law", "event") and usable_key(m)]
    dates = [m for m in sent.mentions if m.kind == "date" and usable_key(m)]
    if len(named) != 1 or len(dates) != 1 or not _one_clause(named[0], dates[0]):
        return []
    return [Pair("date", named[0].text, display(dates[0]), sent)]


def _one_clause(named: Any, date: Any) -> bool:
    """Whether the date is the named thing's: on the same verb ("the constitution was promulgated in 1889") or on
    the name itself ("the Satsuma Rebellion of 1877"), not on another clause ("the war followed, and the city
    surrendered in May 1868")."""
    x = date.root.head
    while x.dep_ == "prep" or x.pos_ == "ADP":
        x = x.head
    if named.first.i <= x.i <= named.last.i:
        return True
    return _clause_verb(date.root) == _clause_verb(named.root)


def _clause_verb(t: Any) -> int:
    x = t
    while x.pos_ not in ("VERB", "AUX") and x.head.i != x.i:
        x = x.head
    return x.i


def pairs_of(ctx: Context, sent: Sentence) -> list[Pair]:
    """Every matching pair one sentence states."""
    if sent.id in ctx.disputed:
        return []
    return _place_pairs(sent) + _person_pairs(sent) + _date_pairs(sent)


def of_its_kind(p: Pair) -> bool:
    """Whether a pair has one kind on each side: a date on the right of a date pair and on no other side, so a
    set never mixes "1868" with "Foreign Minister" among the labels."""
    if p.kind == "date":
        return is_date_key(p.right) and not is_date_key(p.left)
    return not is_date_key(p.left) and not is_date_key(p.right)


def matching_candidates(ctx: Context, pairs: list[Pair]) -> list[Candidate]:
    """Sets of three to five pairs of one kind, distinct on both sides."""
    out = []
    for kind in ("place", "person", "date"):
        chosen: list[Pair] = []
        seen_left: set[str] = set()
        seen_right: set[str] = set()
        for p in sorted((p for p in pairs if p.kind == kind and of_its_kind(p)), key=lambda p: p.sent.id):
            if p.left.lower() in seen_left or p.left.lower() in p.right.lower():
                continue
            # "Engineer" beside "Chief Engineer" would fit two people: right values must not overlap.
            if any(p.right.lower() in r or r in p.right.lower() for r in seen_right):
                continue
            chosen.append(p)
            seen_left.add(p.left.lower())
            seen_right.add(p.right.lower())
        for start in range(0, len(chosen), 5):
            group = chosen[start : start + 5]
            if len(group) < 3:
                if start and len(group) > 0:
                    continue
                continue
            out.append(_candidate(ctx, kind, group))
    return out


def _candidate(ctx: Context, kind: str, group: list[Pair]) -> Candidate:
    answer = [[p.left, p.right] for p in group]
    rights = [p.right for p in group]
    shown = shuffled(rights, "matching", *rights)
    if shown == rights:
        shown = shown[1:] + shown[:1]
    draft = QuestionDraft(
        type="matching",
        prompt=PROMPTS[kind],
        answer=answer,
        options=shown,
        explanation="; ".join(f"{p.left}: {p.right}" for p in group) + ".",
        confidence=0.75,
        confidence_reasons=["each pair stated in one sentence", f"pairs of kind '{kind}'"],
        difficulty=0.5,
        sources=[source_of(ctx, p.sent) for p in group],
    )
    return Candidate(
        draft, "", [p.sent for p in group], 0.75, "", f"matching:{kind}:" + "|".join(str(p.sent.id) for p in group)
    )
