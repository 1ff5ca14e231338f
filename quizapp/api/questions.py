"""Questions: the review queue with its filters, one question with its sources, write, edit, approve, reject."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from flask_login import current_user
from pydantic import Field

from quizapp.access import STAFF
from quizapp.api.blueprint import V1, api
from quizapp.api.schemas import Id, Input, Limit, Output, Query, printable
from quizapp.bank import authoring
from quizapp.bank import review as queue
from quizapp.bank.models import QUESTION_STATUSES, Question, QuestionVersion
from quizapp.bank.tags import parse_tags
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.question_types import QUESTION_TYPES
from quizapp.request_args import text_arg
from quizapp.sources.services import document_of

QuestionType = Literal[QUESTION_TYPES]  # type: ignore[valid-type]
Status = Literal[QUESTION_STATUSES]  # type: ignore[valid-type]
Option = Annotated[str, printable(500, min_length=1)]
Tag = Annotated[str, printable(60, min_length=1)]
Pair = Annotated[list[Option], Field(min_length=2, max_length=2)]
Answer = Annotated[
    bool | Option | list[Option] | list[Pair],
    Field(
        description="multiple choice: the right option; true/false: true or false; fill in: the accepted answers; "
        "ordering: the items in order; matching: [left, right] pairs"
    ),
]


class QueueQuery(Query):
    status: Status | Literal["any"] = Field("draft", description="draft (the review queue), another status, or any")
    document_id: Id | None = None
    type: QuestionType | None = None
    flagged: bool = Field(False, description="only questions with open student flags")
    order: Literal["confidence_asc", "confidence_desc", "newest"] = "confidence_asc"
    q: Annotated[str, Field(max_length=200, description="words in the prompt")] = ""
    limit: Limit = 100


class QuestionContent(Input):
    type: QuestionType
    prompt: Annotated[str, printable(2000, min_length=1)]
    options: Annotated[list[Option], Field(max_length=20, default_factory=list)]
    answer: Answer
    explanation: Annotated[str, printable(5000)] = ""


class QuestionCreate(QuestionContent):
    tags: Annotated[list[Tag], Field(max_length=20, default_factory=list)]
    document_id: Id | None = Field(None, description="one of your documents to file it under")
    approve: bool = Field(False, description="approve it at once (else it waits in the review queue as a draft)")


class QuestionEdit(QuestionContent):
    tags: Annotated[list[Tag], Field(max_length=20)] | None = Field(None, description="replaces the tags when given")
    approve: bool = Field(False, description="approve the new version at once")


class Approval(Input):
    note: Annotated[str, printable(1000)] | None = None


class Rejection(Input):
    reason: Annotated[str, printable(1000, min_length=1)]


class QuestionSummary(Output):
    id: int
    status: str
    origin: str
    type: str
    prompt: str
    version: int
    confidence: float | None
    document_id: int | None
    open_flags: int


class QuestionList(Output):
    questions: list[QuestionSummary]


class Source(Output):
    document_id: int
    document_title: str
    quote: str
    start_offset: int
    end_offset: int


class QuestionDetail(Output):
    id: int
    status: str
    origin: str
    document_id: int | None
    version: int
    type: str
    prompt: str
    options: list[Any]
    answer: Any
    explanation: str
    confidence: float | None
    confidence_reasons: list[Any]
    checks: list[Any]
    tags: list[str]
    review_note: str | None
    reviewed_at: datetime | None
    created_at: datetime
    sources: list[Source]


def summary(question: Question, version: QuestionVersion, open_flags: int) -> QuestionSummary:
    return QuestionSummary(
        id=question.id,
        status=question.status,
        origin=question.origin,
        type=version.type,
        prompt=version.prompt,
        version=version.version,
        confidence=version.confidence,
        document_id=question.document_id,
        open_flags=open_flags,
    )


def detail(question: Question) -> QuestionDetail:
    version = question.latest
    return QuestionDetail(
        id=question.id,
        status=question.status,
        origin=question.origin,
        document_id=question.document_id,
        version=version.version,
        type=version.type,
        prompt=version.prompt,
        options=list(version.options or []),
        answer=version.answer,
        explanation=version.explanation,
        confidence=version.confidence,
        confidence_reasons=list(version.confidence_reasons or []),
        checks=list(version.checks or []),
        tags=sorted(tag.name for tag in question.tags),
        review_note=question.review_note,
        reviewed_at=question.reviewed_at,
        created_at=question.created_at,
        sources=[
            Source(
                document_id=source.document_id,
                document_title=source.document.title,
                quote=source.quote,
                start_offset=source.start_offset,
                end_offset=source.end_offset,
            )
            for source in version.sources
        ],
    )


def _content(body: QuestionContent) -> dict[str, Any]:
    return {
        "type": body.type,
        "prompt": " ".join(body.prompt.split()),
        "options": list(body.options),
        "answer": body.answer,
        "explanation": body.explanation.strip(),
    }


def _tags(names: list[str]) -> list[str]:
    return parse_tags(",".join(names))


@api.operation("GET", V1 + "/questions", tag="questions", roles=STAFF, query=QueueQuery, response=QuestionList)
def list_questions(query: QueueQuery) -> QuestionList:
    """Your questions, filtered like the review queue.

    By default the drafts waiting for review, least confident first; `status=any` lists every status.
    """
    flt = queue.QueueFilter(
        status=None if query.status == "any" else query.status,
        document_id=query.document_id,
        question_type=query.type,
        flagged=query.flagged,
        order=query.order,
        search=text_arg(query.q),
    )
    items = queue.review_queue(db.session, current_user, flt, limit=query.limit)
    return QuestionList(questions=[summary(item.question, item.version, item.open_flags) for item in items])


@api.operation(
    "POST", V1 + "/questions", tag="questions", roles=STAFF, body=QuestionCreate, response=QuestionDetail, status=201
)
def create_question(body: QuestionCreate) -> QuestionDetail:
    """Write a question.

    Checked like a generated one (a key that grading cannot use is refused); a draft unless `approve` is true.
    """
    document = None
    if body.document_id is not None:
        try:
            document = document_of(db.session, body.document_id, current_user)
        except DomainError:
            raise DomainError("Choose one of your own documents.") from None
    question = authoring.create_question(
        db.session, current_user, _content(body), tags=_tags(body.tags), document=document, approve_now=body.approve
    )
    return detail(question)


@api.operation("GET", V1 + "/questions/<id:question_id>", tag="questions", roles=STAFF, response=QuestionDetail)
def get_question(question_id: int) -> QuestionDetail:
    """One of your questions, its current version and the sentences it was drawn from."""
    return detail(queue.question_of(db.session, question_id, current_user))


@api.operation(
    "POST",
    V1 + "/questions/<id:question_id>/versions",
    tag="questions",
    roles=STAFF,
    body=QuestionEdit,
    response=QuestionDetail,
    status=201,
)
def edit_question(question_id: int, body: QuestionEdit) -> QuestionDetail:
    """Edit a question: its content becomes a new version.

    Attempts keep the version they were graded on; the sources carry over.
    """
    question = queue.question_of(db.session, question_id, current_user)
    content = _content(body)
    if body.tags is not None:
        content["tags"] = _tags(body.tags)
    queue.edit_question(db.session, question, current_user, content, approve_now=body.approve)
    return detail(question)


@api.operation(
    "POST",
    V1 + "/questions/<id:question_id>/approve",
    tag="questions",
    roles=STAFF,
    body=Approval,
    response=QuestionDetail,
)
def approve_question(question_id: int, body: Approval) -> QuestionDetail:
    """Approve a question: quizzes may use it from now on."""
    question = queue.question_of(db.session, question_id, current_user)
    queue.approve(question, current_user, body.note.strip() if body.note and body.note.strip() else None)
    return detail(question)


@api.operation(
    "POST",
    V1 + "/questions/<id:question_id>/reject",
    tag="questions",
    roles=STAFF,
    body=Rejection,
    response=QuestionDetail,
)
def reject_question(question_id: int, body: Rejection) -> QuestionDetail:
    """Reject a question, saying why (the reason is kept for the next reviewer)."""
    question = queue.question_of(db.session, question_id, current_user)
    queue.reject(question, current_user, body.reason)
    return detail(question)
