"""Every action on the question bank that gives or takes trust writes one event; a refused one writes none."""

from __future__ import annotations

import io

from flask import Flask
from flask.testing import FlaskClient

from quizapp.bank import review
from quizapp.bank.models import Question, QuestionFlag
from quizapp.extensions import db
from tests.audit.logged import actions, logged
from tests.bank.test_authoring import GIFT
from tests.bank.test_review import drafts
from tests.factories import ARTICLE, QUESTIONS, make_document, make_question, user
from tests.support import csrf_token, login, post_form


def review_one(client: FlaskClient, question_id: int, **fields: str) -> int:
    data = {f"r{question_id}-{name}": value for name, value in fields.items()}
    return post_form(client, f"/bank/questions/{question_id}/review", data, token_from="/bank/review").status_code


def test_approve_and_reject_log_the_reviewer_and_the_change(app: Flask, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    first, second = drafts(users.teacher)[:2]
    teacher = user(users.teacher)
    review_one(teacher_client, first.id, approve="Approve")
    [approved] = logged()
    assert (approved.action, approved.subject_type, approved.subject_id) == ("question.approve", "question", first.id)
    assert (approved.actor_id, approved.owner_id, approved.actor_name) == (teacher.id, teacher.id, "teach (teach)")
    assert approved.details == {"status": {"old": "draft", "new": "approved"}}
    assert QUESTIONS[0]["prompt"] in approved.summary

    assert review_one(teacher_client, second.id, reject="Reject") == 302  # no reason: refused with a message
    assert actions() == ["question.approve"]
    review_one(teacher_client, second.id, reject="Reject", reason="Ambiguous: two engineers.")
    rejected = logged("question.reject")
    assert [entry.subject_id for entry in rejected] == [second.id]
    assert rejected[0].details == {"status": {"old": "draft", "new": "rejected"}, "reason": "Ambiguous: two engineers."}

    other = app.test_client()
    login(other, users.other_teacher)
    assert review_one(other, second.id, approve="Approve") == 404
    assert actions() == ["question.approve", "question.reject"]


def test_bulk_review_logs_each_question_or_nothing(app: Flask, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mine = drafts(users.teacher)
    theirs = make_question(user(users.other_teacher), make_document(user(users.other_teacher)), QUESTIONS[0], "draft")
    db.session.commit()
    refused = post_form(
        teacher_client,
        "/bank/review/bulk",
        {"selected": [mine[0].id, theirs.id], "approve": "Approve selected"},
        token_from="/bank/review",
    )
    assert refused.status_code == 404
    no_reason = post_form(
        teacher_client, "/bank/review/bulk", {"selected": [mine[0].id], "reject": "Reject"}, token_from="/bank/review"
    )
    assert no_reason.status_code == 302
    assert logged() == []

    post_form(
        teacher_client,
        "/bank/review/bulk",
        {"selected": [mine[0].id, mine[1].id], "approve": "Approve selected"},
        token_from="/bank/review",
    )
    post_form(
        teacher_client,
        "/bank/review/bulk",
        {"selected": [mine[2].id], "reject": "Reject", "reason": "Off topic"},
        token_from="/bank/review",
    )
    assert [(entry.action, entry.subject_id) for entry in logged()] == [
        ("question.approve", mine[0].id),
        ("question.approve", mine[1].id),
        ("question.reject", mine[2].id),
    ]
    assert logged("question.reject")[0].details["reason"] == "Off topic"


def test_an_edit_logs_the_versions_and_what_changed_in_the_key(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mc = drafts(users.teacher)[0]
    page = f"/bank/questions/{mc.id}/edit"
    form = {
        "type": "multiple_choice",
        "prompt": QUESTIONS[0]["prompt"],
        "options": "\n".join(QUESTIONS[0]["options"]),
        "answer": "Thomas Reed",
        "explanation": QUESTIONS[0]["explanation"],
        "save": "Save",
    }
    invalid = post_form(teacher_client, page, {**form, "answer": "Nobody"}, token_from=page)
    assert invalid.status_code == 400
    assert logged() == []

    assert post_form(teacher_client, page, form, token_from=page).status_code == 302
    [edit] = logged()
    assert (edit.action, edit.subject_id, edit.actor_id) == ("question.edit", mc.id, user(users.teacher).id)
    assert edit.details == {
        "version": {"old": 1, "new": 2},
        "answer": {"old": "Margaret Hale", "new": "Thomas Reed"},
    }

    post_form(
        teacher_client, page, {**form, "prompt": "Who planned it?", "save_approve": "Save and approve"}, token_from=page
    )
    assert actions() == ["question.edit", "question.edit", "question.approve"]
    second_edit = logged("question.edit")[1]
    assert second_edit.details["version"] == {"old": 2, "new": 3}
    assert second_edit.details["prompt"] == {"old": QUESTIONS[0]["prompt"], "new": "Who planned it?"}


def test_writing_and_importing_questions_are_logged(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    theirs = make_document(user(users.other_teacher))
    db.session.commit()
    form = {"type": "true_false", "prompt": "The canal was finished in 1821.", "answer": "true", "save": "Save"}
    refused = post_form(
        teacher_client, "/bank/questions/new", {**form, "document": str(theirs.id)}, token_from="/bank/questions/new"
    )
    assert refused.status_code == 400
    invalid = {"type": "ordering", "prompt": "Order these.", "answer": "A\nA\nB", "save": "Save"}
    assert (
        post_form(teacher_client, "/bank/questions/new", invalid, token_from="/bank/questions/new").status_code == 400
    )
    assert logged() == []

    written = {**form, "save_approve": "Save and approve"}
    del written["save"]
    post_form(teacher_client, "/bank/questions/new", written, token_from="/bank/questions/new")
    question_id = db.session.scalar(db.select(Question.id))
    created, approved = logged()
    assert (created.action, created.subject_id) == ("question.create", question_id)
    assert created.details == {"type": "true_false", "answer": True, "origin": "authored"}
    assert (approved.action, approved.subject_id) == ("question.approve", question_id)

    token = csrf_token(teacher_client, "/bank/import")
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><quiz></quiz>'
    teacher_client.post(
        "/bank/import",
        data={"file": (io.BytesIO(bomb), "bomb.xml"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert len(logged()) == 2
    teacher_client.post(
        "/bank/import",
        data={"file": (io.BytesIO(GIFT.encode()), "canal.gift"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    imported = logged("question.import")
    assert len(imported) == 2  # the essay the file also held was left out, and is not logged
    assert {entry.details["origin"] for entry in imported} == {"imported"}
    assert {entry.actor_id for entry in imported} == {user(users.teacher).id}


def test_resolving_a_flag_is_logged_with_what_was_done(app: Flask, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    question = drafts(users.teacher)[0]
    flag = QuestionFlag(question_id=question.id, kind="wrong", comment="Two engineers?")
    db.session.add(flag)
    db.session.commit()
    url = f"/bank/questions/{question.id}/flags/{flag.id}/resolve"
    other = app.test_client()
    login(other, users.other_teacher)
    assert post_form(other, url, {f"f{flag.id}-resolution": "x"}).status_code == 404
    post_form(teacher_client, url, {f"f{flag.id}-resolution": "   "}, token_from=f"/bank/questions/{question.id}/edit")
    assert logged() == []
    post_form(
        teacher_client,
        url,
        {f"f{flag.id}-resolution": "Checked: the key is right."},
        token_from=f"/bank/questions/{question.id}/edit",
    )
    [resolved] = logged()
    assert (resolved.action, resolved.subject_id) == ("flag.resolve", question.id)
    assert resolved.details == {
        "flag": flag.id,
        "kind": "wrong",
        "comment": "Two engineers?",
        "resolution": "Checked: the key is right.",
    }


def test_a_new_revision_logs_the_approved_questions_it_sends_back(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    document = make_document(teacher)
    make_question(teacher, document, QUESTIONS[0])  # its sentence stays
    changed = make_question(teacher, document, QUESTIONS[1])  # its sentence changes
    make_question(teacher, document, QUESTIONS[2], status="draft")  # changes too, but was only a draft
    db.session.commit()
    revised = ARTICLE.replace("opened in 1821 after nine years", "opened in 1822 after ten years")
    response = teacher_client.post(
        f"/sources/{document.id}/revision",
        data={"file": (io.BytesIO(revised.encode()), "canal-v2.txt"), "csrf_token": csrf_token(teacher_client, "/")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    [sent] = logged()
    assert (sent.action, sent.subject_id, sent.actor_id) == ("question.sent_back", changed.id, teacher.id)
    assert sent.details == {"status": {"old": "approved", "new": "draft"}, "revision": {"old": 1, "new": 2}}


def test_sending_a_weak_question_back_is_logged(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    document = make_document(teacher)
    approved = make_question(teacher, document, QUESTIONS[0])
    draft = make_question(teacher, document, QUESTIONS[1], status="draft")
    assert review.send_back_to_review(approved, "Too easy: everyone got it right.", None)
    assert not review.send_back_to_review(draft, "Too easy.", None)
    db.session.commit()
    [sent] = logged()
    assert (sent.action, sent.subject_id, sent.actor_id, sent.actor_name) == (
        "question.sent_back",
        approved.id,
        None,
        "system",
    )
    assert sent.details["reason"] == "Too easy: everyone got it right."
