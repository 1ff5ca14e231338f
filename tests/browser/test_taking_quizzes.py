"""A student takes quizzes in Chromium with the keyboard only: every type, autosave, reload, submit, review, timeout."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import QUESTIONS, all_types_quiz
from tests.support import TEST_PASSWORD

SPEC = {spec["type"]: spec for spec in QUESTIONS}


def make_quiz(server: LiveServer, title: str, **settings: Any) -> int:
    with server.app.app_context():
        quiz, _ = all_types_quiz("btteacher", title=title, shuffle_questions=False, **settings)
        quiz_id = quiz.id
        db.session.remove()
    return quiz_id


def make_student(server: LiveServer, name: str) -> None:
    with server.app.app_context():
        accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=Role.STUDENT)
        db.session.commit()
        db.session.remove()


def wait_for_questions(page: Any) -> None:
    """The questions are on the page and its script has run: attempt.js comes last in the body, so a fieldset can
    be found before the autosave listeners exist, and keys typed then are never saved."""
    page.wait_for_selector("fieldset.question")
    page.wait_for_load_state("load")


def wait_saved(page: Any) -> None:

    # expect() polls without evaluating strings, which the page's Content-Security-Policy forbids.
    expect(page.locator("#save-status")).to_have_text("Saved")


def press_on(page: Any, locator: Any, key: str) -> None:
    locator.focus()
    page.keyboard.press(key)


def answer_with_keyboard(page: Any, qtype: str) -> None:
    """Answer the question on the page correctly, with the keyboard only."""
    spec = SPEC[qtype]
    if qtype == "multiple_choice":
        press_on(page, page.get_by_label(spec["answer"], exact=True), "Space")
    elif qtype == "true_false":
        press_on(page, page.get_by_label("True", exact=True), "Space")
    elif qtype == "fill_in":
        page.get_by_label("Your answer to question").focus()
        page.keyboard.type(spec["answer"][0])
        page.keyboard.press("Tab")
    elif qtype == "ordering":
        for rank, item in enumerate(spec["answer"], start=1):
            page.get_by_label(f"Position of: {item}").focus()
            page.keyboard.type(str(rank))
    elif qtype == "matching":
        for left, right in spec["answer"]:
            page.get_by_label(left, exact=True).focus()
            page.keyboard.type(right)
    wait_saved(page)


def test_exam_with_every_type_reload_submit_review(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    make_student(live_server, "exam_kid")
    quiz_id = make_quiz(live_server, "Exam: canal", mode="exam")
    log_in(page, live_server, "exam_kid")
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    axe.check(page, wcag22=True)
    press_on(page, page.get_by_role("button", name="Start"), "Enter")
    page.wait_for_url("**/q/0")
    order = [spec["type"] for spec in QUESTIONS]
    for index, qtype in enumerate(order):
        answer_with_keyboard(page, qtype)
        axe.check(page, wcag22=True)
        if index == 2:
            page.reload()  # mid-exam: everything typed so far is still there
            assert page.get_by_label("Your answer to question").input_value() == SPEC["fill_in"]["answer"][0]
            page.goto(f"{live_server.url}/quizzes/{quiz_id}")
            press_on(page, page.get_by_role("link", name="Resume attempt 1"), "Enter")
            page.wait_for_url("**/q/3")  # resumes at the first question without an answer
            page.get_by_role("button", name="Question 1, answered").focus()
            page.keyboard.press("Enter")
            page.wait_for_url("**/q/0")
            assert page.get_by_label(SPEC["multiple_choice"]["answer"], exact=True).is_checked()
            page.goto(page.url.rsplit("/", 1)[0] + f"/{index}")
        if index < len(order) - 1:
            press_on(page, page.get_by_role("button", name="Next"), "Enter")
            page.wait_for_url(f"**/q/{index + 1}")
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    expect(page.get_by_text("All 5 questions have an answer.")).to_be_visible()
    axe.check(page, wcag22=True)
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    page.wait_for_url("**/review")
    expect(page.get_by_text("5.0").first).to_be_visible()
    for spec in QUESTIONS:
        expect(page.get_by_text(spec["explanation"])).to_be_visible()
    axe.check(page, wcag22=True)
    page.get_by_role("link", name="Read it in “The Riverside Canal”").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/source/0#sentence")
    highlighted = page.locator("mark#sentence")
    assert highlighted.inner_text() == QUESTIONS[0]["quote"]
    axe.check(page, wcag22=True)
    assert axe.problems == [], "\n".join(axe.problems)


def test_practice_checks_answers_as_you_go(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    make_student(live_server, "practice_kid")
    quiz_id = make_quiz(live_server, "Practice: canal", mode="practice", layout="all_on_one_page")
    log_in(page, live_server, "practice_kid")
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    press_on(page, page.get_by_role("button", name="Start"), "Enter")
    wait_for_questions(page)
    assert page.locator("fieldset.question").count() == 5
    # A wrong try first: told so, without the answer.
    page.get_by_label("Your answer to question").focus()
    page.keyboard.type("seven years")
    wait_saved(page)
    press_on(page, page.locator("[data-check='2']"), "Enter")
    feedback = page.locator("#feedback-2")
    feedback.get_by_text("Not right yet.").wait_for()
    assert SPEC["fill_in"]["explanation"] not in page.content()
    axe.check(page, wcag22=True)
    page.get_by_label("Your answer to question").fill("")
    page.keyboard.type("nine years")
    press_on(page, page.locator("[data-check='2']"), "Enter")
    feedback.get_by_text(SPEC["fill_in"]["explanation"]).wait_for()
    assert page.get_by_label("Your answer to question").is_disabled()
    for qtype in ("multiple_choice", "true_false", "ordering", "matching"):
        answer_with_keyboard(page, qtype)
    axe.check(page, wcag22=True)
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    page.wait_for_url("**/review")
    expect(page.get_by_text("4.9").first).to_be_visible()  # one extra try on one question cost 10% of it
    assert axe.problems == [], "\n".join(axe.problems)


def test_countdown_reaching_zero_closes_the_attempt(page: Any, live_server: LiveServer) -> None:
    make_student(live_server, "late_kid")
    quiz_id = make_quiz(live_server, "Timed: canal", mode="exam", time_limit_minutes=30)
    log_in(page, live_server, "late_kid")
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    press_on(page, page.get_by_role("button", name="Start"), "Enter")
    page.wait_for_url("**/q/0")
    answer_with_keyboard(page, "multiple_choice")
    with live_server.app.app_context():
        attempt = db.session.scalar(select(Attempt).where(Attempt.quiz_id == quiz_id))
        attempt.deadline = utcnow() + timedelta(seconds=3)  # the last seconds of a long exam
        db.session.commit()
        attempt_id = attempt.id
        db.session.remove()
    page.reload()
    assert page.locator("#timer").inner_text().startswith("Time left: 0:0")
    page.wait_for_url("**/review", timeout=20_000)  # nobody pressed anything: the countdown submitted it
    with live_server.app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.status in ("submitted", "closed_overdue")
        assert attempt.score == 1
        db.session.remove()


def test_offline_answers_are_saved_as_soon_as_the_network_returns(page: Any, live_server: LiveServer) -> None:

    make_student(live_server, "offline_kid")
    quiz_id = make_quiz(live_server, "Exam: offline", mode="exam")
    log_in(page, live_server, "offline_kid")
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/q/0")
    page.context.set_offline(True)
    press_on(page, page.get_by_label(SPEC["multiple_choice"]["answer"], exact=True), "Space")
    status = page.locator("#save-status")
    expect(status).to_contain_text("Not saved")
    # Let a few retries fail so the backoff grows well past the wait below.
    page.wait_for_timeout(8000)
    page.context.set_offline(False)
    # Retries failed at about 0, 1, 3 and 7 s, the next is due near 15 s: the "online" event must retry at once.
    expect(status).to_have_text("Saved", timeout=3000)
    with live_server.app.app_context():
        attempt = db.session.scalars(select(Attempt).where(Attempt.quiz_id == quiz_id)).one()
        assert attempt.answers[0].response == SPEC["multiple_choice"]["answer"]
        db.session.remove()


def start_quiz_of(page: Any, server: LiveServer, student: str, specs: list[dict[str, Any]], **settings: Any) -> int:
    """A new student starts a new all-on-one-page quiz of questions made from ``specs``, in that order."""
    from tests.factories import make_document, make_question, user
    from tests.factories import make_quiz as quiz_with

    make_student(server, student)
    with server.app.app_context():
        teacher = user("btteacher")
        document = make_document(teacher)
        questions = [make_question(teacher, document, spec) for spec in specs]
        quiz = quiz_with(
            teacher,
            questions,
            title=f"Quiz of {student}",
            layout="all_on_one_page",
            shuffle_questions=False,
            **settings,
        )
        db.session.commit()
        quiz_id = quiz.id
        db.session.remove()
    log_in(page, server, student)
    page.goto(f"{server.url}/quizzes/{quiz_id}")
    press_on(page, page.get_by_role("button", name="Start"), "Enter")
    wait_for_questions(page)
    return int(quiz_id)


def test_choose_all_that_apply_and_a_matching_distractor(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    """Moodle's kinds in Chromium: tick two of four options (autosaved, kept across a reload), match around a
    distractor, check in practice, submit; the page never says how many options are right."""
    from tests.factories import MATCHING_WITH_DISTRACTOR, MULTIPLE_ANSWER

    start_quiz_of(page, live_server, "moodle_kid", [MULTIPLE_ANSWER, MATCHING_WITH_DISTRACTOR], mode="practice")
    expect(page.get_by_text("Select one or more")).to_be_visible()
    assert page.locator("input[type=checkbox]").count() == 4
    for option in ("Opened the canal", "Planned the route"):
        press_on(page, page.get_by_label(option, exact=True), "Space")
    wait_saved(page)
    page.reload()
    wait_for_questions(page)
    assert page.get_by_label("Opened the canal", exact=True).is_checked()
    assert page.get_by_label("Planned the route", exact=True).is_checked()
    assert not page.get_by_label("Bought the railway", exact=True).is_checked()
    press_on(page, page.locator("[data-check='0']"), "Enter")
    page.locator("#feedback-0").get_by_text(MULTIPLE_ANSWER["explanation"]).wait_for()
    # The matching question: the distractor is offered with the rest, and left unused.
    choices = page.get_by_label("1821", exact=True).locator("option").all_inner_texts()
    assert "the docks burned" in choices
    for left, right in MATCHING_WITH_DISTRACTOR["answer"]:
        page.get_by_label(left, exact=True).select_option(label=right)
    wait_saved(page)
    axe.check(page)
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    page.wait_for_url("**/review")
    expect(page.get_by_text("2.0").first).to_be_visible()
    assert axe.problems == [], "\n".join(axe.problems)
