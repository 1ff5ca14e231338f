"""The statuses a question, an attempt and a background job can have, named once.

Each is a ``StrEnum``: a member is the very string stored in its column (a check constraint lists them), so
rows, JSON, templates and query arguments keep reading plain strings while code names the member. Pure:
imports nothing of quizapp.
"""

from __future__ import annotations

from enum import StrEnum


class QuestionStatus(StrEnum):
    DRAFT = "draft"  # waiting for the teacher's review
    APPROVED = "approved"  # may go into quizzes and practice
    REJECTED = "rejected"
    RETIRED = "retired"


class AttemptStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    CLOSED_OVERDUE = "closed_overdue"  # the deadline passed: closed with the answers saved before it


class QuizWindow(StrEnum):
    """Where a moment falls in a quiz's window (computed from its opening and closing times, never stored)."""

    UPCOMING = "upcoming"  # before it opens
    OPEN = "open"
    CLOSED = "closed"  # at or after its closing time


class JobStatus(StrEnum):
    """A generation or import job run by the background worker."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class GradeSendStatus(StrEnum):
    """A score on its way to an LMS line item (LTI Assignment and Grade Services)."""

    PENDING = "pending"  # to be sent (again): a new score, or one changed while it was being sent
    SENT = "sent"  # the LMS took this score
    FAILED = "failed"  # the last try failed: retried with backoff until the tries run out, then on request


# Plain strings, in order: the check constraints and the migrations list them.
QUESTION_STATUSES: tuple[str, ...] = tuple(status.value for status in QuestionStatus)
ATTEMPT_STATUSES: tuple[str, ...] = tuple(status.value for status in AttemptStatus)
JOB_STATUSES: tuple[str, ...] = tuple(status.value for status in JobStatus)
GRADE_SEND_STATUSES: tuple[str, ...] = tuple(status.value for status in GradeSendStatus)
# An attempt that counts: submitted by the student or closed at its deadline.
FINISHED: tuple[str, ...] = (AttemptStatus.SUBMITTED, AttemptStatus.CLOSED_OVERDUE)
# A job the worker has not finished: a document under it is not drafted again.
UNDER_WAY: tuple[str, ...] = (JobStatus.QUEUED, JobStatus.RUNNING)


class LiveState(StrEnum):
    """Where a live session is: waiting for the class, a question open, its answers shown, over."""

    LOBBY = "lobby"
    QUESTION = "question"
    REVEAL = "reveal"
    ENDED = "ended"


LIVE_STATES: tuple[str, ...] = tuple(state.value for state in LiveState)
