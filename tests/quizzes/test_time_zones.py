"""Opening and closing times typed in the teacher's zone, stored in UTC, shown back in that zone."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from quizapp.quizzes.services import Timing
from tests.factories import user
from tests.quizzes.test_builder import new_quiz
from tests.support import post_form


def zone_for(username: str, name: str | None) -> None:
    user(username).time_zone = name
    db.session.commit()


def stored(quiz_id: int) -> tuple[datetime | None, datetime | None]:
    db.session.expire_all()
    quiz = db.session.get(Quiz, quiz_id)
    return quiz.opens_at, quiz.closes_at


def test_times_typed_in_new_york_cross_midnight_in_utc_and_read_back_as_typed(
    teacher_client: FlaskClient,
    users,  # type: ignore[no-untyped-def]
) -> None:
    zone_for(users.teacher, "America/New_York")
    quiz_id = new_quiz(teacher_client, opens_at="2026-12-10T20:00", closes_at="2026-12-10T23:30")
    assert stored(quiz_id) == (datetime(2026, 12, 11, 1, 0, tzinfo=UTC), datetime(2026, 12, 11, 4, 30, tzinfo=UTC))
    page = teacher_client.get(f"/manage/quizzes/{quiz_id}").get_data(as_text=True)
    assert "America/New_York time" in page
    assert 'value="2026-12-10T20:00"' in page
    assert 'value="2026-12-10T23:30"' in page
    # Still closed at 00:59 UTC on the 11th (19:59 in New York), open at 01:00.
    quiz = db.session.get(Quiz, quiz_id)
    timing = Timing(quiz)
    assert timing.state(datetime(2026, 12, 11, 0, 59, tzinfo=UTC)) == "upcoming"
    assert timing.state(datetime(2026, 12, 11, 1, 0, tzinfo=UTC)) == "open"


def test_saving_the_form_unchanged_keeps_the_times(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    zone_for(users.teacher, "Pacific/Auckland")
    quiz_id = new_quiz(teacher_client, opens_at="2027-01-01T08:00")
    before = stored(quiz_id)
    assert before[0] == datetime(2026, 12, 31, 19, 0, tzinfo=UTC)
    page = f"/manage/quizzes/{quiz_id}"
    fields = {"title": "Canal check", "mode": "exam", "score_policy": "best", "layout": "one_per_page",
              "visibility": "public", "penalty_percent": "10", "opens_at": "2027-01-01T08:00"}  # fmt: skip
    assert post_form(teacher_client, page, fields, token_from=page).status_code == 302
    assert stored(quiz_id) == before


def test_a_time_the_clocks_skip_is_refused_and_changes_nothing(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    zone_for(users.teacher, "Europe/Berlin")
    quiz_id = new_quiz(teacher_client, opens_at="2027-03-27T09:00")
    page = f"/manage/quizzes/{quiz_id}"
    fields = {"title": "Canal check", "mode": "exam", "score_policy": "best", "layout": "one_per_page",
              "visibility": "public", "penalty_percent": "10", "opens_at": "2027-03-28T02:30"}  # fmt: skip
    response = post_form(teacher_client, page, fields, token_from=page)
    assert response.status_code == 400
    assert b"does not exist in Europe/Berlin" in response.data
    assert stored(quiz_id)[0] == datetime(2027, 3, 27, 8, 0, tzinfo=UTC)


def test_without_a_zone_of_their_own_a_teacher_types_in_the_school_s(app: Flask, teacher_client: FlaskClient) -> None:
    app.config["SCHOOL_TIME_ZONE"] = "Asia/Tokyo"
    quiz_id = new_quiz(teacher_client, opens_at="2026-12-11T09:00")
    assert stored(quiz_id)[0] == datetime(2026, 12, 11, 0, 0, tzinfo=UTC)
    assert "Asia/Tokyo time" in teacher_client.get(f"/manage/quizzes/{quiz_id}").get_data(as_text=True)
