"""Deny by default: every route of the app declares who may use it, and each rule holds for each role.

The walk is over ``app.url_map``, so routes added by later work are covered
without touching this file.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.routing import Rule

from quizapp import create_app
from quizapp.access import ANYONE, API_PREFIX, rule_for, undeclared_endpoints
from quizapp.api import tokens
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.support import app_config, login

ROLES_TO_TRY = (None, Role.STUDENT, Role.TEACHER, Role.ADMIN)
NUMBERS = ("int", "id", "index", None)  # URL converters that take a number (no converter: any text)


def placeholder_url(rule: Rule) -> str:
    """The rule's URL with every variable filled by a value that names no real object."""
    return re.sub(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", lambda m: "999999" if m.group(1) in NUMBERS else "x", rule.rule)


def app_rules(app: Flask) -> list[Rule]:
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint not in ("static", "bootstrap.static")]


def test_every_route_declares_an_access_rule(app: Flask) -> None:
    assert undeclared_endpoints(app) == []
    assert len(app_rules(app)) >= 6


def test_a_route_without_a_rule_is_found_and_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app(app_config(f"sqlite:///{tmp_path / 'x.sqlite'}"))

    @app.route("/forgotten")
    def forgotten() -> str:
        return "secret"

    assert undeclared_endpoints(app) == ["forgotten"]
    response = app.test_client().get("/forgotten")
    assert response.status_code == 403
    assert b"secret" not in response.data


def client_as(app: Flask, users, role: Role | None) -> FlaskClient:  # type: ignore[no-untyped-def]
    client = app.test_client()
    if role is not None:
        login(client, {Role.STUDENT: users.student, Role.TEACHER: users.teacher, Role.ADMIN: users.admin}[role])
    return client


def is_api(rule: Rule) -> bool:
    return rule.rule.startswith(API_PREFIX + "/")


def api_headers(users, role: Role | None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The API takes no session: a caller of a role sends a token of that role (with every scope)."""
    if role is None:
        return {}
    name = {Role.STUDENT: users.student, Role.TEACHER: users.teacher, Role.ADMIN: users.admin}[role]
    user = db.session.scalar(select(User).where(User.username == name))
    new = tokens.create_token(db.session, user, name="access", write=role != Role.STUDENT, days=1, now=utcnow())
    db.session.commit()
    return {"Authorization": f"Bearer {new.token}"}


@pytest.mark.parametrize("role", ROLES_TO_TRY, ids=lambda r: r.value if r else "anonymous")
def test_each_rule_holds_for_each_role(app: Flask, users, role: Role | None) -> None:  # type: ignore[no-untyped-def]
    client = client_as(app, users, role)
    token = api_headers(users, role)
    checked = 0
    for rule in app_rules(app):
        declared = rule_for(app, rule.endpoint)
        method = "GET" if "GET" in (rule.methods or ()) else sorted((rule.methods or set()) - {"OPTIONS", "HEAD"})[0]
        # CSRF would refuse a token-less POST before the role check; the role check must answer first.
        response = client.open(placeholder_url(rule), method=method, headers=token if is_api(rule) else {})
        where = f"{method} {rule.rule} as {role or 'anonymous'}"
        if is_api(rule) and declared != ANYONE:
            # Without a token: 401 in JSON (never a redirect to the login page); the wrong role: 403.
            expected_denial = 401 if role is None else 403
            if role is None or role not in declared:
                assert response.status_code == expected_denial, where
                assert response.is_json, where
            else:
                assert response.status_code not in (401, 403), where
        elif declared == ANYONE:
            assert response.status_code != 403, where
        elif role is None:
            assert response.status_code == 302, where
            assert "/login" in response.headers["Location"], where
        elif role in declared:
            assert response.status_code not in (403,), where
            assert "/login" not in response.headers.get("Location", ""), where
        else:
            assert response.status_code == 403, where
        checked += 1
    assert checked == len(app_rules(app))


@pytest.mark.parametrize("role", ROLES_TO_TRY, ids=lambda r: r.value if r else "anonymous")
def test_every_post_without_csrf_token_is_refused(app: Flask, users, role: Role | None) -> None:  # type: ignore[no-untyped-def]
    client = client_as(app, users, role)
    posted = 0
    for rule in app_rules(app):
        declared = rule_for(app, rule.endpoint)
        allowed = declared == ANYONE or (role is not None and role in declared)
        if "POST" not in (rule.methods or ()) or not allowed:
            continue
        response = client.post(placeholder_url(rule), data={"anything": "x"})
        if is_api(rule):
            # No CSRF token is needed there because the session cookie is not accepted at all: a 401.
            assert response.status_code == 401, f"POST {rule.rule} as {role or 'anonymous'} with only a session"
            continue
        assert response.status_code == 400, f"POST {rule.rule} as {role or 'anonymous'}"
        posted += 1
    assert posted >= 2
