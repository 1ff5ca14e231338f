"""Quiz and class actions that decide who is graded, how and when write one event each; refused ones none."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from tests.audit.logged import actions, logged
from tests.factories import all_types_quiz, assign, class_with, user
from tests.quizzes.test_builder import approved_bank, new_quiz
from tests.support import csrf_token, login, post_form

SETTINGS = {
    "title": "Canal check",
    "mode": "exam",
    "score_policy": "best",
    "layout": "one_per_page",
    "visibility": "public",
    "penalty_percent": "10",
    "review_show_score": "y",
    "review_show_answers": "y",
}


def test_publish_unpublish_and_duplicate_are_logged(app: Flask, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    _, questions = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)  # empty: refused
    other = app.test_client()
    login(other, users.other_teacher)
    assert post_form(other, f"{page}/publish", {"publish": "1"}).status_code == 404
    assert logged() == []

    post_form(teacher_client, f"{page}/questions", {"question": [q.id for q in questions[:2]]}, token_from=page)
    post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)
    post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)  # already published
    post_form(teacher_client, f"{page}/publish", {"publish": "0"}, token_from=page)
    assert actions() == ["quiz.publish", "quiz.unpublish"]
    published, unpublished = logged()
    assert (published.subject_type, published.subject_id, published.owner_id) == (
        "quiz",
        quiz_id,
        user(users.teacher).id,
    )
    assert published.details == {"published": {"old": False, "new": True}}
    assert unpublished.details == {"published": {"old": True, "new": False}}

    response = post_form(teacher_client, f"{page}/duplicate", {}, token_from=page)
    copy_id = int(re.search(r"/manage/quizzes/(\d+)", response.headers["Location"]).group(1))
    [copied] = logged("quiz.duplicate")
    assert (copied.subject_id, copied.actor_id) == (copy_id, user(users.teacher).id)
    assert copied.details == {"copied_from": quiz_id, "questions": 2, "rules": 0}


def test_settings_that_change_grading_are_logged_and_others_are_not(teacher_client: FlaskClient) -> None:
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    refused = post_form(
        teacher_client,
        page,
        {**SETTINGS, "opens_at": "2030-05-02T10:00", "closes_at": "2030-05-01T10:00"},
        token_from=page,
    )
    assert refused.status_code == 400
    post_form(teacher_client, page, {**SETTINGS, "title": "Canal check, renamed"}, token_from=page)
    assert logged() == []  # a new title grades no one differently
    post_form(
        teacher_client,
        page,
        {**SETTINGS, "attempts_allowed": "2", "score_policy": "last", "closes_at": "2030-05-01T10:00"},
        token_from=page,
    )
    [changed] = logged()
    assert (changed.action, changed.subject_id) == ("quiz.settings", quiz_id)
    assert changed.details == {
        "attempts_allowed": {"old": None, "new": 2},
        "score_policy": {"old": "best", "new": "last"},
        "closes_at": {"old": None, "new": "2030-05-01T10:00:00+00:00"},
    }


def test_removing_a_rule_is_logged(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    document, _ = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    rule = {"rule-count": "2", "rule-document": str(document.id), "rule-question_type": ""}
    post_form(teacher_client, f"{page}/rules", rule, token_from=page)
    db.session.expire_all()
    rule_id = db.session.get(Quiz, quiz_id).rules[0].id
    assert post_form(teacher_client, f"{page}/rules/{rule_id + 1}/remove", {}, token_from=page).status_code == 404
    assert logged() == []
    post_form(teacher_client, f"{page}/rules/{rule_id}/remove", {}, token_from=page)
    [removed] = logged()
    assert (removed.action, removed.subject_id) == ("quiz.rule_remove", quiz_id)
    assert removed.details == {"count": 2, "document": document.id, "type": None, "tag": None}


def test_extra_time_and_removing_a_student_are_logged(app: Flask, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    school_class = class_with(users.teacher, [users.student])
    db.session.commit()
    member = school_class.members[0]
    token = csrf_token(teacher_client, "/classes/")
    url = f"/classes/{school_class.id}/members/{member.id}/extra-time"
    assert (
        teacher_client.post(url, data={f"m{member.id}-percent": "401", f"m{member.id}-csrf_token": token}).status_code
        == 400
    )
    teacher_client.post(url, data={f"m{member.id}-percent": "0", f"m{member.id}-csrf_token": token})  # unchanged
    other = app.test_client()
    login(other, users.other_teacher)
    other_token = csrf_token(other, "/classes/")
    assert (
        other.post(url, data={f"m{member.id}-percent": "50", f"m{member.id}-csrf_token": other_token}).status_code
        == 404
    )
    assert post_form(other, f"/classes/{school_class.id}/members/{member.id}/remove", {}).status_code == 404
    assert logged() == []

    teacher_client.post(url, data={f"m{member.id}-percent": "50", f"m{member.id}-csrf_token": token})
    [extra] = logged()
    assert (extra.action, extra.subject_type, extra.subject_id) == ("class.extra_time", "class", school_class.id)
    assert extra.details == {"student": users.student, "extra_time_percent": {"old": 0, "new": 50}}
    assert extra.owner_id == extra.actor_id == user(users.teacher).id

    post_form(teacher_client, f"/classes/{school_class.id}/members/{member.id}/remove", {})
    [removed] = logged("class.member_remove")
    assert removed.details == {"student": users.student, "extra_time_percent": 50}
    assert users.student in removed.summary


def test_taking_a_quiz_away_from_a_class_is_logged(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, visibility="class")
    school_class = class_with(users.teacher, [users.student])
    assign(quiz, school_class)
    db.session.commit()
    url = f"/classes/{school_class.id}/quizzes/{quiz.id}/remove"
    post_form(teacher_client, url, {}, token_from="/classes/")
    post_form(teacher_client, url, {}, token_from="/classes/")  # no longer assigned: nothing to do
    [taken] = logged()
    assert (taken.action, taken.subject_id, taken.details) == (
        "class.quiz_unassign",
        school_class.id,
        {"quiz": quiz.id},
    )
    assert quiz.title in taken.summary
