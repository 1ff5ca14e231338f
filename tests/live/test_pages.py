"""Live mode through the test client: who may see and do what, the state endpoint's ETag, keys kept back until a
question closes, and a whole short session from start to results."""

from __future__ import annotations

import re
import time
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from quizapp.live.models import LiveParticipant, LiveSession
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import QUESTIONS, finished_attempt, make_document, make_question, make_quiz, user
from tests.history.test_page_queries import statements_of
from tests.support import csrf_token, login, post_form


def _quiz(users: Accounts) -> int:
    teacher = user(users.teacher)
    document = make_document(teacher)
    questions = [make_question(teacher, document, spec) for spec in QUESTIONS[:2]]
    quiz = make_quiz(teacher, questions, shuffle_questions=False, shuffle_options=False)
    db.session.commit()
    return quiz.id


def _start(teacher_client: FlaskClient, quiz_id: int, **settings: str) -> LiveSession:
    data = {"seconds": "30", "show_names": "y", **settings}
    response = post_form(teacher_client, f"/live/new/{quiz_id}", data, token_from=f"/live/new/{quiz_id}")
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    live = db.session.scalars(select(LiveSession).order_by(LiveSession.id.desc())).first()
    assert live is not None
    assert response.headers["Location"].endswith(f"/live/{live.id}")
    return live


def _control(client: FlaskClient, live: LiveSession, action: str) -> object:
    return post_form(client, f"/live/{live.id}/control", {"action": action}, token_from=f"/live/{live.id}")


def _join(client: FlaskClient, code: str, nickname: str = "") -> object:
    token = csrf_token(client, "/live/join")
    return client.post("/live/join", data={"code": code, "nickname": nickname, "csrf_token": token})


def _answer(client: FlaskClient, live: LiveSession, index: int, fields: dict[str, str]) -> object:
    token = csrf_token(client, "/live/join")
    data = {"csrf_token": token, "index": str(index), **{f"q{index}-{k}": v for k, v in fields.items()}}
    return client.post(f"/live/{live.id}/answer", data=data, headers={"Accept": "application/json"})


def test_projector_is_the_teachers_alone(app: Flask, users: Accounts, teacher_client: FlaskClient) -> None:
    live = _start(teacher_client, _quiz(users))
    page = teacher_client.get(f"/live/{live.id}").get_data(as_text=True)
    assert live.join_code in page
    assert "<svg" in page  # the QR code, drawn on the server
    other = app.test_client()
    login(other, users.other_teacher)
    for url in (f"/live/{live.id}", f"/live/{live.id}/screen", f"/live/{live.id}/results"):
        assert other.get(url).status_code == 404
    assert _control(other, live, "next").status_code == 404
    assert other.get(f"/live/{live.id}/state").status_code == 404
    assert other.get(f"/live/new/{live.quiz_id}").status_code == 404  # not their quiz
    db.session.expire_all()
    assert db.session.get(LiveSession, live.id).state == "lobby"


def test_state_endpoint_etag_and_who_may_poll(app: Flask, users: Accounts, teacher_client: FlaskClient) -> None:
    live = _start(teacher_client, _quiz(users))
    teacher_client.get(f"/live/{live.id}")  # the projector gives its browser the seat cookie
    first = teacher_client.get(f"/live/{live.id}/state")
    assert first.status_code == 200
    assert first.json["state"] == "lobby"
    assert first.json["version"] == 1
    etag = first.headers["ETag"]
    again = teacher_client.get(f"/live/{live.id}/state", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    opened = time.monotonic()
    _control(teacher_client, live, "next")
    changed = teacher_client.get(f"/live/{live.id}/state", headers={"If-None-Match": etag})
    took = time.monotonic() - opened  # a loaded machine takes seconds here: the countdown has run as long
    assert changed.status_code == 200
    assert (changed.json["state"], changed.json["index"], changed.json["count"]) == ("question", 0, 2)
    assert 30 - took - 0.5 < changed.json["seconds_left"] <= 30
    assert app.test_client().get(f"/live/{live.id}/state").status_code == 404  # no seat
    forged = app.test_client()
    forged.set_cookie(f"livep{live.id}", "[1, 1].forged", path="/live/")
    assert forged.get(f"/live/{live.id}/state").status_code == 404


def test_a_whole_session_students_guests_keys_and_results(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    live = _start(teacher_client, _quiz(users), allow_guests="y")
    assert _join(student_client, live.join_code.lower()).status_code == 302
    guest = app.test_client()
    joined = _join(guest, live.join_code, nickname="Comet")
    assert joined.status_code == 302
    assert _join(app.test_client(), live.join_code, nickname="comet").status_code == 409  # taken, any case
    assert "Comet" in teacher_client.get(f"/live/{live.id}/screen").get_data(as_text=True)
    assert guest.get(f"/live/{live.id}/state").status_code == 200  # the guest's seat cookie

    _control(teacher_client, live, "next")
    phone = guest.get(f"/live/{live.id}/play/panel").get_data(as_text=True)
    assert "Who was the chief engineer" in phone
    for secret in ("EXPLAIN-MC", "planned the route from Eastport", "data-correct"):
        assert secret not in phone  # nothing of the key before the question closes
    assert _answer(student_client, live, 0, {"choice": "1"}).json["ok"] is True
    second = _answer(student_client, live, 0, {"choice": "0"})
    assert second.status_code == 409
    assert "already answered" in second.json["error"]
    assert _answer(guest, live, 0, {"choice": "0"}).json["ok"] is True
    assert _answer(guest, live, 1, {"choice": "true"}).status_code == 409  # not the open question
    forged = guest.post(f"/live/{live.id}/answer", data={"index": "0", "q0-choice": "1"})  # no CSRF token
    assert forged.status_code == 400

    _control(teacher_client, live, "reveal")
    projector = teacher_client.get(f"/live/{live.id}/screen").get_data(as_text=True)
    assert "50%" in projector  # one of two right
    assert "planned the route from Eastport" in projector  # the source sentence, now
    assert "Margaret Hale" in projector
    result = student_client.get(f"/live/{live.id}/play/panel").get_data(as_text=True)
    assert "Right!" in result
    assert "Not right" in guest.get(f"/live/{live.id}/play/panel").get_data(as_text=True)

    _control(teacher_client, live, "next")
    _answer(student_client, live, 1, {"choice": "true"})
    ended = _control(teacher_client, live, "end")
    assert ended.headers["Location"].endswith(f"/live/{live.id}/results")
    page = teacher_client.get(f"/live/{live.id}/results").get_data(as_text=True)
    assert "Comet" not in page  # guests are counted, not named
    assert "1 guests" in page
    attempt = db.session.scalars(select(Attempt)).one()
    assert (attempt.score, attempt.max_score) == (2.0, 2.0)
    assert _join(app.test_client(), live.join_code, nickname="Late").status_code == 404  # the code ended with it


def test_students_reach_only_their_own_session(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    quiz_id = _quiz(users)
    mine = _start(teacher_client, quiz_id)
    theirs = _start(teacher_client, quiz_id)
    _join(student_client, mine.join_code)
    _control(teacher_client, theirs, "next")
    assert student_client.get(f"/live/{theirs.id}/play").status_code == 404
    assert student_client.get(f"/live/{theirs.id}/state").status_code == 404
    assert _answer_without_seat(student_client, theirs).status_code == 404
    # A seat cookie of one session says nothing in another.
    seat = student_client.get_cookie(f"livep{mine.id}", path="/live/")
    assert seat is not None
    student_client.set_cookie(f"livep{theirs.id}", seat.value, path="/live/")
    assert student_client.get(f"/live/{theirs.id}/state").status_code == 404


def _answer_without_seat(client: FlaskClient, live: LiveSession) -> object:
    token = csrf_token(client, "/live/join")
    return client.post(f"/live/{live.id}/answer", data={"csrf_token": token, "index": "0", "q0-choice": "1"})


def test_guests_only_when_allowed_and_expired_codes(app: Flask, users: Accounts, teacher_client: FlaskClient) -> None:
    live = _start(teacher_client, _quiz(users))
    refused = _join(app.test_client(), live.join_code, nickname="Comet")
    assert refused.status_code == 403
    assert "signed-in students" in refused.get_data(as_text=True)
    bad = _join(app.test_client(), live.join_code, nickname="\x00\x01")
    assert bad.status_code in (400, 403)
    db.session.get(LiveSession, live.id).expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    student = app.test_client()
    login(student, users.student)
    expired = _join(student, live.join_code)
    assert expired.status_code == 404
    assert "No live session has this code" in expired.get_data(as_text=True)
    assert re.search(r"Join", app.test_client().get(f"/live/join?code={live.join_code}").get_data(as_text=True))


def test_odd_answers_and_controls_change_nothing(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    live = _start(teacher_client, _quiz(users))
    _join(student_client, live.join_code)
    _control(teacher_client, live, "next")
    token = csrf_token(student_client, "/live/join")
    for index in ("²", "-1", "99999999999", "", "0x1"):
        odd = student_client.post(
            f"/live/{live.id}/answer",
            data={"csrf_token": token, "index": index, "q0-choice": "1"},
            headers={"Accept": "application/json"},
        )
        assert odd.status_code in (400, 409), index
    assert _control(teacher_client, live, "explode").status_code == 302
    db.session.expire_all()
    assert db.session.get(LiveSession, live.id).version == 3  # one join, one next: nothing else
    app.config["PUBLIC_URL"] = "https://quiz.school.example"
    assert "https://quiz.school.example/live/join" in teacher_client.get(f"/live/{live.id}").get_data(as_text=True)


def test_the_projector_names_its_players_in_a_fixed_number_of_statements(
    app: Flask, users: Accounts, teacher_client: FlaskClient
) -> None:
    """The projector fetches its screen every other second: naming each player must not cost a statement each."""
    live_id = _start(teacher_client, _quiz(users)).id
    screen = f"/live/{live_id}/screen"

    def seat(*names: str) -> int:
        for name in names:
            db.session.add(LiveParticipant(live_session_id=live_id, user_id=user(name).id))
        db.session.commit()
        db.session.remove()  # the request loads its own, as in production
        seen = statements_of(app, lambda: teacher_client.get(screen))
        return len(seen)

    one = seat(users.student)
    four = seat(users.other_student, users.other_teacher, users.admin)
    page = teacher_client.get(screen).get_data(as_text=True)
    assert all(user(name).display_name in page for name in (users.student, users.admin))
    assert four == one, f"{one} statements with one player, {four} with four"


def test_the_results_page_reads_the_same_few_statements_however_many_questions_were_asked(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    from tests.history.test_page_queries import statements_of

    teacher = user(users.teacher)
    document = make_document(teacher)
    quiz = make_quiz(teacher, [make_question(teacher, document, spec) for spec in QUESTIONS[:4]])
    db.session.commit()
    live = _start(teacher_client, quiz.id)
    _join(student_client, live.join_code)
    counts = []
    for index in range(4):
        _control(teacher_client, live, "next")
        _answer(student_client, live, index, {"choice": "0"})
        _control(teacher_client, live, "reveal")
        if index in (0, 3):
            counts.append(len(statements_of(app, lambda: teacher_client.get(f"/live/{live.id}/results"))))
    assert counts[0] == counts[1], counts
    page = teacher_client.get(f"/live/{live.id}/results")
    assert page.status_code == 200
    assert "Who was the chief engineer" in page.get_data(as_text=True)


def test_ending_gives_each_signed_in_student_their_next_attempt_number(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    quiz_id = _quiz(users)
    earlier = finished_attempt(db.session.get(Quiz, quiz_id), user(users.other_student), [1, 0], submitted_at=utcnow())
    db.session.commit()
    other = app.test_client()
    login(other, users.other_student)
    live = _start(teacher_client, quiz_id)
    for client in (student_client, other):
        assert _join(client, live.join_code).status_code == 302
    _control(teacher_client, live, "next")
    _answer(student_client, live, 0, {"choice": "1"})
    _answer(other, live, 0, {"choice": "0"})
    _control(teacher_client, live, "end")
    made = {a.student_id: a for a in db.session.scalars(select(Attempt).where(Attempt.id != earlier.id))}
    assert {a.student_id: a.number for a in made.values()} == {
        user(users.student).id: 1,
        user(users.other_student).id: 2,
    }
    assert all(a.status == "submitted" and a.max_score == 1.0 for a in made.values())
    seats = db.session.scalars(select(LiveParticipant).where(LiveParticipant.live_session_id == live.id)).all()
    assert sorted(p.attempt_id for p in seats) == sorted(a.id for a in made.values())


def test_a_live_sessions_attempts_reach_the_history_results_and_item_analysis_pages(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    """What the issue asks the session to leave: an attempt in the student's history, in the quiz's results and in
    its item analysis, through the pages a student and a teacher open. A guest has no attempt: the session's results
    count them, and the quiz's pages say how many guests played and link there; no page names them."""
    import csv
    import io

    quiz_id = _quiz(users)
    live = _start(teacher_client, quiz_id, allow_guests="y")
    _join(student_client, live.join_code)
    guest = app.test_client()
    _join(guest, live.join_code, nickname="Comet")
    _control(teacher_client, live, "next")
    _answer(student_client, live, 0, {"choice": "1"})  # right
    _answer(guest, live, 0, {"choice": "0"})
    _control(teacher_client, live, "reveal")
    _control(teacher_client, live, "next")
    _answer(student_client, live, 1, {"choice": "false"})  # wrong
    _control(teacher_client, live, "end")
    title = db.session.get(Quiz, quiz_id).title
    student = user(users.student)

    history = student_client.get("/history").get_data(as_text=True)
    assert title in history
    assert "1.0 / 2.0 (50%)" in history  # its row: one of two right
    results = teacher_client.get(f"/manage/quizzes/{quiz_id}/results").get_data(as_text=True)
    assert student.display_name in results
    analysis = teacher_client.get(f"/manage/quizzes/{quiz_id}/analysis.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(analysis.lstrip("\ufeff"))))
    assert [row["attempts"] for row in rows] == ["1", "1"]  # the student's attempt; the guest has none
    # The guest has no attempt to count there: both pages say how many guests played and where they are counted.
    for page in (results, teacher_client.get(f"/manage/quizzes/{quiz_id}/analysis").get_data(as_text=True)):
        assert "Comet" not in page
        note = " ".join(re.search(r"<p[^>]*data-live-guests>(.*?)</p>", page, re.S).group(1).split())  # type: ignore[union-attr]
        assert "1 guest who played this quiz live" in note
        assert f'href="/live/{live.id}/results"' in note
    session_results = teacher_client.get(f"/live/{live.id}/results").get_data(as_text=True)
    assert "1 guests, counted but not named" in session_results
    assert "Comet" not in session_results
