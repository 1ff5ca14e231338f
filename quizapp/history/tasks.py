"""What a deployment would otherwise put on a timer, run by the background worker every minute."""

from __future__ import annotations

from huey import crontab

from quizapp.attempts.submitting import close_overdue
from quizapp.background import huey, job_context
from quizapp.extensions import db
from quizapp.history.analysis import check_quizzes
from quizapp.models import utcnow


@huey.periodic_task(crontab(minute="*"))
def every_minute() -> None:
    """Close overdue attempts, then check the quizzes that closed.

    The same work as ``flask attempts close-overdue`` and ``flask history check-questions``, in this order
    (a quiz is checked once its overdue attempts are graded), so a quiz's weak questions go back to review
    soon after it closes. It lives in history, which stands above attempts.
    """
    with job_context():
        # close_overdue logs each attempt it could not close or grade, and closes all the others.
        close_overdue(db.session, now=utcnow())
        db.session.commit()
        check_quizzes(db.session, now=utcnow())
        db.session.commit()
