"""The ranker's quotas: a type whose candidates cannot be completed leaves its share to the others."""

from types import SimpleNamespace

from quizapp.generation.candidates.base import Candidate
from quizapp.generation.rank import quotas, select
from quizapp.generation.types import QuestionDraft

TOPICS = ["canal", "harbour", "bridge", "railway", "tunnel", "mill", "foundry", "quarry"]


def candidate(qtype: str, n: int, completes: bool) -> Candidate:
    # Each on its own sentence and paragraph, about a different thing: no duplicates, no shared sentence.
    sent = SimpleNamespace(id=n, para=n, doc=0)
    topic = TOPICS[n % len(TOPICS)]
    return Candidate(
        QuestionDraft(qtype, f"Who built the {topic} number {n} in the old town district?", "x"),
        key=f"builder{n}",
        sentences=[sent],  # type: ignore[list-item]
        score=1.0 - n / 100,
        fact=f"{qtype}:{n}",
        finish=lambda: completes,
    )


def test_quotas_favour_multiple_choice_when_everything_is_available():
    q = quotas(6, {"multiple_choice": 6, "fill_in": 6})
    assert q["multiple_choice"] > q["fill_in"]


def test_a_type_refused_at_finalize_leaves_its_share_to_the_others():
    doomed = [candidate("multiple_choice", n, completes=False) for n in range(6)]
    fine = [candidate("fill_in", n, completes=True) for n in range(6, 12)]
    kept, duplicates = select(doomed + fine, 6, lambda c: c.complete())
    assert duplicates == 0
    assert [c.draft.type for c in kept] == ["fill_in"] * 6


def test_the_cap_still_holds_when_shares_move():
    doomed = [candidate("multiple_choice", n, completes=False) for n in range(6)]
    fine = [candidate("fill_in", n, completes=True) for n in range(6, 16)]
    kept, _ = select(doomed + fine, 4, lambda c: c.complete())
    assert len(kept) == 4


def statement(n: int, key: bool, completes: bool = True) -> Candidate:
    c = candidate("true_false", n, completes)
    c.draft.answer = key
    c.score = (2.0 if key else 1.0) - n / 100  # the true statements all rank first
    return c


def test_true_false_keys_are_kept_in_step():
    trues = [statement(n, True) for n in range(8)]
    falses = [statement(n, False) for n in range(8, 12)]
    kept, _ = select(trues + falses, 6, lambda c: c.complete())
    keys = [c.draft.answer for c in kept]
    assert len(keys) == 6
    assert keys.count(False) == 3


def test_without_a_good_false_statement_the_true_ones_are_capped():
    trues = [statement(n, True) for n in range(4)]
    doomed = [statement(n, False, completes=False) for n in range(4, 8)]
    fine = [candidate("fill_in", n, completes=True) for n in range(8, 14)]
    kept, _ = select(trues + doomed + fine, 6, lambda c: c.complete())
    assert [c.draft.answer for c in kept if c.draft.type == "true_false"] == [True]
    assert len(kept) == 6


def test_each_document_keeps_its_own_balance():
    trues = [statement(n, True) for n in range(4)]
    falses = [statement(n, False) for n in range(4, 8)]
    for c in falses:
        c.sentences[0].doc = 1  # all the false statements are of another document
    fine = [candidate("fill_in", n, completes=True) for n in range(8, 14)]
    kept, _ = select(trues + falses + fine, 6, lambda c: c.complete())
    keys = [c.draft.answer for c in kept if c.draft.type == "true_false"]
    assert keys.count(True) <= 1
    assert keys.count(False) <= 1
