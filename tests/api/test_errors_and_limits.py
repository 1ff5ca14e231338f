"""Under /api every error is JSON of one shape, and each token has its own rate limit."""

from __future__ import annotations

import io

from flask import Flask

from quizapp.access import ANYONE, allow
from tests.api.conftest import bearer
from tests.auth.test_rate_limits import redis_limited_app


def assert_error(response, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    assert body["error"]["code"] == code


def test_errors_are_json_never_a_page(app: Flask, users, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert_error(client.get("/api/v1/nothing", headers=teacher_headers), 404, "not_found")
    assert_error(client.get("/api/v1/questions/0", headers=teacher_headers), 404, "not_found")
    assert_error(client.get("/api/v1/questions/99999", headers=teacher_headers), 404, "not_found")
    assert_error(client.delete("/api/v1/questions", headers=teacher_headers), 405, "method_not_allowed")
    assert_error(client.post("/api/v1/quizzes", data="{", headers=teacher_headers, content_type="application/json"),
                 400, "bad_request")  # fmt: skip
    assert_error(client.post("/api/v1/quizzes", data="title=x", headers=teacher_headers), 415, "unsupported_media_type")
    invalid = client.post("/api/v1/quizzes", json={"title": "", "mode": "exam", "surprise": 1}, headers=teacher_headers)
    assert_error(invalid, 422, "invalid")
    assert set(invalid.get_json()["error"]["fields"]) == {"title", "surprise"}
    assert_error(client.post("/api/v1/quizzes", json={"title": "T", "attempts_allowed": "3"}, headers=teacher_headers),
                 422, "invalid")  # fmt: skip  # strict: a string is no number
    assert_error(client.get("/api/v1/questions?statuss=any", headers=teacher_headers), 422, "invalid")
    refused = client.post("/api/v1/quizzes", json={"title": "T", "penalty_percent": 5}, headers=teacher_headers)
    assert refused.status_code == 201  # and a rule of the service is a 4xx with its message:
    quiz_id = refused.get_json()["id"]
    assert_error(client.post(f"/api/v1/quizzes/{quiz_id}/publish", headers=teacher_headers), 400, "bad_request")


def test_a_student_token_is_refused_staff_operations(app: Flask, users, student_headers) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    assert_error(client.get("/api/v1/questions", headers=student_headers), 403, "forbidden")
    assert client.get("/api/v1/me/history", headers=student_headers).get_json()["attempts"] == []


def test_a_body_too_large_is_a_json_413(app: Flask, users, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = app.test_client().post(
        "/api/v1/quizzes", data=b"x" * 5000, content_type="application/json", headers=teacher_headers
    )
    assert_error(response, 413, "too_large")


def test_each_token_has_its_own_rate_limit(app: Flask, database_url: str, users, make_token) -> None:  # type: ignore[no-untyped-def]
    limited = redis_limited_app(database_url, RATELIMIT_API="3/hour")
    client = limited.test_client()
    first, second = bearer(make_token(users.teacher)), bearer(make_token(users.teacher))
    assert [client.get("/api/v1/me", headers=first).status_code for _ in range(3)] == [200, 200, 200]
    assert_error(client.get("/api/v1/me", headers=first), 429, "rate_limited")
    assert client.get("/api/v1/me", headers=second).status_code == 200


def test_an_unexpected_error_is_a_json_500_under_api_and_a_page_elsewhere(app: Flask) -> None:
    def boom() -> str:
        raise RuntimeError("bug")

    app.add_url_rule("/api/v1/boom", "api_boom", allow(ANYONE)(boom))
    app.add_url_rule("/boom", "page_boom", allow(ANYONE)(boom))
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    assert_error(client.get("/api/v1/boom"), 500, "server_error")
    page = client.get("/boom")
    assert page.status_code == 500
    assert page.mimetype == "text/html"


def test_an_upload_without_its_file_or_with_unknown_fields_is_refused(app: Flask, users, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    no_file = client.post(
        "/api/v1/documents",
        data={"text": "The canal opened in 1761."},
        headers=teacher_headers,
        content_type="multipart/form-data",
    )
    assert_error(no_file, 422, "invalid")
    assert no_file.get_json()["error"]["fields"] == {"file": "missing"}
    extra = client.post(
        "/api/v1/documents",
        data={"file": (io.BytesIO(b"The canal opened in 1761."), "canal.txt"), "colour": "red"},
        headers=teacher_headers,
    )
    assert_error(extra, 422, "invalid")
    made = client.post(
        "/api/v1/documents",
        data={"file": (io.BytesIO(b"The Canal\\n\\nThe canal opened in 1761."), "canal.txt")},
        headers=teacher_headers,
    )
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["created"] is True


def test_a_422_names_the_fields_as_the_caller_wrote_them(app: Flask, users, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    """A value that may take several forms (a status or "any"; an answer that is true/false, text or a list) was
    reported under pydantic's name of each form it tried (``status.literal['any']``), not under the field."""
    client = app.test_client()
    status = client.get("/api/v1/questions?status=retried", headers=teacher_headers)
    assert_error(status, 422, "invalid")
    assert list(status.get_json()["error"]["fields"]) == ["status"]
    assert "'any'" in status.get_json()["error"]["fields"]["status"]
    question = {"type": "multiple_choice", "prompt": "Who?", "options": ["A", "B", ""], "answer": {"x": 1}}
    body = client.post("/api/v1/questions", json=question, headers=teacher_headers)
    assert_error(body, 422, "invalid")
    assert sorted(body.get_json()["error"]["fields"]) == ["answer", "options.2"]
