"""Personal API tokens: shown once, stored hashed; scope, expiry, revocation; the session cookie never counts."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.api import tokens
from quizapp.api.models import ApiToken
from quizapp.audit.models import AuditEvent
from quizapp.auth import session_limits
from quizapp.auth.models import User
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.api.conftest import bearer
from tests.support import csrf_token, login

QUESTION = {
    "type": "multiple_choice",
    "prompt": "Who planned the route of the Riverside Canal?",
    "options": ["Thomas Reed", "Margaret Hale", "John Brindley"],
    "answer": "Margaret Hale",
}


def user_named(name: str) -> User:
    user = db.session.scalar(select(User).where(User.username == name))
    assert user is not None
    return user


def test_a_token_is_stored_only_as_its_hash(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    new = tokens.create_token(db.session, user_named(users.teacher), name="script", write=True, days=7, now=utcnow())
    db.session.commit()
    assert re.fullmatch(r"qz_[0-9a-f]{10}_[A-Za-z0-9_-]{43}", new.token)
    row = db.session.scalar(select(ApiToken))
    assert row.token_hash == hashlib.sha256(new.token.encode()).hexdigest()
    stored = " ".join(str(value) for value in db.session.execute(select(ApiToken.__table__)).one())
    assert new.token not in stored
    assert new.token.split("_", 2)[2] not in stored
    assert db.session.scalar(select(AuditEvent.action)) == "api_token.create"


def test_a_student_token_only_reads_and_names_are_checked(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError, match="only read"):
        tokens.create_token(db.session, user_named(users.student), name="x", write=True, days=7, now=utcnow())
    with pytest.raises(DomainError, match="name"):
        tokens.create_token(db.session, user_named(users.teacher), name="  ", write=False, days=7, now=utcnow())
    with pytest.raises(DomainError, match="days"):
        tokens.create_token(db.session, user_named(users.teacher), name="x", write=False, days=366, now=utcnow())


def test_the_token_authenticates_and_a_read_token_cannot_write(app: Flask, users, make_token) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    reader = bearer(make_token(users.teacher, write=False))
    writer = bearer(make_token(users.teacher, write=True))
    assert client.get("/api/v1/me", headers=reader).get_json()["scopes"] == ["read"]
    refused = client.post("/api/v1/questions", json=QUESTION, headers=reader)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "insufficient_scope"
    assert client.get("/api/v1/questions?status=any", headers=writer).get_json()["questions"] == []
    made = client.post("/api/v1/questions", json=QUESTION, headers=writer)
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["status"] == "draft"


@pytest.mark.parametrize(
    "header",
    ["Bearer qz_0000000000_" + "A" * 43, "Bearer nonsense", "Basic dGVhY2g6eA==", "Bearer ", "qz_x_y"],
)
def test_a_wrong_token_is_a_json_401(app: Flask, users, header: str) -> None:  # type: ignore[no-untyped-def]
    response = app.test_client().get("/api/v1/questions", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_an_expired_token_stops_working(app: Flask, users, make_token) -> None:  # type: ignore[no-untyped-def]
    expired = bearer(make_token(users.teacher, days=1, age=timedelta(days=1, seconds=1)))
    response = app.test_client().get("/api/v1/me", headers=expired)
    assert response.status_code == 401
    assert "expired" in response.get_json()["error"]["message"]


def test_a_revoked_token_stops_working_at_once(app: Flask, users, make_token) -> None:  # type: ignore[no-untyped-def]
    token = make_token(users.teacher)
    client = app.test_client()
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 200
    row = db.session.scalar(select(ApiToken))
    tokens.revoke_token(db.session, user_named(users.teacher), row.id, utcnow())
    db.session.commit()
    assert client.get("/api/v1/me", headers=bearer(token)).status_code == 401


def test_a_disabled_account_s_token_stops_working(app: Flask, users, make_token) -> None:  # type: ignore[no-untyped-def]
    token = make_token(users.teacher)
    user_named(users.teacher).is_active_account = False
    db.session.commit()
    assert app.test_client().get("/api/v1/me", headers=bearer(token)).status_code == 401


def test_the_session_cookie_never_authenticates_the_api(teacher_client: FlaskClient) -> None:
    response = teacher_client.get("/api/v1/questions")
    assert response.status_code == 401
    assert response.is_json
    token = csrf_token(teacher_client, "/")
    posted = teacher_client.post("/api/v1/questions", json=QUESTION, headers={"X-CSRFToken": token})
    assert posted.status_code == 401


def test_no_api_answer_sets_a_cookie_or_touches_the_login(app: Flask, users, make_token, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    login(client, users.teacher)
    # A page request would now rewrite the cookie (its idle clock); an API request must leave it alone.
    monkeypatch.setattr(session_limits, "TOUCH_EVERY_S", -1)
    session_before = client.get_cookie("session").value
    headers = bearer(make_token(users.teacher))
    answers = [
        client.get("/api/v1/me", headers=headers),
        client.post("/api/v1/questions", json=QUESTION, headers=headers),
        client.get("/api/v1/nothing-here", headers=headers),
        client.get("/api/v1/questions"),
        client.get("/api/docs"),
        client.get("/api/openapi.json"),
    ]
    assert [response.status_code for response in answers] == [200, 201, 404, 401, 200, 200]
    for response in answers:
        assert "Set-Cookie" not in response.headers, response.request.path
    assert client.get_cookie("session").value == session_before
    assert "Set-Cookie" in client.get("/").headers  # the pages do touch it, so the check above can fail


def test_account_page_makes_a_token_shown_once_and_revokes_it(teacher_client: FlaskClient) -> None:
    page = teacher_client.get("/account/tokens/")
    assert page.status_code == 200
    token = csrf_token(teacher_client, "/account/tokens/")
    made = teacher_client.post(
        "/account/tokens/", data={"csrf_token": token, "name": "grading script", "write": "y", "days": "30"}
    )
    assert made.status_code == 200
    shown = re.search(rb'value="(qz_[0-9a-f]{10}_[A-Za-z0-9_-]{43})"', made.data)
    assert shown is not None
    secret = shown.group(1).decode()
    assert "Set-Cookie" not in made.headers or secret not in made.headers["Set-Cookie"]
    again = teacher_client.get("/account/tokens/")
    assert secret.encode() not in again.data  # shown once
    assert b"grading script" in again.data
    api = teacher_client.application.test_client()
    assert api.get("/api/v1/me", headers=bearer(secret)).get_json()["scopes"] == ["read", "write"]
    row = db.session.scalar(select(ApiToken))
    revoked = teacher_client.post(f"/account/tokens/{row.id}/revoke", data={"csrf_token": token})
    assert revoked.status_code == 302
    assert api.get("/api/v1/me", headers=bearer(secret)).status_code == 401


def test_another_users_token_cannot_be_revoked(app: Flask, users, make_token, teacher_client) -> None:  # type: ignore[no-untyped-def]
    other = make_token(users.other_teacher)
    row = db.session.scalar(select(ApiToken))
    token = csrf_token(teacher_client, "/account/tokens/")
    assert teacher_client.post(f"/account/tokens/{row.id}/revoke", data={"csrf_token": token}).status_code == 404
    assert app.test_client().get("/api/v1/me", headers=bearer(other)).status_code == 200


def test_a_student_makes_a_read_token_even_when_the_form_is_forged(student_client: FlaskClient) -> None:
    token = csrf_token(student_client, "/account/tokens/")
    page = student_client.get("/account/tokens/").get_data(as_text=True)
    assert "write scope" not in page
    made = student_client.post(
        "/account/tokens/", data={"csrf_token": token, "name": "my phone", "write": "y", "days": "7"}
    )
    assert made.status_code == 200
    assert db.session.scalar(select(ApiToken.scopes)) == "read"


def test_the_account_page_leads_to_the_tokens(student_client: FlaskClient) -> None:
    page = student_client.get("/account").get_data(as_text=True)
    assert 'href="/account/tokens/"' in page
    assert 'href="/api/docs"' in page
