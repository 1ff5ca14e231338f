"""`flask questions generate FILE...`: any file becomes a document with draft questions for review."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from quizapp.bank.models import Question, QuestionSource
from quizapp.extensions import db
from quizapp.sources.models import SourceDocument
from tests.seeding.test_seed import BRIDGE, CANAL


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_generate_stores_drafts_with_their_sources(runner: FlaskCliRunner, users, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    canal, bridge = tmp_path / "canal.md", tmp_path / "bridge.html"
    canal.write_text(CANAL, encoding="utf-8")
    bridge.write_text(
        "<html><head><title>Bridge</title></head><body><nav><a href='/'>Home</a> <a href='/x'>Shop</a></nav>"
        + "".join(f"<p>{p}</p>" for p in BRIDGE.split("\n\n"))
        + "<footer>© 2024 Town Museum. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(args=["questions", "generate", str(canal), str(bridge), "--owner", users.teacher])
    assert result.exit_code == 0, result.output
    assert "drafts for review" in result.output
    questions = db.session.scalars(select(Question)).all()
    assert questions
    assert all(q.status == "draft" and q.origin == "generated" for q in questions)
    for source in db.session.scalars(select(QuestionSource)):
        assert source.document.cleaned_text[source.start_offset : source.end_offset] == source.quote
        assert "All rights reserved" not in source.quote
    before = count(Question)
    again = runner.invoke(args=["questions", "generate", str(canal), "--owner", users.teacher])
    assert again.exit_code == 0
    assert "nothing generated" in again.output
    assert count(Question) == before


def test_generate_refuses_bad_files_and_unknown_owner(runner: FlaskCliRunner, users, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "scan.pdf"
    fake.write_bytes(b"not a pdf")
    result = runner.invoke(args=["questions", "generate", str(fake), "--owner", users.teacher])
    assert result.exit_code == 1
    assert "scan.pdf" in result.output
    unknown = runner.invoke(args=["questions", "generate", str(fake), "--owner", "nobody"])
    assert "No teacher named 'nobody'" in unknown.output
    student = runner.invoke(args=["questions", "generate", str(fake), "--owner", users.student])
    assert student.exit_code == 1
    assert count(SourceDocument) == 0
    assert count(Question) == 0


def test_disagreements_between_documents_are_kept_and_shown(
    runner: FlaskCliRunner, teacher_client, users, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.generation.test_disagreements import A, B

    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    result = runner.invoke(
        args=["questions", "generate", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--owner", users.teacher]
    )
    assert result.exit_code == 0, result.output
    assert "disagreement:" in result.output
    documents = db.session.scalars(select(SourceDocument).order_by(SourceDocument.id)).all()
    assert all(d.disagreements for d in documents)
    page = teacher_client.get(f"/sources/{documents[0].id}").get_data(as_text=True)
    assert "Where other documents disagree" in page
    assert "Danzig" in page


def test_generate_leaves_a_document_being_drafted_by_the_worker(runner: FlaskCliRunner, users, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One rule for the upload page, the command and seeding: a document drafted in the background is left to it."""
    from quizapp.auth.services import find_user
    from quizapp.bank.generation_jobs import create_job
    from quizapp.sources.services import import_document

    canal = tmp_path / "canal.md"
    canal.write_text(CANAL, encoding="utf-8")
    teacher = find_user(db.session, users.teacher)
    document, _ = import_document(db.session, teacher, canal.name, canal.read_bytes())
    create_job(db.session, teacher, document)  # queued, the worker has not started it
    db.session.commit()
    result = runner.invoke(args=["questions", "generate", str(canal), "--owner", users.teacher])
    assert result.exit_code == 0, result.output
    assert "nothing generated" in result.output
    assert count(Question) == 0
