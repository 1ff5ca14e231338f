"""The question bank: drafts from documents, storing them with their sources, approving.

Generation itself is the pure ``quizapp.generation`` package; this module turns
its drafts into rows and back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from quizapp.audit.services import change
from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionSource, QuestionVersion
from quizapp.bank.review import approve, log_question
from quizapp.generation.types import Block, CleanDocument, GenerationReport, GenerationResult, QuestionDraft
from quizapp.sources.models import SourceDocument
from quizapp.statuses import QuestionStatus


@dataclass
class DraftsResult:
    questions: list[Question]
    report: GenerationReport


def as_clean_document(document: SourceDocument) -> CleanDocument:
    """A stored document as the generator takes it: the text questions will quote."""
    return CleanDocument(
        name=document.original_filename,
        title=document.title,
        format=document.format,
        text=document.cleaned_text,
        blocks=tuple(Block(**block) for block in document.blocks or []),
        stripped=tuple(document.stripped or ()),
    )


def store_draft(
    session: Session, owner: User | None, draft: QuestionDraft, documents: dict[str, SourceDocument]
) -> Question:
    """One generated draft as a Question with version 1 and its sources."""
    first = documents[draft.sources[0].document] if draft.sources else None
    question = Question(
        owner_id=owner.id if owner else None, document=first, status=QuestionStatus.DRAFT, origin="generated"
    )
    version = QuestionVersion(
        version=1,
        type=draft.type,
        prompt=draft.prompt,
        options=list(draft.options),
        answer=draft.answer,
        explanation=draft.explanation,
        confidence=min(1.0, max(0.0, float(draft.confidence))),
        confidence_reasons=list(draft.confidence_reasons),
        checks=list(draft.checks),
        difficulty=min(1.0, max(0.0, float(draft.difficulty))),
        created_by_id=owner.id if owner else None,
    )
    for position, source in enumerate(draft.sources):
        version.sources.append(
            QuestionSource(
                position=position,
                document=documents[source.document],
                start_offset=source.start,
                end_offset=source.end,
                quote=source.quote,
            )
        )
    question.versions.append(version)
    session.add(question)
    return question


def generate_drafts(
    session: Session,
    owner: User | None,
    documents: Sequence[SourceDocument],
    *,
    model: str | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> DraftsResult:
    """Generate questions over the documents together and store them as drafts.

    Documents are read together so that distractors come from the whole set and
    disagreements between them are found. Returns the stored questions and the
    generator's report.
    """
    result = run_generator([as_clean_document(d) for d in documents], model=model, progress=progress)
    return store_drafts(session, owner, documents, result)


def run_generator(
    documents: Sequence[CleanDocument],
    *,
    model: str | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> GenerationResult:
    """The pure generator, with no database work (a background job runs it with no transaction open)."""
    if len({d.name for d in documents}) != len(documents):
        raise ValueError("documents given together need distinct file names")
    # Imported here: the language pipeline is heavy, and only generation needs it (not every app start).
    from quizapp.generation import generate

    return generate(list(documents), model=model, progress=progress)


def store_drafts(
    session: Session, owner: User | None, documents: Sequence[SourceDocument], result: GenerationResult
) -> DraftsResult:
    by_name = {document.original_filename: document for document in documents}
    questions = [store_draft(session, owner, draft, by_name) for draft in result.questions]
    record_disagreements(documents, result.report)
    session.flush()
    return DraftsResult(questions=questions, report=result.report)


def questions_from_documents(session: Session, document_ids: Sequence[int]) -> Sequence[Question]:
    return session.scalars(
        select(Question)
        .options(selectinload(Question.versions))
        .where(Question.document_id.in_(document_ids))
        .order_by(Question.id)
    ).all()


def approve_confident(questions: Sequence[Question], reviewer: User, threshold: float) -> list[Question]:
    """Approve the drafts whose latest version's confidence reaches ``threshold`` (the demo's shortcut)."""
    approved = []
    for question in questions:
        confidence = question.latest.confidence
        if question.status == QuestionStatus.DRAFT and confidence is not None and confidence >= threshold:
            approve(question, reviewer, note=f"approved by seeding: confidence {confidence:.2f} >= {threshold:.2f}")
            approved.append(question)
    return approved


@dataclass
class CarriedOver:
    kept: int
    sent_back: list[Question]


def carry_to_revision(session: Session, old: SourceDocument, new: SourceDocument, *, actor: User) -> CarriedOver:
    """Move the old revision's questions to the new one.

    A question whose source sentence is still in the new text keeps its status
    and now points at the sentence's place in the new revision; one whose
    sentence changed or went goes back to review as a draft, saying why.
    """
    questions = session.scalars(
        select(Question)
        .options(selectinload(Question.versions).selectinload(QuestionVersion.sources))
        .where(Question.document_id == old.id)
    ).all()
    kept, sent_back = 0, []
    for question in questions:
        question.document_id = new.id
        missing = False
        for source in question.latest.sources:
            if source.document_id != old.id:
                continue
            start = new.cleaned_text.find(source.quote)
            if start < 0:
                missing = True
                continue
            source.document_id, source.start_offset, source.end_offset = new.id, start, start + len(source.quote)
        if missing and question.status in (QuestionStatus.APPROVED, QuestionStatus.DRAFT):
            was = question.status
            question.status = QuestionStatus.DRAFT
            question.review_note = (
                f"Its source sentence changed in revision {new.revision}; check it against the new text."
            )
            sent_back.append(question)
            if was == QuestionStatus.APPROVED:  # a draft that stays a draft gave no one any trust to take back
                details = {"status": change(was, QuestionStatus.DRAFT), "revision": change(old.revision, new.revision)}
                log_question(question, actor, "question.sent_back", "Sent back to review", details)
        else:
            kept += 1
    session.flush()
    return CarriedOver(kept, sent_back)


def record_disagreements(documents: Sequence[SourceDocument], report: GenerationReport) -> None:
    """Keep on each document the disagreements the generator found that involve it (shown on its page)."""
    for document in documents:
        found = [
            d.to_dict()
            for d in report.disagreements
            if any(claim.document == document.original_filename for claim in d.claims)
        ]
        if found or document.disagreements:
            known = {repr(item) for item in document.disagreements or []}
            document.disagreements = [*(document.disagreements or []), *(f for f in found if repr(f) not in known)]
