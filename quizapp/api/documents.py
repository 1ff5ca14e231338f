"""Source documents: upload a file or text, read one, start drafting its questions, follow the drafting job."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from flask import current_app, request
from flask_login import current_user
from pydantic import Field

from quizapp.access import STAFF
from quizapp.api.blueprint import V1, api
from quizapp.api.errors import ApiError
from quizapp.api.schemas import Input, Output, printable
from quizapp.bank import generation_jobs
from quizapp.bank.drafting import draft_documents
from quizapp.bank.tasks import draft_questions
from quizapp.bank.where_drafted import inline_words
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.generation.types import IngestError
from quizapp.models import utcnow
from quizapp.sources import services
from quizapp.sources.forms import PASTE_MAX
from quizapp.sources.models import SourceDocument


class DocumentUpload(Input):
    """Pasted text as JSON (`title`, `text`), or a file as multipart/form-data (`file`, the title read from it)."""

    title: Annotated[str, printable(300)] | None = None
    text: Annotated[str, printable(PASTE_MAX, min_length=1)] | None = Field(None, description="the article's text")


class DocumentSummary(Output):
    id: int
    title: str
    format: str
    revision: int
    original_filename: str
    created_at: datetime


class DocumentList(Output):
    documents: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    text: str = Field(description="the cleaned text the generator reads and questions quote")
    stripped: list[Any] = Field(description="what was set aside as page chrome or end matter")
    disagreements: list[Any] = Field(description="where another of your articles tells an event differently")


class Uploaded(Output):
    created: bool = Field(description="false when you already had this text: the existing document is returned")
    document: DocumentDetail


class Job(Output):
    id: int
    document_id: int
    status: str = Field(description="queued, running, done or failed")
    stage: str
    progress: float
    message: str
    questions_made: int


class Drafting(Output):
    drafted: int = Field(description="questions drafted within this request (a short document)")
    job: Job | None = Field(description="the background job drafting a long document; follow it at /jobs/{id}")
    already: bool = Field(description="the document already had questions or a job under way: nothing new started")


def detail(document: SourceDocument) -> DocumentDetail:
    return DocumentDetail(
        id=document.id,
        title=document.title,
        format=document.format,
        revision=document.revision,
        original_filename=document.original_filename,
        created_at=document.created_at,
        text=document.cleaned_text,
        stripped=list(document.stripped or []),
        disagreements=list(document.disagreements or []),
    )


@api.operation("GET", V1 + "/documents", tag="documents", roles=STAFF, response=DocumentList)
def list_documents() -> DocumentList:
    """Your source documents (current revisions)."""
    documents = services.documents_of(db.session, current_user)
    return DocumentList(documents=[DocumentSummary.model_validate(d) for d in documents])


@api.operation(
    "POST",
    V1 + "/documents",
    tag="documents",
    roles=STAFF,
    body=DocumentUpload,
    response=Uploaded,
    status=201,
    upload=True,
    rate_limit="RATELIMIT_UPLOAD",
)
def upload_document(body: DocumentUpload) -> Uploaded:
    """Bring in an article: a file (.txt, .md, .html, .pdf, .docx) or pasted text.

    It is read and cleaned like an upload on the Sources page; drafting its questions is a separate call.
    """
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        name, data, fmt = upload.filename, upload.read(), None
    elif body.text and body.text.strip():
        title = " ".join((body.title or "").split()) or "Pasted text"
        name, data, fmt = f"{title}.txt", f"{title}\n\n{body.text}", "txt"
    else:
        raise ApiError(422, "Send a file or the text (one of the two).", fields={"text": "missing"})
    try:
        document, created = services.import_document(db.session, current_user, name, data, fmt)
    except IngestError as error:
        raise DomainError(str(error)) from None
    return Uploaded(created=created, document=detail(document))


@api.operation("GET", V1 + "/documents/<id:document_id>", tag="documents", roles=STAFF, response=DocumentDetail)
def get_document(document_id: int) -> DocumentDetail:
    """One of your documents, with its cleaned text."""
    return detail(services.document_of(db.session, document_id, current_user))


def job_out(job: Any) -> Job:
    return Job(
        id=job.id,
        document_id=job.document_id,
        status=job.status,
        stage=job.stage,
        progress=round(job.progress, 3),
        message=job.message,
        questions_made=job.questions_made,
    )


@api.operation(
    "POST", V1 + "/documents/<id:document_id>/drafts", tag="documents", roles=STAFF, response=Drafting, status=202
)
def start_drafting(document_id: int) -> Drafting:
    """Draft questions from a document; they wait in the review queue.

    A long document, and every document while a background worker runs, is drafted by the worker (follow
    `job`); a short one without a worker, within the request. A document that already has questions, or a job
    under way, is not drafted again.
    """
    document = services.document_of(db.session, document_id, current_user)
    drafting = draft_documents(
        db.session,
        current_user,
        [document],
        model=current_app.config["SPACY_MODEL"],
        enqueue=draft_questions,
        inline_words=inline_words(current_app.config, utcnow()),
    )
    job = generation_jobs.job_of(db.session, drafting.job_id, current_user) if drafting.job_id else None
    return Drafting(
        drafted=len(drafting.drafts.questions) if drafting.drafts else 0,
        job=job_out(job) if job is not None else None,
        already=bool(drafting.skipped),
    )


@api.operation("GET", V1 + "/jobs/<id:job_id>", tag="documents", roles=STAFF, response=Job)
def get_job(job_id: int) -> Job:
    """A drafting job's progress, then its outcome."""
    return job_out(generation_jobs.job_of(db.session, job_id, current_user))
