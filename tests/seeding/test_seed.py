"""`flask seed`: the shipped documents, demo accounts, questions and practice quizzes; idempotent."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionSource, QuestionVersion
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz, QuizQuestion
from quizapp.seeding import seed_files
from quizapp.sources.models import SourceDocument
from tests.support import login

SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

CANAL = """The Building of the Riverside Canal

The Riverside Canal was opened in 1821 after nine years of work. Its chief engineer, Margaret Hale, planned the
route from Eastport to the iron works at Millbridge. The canal carried coal, timber and grain for the mills of the
valley.

In 1834 the Eastport Company bought the canal for 40,000 pounds. The company built a new basin at Millbridge in 1836,
where barges could turn and unload. Traffic grew until the railway reached Eastport in 1852.

After 1852 the railway took most of the coal trade. The canal closed to barges in 1911, and the city of Eastport bought
the towpath in 1960 to make a public walk.
"""

BRIDGE = """The Old Stone Bridge

The Old Stone Bridge at Millbridge was finished in 1790 by the mason Thomas Reed. It crossed the river Alder on five
arches. In 1836 the Eastport Company widened the bridge to carry carts to the new canal basin.

A flood damaged two arches in 1879, and the county council repaired them in 1881. The bridge was listed as a monument
in 1951, and cars were banned from it in 1994.
"""


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def test_seed_folder_holds_the_shared_articles_unchanged(project_root: Path) -> None:
    files = seed_files(project_root / "seed")
    assert [f.name for f in files] == ["000_f90560a5e01f3cf7.txt", "002_aea7e514f707909b.txt"]
    if SHARED_SEEDS.exists():
        for path in files:
            assert path.read_bytes() == (SHARED_SEEDS / path.name).read_bytes()


def test_seed_imports_documents_and_demo_users_once(app: Flask, runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["seed", "--no-questions"])
    assert result.exit_code == 0, result.output
    assert "teacher: teacher" in result.output
    assert "student: student" in result.output
    assert "quizapp-demo" in result.output
    documents = db.session.scalars(select(SourceDocument).order_by(SourceDocument.id)).all()
    assert len(documents) == 2
    assert {d.original_filename for d in documents} == {"000_f90560a5e01f3cf7.txt", "002_aea7e514f707909b.txt"}
    # The menu of the second article is page chrome, kept aside, not in the text questions come from.
    menu_page = next(d for d in documents if d.original_filename.startswith("002"))
    assert "eo:Soveta-germana kooperado" not in menu_page.cleaned_text
    assert any("Soveta-germana" in line for line in menu_page.stripped)
    assert "Victor Kopp" in menu_page.cleaned_text
    users_before, documents_before = count(User), count(SourceDocument)

    again = runner.invoke(args=["seed", "--no-questions"])
    assert again.exit_code == 0, again.output
    assert "already there" in again.output
    assert (count(User), count(SourceDocument)) == (users_before, documents_before) == (2, 2)

    # The printed logins work.
    client = app.test_client()
    login(client, "student", "quizapp-demo")


def test_seed_publish_generates_approves_and_builds_quizzes(app: Flask, runner: FlaskCliRunner, tmp_path: Path) -> None:
    (tmp_path / "canal.md").write_text(CANAL, encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "README.md").write_text("notes, not a source", encoding="utf-8")
    app.config["SEED_DIR"] = str(tmp_path)

    result = runner.invoke(args=["seed", "--publish"])
    assert result.exit_code == 0, result.output
    assert count(SourceDocument) == 2
    questions = count(Question)
    assert questions > 0
    # Every question keeps the exact sentence it came from: quote == text[start:end].
    for source in db.session.scalars(select(QuestionSource)):
        assert source.document.cleaned_text[source.start_offset : source.end_offset] == source.quote
    assert count(QuestionVersion) == questions
    approved = db.session.scalar(select(func.count()).select_from(Question).where(Question.status == "approved"))
    assert approved > 0
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(Question)
            .where(Question.reviewed_by_id.is_(None), Question.status == "approved")
        )
        == 0
    )
    quizzes = db.session.scalars(select(Quiz)).all()
    assert quizzes
    assert all(q.is_published and q.visibility == "public" and q.mode == "practice" for q in quizzes)
    for quiz in quizzes:
        assert all(entry.question.status == "approved" for entry in quiz.questions)
    state = (count(Question), count(Quiz), count(QuizQuestion), approved)

    again = runner.invoke(args=["seed", "--publish"])
    assert again.exit_code == 0, again.output
    approved_again = db.session.scalar(select(func.count()).select_from(Question).where(Question.status == "approved"))
    assert (count(Question), count(Quiz), count(QuizQuestion), approved_again) == state


def test_seed_reports_an_unreadable_document_and_stores_nothing(
    app: Flask, runner: FlaskCliRunner, tmp_path: Path
) -> None:
    (tmp_path / "fine.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"this is not a pdf at all")
    app.config["SEED_DIR"] = str(tmp_path)
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 1
    assert "broken.pdf" in result.output
    assert count(SourceDocument) == 0
    assert count(User) == 0
