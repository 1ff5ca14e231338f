"""Old URLs of pages that moved to their feature's area answer a permanent redirect to the new place."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.moved import MOVED
from tests.conftest import Accounts
from tests.factories import all_types_quiz, class_with, user
from tests.support import csrf_token


def test_every_moved_url_names_a_route_with_the_same_variables(app: Flask) -> None:
    rules = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    for old, endpoint in MOVED:
        assert endpoint in rules, old
        assert set(re.findall(r"<\w+:(\w+)>", old)) == set(rules[endpoint].arguments), old
        assert old not in {rule.rule for rule in app.url_map.iter_rules()}, f"{old} is still served"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/manage/classes/{c}/gradebook", "/classes/{c}/gradebook"),
        ("/manage/classes/{c}/gradebook.csv", "/classes/{c}/gradebook.csv"),
        ("/manage/classes/{c}/students/{s}", "/classes/{c}/students/{s}"),
        ("/manage/questions/{q}/regrade", "/bank/questions/{q}/regrade"),
    ],
)
def test_an_old_url_redirects_permanently_to_the_new_one(
    teacher_client: FlaskClient, users: Accounts, old: str, new: str
) -> None:
    _, questions = all_types_quiz(users.teacher)
    school_class = class_with(users.teacher, [users.student])
    db.session.commit()
    ids = {"c": school_class.id, "s": user(users.student).id, "q": questions[0].id}

    response = teacher_client.get(old.format(**ids) + "?sort=name&x=%C3%A9")

    assert response.status_code == 308
    assert response.headers["Location"] == new.format(**ids) + "?sort=name&x=%C3%A9"
    assert teacher_client.get(new.format(**ids)).status_code == 200


def test_a_post_to_an_old_url_is_sent_on_as_a_post(teacher_client: FlaskClient, users: Accounts) -> None:
    _, questions = all_types_quiz(users.teacher)
    db.session.commit()
    old = f"/manage/questions/{questions[0].id}/regrade"
    token = csrf_token(teacher_client, f"/bank/questions/{questions[0].id}/regrade")

    response = teacher_client.post(old, data={"csrf_token": token}, follow_redirects=True)

    assert response.status_code == 200
    assert [r.status_code for r in response.history] == [308, 302]  # the POST reached the regrade, then its page
    assert "Regraded" in response.get_data(as_text=True)


def test_an_unknown_url_is_still_a_404(client: FlaskClient) -> None:
    assert client.get("/manage/classes/1/nothing-here").status_code == 404
    assert client.get("/manage/classes/x/gradebook").status_code == 404
