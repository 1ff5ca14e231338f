"""Drafting questions in the background: a job row the page follows, all or nothing."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank import services
from quizapp.bank.job_rows import owned_job, record
from quizapp.bank.models import GenerationJob
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.sources import job_steps
from quizapp.sources.models import SourceDocument
from quizapp.statuses import JobStatus


def create_job(session: Session, owner: User, document: SourceDocument) -> GenerationJob:
    job = GenerationJob(
        owner_id=owner.id, document_id=document.id, status=JobStatus.QUEUED, stage="waiting for a worker"
    )
    session.add(job)
    session.flush()
    return job


def job_of(session: Session, job_id: int, owner: User) -> GenerationJob:
    return owned_job(session, GenerationJob, job_id, owner)


def _record(job_id: int, **values: object) -> None:
    record(GenerationJob, job_id, **values)


def run_job(job_id: int) -> None:
    """Generate and store the drafts of the job's document; a failure stores no draft and says why."""
    session = db.session
    job = session.get(GenerationJob, job_id)
    if job is None or job.status in (JobStatus.DONE, JobStatus.RUNNING):
        return
    document_id, owner_id = job.document_id, job.owner_id
    clean = services.as_clean_document(job.document)
    session.rollback()  # no transaction stays open during the (long) generation: progress must get through
    _record(job_id, status=JobStatus.RUNNING, stage="reading", progress=0.0)
    last = {"stage": "reading", "shown": 0.0}

    def progress(stage: str, fraction: float) -> None:
        step = job_steps.step_of(stage)
        if step is None:
            return  # "done": storing the drafts comes after the generator's own end
        stage, shown = step.key, job_steps.overall(stage, fraction, last["shown"])
        # A new stage at once, within one at every 2% of the bar: the page moves, the database is not flooded.
        if stage != last["stage"] or shown - last["shown"] >= 0.02:
            last["stage"], last["shown"] = stage, shown
            _record(job_id, stage=stage, progress=shown)

    try:
        result = services.run_generator([clean], model=current_app.config["SPACY_MODEL"], progress=progress)
        _record(job_id, stage="storing", progress=job_steps.overall("storing", 0.0, last["shown"]))
        document = session.get(SourceDocument, document_id)
        drafts = services.store_drafts(session, session.get(User, owner_id), [document], result)
        job = session.get(GenerationJob, job_id)
        job.status, job.stage, job.progress = JobStatus.DONE, "done", 1.0
        job.questions_made, job.finished_at = len(drafts.questions), utcnow()
        session.commit()
    except Exception as error:
        session.rollback()
        current_app.logger.exception("generation job %s failed", job_id)
        _record(
            job_id,
            status=JobStatus.FAILED,
            stage="failed",
            message=f"Generation failed: {error}"[:2000],
            finished_at=utcnow(),
        )
        raise


def latest_jobs(session: Session, owner: User, document_ids: list[int]) -> dict[int, GenerationJob]:
    """The newest job of each of these documents (the pages link back to one still running)."""
    jobs = session.scalars(
        select(GenerationJob)
        .where(GenerationJob.owner_id == owner.id, GenerationJob.document_id.in_(document_ids))
        .order_by(GenerationJob.id)
    )
    return {job.document_id: job for job in jobs}
