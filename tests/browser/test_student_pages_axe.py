"""The student's pages with the WCAG 2.2 AA rules (target size included), at desktop and phone widths."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_taking_quizzes import make_quiz, make_student, wait_for_questions


def test_student_pages_pass_wcag22_axe(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    make_student(live_server, "axe_kid")
    exam = make_quiz(live_server, "Exam: axe", mode="exam", time_limit_minutes=30)
    practice = make_quiz(live_server, "Practice: axe", mode="practice", layout="all_on_one_page")
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server, "axe_kid")
    page.goto(f"{live_server.url}/quizzes/{exam}")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/q/0")
    attempt_url = page.url.rsplit("/q/", 1)[0]
    page.get_by_role("button", name="Flag to come back to").click()
    page.goto(f"{attempt_url}/submit")
    page.get_by_role("button", name="Submit now").click()
    page.wait_for_url("**/review")
    page.goto(f"{live_server.url}/quizzes/{practice}")
    page.get_by_role("button", name="Start").click()
    wait_for_questions(page)
    practice_url = page.url
    page.context.close()

    paths = [
        "/", f"/quizzes/{exam}", f"{attempt_url}/review", f"{attempt_url}/review?show=missed",
        f"/practice/finished/{attempt_url.rsplit('/', 1)[1]}", practice_url, f"{practice_url}/submit", "/practice",
        "/history",
    ]  # fmt: skip
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=width < 500)
        page = context.new_page()
        log_in(page, live_server, "axe_kid")
        for path in paths:
            response = page.goto(path if path.startswith("http") else live_server.url + path)
            assert response is not None
            assert response.status == 200, path
            axe.check(page, wcag22=True)
        context.close()
    assert axe.problems == [], "\n".join(axe.problems)
    assert len(axe.checked) == 2 * len(paths)
