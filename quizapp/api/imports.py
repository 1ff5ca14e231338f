"""Importing questions into the bank: a GIFT, Moodle XML or QTI 2.1 file, through the import page's importer.

``quizapp.bank.import_jobs.import_upload`` does the work for both: the same formats, size limits, checks and
duplicate rule, all or nothing. A file larger than ``IMPORT_INLINE_BYTES`` is imported by the background worker,
as on the page, and followed at /questions/import/jobs/{id}.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from flask import current_app, request
from flask_login import current_user
from pydantic import Field

from quizapp.access import STAFF
from quizapp.api.blueprint import V1, api
from quizapp.api.errors import ApiError
from quizapp.api.questions import QuestionSummary, summary
from quizapp.api.schemas import Input, Output, Query, printable
from quizapp.bank import import_jobs, tasks
from quizapp.bank.interchange import InterchangeError
from quizapp.bank.interchange.moodle_xml_import import MAX_BYTES as TEXT_MAX
from quizapp.bank.models import ImportJob
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.transactions import commit_now

Format = Literal["gift", "moodle_xml", "qti21"]


class ImportQuery(Query):
    keep_duplicates: bool = Field(
        False, description="also import questions your bank already has (by default they are left out and listed)"
    )


class QuestionFile(Input):
    """A file as multipart/form-data (`file`), or the text of a GIFT or Moodle XML file as JSON (`text`)."""

    text: Annotated[str, printable(TEXT_MAX, min_length=1)] | None = Field(
        None, description="the file's content (GIFT or Moodle XML; a QTI package is a zip: send it as a file)"
    )
    format: Format | None = Field(None, description="read from the file's name and content when not given")
    filename: Annotated[str, printable(255, min_length=1)] | None = Field(
        None, description="the name shown with a background import (with `text`)"
    )


class ImportJobOut(Output):
    id: int
    filename: str
    format: str
    status: str = Field(description="queued, running, done or failed")
    stage: str
    progress: float
    message: str = Field(description="why a failed import stored nothing")
    imported: int
    left_out: list[str] = Field(description="each question left out and why")
    created_at: datetime
    finished_at: datetime | None


class ImportOutcome(Output):
    imported: int = Field(description="questions stored as drafts within this request")
    questions: list[QuestionSummary] = Field(description="those questions, waiting in the review queue")
    left_out: list[str] = Field(description="each question left out and why (a duplicate, a type not supported …)")
    job: ImportJobOut | None = Field(
        description="a large file is imported by the background worker: follow it at /questions/import/jobs/{id}"
    )


def job_out(job: ImportJob) -> ImportJobOut:
    return ImportJobOut(
        id=job.id,
        filename=job.filename,
        format=job.format,
        status=job.status,
        stage=job.stage,
        progress=round(job.progress, 3),
        message=job.message,
        imported=job.imported,
        left_out=list(job.skipped or []),
        created_at=job.created_at,
        finished_at=job.finished_at,
    )


def _file(body: QuestionFile) -> tuple[str, bytes]:
    """The uploaded file's name and bytes, or the text's."""
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        if body.text is not None:
            raise ApiError(422, "Send a file or the text, not both.", fields={"text": "given with a file"})
        return upload.filename, upload.read()
    if body.text is None or not body.text.strip():
        raise ApiError(422, "Send a file or the file's text (one of the two).", fields={"text": "missing"})
    if body.format == "qti21":
        raise ApiError(422, "A QTI 2.1 package is a zip file: send it as a file.", fields={"format": "not as text"})
    return body.filename or "questions.txt", body.text.encode()


@api.operation(
    "POST",
    V1 + "/questions/import",
    tag="questions",
    roles=STAFF,
    query=ImportQuery,
    body=QuestionFile,
    response=ImportOutcome,
    upload=True,
    rate_limit="RATELIMIT_UPLOAD",
)
def import_questions(query: ImportQuery, body: QuestionFile) -> ImportOutcome:
    """Import a GIFT, Moodle XML or QTI 2.1 file as drafts, as the bank's import page does.

    All or nothing: a file that cannot be read is refused with the reason and stores nothing. Questions your
    bank already has, and those of kinds quizapp cannot grade, are left out and listed with the reason. The size
    limits are the page's (GIFT 5 MB, Moodle XML 20 MB, QTI package 16 MB). A file over the site's inline limit
    (50 kB by default) is imported by the background worker: follow `job`.
    """
    filename, data = _file(body)
    try:
        imported = import_jobs.import_upload(
            db.session,
            current_user,
            filename,
            data,
            inline_bytes=current_app.config["IMPORT_INLINE_BYTES"],
            keep_duplicates=query.keep_duplicates,
            fmt=body.format,
        )
    except InterchangeError as error:
        raise DomainError(f"{filename}: {error}") from None
    if imported.job is not None:
        job = job_out(imported.job)
        commit_now()  # the worker reads the job's row
        tasks.import_questions(job.id)
        return ImportOutcome(imported=0, questions=[], left_out=[], job=job)
    return ImportOutcome(
        imported=len(imported.questions),
        questions=[summary(question, question.latest, 0) for question in imported.questions],
        left_out=imported.skipped,
        job=None,
    )


@api.operation(
    "GET",
    V1 + "/questions/import/jobs/<id:import_job_id>",
    tag="questions",
    roles=STAFF,
    response=ImportJobOut,
)
def get_import_job(import_job_id: int) -> ImportJobOut:
    """A background import's progress, then what it imported and left out."""
    return job_out(import_jobs.job_of(db.session, import_job_id, current_user))
