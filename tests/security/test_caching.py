"""No page or download is kept by a cache: every GET route of the url_map answers ``Cache-Control: no-store``."""

from __future__ import annotations

from flask import Flask

from tests.security.routes import Clients, pages
from tests.security.world import World


def test_every_page_and_download_says_no_store(world_app: Flask, world: World, clients: Clients) -> None:
    """Signed in as each role (and signed out), every GET route opened with the viewer's own ids."""
    cached, opened = [], 0
    for viewer in ("teacher_a", "student_1", "admin", None):
        for rule, url in pages(world_app, world, viewer):
            if rule.endpoint in ("static", "bootstrap.static"):
                continue
            response = clients(viewer).get(url)
            opened += 1
            if response.headers.get("Cache-Control") != "no-store":
                cached.append(f"{url} ({rule.endpoint}) as {viewer}: {response.headers.get('Cache-Control')!r}")
    assert not cached, "\n".join(cached)
    assert opened >= 80


def test_static_files_stay_cacheable(clients: Clients) -> None:
    response = clients("student_1").get("/static/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
