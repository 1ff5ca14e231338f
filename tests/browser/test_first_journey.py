"""A new student registers, logs out, logs in again and sees the dashboard; every page passes axe."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import AxeChecker, LiveServer
from tests.support import TEST_PASSWORD


def log_in(page: Any, server: LiveServer, username: str, password: str = TEST_PASSWORD) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_register_logout_login_dashboard(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    page.goto(live_server.url + "/")
    axe.check(page)
    page.get_by_role("link", name="Register as a student").first.click()
    axe.check(page)

    # A mistake first: the form says what is wrong and keeps what was typed.
    page.get_by_label("Username").fill("journey_kid")
    page.get_by_label("Your name").fill("Journey Kid")
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_label("Repeat the password").fill("not the same")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("The two passwords differ.")).to_be_visible()
    assert page.get_by_label("Username").input_value() == "journey_kid"
    axe.check(page)

    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    page.get_by_label("Repeat the password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Hello, Journey Kid")).to_be_visible()
    axe.check(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()

    log_in(page, live_server, "journey_kid", "wrong password")
    expect(page.get_by_text("Unknown username or wrong password.")).to_be_visible()
    axe.check(page)

    log_in(page, live_server, "journey_kid")
    expect(page.get_by_role("heading", name="Hello, Journey Kid")).to_be_visible()
    expect(page.get_by_text("Quizzes open to you")).to_be_visible()

    page.goto(live_server.url + "/account/password")
    axe.check(page)
    page.goto(live_server.url + "/admin/users")
    expect(page.get_by_text("Not allowed")).to_be_visible()
    axe.check(page)

    assert axe.problems == [], "\n".join(axe.problems)
    assert len(axe.checked) == 7


def test_admin_pages_on_a_phone(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        log_in(page, live_server, live_server.staff["admin"])
        page.goto(live_server.url + "/admin/users")
        expect(page.get_by_role("heading", name="Users")).to_be_visible()
        # The menu folds behind a toggle on a narrow screen and still opens.
        page.get_by_role("button", name="Toggle navigation").click()
        expect(page.get_by_role("link", name="Dashboard")).to_be_visible()
        # No horizontal scrolling of the whole page on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        axe.check(page)
        page.goto(live_server.url + "/no-such-page")
        expect(page.get_by_role("heading", name="Not found")).to_be_visible()
        axe.check(page)
    finally:
        context.close()
    assert axe.problems == [], "\n".join(axe.problems)
