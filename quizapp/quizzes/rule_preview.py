"""How many questions a random-pick rule would draw from, before it is added (the builder asks as it is typed)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.exceptions import DomainError
from quizapp.question_types import QUESTION_TYPES
from quizapp.quizzes.builder import RulePool, pool_of
from quizapp.quizzes.models import Quiz
from quizapp.sources.models import SourceDocument


@dataclass
class RuleDraft:
    """A rule being typed: what pool_of reads of a QuizRule, without adding one to the quiz."""

    quiz: Quiz
    count: int
    document_id: int | None
    question_type: str | None
    tag: str | None


def preview_pool(
    session: Session,
    quiz: Quiz,
    owner: User,
    *,
    count: int,
    document_id: int | None,
    question_type: str | None,
    tag: str | None,
) -> RulePool:
    """The pool a rule with these values would have; DomainError for values the rule itself would refuse."""
    if question_type and question_type not in QUESTION_TYPES:
        raise DomainError("Unknown question type.")
    if document_id is not None:
        document = session.get(SourceDocument, document_id)
        if document is None or document.owner_id != owner.id:
            raise DomainError("Choose one of your own documents.")
    draft = RuleDraft(quiz, max(count, 0), document_id, question_type or None, (tag or "").strip().lower() or None)
    return pool_of(session, quiz, draft)  # type: ignore[arg-type]
