"""Every hostile file through the app, on both databases: a teacher's upload form and question import.

A refused file gets a 400 page saying which file and why, and changes no row of any table; a readable
one is stored as one document (or its questions as drafts). Drafting questions from a stored document
is replaced by a no-op here: the generator is not what is under attack, and on a 10 MB page it would
run for minutes. Ingestion itself is real; its outcome for a file is remembered between the two
databases' runs (the subprocess tests in test_hostile_files.py already bound its cost), so the second
run checks the app's handling without paying for the same reading again.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.bank import authoring
from quizapp.bank import services as bank_services
from quizapp.bank.interchange import InterchangeError
from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.generation.types import IngestError
from quizapp.sources import services as source_services
from quizapp.sources.models import SourceDocument
from tests.fuzz.hostile_files import Hostile, import_cases, ingest_cases
from tests.fuzz.mutations import sample_mutations
from tests.support import csrf_token

_REMEMBERED: dict[tuple[str, str], Any] = {}


def row_counts() -> dict[str, int]:
    """Rows in every table of the schema."""
    db.session.rollback()
    tables = db.metadata.sorted_tables
    return {table.name: db.session.scalar(select(func.count()).select_from(table)) or 0 for table in tables}


def remembered(read: Callable[..., Any], refusal: type[Exception]) -> Callable[..., Any]:
    """``read`` whose outcome (a result, or a ``refusal`` raised again) is kept per input and replayed."""

    def read_once(*args: Any) -> Any:
        digest = hashlib.sha256()
        for arg in args:
            digest.update(arg if isinstance(arg, bytes) else repr(arg).encode())
        key = (read.__qualname__, digest.hexdigest())
        if key not in _REMEMBERED:
            try:
                _REMEMBERED[key] = read(*args)
            except refusal as error:
                _REMEMBERED[key] = error
        outcome = _REMEMBERED[key]
        if isinstance(outcome, refusal):
            raise outcome
        return outcome

    return read_once


@pytest.fixture
def upload_app(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Flask:
    no_drafts = SimpleNamespace(questions=[])
    monkeypatch.setattr(bank_services, "generate_drafts", lambda *args, **kwargs: no_drafts)
    monkeypatch.setattr(source_services, "read_document", remembered(source_services.read_document, IngestError))
    monkeypatch.setattr(authoring, "import_gift", remembered(authoring.import_gift, InterchangeError))
    monkeypatch.setattr(authoring, "import_moodle_xml", remembered(authoring.import_moodle_xml, InterchangeError))
    monkeypatch.setitem(app.config, "GENERATION_INLINE_WORDS", 10**9)
    monkeypatch.setitem(app.config, "IMPORT_INLINE_BYTES", 10**9)  # the background path has its own test below
    return app


def page_text(response: Any) -> str:
    return html.unescape(response.get_data(as_text=True))


def post_file(client: FlaskClient, path: str, case: Hostile) -> Any:
    return post_bytes(client, path, case.filename, case.build())


def post_bytes(client: FlaskClient, path: str, filename: str, data: bytes) -> Any:
    token = csrf_token(client, path)
    return client.post(path, data={"file": (io.BytesIO(data), filename), "csrf_token": token},
                       content_type="multipart/form-data")  # fmt: skip


@pytest.mark.parametrize("case", ingest_cases(), ids=lambda case: case.name)
def test_hostile_upload_through_the_form(upload_app: Flask, teacher_client: FlaskClient, case: Hostile) -> None:
    before = row_counts()
    response = post_file(teacher_client, "/sources/new", case)
    after = row_counts()
    if case.expect == "error":
        assert response.status_code == 400
        text = page_text(response)
        assert f"{case.filename}: " in text
        assert re.search(case.match, text)
        assert after == before, "a refused file stores nothing"
        return
    assert response.status_code == 302, page_text(response)[:500]
    assert after[SourceDocument.__tablename__] == before[SourceDocument.__tablename__] + 1
    document = db.session.scalars(select(SourceDocument).order_by(SourceDocument.id.desc())).first()
    assert document is not None
    assert document.cleaned_text
    if case.contains:
        assert case.contains in document.cleaned_text
    if case.forbidden:
        assert case.forbidden not in document.cleaned_text


@pytest.mark.parametrize("case", import_cases(), ids=lambda case: case.name)
def test_hostile_import_through_the_form(upload_app: Flask, teacher_client: FlaskClient, case: Hostile) -> None:
    before = row_counts()
    response = post_file(teacher_client, "/bank/import", case)
    after = row_counts()
    text = page_text(response)
    if case.expect == "error":
        assert response.status_code == 400
        assert f"{case.filename}: " in text
        assert re.search(case.match, text)
        assert after == before, "a refused file stores nothing"
        return
    assert response.status_code == 200, text[:500]
    imported = re.search(r"(\d+) questions? imported", text)
    assert imported, text[:500]
    stored = after[Question.__tablename__] - before[Question.__tablename__]
    assert stored == int(imported.group(1))
    if stored == 0:
        assert "Left out:" in text
        assert after == before
    if case.forbidden:
        assert case.forbidden not in text


@pytest.mark.parametrize(("kind", "name", "data"), sample_mutations(), ids=lambda value: None)
def test_mutated_file_through_the_form(  # type: ignore[no-untyped-def]
    upload_app: Flask, teacher_client: FlaskClient, kind: str, name: str, data: bytes
) -> None:
    """Randomly damaged files: refused with a page naming the file and nothing stored, or stored whole."""
    path = "/sources/new" if kind == "ingest" else "/bank/import"
    filename = name.replace(".moodle_xml", ".xml")  # the import form tells Moodle XML by its extension
    before = row_counts()
    response = post_bytes(teacher_client, path, filename, data)
    after = row_counts()
    text = page_text(response)
    if response.status_code == 400:
        assert f"{filename}: " in text
        assert after == before, "a refused file stores nothing"
    elif kind == "ingest":
        assert response.status_code == 302, text[:500]
        assert after[SourceDocument.__tablename__] == before[SourceDocument.__tablename__] + 1
    else:
        assert response.status_code == 200, text[:500]
        imported = re.search(r"(\d+) questions? imported", text)
        assert imported, text[:500]
        assert after[Question.__tablename__] - before[Question.__tablename__] == int(imported.group(1))


@pytest.mark.parametrize("case", import_cases(), ids=lambda case: case.name)
def test_hostile_import_handed_to_the_worker(upload_app: Flask, teacher_client: FlaskClient, case: Hostile) -> None:
    """The same files as a large import: refused at once when over the size limit, else the worker's page says
    what the inline import would have said, and a refused file stores no question."""
    upload_app.config["IMPORT_INLINE_BYTES"] = 0
    before = row_counts()
    response = post_file(teacher_client, "/bank/import", case)
    if response.status_code == 400:  # over the format's size limit: never queued
        assert case.expect == "error"
        assert re.search(case.match, page_text(response))
        assert row_counts() == before
        return
    assert response.status_code == 302, page_text(response)[:500]
    text = page_text(teacher_client.get(response.location))
    after = row_counts()
    stored = after[Question.__tablename__] - before[Question.__tablename__]
    if case.expect == "error":
        assert f"{case.filename}: " in text or case.filename in text
        assert re.search(case.match, text), text[:800]
        assert "Nothing was imported" in text
        assert stored == 0, "a refused file stores nothing"
        return
    imported = re.search(r"(\d+) questions? imported", text)
    assert imported, text[:500]
    assert stored == int(imported.group(1))
