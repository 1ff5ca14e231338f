"""The statuses are named once, as StrEnums that are the very strings the columns store."""

from __future__ import annotations

import json

from quizapp.attempts.models import Attempt
from quizapp.bank.models import GenerationJob, ImportJob, Question
from quizapp.statuses import (
    ATTEMPT_STATUSES,
    FINISHED,
    JOB_STATUSES,
    QUESTION_STATUSES,
    UNDER_WAY,
    AttemptStatus,
    JobStatus,
    QuestionStatus,
)


def check_of(model: type, name: str = "status_known") -> str:
    constraints = [c for c in model.__table__.constraints if (c.name or "").endswith(name)]
    assert len(constraints) == 1, model
    return str(constraints[0].sqltext)


def test_each_status_is_its_stored_string() -> None:
    assert QuestionStatus.APPROVED == "approved"
    assert f"{AttemptStatus.CLOSED_OVERDUE}" == "closed_overdue"
    assert json.dumps({"status": JobStatus.DONE}) == '{"status": "done"}'
    assert QUESTION_STATUSES == ("draft", "approved", "rejected", "retired")
    assert ATTEMPT_STATUSES == ("in_progress", "submitted", "closed_overdue")
    assert JOB_STATUSES == ("queued", "running", "done", "failed")
    assert all(type(value) is str for value in (*QUESTION_STATUSES, *ATTEMPT_STATUSES, *JOB_STATUSES))


def test_the_check_constraints_list_every_status() -> None:
    for model, statuses in (
        (Question, QUESTION_STATUSES),
        (Attempt, ATTEMPT_STATUSES),
        (GenerationJob, JOB_STATUSES),
        (ImportJob, JOB_STATUSES),
    ):
        assert check_of(model) == "status IN (" + ", ".join(f"'{s}'" for s in statuses) + ")"


def test_the_groups_are_made_of_statuses() -> None:
    assert set(FINISHED) == set(ATTEMPT_STATUSES) - {AttemptStatus.IN_PROGRESS}
    assert set(UNDER_WAY) == {JobStatus.QUEUED, JobStatus.RUNNING}
