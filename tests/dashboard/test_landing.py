"""A visitor's first page: what quizapp does, a question beside its source sentence, the two ways in; the logo,
favicon and icons come from the app itself (no CDN)."""

from __future__ import annotations

import re

import lxml.html
from flask.testing import FlaskClient


def test_a_visitor_reads_what_quizapp_does_and_the_two_ways_in(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    page = lxml.html.fromstring(html)
    assert "drafts questions from it, each with the exact sentence it comes from" in " ".join(
        page.text_content().split()
    )
    (sentence,) = page.xpath("//blockquote/mark")  # the sample question's source sentence, marked in its paragraph
    assert "opened to shipping in November 1869" in sentence.text_content()
    links = {a.get("href") for a in page.xpath("//section[@aria-labelledby='ways-heading']//a")}
    assert links == {"/register", "/login"}
    # On a phone (one column) the ways in come before the sample question.
    headings = [h.get("id") for h in page.xpath("//h2[@id]")]
    assert headings.index("ways-heading") < headings.index("sample-heading")


def test_the_logo_favicon_and_icons_are_the_app_s_own_svg(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    page = lxml.html.fromstring(html)
    (favicon,) = page.xpath("//link[@rel='icon']")
    assert favicon.get("type") == "image/svg+xml"
    for path in (favicon.get("href"), page.xpath("//img[contains(@class, 'app-logo')]/@src")[0]):
        assert path.startswith("/static/")
        response = client.get(path)
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
        assert b"<svg" in response.data
    sprites = set(re.findall(r'<use [^>]*href="([^"#]*)#', html))
    assert sprites == {"/bootstrap/static/icons/bootstrap-icons.svg"}  # served by the app, never a CDN
    assert client.get("/bootstrap/static/icons/bootstrap-icons.svg").status_code == 200
