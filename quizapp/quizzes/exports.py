"""A quiz as a file for Canvas, QTI 2.1 or Anki: its fixed questions in order, each worth its points, then each
random rule as a group ("pick N of this pool, P points each") holding the approved questions its pool has now."""

from __future__ import annotations

from sqlalchemy.orm import Session

from quizapp.bank.exports import package, question_dicts
from quizapp.bank.interchange.writers import QuestionGroup
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import rule_pool


def rule_title(count: int, document: str | None, question_type: str | None, tag: str | None) -> str:
    """A rule as a group's title: "3 random questions of type fill in, from “Rome”, tagged emperors"."""
    parts = [f"{count} random question{'s' if count != 1 else ''}"]
    if question_type:
        parts.append(f"of type {question_type.replace('_', ' ')}")
    if document:
        parts.append(f"from “{document}”")
    if tag:
        parts.append(f"tagged {tag}")
    return ", ".join(parts)


def export_quiz(session: Session, quiz: Quiz, fmt: str) -> tuple[bytes, str, str]:
    """(content, mimetype, file name) of the quiz in a packaged format (``quizapp.bank.exports.PACKAGED_FORMATS``).

    The caller has checked the quiz is the teacher's: only its own questions and its owner's pools go in.
    """
    entries = list(quiz.questions)
    fixed = question_dicts(session, [entry.question for entry in entries])
    for row, entry in zip(fixed, entries, strict=True):
        row["points"] = entry.points
    fixed_ids = {entry.question_id for entry in entries}
    groups = []
    for rule in quiz.rules:
        pool = [q for q in rule_pool(session, rule) if q.id not in fixed_ids]
        title = rule_title(rule.count, rule.document.title if rule.document else None, rule.question_type, rule.tag)
        groups.append(QuestionGroup(title, rule.count, rule.points, question_dicts(session, pool)))
    content, chosen = package(fmt, fixed, title=quiz.title, key=f"quiz-{quiz.id}", groups=groups)
    return content, chosen.mimetype, f"quiz-{quiz.id}.{chosen.extension}"
