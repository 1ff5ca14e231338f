"""The quiz builder: settings, a fixed list of questions, random-pick rules, publish, duplicate, preview.

Only the owner's approved questions go into a quiz; a published quiz must be
able to give a student at least one question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from quizapp.audit.services import change, quoted, record
from quizapp.auth.models import User
from quizapp.bank.models import QUESTION_TYPES, Question
from quizapp.exceptions import DomainError, NotFound
from quizapp.quizzes.models import LAYOUTS, QUIZ_MODES, SCORE_POLICIES, VISIBILITIES, Quiz, QuizQuestion, QuizRule
from quizapp.quizzes.services import rule_pool
from quizapp.sources.models import SourceDocument
from quizapp.statuses import QuestionStatus
from quizapp.wording import count as counted

SETTINGS = (
    "title", "description", "mode", "time_limit_minutes", "attempts_allowed", "score_policy", "shuffle_questions",
    "shuffle_options", "layout", "opens_at", "closes_at", "penalty_percent", "review_show_score",
    "review_show_answers", "review_show_explanations", "review_show_sources", "visibility",
)  # fmt: skip
# The settings that decide a grade, when a quiz can be taken and by whom, and whether keys are shown:
# a change to any of them is written to the audit log (title, wording and layout are not).
LOGGED_SETTINGS = tuple(
    key for key in SETTINGS if key not in ("title", "description", "shuffle_questions", "shuffle_options", "layout")
)


def check_settings(values: dict[str, Any]) -> dict[str, Any]:
    """The settings as the quiz stores them, or DomainError saying what is wrong."""
    clean = {key: values[key] for key in SETTINGS if key in values}
    title = " ".join(str(clean.get("title") or "").split())
    if not title or len(title) > 200:
        raise DomainError("A quiz needs a title of at most 200 characters.")
    clean["title"] = title
    for key, allowed in (
        ("mode", QUIZ_MODES),
        ("score_policy", SCORE_POLICIES),
        ("layout", LAYOUTS),
        ("visibility", VISIBILITIES),
    ):
        if key in clean and clean[key] not in allowed:
            raise DomainError(f"Unknown {key.replace('_', ' ')}.")
    for key in ("time_limit_minutes", "attempts_allowed"):
        if clean.get(key) is not None and not 1 <= int(clean[key]) <= 10_000:
            raise DomainError(f"{key.replace('_', ' ').capitalize()} must be a positive number (or empty for none).")
    if clean.get("opens_at") and clean.get("closes_at") and clean["opens_at"] >= clean["closes_at"]:
        raise DomainError("The quiz must open before it closes.")
    if not 0 <= int(clean.get("penalty_percent", 10)) <= 100:
        raise DomainError("The penalty per extra try is between 0 and 100 percent.")
    return clean


def create_quiz(session: Session, owner: User, settings: dict[str, Any]) -> Quiz:
    quiz = Quiz(owner_id=owner.id, is_published=False, **check_settings(settings))
    session.add(quiz)
    session.flush()
    return quiz


def update_settings(session: Session, quiz: Quiz, settings: dict[str, Any], *, actor: User) -> Quiz:
    changed = {}
    for key, value in check_settings(settings).items():
        if key in LOGGED_SETTINGS and getattr(quiz, key) != value:
            changed[key] = change(getattr(quiz, key), value)
        setattr(quiz, key, value)
    if changed:
        names = ", ".join(key.replace("_", " ") for key in changed)
        summary = f"Changed {names} of quiz {quiz.id} {quoted(quiz.title)}"
        record(session, actor, "quiz.settings", quiz, summary, changed)
    session.flush()
    return quiz


def approved_questions(session: Session, owner: User, ids: Sequence[int]) -> list[Question]:
    """The owner's approved questions with these ids, in the order given; DomainError for any other id."""
    wanted = list(dict.fromkeys(ids))
    found = {
        q.id: q
        for q in session.scalars(
            select(Question).where(
                Question.id.in_(wanted), Question.owner_id == owner.id, Question.status == QuestionStatus.APPROVED
            )
        )
    }
    missing = [i for i in wanted if i not in found]
    if missing:
        raise DomainError("Only your own approved questions can go into a quiz.")
    return [found[i] for i in wanted]


def set_questions(session: Session, quiz: Quiz, owner: User, ids: Sequence[int]) -> None:
    """Replace the quiz's fixed list with these questions, in this order."""
    questions = approved_questions(session, owner, ids)
    quiz.questions.clear()
    session.flush()
    for position, question in enumerate(questions):
        quiz.questions.append(QuizQuestion(question_id=question.id, position=position))
    session.flush()


def add_rule(
    session: Session,
    quiz: Quiz,
    owner: User,
    *,
    count: int,
    document_id: int | None,
    question_type: str | None,
    tag: str | None,
) -> RulePool:
    """Add a rule picking ``count`` random approved questions; the rule with how many its pool holds (a rule
    asking for more is kept, so the teacher can approve more questions, but the quiz cannot be published)."""
    if not 1 <= count <= 200:
        raise DomainError("A rule picks between 1 and 200 questions.")
    if question_type and question_type not in QUESTION_TYPES:
        raise DomainError("Unknown question type.")
    if document_id is not None:
        document = session.get(SourceDocument, document_id)
        if document is None or document.owner_id != owner.id:
            raise DomainError("Choose one of your own documents.")
    rule = QuizRule(
        count=count,
        document_id=document_id,
        question_type=question_type or None,
        tag=(tag or "").strip().lower() or None,
    )
    quiz.rules.append(rule)
    session.flush()
    return pool_of(session, quiz, rule)


@dataclass(frozen=True)
class RulePool:
    """A random-pick rule and how many questions it can pick from."""

    rule: QuizRule
    holds: int  # the owner's approved questions matching the rule, not counting the quiz's fixed ones

    @property
    def short(self) -> bool:
        return self.rule.count > self.holds

    def describe(self) -> str:
        """For the teacher: how many questions the pool holds, and what is wrong if the rule asks for more."""
        holds = f"its pool holds {counted(self.holds, 'question')}"
        if not self.short:
            return f"{holds.capitalize()}."
        return (
            f"It asks for {counted(self.rule.count, 'question')} but {holds} (besides the quiz's fixed ones): "
            "ask for fewer or approve more before publishing."
        )


def pool_of(session: Session, quiz: Quiz, rule: QuizRule) -> RulePool:
    fixed = {entry.question_id for entry in quiz.questions}
    return RulePool(rule, sum(1 for question in rule_pool(session, rule) if question.id not in fixed))


def rule_pools(session: Session, quiz: Quiz) -> list[RulePool]:
    """Each of the quiz's rules with how many questions its pool holds."""
    return [pool_of(session, quiz, rule) for rule in quiz.rules]


def remove_rule(session: Session, quiz: Quiz, rule_id: int, *, actor: User) -> None:
    rule = next((r for r in quiz.rules if r.id == rule_id), None)
    if rule is None:  # another quiz's rule: the same 404 as one that does not exist
        raise NotFound("No such rule on this quiz.")
    quiz.rules.remove(rule)
    picked = {"count": rule.count, "document": rule.document_id, "type": rule.question_type, "tag": rule.tag}
    record(session, actor, "quiz.rule_remove", quiz, f"Removed a rule from quiz {quiz.id} {quoted(quiz.title)}", picked)
    session.flush()


def set_published(session: Session, quiz: Quiz, published: bool, *, actor: User) -> None:
    if published and not quiz.questions and not quiz.rules:
        raise DomainError("Add questions (or a rule that picks them) before publishing.")
    if published:
        short = [pool for pool in rule_pools(session, quiz) if pool.short]
        if short:
            raise DomainError(
                "Not published: a random-pick rule asks for more questions than it can pick. "
                + " ".join(pool.describe() for pool in short)
            )
    if quiz.is_published != published:
        action, verb = ("quiz.publish", "Published") if published else ("quiz.unpublish", "Unpublished")
        details = {"published": change(quiz.is_published, published)}
        record(session, actor, action, quiz, f"{verb} quiz {quiz.id} {quoted(quiz.title)}", details)
    quiz.is_published = published
    session.flush()


def duplicate(session: Session, quiz: Quiz, owner: User) -> Quiz:
    """A copy with the same settings, questions and rules, unpublished and unassigned."""
    copy = Quiz(owner_id=owner.id, is_published=False, **{key: getattr(quiz, key) for key in SETTINGS})
    copy.title = f"{quiz.title} (copy)"[:200]
    for entry in quiz.questions:
        copy.questions.append(QuizQuestion(question_id=entry.question_id, position=entry.position, points=entry.points))
    for rule in quiz.rules:
        copy.rules.append(
            QuizRule(
                count=rule.count,
                document_id=rule.document_id,
                question_type=rule.question_type,
                tag=rule.tag,
                points=rule.points,
            )
        )
    session.add(copy)
    session.flush()
    details = {"copied_from": quiz.id, "questions": len(copy.questions), "rules": len(copy.rules)}
    summary = f"Copied quiz {quiz.id} {quoted(quiz.title)} as quiz {copy.id}"
    record(session, owner, "quiz.duplicate", copy, summary, details)
    return copy


@dataclass
class Picker:
    """Approved questions the teacher can pick from, with the filter used."""

    questions: list[Question]
    document_id: int | None
    question_type: str | None
    search: str


def picker(session: Session, owner: User, *, document_id: int | None, question_type: str | None, search: str) -> Picker:
    query = (
        select(Question)
        .options(selectinload(Question.versions))
        .where(Question.owner_id == owner.id, Question.status == QuestionStatus.APPROVED)
        .order_by(Question.id)
    )
    if document_id:
        query = query.where(Question.document_id == document_id)
    questions = list(session.scalars(query))
    if question_type:
        questions = [q for q in questions if q.latest.type == question_type]
    if search.strip():
        needle = search.strip().lower()
        questions = [q for q in questions if needle in q.latest.prompt.lower()]
    return Picker(questions, document_id, question_type, search)
