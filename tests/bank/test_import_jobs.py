"""Large question imports: handed to the background worker, followed on a progress page, all or nothing."""

from __future__ import annotations

import io
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from sqlalchemy import func, select
from sqlalchemy.orm import object_session

from quizapp.bank import authoring
from quizapp.bank.interchange import export_gift, export_moodle_xml
from quizapp.bank.models import ImportJob, Question
from quizapp.extensions import db
from tests.bank.test_authoring import count
from tests.support import csrf_token, login

ESSAY = "::Essay:: Discuss the canal's importance. {}\n"


def bank_questions(n: int) -> list[dict[str, Any]]:
    """n questions of the kinds a Moodle bank holds, each one distinct."""
    kinds = [
        lambda i: {"type": "multiple_choice", "prompt": f"Who planned canal number {i}?",
                   "options": ["Margaret Hale", "Thomas Reed", "Ada Moss", "John Brindley"], "answer": "Margaret Hale",
                   "explanation": "She was the chief engineer.", "tags": ["canals"]},
        lambda i: {"type": "true_false", "prompt": f"Canal number {i} opened in 1821.", "answer": True},
        lambda i: {"type": "fill_in", "prompt": f"Canal number {i} was dug by _____ in the hills.",
                   "answer": ["navvies", "labourers"]},
        lambda i: {"type": "matching", "prompt": f"Match the people of canal {i} to their work.",
                   "answer": [["Hale", "engineer"], ["Reed", "surveyor"], ["Moss", "treasurer"]]},
    ]  # fmt: skip
    return [kinds[i % len(kinds)](i) for i in range(n)]


def gift_file(n: int) -> bytes:
    """A GIFT file of n importable questions, then one essay (which is left out, with its line)."""
    return (export_gift(bank_questions(n)) + "\n" + ESSAY).encode()


def post_import(client: FlaskClient, data: bytes, filename: str = "bank.gift") -> Any:
    token = csrf_token(client, "/bank/import")
    return client.post(
        "/bank/import",
        data={"file": (io.BytesIO(data), filename), "csrf_token": token},
        content_type="multipart/form-data",
    )


def the_job() -> ImportJob:
    job = db.session.scalar(select(ImportJob))
    assert job is not None
    db.session.refresh(job)
    return job


def test_a_large_import_runs_in_the_background_and_shows_its_result_to_its_owner(
    app: Flask, teacher_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    app.config["IMPORT_INLINE_BYTES"] = 10_000
    data = gift_file(600)
    assert len(data) > 10_000
    response = post_import(teacher_client, data)
    assert response.status_code == 302
    page_url = response.headers["Location"]
    assert page_url.startswith("/bank/import/jobs/")
    job = the_job()
    assert (job.status, job.stage, job.progress) == ("done", "done", 1.0)
    assert (job.imported, job.format, job.filename) == (600, "gift", "bank.gift")
    assert job.data is None  # the file is not kept once it is imported
    questions = db.session.scalars(select(Question)).all()
    assert len(questions) == 600
    assert {(q.origin, q.status, q.owner_id) for q in questions} == {("imported", "draft", job.owner_id)}
    essay_line = data.decode().splitlines().index(ESSAY.strip()) + 1
    assert len(job.skipped) == 1
    assert job.skipped[0].startswith(f'line {essay_line} "Essay": ')
    page = teacher_client.get(page_url).get_data(as_text=True)
    assert "600 questions imported as drafts" in page
    assert "Left out:" in page
    assert f"line {essay_line} &#34;Essay&#34;: essay questions" in page
    status = teacher_client.get(page_url, headers={"Accept": "application/json"}).get_json()
    assert status == {"status": "done", "stage": "done", "progress": 1.0, "message": "", "imported": 600, "left_out": 1}
    # Left and come back to: the import page links to the owner's background imports, and only the owner's.
    listing = teacher_client.get("/bank/import").get_data(as_text=True)
    assert f'<a href="{page_url}">bank.gift</a>:\n    600 questions imported' in listing
    other = app.test_client()
    login(other, users.other_teacher)
    assert page_url not in other.get("/bank/import").get_data(as_text=True)
    assert other.get(page_url).status_code == 404
    assert other.get(page_url, headers={"Accept": "application/json"}).status_code == 404


def test_progress_is_reported_while_the_questions_are_checked(
    app: Flask, teacher_client: FlaskClient, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from quizapp.bank import import_jobs

    stages: list[tuple[str, str, float]] = []
    record = import_jobs._record

    def seen(job_id: int, **values: Any) -> None:
        record(job_id, **values)
        job = db.session.get(ImportJob, job_id)
        db.session.refresh(job)
        stages.append((job.status, job.stage, job.progress))
        db.session.rollback()

    monkeypatch.setattr(import_jobs, "_record", seen)
    app.config["IMPORT_INLINE_BYTES"] = 1_000
    post_import(teacher_client, gift_file(120))
    assert stages[0] == ("running", "reading the file", 0.0)
    checking = [stage for status, stage, _ in stages if stage.startswith("checking")]
    assert checking[0] == "checking 1 of 120"
    assert checking[-1] == "checking 120 of 120"
    assert stages[-1][:2] == ("running", "storing 120 questions")
    assert [p for _, _, p in stages] == sorted(p for _, _, p in stages)
    assert count(Question) == 120


def test_a_refused_large_file_stores_nothing_and_the_page_says_why(app: Flask, teacher_client: FlaskClient) -> None:
    app.config["IMPORT_INLINE_BYTES"] = 1_000
    data = gift_file(50) + b"\n::Broken:: Who dug it? \x00 {=navvies ~miners}\n"
    response = post_import(teacher_client, data, "broken.gift")
    job = the_job()
    assert job.status == "failed"
    last_line = len(data.decode().splitlines())
    assert job.message == (
        f"broken.gift: line {last_line}: the file contains binary data (character U+0000), not GIFT text"
    )
    assert job.data is None
    assert count(Question) == 0
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert escape(job.message) in page
    assert "Nothing was imported from this file." in page


def test_a_failure_while_storing_leaves_no_question_half_stored(
    app: Flask, teacher_client: FlaskClient, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    stored = {"n": 0}
    written: list[int] = []
    log = authoring.log_question

    def fails_midway(*args: Any, **kwargs: Any) -> None:
        # Called for each question once the questions' rows are written.
        stored["n"] += 1
        if stored["n"] == 200:
            session = object_session(args[0])
            written.append(session.scalar(select(func.count()).select_from(Question)))
            raise RuntimeError("the disk is full")
        log(*args, **kwargs)

    monkeypatch.setattr(authoring, "log_question", fails_midway)
    app.config["IMPORT_INLINE_BYTES"] = 1_000
    response = post_import(teacher_client, gift_file(300))
    job = the_job()
    assert stored["n"] == 200
    assert written == [300]  # the rows were in the job's transaction when it failed
    assert (job.status, job.imported) == ("failed", 0)
    assert job.message == "The import failed and stored nothing: the disk is full"
    assert count(Question) == 0
    assert job.message in teacher_client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_large_moodle_xml_file_goes_to_the_worker_too(app: Flask, teacher_client: FlaskClient) -> None:
    app.config["IMPORT_INLINE_BYTES"] = 1_000
    response = post_import(teacher_client, export_moodle_xml(bank_questions(40)), "bank.xml")
    assert response.headers["Location"].startswith("/bank/import/jobs/")
    job = the_job()
    assert (job.status, job.format, job.imported) == ("done", "moodle_xml", 40)
    assert count(Question) == 40


def test_a_small_import_stays_within_the_request(teacher_client: FlaskClient) -> None:
    response = post_import(teacher_client, gift_file(3))
    assert response.status_code == 200
    assert b"3 questions imported as drafts" in response.data
    assert b"Left out:" in response.data
    assert count(Question) == 3
    assert count(ImportJob) == 0


def test_the_request_hands_a_4000_question_file_to_the_worker_which_stores_it(
    app: Flask, teacher_client: FlaskClient, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Under the default threshold: the request only stores the file; the job reads and stores the questions."""
    from quizapp.bank import import_jobs, tasks
    from quizapp.database import writing

    queued: list[int] = []
    read = authoring.read_import
    reads: list[int] = []

    def reading(data: bytes, fmt: str) -> Any:
        reads.append(len(data))
        return read(data, fmt)

    monkeypatch.setattr(tasks, "import_questions", queued.append)
    monkeypatch.setattr(authoring, "read_import", reading)
    data = gift_file(4000)
    response = post_import(teacher_client, data)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/bank/import/jobs/{queued[0]}"
    assert reads == []
    assert count(Question) == 0
    assert the_job().status == "queued"
    assert "Waiting for the worker" in teacher_client.get(response.headers["Location"]).get_data(as_text=True)

    with writing():
        import_jobs.run_job(queued[0])
    db.session.remove()
    assert reads == [len(data)]
    job = the_job()
    assert (job.status, job.imported, len(job.skipped)) == ("done", 4000, 1)
    assert count(Question) == 4000


def test_a_large_qti21_package_is_imported_in_the_background(app: Flask, teacher_client: FlaskClient) -> None:
    from quizapp.bank.interchange.qti21_export import export_qti21

    app.config["IMPORT_INLINE_BYTES"] = 10_000
    data = export_qti21(bank_questions(200))
    assert len(data) > 10_000
    response = post_import(teacher_client, data, "bank.zip")
    assert response.status_code == 302
    job = the_job()
    assert (job.status, job.format, job.imported, job.skipped) == ("done", "qti21", 200, [])
    assert count(Question) == 200
