"""Every API operation, driven by schemathesis from the app's own OpenAPI description, in process.

Property-based: inputs generated from the description, valid ones (positive) and ones it refuses (negative);
each answer must be documented (status, content type, body shape), never a 500, and refused input must get a
4xx. Run on SQLite and PostgreSQL, with a few examples per operation so the run stays well under a minute.

(schemathesis' own pytest loader, ``schemathesis.pytest.from_fixture``, fails under pytest 9, so the
operations are parametrized here and each drives hypothesis itself.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from quizapp import create_app
from quizapp.api import tokens
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.api.conftest import bearer
from tests.conftest import app_on
from tests.support import TEST_PASSWORD, app_config

EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 5}
# Reading a pasted article of up to 500,000 characters is the slow part of an upload: fewer of those.
FEWER = {("POST", "/documents"): 3}


def described_operations() -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """(method, path) of every operation the app describes (the description needs no database), and those only
    students may call (driven with a student's token, so that they answer more than 403)."""
    app = create_app(app_config("sqlite://"))
    spec = app.test_client().get("/api/openapi.json").get_json()
    operations = [(method.upper(), path, op) for path, item in spec["paths"].items() for method, op in item.items()]
    students_only = {(method, path) for method, path, op in operations if op.get("x-roles") == [Role.STUDENT]}
    return [(method, path) for method, path, _ in operations], students_only


OPERATIONS, STUDENTS_ONLY = described_operations()


@pytest.fixture(scope="module")
def described(database_url: str) -> Iterator[tuple[Any, dict[str, str], dict[str, str]]]:
    """One app per database for the module: its loaded description, a teacher's write token and a student's."""
    with app_on(database_url) as app:
        teacher = accounts.create_user(db.session, username="teach", password=TEST_PASSWORD, role=Role.TEACHER)
        student = accounts.create_user(db.session, username="stu", password=TEST_PASSWORD, role=Role.STUDENT)
        token = tokens.create_token(db.session, teacher, name="schemathesis", write=True, days=1, now=utcnow()).token
        reader = tokens.create_token(db.session, student, name="schemathesis", write=False, days=1, now=utcnow()).token
        db.session.commit()
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", app), bearer(token), bearer(reader)


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=str)
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_answers_as_described(
    described: tuple[Any, dict[str, str], dict[str, str]], method: str, path: str, mode: GenerationMode
) -> None:
    schema, teacher, student = described
    auth = student if (method, path) in STUDENTS_ONLY else teacher
    operation = schema[path][method]
    examples = min(EXAMPLES[mode], FEWER.get((method, path), EXAMPLES[mode]))

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case) -> None:  # type: ignore[no-untyped-def]
        # A schema-valid body can still break a rule of the bank (the key must be one of the options): a 400 then.
        case.call_and_validate(
            headers={**(case.headers or {}), **auth}, excluded_checks=[schemathesis.checks.positive_data_acceptance]
        )

    check()
