"""No page shows one party's content to another: lists, pickers, previews, exports, filters.

The ownership sweep (test_ownership.py) attacks routes that name an object; this walks every GET page a
teacher and a student may open, with their own ids, and looks for the other party's marker.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask
from sqlalchemy import func, select

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.bank.models import Question
from quizapp.extensions import db
from tests.security.db_state import Watch
from tests.security.html_checks import readable_text
from tests.security.routes import Clients, pages
from tests.security.world import World


def _foreign_query(world: World) -> str:
    """Filters of list pages pointed at the other party's objects, and every status shown."""
    teacher, student = world["teacher_b"], world["student_2"]
    return urlencode({
        "status": "", "document": teacher.ids["document_id"], "quiz": teacher.ids["quiz_id"],
        "class": teacher.ids["class_id"], "owner": teacher.values["self_id"], "actor": teacher.values["self_id"],
        "student": student.values["self_id"], "attempt": student.ids["submitted_attempt_id"], "attempts": "all",
        "subject": f"quiz:{teacher.ids['quiz_id']}",
    })  # fmt: skip


def test_no_page_shows_another_partys_content(world_app: Flask, world: World, clients: Clients) -> None:
    """Lists, pickers, previews, exports and filters: nothing of teacher B or student 2 reaches A or student 1.

    Teacher B's texts (and those of B's student) all carry B's marker; every GET page of A and of student 1 is
    opened with its own ids, plainly and with filters naming B's objects, and must not contain the marker.
    """
    marker = world["teacher_b"].marker  # student 2's marker starts with it
    query = _foreign_query(world)
    leaks, opened = [], 0
    for viewer in ("teacher_a", "student_1"):
        for rule, url in pages(world_app, world, viewer):
            for target in (url, f"{url}?{query}"):
                body = readable_text(clients(viewer).get(target).data)
                opened += 1
                if marker in body:
                    at = body.index(marker)
                    leaks.append(f"{target} ({rule.endpoint}) as {viewer}: …{body[max(0, at - 150) : at + 50]}…")
    print(f"\nscope walk: {opened} pages")
    assert not leaks, "\n".join(leaks)
    assert opened >= 60


def test_a_quiz_rule_draws_only_from_its_owners_bank(world: World, clients: Clients) -> None:
    """A's exam has a rule "3 multiple-choice questions, any document": B's approved ones must never be drawn.

    It used to draw from every teacher's approved questions, showing B's questions (and, after submitting,
    their keys and explanations) to A's students and in A's preview.
    """
    quiz, client = world["teacher_a"].ids["quiz_id"], clients("student_1")
    data = {"csrf_token": clients.token("student_1")}

    def start_and_read_owners() -> list[int | None]:
        assert client.post(f"/quizzes/{quiz}/start", data=data).status_code == 302
        db.session.rollback()
        attempt = db.session.scalar(select(func.max(Attempt.id)))
        return list(
            db.session.scalars(select(Question.owner_id).join(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt))
        )

    owners, _ = Watch()(start_and_read_owners)
    assert len(owners) >= 5
    assert set(owners) == {world["teacher_a"].values["self_id"]}
