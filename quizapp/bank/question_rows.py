"""The bank's questions as the plain dicts every exporter takes (:mod:`quizapp.bank.interchange.types`), with the
bank's own fields beside them: id, status, confidence, and the sentence each question came from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionSource, QuestionVersion


def question_dicts(session: Session, questions: Sequence[Question]) -> list[dict[str, Any]]:
    """The latest version of each question as an interchange dict, with ``id``, ``status``, ``confidence`` and
    ``source`` (its first source sentence) and ``source_title`` (that sentence's document)."""
    version_ids = [q.latest.id for q in questions]
    sources: dict[int, QuestionSource] = {}
    if version_ids:
        for source in session.scalars(
            select(QuestionSource)
            .options(selectinload(QuestionSource.document))
            .where(QuestionSource.question_version_id.in_(version_ids))
            .order_by(QuestionSource.position.desc())
        ):
            sources[source.question_version_id] = source  # the lowest position wins
    rows = []
    for question in questions:
        version: QuestionVersion = question.latest
        source = sources.get(version.id)
        rows.append(
            {
                "id": question.id,
                "status": question.status,
                "type": version.type,
                "prompt": version.prompt,
                "options": list(version.options or []),
                "answer": version.answer,
                "explanation": version.explanation or "",
                "tags": [t.name for t in question.tags],
                # Fields the Moodle work adds to a version (a name, the case flag, an ordering's grading type), read
                # where the model has them so every export carries them.
                "title": getattr(version, "name", None) or "",
                "case_sensitive": bool(getattr(version, "case_sensitive", False)),
                "grading": getattr(version, "ordering_grading", None),
                "confidence": version.confidence,
                "source": source.quote if source else "",
                "source_title": source.document.title if source else "",
            }
        )
    return rows


def bank_questions(session: Session, owner: User, status: str | None) -> list[Question]:
    """The owner's questions of one status (all with None), by id."""
    query = (
        select(Question)
        .options(selectinload(Question.versions), selectinload(Question.tags))
        .where(Question.owner_id == owner.id)
        .order_by(Question.id)
    )
    if status:
        query = query.where(Question.status == status)
    return list(session.scalars(query))
