"""Candidate makers, one module per question type; each overgenerates, guards and the ranker decide."""

from .base import Candidate, Context
from .causes import agent_claims, cause_candidates
from .fill_in import fill_in_candidates
from .matching import matching_candidates
from .multiple_choice import multiple_choice_candidates
from .ordering import ordering_candidates
from .result_causes import result_candidates
from .so_results import so_candidates
from .true_false import true_false_candidates

__all__ = [
    "Candidate",
    "Context",
    "agent_claims",
    "cause_candidates",
    "fill_in_candidates",
    "matching_candidates",
    "multiple_choice_candidates",
    "ordering_candidates",
    "result_candidates",
    "so_candidates",
    "true_false_candidates",
]
