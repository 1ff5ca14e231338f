"""Odd input answers 4xx, never 500: every route of ``app.url_map``, with odd values in its path, its query
string and its JSON body, made by each signed-in role that may use it.

The values are those an outside audit found answering 500 (issue #16): numbers beyond PostgreSQL's integer,
zero and negative ids, Unicode digits ('²' passes ``str.isdigit()`` but not ``int()``; full-width digits pass
both), a NUL byte, CR/LF and other control characters. Nothing they reach may change a row.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from flask import Flask
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from quizapp.access import ANYONE, SIGNED_IN, rule_for
from quizapp.extensions import db
from tests.security.db_state import changed_between, digest
from tests.security.routes import (
    Clients,
    app_rules,
    build_url,
    caller_key,
    methods,
    own_url,
    send,
)
from tests.security.world import World
from tests.support import TEST_PASSWORD, csrf_token

# As written in a URL (so '1%00' arrives as '1' and a NUL byte).
ODD_NUMBERS = ("99999999999999999999999", "2147483648", "0", "-1", "²", "１２", "1%00", "9" * 5000)
ODD_TEXT = ("a%00b", "%0d%0aSet-Cookie:%20x=1", "%1b[2J%7f%c2%85%e2%80%ae", "%ff%fe%c0%80")
# In a query string: the numbers without the repeats (a NUL is in the text; '0' and '-1' are not worse than '²').
ODD_QUERY_VALUES = ("99999999999999999999999", "2147483648", "²", "１２", "9" * 5000, *ODD_TEXT)
# Every query argument the app reads (grep request.args and the filters of its pages); ``subject`` is "quiz:<id>".
QUERY_ARGS = ("page", "per_page", "q", "next", "document", "type", "status", "flagged", "order", "attempts",
              "action", "actor", "owner")  # fmt: skip
PARTIES = ("student_1", "teacher_a", "admin")


def in_url(value: str) -> str:
    """The value percent-encoded for a URL, its own %XX escapes kept."""
    return quote(value, safe="%-=:[")


def callers(app: Flask, rule: Rule) -> list[str | None]:
    """Who opens a page in the walk: its usual caller, and each role when the page is open to several."""
    declared = rule_for(app, rule.endpoint)
    if declared == ANYONE:
        return [None, *PARTIES]
    if declared == SIGNED_IN:
        return list(PARTIES)
    return [caller_key(app, rule)]


def attempt(failures: list[str], where: str, request) -> TestResponse | None:  # type: ignore[no-untyped-def]
    """Make the request; a 5xx answer or an exception (the test app propagates them) is a failure."""
    try:
        response = request()
    except Exception as error:  # any exception would have been a 500
        db.session.rollback()
        failures.append(f"{where}: raised {type(error).__name__}: {str(error).splitlines()[0][:120]}")
        return None
    if response.status_code >= 500:
        failures.append(f"{where}: {response.status_code}")
    return response


def test_odd_values_in_paths_are_not_found(world_app: Flask, world: World, clients: Clients) -> None:
    """Each id or position in a path, replaced by each odd value: a 404 (the route does not match), never a 500."""
    for who in PARTIES:
        clients.token(who)  # logged in before the database is looked at: a login writes to it
    before = digest()
    failures: list[str] = []
    tried = 0
    for rule in app_rules(world_app):
        if not rule.arguments - {"fmt"}:
            continue
        # The route matches, or not, before anyone's role is looked at: its usual caller is enough.
        who = caller_key(world_app, rule)
        if who is not None:
            _, values = own_url(rule, world[who])
            for param in sorted(rule.arguments - {"fmt"}):
                for odd in ODD_NUMBERS:
                    if odd == "0" and f"<index:{param}>" in rule.rule:
                        continue  # the first question of an attempt
                    odd_values = {**values, param: in_url(odd)}
                    url = build_url(rule, odd_values)
                    for method in methods(rule):
                        where = f"{method} {url[:80]} ({rule.endpoint}) as {who}"
                        response = attempt(
                            failures,
                            where,
                            lambda: send(clients, who, rule, method, url, odd_values),  # noqa: B023
                        )
                        tried += 1
                        if response is not None and response.status_code != 404:
                            failures.append(f"{where}: {response.status_code}, not 404")
    print(f"\nodd path values: {tried} requests")
    assert not failures, "\n".join(failures)
    assert changed_between(before, digest()) == []
    assert tried >= 300


def odd_queries() -> list[str]:
    queries = []
    for odd in ODD_QUERY_VALUES:
        value = in_url(odd)
        queries.append("&".join(f"{name}={value}" for name in QUERY_ARGS) + f"&subject=quiz:{value}")
    return queries


def test_odd_query_arguments_never_fail(world_app: Flask, world: World, clients: Clients) -> None:
    """Every GET page, with every query argument the app reads set to each odd value: never a 500.

    Each page is opened by its usual caller (a student, a teacher or the admin), and by every role when it is
    open to several (the dashboard shows each role its own page)."""
    failures: list[str] = []
    tried = 0
    for rule in app_rules(world_app):
        if "GET" not in methods(rule):
            continue
        for who in callers(world_app, rule):
            url = own_url(rule, world[who])[0] if who else rule.rule
            for query in odd_queries():
                target = f"{url}?{query}"
                attempt(failures, f"GET {target[:120]} ({rule.endpoint}) as {who}", lambda: clients(who).get(target))  # noqa: B023
                tried += 1
    print(f"\nodd query arguments: {tried} requests")
    assert not failures, "\n".join(failures)
    assert tried >= 300


@pytest.mark.parametrize("odd", ODD_NUMBERS + ODD_TEXT + ("/x%0d%0aSet-Cookie:%20x=1", "/%0a/evil.example"))
def test_login_with_an_odd_next_goes_to_a_safe_page(world_app: Flask, world: World, odd: str) -> None:
    """CR/LF in ``next=`` used to be a 500 that still set the login cookie; now the login goes to the dashboard."""
    client = world_app.test_client()
    token = csrf_token(client, "/login")
    response = client.post(
        f"/login?next={in_url(odd)}", data={"username": "stu", "password": TEST_PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


# Valid: a whole number from 0 (a position) or a digit string (a choice shown); every other JSON value is odd.
ODD_JSON = (10**23, 2**31, -1, True, False, None, 1.0, 0.5, "²", "１", " 1e3", [0], {"a": 0}, "9" * 5000)


@pytest.mark.parametrize("endpoint", ["autosave", "check"])
def test_odd_values_in_json_are_refused_and_change_nothing(
    world_app: Flask, world: World, clients: Clients, endpoint: str
) -> None:
    """The page's script sends a position and fields: anything else is a 400 with a message, no row changed."""
    attempt_id = world["student_1"].ids["attempt_id"]
    client, token = clients("student_1"), clients.token("student_1")
    headers = {"X-CSRFToken": token, "Accept": "application/json"}
    before = digest()
    failures: list[str] = []
    bodies: list[object] = [{"position": odd, "fields": {"choice": "1"}} for odd in (*ODD_JSON, "0")]
    bodies += [{"position": 0, "fields": {"choice": odd}} for odd in ODD_JSON if odd not in (None, False)]
    bodies += [{"position": 0, "fields": {"choice": "1"}, "give_up": odd} for odd in ("²", 1, "true", None)]
    bodies += [{"position": 0, "fields": []}, [0], "0", None]
    for body in bodies:
        where = f"POST /attempts/{attempt_id}/{endpoint} {body!r:.80}"
        response = attempt(
            failures,
            where,
            lambda: client.post(f"/attempts/{attempt_id}/{endpoint}", json=body, headers=headers),  # noqa: B023
        )
        if response is not None and (response.status_code != 400 or not (response.get_json() or {}).get("error")):
            failures.append(f"{where}: {response.status_code} {response.get_data(as_text=True)[:100]}")
    assert not failures, "\n".join(failures)
    assert changed_between(before, digest()) == []


def test_odd_numbers_in_forms_are_refused(world_app: Flask, world: World, clients: Clients) -> None:
    """Form fields that carry numbers (an answer's choice, the questions picked, a rule's document): refused,
    nothing changed."""
    student, teacher = world["student_1"], world["teacher_a"]
    attempt_id, quiz_id = student.ids["attempt_id"], teacher.ids["quiz_id"]
    for who in ("student_1", "teacher_a"):
        clients.token(who)
    before = digest()
    failures: list[str] = []
    for odd in ODD_NUMBERS:
        value = odd.replace("%00", "\x00")
        posts = [
            ("teacher_a", "/bank/review/bulk", {"selected": [value], "approve": "Approve selected"}),
            ("teacher_a", f"/manage/quizzes/{quiz_id}/questions", {"question": [value]}),
            ("teacher_a", f"/manage/quizzes/{quiz_id}/rules", {"rule-count": "2", "rule-document": value}),
        ]
        if odd != "0":  # the first option shown
            posts.append(("student_1", f"/attempts/{attempt_id}/q/0", {"action": "save", "q0-choice": value}))
        for who, url, data in posts:
            client, token = clients(who), clients.token(who)
            where = f"POST {url} {data!r:.80}"
            response = attempt(failures, where, lambda: client.post(url, data={**data, "csrf_token": token}))  # noqa: B023
            if response is not None and response.status_code not in (302, 400):
                failures.append(f"{where}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert changed_between(before, digest()) == []


def test_an_odd_question_number_to_go_to_stays_on_the_question(
    world_app: Flask, world: World, clients: Clients
) -> None:
    """The page's "go to question n" buttons post ``action=goto-<n>``; an odd n saves and stays where it is."""
    attempt_id = world["student_1"].ids["attempt_id"]
    client, token = clients("student_1"), clients.token("student_1")
    failures: list[str] = []
    for odd in ODD_NUMBERS:
        data = {"action": f"goto-{odd.replace('%00', chr(0))}", "csrf_token": token}
        response = attempt(failures, f"goto-{odd}", lambda: client.post(f"/attempts/{attempt_id}/q/0", data=data))  # noqa: B023
        if response is not None and response.headers.get("Location") != f"/attempts/{attempt_id}/q/0":
            failures.append(f"goto-{odd}: {response.status_code} {response.headers.get('Location')}")
    assert not failures, "\n".join(failures)
