"""Times in the reader's own zone: written in UTC by the server, shown locally by the page's script."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_first_journey import log_in
from tests.browser.test_taking_quizzes import make_quiz, make_student


def test_a_due_time_is_shown_in_the_browsers_zone_with_utc_kept(browser: Any, live_server: LiveServer) -> None:
    make_student(live_server, "zone_kid")
    quiz_id = make_quiz(live_server, "Exam: zones", mode="exam")
    due = datetime(datetime.now(UTC).year + 1, 1, 15, 23, 30, tzinfo=UTC)  # 00:30 the next day in Paris
    with live_server.app.app_context():
        db.session.get(Quiz, quiz_id).closes_at = due
        db.session.commit()
        db.session.remove()
    for zone, shown in (("Europe/Paris", "Jan 16"), ("America/New_York", "Jan 15")):
        context = browser.new_context(timezone_id=zone, locale="en-US")
        page = context.new_page()
        log_in(page, live_server, "zone_kid")
        page.goto(f"{live_server.url}/quizzes/{quiz_id}")
        element = page.locator(f"time[datetime='{due:%Y-%m-%dT%H:%M:%SZ}']")
        expect(element).to_contain_text(shown)
        expect(element).to_contain_text("12:30 AM" if zone == "Europe/Paris" else "06:30 PM")
        expect(element).not_to_contain_text("UTC")
        expect(element).to_have_attribute("title", f"{due:%d %B %Y, %H:%M} UTC")  # the server's text, kept
        context.close()
    # Without script the same element reads in UTC.
    context = browser.new_context(java_script_enabled=False, timezone_id="Europe/Paris")
    page = context.new_page()
    log_in(page, live_server, "zone_kid")
    page.goto(f"{live_server.url}/quizzes/{quiz_id}")
    expect(page.locator("time[data-local]").first).to_have_text(f"{due:%d %B %Y, %H:%M} UTC")
    context.close()


def test_a_refused_start_says_when_the_quiz_opens_in_the_readers_zone(browser: Any, live_server: LiveServer) -> None:
    """The quiz page was loaded while open; the teacher then moved the opening to later: Start is refused with the
    new opening time in the reader's zone (desktop and phone, photographed)."""
    make_student(live_server, "refused_kid")
    quiz_id = make_quiz(live_server, "Exam: moved", mode="exam")
    opens = datetime(datetime.now(UTC).year + 1, 1, 15, 23, 30, tzinfo=UTC)  # 00:30 on the 16th in Paris
    stamp = f"{opens:%Y-%m-%dT%H:%M:%SZ}"
    ARTIFACTS.joinpath("screens").mkdir(parents=True, exist_ok=True)
    for width, height, name in ((1280, 900, "desktop"), (390, 844, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height}, timezone_id="Europe/Paris")
        page = context.new_page()
        log_in(page, live_server, "refused_kid")
        page.goto(f"{live_server.url}/quizzes/{quiz_id}")
        with live_server.app.app_context():
            db.session.get(Quiz, quiz_id).opens_at = opens
            db.session.commit()
            db.session.remove()
        page.get_by_role("button", name="Start").click()
        refusal = page.locator("p.lead", has=page.locator(f"time[datetime='{stamp}']"))
        expect(refusal).to_contain_text("This quiz opens on")
        expect(refusal).to_contain_text("Jan 16")
        expect(refusal).to_contain_text("12:30 AM")
        expect(refusal).not_to_contain_text("UTC")
        page.screenshot(path=str(ARTIFACTS / "screens" / f"refused-start-{name}.png"))
        page.goto(f"{live_server.url}/quizzes/{quiz_id}")  # the quiz page says the same, without a Start button
        expect(page.get_by_role("status")).to_contain_text("This quiz opens on")
        expect(page.get_by_role("status").locator(f"time[datetime='{stamp}']")).to_contain_text("12:30 AM")
        page.screenshot(path=str(ARTIFACTS / "screens" / f"quiz-not-open-{name}.png"))
        context.close()
        with live_server.app.app_context():
            db.session.get(Quiz, quiz_id).opens_at = None
            db.session.commit()
            db.session.remove()
