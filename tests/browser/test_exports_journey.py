"""A teacher exports the bank as QTI 2.1 and a quiz as an Anki deck; another teacher imports the package."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import all_types_quiz
from tests.support import TEST_PASSWORD


def test_export_from_the_bank_and_a_quiz_then_import_elsewhere(
    browser: Any, live_server: LiveServer, axe: AxeChecker, tmp_path: Path
) -> None:
    with live_server.app.app_context():
        for name in ("xteacher", "yteacher"):
            accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=Role.TEACHER)
        db.session.commit()
        quiz, questions = all_types_quiz("xteacher", title="Canal exports")
        quiz_id, prompts = quiz.id, [q.latest.prompt for q in questions]
        db.session.remove()

    page = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True).new_page()
    log_in(page, live_server, "xteacher")
    page.goto(live_server.url + "/bank/review?status=approved")
    page.get_by_role("link", name="Canvas, QTI 2.1, Anki…").click()
    expect(page.get_by_role("heading", name="What each question type becomes")).to_be_visible()
    expect(page.get_by_text("Classic Quizzes has no ordering type")).to_be_visible()
    axe.check(page)
    with page.expect_download() as package_info:
        page.get_by_role("link", name="QTI 2.1").click()
    package = package_info.value
    assert package.suggested_filename == "questions.qti21.zip"
    saved = tmp_path / package.suggested_filename
    package.save_as(saved)

    page.goto(f"{live_server.url}/manage/quizzes/{quiz_id}")
    with page.expect_download() as deck_info:
        page.get_by_role("link", name="Anki deck").click()
    deck = tmp_path / "quiz.apkg"
    deck_info.value.save_as(deck)
    with zipfile.ZipFile(deck) as archive:
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        fronts = [row[0].split("\x1f")[0] for row in collection.execute("SELECT flds FROM notes ORDER BY id")]
    assert [prompt in front for prompt, front in zip(prompts, fronts, strict=True)] == [True] * len(prompts)
    page.context.close()

    other = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(other, live_server, "yteacher")
    other.goto(live_server.url + "/bank/import")
    other.set_input_files("input[type=file]", str(saved))
    other.get_by_role("button", name="Import as drafts").click()
    expect(other.get_by_text(f"Imported {len(prompts)} questions as drafts")).to_be_visible()
    axe.check(other)
    other.goto(live_server.url + "/bank/review")
    for prompt in prompts:
        expect(other.get_by_text(prompt, exact=False).first).to_be_visible()
    other.context.close()
    assert axe.problems == [], "\n".join(axe.problems)
