"""Practice services on a real database: cards from answers, due sessions, retakes, privacy of personal quizzes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.attempts import loading, saving, starting, submitting
from quizapp.attempts.models import Attempt
from quizapp.dashboard.services import staff_overview
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from quizapp.practice import cards, services
from quizapp.practice.models import ReviewCard
from quizapp.practice.scheduling import Rating, replay
from quizapp.quizzes import assignments
from quizapp.quizzes import services as quiz_lookups
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import quiz_for_student, visible_quizzes
from tests.attempts.test_services import fields_for_key
from tests.conftest import Accounts
from tests.factories import all_types_quiz, class_with, finished_attempt, user

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def cards_by_question(student_id: int) -> dict[int, ReviewCard]:
    return {c.question_id: c for c in db.session.scalars(select(ReviewCard).where(ReviewCard.student_id == student_id))}


def snapshot(student_id: int) -> dict[int, tuple[object, ...]]:
    return {
        qid: (c.due, c.stability, c.difficulty, c.state, c.step, c.last_review, c.reps, c.lapses)
        for qid, c in cards_by_question(student_id).items()
    }


def test_sync_makes_one_card_per_question_rated_from_the_score(users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 0, 0.5, 1, 0], submitted_at=T0)
    db.session.commit()

    assert cards.has_unsynced_answers(db.session, stu.id, now=T0 + DAY)
    assert cards.sync_cards(db.session, stu.id, now=T0 + DAY) == 5
    db.session.commit()

    mine = cards_by_question(stu.id)
    assert set(mine) == {q.id for q in questions}
    expected = [Rating.Good, Rating.Again, Rating.Hard, Rating.Good, Rating.Again]
    for question, rating in zip(questions, expected, strict=True):
        card = mine[question.id]
        assert card.last_review == T0
        assert card.reps == 1
        assert (card.due, card.stability, card.difficulty) == (
            (want := replay([(rating, T0)])).due,
            want.stability,
            want.difficulty,
        )
    # Full marks come back in two days, a miss or a half mark the next day.
    assert mine[questions[0].id].due == T0 + 2 * DAY
    assert mine[questions[1].id].due == T0 + DAY
    assert mine[questions[2].id].due == T0 + DAY
    assert mine[questions[1].id].stability < mine[questions[2].id].stability < mine[questions[0].id].stability


def test_sync_is_idempotent_and_takes_in_only_newer_answers(users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 0, 1, 1, 1], submitted_at=T0)
    db.session.commit()
    cards.sync_cards(db.session, stu.id, now=T0 + DAY)
    db.session.commit()
    before = snapshot(stu.id)

    assert not cards.has_unsynced_answers(db.session, stu.id, now=T0 + 3 * DAY)
    assert cards.sync_cards(db.session, stu.id, now=T0 + 3 * DAY) == 0
    db.session.commit()
    db.session.expire_all()
    assert snapshot(stu.id) == before

    later = T0 + 3 * DAY
    finished_attempt(quiz, stu, [1, 1, 0, 1, 1], submitted_at=later)
    db.session.commit()
    assert cards.sync_cards(db.session, stu.id, now=later + DAY) == 5
    db.session.commit()
    mine = cards_by_question(stu.id)
    assert all(card.reps == 2 and card.last_review == later for card in mine.values())
    assert (mine[questions[1].id].due, mine[questions[1].id].stability) == (
        (want := replay([(Rating.Again, T0), (Rating.Good, later)])).due,
        want.stability,
    )
    forgot = mine[questions[2].id]
    assert forgot.lapses == 1
    assert forgot.due == replay([(Rating.Good, T0), (Rating.Again, later)]).due
    assert cards.sync_cards(db.session, stu.id, now=later + 2 * DAY) == 0


def test_only_finished_attempts_of_quizzes_that_show_their_answers_feed_cards(users: Accounts) -> None:
    shown, _ = all_types_quiz(users.teacher, title="Shown")
    hidden, _ = all_types_quiz(users.teacher, title="Answers hidden", review_show_answers=False)
    no_score, _ = all_types_quiz(users.teacher, title="Score hidden", review_show_score=False)
    stu = user(users.student)
    finished_attempt(hidden, stu, [0, 0, 0, 0, 0], submitted_at=T0)
    finished_attempt(no_score, stu, [0, 0, 0, 0, 0], submitted_at=T0)
    open_attempt = starting.start_attempt(db.session, shown.id, stu, now=T0)
    db.session.commit()
    # Practice-mode checks grade answers before submitting; an attempt in progress still does not count.
    for answer in open_attempt.answers:
        answer.score, answer.graded_at = 0.0, T0
    db.session.commit()

    assert not cards.has_unsynced_answers(db.session, stu.id, now=T0 + DAY)
    assert cards.sync_cards(db.session, stu.id, now=T0 + DAY) == 0
    assert cards_by_question(stu.id) == {}


def test_another_students_answers_make_no_card_of_mine(users: Accounts) -> None:
    quiz, _ = all_types_quiz(users.teacher)
    finished_attempt(quiz, user(users.other_student), [0, 0, 0, 0, 0], submitted_at=T0)
    db.session.commit()
    stu = user(users.student)
    assert cards.sync_cards(db.session, stu.id, now=T0 + DAY) == 0
    assert cards.sync_cards(db.session, user(users.other_student).id, now=T0 + DAY) == 5


@pytest.mark.backends("postgresql")  # SQLite serialises writers: the two syncs cannot overlap there
def test_two_syncs_at_once_agree(users: Accounts, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two requests sync the same new answers at once: the one that loses the race keeps the winner's cards."""
    quiz, _ = all_types_quiz(users.teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 0, 0.5, 1, 0], submitted_at=T0)
    db.session.commit()
    real_review = cards.scheduling.review
    raced: list[int] = []
    interrupted = False

    def review_after_the_other_request(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal interrupted
        if not interrupted:  # this request has read the answers; the other one syncs and commits now
            interrupted = True
            with Session(db.engine) as other:
                raced.append(cards.sync_cards(other, stu.id, now=T0 + DAY))
                other.commit()
        return real_review(*args, **kwargs)

    monkeypatch.setattr(cards.scheduling, "review", review_after_the_other_request)
    assert cards.sync_cards(db.session, stu.id, now=T0 + DAY) == 0
    db.session.commit()
    assert raced == [5]
    monkeypatch.undo()
    db.session.expire_all()
    winner = snapshot(stu.id)
    assert len(winner) == 5
    assert cards.sync_cards(db.session, stu.id, now=T0 + DAY) == 0
    assert snapshot(stu.id) == winner


def test_due_questions_most_overdue_first_limited_and_askable_only(users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 1, 1, 1, 1], submitted_at=T0)
    cards.sync_cards(db.session, stu.id, now=T0)
    mine = cards_by_question(stu.id)
    overdue_by_days = [3, 5, 1, 4, 2]
    now = T0 + 10 * DAY
    for question, days in zip(questions, overdue_by_days, strict=True):
        mine[question.id].due = now - days * DAY
    mine[questions[4].id].due = now + DAY  # not due yet
    questions[3].status = "retired"
    db.session.commit()

    due = cards.due_question_ids(db.session, stu.id, now=now, limit=10)
    assert due == [questions[1].id, questions[0].id, questions[2].id]
    assert cards.due_question_ids(db.session, stu.id, now=now, limit=2) == [questions[1].id, questions[0].id]
    assert cards.due_count(db.session, stu.id, now=now) == 3
    assert cards.due_question_ids(db.session, user(users.other_student).id, now=now, limit=10) == []
    view = services.overview(db.session, stu, now=now, session_size=10)
    assert (view.cards, view.due_now, view.next_due) == (4, 3, now + DAY)


def make_due(student_id: int, when: datetime) -> None:
    for card in cards_by_question(student_id).values():
        card.due = when
    db.session.commit()


def test_review_session_is_a_practice_attempt_over_the_due_questions(users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    stu = user(users.student)
    finished_attempt(quiz, stu, [1, 0, 1, 0, 1], submitted_at=T0)
    db.session.commit()
    now = T0 + 1.5 * DAY  # the two misses are due (one day), the rest not yet (two days)

    started = services.start_review_session(db.session, stu, now=now, size=10)
    db.session.commit()

    attempt = started.attempt
    assert not started.resumed_other
    assert [a.question_id for a in attempt.answers] == [questions[1].id, questions[3].id]
    personal = attempt.quiz
    assert (personal.personal_for_id, personal.personal_kind, personal.mode) == (stu.id, "review", "practice")
    assert (personal.owner_id, personal.is_published, personal.attempts_allowed) == (None, False, None)
    assert attempt.deadline is None
    assert all(a.question_version_id == a.question.latest.id for a in attempt.answers)

    # A double click: the same attempt, nothing new.
    again = services.start_review_session(db.session, stu, now=now, size=10)
    assert again.attempt.id == attempt.id
    assert not again.resumed_other
    assert db.session.scalar(select(Attempt.id).where(Attempt.quiz_id == personal.id, Attempt.number == 2)) is None

    # Answer one right, give the other up, submit: the cards take the session in.
    first, second = attempt.answers
    saving.check_answer(db.session, attempt.id, stu, first.position, fields_for_key(first), now=now)
    saving.check_answer(db.session, attempt.id, stu, second.position, {}, now=now, give_up=True)
    submitting.submit_attempt(db.session, attempt.id, stu, now=now + timedelta(minutes=5))
    db.session.commit()
    assert cards.sync_cards(db.session, stu.id, now=now + timedelta(minutes=6)) == 2
    db.session.commit()
    mine = cards_by_question(stu.id)
    assert mine[questions[1].id].due == replay([(Rating.Again, T0), (Rating.Good, now)]).due
    assert mine[questions[3].id].due == replay([(Rating.Again, T0), (Rating.Again, now)]).due
    assert mine[questions[3].id].lapses == 1

    # The next session refills the same personal quiz with what is due then.
    later = now + 10 * DAY
    second_session = services.start_review_session(db.session, stu, now=later, size=2)
    db.session.commit()
    assert second_session.attempt.quiz_id == personal.id
    assert second_session.attempt.number == 2
    assert len(second_session.attempt.answers) == 2


def test_nothing_due_says_so(users: Accounts) -> None:
    quiz, _ = all_types_quiz(users.teacher)
    stu = user(users.student)
    with pytest.raises(services.NothingToPractice, match="Nothing is due"):
        services.start_review_session(db.session, stu, now=T0, size=10)
    finished_attempt(quiz, stu, [1, 1, 1, 1, 1], submitted_at=T0)
    db.session.commit()
    with pytest.raises(services.NothingToPractice):
        services.start_review_session(db.session, stu, now=T0 + timedelta(hours=1), size=10)


def test_retake_takes_only_what_was_wrong_in_that_attempt(users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    stu = user(users.student)
    first = finished_attempt(quiz, stu, [0, 0, 0, 0, 0], submitted_at=T0)
    latest = finished_attempt(quiz, stu, [1, 0, 0.5, 1, 0], submitted_at=T0 + DAY)
    questions[4].status = "rejected"
    db.session.commit()

    assert services.last_finished_attempt(db.session, stu).id == latest.id
    assert services.mistakes_in(db.session, latest) == [questions[1].id, questions[2].id]
    started = services.start_mistakes_session(db.session, stu, latest.id, now=T0 + 2 * DAY)
    db.session.commit()
    assert [a.question_id for a in started.attempt.answers] == [questions[1].id, questions[2].id]
    assert started.attempt.quiz.personal_kind == "mistakes"
    assert started.attempt.quiz.mode == "practice"

    # Another retake while this one is open resumes it, and says it holds other questions.
    resumed = services.start_mistakes_session(db.session, stu, first.id, now=T0 + 2 * DAY)
    assert resumed.attempt.id == started.attempt.id
    assert resumed.resumed_other


def test_retake_refuses_what_it_must(users: Accounts) -> None:
    quiz, _ = all_types_quiz(users.teacher)
    hidden, _ = all_types_quiz(users.teacher, title="Hidden", review_show_answers=False)
    stu = user(users.student)
    perfect = finished_attempt(quiz, stu, [1, 1, 1, 1, 1], submitted_at=T0)
    secret = finished_attempt(hidden, stu, [0, 0, 0, 0, 0], submitted_at=T0)
    others = finished_attempt(quiz, user(users.other_student), [0, 0, 0, 0, 0], submitted_at=T0)
    running = starting.start_attempt(db.session, quiz.id, stu, now=T0 + DAY)
    db.session.commit()

    with pytest.raises(services.NothingToPractice, match="every question"):
        services.start_mistakes_session(db.session, stu, perfect.id, now=T0 + DAY)
    with pytest.raises(services.NotPracticable, match="hidden"):
        services.start_mistakes_session(db.session, stu, secret.id, now=T0 + DAY)
    with pytest.raises(services.NotPracticable, match="Submit"):
        services.start_mistakes_session(db.session, stu, running.id, now=T0 + DAY)
    with pytest.raises(NotFound):
        services.start_mistakes_session(db.session, stu, others.id, now=T0 + DAY)
    # The hidden quiz's attempt is never "the last attempt" offered for a retake.
    assert services.last_finished_attempt(db.session, stu).id == perfect.id


def personal_session(users: Accounts) -> tuple[Quiz, Attempt]:
    quiz, _ = all_types_quiz(users.teacher, visibility="public")
    stu = user(users.student)
    finished_attempt(quiz, stu, [0, 0, 0, 0, 0], submitted_at=T0)
    db.session.commit()
    started = services.start_review_session(db.session, stu, now=T0 + 2 * DAY, size=10)
    db.session.commit()
    return started.attempt.quiz, started.attempt


def test_personal_quizzes_are_in_no_list_and_nobody_elses(users: Accounts) -> None:
    personal, attempt = personal_session(users)
    stu, stu2, teacher = user(users.student), user(users.other_student), user(users.teacher)
    school_class = class_with(users.teacher, [users.student, users.other_student])
    db.session.commit()

    for student in (stu, stu2):
        assert personal.id not in {q.id for q in visible_quizzes(db.session, student)}
    assert quiz_for_student(db.session, personal.id, stu).id == personal.id
    with pytest.raises(NotFound):
        quiz_for_student(db.session, personal.id, stu2)
    with pytest.raises(NotFound):
        starting.start_attempt(db.session, personal.id, stu2, now=T0 + 2 * DAY)
    with pytest.raises(NotFound):
        loading.attempt_of(db.session, attempt.id, stu2)
    for staff in (teacher, user(users.admin)):
        assert personal.id not in {q.id for q in quiz_lookups.quizzes_of_teacher(db.session, staff)}
        with pytest.raises(NotFound):
            quiz_lookups.quiz_of_teacher(db.session, personal.id, staff)
    with pytest.raises(NotFound):
        assignments.assign_quiz(db.session, school_class, personal, teacher)
    assert staff_overview(db.session, teacher).quizzes == 1  # the canal quiz only


@pytest.mark.parametrize(
    "change",
    [{"is_published": True}, {"personal_kind": None}, {"personal_kind": "exam"}],
    ids=["published", "no kind", "unknown kind"],
)
def test_constraints_keep_personal_quizzes_private(users: Accounts, change: dict[str, object]) -> None:
    personal, _ = personal_session(users)
    for name, value in change.items():
        setattr(personal, name, value)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_teacher_owned_quiz_cannot_be_made_personal(users: Accounts) -> None:
    quiz, _ = all_types_quiz(users.teacher, is_published=False)
    quiz.personal_for_id = user(users.student).id
    quiz.personal_kind = "review"
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_one_personal_quiz_per_student_and_kind(users: Accounts) -> None:
    stu = user(users.student)
    review = services.personal_quiz(db.session, stu, "review")
    assert services.personal_quiz(db.session, stu, "review").id == review.id
    assert services.personal_quiz(db.session, stu, "mistakes").id != review.id
    assert services.personal_quiz(db.session, user(users.other_student), "review").id != review.id
    db.session.commit()
    db.session.add(Quiz(title="Copy", personal_for_id=stu.id, personal_kind="review", is_published=False))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
