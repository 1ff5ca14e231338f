"""Importing a large GIFT or Moodle XML file in the background: a job row the page follows, all or nothing.

The steps are those of an import made within the request (:func:`quizapp.bank.authoring.import_file`), so the
outcome is the same: reading the file, checking each question (progress "checking N of M"), then storing them
all in one transaction. A refused file or any failure stores nothing and the job says why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank import authoring
from quizapp.bank.duplicates import leave_out_duplicates
from quizapp.bank.interchange import InterchangeError
from quizapp.bank.job_rows import owned_job, record
from quizapp.bank.models import ImportJob, Question
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.statuses import JobStatus
from quizapp.wording import count

log = logging.getLogger(__name__)

# Reading the file and checking its questions are the first 90% of the bar; storing them is the rest.
READ_SHARE, CHECK_SHARE = 0.05, 0.85


def create_job(
    session: Session, owner: User, filename: str, fmt: str, data: bytes, *, keep_duplicates: bool = False
) -> ImportJob:
    """A queued import of this file for its owner; the file waits in the job's row for the worker."""
    job = ImportJob(
        owner_id=owner.id,
        filename=filename[:255],
        format=fmt,
        data=data,
        status=JobStatus.QUEUED,
        stage="waiting for a worker",
        keep_duplicates=keep_duplicates,
    )
    session.add(job)
    session.flush()
    return job


@dataclass(frozen=True)
class Imported:
    """What an upload became: questions stored now (and those left out, why), or a job queued to do it."""

    questions: list[Question]
    skipped: list[str]
    job: ImportJob | None = None


def import_upload(
    session: Session,
    owner: User,
    filename: str,
    data: bytes,
    *,
    inline_bytes: int,
    keep_duplicates: bool = False,
    fmt: str | None = None,
) -> Imported:
    """Import an uploaded question file as the owner's drafts, as the import page and the API both do.

    The format is read from the name and content unless given; a file over its format's size limit is refused
    (InterchangeError) before anything else. One larger than ``inline_bytes`` becomes a queued job: the caller
    commits, then hands ``job.id`` to the worker. A smaller one is imported within the caller's transaction, all
    or nothing (InterchangeError for a refused file).
    """
    fmt = fmt or authoring.import_format(filename, data)
    authoring.check_import_size(data, fmt)
    if len(data) > inline_bytes:
        job = create_job(session, owner, filename, fmt, data, keep_duplicates=keep_duplicates)
        return Imported([], [], job)
    questions, skipped = authoring.import_file(session, owner, data, fmt, keep_duplicates=keep_duplicates)
    return Imported(questions, skipped)


def job_of(session: Session, job_id: int, owner: User) -> ImportJob:
    return owned_job(session, ImportJob, job_id, owner)


def recent_jobs(session: Session, owner: User, limit: int = 5) -> list[ImportJob]:
    """The owner's latest background imports, newest first (the import page links back to them)."""
    query = select(ImportJob).where(ImportJob.owner_id == owner.id).order_by(ImportJob.id.desc()).limit(limit)
    return list(session.scalars(query))


def _record(job_id: int, **values: object) -> None:
    record(ImportJob, job_id, **values)


def run_job(job_id: int) -> None:
    """Import the job's file as its owner's drafts; a failure stores no question and says why."""
    session = db.session
    job = session.get(ImportJob, job_id)
    if job is None or job.status != JobStatus.QUEUED or job.data is None:
        return
    data, fmt, filename, owner_id, keep_duplicates = (
        job.data,
        job.format,
        job.filename,
        job.owner_id,
        job.keep_duplicates,
    )
    session.rollback()  # no transaction stays open while the file is read and checked: progress must get through
    _record(job_id, status=JobStatus.RUNNING, stage="reading the file", progress=0.0)
    every = {"step": -1}

    def checked(done: int, total: int) -> None:
        step = done * 50 // total  # at most 50 updates, however long the file
        if step != every["step"] or done == total:
            every["step"] = step
            progress = READ_SHARE + CHECK_SHARE * done / total
            _record(job_id, stage=f"checking {done} of {total}", progress=progress)

    try:
        kept, skipped = authoring.check_imported(authoring.read_import(data, fmt), progress=checked)
        _record(job_id, stage=f"storing {count(len(kept), 'question')}", progress=READ_SHARE + CHECK_SHARE)
        owner = session.get(User, owner_id)
        if not keep_duplicates:
            kept, duplicates = leave_out_duplicates(session, owner, kept)
            skipped = [*duplicates, *skipped]
        questions = authoring.store_imported(session, owner, kept)
        job = session.get(ImportJob, job_id)
        job.status, job.stage, job.progress, job.data = JobStatus.DONE, "done", 1.0, None
        job.imported, job.skipped, job.finished_at = len(questions), skipped, utcnow()
        session.commit()
    except InterchangeError as error:
        session.rollback()
        _failed(job_id, f"{filename}: {error}")
    except Exception as error:
        session.rollback()
        log.exception("import job %s failed", job_id)
        _failed(job_id, f"The import failed and stored nothing: {error}")
        raise


def _failed(job_id: int, message: str) -> None:
    _record(job_id, status=JobStatus.FAILED, stage="failed", message=message[:2000], data=None, finished_at=utcnow())
