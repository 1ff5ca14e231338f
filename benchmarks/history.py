"""Score history at school scale: 1,000 students and 100,000 finished attempts, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/history.py [--db sqlite,postgresql] [--students 1000] [--attempts 100000] [--runs 15]

Fills a fresh database (the schema from the migrations) with one teacher, 10 classes of
students, 50 ten-question quizzes (5 per class) and the attempts spread evenly over the
students and their class's quizzes, every attempt with its 10 graded answers (so 100,000
attempts are 1,000,000 answer rows). Then times, through the app's test client (routing,
queries, template, everything a browser would wait for), the teacher's gradebook of one
class, one student's history (as the student sees it) and the item analysis of one quiz,
and prints the median and 95th percentile per page and the number of SQL statements.
Aim: each page under 150 ms on PostgreSQL. Databases are removed at the end.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event, insert, text

from quizapp import create_app
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.auth import services as accounts
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.bank.models import Question, QuestionVersion
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz, QuizAssignment, QuizQuestion
from quizapp.sources.models import SourceDocument, content_hash

ROOT = Path(__file__).resolve().parents[1]

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PASSWORD = "history bench password 1"  # noqa: S105 - throwaway accounts in a throwaway database
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
CLASSES = 10
QUIZZES_PER_CLASS = 5
QUESTIONS_PER_QUIZ = 10
BANK_SIZE = 30
START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def config(url: str) -> dict[str, object]:
    return {
        "SECRET_KEY": "bench",
        "SQLALCHEMY_DATABASE_URI": url,
        "RATELIMIT_ENABLED": False,
        "PASSWORD_HASH_METHOD": "argon2id:1:64:1",
    }


def make_pg_database() -> str:
    name = f"quizapp_bench_history_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"), {"name": name})
        c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def bulk(table: object, rows: list[dict[str, object]]) -> None:
    """Insert many rows: COPY on PostgreSQL (a million answers in seconds), executemany on SQLite."""
    if not rows:
        return
    if db.engine.dialect.name != "postgresql":
        db.session.execute(insert(table), rows)  # type: ignore[arg-type]
        return
    columns = list(rows[0])
    raw = db.session.connection().connection.dbapi_connection
    name = table.__table__.name  # type: ignore[attr-defined]
    with raw.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([row[c] for c in columns])


def fill(students: int, attempts: int) -> dict[str, int]:
    """The school: returns ids worth timing (a class, a student, a quiz)."""
    rng = random.Random(7)
    teacher = accounts.create_user(db.session, username="teacher", password=PASSWORD, role=Role.TEACHER)
    first = accounts.create_user(db.session, username="student0000", password=PASSWORD)
    db.session.flush()
    bulk(
        User,
        [
            {
                "username": f"student{i:04d}",
                "display_name": f"Student {i:04d}",
                "password_hash": first.password_hash,
                "role": "student",
                "is_active_account": True,
                "session_version": 1,
                "created_at": START,
            }
            for i in range(1, students)
        ],
    )
    student_ids = [
        first.id,
        *db.session.scalars(
            text("SELECT id FROM users WHERE role = 'student' AND id <> :first ORDER BY id"), {"first": first.id}
        ).all(),
    ]

    article = " ".join(f"Sentence {i} of the benchmark article." for i in range(BANK_SIZE))
    document = SourceDocument(
        owner_id=teacher.id,
        title="Benchmark article",
        original_filename="bench.txt",
        format="txt",
        cleaned_text=article,
        blocks=[],
        stripped=[],
        content_hash=content_hash(article),
    )
    db.session.add(document)
    questions = []
    for i in range(BANK_SIZE):
        question = Question(owner_id=teacher.id, document_id=document.id, status="approved", origin="authored")
        question.versions.append(
            QuestionVersion(
                version=1,
                type="multiple_choice",
                prompt=f"Benchmark question {i}?",
                options=[f"option {i}-{k}" for k in range(4)],
                answer=f"option {i}-0",
                explanation="",
                confidence=0.9,
            )
        )
        db.session.add(question)
        questions.append(question)
    db.session.flush()

    classes, quizzes_of_class = [], {}
    for c in range(CLASSES):
        school_class = SchoolClass(name=f"Class {c}", teacher_id=teacher.id, join_code=f"BENCH{c:03d}")
        db.session.add(school_class)
        db.session.flush()
        classes.append(school_class)
        quizzes_of_class[school_class.id] = []
        for q in range(QUIZZES_PER_CLASS):
            quiz = Quiz(
                owner_id=teacher.id,
                title=f"Quiz {c}.{q}",
                mode="exam",
                is_published=True,
                score_policy=("best", "last", "average")[q % 3],
            )
            for position, question in enumerate(rng.sample(questions, QUESTIONS_PER_QUIZ)):
                quiz.questions.append(QuizQuestion(question_id=question.id, position=position))
            db.session.add(quiz)
            db.session.flush()
            db.session.add(QuizAssignment(quiz_id=quiz.id, class_id=school_class.id))
            quizzes_of_class[school_class.id].append(quiz)
    db.session.flush()
    class_of_student = {sid: classes[i % CLASSES] for i, sid in enumerate(student_ids)}
    bulk(
        ClassMember,
        [
            {"class_id": class_of_student[sid].id, "user_id": sid, "extra_time_percent": 0, "joined_at": START}
            for sid in student_ids
        ],
    )
    version_of = {q.id: q.versions[0].id for q in questions}
    slots_of = {
        quiz.id: [(s.question_id, s.position) for s in quiz.questions]
        for quizzes in quizzes_of_class.values()
        for quiz in quizzes
    }

    # Attempts spread evenly: each student the same number, round-robin over their class's quizzes.
    per_student = attempts // len(student_ids)
    attempt_rows, answer_rows = [], []
    next_attempt_id = 1
    ability = {sid: rng.random() for sid in student_ids}
    for sid in student_ids:
        quizzes = quizzes_of_class[class_of_student[sid].id]
        numbers: dict[int, int] = {}
        for n in range(per_student):
            quiz = quizzes[n % len(quizzes)]
            numbers[quiz.id] = numbers.get(quiz.id, 0) + 1
            submitted = START + timedelta(hours=6 * n, minutes=sid % 60)
            marks = [1.0 if rng.random() < 0.3 + 0.6 * ability[sid] else 0.0 for _ in range(QUESTIONS_PER_QUIZ)]
            attempt_rows.append(
                {
                    "id": next_attempt_id,
                    "quiz_id": quiz.id,
                    "student_id": sid,
                    "number": numbers[quiz.id],
                    "status": "submitted",
                    "started_at": submitted - timedelta(minutes=12),
                    "deadline": None,
                    "submitted_at": submitted,
                    "score": sum(marks),
                    "max_score": float(QUESTIONS_PER_QUIZ),
                    "created_at": submitted,
                }
            )
            for (question_id, position), mark in zip(slots_of[quiz.id], marks, strict=True):
                answer_rows.append(
                    {
                        "attempt_id": next_attempt_id,
                        "question_id": question_id,
                        "question_version_id": version_of[question_id],
                        "position": position,
                        "points": 1.0,
                        "option_order": "[0, 1, 2, 3]",
                        "response": f'"option {question_id}-{0 if mark else rng.randint(1, 3)}"',
                        "saved_at": submitted,
                        "checks": 0,
                        "score": mark,
                        "graded_at": submitted,
                        "feedback": "",
                    }
                )
            next_attempt_id += 1
    if db.engine.dialect.name != "postgresql":
        import json

        for row in answer_rows:  # the JSON columns take Python values through executemany
            row["option_order"] = json.loads(str(row["option_order"]))
            row["response"] = json.loads(str(row["response"]))
    bulk(Attempt, attempt_rows)
    for start in range(0, len(answer_rows), 100_000):
        bulk(AttemptAnswer, answer_rows[start : start + 100_000])
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SELECT setval('attempts_id_seq', (SELECT max(id) FROM attempts))"))
    db.session.commit()
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    else:
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    busiest_quiz = quizzes_of_class[classes[0].id][0]
    return {
        "class": classes[0].id,
        "student": first.id,
        "quiz": busiest_quiz.id,
        "students": len(student_ids),
        "attempts": len(attempt_rows),
        "answers": len(answer_rows),
    }


def login(client: object, username: str) -> None:
    page = client.get("/login").get_data(as_text=True)  # type: ignore[attr-defined]
    token = TOKEN.search(page).group(1)  # type: ignore[union-attr]
    response = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})  # type: ignore[attr-defined]
    assert response.status_code == 302, "login failed"


def time_page(client: object, path: str, runs: int) -> tuple[float, float, int]:
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    response = client.get(path)  # type: ignore[attr-defined]  # warm: templates compiled, caches filled
    assert response.status_code == 200, (path, response.status_code)
    timings = []
    event.listen(db.engine, "before_cursor_execute", count)
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    event.remove(db.engine, "before_cursor_execute", count)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, statements // runs


def run(backend: str, students: int, attempts: int, runs: int) -> None:
    workdir = tempfile.mkdtemp(prefix="quizapp-history-bench-")
    url = f"sqlite:///{workdir}/bench.sqlite" if backend == "sqlite" else make_pg_database()
    try:
        app = create_app(config(url))
        with app.app_context():
            from flask_migrate import upgrade

            upgrade(directory=str(ROOT / "migrations"))
            started = time.perf_counter()
            ids = fill(students, attempts)
            filled = time.perf_counter() - started
            print(
                f"\n{backend}: {ids['students']:,} students, {ids['attempts']:,} attempts, "
                f"{ids['answers']:,} answers (filled in {filled:.0f} s)"
            )
            teacher, student = app.test_client(), app.test_client()
            login(teacher, "teacher")
            login(student, "student0000")
            pages = [
                (
                    "gradebook of a class (100 students x 5 quizzes)",
                    teacher,
                    f"/classes/{ids['class']}/gradebook",
                ),
                ("a student's history (100 attempts)", student, "/history"),
                (
                    "the teacher's view of that student",
                    teacher,
                    f"/classes/{ids['class']}/students/{ids['student']}",
                ),
                ("quiz results (100 students)", teacher, f"/manage/quizzes/{ids['quiz']}/results"),
                ("item analysis of a quiz (2,000 attempts)", teacher, f"/manage/quizzes/{ids['quiz']}/analysis"),
                ("gradebook CSV", teacher, f"/classes/{ids['class']}/gradebook.csv"),
            ]
            print(f"{'page':<52} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
            for label, client, path in pages:
                median, p95, statements = time_page(client, path, runs)
                print(f"{label:<52} {median:>10.1f} {p95:>8.1f} {statements:>8}")
            db.session.remove()
            db.engine.dispose()
    finally:
        if backend == "postgresql":
            drop_pg_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for backend in args.db.split(","):
        run(backend.strip(), args.students, args.attempts, args.runs)


if __name__ == "__main__":
    main()
