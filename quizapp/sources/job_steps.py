"""The steps a long document's drafting goes through, as its progress page names them, and one bar across all.

The generator reports each stage with its own fraction (0 to 1, starting again at each stage); the page shows
one bar that only moves forward, each stage taking its measured share of the time.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    start: float  # the share of the bar done when this step begins
    end: float


# Shares as measured on a 2,259-word seed article on a 2-core machine (warm model, 2.55 s): parsing 91% of the
# generator's time, finding questions 6%, ranking 3%; reading and storing get a sliver each.
DRAFTING_STEPS = (
    Step("reading", "Reading the article", 0.0, 0.02),
    Step("parse", "Reading each sentence", 0.02, 0.88),
    Step("candidates", "Finding questions", 0.88, 0.94),
    Step("rank", "Choosing the best ones", 0.94, 0.97),
    Step("storing", "Storing the drafts", 0.97, 1.0),
)
_BY_KEY = {step.key: step for step in DRAFTING_STEPS}
_ALIASES = {"ingest": "reading", "queued": "reading"}


def step_of(stage: str) -> Step | None:
    return _BY_KEY.get(_ALIASES.get(stage, stage))


def overall(stage: str, fraction: float, before: float = 0.0) -> float:
    """The bar's position for a stage's own fraction; never below ``before`` (the bar does not move back)."""
    step = step_of(stage)
    if stage == "done":
        return 1.0
    if step is None:
        return before
    within = min(max(fraction, 0.0), 1.0)
    return max(before, step.start + (step.end - step.start) * within)
