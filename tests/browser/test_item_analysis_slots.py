"""The item analysis of a quiz with a random rule, in Chromium on a desktop and a phone: slots, both figures, axe."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.history.test_random_slots import quiz_with_a_rule
from tests.support import TEST_PASSWORD


def test_random_slots_and_moodles_figures_on_the_page(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    with live_server.app.app_context():
        accounts.create_user(db.session, username="slotteacher", password=TEST_PASSWORD, role=Role.TEACHER)
        accounts.create_user(db.session, username="slotstudent", password=TEST_PASSWORD, role=Role.STUDENT)
        db.session.commit()
        quiz, _, _ = quiz_with_a_rule("slotteacher", "slotstudent")
        quiz_id = quiz.id
        db.session.remove()
    for width, height in ((1280, 900), (390, 844)):
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        log_in(page, live_server, "slotteacher")
        page.goto(f"{live_server.url}/manage/quizzes/{quiz_id}/analysis")
        expect(page.get_by_role("heading", name="Random slots")).to_be_visible()
        slots = page.get_by_role("region", name="Random slots")
        expect(slots.get_by_role("rowheader")).to_have_text(["1 random question, from “The Riverside Canal”: draw 1"])
        expect(page.get_by_role("columnheader", name="Moodle's index").first).to_be_visible()
        expect(page.get_by_text("Internal consistency over slots")).to_be_visible()
        axe.check(page)
        page.context.close()
    assert axe.problems == [], "\n".join(axe.problems)
