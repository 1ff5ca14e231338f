"""In Chromium: a student's chart and table after three attempts; a teacher's gradebook, item analysis and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.history.stats import MIN_ATTEMPTS_FOR_STATISTICS
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import all_types_quiz, assign, class_with, finished_attempt, user
from tests.support import TEST_PASSWORD


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_student_history_and_teacher_analytics(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    now = datetime.now(UTC)
    with live_server.app.app_context():
        accounts.create_user(db.session, username="histteach", password=TEST_PASSWORD, role=Role.TEACHER)
        accounts.create_user(db.session, username="histstu", password=TEST_PASSWORD, display_name="Hanna History")
        for i in range(MIN_ATTEMPTS_FOR_STATISTICS):
            accounts.create_user(db.session, username=f"histpeer{i}", password=TEST_PASSWORD)
        db.session.commit()
        quiz, _ = all_types_quiz("histteach", title="History journey quiz")
        school_class = class_with("histteach", ["histstu"] + [f"histpeer{i}" for i in range(10)], code="HISTJRNY")
        assign(quiz, school_class)
        for day, scores in enumerate(([1, 0, 0, 0, 0], [1, 1, 1, 0, 0], [1, 1, 1, 1, 0])):
            finished_attempt(
                quiz,
                user("histstu"),
                scores,
                submitted_at=now - timedelta(days=3 - day),
                responses=["Margaret Hale", True, None, None, None],
            )
        for i in range(MIN_ATTEMPTS_FOR_STATISTICS):
            finished_attempt(
                quiz,
                user(f"histpeer{i}"),
                [1, i % 2, i % 3 > 0, 0, i % 2],
                submitted_at=now - timedelta(hours=i),
                responses=["Margaret Hale", False, None, None, None],
            )
        db.session.commit()
        class_id, quiz_id = school_class.id, quiz.id
        db.session.remove()

    # The student, on a phone: chart with one dot per attempt, and the same figures in the table.
    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    log_in(phone, live_server, "histstu")
    phone.goto(live_server.url + "/history")
    chart = phone.locator("figure.history-chart svg")
    expect(chart).to_be_visible()
    expect(chart.locator("circle")).to_have_count(3)
    rows = phone.locator("table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("80%")
    expect(rows.last).to_contain_text("20%")
    expect(phone.get_by_role("heading", name="Mastery")).to_be_visible()
    axe.check(phone)
    phone.context.close()

    # The teacher: gradebook, the student's page, item analysis, CSV export.
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server, "histteach")
    page.goto(f"{live_server.url}/classes/{class_id}")
    page.get_by_role("link", name="Gradebook").click()
    expect(page.get_by_role("heading", name="Gradebook: 7B")).to_be_visible()
    expect(page.get_by_role("row", name="Hanna History")).to_contain_text("80%")
    axe.check(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    exported = read_csv(download_info.value.path())
    assert exported[0][0] == "student"
    assert any(row[0] == "Hanna History" and row[2] == "80.0" for row in exported[1:])

    page.get_by_role("link", name="Hanna History").click()
    expect(page.locator("figure.history-chart svg circle")).to_have_count(3)
    axe.check(page)
    # One attempt from that page: every answer with the key and its mark.
    page.locator("table a[href^='/manage/attempts/']").first.click()
    expect(page.get_by_role("heading", name="Hanna History")).to_be_visible()
    expect(page.locator("table tbody tr")).to_have_count(5)
    axe.check(page)
    page.go_back()

    page.goto(f"{live_server.url}/manage/quizzes/{quiz_id}/analysis")
    expect(page.get_by_text("Coefficient of internal consistency")).to_be_visible()
    expect(page.locator("table tbody tr")).to_have_count(5)
    axe.check(page)
    with page.expect_download() as analysis_download:
        page.get_by_role("link", name="Export CSV").click()
    analysis_rows = read_csv(analysis_download.value.path())
    assert len(analysis_rows) == 6

    page.goto(f"{live_server.url}/manage/quizzes/{quiz_id}/results")
    expect(page.locator("figure.history-chart svg")).to_be_visible()
    axe.check(page)
    page.context.close()
    assert axe.problems == [], "\n".join(axe.problems)
