"""Keep the best candidates: a cap, a balance of types, a spread over paragraphs, no duplicates."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable

from .candidates.base import Candidate
from .candidates.causes import CLAIM_AS_STATED
from .distractors import stable_hash
from .giveaways import (
    MAX_QUESTIONS_PER_KEY,
    PREFERRED_QUESTIONS_PER_KEY,
    SHARED_KEY_MAX_SET,
    TEXT_KEY_TYPES,
    KeyIndex,
)
from .guards import is_duplicate
from .textutil import contains_phrase

TYPE_SHARES = {"multiple_choice": 0.4, "true_false": 0.2, "fill_in": 0.2, "ordering": 0.1, "matching": 0.1}
WORDS_PER_QUESTION = 50
MAX_PER_SENTENCE = 2  # a second question on one sentence only where neither gives the other away
# Candidates of these stem kinds (cause and effect, candidates/causes.py; a scholar's view, candidates/views.py) are
# few and rank below the many name and date questions: each document that states one keeps its best of each kind
# before the quotas are filled (issue #15).
RESERVED_KINDS = {"cause": "cause", "view": "view", "view_claim": "view"}  # stem kind -> what it reserves
# A document of this many questions' worth of words (about 900) keeps a second cause question, where it is a
# "because" claim of one sentence as stated (the shape readers took best: 33 of 49 judged as-is) and comes from
# another paragraph than the first.
SECOND_CAUSE_MIN_CAP = 18
# A document of as many words keeps a second question on a scholar's view where it is another scholar's view, stated
# in another sentence: an article that sets two named scholars' views side by side is asked both sides of its
# debate (readers took the view questions well: 5 of 6 statements and 2 of 6 "who argued" as-is, 4 light edits).
SECOND_VIEW_MIN_CAP = SECOND_CAUSE_MIN_CAP


def default_cap(words: int) -> int:
    """About one question per 50 words of article, at least three."""
    return max(3, round(words / WORDS_PER_QUESTION))


def quotas(cap: int, available: dict[str, int]) -> dict[str, int]:
    """Questions per type: shares of the cap, at least one of each type available, spare slots passed on."""
    q = {
        t: min(available.get(t, 0), max(1 if available.get(t) else 0, round(share * cap)))
        for t, share in TYPE_SHARES.items()
    }
    spare = cap - sum(q.values())
    # Spare slots (a type with too few candidates) go round the other types, not all to one.
    turn = ("multiple_choice", "true_false", "fill_in", "multiple_choice", "matching", "ordering")
    while spare > 0:
        given = 0
        for t in turn:
            if spare > 0 and available.get(t, 0) > q[t]:
                q[t] += 1
                spare -= 1
                given += 1
        if not given:
            break
    while sum(q.values()) > cap:
        t = max(q, key=lambda k: (q[k] - TYPE_SHARES[k] * cap, k))
        q[t] -= 1
    return q


def gives_away(a: Candidate, b: Candidate) -> bool:
    """Whether one of two questions on one sentence shows the other's answer (a true statement shows them all)."""
    if not a.key or not b.key:
        return True
    return contains_phrase(a.draft.prompt, b.key) or contains_phrase(b.draft.prompt, a.key)


def _second_cause(c: Candidate, first: list[Candidate], cap: int) -> bool:
    """Whether ``c`` may be a document's second reserved cause question after ``first``: see SECOND_CAUSE_MIN_CAP."""
    return (
        len(first) == 1
        and first[0].stem_kind == "cause"
        and cap >= SECOND_CAUSE_MIN_CAP
        and c.draft.confidence_reasons[:1] == [CLAIM_AS_STATED]
        and not set(c.paragraphs) & set(first[0].paragraphs)
    )


def _second_view(c: Candidate, first: list[Candidate], cap: int) -> bool:
    """Whether ``c`` may be a document's second reserved view question after ``first``: see SECOND_VIEW_MIN_CAP."""
    if len(first) != 1 or first[0].stem_kind not in _VIEW_KINDS or cap < SECOND_VIEW_MIN_CAP:
        return False
    mine, theirs = _view_of(c), _view_of(first[0])
    return mine is not None and theirs is not None and mine[0] != theirs[0] and mine[1] != theirs[1]


_VIEW_KINDS = frozenset(k for k, v in RESERVED_KINDS.items() if v == "view")


def _view_of(c: Candidate) -> tuple[str, str] | None:
    """(sentence id, holder's surname) of a view question, from its fact signature (candidates.debates.view_fact)."""
    parts = c.fact.split(":")
    return (parts[0], parts[2]) if len(parts) == 3 and parts[1] == "view" else None


def tf_side(c: Candidate) -> bool | None:
    """The key of a true/false candidate (True or False), None for other types."""
    return bool(c.draft.answer) if c.draft.type == "true_false" else None


class _Balance:
    """True and False keys of each document's true/false questions kept in step: a test whose statements are
    nearly all true is answered by guessing "True". A false statement comes first (good ones are the scarcer),
    a true one may only catch up; ``slack`` lets the true ones lead by that many where no good false statement
    is left (the last round, filling the cap), so true statements are capped rather than dropped."""

    def __init__(self) -> None:
        self.count: Counter[tuple[int, bool]] = Counter()
        self.slack = 0

    def allows(self, c: Candidate) -> bool:
        side = tf_side(c)
        if side is None:
            return True
        doc = min(s.doc for s in c.sentences)
        lead = self.slack if side else 1
        return self.count[(doc, side)] < self.count[(doc, not side)] + lead

    def add(self, c: Candidate) -> None:
        side = tf_side(c)
        if side is not None:
            self.count[(min(s.doc for s in c.sentences), side)] += 1


class _Kept:
    """Questions kept so far, indexed by source sentence so duplicate checks stay cheap."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self.by_sentence: dict[int, list[Candidate]] = defaultdict(list)
        self.multi: list[Candidate] = []
        self.keys = KeyIndex()  # keys and prompts kept, per document: one question must not give another away
        self.per_key = PREFERRED_QUESTIONS_PER_KEY
        self.pairs: list[tuple[int, str, str]] = []  # kept matchings' pairs: document, name (lower case), kind
        self.singles: list[tuple[int, str, set[str]]] = []  # kept choice and fill-in questions: prompt, answers

    @staticmethod
    def _key(c: Candidate) -> str:
        d = c.draft
        if d.type == "multiple_choice" and d.answer:
            return str(d.answer)
        if d.type == "fill_in" and not c.key and d.answer:
            return str(d.answer[0])
        return c.key

    @staticmethod
    def _names(c: Candidate) -> tuple[str, ...]:
        """The other answers the key is accepted as: a fill-in's accepted list."""
        d = c.draft
        return tuple(str(a) for a in d.answer) if d.type == "fill_in" and isinstance(d.answer, list) else ()

    @staticmethod
    def _printed(c: Candidate) -> str:
        """What the question tells before it is answered: the prompt, and an ordering's events (each a statement,
        where a matching's items are names and kinds, as a choice question's options are)."""
        d = c.draft
        return " | ".join([d.prompt, *map(str, d.answer)]) if d.type == "ordering" else d.prompt

    def _pair_answers(self, c: Candidate) -> bool:
        """Whether a matching's pair answers a choice or fill-in question of the same document, one way or the
        other: "Shubal Stearns - Separate Baptist preacher" beside "the Separate Baptist preacher _____"."""
        doc, d = c.sentences[0].doc, c.draft
        if d.type == "matching":
            return any(
                left.lower() in names and contains_phrase(prompt, right)
                for left, right in d.answer
                for kept_doc, prompt, names in self.singles
                if kept_doc == doc
            )
        if d.type not in TEXT_KEY_TYPES:
            return False
        names = {n.lower() for n in (self._key(c), *self._names(c)) if n}
        return any(
            kept_doc == doc and left in names and contains_phrase(d.prompt, right)
            for kept_doc, left, right in self.pairs
        )

    def _conflict(self, c: Candidate, limit: int) -> str | None:
        return self.keys.conflict(
            c.sentences[0].doc, c.draft.type, self._printed(c), self._key(c), self._names(c), limit
        )

    def gives_away(self, c: Candidate) -> bool:
        """Whether the question prints a kept question's key, a kept question prints its key, or its key already
        serves as many questions (of the same document) as ``per_key`` allows."""
        return self._conflict(c, self.per_key) is not None or self._pair_answers(c)

    def shares_key_only(self, c: Candidate) -> bool:
        """Whether only the answer it shares with a kept question keeps it out: a set short of questions may take
        it as a second question on that answer."""
        return self._conflict(c, self.per_key) is not None and self._conflict(c, MAX_QUESTIONS_PER_KEY) is None

    def same_answer(self, c: Candidate) -> bool:
        """Whether a kept choice or fill-in question asks for its answer."""
        return self.keys.same_answer(c.sentences[0].doc, self._key(c), self._names(c))

    def too_many_dates(self, c: Candidate) -> bool:
        return self.keys.date_cap_reached(c.sentences[0].doc, c.draft.type, c.draft.prompt, self._key(c))

    def accepts(self, c: Candidate) -> bool:
        single = c.draft.type not in ("ordering", "matching")
        near = self.multi if not single else []
        for s in c.sentences:
            mine = self.by_sentence.get(s.id, [])
            near = near + mine
            if single and len(mine) >= MAX_PER_SENTENCE:
                return False
            if single and any(k.draft.type not in ("ordering", "matching") and gives_away(c, k) for k in mine):
                return False
        return not is_duplicate(c, near)

    def add(self, c: Candidate) -> None:
        self.items.append(c)
        self.keys.add(c.sentences[0].doc, c.draft.type, self._printed(c), self._key(c), self._names(c))
        if c.draft.type in ("ordering", "matching"):
            self.multi.append(c)
        doc = c.sentences[0].doc
        if c.draft.type == "matching":
            self.pairs += [(doc, str(left).lower(), str(right)) for left, right in c.draft.answer]
        elif c.draft.type in TEXT_KEY_TYPES:
            self.singles.append((doc, c.draft.prompt, {n.lower() for n in (self._key(c), *self._names(c)) if n}))
        for s in c.sentences:
            self.by_sentence[s.id].append(c)


def select(
    candidates: list[Candidate],
    cap: int,
    finalize: Callable[[Candidate], bool] | None = None,
    refused: Counter[str] | None = None,
) -> tuple[list[Candidate], int]:
    """The kept candidates, and how many were dropped as duplicates.

    ``finalize`` completes a candidate the ranker wants (choosing its distractors) and checks it
    again; a candidate it refuses is passed over. Questions that would give a kept one away (or be given away
    by it) are passed over too, and counted in ``refused`` under "giveaway"; a date key beyond the share of
    dates allowed waits until enough other keys are kept ("date_share" counts those that never fit).
    """
    order = sorted(candidates, key=lambda c: (-c.score, stable_hash(c.draft.prompt, c.fact)))
    rank_of = {id(c): i for i, c in enumerate(order)}
    available: dict[str, int] = defaultdict(int)
    for c in order:
        available[c.draft.type] += 1
    quota = quotas(cap, available)
    taken: dict[str, int] = defaultdict(int)
    kept = _Kept()
    balance = _Balance()
    covered: set[int] = set()
    duplicates = 0
    giveaways = 0
    rejected: set[int] = set()
    # Date keys held back by the share of dates, per document, a real "When ...?" stem before a blank, then best
    # first: each other key kept makes room for one.
    waiting: dict[int, list[tuple[bool, int, Candidate]]] = defaultdict(list)
    held: set[int] = set()
    second_on_key: list[Candidate] = []  # refused only for an answer a kept question has: asked if the set is short

    def admit_waiting(doc: int) -> None:
        queue = waiting[doc]
        while queue and len(kept.items) < cap and not kept.too_many_dates(queue[0][2]):
            try_keep(heapq.heappop(queue)[2])

    def keep(c: Candidate) -> bool:
        """Finalize and keep ``c``; False (remembered as rejected) when finalize refuses it."""
        nonlocal giveaways
        c.settle()
        if finalize is not None and not finalize(c):
            rejected.add(id(c))
            return False
        if kept.gives_away(c):  # finalize may write a name into the prompt
            giveaways += 1
            rejected.add(id(c))
            return False
        kept.add(c)
        balance.add(c)
        taken[c.draft.type] += 1
        covered.update(c.paragraphs)
        admit_waiting(c.sentences[0].doc)
        return True

    def try_keep(c: Candidate) -> str:
        """ "kept", "refused", or "dates" (held back until other keys make room)."""
        nonlocal duplicates, giveaways
        if not kept.accepts(c):  # reads the prompt and key alone: a duplicate is refused before it is settled
            duplicates += 1
            return "refused"
        c.settle()  # the checks below read the whole draft (a fill-in's accepted answers)
        if kept.gives_away(c):
            giveaways += 1
            if kept.shares_key_only(c):
                second_on_key.append(c)
            return "refused"
        if kept.too_many_dates(c):
            if id(c) not in held:  # a candidate the first pass held back meets the turns again
                held.add(id(c))
                heapq.heappush(waiting[c.sentences[0].doc], (c.stem_kind != "wh", rank_of[id(c)], c))
            return "dates"
        return "kept" if keep(c) else "refused"

    # First of all: one cause-and-effect question and one question on a scholar's view per document that has one
    # (a second cause in a long document, see SECOND_CAUSE_MIN_CAP).
    reserved: dict[tuple[int, str], list[Candidate]] = defaultdict(list)
    documents = len({s.doc for c in order for s in c.sentences}) or 1
    for c in order:
        if c.stem_kind not in RESERVED_KINDS:
            continue
        slot = (min(s.doc for s in c.sentences), RESERVED_KINDS[c.stem_kind])
        second = _second_cause if slot[1] == "cause" else _second_view
        if len(kept.items) >= cap or (reserved[slot] and not second(c, reserved[slot], cap // documents)):
            continue
        c.settle()
        if taken[c.draft.type] < quota[c.draft.type] and kept.accepts(c) and not kept.gives_away(c) and keep(c):
            reserved[slot].append(c)
    # First pass: the best question of each paragraph, so questions spread over the article.
    best_by_para: dict[int, list[Candidate]] = defaultdict(list)
    for c in order:
        if c.draft.type in ("multiple_choice", "true_false", "fill_in"):
            best_by_para[min(c.paragraphs)].append(c)
    for para in sorted(best_by_para):
        for c in best_by_para[para]:
            if len(kept.items) >= cap or para in covered:
                break
            if id(c) in rejected or taken[c.draft.type] >= quota[c.draft.type] or not balance.allows(c):
                continue
            outcome = try_keep(c)
            if outcome == "refused":
                rejected.add(id(c))
            if outcome == "kept":
                break
    # Second pass: the types take turns, each its best remaining candidate, until quotas or the cap are met;
    # by score alone one type would use up the sentences the others need.
    # A type's candidates in order, in one queue per true/false key (see _Balance), else in one queue.
    by_type: dict[str, dict[bool | None, list[Candidate]]] = defaultdict(lambda: defaultdict(list))
    kept_ids = {id(c) for c in kept.items}
    for c in order:
        if id(c) not in kept_ids and id(c) not in rejected:
            by_type[c.draft.type][tf_side(c)].append(c)
    position: dict[tuple[str, bool | None], int] = defaultdict(int)

    def next_of(t: str) -> Candidate | None:
        """The best remaining candidate of type ``t`` that the true/false balance allows, taken off its queue."""
        best: tuple[int, bool | None] | None = None
        for side, queue in by_type[t].items():
            i = position[(t, side)]
            if i < len(queue) and balance.allows(queue[i]) and (best is None or rank_of[id(queue[i])] < best[0]):
                best = (rank_of[id(queue[i])], side)
        if best is None:
            return None
        position[(t, best[1])] += 1
        return order[best[0]]

    def take_turns(limit: dict[str, int]) -> None:
        active = [t for t in TYPE_SHARES if t in by_type]
        while active and len(kept.items) < cap:
            for t in list(active):
                if len(kept.items) >= cap:
                    break
                took = False
                while taken[t] < limit[t]:
                    c = next_of(t)
                    if c is None:
                        break
                    if try_keep(c) == "kept":
                        took = True
                        break
                if not took:
                    active.remove(t)

    take_turns(quota)
    if len(kept.items) < cap:
        # The quotas were shared out before finalize refused some candidates (too few distractors in a short
        # article, say): what a type could not fill, the others may, with what passed every guard.
        balance.slack = 1
        take_turns(dict.fromkeys(quota, cap))
    if len(kept.items) < cap and second_on_key:
        # Still short: a second question on an answer already asked, best first, where nothing else is left.
        kept.per_key = MAX_QUESTIONS_PER_KEY
        for c in sorted({id(c): c for c in second_on_key}.values(), key=lambda c: rank_of[id(c)]):
            if len(kept.items) >= cap:
                break
            if len(kept.items) >= SHARED_KEY_MAX_SET and kept.same_answer(c):
                continue
            if balance.allows(c) and try_keep(c) == "kept":
                giveaways -= 1
    if len(kept.items) < cap:
        # Still short, nothing else left: the date keys the share held back come in up to a small floor per
        # document, best first (a real "When ...?" stem before a blank), so a thin set still asks its key dates.
        for doc, queue in list(waiting.items()):
            while queue and len(kept.items) < cap and kept.keys.below_date_floor(doc):
                c = heapq.heappop(queue)[2]
                if kept.accepts(c) and not kept.gives_away(c) and balance.allows(c):
                    keep(c)
    if refused is not None:
        refused["giveaway"] += giveaways
        refused["date_share"] += sum(len(queue) for queue in waiting.values())
        refused -= Counter()  # no zero counts
    return kept.items, duplicates
