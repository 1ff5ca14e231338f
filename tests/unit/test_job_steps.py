"""One progress bar across the generator's stages, each of which counts from 0 to 1 again (pure)."""

from __future__ import annotations

import itertools

from quizapp.sources.job_steps import DRAFTING_STEPS, overall, step_of


def test_the_bar_moves_forward_through_the_stages_and_never_back() -> None:
    reported = [("ingest", 0.0), ("parse", 0.0), ("parse", 0.5), ("parse", 1.0), ("candidates", 0.0),
                ("rank", 0.0), ("storing", 0.0), ("done", 1.0)]  # fmt: skip
    shown, bar = [], 0.0
    for stage, fraction in reported:
        bar = overall(stage, fraction, bar)
        shown.append(round(bar, 3))
    assert shown == sorted(shown)
    assert shown[0] == 0.0
    assert shown[-1] == 1.0
    assert 0.3 < shown[2] < 0.5  # half the parsing is not half of nothing, nor all of it
    assert overall("candidates", 0.0, before=0.9) == 0.9  # an earlier stage reported late does not pull it back


def test_each_stage_has_a_step_and_the_steps_cover_the_bar() -> None:
    assert step_of("ingest") == step_of("reading") == DRAFTING_STEPS[0]
    assert step_of("nonsense") is None
    assert DRAFTING_STEPS[0].start == 0.0
    assert DRAFTING_STEPS[-1].end == 1.0
    assert all(a.end == b.start for a, b in itertools.pairwise(DRAFTING_STEPS))
