"""Registers the command groups; each command calls a service."""

from __future__ import annotations

import click
from flask import Flask, current_app

from quizapp.attempts.cli import attempts_cli
from quizapp.auth.cli import users_cli
from quizapp.database import writing
from quizapp.extensions import db
from quizapp.generation.types import IngestError


@click.command("seed")
def seed_command() -> None:
    """Import the seed documents and create the demo teacher and student (idempotent)."""
    from quizapp.seeding import seed

    config = current_app.config
    with writing():
        try:
            result = seed(
                db.session,
                teacher_username=config["DEMO_TEACHER"],
                student_username=config["DEMO_STUDENT"],
                password=config["DEMO_PASSWORD"],
            )
            db.session.commit()
        except IngestError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from error
    for document in result.documents:
        state = "imported" if document.original_filename in result.created_documents else "already there"
        click.echo(f"document {document.id}: {document.title} ({document.original_filename}, {state})")
    click.echo("")
    click.echo("Demo logins (password for both: {}):".format(config["DEMO_PASSWORD"]))
    click.echo(f"  teacher: {result.teacher.username}")
    click.echo(f"  student: {result.student.username}")


def register_commands(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(attempts_cli)
    app.cli.add_command(seed_command)
