"""A student's own attempts, listed and reviewed: what the review page shows, as JSON, and nothing more.

The review is built by the review page's own presenter (``quizapp.attempts.presenters.review_page``), so the
quiz's review settings hide here exactly what they hide there: the score, the verdicts and marks, the answers,
explanations and sources. An attempt still open has no review at all (its keys stay unknown until it is
submitted; a practice question checked during it is seen on its page). Another student's attempt is a 404.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from flask_login import current_user
from pydantic import Field

from quizapp.access import STUDENT
from quizapp.api.blueprint import V1, api
from quizapp.api.schemas import Limit, Output, Query
from quizapp.attempts import loading, presenters, submitting
from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.statuses import AttemptStatus

KINDS = ("right", "partly", "wrong", "awaiting")


class AttemptQuery(Query):
    limit: Limit = 100


class ReviewQuery(Query):
    show: Literal["all", "missed"] = Field(
        "all", description="missed: only the questions not fully right (where the verdicts may be seen)"
    )


class AttemptSummary(Output):
    id: int
    quiz_id: int
    quiz_title: str
    number: int = Field(description="your attempt number at this quiz")
    status: str = Field(description="in_progress, submitted or closed_overdue")
    started_at: datetime
    submitted_at: datetime | None
    score: float | None = Field(description="null while open, or when the quiz does not show its score")
    max_score: float | None


class AttemptList(Output):
    attempts: list[AttemptSummary] = Field(description="newest first")


class Paragraph(Output):
    before: str
    highlight: str = Field(description="the source sentence")
    after: str


class Source(Output):
    quote: str
    document_title: str
    url: str = Field(description="the page showing the article at this sentence")
    paragraph: Paragraph | None


class Feedback(Output):
    result: Literal["right", "partly", "wrong", "awaiting"] | None = Field(
        description="null where the quiz's review settings hide which answers were right"
    )
    verdict: str | None = Field(description="the verdict and marks as the page words them; null where hidden")
    score: float | None = Field(description="marks earned; null where hidden")
    points: float | None = Field(description="marks available; null where hidden")
    awaiting_mark: bool = Field(description="the teacher has still to mark this answer")
    answer: str | None = Field(description="the correct answer; null where the settings hide answers")
    explanation: str | None
    sources: list[Source]


class ReviewedQuestion(Output):
    position: int
    number: int
    type: str
    prompt: str
    your_answer: str
    feedback: Feedback | None = Field(description="null where the settings allow nothing to be said about it")


class Counts(Output):
    right: int
    partly: int
    wrong: int
    awaiting: int


class AttemptReview(AttemptSummary):
    review_available: bool = Field(description="false while the attempt is open: submit it to see its review")
    closed_by_deadline: bool
    seconds_taken: float | None
    awaiting_marks: int | None = Field(description="answers still waiting for a mark; null where the score is hidden")
    counts: Counts | None = Field(description="null where the settings hide which answers were right")
    questions: list[ReviewedQuestion] = Field(description="empty while the attempt is open")


def summary(attempt: Attempt) -> AttemptSummary:
    shown = presenters.shows_score(attempt)
    return AttemptSummary(
        id=attempt.id,
        quiz_id=attempt.quiz_id,
        quiz_title=attempt.quiz.title,
        number=attempt.number,
        status=attempt.status,
        started_at=attempt.started_at,
        submitted_at=attempt.submitted_at,
        score=attempt.score if shown else None,
        max_score=attempt.max_score if shown else None,
    )


def feedback_out(feedback: presenters.Feedback | None) -> Feedback | None:
    if feedback is None:
        return None
    judged = feedback.judged
    return Feedback(
        result=feedback.kind if judged else None,  # type: ignore[arg-type]
        verdict=feedback.verdict if judged and not feedback.awaiting_mark else None,
        score=feedback.score if judged else None,
        points=feedback.points if judged else None,
        awaiting_mark=feedback.awaiting_mark,
        answer=feedback.key,
        explanation=feedback.explanation,
        sources=[
            Source(
                quote=s.quote,
                document_title=s.document_title,
                url=s.url,
                paragraph=Paragraph.model_validate(s.paragraph) if s.paragraph is not None else None,
            )
            for s in feedback.sources
        ],
    )


def review_out(attempt: Attempt, *, only_missed: bool) -> AttemptReview:
    base = summary(attempt).model_dump()
    if attempt.status == AttemptStatus.IN_PROGRESS:
        return AttemptReview(
            **base,
            review_available=False,
            closed_by_deadline=False,
            seconds_taken=None,
            awaiting_marks=None,
            counts=None,
            questions=[],
        )
    page = presenters.review_page(attempt, loading.load_answers(db.session, attempt), only_missed=only_missed)
    return AttemptReview(
        **base,
        review_available=True,
        closed_by_deadline=page.closed_by_deadline,
        seconds_taken=page.seconds_taken,
        awaiting_marks=page.awaiting_marks if page.show_score else None,
        counts=Counts(**{kind: page.count(kind) for kind in KINDS}) if page.judged else None,
        questions=[
            ReviewedQuestion(
                position=entry.position,
                number=entry.number,
                type=entry.type,
                prompt=entry.prompt,
                your_answer=entry.response,
                feedback=feedback_out(entry.feedback),
            )
            for entry in page.shown
        ],
    )


@api.operation("GET", V1 + "/me/attempts", tag="me", roles=STUDENT, query=AttemptQuery, response=AttemptList)
def my_attempts(query: AttemptQuery) -> AttemptList:
    """Your attempts, open and finished, newest first; scores only where the quiz shows them to you."""
    found = loading.attempts_of_student(db.session, current_user, limit=query.limit)
    return AttemptList(attempts=[summary(attempt) for attempt in found])


@api.operation(
    "GET",
    V1 + "/me/attempts/<id:attempt_id>",
    tag="me",
    roles=STUDENT,
    query=ReviewQuery,
    response=AttemptReview,
    writes=True,
)
def my_attempt(attempt_id: int, query: ReviewQuery) -> AttemptReview:
    """One of your attempts, with its review as the review page shows it under the quiz's review settings.

    An attempt whose deadline has passed is closed and graded first, as its page does. An open attempt has no
    review yet (nothing of its answers' keys is shown).
    """
    attempt = loading.attempt_of(db.session, attempt_id, current_user)
    submitting.close_if_overdue(db.session, attempt, now=utcnow())
    return review_out(attempt, only_missed=query.show == "missed")
