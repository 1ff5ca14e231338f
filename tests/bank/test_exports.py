"""Exports for Canvas, QTI 2.1 and Anki from the bank and from one quiz, through the pages, on both databases."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import genanki
import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.bank.interchange.qti21_import import import_qti21
from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.quizzes.models import QuizRule
from tests.factories import QUESTIONS, all_types_quiz, make_document, make_question, user
from tests.support import csrf_token, login


def _anki_notes(data: bytes) -> list[tuple[str, list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(path) as collection:
            rows = collection.execute("SELECT guid, flds FROM notes ORDER BY id").fetchall()
    return [(guid, fields.split("\x1f")) for guid, fields in rows]


def test_the_bank_exports_to_qti21_and_reads_back(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    _, questions = all_types_quiz(users.teacher)
    response = teacher_client.get("/bank/export/qti21")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == 'attachment; filename="questions.qti21.zip"'
    back = import_qti21(response.data)
    assert back.skipped == []
    assert [(q["type"], q["prompt"]) for q in back.questions] == [(q.latest.type, q.latest.prompt) for q in questions]


def test_anki_deck_has_approved_questions_their_sources_and_stable_guids(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    _, questions = all_types_quiz(users.teacher)
    teacher = user(users.teacher)
    draft = make_question(teacher, make_document(teacher), QUESTIONS[0], status="draft")
    db.session.commit()
    first = _anki_notes(teacher_client.get("/bank/export/anki?status=").data)  # a deck is approved questions only
    assert [guid for guid, _ in first] == [genanki.guid_for("quizapp", q.id) for q in questions]
    assert draft.id not in [int(fields[4]) for _, fields in first]
    assert QUESTIONS[0]["quote"] in first[0][1][3]
    assert "The Riverside Canal" in first[0][1][3]
    questions[0].latest.prompt = "Who planned the canal, in the end?"
    db.session.commit()
    second = _anki_notes(teacher_client.get("/bank/export/anki").data)
    assert [guid for guid, _ in second] == [guid for guid, _ in first]
    assert "in the end" in second[0][1][0]


def test_a_quiz_exports_its_questions_points_and_rules(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher)
    teacher = user(users.teacher)
    document = make_document(teacher)
    extra = [make_question(teacher, document, spec) for spec in QUESTIONS[:2]]
    quiz.questions[0].points = 3.0
    quiz.rules.append(QuizRule(count=1, points=2.0, document_id=document.id))
    db.session.commit()
    canvas = teacher_client.get(f"/manage/quizzes/{quiz.id}/export/canvas")
    assert canvas.status_code == 200
    with zipfile.ZipFile(io.BytesIO(canvas.data)) as archive:
        assessment = next(
            archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml") and "meta" not in n and "/" in n
        )
    assert "<selection_number>1</selection_number>" in assessment
    assert "<points_per_item>2</points_per_item>" in assessment
    assert "<fieldentry>3</fieldentry>" in assessment  # the first question's own points
    for question in extra:
        assert f"quizapp_q_{question.id}" in assessment  # the rule's pool, beside the fixed questions
    qti = import_qti21(teacher_client.get(f"/manage/quizzes/{quiz.id}/export/qti21").data)
    assert len(qti.questions) == len(questions) + len(extra)
    page = teacher_client.get(f"/manage/quizzes/{quiz.id}").get_data(as_text=True)
    assert f"/manage/quizzes/{quiz.id}/export/canvas" in page


def test_a_teacher_exports_only_their_own(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher)
    other = app.test_client()
    login(other, users.other_teacher)
    assert other.get(f"/manage/quizzes/{quiz.id}/export/qti21").status_code == 404
    for fmt in ("canvas", "qti21", "anki"):
        response = other.get(f"/bank/export/{fmt}")
        assert response.status_code == 200
        with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
            text = b"".join(archive.read(name) for name in archive.namelist())
        assert questions[0].latest.prompt.encode() not in text
    mine = teacher_client.get("/bank/export/canvas").data
    with zipfile.ZipFile(io.BytesIO(mine)) as archive:
        assert any(questions[0].latest.prompt.encode() in archive.read(name) for name in archive.namelist())
    student = app.test_client()
    login(student, users.student)
    assert student.get("/bank/export/anki").status_code == 403
    assert student.get(f"/manage/quizzes/{quiz.id}/export/anki").status_code == 403


def test_an_unknown_format_is_refused_with_a_message(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    response = teacher_client.get(f"/manage/quizzes/{quiz.id}/export/pdf")
    assert response.status_code == 400
    assert b"Choose Canvas, QTI 2.1 or Anki." in response.data


def test_the_export_page_says_what_each_type_becomes(teacher_client: FlaskClient) -> None:
    page = teacher_client.get("/bank/export").get_data(as_text=True)
    assert "Classic Quizzes has no ordering type" in page
    assert "orderInteraction" in page
    assert "Anki deck" in page


def _upload(client: FlaskClient, data: bytes, name: str):  # type: ignore[no-untyped-def]
    token = csrf_token(client, "/bank/import")
    return client.post(
        "/bank/import", data={"file": (io.BytesIO(data), name), "csrf_token": token}, content_type="multipart/form-data"
    )


def test_a_qti21_package_quizapp_wrote_imports_back_as_the_same_questions(
    app, teacher_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    _, questions = all_types_quiz(users.teacher)
    package = teacher_client.get("/bank/export/qti21").data
    other = app.test_client()
    login(other, users.other_teacher)
    response = _upload(other, package, "questions.qti21.zip")
    assert response.status_code == 200
    assert f"Imported {len(questions)} questions".encode() in response.data
    theirs = db.session.scalars(
        select(Question).where(Question.owner_id == user(users.other_teacher).id).order_by(Question.id)
    ).all()
    assert [q.status for q in theirs] == ["draft"] * len(questions)
    fields = ("type", "prompt", "options", "answer", "explanation")
    assert [tuple(getattr(q.latest, f) for f in fields) for q in theirs] == [
        tuple(getattr(q.latest, f) for f in fields) for q in questions
    ]


def test_a_damaged_package_is_refused_and_nothing_is_stored(teacher_client: FlaskClient) -> None:
    response = _upload(teacher_client, b"PK\x03\x04 not really a zip", "broken.zip")
    assert response.status_code == 400
    assert b"broken.zip" in response.data
    assert b"not a zip package" in response.data
    assert db.session.scalar(select(func.count()).select_from(Question)) == 0


def test_a_question_a_format_cannot_hold_stops_the_export_with_a_message() -> None:
    from quizapp.bank.exports import package
    from quizapp.exceptions import DomainError

    wild = {"id": 9, "type": "fill_in", "prompt": "Anything: _____", "answer": ["*"], "title": "Wild"}
    with pytest.raises(DomainError, match='Nothing was exported: question 1 "Wild": Canvas cannot hold'):
        package("canvas", [wild], title="Bank", key="bank-1")
