"""Another party's ids answer 404 and change nothing, on every API operation that takes ids; the owner gets through.

The world of the pages' security sweeps (tests/security/world.py: two teachers with everything, their students,
an admin), each party with its own API token. Teacher A (and the admin) use teacher B's ids, student 1 uses
student 2's, in the URL (every combination of whose ids) and in the body (an id of the victim's among one's
own). The same requests by the owner succeed, so each 404 comes from the ownership check.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import combinations
from typing import Any

from flask import Flask
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from quizapp.access import ANYONE, API_PREFIX, rule_for
from tests.security.db_state import Watch
from tests.security.routes import build_url
from tests.security.world import ATTACKS, Party, World

QUESTION = {
    "type": "multiple_choice",
    "prompt": "Who planned the route of the Riverside Canal?",
    "options": ["Thomas Reed", "Margaret Hale", "John Brindley"],
    "answer": "Margaret Hale",
}
Body = Callable[[Party], dict[str, Any]]
# A body that works for its owner, for each operation that takes one.
BODIES: dict[str, Body] = {
    "api.edit_question": lambda me: QUESTION,
    "api.approve_question": lambda me: {},
    "api.reject_question": lambda me: {"reason": "Ambiguous."},
    "api.update_quiz": lambda me: {"description": "Revised."},
    "api.set_quiz_questions": lambda me: {"question_ids": me.values["approved_question_ids"][:2]},
    "api.add_quiz_rule": lambda me: {"count": 1},
    "api.assign_quiz": lambda me: {"quiz_id": me.ids["spare_quiz_id"]},
    "api.set_extra_time": lambda me: {"extra_time_percent": 25},
}
# URL parameters looked up under another name in a party's ids (the world's exam has a rule too short to publish).
PARAMS: dict[str, dict[str, str]] = {"api.publish_quiz": {"quiz_id": "spare_quiz_id"}}
# Operations whose body names an object: the attacker's own URL with one of the victim's ids in the body.
FOREIGN_BODIES: dict[str, Callable[[Party, Party], dict[str, Any]]] = {
    "api.create_question": lambda me, victim: {**QUESTION, "document_id": victim.ids["document_id"]},
    "api.set_quiz_questions": lambda me, victim: {
        "question_ids": [me.values["approved_question_ids"][0], victim.ids["question_id"]]
    },
    "api.add_quiz_rule": lambda me, victim: {"count": 1, "document_id": victim.ids["document_id"]},
    "api.assign_quiz": lambda me, victim: {"quiz_id": victim.ids["spare_quiz_id"]},
}


def api_rules(app: Flask) -> list[Rule]:
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(API_PREFIX + "/")]


def id_of(rule: Rule, party: Party, param: str) -> int:
    return party.ids[PARAMS.get(rule.endpoint, {}).get(param, param)]


def method_of(rule: Rule) -> str:
    return sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})[0]


def call(app: Flask, rule: Rule, caller: Party, url: str, body: dict[str, Any] | None) -> TestResponse:
    headers = {"Authorization": f"Bearer {caller.values['api_token']}"}
    method = method_of(rule)
    if body is None and rule.endpoint in BODIES:
        body = BODIES[rule.endpoint](caller)
    return app.test_client().open(url, method=method, headers=headers, json=body if method != "GET" else None)


def allowed(app: Flask, rule: Rule, party: Party) -> bool:
    declared = rule_for(app, rule.endpoint)
    return declared != ANYONE and declared is not None and party.role in declared


def test_another_partys_ids_answer_404_and_change_nothing(world_app: Flask, world: World) -> None:
    watch = Watch()
    failures, swept = [], set()
    for rule in api_rules(world_app):
        params = sorted(rule.arguments)
        if not params:
            continue
        for attacker_key, victim_key in ATTACKS:
            attacker, victim = world[attacker_key], world[victim_key]
            if not allowed(world_app, rule, attacker):
                continue
            mine = all(PARAMS.get(rule.endpoint, {}).get(p, p) in attacker.ids for p in params)
            for size in range(1, len(params) + 1):
                for swapped in combinations(params, size):
                    if not mine and len(swapped) < len(params):
                        continue
                    values = {p: id_of(rule, victim if p in swapped else attacker, p) for p in params}
                    url = build_url(rule, values)
                    response, changed = watch(partial(call, world_app, rule, attacker, url, None))
                    swept.add(rule.endpoint)
                    if response.status_code != 404 or changed:
                        failures.append(f"{method_of(rule)} {url} as {attacker_key}: {response.status_code} {changed}")
    assert not failures, "\n".join(failures)
    assert len(swept) >= 15, swept


def test_a_body_naming_another_partys_object_is_refused(world_app: Flask, world: World) -> None:
    watch = Watch()
    failures = []
    rules = {rule.endpoint: rule for rule in api_rules(world_app)}
    for endpoint, body in FOREIGN_BODIES.items():
        rule = rules[endpoint]
        for attacker_key, victim_key in ATTACKS:
            attacker, victim = world[attacker_key], world[victim_key]
            if not allowed(world_app, rule, attacker):
                continue
            url = build_url(rule, {p: id_of(rule, attacker, p) for p in rule.arguments})
            response, changed = watch(partial(call, world_app, rule, attacker, url, body(attacker, victim)))
            if response.status_code not in (400, 404) or changed:
                failures.append(f"{endpoint} as {attacker_key}: {response.status_code} {changed}")
    assert not failures, "\n".join(failures)


def test_the_owner_gets_through_with_the_same_requests(world_app: Flask, world: World) -> None:
    watch = Watch()
    failures, checked = [], 0
    for rule in api_rules(world_app):
        if not rule.arguments:
            continue
        for owner_key in {victim for _, victim in ATTACKS}:
            owner = world[owner_key]
            if not allowed(world_app, rule, owner):
                continue
            url = build_url(rule, {p: id_of(rule, owner, p) for p in rule.arguments})
            response, _ = watch(partial(call, world_app, rule, owner, url, None))
            checked += 1
            if response.status_code >= 300:
                failures.append(f"{method_of(rule)} {url} as {owner_key}: {response.status_code} {response.data[:200]}")
    assert not failures, "\n".join(failures)
    assert checked >= 15
