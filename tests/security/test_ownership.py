"""Another party's ids answer 404 and change nothing, on every route of ``app.url_map`` that takes ids.

Teacher A (and the admin) use teacher B's ids, student 1 uses student 2's, in
every combination: all ids the victim's, and for routes with two ids, one of
them the attacker's own (the class is mine, the member is not). GET and POST
(with a valid CSRF token and a body that works for the owner) each answer 404
and leave every table as it was. The same requests made by the owner succeed,
so each 404 comes from the ownership check and not from a broken request.
"""

from __future__ import annotations

from functools import partial

from flask import Flask

from quizapp import create_app
from quizapp.access import ANYONE, STAFF, allow
from tests.security.db_state import Watch
from tests.security.routes import (
    Call,
    Clients,
    app_rules,
    id_params,
    methods,
    own_url,
    plan_attacks,
    roles_allowed,
    route_of,
    send,
)
from tests.security.world import ATTACKS, World
from tests.support import app_config


def prepared(clients: Clients, who: str | None) -> None:
    # Log in and fetch the token before the "before" snapshot: logging in writes last_login_at.
    clients(who)
    clients.token(who)


def test_another_partys_ids_answer_404_and_change_nothing(world_app: Flask, world: World, clients: Clients) -> None:
    attacks, problems, left_out = plan_attacks(world_app, world)
    assert not problems, "\n".join(problems)
    failures = []
    for attacker in {attack.attacker for attack in attacks}:
        prepared(clients, attacker)
    watch = Watch()
    for attack in attacks:
        response, changed = watch(
            partial(send, clients, attack.attacker, attack.rule, attack.method, attack.url, attack.values)
        )
        if response.status_code != 404 or changed:
            failures.append(f"{attack}: answered {response.status_code}, changed {changed or 'nothing'}")
    swept = {attack.rule.endpoint for attack in attacks}
    print(f"\nownership sweep: {len(attacks)} requests over {len(swept)} routes; left out: {left_out}")
    assert not failures, "\n".join(failures)
    # Routes where an admin may act on any account (a teacher's limits: tests/auth/test_recovery.py).
    assert set(left_out) <= {"admin.set_role", "accounts.set_active", "accounts.temporary_password"}, left_out
    assert len(swept) >= 30


def test_the_owner_gets_through_with_the_same_requests(world_app: Flask, world: World, clients: Clients) -> None:
    """Without this, a 404 could come from a wrong body or a missing object instead of the ownership check."""
    for owner_key in {victim for _, victim in ATTACKS}:
        prepared(clients, owner_key)
    watch = Watch()
    failures = []
    checked = 0
    for rule in app_rules(world_app):
        if not id_params(rule) or route_of(rule).not_owned:
            continue
        declared = roles_allowed(world_app, rule)
        for owner_key in {victim for _, victim in ATTACKS}:
            if declared == ANYONE or world[owner_key].role not in declared:
                continue
            url, values = own_url(rule, world[owner_key])
            for method in methods(rule):
                response, changed = watch(partial(send, clients, owner_key, rule, method, url, values))
                where = f"{method} {url} ({rule.endpoint}) as its owner {owner_key}"
                if response.status_code >= 400:
                    failures.append(f"{where}: {response.status_code} {response.get_data(as_text=True)[:300]}")
                elif method == "POST" and route_of(rule).changes and not changed:
                    failures.append(f"{where}: answered {response.status_code} but changed nothing")
                checked += 1
    print(f"\nowner controls: {checked} requests")
    assert not failures, "\n".join(failures)
    assert checked >= 30


def test_another_partys_ids_in_a_form_body_are_refused_and_change_nothing(
    world_app: Flask, world: World, clients: Clients
) -> None:
    """Ids that travel in the body (questions for a quiz, the document of a rule, the quiz to assign ...)."""
    attacker, victim = "teacher_a", world["teacher_b"]
    prepared(clients, attacker)
    watch = Watch()
    failures, tried = [], 0
    for rule in app_rules(world_app):
        route = route_of(rule)
        if route.foreign_body is None:
            continue
        url, values = own_url(rule, world[attacker])
        extra = route.foreign_body(Call(world[attacker], values, world), victim)
        response, changed = watch(partial(send, clients, attacker, rule, "POST", url, values, extra=extra))
        # Refused as a 400/404 or as a flashed message and a redirect: either way nothing may change.
        if response.status_code >= 500 or changed:
            failures.append(f"POST {url} with {extra} as {attacker}: {response.status_code}, changed {changed}")
        tried += 1
    assert not failures, "\n".join(failures)
    assert tried >= 5


def test_a_route_the_world_cannot_fill_fails_the_sweep(tmp_path, world: World) -> None:  # type: ignore[no-untyped-def]
    """A new route whose ids the world lacks is named, with what to add, instead of being skipped."""
    app = create_app(app_config(f"sqlite:///{tmp_path / 'unused.sqlite'}"))

    @app.route("/manage/widgets/<int:widget_id>")
    @allow(STAFF)
    def widget(widget_id: int) -> str:
        return "widget"

    _, problems, _ = plan_attacks(app, world)
    assert any("widget_id" in p and "add such an object to the world" in p for p in problems), problems
