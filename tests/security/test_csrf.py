"""Every POST of ``app.url_map``, made by a user allowed to make it, on their own objects and with a valid body,
is refused (400, nothing changed) without its session's CSRF token.

tests/auth/test_access.py posts with no token and no real object as each role; here the request is one that
would succeed with the token (see test_extra_fields.py and test_ownership.py, which make it succeed), and the
token is missing, forged, or another user's.
"""

from __future__ import annotations

from functools import partial

from flask import Flask

from tests.security.db_state import Watch
from tests.security.routes import Call, Clients, app_rules, caller_key, methods, own_url, route_of
from tests.security.world import World

FORGED = "IjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njci.aGVsbG8.c2lnbmF0dXJl"


def test_every_post_with_a_missing_forged_or_borrowed_token_is_refused(
    world_app: Flask, world: World, clients: Clients
) -> None:
    borrowed = clients.token("teacher_b")
    callers = {caller_key(world_app, rule) for rule in app_rules(world_app)}
    for who in callers:
        clients(who)
    watch = Watch()
    failures, tried, routes = [], 0, set()
    for rule in app_rules(world_app):
        if "POST" not in methods(rule):
            continue
        who = caller_key(world_app, rule)
        route = route_of(rule)
        assert route.body is not None, f"{rule.endpoint}: describe a valid POST body in tests/security/routes.py"
        party = world[who] if who else None
        url, values = own_url(rule, party) if party else (rule.rule, {})
        client = clients(who)
        if route.csrf_exempt:
            response, changed = watch(partial(client.post, url, data=route.body(Call(party, values, world))))
            if response.status_code != 400 or changed:
                failures.append(f"POST {url} ({rule.endpoint}) unsigned: {response.status_code}, {changed}")
            tried += 1
            continue
        for label, token in (("no token", None), ("a forged token", FORGED), ("another user's token", borrowed)):
            body = route.body(Call(party, values, world))  # afresh: an uploaded file is read once
            if route.json:
                headers = {"Accept": "application/json", **({"X-CSRFToken": token} if token else {})}
                response, changed = watch(partial(client.post, url, json=body, headers=headers))
            else:
                data = {**body, **({"csrf_token": token} if token else {})}
                response, changed = watch(partial(client.post, url, data=data))
            if response.status_code != 400 or changed:
                failures.append(
                    f"POST {url} ({rule.endpoint}) as {who} with {label}: {response.status_code}, {changed}"
                )
            tried += 1
        routes.add(rule.endpoint)
    print(f"\ncsrf sweep: {tried} posts over {len(routes)} routes")
    assert not failures, "\n".join(failures)
    assert len(routes) >= 40
