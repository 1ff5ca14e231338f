"""What the question bank adds to the sources pages, handed in from above.

sources sits below bank in the layers and imports nothing of it. The pages of a document still show its
questions, start their drafting on upload, carry them to a new revision and follow a drafting job: bank
registers a ``DocumentQuestions`` on the app when its blueprint is registered, and the pages call it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.sources.models import SourceDocument

QUESTIONS_KEY = "quizapp.sources.document_questions"


@dataclass(frozen=True)
class Drafted:
    """What the upload started: a background job to follow, or drafts made at once."""

    job_id: int | None
    made: int


@dataclass(frozen=True)
class Carried:
    """A new revision's questions: how many followed it unchanged, how many went back to review."""

    kept: int
    sent_back: int


# (start offset, end offset, question id, prompt, status) of each question drawn from a document.
QuestionRow = tuple[int, int, int, str, str]


@dataclass(frozen=True)
class DocumentQuestions:
    """The bank's part of the sources pages. Each function works on the request's session; none commits."""

    # (session, owner, document ids) -> the newest drafting job of each document, by document id.
    latest_jobs: Callable[[Session, User, list[int]], Mapping[int, Any]]
    # (session, job id, owner) -> the job (NotFound when it is not the owner's).
    job_of: Callable[[Session, int, User], Any]
    # (session, document) -> its questions, in the order of the text.
    questions_in: Callable[[Session, SourceDocument], list[QuestionRow]]
    # (session, owner, new document) -> drafting started for it.
    draft: Callable[[Session, User, SourceDocument], Drafted]
    # (session, old revision, new revision, actor) -> its questions carried over.
    carry: Callable[[Session, SourceDocument, SourceDocument, User], Carried]


def set_document_questions(app: Flask, questions: DocumentQuestions) -> None:
    app.extensions[QUESTIONS_KEY] = questions


def document_questions() -> DocumentQuestions:
    questions = current_app.extensions.get(QUESTIONS_KEY)
    if questions is None:  # a wiring fault of create_app, not bad input
        raise RuntimeError("the sources pages need the bank blueprint registered (it hands in DocumentQuestions)")
    return questions
