"""`flask attempts`: maintenance of attempts (a deployment runs close-overdue on a timer)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from quizapp.attempts import services
from quizapp.database import writing
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.wording import count

attempts_cli = AppGroup("attempts", help="Maintain attempts.")


@attempts_cli.command("close-overdue")
def close_overdue_command() -> None:
    """Close and grade every attempt whose deadline has passed, with the answers saved before it."""
    with writing():
        closed = services.close_overdue(db.session, now=utcnow())
        db.session.commit()
    click.echo(f"closed {count(closed, 'overdue attempt')}")
