"""/manage/audit: admins read everything, a teacher only what concerns them, students nothing; pages and filters."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from quizapp.audit import services as audit
from quizapp.bank.models import Question
from quizapp.extensions import db
from tests.audit.logged import counted_statements, logged
from tests.factories import QUESTIONS, make_document, make_question, user
from tests.support import login, post_form

ROW = re.compile(r'<tr id="event-(\d+)"')


def shown(html: str) -> list[int]:
    return [int(found) for found in ROW.findall(html)]


def approve(client: FlaskClient, question: Question) -> None:
    response = post_form(
        client,
        f"/bank/questions/{question.id}/review",
        {f"r{question.id}-approve": "Approve"},
        token_from="/bank/review",
    )
    assert response.status_code == 302


def draft_of(teacher_name: str, spec: int = 0) -> Question:
    teacher = user(teacher_name)
    question = make_question(teacher, make_document(teacher), QUESTIONS[spec], status="draft")
    db.session.commit()
    return question


def test_students_are_refused_and_visitors_sent_to_log_in(client: FlaskClient, student_client: FlaskClient) -> None:
    assert student_client.get("/manage/audit").status_code == 403
    response = client.get("/manage/audit")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_a_teacher_sees_only_events_about_their_objects_or_by_them(
    app: Flask, teacher_client: FlaskClient, admin_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = draft_of(users.teacher), draft_of(users.other_teacher, spec=1)
    other = app.test_client()
    login(other, users.other_teacher)
    approve(teacher_client, mine)
    approve(other, theirs)
    my_event, their_event = logged()
    assert their_event.owner_id == user(users.other_teacher).id

    assert shown(teacher_client.get("/manage/audit").get_data(as_text=True)) == [my_event.id]
    # Asking for the other teacher's events by every filter the page has shows nothing of theirs.
    other_id = user(users.other_teacher).id
    for attack in (
        f"?owner={other_id}",
        f"?actor={other_id}",
        f"?subject=question:{theirs.id}",
        f"?subject=question:{theirs.id}&owner={other_id}&actor={other_id}&action=question.approve",
        "?subject=question",
        "?page=1&owner=",
    ):
        html = teacher_client.get("/manage/audit" + attack).get_data(as_text=True)
        assert their_event.id not in shown(html), attack
        assert QUESTIONS[1]["prompt"] not in html, attack
    assert shown(teacher_client.get(f"/manage/audit?subject=question:{theirs.id}").get_data(as_text=True)) == []

    # The admin reads both, and can narrow to one teacher's objects.
    assert shown(admin_client.get("/manage/audit").get_data(as_text=True)) == [their_event.id, my_event.id]
    assert shown(admin_client.get(f"/manage/audit?owner={other_id}").get_data(as_text=True)) == [their_event.id]


def test_a_teacher_sees_what_an_admin_did_to_their_account(
    teacher_client: FlaskClient, admin_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    response = post_form(
        admin_client, f"/admin/users/{teacher.id}/role", {f"u{teacher.id}-role": "admin"}, token_from="/admin/users"
    )
    assert response.status_code == 302
    [event] = logged()
    login(teacher_client, users.teacher)  # the role change ended the teacher's sessions
    assert shown(teacher_client.get("/manage/audit").get_data(as_text=True)) == [event.id]


def test_filters_by_action_and_subject(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    first, second = draft_of(users.teacher), draft_of(users.teacher, spec=1)
    approve(teacher_client, first)
    post_form(
        teacher_client,
        f"/bank/questions/{second.id}/review",
        {f"r{second.id}-reject": "Reject", f"r{second.id}-reason": "Ambiguous"},
        token_from="/bank/review",
    )
    approved, rejected = logged()
    assert shown(teacher_client.get("/manage/audit?action=question.reject").get_data(as_text=True)) == [rejected.id]
    history = teacher_client.get(f"/manage/audit?subject=question:{first.id}").get_data(as_text=True)
    assert shown(history) == [approved.id]
    assert f'value="question:{first.id}"' in history  # the filter stays in the form
    # Nonsense in the query string is ignored, never an error.
    assert teacher_client.get("/manage/audit?action=drop&subject=x:y&page=-3&owner=1e9").status_code == 200


def test_pages_of_fifty_newest_first_at_a_fixed_number_of_statements(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    question = draft_of(users.teacher)
    for number in range(3):
        audit.record(db.session, teacher, "question.approve", question, f"Approval {number}")
    db.session.commit()
    with counted_statements() as few:
        assert len(shown(teacher_client.get("/manage/audit").get_data(as_text=True))) == 3
    for number in range(3, 120):
        audit.record(db.session, teacher, "question.approve", question, f"Approval {number}")
    db.session.commit()
    with counted_statements() as many:
        first = teacher_client.get("/manage/audit").get_data(as_text=True)
    assert len(many) == len(few)
    ids = [entry.id for entry in logged()]
    assert shown(first) == ids[::-1][:50]
    assert 'href="/manage/audit?page=2"' in first
    assert ">Newer</span>" in first  # nothing newer than the first page
    third = teacher_client.get("/manage/audit?page=3").get_data(as_text=True)
    assert shown(third) == ids[::-1][100:]
    assert ">Older</span>" in third
    assert 'href="/manage/audit?page=2"' in third


def test_a_payload_in_a_question_is_shown_as_text(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    payload = "<script>alert('audit')</script>"
    form = {
        "type": "true_false",
        "prompt": f"The canal opened in 1821 {payload}.",
        "answer": "true",
        "tags": "",
        "save": "Save",
    }
    response = post_form(teacher_client, "/bank/questions/new", form, token_from="/bank/questions/new")
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    [event] = logged()
    assert payload in event.summary  # stored as written
    html = teacher_client.get("/manage/audit").get_data(as_text=True)
    assert shown(html) == [event.id]
    assert payload not in html
    assert "&lt;script&gt;alert(&#39;audit&#39;)&lt;/script&gt;" in html


def test_the_question_and_regrade_pages_link_to_the_questions_history(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    question = draft_of(users.teacher)
    link = f'href="/manage/audit?subject=question:{question.id}"'
    assert link in teacher_client.get(f"/bank/questions/{question.id}/edit").get_data(as_text=True)
    assert link in teacher_client.get(f"/bank/questions/{question.id}/regrade").get_data(as_text=True)
    assert 'href="/manage/audit"' in teacher_client.get("/").get_data(as_text=True)  # in the menu
