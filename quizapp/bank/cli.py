"""`flask questions`: generate draft questions from files on the command line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from quizapp.auth import services as accounts
from quizapp.bank.drafting import draft_documents
from quizapp.cli_progress import progress_printer
from quizapp.database import writing
from quizapp.extensions import db
from quizapp.generation.types import IngestError
from quizapp.sources.services import import_document

questions_cli = AppGroup("questions", help="Generate and manage questions.")


@questions_cli.command("generate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", default=None, help="Teacher who owns the documents and drafts (default: the demo teacher).")
def generate_command(files: tuple[Path, ...], owner: str | None) -> None:
    """Import FILES as source documents and store their generated questions as drafts for review.

    The files are read together, so distractors come from all of them and their disagreements are found.
    Documents that already have questions (or are being drafted) are imported once and not generated again.
    """
    username = owner or current_app.config["DEMO_TEACHER"]
    with writing():
        teacher = accounts.find_user(db.session, username)
        if teacher is None or not teacher.is_staff:
            raise click.ClickException(f"No teacher named '{username}'; create one with `flask users create`.")
        documents = []
        try:
            for path in files:
                document, _ = import_document(db.session, teacher, path.name, path.read_bytes())
                documents.append(document)
        except IngestError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from error
        drafting = draft_documents(
            db.session, teacher, documents, model=current_app.config["SPACY_MODEL"], progress=progress_printer()
        )
        db.session.commit()
    if drafting.drafts is None:
        click.echo("Every document already has its questions; nothing generated.")
        return
    result = drafting.drafts
    counts = Counter(q.latest.type for q in result.questions)
    click.echo(
        f"{len(result.questions)} drafts for review: " + ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    )
    for disagreement in result.report.disagreements:
        click.echo(f"disagreement: {disagreement.topic} ({disagreement.note})")
