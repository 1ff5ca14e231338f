"""A teacher brings an article, reviews drafts with the keyboard, builds a quiz for a class; a student takes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.support import TEST_PASSWORD

ARTICLE = """The Building of the Harbour Railway

The Harbour Railway was opened in 1863 after six years of work. Its engineer, Edith Crane, planned the line from
Northwick to the docks at Saltmere. The railway carried coal, fish and timber for the merchants of the coast.

In 1871 the Northwick Company bought the railway for 90,000 pounds. The company built a new station at Saltmere in
1875, where ships could unload straight onto the trains. Passenger traffic grew until the tramway reached Northwick
in 1899.

After 1899 the tramway took most of the passengers. The railway closed to passengers in 1931, and the town of
Northwick bought the old line in 1968 to make a cycle path along the coast.
"""


def test_teacher_to_student(browser: Any, live_server: LiveServer, axe: AxeChecker, tmp_path: Path) -> None:
    with live_server.app.app_context():
        accounts.create_user(db.session, username="jteacher", password=TEST_PASSWORD, role=Role.TEACHER)
        accounts.create_user(db.session, username="jstudent", password=TEST_PASSWORD, role=Role.STUDENT)
        db.session.commit()
        db.session.remove()
    article = tmp_path / "harbour-railway.md"
    article.write_text(ARTICLE, encoding="utf-8")

    teacher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(teacher, live_server, "jteacher")
    teacher.goto(live_server.url + "/sources/new")
    axe.check(teacher)
    teacher.set_input_files("#file", str(article))
    teacher.get_by_role("button", name="Read it and draft questions").click()
    teacher.wait_for_url("**/bank/review?document=*")
    expect(teacher.get_by_text("draft questions are waiting for your review")).to_be_visible()
    axe.check(teacher)
    drafts = teacher.locator(".review-item").count()
    assert drafts >= 2

    # Keyboard review: j moves to the next draft, a approves it (the page reloads on the same filter).
    for _ in range(2):
        teacher.keyboard.press("j")
        with teacher.expect_navigation():
            teacher.keyboard.press("a")
    assert teacher.locator(".review-item").count() == drafts - 2

    teacher.get_by_role("link", name="Sources").click()
    teacher.get_by_role("link", name="The Building of the Harbour Railway").click()
    assert teacher.locator("mark").count() >= 1
    axe.check(teacher)

    teacher.goto(live_server.url + "/manage/quizzes/")
    axe.check(teacher)
    teacher.get_by_label("Title").fill("Harbour railway check")
    teacher.get_by_label("Mode").select_option("exam")
    teacher.get_by_role("button", name="Save settings").click()
    teacher.wait_for_url("**/manage/quizzes/*")
    for box in teacher.locator("input[name=question]").all():
        box.check()
    teacher.get_by_role("button", name="Save the question list").click()
    teacher.get_by_role("button", name="Publish").click()
    expect(teacher.get_by_text("Published").first).to_be_visible()
    axe.check(teacher)

    teacher.goto(live_server.url + "/classes/")
    teacher.get_by_label("Class name").fill("8C")
    teacher.get_by_role("button", name="Create class").click()
    teacher.wait_for_url("**/classes/*")
    code = teacher.locator("p.font-monospace").first.inner_text().strip()
    teacher.get_by_label("Quiz to assign").select_option(label="Harbour railway check")
    teacher.get_by_role("button", name="Assign to this class").click()
    axe.check(teacher)

    student = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True).new_page()
    log_in(student, live_server, "jstudent")
    student.goto(live_server.url + "/classes/join")
    student.get_by_label("Join code").fill(code.lower())
    student.get_by_role("button", name="Join class").click()
    student.get_by_role("link", name="Harbour railway check").click()
    student.get_by_role("button", name="Start").click()
    student.wait_for_url("**/q/*")
    axe.check(student)
    assert axe.problems == [], "\n".join(axe.problems)
