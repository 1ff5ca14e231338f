"""A live server on a real SQLite file and a real Chromium driven by Playwright.

Playwright cannot download its own browsers here; it drives Debian's Chromium
(scripts/test.sh installs it). With CI=true a missing Chromium fails the run.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from tests.support import IN_CI, TEST_PASSWORD, app_config, migrate_to_head

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@dataclass
class LiveServer:
    url: str
    app: Any
    staff: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    path = tmp_path_factory.mktemp("live") / "live.sqlite"
    url = f"sqlite:///{path}"
    migrate_to_head(url)
    app = create_app(app_config(url, TESTING=False))
    with app.app_context():
        for username, role in (("btadmin", Role.ADMIN), ("btteacher", Role.TEACHER)):
            accounts.create_user(db.session, username=username, password=TEST_PASSWORD, role=role)
        db.session.commit()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=app, staff={"admin": "btadmin"})
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (scripts/test.sh installs it)"
        if IN_CI:
            pytest.fail(message + "; CI=true: a missing browser fails the run")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    try:
        yield page
        assert refused == [], "the Content-Security-Policy blocked something the page needs:\n" + "\n".join(refused)
    finally:
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


# WCAG 2.0 to 2.2, A and AA, with 2.2's target size (24 by 24 px) on, and axe's best practices.
WCAG22_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"target-size": {"enabled": True}},
}


class AxeChecker:
    """Runs axe-core on pages and collects serious and critical violations."""

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.options = options
        self.checked: list[str] = []
        self.problems: list[str] = []

    def check(self, page: Any, *, wcag22: bool = False) -> None:
        """Serious and critical violations on the page; ``wcag22`` (or a checker made with WCAG22_OPTIONS) adds
        the WCAG 2.2 AA rules (target size), which axe leaves out unless asked for by tag."""
        options = WCAG22_OPTIONS if wcag22 else self.options
        results = self.axe.run(page, options=options) if options else self.axe.run(page)
        self.checked.append(page.url)
        for violation in results.response["violations"]:
            if violation.get("impact") in ("serious", "critical"):
                targets = [node.get("target") for node in violation.get("nodes", [])][:3]
                self.problems.append(f"{page.url}: {violation['id']} ({violation['impact']}) {targets}")


@pytest.fixture
def axe() -> AxeChecker:
    """axe with the WCAG 2.2 A/AA rules on, target size included, as issue 18 asks of every page."""
    return AxeChecker(WCAG22_OPTIONS)


@pytest.fixture
def axe22() -> AxeChecker:
    """axe with the WCAG 2.2 rules on, target size included."""
    return AxeChecker(WCAG22_OPTIONS)
