"""The pages' scope and odd-input sweeps (tests/security/), made over the JSON API with its tokens.

Those sweeps walk the pages with a session and CSRF tokens, which the API refuses, so they leave out every
route under /api; the ownership sweep (test_ownership.py) covers ids of another party's. These cover the rest:
no list, filter or export of the API shows another party's content, and odd values in an API path or query
string answer 4xx in JSON, never 500, and change nothing.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from flask import Flask
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from quizapp.access import ANYONE, API_PREFIX, rule_for
from tests.api.conftest import own_ids
from tests.security.db_state import Watch
from tests.security.routes import build_url
from tests.security.test_odd_input import ODD_NUMBERS, ODD_QUERY_VALUES, in_url
from tests.security.world import Party, World

VIEWERS = ("teacher_a", "student_1")


@pytest.fixture(scope="module")
def query_parameters(world_app: Flask) -> dict[str, list[dict[str, Any]]]:
    """The query parameters the description declares, by endpoint ("api.<operationId>")."""
    spec = world_app.test_client().get("/api/openapi.json").get_json()
    return {
        f"api.{operation['operationId']}": [p for p in operation.get("parameters", []) if p["in"] == "query"]
        for item in spec["paths"].values()
        for operation in item.values()
    }


def api_rules(app: Flask) -> list[Rule]:
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(API_PREFIX + "/")]


def method_of(rule: Rule) -> str:
    return sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})[0]


def may_call(app: Flask, rule: Rule, party: Party) -> bool:
    declared = rule_for(app, rule.endpoint)
    return declared != ANYONE and declared is not None and party.role in declared


def call(app: Flask, party: Party, method: str, url: str) -> TestResponse:
    headers = {"Authorization": f"Bearer {party.values['api_token']}"}
    return app.test_client().open(url, method=method, headers=headers, json={} if method != "GET" else None)


def foreign_queries(parameters: list[dict[str, Any]], victim: Party) -> list[str]:
    """Query strings aimed at the victim's objects: each id argument set to the victim's object, each choice
    argument (status, format, attempts ...) set to each of its values, the others left out."""
    ids = [f"{p['name']}={victim.ids[p['name']]}" for p in parameters if p["name"] in victim.ids]
    queries = ["&".join(ids)] if ids else []
    for parameter in parameters:
        schema = parameter.get("schema", {})
        choices = schema.get("enum") or next((s["enum"] for s in schema.get("anyOf", []) if "enum" in s), [])
        queries += ["&".join([*ids, f"{parameter['name']}={choice}"]) for choice in choices]
    return queries


def test_no_api_answer_shows_another_partys_content(
    world_app: Flask, world: World, query_parameters: dict[str, list[dict[str, Any]]]
) -> None:
    """Every GET operation of teacher A and student 1, with their own ids, plainly and with every filter and
    choice aimed at teacher B's objects: nothing carries B's marker (B's student's starts with it too)."""
    marker = world["teacher_b"].marker
    leaks, opened = [], 0
    for viewer in (world[key] for key in VIEWERS):
        for rule in api_rules(world_app):
            if method_of(rule) != "GET" or not may_call(world_app, rule, viewer):
                continue
            url = build_url(rule, own_ids(viewer, rule.arguments))
            queries = foreign_queries(query_parameters.get(rule.endpoint, []), world["teacher_b"])
            for target in (url, *(f"{url}?{query}" for query in queries)):
                response = call(world_app, viewer, "GET", target)
                opened += 1
                assert response.status_code < 500, f"{target}: {response.status_code}"
                body = response.get_data(as_text=True)
                if marker in body:
                    at = body.index(marker)
                    leaks.append(f"{target} as {viewer.key}: …{body[max(0, at - 150) : at + 50]}…")
    print(f"\nAPI scope walk: {opened} requests")
    assert not leaks, "\n".join(leaks)
    assert opened >= 40


def test_odd_values_in_api_paths_are_a_json_404_and_change_nothing(world_app: Flask, world: World) -> None:
    """Each id in an API path replaced by each odd value (numbers past PostgreSQL's integer, 0, -1, '²',
    full-width digits, a NUL byte): the route does not match, a JSON 404; no row changes."""
    watch = Watch()
    failures, tried = [], 0
    for rule in api_rules(world_app):
        if not rule.arguments:
            continue
        caller = next(world[key] for key in VIEWERS if may_call(world_app, rule, world[key]))
        values = own_ids(caller, rule.arguments)
        for param in sorted(rule.arguments):
            for odd in ODD_NUMBERS:
                url = build_url(rule, {**values, param: in_url(odd)})
                where = f"{method_of(rule)} {url[:80]} as {caller.key}"
                response, changed = watch(partial(call, world_app, caller, method_of(rule), url))
                tried += 1
                if response.status_code != 404 or not response.is_json or changed:
                    failures.append(f"{where}: {response.status_code} {response.mimetype} {changed}")
    print(f"\nodd API path values: {tried} requests")
    assert not failures, "\n".join(failures)
    assert tried >= 200


def test_odd_query_arguments_to_the_api_are_refused_never_a_500(
    world_app: Flask, world: World, query_parameters: dict[str, list[dict[str, Any]]]
) -> None:
    """Every query argument the description declares, set to each odd value: a JSON 4xx (a 422 naming the
    argument), never a 500, and nothing changes."""
    watch = Watch()
    failures, tried = [], 0
    for rule in api_rules(world_app):
        parameters = query_parameters.get(rule.endpoint, [])
        if not parameters:
            continue
        caller = next(world[key] for key in VIEWERS if may_call(world_app, rule, world[key]))
        url = build_url(rule, own_ids(caller, rule.arguments))
        for parameter in parameters:
            for odd in ODD_QUERY_VALUES:
                target = f"{url}?{parameter['name']}={in_url(odd)}"
                response, changed = watch(partial(call, world_app, caller, method_of(rule), target))
                tried += 1
                if response.status_code >= 500 or changed or not response.is_json:
                    failures.append(f"{target[:100]} as {caller.key}: {response.status_code} {changed}")
                elif response.status_code >= 400 and parameter["name"] not in response.get_json()["error"]["fields"]:
                    failures.append(f"{target[:100]}: {response.status_code} without naming {parameter['name']}")
    print(f"\nodd API query arguments: {tried} requests")
    assert not failures, "\n".join(failures)
    assert tried >= 100
