"""A student in Chromium: answers a quiz, submits, and three days later does a due-for-review session."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.auth.models import User
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.practice.models import ReviewCard
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_taking_quizzes import (
    SPEC,
    answer_with_keyboard,
    make_quiz,
    make_student,
    press_on,
    wait_for_questions,
    wait_saved,
)

PHONE = {"width": 390, "height": 844}


def live_forward(server: LiveServer, username: str, delta: timedelta) -> None:
    """Move the student's past back by ``delta``: for the app, ``delta`` has gone by since then."""
    with server.app.app_context():
        student_id = db.session.scalar(select(User.id).where(User.username == username))
        for attempt in db.session.scalars(select(Attempt).where(Attempt.student_id == student_id)):
            attempt.started_at -= delta
            attempt.submitted_at = attempt.submitted_at and attempt.submitted_at - delta
            for answer in attempt.answers:
                answer.saved_at = answer.saved_at and answer.saved_at - delta
                answer.graded_at = answer.graded_at and answer.graded_at - delta
        for card in db.session.scalars(select(ReviewCard).where(ReviewCard.student_id == student_id)):
            card.due -= delta
            card.last_review -= delta
        db.session.commit()
        db.session.remove()


def test_due_review_session_in_the_browser(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    from playwright.sync_api import expect

    make_student(live_server, "review_kid")
    quiz_id = make_quiz(live_server, "Canal for practice", mode="exam")
    log_in(page, live_server, "review_kid")

    # Take the quiz: the first two right, the other three left blank.
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    press_on(page, page.get_by_role("button", name="Start"), "Enter")
    page.wait_for_url("**/q/0")
    answer_with_keyboard(page, "multiple_choice")
    press_on(page, page.get_by_role("button", name="Next"), "Enter")
    page.wait_for_url("**/q/1")
    answer_with_keyboard(page, "true_false")
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    page.wait_for_url("**/review")
    expect(page.get_by_role("button", name="Retake my mistakes")).to_be_visible()
    axe.check(page)

    # Right after: five cards, none due yet, and the page says when.
    page.get_by_role("link", name="Practice", exact=True).click()
    page.wait_for_url("**/practice")
    expect(page.locator("#due-count")).to_have_text("0")
    expect(page.locator("#next-due")).to_contain_text("The next question is due on")
    axe.check(page)

    # Three days on, everything is due: the missed ones (due after a day) come first.
    live_forward(live_server, "review_kid", timedelta(days=3))
    page.goto(f"{live_server.url}/")
    expect(page.locator("#practice-due")).to_contain_text("5 questions are due for review")
    axe.check(page)
    page.get_by_role("link", name="Practise now").click()
    page.wait_for_url("**/practice")
    expect(page.locator("#due-count")).to_have_text("5")
    axe.check(page)
    press_on(page, page.get_by_role("button", name="Start review"), "Enter")
    wait_for_questions(page)
    assert page.locator("fieldset.question").count() == 5
    expect(page.get_by_role("heading", name="Due for review")).to_be_visible()
    expect(page.locator("#progress-text")).to_have_text("0 of 5 answered")

    # The first due question is the fill-in the student left blank: a wrong try, then the right answer.
    answer = page.get_by_label("Your answer to question")
    answer.focus()
    page.keyboard.type("seven years")
    wait_saved(page)
    press_on(page, page.locator("[data-check='0']"), "Enter")
    page.locator("#feedback-0").get_by_text("Not right yet.").wait_for()
    answer.fill("")
    answer.focus()
    page.keyboard.type(SPEC["fill_in"]["answer"][0])
    press_on(page, page.locator("[data-check='0']"), "Enter")
    page.locator("#feedback-0").get_by_text(SPEC["fill_in"]["explanation"]).wait_for()
    axe.check(page)
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    # A finished session says what comes next: the mistakes to retake now, when the next review is due.
    page.wait_for_url("**/practice/finished/*")
    expect(page.get_by_role("heading", name="What comes next")).to_be_visible()
    expect(page.locator("#next-mistakes")).to_contain_text("not fully right in this session")
    expect(page.locator("#next-review")).to_contain_text("The next question comes back for review on")
    axe.check(page, wcag22=True)
    press_on(page, page.get_by_role("link", name="See every answer"), "Enter")
    page.wait_for_url("**/review")
    expect(page.get_by_text("0.9").first).to_be_visible()  # right at the second try: a tenth off
    press_on(page, page.get_by_role("link", name="Back to practice"), "Enter")
    page.wait_for_url("**/practice")

    # The session updated the schedule: nothing due now; the fill-in, recalled with effort, waits longest.
    expect(page.locator("#due-count")).to_have_text("0")
    now = utcnow()
    with live_server.app.app_context():
        cards = db.session.scalars(
            select(ReviewCard).join(User, User.id == ReviewCard.student_id).where(User.username == "review_kid")
        ).all()
        assert len(cards) == 5
        reviewed = [c for c in cards if c.reps == 2]
        assert len(reviewed) == 5  # every question of the session, checked or not, was graded on submit
        by_prompt = {c.question.latest.prompt: c for c in cards}
        fill_in = by_prompt[SPEC["fill_in"]["prompt"]]
        untouched = by_prompt[SPEC["ordering"]["prompt"]]
        assert fill_in.due > now + timedelta(days=1)  # Hard after a miss: more than a day
        assert now < untouched.due <= now + timedelta(days=1, minutes=1)  # missed twice: tomorrow
        assert untouched.lapses == 1
        db.session.remove()
    axe.check(page)

    # The practice page at phone width.
    phone = page.context.browser.new_context(viewport=PHONE)
    small = phone.new_page()
    log_in(small, live_server, "review_kid")
    small.goto(f"{live_server.url}/practice")
    expect(small.get_by_role("heading", name="Practice what you forget")).to_be_visible()
    axe.check(small)
    phone.close()
    assert axe.problems == [], "\n".join(axe.problems)
