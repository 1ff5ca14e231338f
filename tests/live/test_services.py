"""The live session's state machine on a real database (SQLite and PostgreSQL): joining, answering once and in
time, the teacher's controls, closing by the server's clock, and the attempts a session leaves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from quizapp.attempts.models import Attempt
from quizapp.exceptions import Conflict, NotFound
from quizapp.extensions import db
from quizapp.live import services
from quizapp.live.models import LiveParticipant, LiveSession
from quizapp.practice import cards
from quizapp.statuses import AttemptStatus, LiveState
from tests.conftest import Accounts
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def _quiz(users: Accounts, specs: list[dict] | None = None) -> int:
    teacher = user(users.teacher)
    document = make_document(teacher)
    questions = [make_question(teacher, document, spec) for spec in (specs or QUESTIONS[:2])]
    draft = make_question(teacher, document, QUESTIONS[2], status="draft")  # never asked
    quiz = make_quiz(teacher, [*questions, draft], shuffle_questions=False, shuffle_options=False)
    db.session.commit()
    return quiz.id


def _start(users: Accounts, *, guests: bool = True, seconds: int = 20, specs: list[dict] | None = None) -> LiveSession:
    live = services.start_session(
        db.session,
        _quiz(users, specs),
        user(users.teacher),
        seconds=seconds,
        allow_guests=guests,
        show_names=True,
        now=T0,
        seed=1,
    )
    db.session.commit()
    return live


def test_start_fixes_the_approved_questions_and_a_code(app: Flask, users: Accounts) -> None:
    live = _start(users)
    assert live.state == LiveState.LOBBY
    assert live.question_count == 2  # the draft is left out
    assert len(live.join_code) == services.CODE_LENGTH
    assert live.expires_at == T0 + services.SESSION_LIFETIME
    with pytest.raises(NotFound):
        services.live_for_teacher(db.session, live.id, user(users.other_teacher))
    with pytest.raises(NotFound):  # another teacher's quiz
        services.start_session(
            db.session, live.quiz_id, user(users.other_teacher), seconds=20, allow_guests=False, show_names=True, now=T0
        )
    with pytest.raises(services.InvalidLiveSettings):
        services.start_session(
            db.session, live.quiz_id, user(users.teacher), seconds=2, allow_guests=False, show_names=True, now=T0
        )


def test_join_students_and_guests(app: Flask, users: Accounts) -> None:
    live = _start(users)
    code = live.join_code.lower()[:3] + "-" + live.join_code[3:]  # typed as it comes
    student = services.join(db.session, code, student=user(users.student), nickname=None, now=at(1))
    again = services.join(db.session, live.join_code, student=user(users.student), nickname=None, now=at(2))
    assert again.id == student.id
    guest = services.join(db.session, live.join_code, student=None, nickname="  Sam   the  Guest ", now=at(3))
    assert guest.nickname == "Sam the Guest"
    with pytest.raises(Conflict):
        services.join(db.session, live.join_code, student=None, nickname="SAM THE GUEST", now=at(4))
    for bad in ("", "   ", "x" * 31, "tab\there", "!!!"):
        with pytest.raises(services.InvalidNickname):
            services.join(db.session, live.join_code, student=None, nickname=bad, now=at(4))
    with pytest.raises(services.UnknownLiveCode):
        services.join(db.session, "ZZZZZZ", student=None, nickname="Ann", now=at(4))
    with pytest.raises(services.UnknownLiveCode):  # the code expires with the session
        services.join(db.session, live.join_code, student=None, nickname="Ann", now=T0 + services.SESSION_LIFETIME)
    db.session.commit()
    assert db.session.get(LiveSession, live.id).version == 3  # two joins changed the projector's list


def test_guests_only_when_allowed(app: Flask, users: Accounts) -> None:
    live = _start(users, guests=False)
    with pytest.raises(services.GuestsNotAllowed):
        services.join(db.session, live.join_code, student=None, nickname="Ann", now=at(1))


def test_answer_once_in_time_to_the_open_question(app: Flask, users: Accounts) -> None:
    live = _start(users)
    teacher = user(users.teacher)
    player = services.join(db.session, live.join_code, student=user(users.student), nickname=None, now=at(0))
    other = services.join(db.session, live.join_code, student=None, nickname="Ann", now=at(0))
    db.session.commit()
    with pytest.raises(services.AnswerRefused):  # nothing is open in the lobby
        services.answer(db.session, live.id, player.id, 0, {"choice": "1"}, now=at(1))
    services.advance(db.session, live.id, teacher, now=at(10))
    db.session.commit()
    right = services.answer(db.session, live.id, player.id, 0, {"choice": "1"}, now=at(14))  # Margaret Hale
    assert (right.correct, right.points, right.seconds_taken) == (True, 900, 4)
    with pytest.raises(services.AnswerRefused, match="already answered"):
        services.answer(db.session, live.id, player.id, 0, {"choice": "0"}, now=at(15))
    with pytest.raises(services.AnswerRefused):  # not the open question
        services.answer(db.session, live.id, other.id, 1, {"choice": "true"}, now=at(15))
    with pytest.raises(services.InvalidAnswer):  # a forged choice
        services.answer(db.session, live.id, other.id, 0, {"choice": "9"}, now=at(15))
    with pytest.raises(services.AnswerRefused, match="too late"):  # the server's clock closed it
        services.answer(db.session, live.id, other.id, 0, {"choice": "1"}, now=at(30))
    with pytest.raises(NotFound):  # a participant of no such pairing
        services.answer(db.session, live.id + 1, player.id, 0, {"choice": "1"}, now=at(15))
    db.session.commit()
    assert db.session.get(LiveParticipant, player.id).score == 900
    assert db.session.get(LiveParticipant, other.id).score == 0


def test_a_question_past_its_time_is_closed_by_the_next_reader(app: Flask, users: Accounts) -> None:
    live = _start(users)
    services.advance(db.session, live.id, user(users.teacher), now=at(0))
    db.session.commit()
    state = services.current_state(db.session, live.id, now=at(19.5))
    assert (state.state, state.version, state.as_json(at(19.5))["seconds_left"]) == ("question", 2, 0.5)
    state = services.current_state(db.session, live.id, now=at(20))
    db.session.commit()
    assert (state.state, state.version) == ("reveal", 3)
    assert services.current_state(db.session, live.id, now=at(25)).version == 3  # closed once
    assert services.current_state(db.session, live.id + 99, now=at(25)) is None


def test_pause_resume_extend_reveal_next_and_end(app: Flask, users: Accounts) -> None:
    live = _start(users)
    teacher = user(users.teacher)
    player = services.join(db.session, live.join_code, student=None, nickname="Ann", now=at(0))
    services.advance(db.session, live.id, teacher, now=at(0))
    services.pause(db.session, live.id, teacher, now=at(5))
    with pytest.raises(services.AnswerRefused, match="paused"):
        services.answer(db.session, live.id, player.id, 0, {"choice": "1"}, now=at(6))
    with pytest.raises(services.ControlRefused):
        services.pause(db.session, live.id, teacher, now=at(6))
    # Paused for a minute: still 15 seconds left, then 10 more.
    assert services.current_state(db.session, live.id, now=at(65)).as_json(at(65))["seconds_left"] == 15
    services.resume(db.session, live.id, teacher, now=at(65))
    services.extend(db.session, live.id, teacher, now=at(66))
    live = services.live_for_teacher(db.session, live.id, teacher)
    assert live.closes_at == at(90)
    assert live.allowed_seconds == 30
    given = services.answer(db.session, live.id, player.id, 0, {"choice": "1"}, now=at(70))
    assert given.seconds_taken == 10  # 5 before the pause and 5 after; the pause did not count
    services.reveal(db.session, live.id, teacher, now=at(71))
    with pytest.raises(services.ControlRefused):
        services.extend(db.session, live.id, teacher, now=at(72))
    services.advance(db.session, live.id, teacher, now=at(80))  # question 1
    services.advance(db.session, live.id, teacher, now=at(81))  # skipped: past the last, the session ends
    db.session.commit()
    live = services.live_for_teacher(db.session, live.id, teacher)
    assert live.state == LiveState.ENDED
    assert live.ended_at == at(81)
    with pytest.raises(services.ControlRefused):
        services.advance(db.session, live.id, teacher, now=at(82))
    with pytest.raises(services.UnknownLiveCode):  # the code died with the session
        services.join(db.session, live.join_code, student=None, nickname="Late", now=at(83))


def test_end_gives_signed_in_students_a_graded_attempt_that_practice_sees(app: Flask, users: Accounts) -> None:
    live = _start(users, specs=[QUESTIONS[0], QUESTIONS[2], QUESTIONS[1]])  # choice, fill-in, true/false
    teacher = user(users.teacher)
    student = user(users.student)
    player = services.join(db.session, live.join_code, student=student, nickname=None, now=at(0))
    services.join(db.session, live.join_code, student=None, nickname="Guest", now=at(0))
    services.advance(db.session, live.id, teacher, now=at(0))
    services.answer(db.session, live.id, player.id, 0, {"choice": "1"}, now=at(2))
    services.reveal(db.session, live.id, teacher, now=at(5))
    services.advance(db.session, live.id, teacher, now=at(6))
    services.answer(db.session, live.id, player.id, 1, {"text": "ten years"}, now=at(8))
    services.end_session(db.session, live.id, teacher, now=at(9))  # question 2 never asked
    db.session.commit()
    attempts = db.session.scalars(select(Attempt)).all()
    assert len(attempts) == 1  # the guest gets none
    attempt = attempts[0]
    assert (attempt.student_id, attempt.status, attempt.score, attempt.max_score) == (
        student.id,
        AttemptStatus.SUBMITTED,
        1.0,
        2.0,
    )
    assert [(a.position, a.response, a.score) for a in attempt.answers] == [
        (0, "Margaret Hale", 1.0),
        (1, "ten years", 0.0),
    ]
    assert db.session.get(LiveParticipant, player.id).attempt_id == attempt.id
    assert cards.sync_cards(db.session, student.id, now=at(60)) == 2  # practice sees both answers


def test_a_session_nobody_ends_ends_at_its_expiry_and_keeps_its_attempts(app: Flask, users: Accounts) -> None:
    """The teacher closed the projector and forgot: past its lifetime the session takes no answer and no button
    but "End session", and the worker's sweep ends it as that button would, at its expiry."""
    live = _start(users)
    teacher, student = user(users.teacher), user(users.student)
    player = services.join(db.session, live.join_code, student=student, nickname=None, now=at(0))
    guest = services.join(db.session, live.join_code, student=None, nickname="Ann", now=at(0))
    services.advance(db.session, live.id, teacher, now=at(0))
    services.answer(db.session, live.id, player.id, 0, {"choice": "1"}, now=at(2))
    services.reveal(db.session, live.id, teacher, now=at(5))
    services.advance(db.session, live.id, teacher, now=at(6))
    services.pause(db.session, live.id, teacher, now=at(7))  # and left paused, so it never closes by itself
    db.session.commit()
    expiry = T0 + services.SESSION_LIFETIME
    assert services.end_expired(db.session, now=expiry - timedelta(seconds=1)) == []
    services.resume(db.session, live.id, teacher, now=expiry - timedelta(seconds=1))  # and again left running
    db.session.commit()
    with pytest.raises(services.AnswerRefused, match="12 hours"):
        services.answer(db.session, live.id, guest.id, 1, {"choice": "true"}, now=expiry)
    with pytest.raises(services.ControlRefused, match="12 hours"):
        services.advance(db.session, live.id, teacher, now=expiry)
    other = services.start_session(  # a younger session is left alone
        db.session, live.quiz_id, teacher, seconds=20, allow_guests=False, show_names=True, now=expiry
    )
    ended = services.end_expired(db.session, now=expiry + timedelta(minutes=1))
    db.session.commit()
    assert ended == [live.id]
    live = services.live_for_teacher(db.session, live.id, teacher)
    assert (live.state, live.ended_at) == (LiveState.ENDED, expiry)
    assert db.session.get(LiveSession, other.id).state == LiveState.LOBBY
    attempt = db.session.scalars(select(Attempt).where(Attempt.student_id == student.id)).one()
    assert (attempt.score, attempt.max_score, len(attempt.answers)) == (1.0, 2.0, 2)
    assert db.session.get(LiveParticipant, player.id).attempt_id == attempt.id
    assert services.end_expired(db.session, now=expiry + timedelta(minutes=2)) == []  # ended once


def test_the_worker_and_the_command_end_expired_sessions(app: Flask, users: Accounts) -> None:
    from quizapp.live.tasks import end_expired_sessions

    long_ago = datetime.now(UTC) - services.SESSION_LIFETIME - timedelta(minutes=5)
    first = services.start_session(
        db.session, _quiz(users), user(users.teacher), seconds=20, allow_guests=True, show_names=True, now=long_ago
    )
    second = services.start_session(
        db.session, first.quiz_id, user(users.teacher), seconds=20, allow_guests=True, show_names=True, now=long_ago
    )
    db.session.commit()
    end_expired_sessions.call_local()
    db.session.rollback()
    assert db.session.get(LiveSession, first.id).state == LiveState.ENDED
    db.session.get(LiveSession, second.id).state = LiveState.LOBBY  # as if the worker had missed it
    db.session.get(LiveSession, second.id).ended_at = None
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["live", "end-expired"])
    assert result.exit_code == 0, result.output
    assert "ended 1 expired live session" in result.output
    db.session.rollback()
    assert db.session.get(LiveSession, second.id).state == LiveState.ENDED
