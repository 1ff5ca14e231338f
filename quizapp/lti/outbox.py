"""Scores on their way to the LMS: an outbox row per (resource link, student), sent by the background worker.

Why an outbox: a submit must neither wait for the LMS nor fail with it, and a score the LMS refused must be
tried again. The row is written in the very transaction that changed the score, so a committed score always
has its send queued, and a rolled-back one never has.

How it is written: attempts sit below LTI and know nothing of it, so LTI watches the session instead. A
finished attempt inserted, changed (status, score) or deleted is noted at flush; before the commit, the kept
score (the quiz's policy: best, last or average, as the gradebook keeps it) of each (quiz, student) noted is
queued for every line item of that quiz's LMS links where the student has an identity. That covers a submit,
an overdue close (by the sweep or by any page that finds one), a regrade and a teacher's mark alike.

How it is sent: after the commit the new rows go to the worker (``tasks.send_grade``, ``sending.py``); the
periodic task retries the due ones with backoff.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, SessionTransaction

from quizapp.attempts.models import Attempt
from quizapp.history.gradebook import policy_cells
from quizapp.lti.models import LtiGradeSend, LtiIdentity, LtiPlatform, LtiResourceLink
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz
from quizapp.statuses import FINISHED, GradeSendStatus

logger = logging.getLogger(__name__)

_CHANGED = "lti_changed_attempts"  # session.info: finished attempts inserted, changed or deleted
_DUE = "lti_sends_due"  # session.info: outbox rows to hand to the worker once the transaction commits


# --- writing the outbox ------------------------------------------------------------------------------------


def has_line_items(session: Session, quiz_ids: Iterable[int]) -> bool:
    """Whether any of the quizzes has an LMS link with a line item (most have none: one indexed look)."""
    linked = select(LtiResourceLink.id).where(
        LtiResourceLink.quiz_id.in_(list(quiz_ids)), LtiResourceLink.lineitem_url.is_not(None)
    )
    return session.scalar(linked.limit(1)) is not None


def queue_kept_scores(session: Session, pairs: Iterable[tuple[int, int]], *, now: datetime) -> list[int]:
    """Queue the kept score of each (quiz id, student id) for the LMS line items it belongs to.

    Returns the ids of the rows that are due now (new or changed scores); a score already queued or sent
    unchanged is left alone. Flushes.
    """
    wanted = set(pairs)
    if not wanted:
        return []
    quiz_ids = sorted({quiz_id for quiz_id, _ in wanted})
    student_ids = sorted({student_id for _, student_id in wanted})
    if not has_line_items(session, quiz_ids):
        return []
    targets = [
        (link_id, quiz_id, user_id, policy)
        for link_id, quiz_id, user_id, policy in session.execute(
            select(LtiResourceLink.id, LtiResourceLink.quiz_id, LtiIdentity.user_id, Quiz.score_policy)
            .join(LtiIdentity, LtiIdentity.platform_id == LtiResourceLink.platform_id)
            .join(Quiz, Quiz.id == LtiResourceLink.quiz_id)
            .where(
                LtiResourceLink.quiz_id.in_(quiz_ids),
                LtiResourceLink.lineitem_url.is_not(None),
                LtiIdentity.user_id.in_(student_ids),
            )
        ).all()
        if (quiz_id, user_id) in wanted
    ]
    if not targets:
        return []
    cells = policy_cells(session, student_ids, quiz_ids)
    # The rows already there, read at once: a class's regrade is one select here, not one per student.
    queued = {
        (row.link_id, row.user_id): row
        for row in session.scalars(
            select(LtiGradeSend).where(
                LtiGradeSend.link_id.in_(sorted({link_id for link_id, *_ in targets})),
                LtiGradeSend.user_id.in_(student_ids),
            )
        )
    }
    due = []
    for link_id, quiz_id, user_id, policy in targets:
        cell = cells.get((user_id, quiz_id))
        kept = cell.kept(policy) if cell is not None else None
        if kept is None:
            continue  # no finished attempt any more: the LMS keeps what it has
        score = round(min(max(kept, 0.0), 100.0), 2)
        row = _queue(session, queued.get((link_id, user_id)), link_id, user_id, score, not cell.awaiting_marks, now)
        if row is not None:
            due.append(row.id)
    session.flush()
    return due


def _queue(
    session: Session,
    row: LtiGradeSend | None,
    link_id: int,
    user_id: int,
    score: float,
    fully_graded: bool,
    now: datetime,
) -> LtiGradeSend | None:
    """Put the score in the link's row for the user (``row``, when it was there already); the row when it is due
    now, None when nothing changed."""
    where = (LtiGradeSend.link_id == link_id, LtiGradeSend.user_id == user_id)
    if row is None:
        row = LtiGradeSend(link_id=link_id, user_id=user_id, score=score, fully_graded=fully_graded, tries=0)
        row.status, row.next_try_at = GradeSendStatus.PENDING, now
        try:
            with session.begin_nested():  # two transactions queueing the first score of one student at once
                session.add(row)
            return row
        except IntegrityError:
            row = session.scalar(select(LtiGradeSend).where(*where))
            if row is None:
                raise
    if row.score == score and row.fully_graded == fully_graded:
        return None  # queued, sending or sent already: never the same score twice
    row.score, row.fully_graded = score, fully_graded
    row.status, row.tries, row.last_error, row.next_try_at = GradeSendStatus.PENDING, 0, None, now
    row.updated_at = now
    return row


def retry_now(session: Session, *, now: datetime, quiz_id: int | None = None) -> list[int]:
    """Make every failed send (of one quiz, or all) due now with its tries counted afresh; returns their ids."""
    query = select(LtiGradeSend).where(LtiGradeSend.status == GradeSendStatus.FAILED)
    if quiz_id is not None:
        query = query.join(LtiResourceLink, LtiResourceLink.id == LtiGradeSend.link_id).where(
            LtiResourceLink.quiz_id == quiz_id
        )
    rows = list(session.scalars(query))
    for row in rows:
        row.tries, row.next_try_at, row.updated_at = 0, now, now
    session.flush()
    hand_to_worker(session, [row.id for row in rows])
    return [row.id for row in rows]


def hand_to_worker(session: Session, send_ids: Iterable[int]) -> None:
    """Have the worker send these rows once the session's transaction commits (nothing if it rolls back)."""
    session.info.setdefault(_DUE, []).extend(send_ids)


# --- the session hooks --------------------------------------------------------------------------------------


def _note_finished_attempts(session: Session, _context: Any, _instances: Any) -> None:
    noted: list[Attempt] | None = session.info.get(_CHANGED)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(obj, Attempt):
            continue
        changed = obj in session.new or obj in session.deleted or _score_changed(obj)
        if changed and (obj.status in FINISHED or _was_finished(obj)):
            if noted is None:
                noted = session.info[_CHANGED] = []
            noted.append(obj)


def _score_changed(attempt: Attempt) -> bool:
    attrs = inspect(attempt).attrs
    return any(attrs[name].history.has_changes() for name in ("status", "score", "max_score"))


def _was_finished(attempt: Attempt) -> bool:
    return any(value in FINISHED for value in inspect(attempt).attrs.status.history.deleted or ())


def _queue_before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    session.flush()  # the changes about to be committed, noted by the flush hook
    noted: list[Attempt] | None = session.info.pop(_CHANGED, None)
    if not noted:
        return
    pairs = {(attempt.quiz_id, attempt.student_id) for attempt in noted}
    try:
        if not has_line_items(session, {quiz_id for quiz_id, _ in pairs}):
            return  # no savepoint either: the commit of a quiz outside any LMS costs one small query
        with session.begin_nested():
            hand_to_worker(session, queue_kept_scores(session, pairs, now=utcnow()))
    except Exception:  # the student's submit must not fail because of LMS bookkeeping; the log says which
        logger.exception("LMS scores of %s could not be queued", sorted(pairs))


def _enqueue_after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released (after_commit fires for those too): the transaction goes on
    due: list[int] | None = session.info.pop(_DUE, None)
    if not due:
        return
    from quizapp.lti.tasks import send_grade  # the tasks send through this module's rows: imported late

    for send_id in dict.fromkeys(due):
        try:
            send_grade(send_id)
        except Exception:  # the queue is down: the periodic retry finds the row due
            logger.exception("LMS score %s could not be handed to the worker", send_id)


def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_CHANGED, None)
        session.info.pop(_DUE, None)


_listening = False


def init_outbox() -> None:
    """Listen to every session: queue LMS scores with the transaction that changed them, send after commit."""
    global _listening
    if _listening:
        return
    event.listen(Session, "before_flush", _note_finished_attempts)
    event.listen(Session, "before_commit", _queue_before_commit)
    event.listen(Session, "after_commit", _enqueue_after_commit)
    event.listen(Session, "after_transaction_end", _forget)
    _listening = True


# --- what teachers and admins see ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SendProblem:
    """Scores of one quiz not sent for one reason: how many students, the most tries, the next try."""

    quiz_id: int
    quiz_title: str
    platform_name: str
    reason: str
    students: int
    tries: int
    next_try_at: datetime | None


def send_problems(session: Session, *, quiz_id: int | None = None) -> list[SendProblem]:
    """Failed sends grouped by quiz, platform and reason (one quiz's, or all of them for the admin)."""
    query = (
        select(
            Quiz.id,
            Quiz.title,
            LtiPlatform.name,
            LtiGradeSend.last_error,
            func.count(),
            func.max(LtiGradeSend.tries),
            func.min(LtiGradeSend.next_try_at),
        )
        .join(LtiResourceLink, LtiResourceLink.id == LtiGradeSend.link_id)
        .join(Quiz, Quiz.id == LtiResourceLink.quiz_id)
        .join(LtiPlatform, LtiPlatform.id == LtiResourceLink.platform_id)
        .where(LtiGradeSend.status == GradeSendStatus.FAILED)
        .group_by(Quiz.id, Quiz.title, LtiPlatform.name, LtiGradeSend.last_error)
        .order_by(Quiz.title, Quiz.id, LtiPlatform.name)
    )
    if quiz_id is not None:
        query = query.where(Quiz.id == quiz_id)
    return [
        SendProblem(qid, title, platform, reason or "unknown", int(n), int(tries or 0), next_try)
        for qid, title, platform, reason, n, tries, next_try in session.execute(query)
    ]
