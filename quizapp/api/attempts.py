"""For every signed-in user, read only: who the token belongs to, and their own finished attempts.

Scores appear only where the quiz shows them to students (``quizapp.history.student``), as on the history page;
no answer key is ever part of these answers.
"""

from __future__ import annotations

from datetime import datetime

from flask import g
from flask_login import current_user
from pydantic import Field

from quizapp.access import SIGNED_IN
from quizapp.api.blueprint import V1, api
from quizapp.api.schemas import Output
from quizapp.extensions import db
from quizapp.history import student
from quizapp.models import utcnow


class Me(Output):
    id: int
    username: str
    display_name: str
    role: str
    scopes: list[str] = Field(description="what the token used may do: read, and write")
    token_expires_at: datetime


class AttemptOut(Output):
    attempt_id: int
    quiz_id: int
    quiz_title: str
    number: int = Field(description="the student's attempt number at this quiz")
    status: str
    started_at: datetime
    submitted_at: datetime
    score: float | None = Field(description="null when the quiz does not show its score to students")
    max_score: float | None
    percent: float | None


class Mastery(Output):
    label: str
    share: float = Field(description="recency-weighted share of marks earned, 0 to 1")
    answers: int


class History(Output):
    attempts: list[AttemptOut] = Field(description="finished attempts, newest first")
    by_document: list[Mastery]
    by_tag: list[Mastery]


@api.operation("GET", V1 + "/me", tag="me", roles=SIGNED_IN, response=Me)
def who_am_i() -> Me:
    """The account and scopes of the token used."""
    token = g.api_token
    return Me(
        id=current_user.id,
        username=current_user.username,
        display_name=current_user.display_name,
        role=current_user.role,
        scopes=token.scope_list,
        token_expires_at=token.expires_at,
    )


@api.operation("GET", V1 + "/me/history", tag="me", roles=SIGNED_IN, response=History)
def my_history() -> History:
    """Your finished attempts and your mastery per document and tag, as on the My history page."""
    found = student.student_history(db.session, current_user.id, now=utcnow())
    return History(
        attempts=[
            AttemptOut(
                attempt_id=row.attempt_id,
                quiz_id=row.quiz_id,
                quiz_title=row.quiz_title,
                number=row.number,
                status=row.status,
                started_at=row.started_at,
                submitted_at=row.submitted_at,
                score=row.score,
                max_score=row.max_score,
                percent=row.percent,
            )
            for row in found.attempts
        ],
        by_document=[Mastery.model_validate(m) for m in found.by_document],
        by_tag=[Mastery.model_validate(m) for m in found.by_tag],
    )
