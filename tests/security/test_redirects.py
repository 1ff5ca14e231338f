"""No redirect leaves the site: ``next=`` on login, the login link of a logged-out page's script, and every
redirect of every route of ``app.url_map`` called with hostile targets in its query string.

Where a browser goes is worked out as a browser would (WHATWG URL parsing: surrounding spaces and control
characters dropped, tabs and newlines removed, a backslash read as a slash), not by string comparison.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from flask import Flask

from tests.security.db_state import Watch
from tests.security.routes import Call, Clients, app_rules, caller_key, methods, own_url, route_of
from tests.security.world import World
from tests.support import TEST_PASSWORD, csrf_token

SITE = "localhost"

# Targets as the server receives them (after the query string is decoded).
HOSTILE_TARGETS = (
    "//evil.example", "///evil.example", "////evil.example", "https://evil.example", "http://evil.example/x",
    "HTTPS://evil.example", "/\\evil.example", "\\\\evil.example", "\\/evil.example", "/\\/evil.example",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "http:evil.example", "https:/evil.example", "http:/\\evil.example", " //evil.example",
    "\t//evil.example", "\x00//evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example",
    "//evil.example@localhost", "http://localhost@evil.example", "http://localhost.evil.example",
    "//evil.example/%2F..", "/%2F/evil.example", "/%5Cevil.example", "%2F%2Fevil.example", "\u3000//evil.example",
    "/\u2215\u2215evil.example", "//evil\u3002example", "//%65vil.example", "/.//evil.example",
    "/x/../..//evil.example",
)  # fmt: skip
# The same written straight into the query string, percent-encoded as an attacker's link would carry them.
RAW_QUERIES = ("%2F%2Fevil.example", "%252F%252Fevil.example", "%2F%5Cevil.example", "%5C%5Cevil.example",
               "/%09/evil.example", "%09//evil.example", "https%3A%2F%2Fevil.example", "%00//evil.example")  # fmt: skip


def where_a_browser_goes(location: str, base: str) -> tuple[str, str | None]:
    """(scheme, host) a browser would go to when told ``Location: location`` on page ``base``."""
    cleaned = location.strip("".join(chr(c) for c in range(0x21)))
    cleaned = re.sub(r"[\t\n\r]", "", cleaned).replace("\\", "/")
    target = urlsplit(urljoin(base, cleaned))
    return target.scheme.lower(), target.hostname


def assert_stays(response, where: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code < 500, f"{where}: {response.status_code}"
    location = response.headers.get("Location")
    if location is None:
        return
    scheme, host = where_a_browser_goes(location, f"http://{SITE}/page")
    assert (scheme, host) in (("http", SITE), ("https", SITE)), f"{where}: redirected to {location!r}"
    # The app's own redirects are paths on this site: never a scheme or host taken from the request.
    parts = urlsplit(location)
    assert not parts.scheme, f"{where}: Location {location!r}"
    assert not parts.netloc, f"{where}: Location {location!r}"
    assert location.startswith("/"), f"{where}: Location {location!r}"


def log_in(client, query: str):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/login")
    return client.post(f"/login?{query}", data={"username": "stu", "password": TEST_PASSWORD, "csrf_token": token})


@pytest.mark.parametrize(
    "query", [urlencode({"next": t}) for t in HOSTILE_TARGETS] + [f"next={q}" for q in RAW_QUERIES]
)
def test_login_never_sends_anyone_off_the_site(world_app: Flask, world: World, query: str) -> None:
    response = log_in(world_app.test_client(), query)
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert_stays(response, f"POST /login?{query}")


def test_login_still_returns_to_a_page_of_the_site(world_app: Flask, world: World) -> None:
    """The defence refuses only what leaves the site: a real next= page is where the login goes."""
    response = log_in(world_app.test_client(), urlencode({"next": "/history?x=1"}))
    assert response.headers["Location"] == "/history?x=1"


def test_the_way_back_from_a_protected_page_stays_on_the_site(world_app: Flask, world: World) -> None:
    """Asked for a protected page with hostile queries, the login link and the login after it both stay."""
    for path in ("/manage/quizzes/?next=//evil.example", "/bank/review?_external=1&_scheme=https&next=//evil.example",
                 "/history?next=https://evil.example&url=//evil.example"):  # fmt: skip
        client = world_app.test_client()
        first = client.get(path)
        assert first.status_code == 302, path
        assert_stays(first, f"GET {path}")
        login_url = first.headers["Location"]
        assert login_url.startswith("/login?"), login_url
        token = csrf_token(client, "/login")
        second = client.post(login_url, data={"username": "stu", "password": TEST_PASSWORD, "csrf_token": token})
        assert_stays(second, f"POST {login_url}")


def test_the_logged_out_scripts_login_link_stays_on_the_site(world_app: Flask, world: World) -> None:
    attempt = world["student_1"].ids["attempt_id"]
    for referrer in ("https://evil.example//evil.example/x", "https://evil.example/\\evil.example", "javascript:x"):
        response = world_app.test_client().post(
            f"/attempts/{attempt}/autosave", json={"position": 0, "fields": {}}, headers={"Referer": referrer}
        )
        assert response.status_code == 401
        link = response.get_json()["login"]
        scheme, host = where_a_browser_goes(link, f"http://{SITE}/attempts/{attempt}/q/0")
        assert (scheme, host) == ("http", SITE), link
        followed = log_in(world_app.test_client(), urlsplit(link).query)
        assert_stays(followed, f"login from {link}")


HOSTILE_QUERY = {
    "next": "//evil.example", "url": "https://evil.example", "redirect": "//evil.example",
    "return_to": "//evil.example", "back": "https://evil.example", "target": "//evil.example",
    "continue": "//evil.example",
    "_external": "1", "_scheme": "https", "_anchor": "x", "_method": "GET",
}  # fmt: skip


def test_no_route_redirects_where_its_query_says(world_app: Flask, world: World, clients: Clients) -> None:
    """Every route, called by its owner with a valid body and hostile redirect targets in its query string."""
    callers = {caller_key(world_app, rule) for rule in app_rules(world_app)}
    for who in callers:
        clients.token(who)
    watch = Watch()
    failures, tried, redirects = [], 0, 0
    for rule in app_rules(world_app):
        who = caller_key(world_app, rule)
        if rule.endpoint in ("auth.logout", "auth.change_password"):
            continue  # they end the session the sweep goes on with; both redirect to a fixed page
        party = world[who] if who else None
        url, values = own_url(rule, party) if party else (rule.rule, {})
        target = f"{url}?{urlencode(HOSTILE_QUERY)}"
        for method in methods(rule):
            client = clients(who)
            if method == "GET":
                response = client.get(target)
            else:
                route = route_of(rule)
                assert route.body is not None, rule.endpoint
                body = route.body(Call(party, values, world))
                token = clients.token(who)
                if route.json:
                    response = client.post(target, json=body, headers={"X-CSRFToken": token})
                else:
                    response = client.post(target, data={**body, "csrf_token": token})
            try:
                assert_stays(response, f"{method} {target} ({rule.endpoint}) as {who}")
            except AssertionError as error:
                failures.append(str(error))
            redirects += response.status_code in (301, 302, 303, 307, 308)
            tried += 1
            if rule.endpoint == "auth.login":
                clients.forget(who)  # the anonymous client is now logged in
            watch.put_back()
    print(f"\nredirect sweep: {tried} requests, {redirects} redirects")
    assert not failures, "\n".join(failures)
    assert redirects >= 30


def test_the_review_queue_carries_only_its_own_filters(world_app: Flask, world: World, clients: Clients) -> None:
    """Its forms and its way back used to pass the whole query string to url_for (500 on ?_method=, absolute
    URLs on ?_external=1&_scheme=...)."""
    draft = world["teacher_a"].ids["draft_question_id"]
    client = clients("teacher_a")
    page = client.get("/bank/review?status=draft&_method=GET&_external=1&_scheme=https&next=//evil.example")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'action="/bank/questions/{draft}/review?status=draft"' in html
    assert 'action="/bank/review/bulk?status=draft"' in html
    data = {f"r{draft}-reason": "Too vague", f"r{draft}-reject": "Reject", "csrf_token": clients.token("teacher_a")}
    response, _ = Watch()(
        lambda: client.post(f"/bank/questions/{draft}/review?status=draft&_external=1&_scheme=https", data=data)
    )
    assert response.headers["Location"] == "/bank/review?status=draft"
