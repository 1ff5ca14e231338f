"""Fixtures of the API tests: personal tokens for the test accounts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from quizapp.api import tokens
from quizapp.auth.models import User
from quizapp.extensions import db
from quizapp.models import utcnow

MakeToken = Callable[..., str]


@pytest.fixture
def make_token(app: Flask, users) -> MakeToken:  # type: ignore[no-untyped-def]
    """make_token(username, write=True, days=30, age=timedelta(0)) -> the token (made ``age`` ago)."""

    def make(username: str, *, write: bool = True, days: int = 30, age: timedelta = timedelta(0)) -> str:
        user = db.session.scalar(select(User).where(User.username == username))
        assert user is not None
        new = tokens.create_token(db.session, user, name="tests", write=write, days=days, now=utcnow() - age)
        db.session.commit()
        return new.token

    return make


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def teacher_headers(make_token: MakeToken, users) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return bearer(make_token(users.teacher))


@pytest.fixture
def student_headers(make_token: MakeToken, users) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return bearer(make_token(users.student, write=False))
