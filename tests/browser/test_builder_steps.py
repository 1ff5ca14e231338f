"""The quiz builder in Chromium: one step at a time, the chosen count and a rule's pool size live; axe (WCAG 2.2)."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import all_types_quiz
from tests.support import TEST_PASSWORD

# The builder was one page 3,600 px tall on a desktop and 6,400 on a phone; no step may be that any more.
TALLEST = {1280: 1600, 390: 3000}


def test_builder_steps_live_counts_and_pool(browser: Any, live_server: LiveServer, axe22: AxeChecker) -> None:
    with live_server.app.app_context():
        accounts.create_user(db.session, username="stepper", password=TEST_PASSWORD, role=Role.TEACHER)
        db.session.commit()
        quiz, questions = all_types_quiz("stepper", title="Step quiz", is_published=False)
        quiz_id, prompts = quiz.id, [question.latest.prompt for question in questions]
        first_type = questions[0].latest.type
        db.session.remove()
    heights = {}
    for width, height in ((1280, 900), (390, 844)):
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        log_in(page, live_server, "stepper")
        page.goto(f"{live_server.url}/manage/quizzes/{quiz_id}")
        expect(page.get_by_role("heading", name="2. Questions")).to_be_visible()
        expect(page.get_by_role("heading", name="1. Settings")).to_be_hidden()
        for step in ("1. Settings", "2. Questions", "3. Random picks"):
            page.get_by_role("link", name=step).click()
            expect(page.get_by_role("heading", name=step)).to_be_visible()
            heights[(width, step)] = page.evaluate("document.documentElement.scrollHeight")
            axe22.check(page)
        page.context.close()
    too_tall = {key: value for key, value in heights.items() if value > TALLEST[key[0]]}
    assert not too_tall, heights
    print("builder step heights:", heights)

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server, "stepper")
    page.goto(f"{live_server.url}/manage/quizzes/{quiz_id}#questions")
    count = page.locator("#chosen-count")
    expect(count).to_have_text(f"{len(prompts)} chosen")
    page.get_by_label(prompts[0], exact=False).first.uncheck()
    expect(count).to_have_text(f"{len(prompts) - 1} chosen")  # before saving

    page.get_by_role("button", name="Save the question list").click()  # the first question leaves the fixed list
    expect(page.get_by_text(f"The quiz has {len(prompts) - 1} fixed questions.")).to_be_visible()

    page.get_by_role("link", name="3. Random picks").click()
    status = page.locator("#rule-pool")
    page.get_by_label("Of type").select_option(first_type)
    page.get_by_label("How many").fill("1")
    expect(status).to_have_text("Its pool holds 1 question.")  # the one question not fixed, as typed
    page.get_by_label("How many").fill("3")
    expect(status).to_contain_text("asks for 3 questions but its pool holds 1 question")
    assert axe22.problems == [], "\n".join(axe22.problems)
    page.context.close()
