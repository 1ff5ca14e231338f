"""POST /api/v1/questions/import: the import page's importer behind a token, all or nothing, with its limits."""

from __future__ import annotations

import io
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from quizapp.bank.interchange import export_moodle_xml
from quizapp.bank.interchange.gift_import import MAX_BYTES as GIFT_MAX
from quizapp.bank.models import ImportJob, Question
from quizapp.extensions import db
from tests.api.conftest import bearer
from tests.bank.test_import_jobs import ESSAY, bank_questions, gift_file

URL = "/api/v1/questions/import"


def stored() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(Question.id))) or 0


def upload(client, headers, data: bytes, filename: str = "bank.gift", query: str = "") -> Any:  # type: ignore[no-untyped-def]
    return client.post(
        URL + query, headers=headers, data={"file": (io.BytesIO(data), filename)}, content_type="multipart/form-data"
    )


def test_a_gift_file_is_imported_as_drafts_and_what_was_left_out_is_listed(client, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    data = gift_file(4)
    response = upload(client, teacher_headers, data)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["imported"] == 4
    assert body["job"] is None
    assert [(q["status"], q["origin"]) for q in body["questions"]] == [("draft", "imported")] * 4
    essay_line = data.decode().splitlines().index(ESSAY.strip()) + 1
    assert len(body["left_out"]) == 1
    assert body["left_out"][0].startswith(f'line {essay_line} "Essay": essay questions')
    assert stored() == 4
    again = upload(client, teacher_headers, data).get_json()  # the bank has them now: left out as duplicates
    assert again["imported"] == 0
    assert len(again["left_out"]) == 5
    assert stored() == 4
    kept = upload(client, teacher_headers, data, query="?keep_duplicates=true").get_json()
    assert kept["imported"] == 4


def test_moodle_xml_as_text_in_a_json_body(client, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    text = export_moodle_xml(bank_questions(3)).decode()
    response = client.post(URL, headers=teacher_headers, json={"text": text})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["imported"] == 3
    assert stored() == 3


@pytest.mark.parametrize(
    ("data", "filename", "said"),
    [
        (b"<?xml version='1.0'?><quiz><question type='multichoice'>", "bank.xml", "bank.xml: "),
        (b"PK\x03\x04 not really a zip", "bank.zip", "bank.zip: "),
        (b"Who planned the canal? Hale, surely.", "bank.gift", "bank.gift: the file contains no questions"),
    ],
    ids=["xml", "zip", "gift"],
)
def test_a_malformed_file_is_refused_with_its_reason_and_stores_nothing(
    client, teacher_headers, data: bytes, filename: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    response = upload(client, teacher_headers, data, filename)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "bad_request"
    assert error["message"].startswith(said)
    assert len(error["message"]) > len(said)
    assert stored() == 0
    assert db.session.scalar(select(func.count(ImportJob.id))) == 0


def test_a_question_that_cannot_be_read_is_left_out_with_its_line(client, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    response = upload(client, teacher_headers, b"::Q1:: Who planned the canal? {=Hale ~Reed\n")
    assert response.status_code == 200
    body = response.get_json()
    assert body["imported"] == 0
    assert body["left_out"] == ["line 1 \"Q1\": '{' is never closed by '}' (a blank line ends a question)"]
    assert stored() == 0


def test_a_file_over_the_pages_size_limit_is_refused_before_it_is_read(client, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    response = client.post(URL, headers=teacher_headers, json={"text": "x" * (GIFT_MAX + 1), "format": "gift"})
    assert response.status_code == 400
    assert "at most 5" in response.get_json()["error"]["message"]
    assert stored() == 0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"json": {}}, "text"),
        ({"json": {"text": "   "}}, "text"),
        ({"json": {"text": "::Q:: x {T}", "format": "qti21"}}, "format"),
        ({"json": {"text": "::Q:: x {T}", "colour": "red"}}, "colour"),
        ({"data": {"file": (b"::Q:: x {T}", "a.gift"), "text": "y"}}, "text"),
    ],
    ids=["nothing", "blank", "qti-as-text", "unknown", "both"],
)
def test_a_request_without_one_file_is_refused(client, teacher_headers, kwargs, field: str) -> None:  # type: ignore[no-untyped-def]
    if "data" in kwargs:  # a fresh file for each run
        content, name = kwargs["data"]["file"]
        kwargs = {"data": {**kwargs["data"], "file": (io.BytesIO(content), name)}}
    response = client.post(URL, headers=teacher_headers, **kwargs)
    assert response.status_code == 422
    assert field in response.get_json()["error"]["fields"]
    assert stored() == 0


def test_a_large_file_goes_to_the_worker_and_its_job_is_its_owners(
    app: Flask, client, teacher_headers, make_token, users
) -> None:  # type: ignore[no-untyped-def]
    app.config["IMPORT_INLINE_BYTES"] = 1_000
    response = upload(client, teacher_headers, gift_file(40))
    assert response.status_code == 200
    body = response.get_json()
    assert body["imported"] == 0
    assert body["job"]["status"] == "queued"
    job_url = f"{URL}/jobs/{body['job']['id']}"
    job = client.get(job_url, headers=teacher_headers).get_json()  # the tests' worker runs at once
    assert (job["status"], job["imported"], len(job["left_out"])) == ("done", 40, 1)
    assert stored() == 40
    for username in (users.other_teacher, users.admin):
        assert client.get(job_url, headers=bearer(make_token(username))).status_code == 404


def test_import_needs_a_staff_token_with_write_scope(client, make_token, users) -> None:  # type: ignore[no-untyped-def]
    data = gift_file(2)
    read_only = upload(client, bearer(make_token(users.teacher, write=False)), data)
    assert read_only.status_code == 403
    assert read_only.get_json()["error"]["code"] == "insufficient_scope"
    student = upload(client, bearer(make_token(users.student, write=False)), data)
    assert student.status_code == 403
    assert upload(client, {}, data).status_code == 401
    assert stored() == 0
