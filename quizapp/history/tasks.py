"""What a deployment would otherwise put on a timer, run by the background worker every minute."""

from __future__ import annotations

from huey import crontab

from quizapp.attempts.submitting import close_overdue
from quizapp.background import claim_periodic_run, huey, job_context
from quizapp.extensions import db
from quizapp.history.analysis import check_quizzes
from quizapp.models import utcnow
from quizapp.sources.duplicates import forget_expired


@huey.periodic_task(crontab(minute="*"))
def every_minute() -> None:
    """Close overdue attempts, then check the quizzes that closed, then forget uploads left waiting over an hour:
    once a minute in the whole deployment.

    The same work as ``flask attempts close-overdue`` and ``flask history check-questions``, in this order
    (a quiz is checked once its overdue attempts are graded), so a quiz's weak questions go back to review
    soon after it closes. It lives in history, which stands above attempts. Every consumer started without
    ``-n`` enqueues this task each minute; only the first copy of a minute does the work (``claim_periodic_run``),
    and the lock keeps a late copy from running beside a slow one.
    """
    if not claim_periodic_run("every_minute", utcnow()):
        return
    with huey.lock_task("every_minute"), job_context():
        # close_overdue logs each attempt it could not close or grade, and closes all the others.
        close_overdue(db.session, now=utcnow())
        db.session.commit()
        check_quizzes(db.session, now=utcnow())
        db.session.commit()
        forget_expired(db.session, now=utcnow())
        db.session.commit()
