"""Every API operation, driven by schemathesis from the app's own OpenAPI description, in process.

Property-based: inputs generated from the description, valid ones (positive) and ones it refuses (negative);
each answer must be documented (status, content type, body shape), never a 500, and refused input must get a
4xx. Run on SQLite and PostgreSQL, with a few examples per operation so the run stays well under a minute.

The database holds the security sweeps' world (tests/security/world.py), and about half the valid examples of an
operation that takes ids name the caller's own objects in its path (the student's, for operations only students
may call): random ids alone only ever met a 404, so the success answers of 31 of the 41 operations were never
checked against their description. Those random input still seldom reaches are in test_described_answers.py.

(schemathesis' own pytest loader, ``schemathesis.pytest.from_fixture``, fails under pytest 9, so the
operations are parametrized here and each drives hypothesis itself.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from quizapp import create_app
from tests.api.conftest import Described, bearer, own_ids
from tests.support import app_config

EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 5}
# Reading a pasted article of up to 500,000 characters is the slow part of an upload: fewer of those.
FEWER = {("POST", "/documents"): 3}


def described_operations() -> list[tuple[str, str]]:
    """(method, path) of every operation the app describes (the description needs no database)."""
    app = create_app(app_config("sqlite://"))
    spec = app.test_client().get("/api/openapi.json").get_json()
    return [(method.upper(), path) for path, item in spec["paths"].items() for method in item]


OPERATIONS = described_operations()


@pytest.mark.parametrize("mode", list(EXAMPLES), ids=str)
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_operation_answers_as_described(
    described: Described, method: str, path: str, mode: GenerationMode
) -> None:
    caller = described.caller(method, path)
    auth = bearer(caller.values["api_token"])
    operation = described.schema[path][method]
    examples = min(EXAMPLES[mode], FEWER.get((method, path), EXAMPLES[mode]))
    own = st.booleans() if mode is GenerationMode.POSITIVE else st.just(False)

    @given(case=operation.as_strategy(generation_mode=mode), own=own)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case, own: bool) -> None:  # type: ignore[no-untyped-def]
        if own and case.path_parameters:
            case.path_parameters = own_ids(caller, case.path_parameters)
        # A schema-valid body can still break a rule of the bank (the key must be one of the options): a 400 then.
        case.call_and_validate(
            headers={**(case.headers or {}), **auth}, excluded_checks=[schemathesis.checks.positive_data_acceptance]
        )

    check()
