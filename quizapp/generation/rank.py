"""Keep the best candidates: a cap, a balance of types, a spread over paragraphs, no duplicates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from .candidates.base import Candidate
from .distractors import stable_hash
from .guards import is_duplicate
from .textutil import contains_phrase

TYPE_SHARES = {"multiple_choice": 0.4, "true_false": 0.2, "fill_in": 0.2, "ordering": 0.1, "matching": 0.1}
WORDS_PER_QUESTION = 50
MAX_PER_SENTENCE = 2  # a second question on one sentence only where neither gives the other away
# Candidates of this stem kind (cause and effect, candidates/causes.py) are few and rank below the many name and date
# questions: each document that states a cause keeps its best one before the quotas are filled (issue #15).
RESERVED_KIND = "cause"


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


class _Kept:
    """Questions kept so far, indexed by source sentence so duplicate checks stay cheap."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self.by_sentence: dict[int, list[Candidate]] = defaultdict(list)
        self.multi: list[Candidate] = []

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
        if c.draft.type in ("ordering", "matching"):
            self.multi.append(c)
        for s in c.sentences:
            self.by_sentence[s.id].append(c)


def select(
    candidates: list[Candidate], cap: int, finalize: Callable[[Candidate], bool] | None = None
) -> tuple[list[Candidate], int]:
    """The kept candidates, and how many were dropped as duplicates.

    ``finalize`` completes a candidate the ranker wants (choosing its distractors) and checks it
    again; a candidate it refuses is passed over.
    """
    order = sorted(candidates, key=lambda c: (-c.score, stable_hash(c.draft.prompt, c.fact)))
    available: dict[str, int] = defaultdict(int)
    for c in order:
        available[c.draft.type] += 1
    quota = quotas(cap, available)
    taken: dict[str, int] = defaultdict(int)
    kept = _Kept()
    covered: set[int] = set()
    duplicates = 0
    rejected: set[int] = set()

    def keep(c: Candidate) -> bool:
        """Finalize and keep ``c``; False (remembered as rejected) when finalize refuses it."""
        if finalize is not None and not finalize(c):
            rejected.add(id(c))
            return False
        kept.add(c)
        taken[c.draft.type] += 1
        covered.update(c.paragraphs)
        return True

    # First of all: one cause-and-effect question per document that has one.
    reserved_docs: set[int] = set()
    for c in order:
        if c.stem_kind != RESERVED_KIND:
            continue
        doc = min(s.doc for s in c.sentences)
        if doc in reserved_docs or len(kept.items) >= cap:
            continue
        if taken[c.draft.type] < quota[c.draft.type] and kept.accepts(c) and keep(c):
            reserved_docs.add(doc)
    # First pass: the best question of each paragraph, so questions spread over the article.
    best_by_para: dict[int, list[Candidate]] = defaultdict(list)
    for c in order:
        if c.draft.type in ("multiple_choice", "true_false", "fill_in"):
            best_by_para[min(c.paragraphs)].append(c)
    for para in sorted(best_by_para):
        for c in best_by_para[para]:
            if len(kept.items) >= cap or para in covered:
                break
            if id(c) in rejected or taken[c.draft.type] >= quota[c.draft.type]:
                continue
            if not kept.accepts(c):
                rejected.add(id(c))
                duplicates += 1
                continue
            if keep(c):
                break
    # Second pass: the types take turns, each its best remaining candidate, until quotas or the cap are met;
    # by score alone one type would use up the sentences the others need.
    by_type: dict[str, list[Candidate]] = defaultdict(list)
    kept_ids = {id(c) for c in kept.items}
    for c in order:
        if id(c) not in kept_ids and id(c) not in rejected:
            by_type[c.draft.type].append(c)
    position = dict.fromkeys(by_type, 0)

    def take_turns(limit: dict[str, int]) -> None:
        nonlocal duplicates
        active = [t for t in TYPE_SHARES if t in by_type]
        while active and len(kept.items) < cap:
            for t in list(active):
                if len(kept.items) >= cap:
                    break
                took = False
                queue = by_type[t]
                while position[t] < len(queue) and taken[t] < limit[t]:
                    c = queue[position[t]]
                    position[t] += 1
                    if not kept.accepts(c):
                        duplicates += 1
                        continue
                    if finalize is not None and not finalize(c):
                        continue
                    kept.add(c)
                    taken[t] += 1
                    took = True
                    break
                if not took:
                    active.remove(t)

    take_turns(quota)
    if len(kept.items) < cap:
        # The quotas were shared out before finalize refused some candidates (too few distractors in a short
        # article, say): what a type could not fill, the others may, with what passed every guard.
        take_turns(dict.fromkeys(quota, cap))
    return kept.items, duplicates
