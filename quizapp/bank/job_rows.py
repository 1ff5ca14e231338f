"""The row of a background job (drafting, importing): its owner's alone, its progress told as the work goes on."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank.models import GenerationJob, ImportJob
from quizapp.exceptions import NotFound
from quizapp.extensions import db

Job = TypeVar("Job", GenerationJob, ImportJob)


def owned_job(session: Session, model: type[Job], job_id: int, owner: User) -> Job:
    """The job if it is the owner's; NotFound (the same 404 as a job that does not exist) otherwise."""
    job = session.get(model, job_id)
    if job is None or job.owner_id != owner.id:
        raise NotFound("There is no such job.")
    return job


def record(model: type[Job], job_id: int, **values: object) -> None:
    """Write progress through its own short transaction, so the page sees it while the work goes on."""
    with db.engine.begin() as connection:
        connection.execute(update(model).where(model.id == job_id).values(**values))
