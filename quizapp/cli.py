"""Registers the command groups; each command calls a service."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app

from quizapp.attempts.cli import attempts_cli
from quizapp.auth.cli import users_cli
from quizapp.backups import BackupError, backup_database, human_size
from quizapp.bank.cli import questions_cli
from quizapp.cli_progress import progress_printer
from quizapp.database import writing
from quizapp.extensions import db
from quizapp.generation.types import IngestError
from quizapp.history.cli import history_cli
from quizapp.live.cli import live_cli
from quizapp.models import utcnow


@click.command("seed")
@click.option("--publish", is_flag=True, help="Approve confident drafts and build public practice quizzes.")
@click.option("--no-questions", is_flag=True, help="Only import the documents and create the demo accounts.")
def seed_command(publish: bool, no_questions: bool) -> None:
    """Import the seed documents, generate their questions, create the demo teacher and student (idempotent)."""
    from pathlib import Path

    from quizapp.seeding import SEED_DIR, seed

    config = current_app.config
    with writing():
        try:
            result = seed(
                db.session,
                teacher_username=config["DEMO_TEACHER"],
                student_username=config["DEMO_STUDENT"],
                password=config["DEMO_PASSWORD"],
                seed_dir=Path(config["SEED_DIR"]) if config["SEED_DIR"] else SEED_DIR,
                generate=not no_questions,
                publish=publish,
                publish_threshold=float(config["SEED_PUBLISH_THRESHOLD"]),
                model=config["SPACY_MODEL"],
                progress=progress_printer(),
            )
            db.session.commit()
        except IngestError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from error
    for document in result.documents:
        state = "imported" if document.original_filename in result.created_documents else "already there"
        click.echo(f"document {document.id}: {document.title} ({document.original_filename}, {state})")
    if result.generated:
        click.echo(f"generated {result.generated} draft questions")
    if publish:
        click.echo(f"approved {result.approved} confident drafts; practice quizzes: {len(result.quizzes)}")
    click.echo("")
    click.echo("Demo logins (password for both: {}):".format(config["DEMO_PASSWORD"]))
    click.echo(f"  teacher: {result.teacher.username}")
    click.echo(f"  student: {result.student.username}")


@click.command("backup")
@click.argument("target", type=click.Path(path_type=Path))
def backup_command(target: Path) -> None:
    """Copy the database to TARGET (a new file, or a folder for a dated one) while the app keeps running.

    SQLite: SQLite's backup API (one consistent snapshot). PostgreSQL: pg_dump --format=custom, for pg_restore.
    """
    try:
        backup = backup_database(current_app.config["SQLALCHEMY_DATABASE_URI"], target, now=utcnow())
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"wrote {backup.path} ({human_size(backup.size)}, {backup.method})")


@click.command("doctor")
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=None,
    help="App processes serving requests in all (gunicorn workers x servers); default WEB_CONCURRENCY, else 1.",
)
def doctor_command(processes: int | None) -> None:
    """Say what this deployment is missing (shared stores, secret key, a running worker); exit 1 on a problem."""
    from quizapp.doctor import PROBLEM, diagnose, gather_facts

    findings = diagnose(gather_facts(current_app, processes))
    for finding in findings:
        click.echo(f"{finding.level:8} {finding.topic}: {finding.message}")
    if any(finding.level == PROBLEM for finding in findings):
        raise SystemExit(1)


def register_commands(app: Flask) -> None:
    app.cli.add_command(doctor_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(attempts_cli)
    app.cli.add_command(questions_cli)
    app.cli.add_command(history_cli)
    app.cli.add_command(live_cli)
    app.cli.add_command(seed_command)
    app.cli.add_command(backup_command)
