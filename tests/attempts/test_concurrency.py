"""Many students saving and submitting at once, against the real database: nothing lost, graded once."""

from __future__ import annotations

import threading
from collections import defaultdict

from flask import Flask
from sqlalchemy import select

from quizapp.attempts import starting
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.attempts.test_services import fields_for_key
from tests.factories import all_types_quiz, user
from tests.support import TEST_PASSWORD, csrf_token, login

STUDENTS = 10
THREADS = 50


def test_concurrent_autosaves_and_submits_lose_nothing_and_grade_once(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    names = [f"crowd{i}" for i in range(STUDENTS)]
    for name in names:
        accounts.create_user(db.session, username=name, password=TEST_PASSWORD, role=Role.STUDENT)
    db.session.commit()
    attempts = {name: starting.start_attempt(db.session, quiz.id, user(name), now=utcnow()).id for name in names}
    db.session.commit()
    keys = {
        (answer.attempt_id, answer.position): fields_for_key(answer)
        for answer in db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id.in_(attempts.values())))
    }
    clients = {}
    for name in names:
        client = app.test_client()
        login(client, name)
        clients[name] = (client, csrf_token(client, f"/attempts/{attempts[name]}/q/0"))
    db.session.remove()

    barrier = threading.Barrier(THREADS)
    saved_ok: dict[int, set[int]] = defaultdict(set)
    outcomes: list[tuple[str, int]] = []
    lock = threading.Lock()

    def student_thread(index: int) -> None:
        name = names[index % STUDENTS]
        attempt_id = attempts[name]
        client, token = clients[name]
        submitter = index >= THREADS - STUDENTS
        barrier.wait()
        with app.app_context():
            if submitter:  # one thread per student submits at once, racing that student's saves
                for _ in range(2):  # and again, as a retried request or a second tab would
                    response = client.post(f"/attempts/{attempt_id}/submit", data={"csrf_token": token})
                    with lock:
                        outcomes.append(("submit", response.status_code))
                return
            for position in range(5):
                for _ in range(2):  # a retried save: the same request twice
                    response = client.post(
                        f"/attempts/{attempt_id}/autosave",
                        json={"position": position, "fields": keys[(attempt_id, position)]},
                        headers={"X-CSRFToken": token},
                    )
                    with lock:
                        outcomes.append(("save", response.status_code))
                        if response.status_code == 200:
                            saved_ok[attempt_id].add(position)

    threads = [threading.Thread(target=student_thread, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads)

    assert {status for kind, status in outcomes if kind == "submit"} == {302}
    # A save either landed (200) or was told the attempt was already submitted (409): never a 5xx.
    assert {status for kind, status in outcomes if kind == "save"} <= {200, 409}
    with app.app_context():
        for name in names:
            attempt = db.session.get(Attempt, attempts[name])
            assert attempt.status == "submitted"
            answers = db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id)).all()
            graded_times = {a.graded_at for a in answers}
            assert len(graded_times) == 1  # graded once, in one transaction
            right = {a.position for a in answers if a.score == a.points}
            # Every save the student was told succeeded is in the graded attempt.
            assert saved_ok[attempt.id] <= right
            assert attempt.score == len(right)
