"""Quizzes: create, settings, fixed questions and random-pick rules, publish."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from flask_login import current_user
from pydantic import AwareDatetime, Field

from quizapp.access import STAFF
from quizapp.api.blueprint import V1, api
from quizapp.api.schemas import Id, Input, Output, printable
from quizapp.extensions import db
from quizapp.question_types import QUESTION_TYPES
from quizapp.quizzes import builder
from quizapp.quizzes.models import LAYOUTS, QUIZ_MODES, SCORE_POLICIES, VISIBILITIES, Quiz
from quizapp.quizzes.services import quiz_of_teacher, quizzes_of_teacher

Count = Annotated[int, Field(ge=1, le=10_000)]
# The settings a PATCH may set to null; a null for any other leaves it as it is.
NULLABLE = frozenset({"time_limit_minutes", "attempts_allowed", "opens_at", "closes_at"})


class QuizSettings(Input):
    """Every setting is optional (a new quiz takes the defaults of the quiz page); times are UTC, with an offset."""

    title: Annotated[str, printable(200, min_length=1)] | None = None
    description: Annotated[str, printable(5000)] | None = None
    mode: Literal[QUIZ_MODES] | None = None  # type: ignore[valid-type]
    time_limit_minutes: Count | None = Field(None, description="minutes; null for no limit")
    attempts_allowed: Count | None = Field(None, description="null for unlimited")
    score_policy: Literal[SCORE_POLICIES] | None = None  # type: ignore[valid-type]
    shuffle_questions: bool | None = None
    shuffle_options: bool | None = None
    layout: Literal[LAYOUTS] | None = None  # type: ignore[valid-type]
    opens_at: AwareDatetime | None = None
    closes_at: AwareDatetime | None = None
    penalty_percent: Annotated[int, Field(ge=0, le=100)] | None = None
    review_show_score: bool | None = None
    review_show_answers: bool | None = None
    review_show_explanations: bool | None = None
    review_show_sources: bool | None = None
    visibility: Literal[VISIBILITIES] | None = None  # type: ignore[valid-type]


class NewQuiz(QuizSettings):
    title: Annotated[str, printable(200, min_length=1)]


class QuestionIds(Input):
    question_ids: Annotated[list[Id], Field(max_length=500, description="your approved questions, in order")]


class NewRule(Input):
    count: Annotated[int, Field(ge=1, le=200)]
    document_id: Id | None = None
    type: Literal[QUESTION_TYPES] | None = None  # type: ignore[valid-type]
    tag: Annotated[str, printable(60)] | None = None


class FixedQuestion(Output):
    question_id: int
    position: int
    points: float


class Rule(Output):
    id: int
    count: int
    document_id: int | None
    type: str | None
    tag: str | None
    pool: int = Field(description="your approved questions it can pick from, besides the fixed ones")
    short: bool = Field(description="it asks for more than its pool holds: the quiz cannot be published")


class QuizDetail(Output):
    id: int
    title: str
    description: str
    mode: str
    time_limit_minutes: int | None
    attempts_allowed: int | None
    score_policy: str
    shuffle_questions: bool
    shuffle_options: bool
    layout: str
    opens_at: datetime | None
    closes_at: datetime | None
    penalty_percent: int
    review_show_score: bool
    review_show_answers: bool
    review_show_explanations: bool
    review_show_sources: bool
    visibility: str
    is_published: bool
    created_at: datetime
    questions: list[FixedQuestion]
    rules: list[Rule]


class QuizSummary(Output):
    id: int
    title: str
    mode: str
    is_published: bool
    created_at: datetime


class QuizList(Output):
    quizzes: list[QuizSummary]


def detail(quiz: Quiz) -> QuizDetail:
    values = {key: getattr(quiz, key) for key in builder.SETTINGS}
    rules = [
        Rule(
            id=pool.rule.id,
            count=pool.rule.count,
            document_id=pool.rule.document_id,
            type=pool.rule.question_type,
            tag=pool.rule.tag,
            pool=pool.holds,
            short=pool.short,
        )
        for pool in builder.rule_pools(db.session, quiz)
    ]
    return QuizDetail(
        **values,
        id=quiz.id,
        is_published=quiz.is_published,
        created_at=quiz.created_at,
        questions=[FixedQuestion.model_validate(entry) for entry in quiz.questions],
        rules=rules,
    )


@api.operation("GET", V1 + "/quizzes", tag="quizzes", roles=STAFF, response=QuizList)
def list_quizzes() -> QuizList:
    """Your quizzes, by title."""
    return QuizList(quizzes=[QuizSummary.model_validate(q) for q in quizzes_of_teacher(db.session, current_user)])


@api.operation("POST", V1 + "/quizzes", tag="quizzes", roles=STAFF, body=NewQuiz, response=QuizDetail, status=201)
def create_quiz(body: NewQuiz) -> QuizDetail:
    """Create a quiz (unpublished); then give it questions or rules."""
    quiz = builder.create_quiz(db.session, current_user, body.model_dump(exclude_none=True))
    return detail(quiz)


@api.operation("GET", V1 + "/quizzes/<id:quiz_id>", tag="quizzes", roles=STAFF, response=QuizDetail)
def get_quiz(quiz_id: int) -> QuizDetail:
    """One of your quizzes: settings, fixed questions, rules with their pools."""
    return detail(quiz_of_teacher(db.session, quiz_id, current_user))


@api.operation(
    "PATCH", V1 + "/quizzes/<id:quiz_id>", tag="quizzes", roles=STAFF, body=QuizSettings, response=QuizDetail
)
def update_quiz(quiz_id: int, body: QuizSettings) -> QuizDetail:
    """Change settings: only those given change (null clears a time limit, attempt limit or time)."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    current = {key: getattr(quiz, key) for key in builder.SETTINGS}
    given = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None or k in NULLABLE}
    builder.update_settings(db.session, quiz, {**current, **given}, actor=current_user)
    return detail(quiz)


@api.operation(
    "PUT", V1 + "/quizzes/<id:quiz_id>/questions", tag="quizzes", roles=STAFF, body=QuestionIds, response=QuizDetail
)
def set_quiz_questions(quiz_id: int, body: QuestionIds) -> QuizDetail:
    """Replace the quiz's fixed questions with these, in this order (only your approved questions)."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    builder.set_questions(db.session, quiz, current_user, body.question_ids)
    return detail(quiz)


@api.operation(
    "POST",
    V1 + "/quizzes/<id:quiz_id>/rules",
    tag="quizzes",
    roles=STAFF,
    body=NewRule,
    response=QuizDetail,
    status=201,
)
def add_quiz_rule(quiz_id: int, body: NewRule) -> QuizDetail:
    """Add a rule: N random approved questions, of a document, type or tag.

    A rule asking for more than its pool holds is kept (`short`), but the quiz cannot be published until it asks
    for fewer or more questions are approved.
    """
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    builder.add_rule(
        db.session,
        quiz,
        current_user,
        count=body.count,
        document_id=body.document_id,
        question_type=body.type,
        tag=body.tag,
    )
    return detail(quiz)


@api.operation("DELETE", V1 + "/quizzes/<id:quiz_id>/rules/<id:rule_id>", tag="quizzes", roles=STAFF, status=204)
def remove_quiz_rule(quiz_id: int, rule_id: int) -> None:
    """Remove a rule from the quiz."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    builder.remove_rule(db.session, quiz, rule_id, actor=current_user)


@api.operation("POST", V1 + "/quizzes/<id:quiz_id>/publish", tag="quizzes", roles=STAFF, response=QuizDetail)
def publish_quiz(quiz_id: int) -> QuizDetail:
    """Publish: students it is open to can take it (refused while it has no questions or a short rule)."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    builder.set_published(db.session, quiz, True, actor=current_user)
    return detail(quiz)


@api.operation("POST", V1 + "/quizzes/<id:quiz_id>/unpublish", tag="quizzes", roles=STAFF, response=QuizDetail)
def unpublish_quiz(quiz_id: int) -> QuizDetail:
    """Unpublish: no new attempts; attempts already made are kept."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    builder.set_published(db.session, quiz, False, actor=current_user)
    return detail(quiz)
