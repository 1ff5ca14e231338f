"""A teacher makes an API token in Chromium, sees it once, calls the API with it, revokes it; the docs page reads."""

from __future__ import annotations

from typing import Any

import requests
from playwright.sync_api import expect

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.support import TEST_PASSWORD


def test_make_use_and_revoke_a_token(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    with live_server.app.app_context():
        accounts.create_user(db.session, username="scripter", password=TEST_PASSWORD, role=Role.TEACHER)
        db.session.commit()
        db.session.remove()
    log_in(page, live_server, "scripter")
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("grading script")
    page.get_by_label("May also change things (write scope)").check()
    page.get_by_role("button", name="Create token").click()
    shown = page.get_by_label("The new token")
    expect(shown).to_be_visible()
    axe.check(page)
    token = shown.input_value()
    assert token.startswith("qz_")

    me = requests.get(f"{live_server.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert me.status_code == 200
    assert me.json()["scopes"] == ["read", "write"]
    assert "Set-Cookie" not in me.headers

    page.goto(f"{live_server.url}/account/tokens/")  # coming back shows the list, never the token again
    expect(page.get_by_label("The new token")).to_have_count(0)
    page.get_by_role("button", name="Revoke grading script").click()
    expect(page.get_by_text("revoked")).to_be_visible()
    gone = requests.get(f"{live_server.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert gone.status_code == 401

    page.goto(f"{live_server.url}/api/docs")
    expect(page.get_by_role("heading", name="quizapp API")).to_be_visible()
    expect(page.get_by_text("/questions/{question_id}/versions")).to_be_visible()
    axe.check(page)
