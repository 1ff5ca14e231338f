"""The LTI jobs of the background worker: sending a score to the LMS, and retrying the ones that failed."""

from __future__ import annotations

import logging

from huey import crontab

from quizapp.background import claim_periodic_run, huey, job_context
from quizapp.extensions import db
from quizapp.lti import sending
from quizapp.models import utcnow

logger = logging.getLogger("huey.quizapp.lti")


@huey.task()
def send_grade(send_id: int) -> None:
    """Send one queued score (``outbox.send_one``); a failure is recorded on the row for a later try."""
    with job_context():
        sending.send_one(db.session, send_id)


@huey.periodic_task(crontab(minute="*"))
def retry_grades() -> None:
    """Send the scores whose (next) try is due: failed ones after their backoff, and any the queue lost."""
    if not claim_periodic_run("lti_grades", utcnow()):
        return
    with huey.lock_task("lti_grades"), job_context():
        outcome = sending.send_due(db.session)
        if outcome:
            logger.info("LMS scores: %s", dict(outcome))
