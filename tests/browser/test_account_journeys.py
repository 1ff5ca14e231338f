"""In Chromium: a forgotten password (by the admin, by mail), an article brought in twice, and quiz times typed
by a teacher whose browser is in New York. axe with the WCAG 2.2 rules checks each page on the way."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect
from sqlalchemy import func, select

from quizapp.auth import services as accounts
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from quizapp.sources.models import SourceDocument
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.support import TEST_PASSWORD

NEW_PASSWORD = "lantern orchard tuesday"


def make_user(server: LiveServer, username: str, role: Role, email: str | None = None) -> None:
    with server.app.app_context():
        user = accounts.create_user(db.session, username=username, password=TEST_PASSWORD, role=role)
        user.email = email
        db.session.commit()
        db.session.remove()


def read(server: LiveServer, query: Any) -> Any:
    with server.app.app_context():
        try:
            return db.session.scalar(query)
        finally:
            db.session.remove()


def test_an_admin_gives_a_temporary_password_and_the_student_chooses_their_own(
    browser: Any, live_server: LiveServer, axe22: AxeChecker
) -> None:
    make_user(live_server, "forgetful", Role.STUDENT)
    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(admin, live_server, live_server.staff["admin"])
    admin.goto(live_server.url + "/admin/users")
    axe22.check(admin)
    admin.get_by_role("button", name="Temporary password for forgetful").click()
    expect(admin.get_by_role("heading", name=re.compile("Temporary password for"))).to_be_visible()
    axe22.check(admin)
    temporary = admin.locator("#temporary-password").inner_text().strip()
    assert re.fullmatch(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}", temporary)

    student = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    log_in(student, live_server, "forgetful", temporary)
    expect(student.get_by_text("You logged in with a temporary password")).to_be_visible()
    axe22.check(student)
    student.goto(live_server.url + "/history")  # every page leads back here until the password is changed
    expect(student.get_by_role("heading", name="Change your password")).to_be_visible()
    student.get_by_label("Current password").fill(temporary)
    student.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    student.get_by_label("Repeat the password").fill(NEW_PASSWORD)
    student.get_by_role("button", name="Change password").click()
    expect(student.get_by_text("Your password is changed.")).to_be_visible()
    student.goto(live_server.url + "/history")
    expect(student.get_by_role("heading", name="Change your password")).to_have_count(0)
    assert axe22.problems == [], "\n".join(axe22.problems)
    admin.context.close()
    student.context.close()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def mail(live_server: LiveServer) -> Iterator[Inbox]:
    """A real SMTP server on this machine, and the live app sending to it (only during this test)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    live_server.app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    try:
        yield inbox
    finally:
        live_server.app.config.update(MAIL_SERVER=None)
        controller.stop()


def test_forgot_password_by_mail(browser: Any, live_server: LiveServer, mail: Inbox, axe22: AxeChecker) -> None:
    make_user(live_server, "mailkid", Role.STUDENT, email="mailkid@school.example")
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(live_server.url + "/login")
    page.get_by_role("link", name="Forgot your password?").click()
    axe22.check(page)
    page.get_by_label("Your username or email address").fill("MailKid@school.example")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_text("a link to set a new password is on its way")).to_be_visible()
    assert len(mail.messages) == 1
    body = message_from_bytes(mail.messages[0]).get_payload(decode=True).decode()
    link = re.search(r"http://127\.0\.0\.1:\d+/password/reset\?token=\S+", body).group(0)  # type: ignore[union-attr]

    page.goto(link)
    axe22.check(page)
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Repeat the password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set the new password").click()
    expect(page.get_by_text("Your new password is set")).to_be_visible()
    log_in(page, live_server, "mailkid", NEW_PASSWORD)
    expect(page.get_by_role("heading", name=re.compile("Hello"))).to_be_visible()
    page.goto(link)  # once only
    expect(page.get_by_text("This link is not valid any more")).to_be_visible()
    assert axe22.problems == [], "\n".join(axe22.problems)
    page.context.close()


ARTICLE = """The Lighthouse at Carrow Point

The lighthouse at Carrow Point was lit for the first time in 1847. Its builder, Agnes Morrow, chose granite from the
quarry at Pellan. Keepers lived in the tower until the light was automated in 1962.

In 1881 a storm broke the lantern glass, and the harbour board paid 4,000 pounds for a new lens from Paris.
"""


def test_an_article_brought_in_twice_asks_first(
    browser: Any, live_server: LiveServer, axe22: AxeChecker, tmp_path: Path
) -> None:
    make_user(live_server, "dupteacher", Role.TEACHER)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server, "dupteacher")
    page.goto(live_server.url + "/sources/new")
    page.get_by_label("Title for pasted text").fill("The Lighthouse at Carrow Point")
    page.get_by_label("…or paste the article's text").fill(ARTICLE.split("\n", 2)[2])
    page.get_by_role("button", name="Read it and draft questions").click()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()

    copy = tmp_path / "carrow-point.txt"  # the same article, saved as a file, spaced and punctuated otherwise
    copy.write_text(ARTICLE.replace("\n\n", "\n\n\n").replace(", ", " , "), encoding="utf-8")
    page.goto(live_server.url + "/sources/new")
    page.get_by_label("A file (.txt, .md, .html, .pdf or .docx)").set_input_files(str(copy))
    page.get_by_role("button", name="Read it and draft questions").click()
    expect(page.get_by_role("heading", name="Already in your sources")).to_be_visible()
    axe22.check(page)
    # This teacher's documents: the live server's database is shared by every browser test of the run.
    mine = SourceDocument.owner_id == select(User.id).where(User.username == "dupteacher").scalar_subquery()
    count = select(func.count()).select_from(SourceDocument).where(mine)
    assert read(live_server, count) == 1
    first_id = read(live_server, select(SourceDocument.id).where(mine))
    assert page.get_by_role("link", name="Open it").get_attribute("href") == f"/sources/{first_id}"
    page.get_by_role("button", name="Upload anyway").click()
    expect(page.get_by_role("heading", name=re.compile("Review queue|Drafting"))).to_be_visible()
    assert read(live_server, count) == 2
    assert axe22.problems == [], "\n".join(axe22.problems)
    page.context.close()


def test_quiz_times_typed_in_new_york_are_stored_in_utc(
    browser: Any, live_server: LiveServer, axe22: AxeChecker
) -> None:
    make_user(live_server, "nyteacher", Role.TEACHER)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="America/New_York")
    page = context.new_page()
    log_in(page, live_server, "nyteacher")  # the login form carries the browser's zone
    assert read(live_server, select(User.time_zone).where(User.username == "nyteacher")) == "America/New_York"

    page.goto(live_server.url + "/manage/quizzes/")
    page.get_by_label("Title").fill("Evening quiz")
    page.get_by_label(re.compile(r"Opens \(America/New_York time")).fill("2026-12-10T20:00")
    page.get_by_label(re.compile(r"Closes \(America/New_York time")).fill("2026-12-10T23:30")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Quiz created")).to_be_visible()
    axe22.check(page)
    stored = read(live_server, select(Quiz.opens_at).where(Quiz.title == "Evening quiz"))
    assert stored.astimezone(UTC) == datetime(2026, 12, 11, 1, 0, tzinfo=UTC)  # the next day in UTC
    assert page.get_by_label(re.compile(r"Opens \(America/New_York")).input_value() == "2026-12-10T20:00"
    assert axe22.problems == [], "\n".join(axe22.problems)
    context.close()
