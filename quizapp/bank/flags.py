"""Students' open flags as a teacher sees them: on the dashboard and beside each question of the review queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionFlag, QuestionVersion

# What a flag's kind means, in a teacher's words.
KIND_WORDS = {"wrong": "Wrong", "unclear": "Unclear", "other": "Other"}


@dataclass(frozen=True)
class OpenFlag:
    flag_id: int
    question_id: int
    prompt: str
    kind: str
    comment: str
    created_at: datetime

    @property
    def kind_words(self) -> str:
        return KIND_WORDS.get(self.kind, self.kind.replace("_", " ").capitalize())


def _open_flags_query(owner: User):  # type: ignore[no-untyped-def]
    return (
        select(QuestionFlag, Question.id, QuestionVersion.prompt)
        .join(Question, Question.id == QuestionFlag.question_id)
        .join(
            QuestionVersion,
            (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
        )
        .where(Question.owner_id == owner.id, QuestionFlag.resolved_at.is_(None))
    )


def _rows(session: Session, query) -> list[OpenFlag]:  # type: ignore[no-untyped-def]
    return [
        OpenFlag(flag.id, question_id, prompt, flag.kind, flag.comment or "", flag.created_at)
        for flag, question_id, prompt in session.execute(query).all()
    ]


def count_open_flags(session: Session, owner: User) -> int:
    """How many of the students' flags on the owner's questions wait for the teacher."""
    query = (
        select(func.count())
        .select_from(QuestionFlag)
        .join(Question, Question.id == QuestionFlag.question_id)
        .where(Question.owner_id == owner.id, QuestionFlag.resolved_at.is_(None))
    )
    return session.scalar(query) or 0


def latest_open_flags(session: Session, owner: User, *, limit: int = 5) -> list[OpenFlag]:
    """The newest open flags on the owner's questions, each with its text and the question's prompt."""
    query = _open_flags_query(owner).order_by(QuestionFlag.created_at.desc(), QuestionFlag.id.desc()).limit(limit)
    return _rows(session, query)


def open_flags_by_question(session: Session, owner: User, question_ids: Sequence[int]) -> dict[int, list[OpenFlag]]:
    """The open flags of these questions of the owner (oldest first), by question id; one query."""
    if not question_ids:
        return {}
    query = _open_flags_query(owner).where(Question.id.in_(list(question_ids))).order_by(QuestionFlag.created_at)
    found: dict[int, list[OpenFlag]] = {}
    for row in _rows(session, query):
        found.setdefault(row.question_id, []).append(row)
    return found
