"""The attempt page puts the question first: a skip link to it, the question numbers after it (folded on a
phone), each number saying answered or not in words, a tick and a colour, updated as answers are saved."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_ordering import start_quiz
from tests.browser.test_taking_quizzes import SPEC, make_student, press_on, wait_for_questions, wait_saved
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user


def test_question_first_skip_link_and_navigator_state(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    start_quiz(page, live_server, "nav_kid")
    page.wait_for_url("**/q/0")
    # The first Tab stop is the skip link; it lands on the question, and the next Tab is the first answer.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to the question")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("fieldset.question input").first).to_be_focused()
    # The question comes before the numbers in reading order.
    order = page.locator("fieldset.question, nav[aria-label='Questions']")
    assert order.first.evaluate("el => el.tagName") == "FIELDSET"
    expect(page.locator("#navigator")).to_have_attribute("open", "")  # a wide screen shows every number
    press_on(page, page.get_by_label(SPEC["multiple_choice"]["answer"], exact=True), "Space")
    wait_saved(page)
    # Saved: the number says so at once, in words, a tick, and the summary line.
    expect(page.locator("#nav-summary")).to_have_text("1 of 5 answered, 4 not yet")
    expect(page.get_by_role("button", name="Question 1, answered")).to_contain_text("✓")
    expect(page.get_by_role("button", name="Question 2, not answered")).not_to_contain_text("✓")
    # Flag the question to come back to: pressed in place, and its number says so. The note saying it is flagged
    # shows only then (a Bootstrap display class once outweighed its hidden attribute: it showed on every question).
    note = page.locator("[data-later-note='0']")
    expect(note).to_be_hidden()
    press_on(page, page.get_by_role("button", name="Flag to come back to"), "Enter")
    expect(note).to_be_visible()
    expect(page.get_by_role("button", name="Flag to come back to")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Question 1, answered, flagged to come back to")).to_contain_text("⚑")
    expect(page.locator("#navigator summary")).to_contain_text("⚑ 1 flagged")
    axe.check(page, wcag22=True)
    assert axe.problems == [], "\n".join(axe.problems)


def test_on_a_phone_the_numbers_fold_away(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    page = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True).new_page()
    try:
        start_quiz(page, live_server, "nav_phone")
        page.wait_for_url("**/q/0")
        navigator = page.locator("#navigator")
        expect(navigator).not_to_have_attribute("open", "")
        expect(page.get_by_role("button", name="Question 3, not answered")).to_be_hidden()
        navigator.locator("summary").click()  # one tap opens them
        page.get_by_role("button", name="Question 3, not answered").click()
        page.wait_for_url("**/q/2")
        axe.check(page, wcag22=True)
        assert axe.problems == [], "\n".join(axe.problems)
    finally:
        page.context.close()


def test_on_a_27_question_page_the_first_answer_is_a_few_tabs_away(page: Any, live_server: LiveServer) -> None:
    with live_server.app.app_context():
        teacher = user("btteacher")
        document = make_document(teacher)
        questions = [make_question(teacher, document, QUESTIONS[n % len(QUESTIONS)]) for n in range(27)]
        quiz_id = make_quiz(teacher, questions, title="Long exam", shuffle_questions=False).id
        db.session.commit()
        db.session.remove()
    make_student(live_server, "tab_kid")
    log_in(page, live_server, "tab_kid")
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/q/0")
    wait_for_questions(page)
    presses = 0
    while not page.evaluate("() => Boolean(document.activeElement.closest('fieldset.question'))"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 36, "the first answer is as far as it was before the question came first"
    print(f"\nTab presses to the first answer of a 27-question page, without the skip link: {presses}")
    # The skip link, the main menu's links, then the question (was 36: the 27 numbers came first).
    menu = page.locator('nav[aria-label="Main"]').locator("a:visible, button:visible").count()
    assert presses <= menu + 2, f"{presses} presses to the first answer past a menu of {menu}"


def test_all_on_one_page_flags_in_place_and_the_numbers_link_to_questions(
    page: Any, live_server: LiveServer, axe: AxeChecker
) -> None:
    start_quiz(page, live_server, "one_page_flagger", layout="all_on_one_page")
    page.evaluate("() => { window.notReloaded = true; }")
    third = page.locator("#q2")
    flag = third.get_by_role("button", name="Flag to come back to")
    press_on(page, flag, "Enter")
    expect(flag).to_have_attribute("aria-pressed", "true")
    expect(third.get_by_text("Press again to remove the flag.")).to_be_visible()
    number = page.get_by_role("link", name="Question 3, not answered, flagged to come back to")
    expect(number).to_contain_text("⚑")
    expect(page.locator("#navigator summary")).to_contain_text("⚑ 1 flagged")
    assert page.evaluate("() => window.notReloaded") is True  # flagged without leaving the page
    # An answer saved later keeps the flag in the number's words.
    third.get_by_label("Your answer to question").fill("nine years")
    wait_saved(page)
    expect(page.get_by_role("link", name="Question 3, answered, flagged to come back to")).to_be_visible()
    axe.check(page, wcag22=True)
    page.reload()  # kept on the server
    wait_for_questions(page)
    expect(page.locator("#q2").get_by_role("button", name="Flag to come back to")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.get_by_role("link", name="Question 3, answered, flagged to come back to").click()
    assert page.url.endswith("#q2")
    press_on(page, page.locator("#q2").get_by_role("button", name="Flag to come back to"), "Space")  # off again
    expect(page.locator("#navigator summary")).not_to_contain_text("flagged")
    expect(page.get_by_role("link", name="Question 3, answered")).not_to_contain_text("⚑")
    assert axe.problems == [], "\n".join(axe.problems)


def test_all_on_one_page_flags_without_script(browser: Any, live_server: LiveServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        start_quiz(page, live_server, "one_page_no_script", layout="all_on_one_page")
        page.locator("#q1").get_by_role("button", name="Flag to come back to").click()  # posts the whole form
        page.wait_for_url("**#q1")
        expect(page.locator("#q1").get_by_role("button", name="Flag to come back to")).to_have_attribute(
            "aria-pressed", "true"
        )
        expect(page.get_by_role("link", name="Question 2, not answered, flagged to come back to")).to_be_visible()
        expect(page.locator("#navigator summary")).to_contain_text("⚑ 1 flagged")
    finally:
        context.close()
