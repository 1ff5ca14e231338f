"""The audit log in Chromium: readable and accessible on a desktop and a phone, details opened without script."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from quizapp.audit.services import change, record
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import QUESTIONS, make_document, make_question
from tests.support import TEST_PASSWORD


def test_the_log_on_a_desktop_and_a_phone(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    with live_server.app.app_context():
        teacher = accounts.create_user(db.session, username="auditor", password=TEST_PASSWORD, role=Role.TEACHER)
        question = make_question(teacher, make_document(teacher), QUESTIONS[1])
        edit_question(db.session, question, teacher, {**QUESTIONS[1], "answer": False})
        record(db.session, teacher, "question.regrade", question, "Regraded it", {"changes": [
            {"attempt": 7, "student": "Zoë <b>bold</b>", "score": change(1.0, 0.0)},
        ]})  # fmt: skip
        db.session.commit()
        question_id = question.id
        db.session.remove()
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        log_in(page, live_server, "auditor")
        page.goto(f"{live_server.url}/bank/questions/{question_id}/edit")
        page.get_by_role("link", name="History").click()
        rows = page.locator("tbody tr")
        expect(rows).to_have_count(2)
        expect(rows.first).to_contain_text("Past attempts regraded")
        rows.first.get_by_text("Details").click()
        expect(rows.first.get_by_text("attempt: 7; student: Zoë <b>bold</b>; score: 1 → 0")).to_be_visible()
        expect(rows.nth(1)).to_contain_text("version")
        # On a phone the table scrolls inside its box; the page itself does not get wider than the screen.
        box = page.locator(".table-responsive").bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= width
        axe.check(page)
        context.close()
    assert axe.problems == [], "\n".join(axe.problems)
