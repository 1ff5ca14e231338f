"""Writing questions by hand, importing and exporting Moodle files, resolving students' flags."""

from __future__ import annotations

import io

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.bank.interchange import import_gift, import_moodle_xml
from quizapp.bank.models import Question, QuestionFlag
from quizapp.extensions import db
from tests.bank.test_review import drafts
from tests.support import csrf_token, login, post_form

GIFT = """// a Moodle export
$CATEGORY: $course$/History

::Canal engineer:: Who planned the Riverside Canal? {
  =Margaret Hale ~Thomas Reed ~Ada Moss ~John Brindley #She was the chief engineer.
}

::Opening:: The canal opened in 1821. {T}

::Essay:: Discuss the canal's importance. {}
"""


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_write_a_question_with_tags(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import make_document, user

    document = make_document(user(users.teacher))
    db.session.commit()
    form = {
        "document": str(document.id),
        "type": "ordering",
        "prompt": "Put these in the order they happened.",
        "answer": "The canal opened.\nThe company bought the canal.\nThe railway arrived.",
        "tags": "Canals, transport, canals",
        "save_approve": "Save and approve",
    }
    response = post_form(teacher_client, "/bank/questions/new", form, token_from="/bank/questions/new")
    assert response.status_code == 302
    question = db.session.scalar(select(Question))
    assert question.origin == "authored"
    assert question.status == "approved"
    assert [t.name for t in question.tags] == ["canals", "transport"]
    assert question.document_id == document.id
    bad = post_form(
        teacher_client,
        "/bank/questions/new",
        {"type": "ordering", "prompt": "Order these.", "answer": "A\nA\nB", "save": "Save"},
        token_from="/bank/questions/new",
    )
    assert bad.status_code == 400
    assert count(Question) == 1


def test_import_gift_as_drafts_and_list_what_was_left_out(teacher_client: FlaskClient) -> None:
    token = csrf_token(teacher_client, "/bank/import")
    response = teacher_client.post(
        "/bank/import",
        data={"file": (io.BytesIO(GIFT.encode()), "canal.gift"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert b"2 questions imported" in response.data
    assert b"Essay" in response.data
    questions = db.session.scalars(select(Question)).all()
    assert {q.origin for q in questions} == {"imported"}
    assert {q.status for q in questions} == {"draft"}


def test_hostile_xml_is_refused_whole(teacher_client: FlaskClient) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<quiz><question type="truefalse"><name><text>&lol2;</text></name></question></quiz>'
    )
    token = csrf_token(teacher_client, "/bank/import")
    response = teacher_client.post(
        "/bank/import",
        data={"file": (io.BytesIO(bomb), "bomb.xml"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert b"bomb.xml" in response.data
    assert count(Question) == 0


def test_export_round_trips_through_moodle_formats(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    for question in made:
        question.status = "approved"
    db.session.commit()
    xml = teacher_client.get("/bank/export/moodle_xml")
    assert xml.headers["Content-Disposition"].startswith("attachment")
    back = import_moodle_xml(xml.data).questions
    assert sorted(q["type"] for q in back) == sorted(q.latest.type for q in made)
    gift = import_gift(teacher_client.get("/bank/export/gift").data).questions
    assert {q["prompt"] for q in gift} == {q.latest.prompt for q in made}
    csv = teacher_client.get("/bank/export/csv?status=").get_data(as_text=True)
    assert csv.count("\n") >= len(made) + 1


def test_export_holds_only_ones_own_questions(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    other = app.test_client()
    login(other, users.other_teacher)
    assert made[0].latest.prompt not in other.get("/bank/export/csv?status=").get_data(as_text=True)


def test_resolving_a_flag_records_what_was_done(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    question = drafts(users.teacher)[0]
    flag = QuestionFlag(question_id=question.id, kind="wrong", comment="Two engineers?")
    db.session.add(flag)
    db.session.commit()
    page = teacher_client.get(f"/bank/questions/{question.id}/edit").get_data(as_text=True)
    assert "Two engineers?" in page
    queue = teacher_client.get("/bank/review?flagged=1").get_data(as_text=True)
    assert f'id="item-{question.id}"' in queue
    response = post_form(
        teacher_client,
        f"/bank/questions/{question.id}/flags/{flag.id}/resolve",
        {f"f{flag.id}-resolution": "Checked: the key is right."},
        token_from=f"/bank/questions/{question.id}/edit",
    )
    assert response.status_code == 302
    db.session.expire_all()
    resolved = db.session.get(QuestionFlag, flag.id)
    assert resolved.resolution == "Checked: the key is right."
    assert resolved.resolved_at is not None
    other = app.test_client()
    login(other, users.other_teacher)
    assert (
        post_form(
            other, f"/bank/questions/{question.id}/flags/{flag.id}/resolve", {f"f{flag.id}-resolution": "x"}
        ).status_code
        == 404
    )


def test_a_question_cannot_be_filed_under_another_teachers_document(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import make_document, user

    theirs = make_document(user(users.other_teacher))
    db.session.commit()
    form = {
        "document": str(theirs.id),
        "type": "true_false",
        "prompt": "The canal opened in 1821.",
        "answer": "true",
        "save": "Save",
    }
    response = post_form(teacher_client, "/bank/questions/new", form, token_from="/bank/questions/new")
    assert response.status_code == 400
    assert count(Question) == 0


def test_downloads_name_their_charset_once(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    drafts(users.teacher)
    expected = {
        "/bank/export/gift?status=": "text/plain; charset=utf-8",
        "/bank/export/csv?status=": "text/csv; charset=utf-8",
        "/bank/export/moodle_xml?status=": "application/xml; charset=utf-8",
    }
    for path, content_type in expected.items():
        assert teacher_client.get(path).headers["Content-Type"] == content_type, path
