"""Grading and scoring one answer of an attempt: what checking, submitting and regrading share.

The rule itself is pure (``grading.answer_score``); this reads its arguments from the answer and its quiz.
"""

from __future__ import annotations

import logging

from quizapp.attempts.grading import Grade, answer_score, grade
from quizapp.attempts.models import AttemptAnswer
from quizapp.quizzes.models import Quiz

logger = logging.getLogger(__name__)


def graded_or_none(answer: AttemptAnswer) -> Grade | None:
    """The grade of the answer's response, or ``None`` when its question cannot be graded.

    One question that cannot be graded (a key saved before keys were checked, a grader that fails)
    must not stop the rest of the attempt from being graded: it waits for the teacher's mark instead.
    """
    version = answer.question_version
    try:
        return grade(
            version.type,
            version.answer,
            answer.response,
            options=version.options,
            grading=version.ordering_grading,
            case_sensitive=version.case_sensitive,
        )
    except Exception:  # any failure of one grader is that one answer's, never the attempt's
        logger.exception("answer %s (question version %s) could not be graded", answer.id, version.id)
        return None


def scored(answer: AttemptAnswer, quiz: Quiz, fraction: float) -> float:
    """The score ``answer`` (of an attempt at ``quiz``) earns for a grade of ``fraction``, by the one rule of
    :func:`~quizapp.attempts.grading.answer_score`: its points, the quiz's mode and penalty, its checks, given up."""
    return answer_score(
        answer.points,
        fraction,
        practice=quiz.mode == "practice",
        checks=answer.checks,
        penalty_percent=quiz.penalty_percent,
        gave_up=bool(answer.gave_up),
    )
