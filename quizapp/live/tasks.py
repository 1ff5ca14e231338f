"""The live sessions' job of the background worker: ending the sessions nobody ended before they expired."""

from __future__ import annotations

import logging

from huey import crontab

from quizapp.background import claim_periodic_run, huey, job_context
from quizapp.extensions import db
from quizapp.live.services import end_expired
from quizapp.models import utcnow

logger = logging.getLogger("huey.quizapp.live")


@huey.periodic_task(crontab(minute="*"))
def end_expired_sessions() -> None:
    """End the live sessions past their lifetime that their teacher never ended, so that their students' attempts
    are kept (``services.end_expired``): once a minute in the whole deployment."""
    if not claim_periodic_run("live_expired", utcnow()):
        return
    with huey.lock_task("live_expired"), job_context():
        ended = end_expired(db.session, now=utcnow())
        db.session.commit()
        if ended:
            logger.info("live sessions ended at their expiry: %s", ended)
