"""`flask history`: the weak-question check (a deployment runs it on a timer, beside close-overdue)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from quizapp.database import writing
from quizapp.extensions import db
from quizapp.history import analysis
from quizapp.models import utcnow
from quizapp.wording import count

history_cli = AppGroup("history", help="Score history and item analysis.")


@history_cli.command("check-questions")
@click.option("--quiz-id", type=int, default=None, help="Check this quiz now, closed or not.")
def check_questions_command(quiz_id: int | None) -> None:
    """Send weak questions back to review: of every quiz that closed since its last check, or of one quiz."""
    with writing():
        checked = analysis.check_quizzes(db.session, now=utcnow(), quiz_id=quiz_id)
        db.session.commit()
    if quiz_id is not None and not checked:
        raise click.ClickException(f"There is no quiz {quiz_id}.")
    for outcome in checked:
        click.echo(
            f"quiz {outcome.quiz_id} ({outcome.title}): {outcome.attempts} attempts analysed, "
            f"{count(len(outcome.sent_back), 'question')} sent back to review"
        )
        for sent in outcome.sent_back:
            click.echo(f"  question {sent.question_id}: {'; '.join(sent.reasons)}")
    if not checked:
        click.echo("no quiz has closed since the last check")
