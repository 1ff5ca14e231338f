"""Turning documents into draft questions: one service for the upload page, `flask questions generate` and seeding.

One rule decides what is drafted: a document that already has questions, or whose drafting is under way in
the background, is not drafted again. The rest are read together (distractors come from all of them, and
their disagreements are found), in the caller's transaction, unless the caller gives a way to enqueue and a
single document is longer than ``inline_words``: then a generation job is stored and handed to ``enqueue``
once the caller commits (the worker reads the job's row, so it must be committed first).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import event, select
from sqlalchemy.orm import Session, scoped_session

from quizapp.auth.models import User
from quizapp.bank import generation_jobs, services
from quizapp.bank.models import GenerationJob, Question
from quizapp.sources.models import SourceDocument
from quizapp.statuses import UNDER_WAY


@dataclass
class Drafting:
    drafts: services.DraftsResult | None = None  # drafted now
    job_id: int | None = None  # queued for the worker; enqueued when the caller commits
    skipped: list[SourceDocument] = field(default_factory=list)  # already have questions, or a job under way


def already_drafted(session: Session, documents: Sequence[SourceDocument]) -> set[int]:
    """The ids of these documents that have questions or a generation job under way."""
    ids = [document.id for document in documents]
    with_questions = session.scalars(select(Question.document_id).where(Question.document_id.in_(ids)))
    with_jobs = session.scalars(
        select(GenerationJob.document_id).where(GenerationJob.document_id.in_(ids), GenerationJob.status.in_(UNDER_WAY))
    )
    return set(with_questions) | set(with_jobs)


def draft_documents(
    session: Session,
    owner: User,
    documents: Sequence[SourceDocument],
    *,
    model: str | None = None,
    enqueue: Callable[[int], object] | None = None,
    inline_words: int | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> Drafting:
    """Draft the documents that have no questions yet; flushes, the caller commits."""
    done = already_drafted(session, documents)
    fresh = [document for document in documents if document.id not in done]
    result = Drafting(skipped=[document for document in documents if document.id in done])
    if not fresh:
        return result
    if enqueue is not None and len(fresh) == 1 and len(fresh[0].cleaned_text.split()) > (inline_words or 0):
        job_id = generation_jobs.create_job(session, owner, fresh[0]).id
        _after_commit(session, lambda: enqueue(job_id))
        result.job_id = job_id
        return result
    result.drafts = services.generate_drafts(session, owner, fresh, model=model, progress=progress)
    return result


def _after_commit(session: Session, action: Callable[[], object]) -> None:
    """Run ``action`` when the session's transaction commits; a rollback first forgets it."""
    target = session() if isinstance(session, scoped_session) else session
    pending = [action]

    def committed(_session: Session) -> None:
        while pending:
            pending.pop()()

    def rolled_back(_session: Session) -> None:
        pending.clear()

    event.listen(target, "after_commit", committed, once=True)
    event.listen(target, "after_rollback", rolled_back, once=True)
