"""Fixtures of the API tests: personal tokens for the test accounts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from flask import Flask
from schemathesis.config import SchemathesisConfig
from sqlalchemy import select

from quizapp.api import tokens
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.security.world import Party, World, world, world_app

__all__ = ["world", "world_app"]  # the security sweeps' world, for the API's sweeps and schemathesis

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


# Input the description refuses must be refused; a body over the size limit is refused with 413 (documented on
# every operation), which schemathesis does not count among refusals by default.
REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx"]
CONFIG = SchemathesisConfig.from_dict({"checks": {"negative_data_rejection": {"expected-statuses": REFUSALS}}})

# A path parameter's object in the security sweeps' world, where a party's ids name it otherwise.
WORLD_IDS = {"attempt_id": "submitted_attempt_id"}


def own_ids(party: Party, names: Iterable[str]) -> dict[str, int]:
    """The party's own object for each path parameter named."""
    return {name: party.ids[WORLD_IDS.get(name, name)] for name in names}


@dataclass
class Described:
    """The app's description loaded by schemathesis, and a teacher and a student of the world (with tokens)."""

    schema: Any
    teacher: Party
    student: Party

    def caller(self, method: str, path: str) -> Party:
        """The student for operations only students may call, else the teacher."""
        roles = self.schema.raw_schema["paths"][path][method.lower()].get("x-roles")
        return self.student if roles == [Role.STUDENT] else self.teacher


@pytest.fixture(scope="module")
def described(world_app: Flask, world: World) -> Described:
    """The description of the module's app, which holds the security sweeps' world: teacher A (a write token),
    student 1 (a read token) and their objects."""
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", world_app, config=CONFIG)
    return Described(schema, world["teacher_a"], world["student_1"])
