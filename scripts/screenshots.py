"""Photograph the pages students, teachers and admins see, at desktop (1280 px) and phone (390 px) width.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]     (default: test-artifacts/shots)

Builds a throwaway SQLite database with the tests' made-up canal article, serves the app on a free port in this
process, drives Debian's Chromium (/usr/bin/chromium) through Playwright, and saves full-page PNGs named
<page>-<width>.png, to be looked at by eye. Not a test: it asserts nothing beyond each page answering 200.
"""

from __future__ import annotations

import logging
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.auth import services as accounts  # noqa: E402
from quizapp.auth.roles import Role  # noqa: E402
from quizapp.bank.models import GenerationJob, QuestionFlag  # noqa: E402
from quizapp.extensions import db  # noqa: E402
from tests.factories import QUESTIONS, all_types_quiz, assign, class_with, user  # noqa: E402
from tests.support import TEST_PASSWORD, app_config, migrate_to_head  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip
WIDTHS = ((1280, 900), (390, 844))
ORDERING = next(n for n, spec in enumerate(QUESTIONS) if spec["type"] == "ordering")
MATCHING = next(n for n, spec in enumerate(QUESTIONS) if spec["type"] == "matching")
ARTICLE = (
    "The lighthouse at Carrow Point was lit in 1794 after six years of building.\n\n"
    "Its keeper, Agnes Trew, kept the lamp burning through the storm of 1811.\n\n"
    "In 1850 the Harbour Board took over the light, and a fog bell was added in 1862."
)


def build(app: Any) -> dict[str, Any]:
    """A teacher with a quiz of every type given to a class (25% extra time), an open student flag, two drafts, a
    running and a finished drafting job; a student and an admin."""
    with app.app_context():
        students = ["student", "student2", "forgetful", "leaver"]
        for name, role in [("teacher", Role.TEACHER), ("admin", Role.ADMIN)] + [(s, Role.STUDENT) for s in students]:
            accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=role)
        db.session.commit()
        quiz, questions = all_types_quiz(
            "teacher", title="The Riverside Canal", shuffle_questions=False, time_limit_minutes=20,
            closes_at=datetime.now(UTC).replace(microsecond=0) + timedelta(days=3), visibility="class",
        )  # fmt: skip
        school_class = class_with("teacher", students, extra_time=25, code="CANAL123")
        assign(quiz, school_class)
        _, drafts = all_types_quiz("teacher", title="Drafts", is_published=False)
        drafts[1].status = drafts[2].status = "draft"
        drafts[1].latest.confidence_reasons = ["the answer is a date", "a short sentence"]
        drafts[1].latest.checks = ["the answer is in its source sentence"]
        db.session.add(QuestionFlag(question_id=questions[0].id, user_id=user("student").id, kind="wrong",
                                    comment="The map in class says Hale only finished the route."))  # fmt: skip
        teacher = user("teacher")
        running = GenerationJob(owner_id=teacher.id, document_id=questions[0].document_id, status="running",
                                stage="parse", progress=0.4)  # fmt: skip
        done = GenerationJob(owner_id=teacher.id, document_id=questions[0].document_id, status="done",
                             stage="store", progress=1.0, questions_made=7, finished_at=datetime.now(UTC))  # fmt: skip
        db.session.add_all([running, done])
        db.session.commit()
        ids = {"quiz": quiz.id, "class": school_class.id, "running": running.id, "done": done.id}
        db.session.remove()
    return ids


@contextmanager
def served(app: Any) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def log_in(page: Page, url: str, username: str, password: str = TEST_PASSWORD) -> None:
    page.goto(url + "/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state("load")


class Camera:
    def __init__(self, out: Path, width: int) -> None:
        self.out, self.width = out, width
        self.taken: list[str] = []

    def shoot(self, page: Page, name: str, *, full_page: bool = True) -> None:
        page.wait_for_load_state("load")
        page.wait_for_timeout(250)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > self.width:
            print(f"  {name}-{self.width}: the page is {wide} px wide (scrolls sideways)")
        page.screenshot(path=str(self.out / f"{name}-{self.width}.png"), full_page=full_page)
        self.taken.append(f"{name}-{self.width}")

    def visit(self, page: Page, url: str, name: str) -> None:
        response = page.goto(url)
        if "#" in url:  # a hash alone loads nothing: the builder opens the step its address names on load
            response = page.reload()
        assert response is not None, url
        assert response.status == 200, (url, response.status)
        self.shoot(page, name)


def student_pages(browser: Any, url: str, ids: dict[str, Any], camera: Camera, height: int, run: int) -> None:
    """The student's home, the paged attempt (ordering with the numbers, matching), the result, review, practice."""
    context = browser.new_context(viewport={"width": camera.width, "height": height}, has_touch=camera.width < 500,
                                  timezone_id="Europe/Paris")  # fmt: skip
    page = context.new_page()
    log_in(page, url, "student" if run == 0 else "student2")
    camera.visit(page, url + "/", "student-home")
    page.goto(f"{url}/quizzes/{ids['quiz']}")
    camera.shoot(page, "quiz-page")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/q/0")
    attempt = page.url.rsplit("/q/", 1)[0]
    page.get_by_label(QUESTIONS[0]["answer"], exact=True).check()
    expect(page.locator("#save-status")).to_have_text("Saved")
    page.get_by_role("button", name="Flag to come back to").click()
    page.goto(f"{attempt}/q/{ORDERING}")
    page.wait_for_load_state("load")
    # Move the last item up one, by its button, so the order is the student's own.
    items = page.locator(f"ol[data-orderable='{ORDERING}'] > li")
    items.last.get_by_role("button", name=re.compile("^Move up: ")).click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    if camera.width < 500:
        page.locator("#navigator summary").click()  # folded on a phone: open it for the picture
    camera.shoot(page, "attempt-ordering")
    page.goto(f"{attempt}/q/{MATCHING}")
    page.wait_for_load_state("load")
    tiles = page.locator(".match-tile")
    if tiles.count():
        tiles.first.click()
        camera.shoot(page, "attempt-matching-picked")
        page.get_by_role("button", name=re.compile("^Pair here")).first.click()
        expect(page.locator("#save-status")).to_have_text("Saved")
    camera.shoot(page, "attempt-matching")
    page.goto(f"{attempt}/submit")
    camera.shoot(page, "submit")
    page.get_by_role("button", name="Submit now").click()
    page.wait_for_url("**/review*")
    camera.shoot(page, "result", full_page=False)  # what is seen first after submitting
    camera.shoot(page, "review")
    page.goto(f"{attempt}/review?show=missed")
    camera.shoot(page, "review-filtered")
    page.goto(f"{attempt}/review")
    page.get_by_role("button", name="Retake my mistakes").click()
    page.wait_for_selector("fieldset.question")
    page.wait_for_load_state("load")
    camera.shoot(page, "practice-attempt")
    practice = page.url.split("/q/")[0]
    page.goto(f"{practice}/submit")
    page.get_by_role("button", name="Submit now").click()
    page.wait_for_url("**/practice/finished/**")
    camera.shoot(page, "practice-finished")
    camera.visit(page, url + "/practice", "practice")
    context.close()


def teacher_pages(browser: Any, url: str, ids: dict[str, Any], camera: Camera, height: int) -> None:
    context = browser.new_context(viewport={"width": camera.width, "height": height}, timezone_id="America/New_York")
    page = context.new_page()
    log_in(page, url, "teacher")
    camera.visit(page, url + "/", "teacher-dashboard")
    camera.visit(page, url + "/bank/review?status=&flagged=1", "review-queue-flagged")
    page.goto(url + "/bank/review")
    page.locator("#select-all").check()
    camera.shoot(page, "review-queue-select-all")
    for step in ("settings", "questions", "picks"):
        camera.visit(page, f"{url}/manage/quizzes/{ids['quiz']}#{step}", f"builder-{step}")
    camera.visit(page, url + "/sources/new", "upload")
    page.get_by_label("Title for pasted text").fill(f"Carrow Point {camera.width}")
    page.get_by_label("…or paste the article's text").fill(ARTICLE.replace("1794", f"{1790 + camera.width % 7}"))
    # The busy state: upload.js shows it on submit; a listener added after it keeps the form from leaving, so the
    # page can be photographed while it counts (a held request blocks every look at the page).
    page.evaluate("() => document.getElementById('upload-form').addEventListener('submit', e => e.preventDefault())")
    page.get_by_role("button", name="Read it and draft questions").click()
    page.wait_for_timeout(1300)
    camera.shoot(page, "upload-working", full_page=False)
    # No submit event this time: straight to the server (the form's "submit" field hides form.submit).
    page.evaluate("() => HTMLFormElement.prototype.submit.call(document.getElementById('upload-form'))")
    page.wait_for_url("**/bank/review**", timeout=120_000)
    camera.shoot(page, "upload-done-inline")
    camera.visit(page, f"{url}/sources/jobs/{ids['running']}", "upload-job-working")
    camera.visit(page, f"{url}/sources/jobs/{ids['done']}", "upload-job-done")
    camera.visit(page, f"{url}/classes/{ids['class']}", "class")
    camera.visit(page, url + "/account", "account")
    context.close()


def admin_pages(browser: Any, url: str, camera: Camera, height: int, run: int) -> None:
    page = browser.new_context(viewport={"width": camera.width, "height": height}).new_page()
    log_in(page, url, "admin")
    camera.visit(page, url + "/admin/users", "admin-users")
    page.get_by_role("button", name="Temporary password for forgetful").click()
    page.wait_for_load_state("load")
    camera.shoot(page, "admin-temporary-password")
    page.goto(url + "/admin/users")
    page.get_by_role("button", name=re.compile("^(Disable|Enable) leaver$")).click()
    page.wait_for_load_state("load")
    camera.shoot(page, "admin-users-disabled" if run == 0 else "admin-users-enabled")
    page.context.close()


def visitor_pages(browser: Any, url: str, camera: Camera, height: int) -> None:
    page = browser.new_context(viewport={"width": camera.width, "height": height}).new_page()
    for name, path in (("landing", "/"), ("login", "/login"), ("password-reset-request", "/password/forgot"),
                       ("register", "/register")):  # fmt: skip
        camera.visit(page, url + path, name)
    page.context.close()


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "test-artifacts" / "shots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = f"sqlite:///{folder}/shots.sqlite"
        migrate_to_head(database)
        app = create_app(app_config(database, TESTING=False, MAIL_SERVER="127.0.0.1", MAIL_PORT=1))
        ids = build(app)
        with served(app) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            steps: list[Callable[[Camera, int, int], None]] = [
                lambda camera, height, run: visitor_pages(browser, url, camera, height),
                lambda camera, height, run: student_pages(browser, url, ids, camera, height, run),
                lambda camera, height, run: teacher_pages(browser, url, ids, camera, height),
                lambda camera, height, run: admin_pages(browser, url, camera, height, run),
            ]
            for run, (width, height) in enumerate(WIDTHS):
                camera = Camera(out, width)
                for step in steps:
                    step(camera, height, run)
                print(f"{width} px: {len(camera.taken)} pages -> {out}")
            browser.close()
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
