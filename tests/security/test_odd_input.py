"""Odd input answers 4xx, never 500: every route of ``app.url_map``, with odd values in its path, its query
string and its JSON body, made by each signed-in role that may use it.

The values are those an outside audit found answering 500 (issue #16): numbers beyond PostgreSQL's integer,
zero and negative ids, Unicode digits ('²' passes ``str.isdigit()`` but not ``int()``; full-width digits pass
both), a NUL byte, CR/LF and other control characters. Nothing they reach may change a row.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Flask
from werkzeug.test import TestResponse

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

# As written in a URL (so '1%00' arrives as '1' and a NUL byte).
ODD_NUMBERS = ("99999999999999999999999", "2147483648", "0", "-1", "²", "１２", "1%00", "9" * 5000)
PARTIES = ("student_1", "teacher_a", "admin")


def in_url(value: str) -> str:
    """The value percent-encoded for a URL, its own %XX escapes kept."""
    return quote(value, safe="%-=:[")


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
