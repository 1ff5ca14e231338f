"""A valid request to each operation that random input seldom gets right succeeds, and its answer is as described.

schemathesis (test_schemathesis.py) checks every answer it meets against the description, but its random bodies
seldom keep a rule of the bank (the key among the options), name the caller's own objects, or hold a file the
importer reads: without these, the success answers of these operations were checked nowhere. Each is a case
made with schemathesis from the loaded description, sent in process and validated (status documented, content
type, body shape, no 500), in a fresh world per database so that the property test's deletions do not reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.api.conftest import Described, bearer, own_ids
from tests.security.world import Party

QUESTION = {
    "type": "multiple_choice",
    "prompt": "Who planned the route of the Riverside Canal?",
    "options": ["Thomas Reed", "Margaret Hale", "John Brindley"],
    "answer": "Margaret Hale",
}
GIFT = "::Canal:: The Riverside Canal opened in 1761. {T}\n"
ARTICLE = {"title": "The Riverside Canal", "text": "The Riverside Canal\n\nThe canal opened in 1761 after six years."}
# Valid requests that random input seldom makes (a body that keeps a rule of the bank, one naming the caller's
# objects, a file in a format the importer reads): (path parameters, body) of the caller's own.
VALID_REQUESTS: dict[tuple[str, str], Callable[[Party], tuple[dict[str, int], dict[str, Any]]]] = {
    ("POST", "/documents"): lambda me: ({}, ARTICLE),
    ("POST", "/questions"): lambda me: ({}, {**QUESTION, "document_id": me.ids["document_id"]}),
    ("POST", "/questions/import"): lambda me: ({}, {"text": GIFT, "format": "gift"}),
    ("POST", "/questions/{question_id}/versions"): lambda me: (own_ids(me, ["question_id"]), QUESTION),
    ("POST", "/quizzes/{quiz_id}/publish"): lambda me: ({"quiz_id": me.ids["spare_quiz_id"]}, {}),
    ("POST", "/classes/{class_id}/quizzes"): lambda me: (
        own_ids(me, ["class_id"]),
        {"quiz_id": me.ids["spare_quiz_id"]},
    ),
    ("PATCH", "/classes/{class_id}/members/{member_id}"): lambda me: (
        own_ids(me, ["class_id", "member_id"]),
        {"extra_time_percent": 25},
    ),
}


@pytest.mark.parametrize(("method", "path"), list(VALID_REQUESTS), ids=[f"{m} {p}" for m, p in VALID_REQUESTS])
def test_a_valid_request_succeeds_as_described(described: Described, method: str, path: str) -> None:
    caller = described.caller(method, path)
    path_parameters, body = VALID_REQUESTS[(method, path)](caller)
    case = described.schema[path][method].Case(
        path_parameters=path_parameters, body=body, media_type="application/json"
    )
    response = case.call_and_validate(headers=bearer(caller.values["api_token"]))
    assert 200 <= response.status_code < 300, response.text
