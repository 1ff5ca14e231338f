"""A teacher imports a Moodle short answer with partial credit and a name, edits it, and a student earns half marks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect
from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.bank.models import Question
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_taking_quizzes import make_student, press_on, wait_saved
from tests.factories import make_quiz, user
from tests.support import TEST_PASSWORD

GIFT = """// A Moodle export
::Canal years::The Riverside Canal opened in 1821 after _____ of work.{
    =nine years#Right.
    =%50%ten years#Close.
    =%0%*#No.
}

::Stray:: A brace { too many {T}
"""


def test_partial_credit_from_import_to_the_students_score(
    browser: Any, live_server: LiveServer, axe: AxeChecker, tmp_path: Path
) -> None:
    make_student(live_server, "sa_student")
    with live_server.app.app_context():
        accounts.create_user(db.session, username="sa_teacher", password=TEST_PASSWORD, role=Role.TEACHER)
        db.session.commit()
    (tmp_path / "canal.gift").write_text(GIFT, encoding="utf-8")
    teacher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(teacher, live_server, "sa_teacher")
    teacher.goto(live_server.url + "/bank/import")
    teacher.set_input_files("#file", str(tmp_path / "canal.gift"))
    teacher.get_by_role("button", name="Import as drafts").click()
    expect(teacher.get_by_text("1 question imported as drafts.")).to_be_visible()
    expect(teacher.get_by_text("line 8 \"Stray\": a second '{' inside an answer block", exact=False)).to_be_visible()
    axe.check(teacher)

    teacher.goto(live_server.url + "/bank/review")
    item = teacher.locator(".review-item").first
    expect(item.locator(".question-name")).to_have_text("Canal years")
    expect(item.get_by_text("nine years / ten years (50%) / * (0%)")).to_be_visible()
    item.get_by_role("link", name="Edit").click()
    teacher.wait_for_url("**/edit")
    expect(teacher.get_by_label("Answer", exact=True)).to_have_value("nine years\n%50% ten years\n%0% *")
    expect(teacher.get_by_label("Fill in: case matters")).not_to_be_checked()
    teacher.get_by_label("Name (optional)").fill("Years of digging")
    axe.check(teacher)
    teacher.get_by_role("button", name="Save and approve").click()
    expect(teacher.get_by_text("Saved as version 2.")).to_be_visible()
    expect(teacher.get_by_role("heading", name="Question")).to_contain_text("Years of digging")
    with live_server.app.app_context():
        question = db.session.scalars(select(Question).where(Question.owner_id == user("sa_teacher").id)).one()
        assert (question.status, question.latest.name) == ("approved", "Years of digging")
        quiz_id = make_quiz(user("sa_teacher"), [question], title="Canal years").id
        db.session.commit()
        db.session.remove()

    student = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(student, live_server, "sa_student")
    student.goto(f"{live_server.url}/quizzes/{quiz_id}")
    press_on(student, student.get_by_role("button", name="Start"), "Enter")
    student.wait_for_url("**/q/0")
    student.get_by_label("Your answer to question").focus()
    student.keyboard.type("Ten years")
    student.keyboard.press("Tab")
    wait_saved(student)
    press_on(student, student.get_by_role("button", name="Finish and submit…"), "Enter")
    student.wait_for_url("**/submit")
    press_on(student, student.get_by_role("button", name="Submit now"), "Enter")
    student.wait_for_url("**/review")
    axe.check(student)
    with live_server.app.app_context():
        attempt = db.session.scalars(select(Attempt).where(Attempt.student_id == user("sa_student").id)).one()
        assert (attempt.score, attempt.max_score) == (0.5, 1.0)
        db.session.remove()
    expect(student.get_by_text("ten years (50%)", exact=False).first).to_be_visible()
    assert axe.problems == [], "\n".join(axe.problems)
