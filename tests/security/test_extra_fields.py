"""Fields a form does not have change nothing: ``role=admin``, ``score=100``, someone else's ``owner_id`` ...

Every POST route of ``app.url_map`` is made twice from the same state by a user allowed to make it, on
their own objects: once with its valid body, once with the same body plus the extra fields (bare, and
with the form's own prefixes such as ``q0-`` or ``r12-``). The rows the two requests add, remove and change
must be the same (clock times, salts, random codes and shuffles aside), and the first must change
something, so that a field honoured by the app would show up as a difference.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from werkzeug.routing import Rule

from tests.security.db_state import DatabaseState, Watch, changed_between, digest
from tests.security.routes import Call, Clients, app_rules, caller_key, methods, own_url, route_of
from tests.security.world import World

# Routes that end or start the session they are made in: each run gets a client of its own.
SESSION_ROUTES = frozenset({"auth.login", "auth.register", "auth.logout", "auth.change_password"})


def extra_fields(world: World) -> dict[str, str]:
    other_teacher, other_student = world["teacher_b"].values["self_id"], world["student_2"].values["self_id"]
    return {
        "role": "admin", "score": "100", "user_id": str(other_student), "status": "approved",
        "owner_id": str(other_teacher), "student_id": str(other_student), "is_published": "1",
        "teacher_id": str(other_teacher), "reviewed_by_id": str(other_teacher), "created_by_id": str(other_teacher),
        "is_active_account": "0", "session_version": "99", "max_score": "1", "points": "100", "origin": "imported",
        "extra_time_percent": "400", "personal_for_id": str(other_student), "graded_at": "2020-01-01T00:00",
        "checks": "0", "current_version": "9", "is_archived": "1", "id": "1",
    }  # fmt: skip


def with_extras(body: dict[str, Any], extras: dict[str, str], json: bool) -> dict[str, Any]:
    """The body plus every extra field it does not already have, bare and under each prefix the form uses."""
    prefixes = {"", *(m.group(1) for key in body if (m := re.match(r"^([a-z]+\d*-)", key)))}
    added = {f"{prefix}{name}": value for prefix in prefixes for name, value in extras.items()}
    result = {**{k: v for k, v in added.items() if k not in body}, **body}
    if json and isinstance(body.get("fields"), dict):
        result["fields"] = {**{k: v for k, v in extras.items() if k not in body["fields"]}, **body["fields"]}
    return result


def run(world_app: Flask, world: World, clients: Clients, rule: Rule, extras: dict[str, str] | None, watch: Watch):  # type: ignore[no-untyped-def]
    """(response, rows added/removed/changed, tables changed) of the route's valid POST, with extras or without.

    The database is put back as ``watch`` found it afterwards.
    """
    who = caller_key(world_app, rule)
    party = world[who] if who else None
    if rule.endpoint in SESSION_ROUTES:
        clients.forget(who)
    client, token = clients(who), clients.token(who)
    url, values = own_url(rule, party) if party else (rule.rule, {})
    route = route_of(rule)
    assert route.body is not None, f"{rule.endpoint}: describe a valid POST body in tests/security/routes.py"
    body = route.body(Call(party, values, world))
    if extras is not None:
        body = with_extras(body, extras, route.json)
    before_digest = digest()
    before = watch.baseline if before_digest == watch.baseline_digest else DatabaseState.take()
    if route.json:
        response = client.post(url, json=body, headers={"X-CSRFToken": token, "Accept": "application/json"})
    else:
        response = client.post(url, data={**body, "csrf_token": token})
    after_digest = digest()
    changed = changed_between(before_digest, after_digest)
    if rule.endpoint in SESSION_ROUTES:
        clients.forget(who)  # the session this request started or ended is no one's to reuse
    delta = before.delta(DatabaseState.take(changed))
    watch.put_back(after_digest)
    return response, delta, changed


def test_extra_fields_change_nothing(world_app: Flask, world: World, clients: Clients) -> None:
    extras = extra_fields(world)
    for who in {caller_key(world_app, rule) for rule in app_rules(world_app)}:
        clients.token(who)
    watch = Watch()
    failures, compared = [], set()
    for rule in app_rules(world_app):
        if "POST" not in methods(rule) or route_of(rule).csrf_exempt:
            continue  # a signed LTI request: its valid body needs a platform's signature (tests/lti)
        outcomes = []
        for extra in (None, extras):
            outcomes.append(run(world_app, world, clients, rule, extra, watch))
        (plain, plain_delta, plain_changed), (attacked, attacked_delta, _) = outcomes
        where = f"POST {rule.rule} ({rule.endpoint})"
        if plain.status_code >= 400:
            failures.append(f"{where}: the valid request itself failed: {plain.status_code}")
        elif route_of(rule).changes and not plain_changed:
            failures.append(f"{where}: the valid request changed nothing, so extra fields could not show")
        if attacked.status_code != plain.status_code or attacked_delta != plain_delta:
            differences = {
                table: (plain_delta.get(table), attacked_delta.get(table))
                for table in plain_delta.keys() | attacked_delta.keys()
                if plain_delta.get(table) != attacked_delta.get(table)
            }
            failures.append(f"{where}: extra fields made a difference ({plain.status_code} -> "
                            f"{attacked.status_code}): {differences}")  # fmt: skip
        compared.add(rule.endpoint)
    print(f"\nextra fields: {len(extras)} fields on {len(compared)} POST routes")
    assert not failures, "\n".join(failures)
    assert len(compared) >= 40
