"""What the sweeps need to know about each route: whose ids fill its URL, and a valid body for its POST.

Driven by ``app.url_map``: a route with a URL parameter the world has no
object for, or a POST route with no body described here, makes the sweeps fail
with a message saying what to add. GET routes whose parameters are named like
the world's ids (``class_id``, ``quiz_id`` ...) need no entry at all.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from quizapp.access import ADMIN, ANYONE, API_PREFIX, SIGNED_IN, STAFF, STUDENT, rule_for
from quizapp.auth.roles import Role
from tests.security.world import ATTACKS, AWAITING_MARK_POSITION, RESET_TOKEN, Party, World
from tests.support import TEST_PASSWORD, csrf_token, login

# URL parameters that locate something inside an object already named by another parameter (a question's
# position in an attempt) or choose a format; they are never another party's.
LOCATORS: dict[str, Any] = {"position": 0, "index": 0, "fmt": "csv"}

NEW_PASSWORD = "violet tractor quantum umbrella 42"

# Who makes a route's requests in the sweeps that need one caller per route (extra fields, XSS pages).
CALLER_BY_RULE = {STUDENT: "student_1", STAFF: "teacher_a", ADMIN: "admin", SIGNED_IN: "student_1", ANYONE: None}


@dataclass
class Call:
    """One request being made: who makes it and which values went into its URL."""

    me: Party | None
    url: dict[str, Any]
    world: World


Body = Callable[[Call], dict[str, Any]]


def nothing(_call: Call) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Route:
    """What a sweep must know about one endpoint beyond its URL rule."""

    params: Mapping[str, str] = field(default_factory=dict)  # URL parameter -> key of Party.ids, when named otherwise
    body: Body | None = None  # a valid POST body for the caller (files as (BytesIO, name) tuples)
    json: bool = False
    caller: str | None = "default"  # the party that makes the request when one caller is needed; None: anonymous
    not_owned: str | None = None  # why its ids are not objects owned by someone (then it is not swept for 404s)
    changes: bool = True  # the owner's valid POST changes rows (a POST that may change nothing says False)
    # A body naming another party's objects (ids sent in the form rather than in the URL).
    foreign_body: Callable[[Call, Party], dict[str, Any]] | None = None
    walk: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)  # locator values a page walk tries
    locators: Mapping[str, Any] = field(default_factory=dict)  # locator values other than LOCATORS' for this route
    # Why the route takes no CSRF token (a POST from another site carrying a signed JWT): the CSRF sweep then checks
    # that the body without its signature is refused and changes nothing; tests/lti covers the signed requests.
    csrf_exempt: str | None = None


def _question_body(call: Call) -> dict[str, Any]:
    return {
        "type": "multiple_choice",
        "prompt": "Who planned the route of the Riverside Canal?",
        "options": "Thomas Reed\nMargaret Hale\nJohn Brindley",
        "answer": "Margaret Hale",
        "explanation": "Hale was the chief engineer.",
        "tags": "canal, engineers",
        "save": "Save",
    }


def _quiz_body(_call: Call) -> dict[str, Any]:
    return {
        "title": "Canal revision quiz",
        "description": "Ten minutes on the canal.",
        "mode": "practice",
        "time_limit_minutes": "20",
        "attempts_allowed": "3",
        "score_policy": "best",
        "shuffle_questions": "y",
        "layout": "one_per_page",
        "penalty_percent": "10",
        "review_show_score": "y",
        "review_show_answers": "y",
        "visibility": "class",
        "submit": "Save settings",
    }


GIFT = b"::Canal opening::The Riverside Canal opened in {=1821 ~1834 ~1852}\n"
ARTICLE = (
    "The Harbour Bridge\n\nThe Harbour Bridge opened in 1932 after eight years of work. Its designer, John Bradfield, "
    "planned the arch. In 1988 a tunnel was added beside the bridge."
)


def _rule_body(document_id: int) -> dict[str, Any]:
    return {"rule-count": "2", "rule-document": str(document_id), "rule-question_type": ""}


def _new_account(**fields: str) -> Body:
    def body(_call: Call) -> dict[str, Any]:
        return {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD, **fields}

    return body


ROUTES: dict[str, Route] = {
    # --- students ---------------------------------------------------------------
    "attempts.start": Route(body=nothing),
    "attempts.autosave": Route(json=True, body=lambda c: {"position": 0, "fields": {"choice": "1"}}),
    "attempts.check": Route(json=True, body=lambda c: {"position": 0, "fields": {"choice": "1"}}),
    "attempts.post_question": Route(body=lambda c: {"action": "save", "q0-choice": "1"}),
    "attempts.save_all": Route(body=lambda c: {"q0-choice": "1"}),
    "attempts.later": Route(json=True, body=lambda c: {"position": 0}),
    "attempts.submit": Route(body=nothing),
    "attempts.review": Route(params={"attempt_id": "submitted_attempt_id"}),
    "attempts.source": Route(params={"attempt_id": "submitted_attempt_id"}),
    "attempts.flag": Route(
        params={"attempt_id": "submitted_attempt_id"},
        body=lambda c: {"kind": "unclear", "comment": "Which canal?"},
        locators={"position": 1},  # the world's student already has the one open flag allowed on question 0
    ),
    "practice.retake": Route(params={"attempt_id": "submitted_attempt_id"}, body=nothing),
    "practice.start_review": Route(body=nothing, changes=False),  # only when cards are due
    "practice.finished_session": Route(params={"attempt_id": "submitted_attempt_id"}),
    "classes.join": Route(body=lambda c: {"code": c.me.values["join_code"]}),  # type: ignore[union-attr]
    # Live sessions: anyone may knock; the session's pages answer only its participants (a signed seat cookie, or
    # the signed-in student's account) and its teacher. tests/live/test_pages.py tries other parties' sessions.
    "live.join": Route(
        caller=None, body=lambda c: {"code": c.world["teacher_a"].values["live_code"], "nickname": "Sweep"}
    ),
    "live.answer": Route(caller="student_1", body=lambda c: {"index": "0", "q0-choice": "1"}),
    "live.new": Route(body=lambda c: {"seconds": "20", "show_names": "y"}),
    "live.control": Route(body=lambda c: {"action": "extend"}),
    # --- teachers ---------------------------------------------------------------
    "bank.edit": Route(body=_question_body),
    "bank.new": Route(
        body=lambda c: {**_question_body(c), "document": str(c.me.ids["document_id"])},  # type: ignore[union-attr]
        foreign_body=lambda c, v: {**_question_body(c), "document": str(v.ids["document_id"])},
    ),
    "bank.export": Route(walk={"fmt": ("csv", "gift", "moodle_xml", "canvas", "qti21", "anki")}),
    "quizzes.export": Route(walk={"fmt": ("canvas", "qti21", "anki")}, locators={"fmt": "qti21"}),
    "bank.review_one": Route(
        params={"question_id": "draft_question_id"}, body=lambda c: {f"r{c.url['question_id']}-approve": "Approve"}
    ),
    "bank.review_bulk": Route(
        body=lambda c: {"selected": [str(c.me.ids["draft_question_id"])], "approve": "Approve selected"},  # type: ignore[union-attr]
        foreign_body=lambda c, v: {"selected": [str(v.ids["draft_question_id"])], "approve": "Approve selected"},
    ),
    "bank.approve_confident": Route(body=lambda c: {"threshold": "0"}),
    "bank.resolve_flag": Route(body=lambda c: {f"f{c.url['flag_id']}-resolution": "Corrected the key."}),
    "bank.import_questions": Route(body=lambda c: {"file": (io.BytesIO(GIFT), "canal.gift")}),
    "attempts_staff.regrade": Route(body=nothing, changes=False),  # nothing to regrade until the key changes
    "attempts_staff.mark_answer": Route(
        params={"attempt_id": "attempt_id"},
        body=lambda c: {"mark": "0.5"},
        locators={"position": AWAITING_MARK_POSITION},  # the world's answer awaiting the teacher's mark
    ),
    "classes.index": Route(body=lambda c: {"name": "8C History"}),
    "classes.archive": Route(body=nothing),
    "classes.regenerate_code": Route(body=nothing),
    "classes.set_extra_time": Route(body=lambda c: {f"m{c.url['member_id']}-percent": "25"}),
    "classes.remove_member": Route(body=nothing),
    "class_quizzes.assign": Route(
        body=lambda c: {"quiz_id": str(c.me.ids["spare_quiz_id"])},  # type: ignore[union-attr]
        foreign_body=lambda c, v: {"quiz_id": str(v.ids["spare_quiz_id"])},
    ),
    "class_quizzes.unassign": Route(body=nothing),
    "quizzes.index": Route(body=_quiz_body),
    "quizzes.edit": Route(body=_quiz_body),
    "quizzes.questions": Route(
        body=lambda c: {"question": [str(i) for i in c.me.values["approved_question_ids"][:2]]},  # type: ignore[union-attr]
        foreign_body=lambda c, v: {
            "question": [str(c.me.values["approved_question_ids"][0]), str(v.ids["question_id"])]
        },  # type: ignore[union-attr]
    ),
    "quizzes.add_rule": Route(
        body=lambda c: _rule_body(c.me.ids["document_id"]),  # type: ignore[union-attr]
        foreign_body=lambda c, v: _rule_body(v.ids["document_id"]),
    ),
    "quizzes.remove_rule": Route(body=nothing),
    "quizzes.publish": Route(body=lambda c: {"publish": "0"}),
    "quizzes.duplicate": Route(body=nothing),
    "sources.upload": Route(body=lambda c: {"title": "The Harbour Bridge", "text": ARTICLE}),
    # Only an upload that matched one of the teacher's documents waits under a token; any other is refused.
    "sources.upload_anyway": Route(body=lambda c: {"token": "0" * 32}, changes=False),
    "sources.revision": Route(body=lambda c: {"title": "Revised", "text": ARTICLE}),
    "history.send_back": Route(body=nothing, changes=False),  # sends back only questions that did badly
    # --- accounts ---------------------------------------------------------------
    "auth.login": Route(caller=None, body=lambda c: {"username": "stu", "password": TEST_PASSWORD}),
    "auth.register": Route(caller=None, body=_new_account(username="newstudent", display_name="New student")),
    "auth.logout": Route(body=nothing),
    "auth.change_password": Route(
        body=lambda c: {"current_password": TEST_PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    ),
    "tokens.index": Route(body=lambda c: {"name": "grading script", "days": "30"}),
    "tokens.revoke": Route(body=nothing),
    "admin.users": Route(body=_new_account(username="newteacher", display_name="New teacher", role="teacher")),
    "lti.admin": Route(
        body=lambda c: {
            "name": "Sweep LMS",
            "issuer": "https://lms.example.org",
            "client_id": "sweep",
            "deployment_ids": "1",
            "auth_login_url": "https://lms.example.org/auth",
            "auth_token_url": "https://lms.example.org/token",
            "key_set_url": "https://lms.example.org/jwks",
        }
    ),
    "lti.rotate_key": Route(body=nothing),
    "lti_grades.retry_all": Route(body=nothing, changes=False),  # changes only scores the LMS refused
    "lti_grades.retry_quiz": Route(body=nothing, changes=False),
    "lti.login": Route(
        caller=None, body=nothing, csrf_exempt="an LMS posts it; a signed launch follows", changes=False
    ),
    "lti.launch": Route(caller=None, body=nothing, csrf_exempt="the LMS signs the id_token (RS256)", changes=False),
    # Only a launch's live handoff token links an account (tests/lti/test_accounts.py); any other is refused.
    "lti.link_account": Route(body=lambda c: {"token": "0" * 32, "link": "1"}, changes=False),
    "lti.deep_link_choose": Route(
        caller=None,
        body=lambda c: {"token": "0" * 32, "quiz_id": "1"},
        csrf_exempt="a random picker token from a signed deep linking request, used once",
        changes=False,
    ),
    "admin.set_role": Route(
        not_owned="an admin may set the role of any account",
        params={"user_id": "user_id"},
        body=lambda c: {f"u{c.url['user_id']}-role": "teacher"},
    ),
    "accounts.temporary_password": Route(
        not_owned="an admin may set anyone's; a teacher only their students' (tests/auth/test_recovery.py)",
        params={"user_id": "student_id"},
        body=nothing,
    ),
    "accounts.set_active": Route(
        not_owned="an admin may disable any account but their own",
        params={"user_id": "user_id"},
        body=lambda c: {"active": "0"},
    ),
    "account.settings": Route(body=lambda c: {"email": "someone@school.example", "time_zone": "Europe/Paris"}),
    # Without a mail server the page only says whom to ask; with one, an unknown name changes nothing either.
    "account.forgot": Route(caller=None, body=lambda c: {"identifier": "stu"}, changes=False),
    "account.reset": Route(
        caller=None, body=lambda c: {"token": RESET_TOKEN, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    ),
}


def app_rules(app: Flask) -> list[Rule]:
    """Every route the pages' sweeps walk: all but static files and the JSON API, which takes no session (no
    login, no CSRF token) and is swept with API tokens by tests/api/ (ownership, schemathesis, access)."""
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in ("static", "bootstrap.static") and not rule.rule.startswith(API_PREFIX + "/")
    ]


def route_of(rule: Rule) -> Route:
    return ROUTES.get(rule.endpoint, Route())


def methods(rule: Rule) -> list[str]:
    return sorted((rule.methods or set()) & {"GET", "POST"})


def id_params(rule: Rule) -> list[str]:
    return sorted(name for name in rule.arguments if name not in LOCATORS)


def world_key(rule: Rule, param: str) -> str:
    return route_of(rule).params.get(param, param)


def roles_allowed(app: Flask, rule: Rule) -> frozenset[Role] | str:
    declared = rule_for(app, rule.endpoint)
    assert declared is not None, f"{rule.endpoint} declares no access rule"
    return declared


def caller_key(app: Flask, rule: Rule) -> str | None:
    """The party that makes this route's request when one caller is enough."""
    route = route_of(rule)
    if route.caller != "default":
        return route.caller
    declared = roles_allowed(app, rule)
    for rule_value, key in CALLER_BY_RULE.items():
        if declared == rule_value:
            return key
    return next(key for key, role in (("student_1", Role.STUDENT), ("teacher_a", Role.TEACHER),
                                       ("admin", Role.ADMIN)) if role in declared)  # fmt: skip


def missing_from_world(rule: Rule, party: Party) -> list[str]:
    return [param for param in id_params(rule) if world_key(rule, param) not in party.ids]


def fill_message(rule: Rule, party: Party, missing: list[str]) -> str:
    wanted = ", ".join(f"{param!r} (looked up as {world_key(rule, param)!r})" for param in missing)
    return (
        f"{rule.endpoint} ({rule.rule}) takes {wanted}, which the {party.key} party of tests/security/world.py "
        "does not have: add such an object to the world (or map the parameter in ROUTES[...].params of "
        "tests/security/routes.py)."
    )


def url_values(rule: Rule, owners: Mapping[str, Party]) -> dict[str, Any]:
    """Every URL value of the rule: ids from the party named for each parameter, locators fixed."""
    values: dict[str, Any] = {}
    locators = {**LOCATORS, **route_of(rule).locators}
    for param in rule.arguments:
        if param in locators:
            values[param] = locators[param]
        else:
            values[param] = owners[param].ids[world_key(rule, param)]
    return values


def build_url(rule: Rule, values: Mapping[str, Any]) -> str:
    path = rule.rule
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path)
    assert "<" not in path, f"{rule.rule}: could not fill {path}"
    return path


@dataclass(frozen=True)
class Attack:
    rule: Rule
    method: str
    attacker: str
    victim: str
    swapped: tuple[str, ...]  # the parameters that carry the victim's ids
    url: str
    values: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.method} {self.url} ({self.rule.endpoint}) as {self.attacker} with {self.victim}'s {self.swapped}"


def plan_attacks(app: Flask, world: World) -> tuple[list[Attack], list[str], dict[str, str]]:
    """(attacks, problems, routes left out with why): every route with ids × attacker × which ids are swapped."""
    attacks: list[Attack] = []
    problems: list[str] = []
    left_out: dict[str, str] = {}
    for rule in app_rules(app):
        params = id_params(rule)
        route = route_of(rule)
        if not params:
            continue
        if route.not_owned:
            left_out[rule.endpoint] = route.not_owned
            continue
        declared = roles_allowed(app, rule)
        for attacker_key, victim_key in ATTACKS:
            attacker, victim = world[attacker_key], world[victim_key]
            if declared == ANYONE or attacker.role not in declared:
                continue
            missing = missing_from_world(rule, victim)
            if missing:
                problems.append(fill_message(rule, victim, missing))
                continue
            owned_by_attacker = not missing_from_world(rule, attacker)
            subsets = [
                subset
                for size in range(1, len(params) + 1)
                for subset in combinations(params, size)
                # An attacker with no objects of its own (the admin) can only use the victim's ids throughout.
                if owned_by_attacker or len(subset) == len(params)
            ]
            for subset in subsets:
                owners = {param: victim if param in subset else attacker for param in params}
                values = url_values(rule, owners)
                for method in methods(rule):
                    if method == "POST" and route.body is None:
                        problems.append(f"{rule.endpoint}: describe a valid POST body in ROUTES of {__name__}")
                        continue
                    attacks.append(
                        Attack(rule, method, attacker_key, victim_key, subset, build_url(rule, values), values)
                    )
    return attacks, sorted(set(problems)), left_out


def own_url(rule: Rule, party: Party) -> tuple[str, dict[str, Any]]:
    values = url_values(rule, dict.fromkeys(id_params(rule), party))
    return build_url(rule, values), values


def may_use(app: Flask, rule: Rule, party: Party | None) -> bool:
    declared = roles_allowed(app, rule)
    return declared == ANYONE or (party is not None and party.role in declared)


def pages(
    app: Flask, world: World, who: str | None, more: Mapping[str, list[int]] | None = None
) -> list[tuple[Rule, str]]:
    """Every GET page the party may open, with its own ids, each walk variant of a locator tried.

    ``more``: other ids of the party's by world key; each is tried in turn in its parameter, the
    other parameters keeping the party's usual ids (one at a time, not every combination).
    """
    party = world[who] if who else None
    found = []
    for rule in app_rules(app):
        if "GET" not in methods(rule) or not may_use(app, rule, party):
            continue
        if party is None:
            if not id_params(rule):  # a visitor owns nothing: a live session's page needs a seat it does not have
                found.append((rule, build_url(rule, {})))
            continue
        missing = missing_from_world(rule, party)
        if missing:
            pytest.fail(fill_message(rule, party, missing))
        _, values = own_url(rule, party)
        variants = [values]
        for param in id_params(rule):
            others = (more or {}).get(world_key(rule, param), [])
            variants += [{**values, param: other} for other in others if other != values[param]]
        for param, choices in route_of(rule).walk.items():
            variants = [{**variant, param: choice} for variant in variants for choice in choices]
        found.extend((rule, build_url(rule, variant)) for variant in variants)
    return found


class Clients:
    """One logged-in test client per party (and an anonymous one), with each session's CSRF token."""

    def __init__(self, app: Flask, world: World) -> None:
        self.app = app
        self.world = world
        self._clients: dict[str | None, FlaskClient] = {}
        self._tokens: dict[str | None, str] = {}

    def __call__(self, key: str | None) -> FlaskClient:
        if key not in self._clients:
            client = self.app.test_client()
            if key is not None:
                login(client, self.world[key].username, self.world[key].password)
            self._clients[key] = client
        return self._clients[key]

    def token(self, key: str | None) -> str:
        if key not in self._tokens:
            self._tokens[key] = csrf_token(self(key), "/" if key else "/login")
        return self._tokens[key]

    def forget(self, key: str | None) -> None:
        """Drop a client whose session a request ended (logout, password change)."""
        self._clients.pop(key, None)
        self._tokens.pop(key, None)


def send(
    clients: Clients,
    who: str | None,
    rule: Rule,
    method: str,
    url: str,
    values: dict[str, Any],
    *,
    extra: Mapping[str, Any] | None = None,
) -> TestResponse:
    """Make the request as a page of the app would: POSTs carry the session's CSRF token and a valid body."""
    client = clients(who)
    if method == "GET":
        return client.get(url)
    route = route_of(rule)
    if route.body is None:
        pytest.fail(f"{rule.endpoint}: describe a valid POST body in ROUTES of {__name__}")
    me = clients.world[who] if who else None
    body = {**route.body(Call(me, values, clients.world)), **(extra or {})}
    token = clients.token(who)
    if route.json:
        return client.post(url, json=body, headers={"X-CSRFToken": token, "Accept": "application/json"})
    return client.post(url, data={**body, "csrf_token": token})


def every_rule_with(app: Flask, predicate: Callable[[Rule], bool]) -> Iterator[Rule]:
    return (rule for rule in app_rules(app) if predicate(rule))
