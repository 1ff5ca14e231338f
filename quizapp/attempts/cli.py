"""`flask attempts`: maintenance of attempts (a deployment runs close-overdue on a timer)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from quizapp.attempts import submitting
from quizapp.database import writing
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.wording import count

attempts_cli = AppGroup("attempts", help="Maintain attempts.")


@attempts_cli.command("close-overdue")
def close_overdue_command() -> None:
    """Close and grade every attempt whose deadline has passed, with the answers saved before it.

    Attempts it could not close are listed and make the command exit with status 1; every other one is closed.
    """
    with writing():
        sweep = submitting.close_overdue(db.session, now=utcnow())
        db.session.commit()
    click.echo(f"closed {count(sweep.closed, 'overdue attempt')}")
    for attempt_id, pending in sweep.awaiting_mark:
        click.echo(f"attempt {attempt_id}: {count(pending, 'answer')} could not be graded and await the teacher's mark")
    for attempt_id, why in sweep.failed:
        click.echo(f"attempt {attempt_id} could not be closed and stays open: {why}", err=True)
    if sweep.failed:
        raise SystemExit(1)
