"""`flask live`: maintenance of live sessions (a deployment without a worker runs end-expired on a timer)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from quizapp.database import writing
from quizapp.extensions import db
from quizapp.live import services
from quizapp.models import utcnow
from quizapp.wording import count

live_cli = AppGroup("live", help="Maintain live sessions.")


@live_cli.command("end-expired")
def end_expired_command() -> None:
    """End every live session nobody ended within its lifetime, keeping its students' attempts."""
    with writing():
        ended = services.end_expired(db.session, now=utcnow())
        db.session.commit()
    click.echo(f"ended {count(len(ended), 'expired live session', 'expired live sessions')}")
