"""The review queue: drafts a teacher checks against their sources, approves, edits or rejects.

Editing never changes a version an attempt may have used: it adds a version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session, selectinload

from quizapp.attempts.grading import key_problem
from quizapp.audit.services import change, quoted, record
from quizapp.auth.models import User
from quizapp.bank.models import (
    QUESTION_STATUSES,
    QUESTION_TYPES,
    Question,
    QuestionFlag,
    QuestionSource,
    QuestionVersion,
)
from quizapp.bank.tags import tags_named
from quizapp.exceptions import DomainError, NotFound
from quizapp.generation.contract import validate_draft
from quizapp.models import utcnow
from quizapp.statuses import QuestionStatus

ORDERS = ("confidence_asc", "confidence_desc", "newest")
# The confidence at or above which a teacher may approve drafts in one go: the seed's publish threshold too. Since
# round 23 the confidence is refitted on readers 10 to 18 of the quality set (generation/calibrate.py; benchmarks/
# quality/calibration.py prints the figures) and no draft reaches 0.7; at or above 0.6 (true statements and
# orderings, about a fifth of all drafts) those readers found 53% usable as they were, 80% after a light edit, 18%
# rejected. That saves clicks, not reading: the README says so.
PUBLISH_CONFIDENCE = 0.6
# As long as Moodle's question names (question.name is 255 characters).
NAME_LENGTH = 255


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = QuestionStatus.DRAFT
    document_id: int | None = None
    question_type: str | None = None
    flagged: bool = False
    order: str = "confidence_asc"
    search: str = ""

    def cleaned(self) -> QueueFilter:
        return QueueFilter(
            status=self.status if self.status in QUESTION_STATUSES else None,
            document_id=self.document_id,
            question_type=self.question_type if self.question_type in QUESTION_TYPES else None,
            flagged=self.flagged,
            order=self.order if self.order in ORDERS else "confidence_asc",
            search=self.search.strip()[:200],
        )


@dataclass
class QueueItem:
    question: Question
    version: QuestionVersion
    open_flags: int


def question_of(session: Session, question_id: int, owner: User) -> Question:
    """The owner's question; NotFound for anyone else's."""
    question = session.scalar(
        select(Question)
        .options(
            selectinload(Question.versions).selectinload(QuestionVersion.sources).selectinload(QuestionSource.document)
        )
        .where(Question.id == question_id)
    )
    if question is None or question.owner_id != owner.id:
        raise NotFound("There is no such question.")
    return question


def review_queue(session: Session, owner: User, flt: QueueFilter, *, limit: int | None = 200) -> list[QueueItem]:
    """The owner's questions matching the filter, in the chosen order, each with its current version (all of
    them when ``limit`` is None)."""
    flt = flt.cleaned()
    open_flags = (
        select(QuestionFlag.question_id, func.count().label("n"))
        .where(QuestionFlag.resolved_at.is_(None))
        .group_by(QuestionFlag.question_id)
        .subquery()
    )
    query = (
        select(Question, QuestionVersion, func.coalesce(open_flags.c.n, 0))
        .join(
            QuestionVersion,
            (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
        )
        .outerjoin(open_flags, open_flags.c.question_id == Question.id)
        .options(selectinload(QuestionVersion.sources).selectinload(QuestionSource.document))
        .where(Question.owner_id == owner.id)
    )
    if flt.status:
        query = query.where(Question.status == flt.status)
    if flt.document_id:
        query = query.where(Question.document_id == flt.document_id)
    if flt.question_type:
        query = query.where(QuestionVersion.type == flt.question_type)
    if flt.flagged:
        query = query.where(open_flags.c.n > 0)
    if flt.search:
        pattern = f"%{flt.search}%"
        query = query.where(QuestionVersion.prompt.ilike(pattern) | QuestionVersion.name.ilike(pattern))
    if flt.order == "confidence_desc":
        query = query.order_by(QuestionVersion.confidence.desc().nulls_last(), Question.id)
    elif flt.order == "newest":
        query = query.order_by(Question.id.desc())
    else:
        query = query.order_by(QuestionVersion.confidence.asc().nulls_first(), Question.id)
    return [QueueItem(q, v, int(n)) for q, v, n in session.execute(query.limit(limit)).all()]


def log_question(question: Question, actor: User | None, action: str, verb: str, details: dict[str, Any]) -> None:
    """Write an audit event about the question into the transaction it is being changed in."""
    session = object_session(question)
    if session is None:
        raise RuntimeError("a question is logged only once it is in a session")
    if question.id is None:
        session.flush()  # a question made in this transaction: its id and version for the summary
    summary = f"{verb} question {question.id}: {quoted(question.latest.prompt)}"
    record(session, actor, action, question, summary, details)


def approve(question: Question, reviewer: User, note: str | None = None) -> None:
    old_status = question.status
    question.status = QuestionStatus.APPROVED
    question.reviewed_by_id = reviewer.id
    question.reviewed_at = utcnow()
    question.review_note = note
    details: dict[str, Any] = {"status": change(old_status, QuestionStatus.APPROVED)}
    if note:
        details["note"] = note
    log_question(question, reviewer, "question.approve", "Approved", details)


def reject(question: Question, reviewer: User, reason: str) -> None:
    reason = " ".join(reason.split())
    if not reason:
        raise DomainError("Say why the question is rejected (it helps the next reviewer).")
    old_status = question.status
    question.status = QuestionStatus.REJECTED
    question.reviewed_by_id = reviewer.id
    question.reviewed_at = utcnow()
    question.review_note = reason[:1000]
    log_question(
        question,
        reviewer,
        "question.reject",
        "Rejected",
        {"status": change(old_status, QuestionStatus.REJECTED), "reason": reason},
    )


def send_back_to_review(question: Question, reason: str, actor: User | None) -> bool:
    """Put an approved question back in the review queue as a draft, saying why. False if it was not approved.

    Attempts keep the versions they were graded on; only new quizzes stop drawing it
    until a teacher approves it again. ``actor`` is None when a scheduled check sends it.
    """
    if question.status != QuestionStatus.APPROVED:
        return False
    question.status = QuestionStatus.DRAFT
    question.review_note = " ".join(reason.split())[:1000]
    question.reviewed_by_id = actor.id if actor is not None else None
    question.reviewed_at = utcnow()
    details = {"status": change(QuestionStatus.APPROVED, QuestionStatus.DRAFT), "reason": question.review_note}
    log_question(question, actor, "question.sent_back", "Sent back to review", details)
    return True


def review_many(session: Session, owner: User, question_ids: Sequence[int], action: str, reason: str = "") -> int:
    """Approve or reject several of the owner's questions at once; all or nothing."""
    if action not in ("approve", "reject"):
        raise DomainError("Choose approve or reject.")
    ids = sorted(set(question_ids))
    if not ids:
        raise DomainError("Select at least one question.")
    questions = session.scalars(
        # Versions loaded with the questions: each one's audit event quotes its prompt.
        select(Question)
        .options(selectinload(Question.versions))
        .where(Question.id.in_(ids), Question.owner_id == owner.id)
    ).all()
    if len(questions) != len(ids):
        raise NotFound("Some of those questions do not exist.")
    for question in questions:
        if action == "approve":
            approve(question, owner)
        else:
            reject(question, owner, reason)
    session.flush()
    return len(questions)


def approve_drafts_at_or_above(session: Session, owner: User, flt: QueueFilter, threshold: float) -> int:
    """Approve every one of the owner's drafts matching the filter whose confidence is at least ``threshold``.

    Each approval is audited like any other, with a note saying why. Returns how many were approved (maybe 0).
    """
    if not 0.0 <= threshold <= 1.0:
        raise DomainError("The confidence is a number from 0 to 1.")
    drafts_only = replace(flt.cleaned(), status=QuestionStatus.DRAFT)
    note = f"approved with every draft at or above confidence {threshold:.2f}"
    chosen = [
        item.question
        for item in review_queue(session, owner, drafts_only, limit=None)
        if item.version.confidence is not None and item.version.confidence >= threshold
    ]
    for question in chosen:
        approve(question, owner, note)
    session.flush()
    return len(chosen)


def checked_version(content: dict[str, Any], **fields: Any) -> QuestionVersion:
    """A question version from teacher-given content, checked against the generator's own contract first.

    ``content`` may also carry the question's ``name`` and, for a fill-in, ``case_sensitive``.
    """
    problems = validate_draft({**content, "sources": []}, strict=False)
    case_sensitive = bool(content.get("case_sensitive"))
    name = " ".join(str(content.get("name") or "").split())
    if len(name) > NAME_LENGTH:
        problems.append(f"its name has {len(name)} characters; at most {NAME_LENGTH}")
    if not problems:
        # The contract checks the shape; only the grader knows whether the key can be graded at all.
        ungradeable = key_problem(
            content["type"],
            content["answer"],
            options=list(content.get("options") or []),
            grading=content.get("grading") if content["type"] == "ordering" else None,
            case_sensitive=case_sensitive,
        )
        if ungradeable:
            problems = [f"its key cannot be graded ({ungradeable})"]
    if problems:
        raise DomainError("The question cannot be saved: " + "; ".join(problems))
    return QuestionVersion(
        type=content["type"],
        prompt=content["prompt"],
        options=list(content.get("options") or []),
        answer=content["answer"],
        explanation=content.get("explanation", ""),
        ordering_grading=content.get("grading") if content["type"] == "ordering" else None,
        name=name,
        case_sensitive=case_sensitive,
        **fields,
    )


def edit_question(
    session: Session, question: Question, editor: User, content: dict[str, Any], *, approve_now: bool = False
) -> QuestionVersion:
    """Add a version with the edited content (validated like generated questions); sources carry over."""
    previous = question.latest
    version = checked_version(
        content,
        version=previous.version + 1,
        confidence=previous.confidence,
        confidence_reasons=[*previous.confidence_reasons, "edited by a teacher"],
        difficulty=previous.difficulty,
        created_by_id=editor.id,
    )
    for source in previous.sources:
        version.sources.append(
            QuestionSource(
                position=source.position,
                document_id=source.document_id,
                start_offset=source.start_offset,
                end_offset=source.end_offset,
                quote=source.quote,
            )
        )
    old_tags = sorted(tag.name for tag in question.tags)
    question.versions.append(version)
    question.current_version = version.version
    if "tags" in content:
        question.tags = tags_named(session, content["tags"])
    details: dict[str, Any] = {"version": change(previous.version, version.version)}
    for field in ("type", "name", "prompt", "options", "answer", "case_sensitive", "explanation", "ordering_grading"):
        if getattr(previous, field) != getattr(version, field):
            details[field] = change(getattr(previous, field), getattr(version, field))
    new_tags = sorted(tag.name for tag in question.tags)
    if new_tags != old_tags:
        details["tags"] = change(old_tags, new_tags)
    log_question(question, editor, "question.edit", "Edited", details)
    if approve_now:
        approve(question, editor, note="edited and approved")
    session.flush()
    return version


def resolve_flag(session: Session, question: Question, flag_id: int, reviewer: User, resolution: str) -> QuestionFlag:
    """Record what was done about a student's flag on the owner's question."""
    flag = next((f for f in question.flags if f.id == flag_id), None)
    if flag is None:
        raise NotFound("There is no such flag on this question.")
    text = " ".join(resolution.split())
    if not text:
        raise DomainError("Say what was done (for example: corrected the key, or the question was right).")
    flag.resolution = text[:1000]
    flag.resolved_at = utcnow()
    flag.resolved_by_id = reviewer.id
    log_question(
        question,
        reviewer,
        "flag.resolve",
        f"Resolved a student's '{flag.kind}' flag on",
        {"flag": flag.id, "kind": flag.kind, "comment": flag.comment, "resolution": flag.resolution},
    )
    session.flush()
    return flag
