"""Sending the outbox's scores: claim a row, put its score to the LMS with no transaction open, record how it went.

A worker claims a row for ``LEASE`` with a conditional UPDATE, so that two workers never send it at once (the
task after a commit and the periodic retry, or two consumers). A row ``sent`` with the same score is not sent
again; a score that changed while it was being sent is sent once more. A failed try waits 1, 2, 4 ... minutes
(``backoff``) before the next, up to ``MAX_TRIES``; then only a teacher's or admin's "retry now" sends it.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from pylti1p3.registration import Registration
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from quizapp.lti.grades import put_score
from quizapp.lti.models import LtiGradeSend, LtiIdentity, LtiPlatform, LtiResourceLink
from quizapp.lti.outbox import hand_to_worker
from quizapp.lti.tool import DatabaseToolConf
from quizapp.models import utcnow
from quizapp.statuses import GradeSendStatus

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
MAX_TRIES = 8  # backoff 1, 2, 4 ... 128 minutes: about four hours and a quarter, then only on request
FIRST_BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(hours=2)
ERROR_MAX = 300
DUE_BATCH = 200


def backoff(tries: int) -> timedelta:
    """How long to wait after the ``tries``-th failed try."""
    return min(FIRST_BACKOFF * 2 ** max(tries - 1, 0), MAX_BACKOFF)


@dataclass(frozen=True)
class Claim:
    """What one send needs, read from the database before the HTTP call (no transaction stays open)."""

    send_id: int
    registration: Registration
    lineitem_url: str
    subject: str
    score: float
    fully_graded: bool


def claim_send(session: Session, send_id: int, *, now: datetime) -> Claim | None:
    """Take the row for ``LEASE`` if it is due and no other worker holds it; None otherwise. Flushes."""
    taken = session.execute(
        update(LtiGradeSend)
        .where(
            LtiGradeSend.id == send_id,
            LtiGradeSend.status != GradeSendStatus.SENT,
            LtiGradeSend.next_try_at <= now,
            or_(LtiGradeSend.claimed_until.is_(None), LtiGradeSend.claimed_until <= now),
        )
        .values(claimed_until=now + LEASE, tries=LtiGradeSend.tries + 1)
        .execution_options(synchronize_session=False)
    )
    if not getattr(taken, "rowcount", 0):
        return None
    found = session.execute(
        select(LtiGradeSend, LtiResourceLink.lineitem_url, LtiIdentity.subject, LtiPlatform)
        .join(LtiResourceLink, LtiResourceLink.id == LtiGradeSend.link_id)
        .join(LtiPlatform, LtiPlatform.id == LtiResourceLink.platform_id)
        .join(
            LtiIdentity,
            and_(LtiIdentity.platform_id == LtiPlatform.id, LtiIdentity.user_id == LtiGradeSend.user_id),
        )
        .where(LtiGradeSend.id == send_id)
        .execution_options(populate_existing=True)
    ).first()
    registration = (
        DatabaseToolConf(session).find_registration_by_params(found[3].issuer, found[3].client_id) if found else None
    )
    if found is None or registration is None or not found[1]:
        _fail(session, send_id, "The LMS link, registration or the student's LMS account is gone.", now, give_up=True)
        return None
    row, lineitem_url, subject, _platform = found
    return Claim(send_id, registration, lineitem_url, subject, row.score, row.fully_graded)


def deliver(claim: Claim, *, now: datetime, requests_session: requests.Session | None = None) -> str | None:
    """Send the claimed score; None when the LMS took it, else why not (for the teacher). No database."""
    try:
        put_score(
            claim.registration,
            claim.lineitem_url,
            claim.subject,
            claim.score,
            fully_graded=claim.fully_graded,
            now=now,
            requests_session=requests_session,
        )
    except Exception as error:  # whatever failed, the teacher sees it and the worker tries again
        logger.warning("LMS score %s not sent: %s", claim.send_id, error)
        return describe_error(error)
    return None


def describe_error(error: Exception) -> str:
    """A short reason a teacher can act on (the LMS's status and the start of its answer)."""
    response = getattr(error, "response", None)
    if response is not None and getattr(response, "status_code", None) is not None:
        body = " ".join(str(getattr(response, "text", "") or "").split())[:120]
        return f"the LMS answered HTTP {response.status_code}" + (f" ({body})" if body else "")
    if isinstance(error, requests.Timeout):
        return "the LMS did not answer in time"
    if isinstance(error, requests.ConnectionError):
        return "the LMS could not be reached"
    return " ".join(f"{type(error).__name__}: {error}".split())[:ERROR_MAX]


def record_outcome(session: Session, claim: Claim, error: str | None, *, now: datetime) -> None:
    """Release the claim: sent, due again (the score changed meanwhile), or failed with a next try. Flushes."""
    row = session.get(LtiGradeSend, claim.send_id, populate_existing=True, with_for_update=True)
    if row is None:
        return
    row.claimed_until, row.updated_at = None, now
    if error is not None:
        _fail(session, row.id, error, now)
        return
    row.sent_at = now
    if (row.score, row.fully_graded) == (claim.score, claim.fully_graded):
        row.status, row.last_error, row.next_try_at = GradeSendStatus.SENT, None, None
    else:  # a newer score came while this one was on its way
        row.status, row.tries, row.next_try_at = GradeSendStatus.PENDING, 0, now
        hand_to_worker(session, [row.id])
    session.flush()


def _fail(session: Session, send_id: int, error: str, now: datetime, *, give_up: bool = False) -> None:
    row = session.get(LtiGradeSend, send_id)
    if row is None:
        return
    row.status, row.last_error, row.claimed_until, row.updated_at = GradeSendStatus.FAILED, error[:ERROR_MAX], None, now
    row.next_try_at = None if give_up or row.tries >= MAX_TRIES else now + backoff(row.tries)
    session.flush()


def send_one(
    session: Session, send_id: int, *, requests_session: requests.Session | None = None
) -> GradeSendStatus | None:
    """Claim, send and record one row, committing around the HTTP call; the row's status after, or None when it
    was not due or another worker holds it. For the worker: it commits."""
    claim = claim_send(session, send_id, now=utcnow())
    session.commit()  # the claim is seen by other workers; no lock is held while the LMS answers
    if claim is None:
        return None
    error = deliver(claim, now=utcnow(), requests_session=requests_session)
    record_outcome(session, claim, error, now=utcnow())
    status = session.scalar(select(LtiGradeSend.status).where(LtiGradeSend.id == send_id))
    session.commit()
    return GradeSendStatus(status) if status else None


def due_sends(session: Session, *, now: datetime, limit: int = DUE_BATCH) -> list[int]:
    """Rows waiting for a (next) try whose time has come, oldest first."""
    return list(
        session.scalars(
            select(LtiGradeSend.id)
            .where(
                LtiGradeSend.status != GradeSendStatus.SENT,
                LtiGradeSend.next_try_at <= now,
                or_(LtiGradeSend.claimed_until.is_(None), LtiGradeSend.claimed_until <= now),
            )
            .order_by(LtiGradeSend.next_try_at, LtiGradeSend.id)
            .limit(limit)
        )
    )


def send_due(session: Session, *, requests_session: requests.Session | None = None) -> Counter[str]:
    """Send every due row (the periodic retry); how many ended in each status. Commits."""
    outcome: Counter[str] = Counter()
    ids = due_sends(session, now=utcnow())
    session.commit()
    for send_id in ids:
        status = send_one(session, send_id, requests_session=requests_session)
        outcome[str(status) if status else "skipped"] += 1
    return outcome
