"""Two pages seen on their screenshots: the Users page at desktop and phone width (every control whole and on
screen, the admin's menu on one line) and the upload page's busy state from the first second."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import expect

from quizapp.auth.roles import Role
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_account_journeys import make_user
from tests.browser.test_first_journey import log_in
from tests.factories import ARTICLE


def test_the_users_page_keeps_every_control_whole_and_on_screen(
    browser: Any, live_server: LiveServer, axe22: AxeChecker
) -> None:
    make_user(live_server, "fitstudent", Role.STUDENT)
    for width, height in ((1280, 900), (390, 844)):
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        log_in(page, live_server, live_server.staff["admin"])
        page.goto(live_server.url + "/admin/users")
        if width > 1200:  # ten links and the account: one line ("Audit log", "Log out" were broken over two)
            assert page.locator("nav.navbar").bounding_box()["height"] < 70
        role = page.get_by_label("Role of fitstudent")
        assert role.bounding_box()["width"] >= 110  # "Student" whole, not "Stu"
        for name in ("Temporary password for fitstudent", "Disable fitstudent"):
            box = page.get_by_role("button", name=name).bounding_box()
            assert box["x"] >= 0
            assert box["x"] + box["width"] <= width, (width, name, box)  # no sideways scrolling to reach it
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        axe22.check(page)
        page.context.close()
    assert axe22.problems == [], "\n".join(axe22.problems)


def test_the_upload_page_says_it_is_working_from_the_first_second(page: Any, live_server: LiveServer) -> None:
    make_user(live_server, "busyteacher", Role.TEACHER)
    log_in(page, live_server, "busyteacher")
    page.goto(live_server.url + "/sources/new")
    page.get_by_label("Title for pasted text").fill("The Busy Canal")
    page.get_by_label("…or paste the article's text").fill(ARTICLE.replace("Riverside", "Busy"))
    held: list[Any] = []  # the upload is held back, as a slow server would, while the page is looked at
    page.route(
        re.compile(r".*/sources/new$"), lambda route: held.append(route), times=1
    )  # the POST: the page was loaded before
    expect(page.locator("#upload-busy")).to_be_hidden()
    # While the form is on its way nothing can be asked of the page; it writes what it shows, 0.2 s and 1.3 s after
    # the press, into sessionStorage, which outlives the navigation.
    page.evaluate("""() => document.getElementById("upload-form").addEventListener("submit", () => {
        const seen = [];
        const look = () => {
            const busy = document.getElementById("upload-busy");
            seen.push({shown: getComputedStyle(busy).display !== "none", text: busy.innerText,
                       seconds: document.getElementById("upload-seconds").textContent,
                       disabled: document.querySelector("#upload-form [type=submit]").disabled});
            sessionStorage.setItem("upload-seen", JSON.stringify(seen));
        };
        setTimeout(look, 200);
        setTimeout(look, 1300);
    })""")
    page.get_by_role("button", name="Read it and draft questions").click(no_wait_after=True)
    page.wait_for_timeout(1600)
    assert len(held) == 1  # the upload has not reached the server yet
    held[0].continue_()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible(timeout=60_000)
    first, later = json.loads(page.evaluate("sessionStorage.getItem('upload-seen')"))
    assert first["shown"], first  # from the first fifth of a second
    assert "Reading the article and drafting questions" in first["text"]
    assert first["disabled"]
    assert later["seconds"] == "(1 s)", later  # and it counts
