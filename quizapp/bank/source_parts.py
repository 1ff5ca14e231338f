"""The question bank's part of the sources pages (quizapp.sources.pages), registered with the bank blueprint."""

from __future__ import annotations

from flask import current_app
from flask.blueprints import BlueprintSetupState
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank import generation_jobs, services
from quizapp.bank.drafting import draft_documents
from quizapp.bank.models import Question, QuestionSource, QuestionVersion
from quizapp.bank.tasks import draft_questions
from quizapp.bank.where_drafted import inline_words
from quizapp.models import utcnow
from quizapp.sources.models import SourceDocument
from quizapp.sources.pages import Carried, DocumentQuestions, Drafted, QuestionRow, set_document_questions


def questions_in(session: Session, document: SourceDocument) -> list[QuestionRow]:
    """The current version of each question drawn from the document, in the order of the text."""
    rows = session.execute(
        select(
            QuestionSource.start_offset, QuestionSource.end_offset, Question.id, QuestionVersion.prompt, Question.status
        )
        .join(QuestionVersion, QuestionSource.question_version_id == QuestionVersion.id)
        .join(
            Question,
            (Question.id == QuestionVersion.question_id) & (Question.current_version == QuestionVersion.version),
        )
        .where(QuestionSource.document_id == document.id)
        .order_by(QuestionSource.start_offset)
    ).all()
    return [(start, end, question_id, prompt, status) for start, end, question_id, prompt, status in rows]


def draft(session: Session, owner: User, document: SourceDocument) -> Drafted:
    """Draft a new document's questions: at once when it is short and no worker runs, else as a job handed over
    on commit (``where_drafted``)."""
    drafting = draft_documents(
        session,
        owner,
        [document],
        model=current_app.config["SPACY_MODEL"],
        enqueue=draft_questions,
        inline_words=inline_words(current_app.config, utcnow()),
    )
    made = len(drafting.drafts.questions) if drafting.drafts else 0
    return Drafted(job_id=drafting.job_id, made=made)


def carry(session: Session, old: SourceDocument, new: SourceDocument, actor: User) -> Carried:
    carried = services.carry_to_revision(session, old, new, actor=actor)
    return Carried(kept=carried.kept, sent_back=len(carried.sent_back))


DOCUMENT_QUESTIONS = DocumentQuestions(
    latest_jobs=generation_jobs.latest_jobs,
    job_of=generation_jobs.job_of,
    questions_in=questions_in,
    draft=draft,
    carry=carry,
)


def add_to_sources(state: BlueprintSetupState) -> None:
    set_document_questions(state.app, DOCUMENT_QUESTIONS)
