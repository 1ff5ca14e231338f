"""The review page in Chromium: a report's confirmation is brought into view and focused; the summary's links."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import LiveServer
from tests.browser.test_ordering import start_quiz
from tests.browser.test_taking_quizzes import press_on


def test_report_confirmation_in_view_and_focused_and_the_filter(page: Any, live_server: LiveServer) -> None:
    start_quiz(page, live_server, "report_kid", layout="all_on_one_page")
    press_on(page, page.get_by_role("button", name="Finish and submit…"), "Enter")
    page.wait_for_url("**/submit")
    press_on(page, page.get_by_role("button", name="Submit now"), "Enter")
    page.wait_for_url("**/review")
    last = page.locator("#q4")
    last.locator("summary").click()
    last.get_by_label("Tell your teacher more (optional)").fill("The years look wrong.")
    last.get_by_role("button", name="Send to the teacher").click()
    page.wait_for_url("**/review#q4-flag-result")
    result = page.locator("#q4-flag-result")
    expect(result).to_have_text("Thank you: your note on question 5 was sent to the teacher.")
    expect(result).to_be_focused()
    expect(result).to_be_in_viewport()
    # Nothing was answered: the filter keeps all five, and a summary link goes to its question.
    page.get_by_role("link", name="only the 5 not fully right").click()
    expect(page.locator("section.card[id^='q']")).to_have_count(5)
    page.get_by_role("link", name="Question 3: not right").click()
    expect(page.locator("#q2")).to_be_in_viewport()
