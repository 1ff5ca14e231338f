"""GET /api/v1/me/attempts and /me/attempts/{id}: a student's own attempts, reviewed as the review page shows them.

The attempts are made through the pages (start, autosave, submit) and the API's review is compared with the
page's under each combination of the quiz's review settings: what the page hides, the JSON does not hold.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.api.conftest import bearer
from tests.attempts.test_pages import SECRETS, start
from tests.attempts.test_review_settings import reviewed
from tests.factories import QUESTIONS, all_types_quiz

EXPLANATIONS = [spec["explanation"] for spec in QUESTIONS]
QUOTES = [spec["quote"] for spec in QUESTIONS]


def latest_attempt_id() -> int:
    return db.session.query(Attempt.id).order_by(Attempt.id.desc()).limit(1).scalar()


def by_type(body: dict) -> dict:  # type: ignore[type-arg]
    return {q["type"]: q for q in body["questions"]}


def review_json(client, headers, attempt_id: int, query: str = "") -> dict:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1/me/attempts/{attempt_id}{query}", headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


@pytest.mark.parametrize(
    ("show_score", "show_answers"),
    [(False, False), (True, False), (False, True), (True, True)],
    ids=["nothing", "score", "answers", "both"],
)
def test_the_review_hides_what_the_page_hides(
    client, student_client, student_headers, users, show_score: bool, show_answers: bool
) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(
        users.teacher,
        review_show_score=show_score,
        review_show_answers=show_answers,
        review_show_explanations=False,
        review_show_sources=False,
    )
    html = reviewed(student_client, quiz.id)
    body = review_json(client, student_headers, latest_attempt_id())
    text = json.dumps(body)

    assert body["review_available"] is True
    assert body["status"] == "submitted"
    assert ('id="review-score"' in html) is show_score
    assert (body["score"] is not None) is show_score
    assert (body["max_score"] is not None) is show_score
    assert (body["awaiting_marks"] is not None) is show_score
    judged = show_score and show_answers  # verdicts only where both the score and the answers may be seen
    assert ('id="review-counts"' in html) is judged
    assert (body["counts"] is not None) is judged
    if judged:
        assert body["counts"] == {"right": 1, "partly": 1, "wrong": 3, "awaiting": 0}
    assert len(body["questions"]) == len(QUESTIONS)
    for question in body["questions"]:
        feedback = question["feedback"]
        if not (show_answers or judged):
            assert feedback is None  # the settings allow nothing to be said about it
            continue
        assert (feedback["answer"] is not None) is show_answers
        for hidden in ("result", "verdict", "score", "points"):
            assert (feedback[hidden] is not None) is judged, hidden
        assert feedback["explanation"] is None
        assert feedback["sources"] == []
    assert ("<strong>Answer:</strong>" in html) is show_answers
    assert {"type": "true_false", "your_answer": "False"}.items() <= by_type(body)["true_false"].items()
    for secret in EXPLANATIONS + QUOTES:
        assert secret not in text
    if not show_answers:
        assert "nine years" not in text
        assert "9 years" not in text


def test_explanations_and_sources_where_the_quiz_shows_them(client, student_client, student_headers, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    reviewed(student_client, quiz.id)
    body = review_json(client, student_headers, latest_attempt_id())
    multiple_choice = by_type(body)["multiple_choice"]["feedback"]
    assert multiple_choice["result"] == "right"
    assert multiple_choice["verdict"] == "Right: 1 of 1 mark."
    assert multiple_choice["answer"] == "Margaret Hale"
    assert "EXPLAIN-MC" in multiple_choice["explanation"]
    [source] = multiple_choice["sources"]
    assert source["paragraph"]["highlight"] == QUESTIONS[0]["quote"]
    assert source["url"].startswith(f"/attempts/{body['id']}/q/")
    missed = review_json(client, student_headers, body["id"], "?show=missed")
    assert [q["type"] for q in missed["questions"]] == [
        q["type"] for q in body["questions"] if q["feedback"]["result"] != "right"
    ]


def test_an_open_attempt_shows_nothing_of_its_keys(client, student_client, student_headers, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(student_client, quiz.id)
    response = client.get(f"/api/v1/me/attempts/{attempt.id}", headers=student_headers)
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "in_progress"
    assert body["review_available"] is False
    assert body["questions"] == []
    assert body["counts"] is None
    assert body["score"] is None
    text = response.get_data(as_text=True)
    for secret in [*SECRETS, "Margaret Hale"]:
        assert secret not in text
    listed = client.get("/api/v1/me/attempts", headers=student_headers).get_json()["attempts"]
    assert [(a["id"], a["status"], a["score"]) for a in listed] == [(attempt.id, "in_progress", None)]


def test_an_overdue_attempt_is_closed_first_as_its_page_does(client, student_client, student_headers, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, time_limit_minutes=10)
    attempt = start(student_client, quiz.id)
    attempt.started_at = utcnow() - timedelta(hours=1)
    attempt.deadline = utcnow() - timedelta(minutes=50)
    db.session.commit()
    body = review_json(client, student_headers, attempt.id)
    assert body["status"] == "closed_overdue"
    assert body["closed_by_deadline"] is True
    assert body["review_available"] is True
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).status == "closed_overdue"  # committed, as the page would


def test_another_students_attempt_is_not_found(client, student_client, make_token, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    reviewed(student_client, quiz.id)
    attempt_id = latest_attempt_id()
    other = bearer(make_token(users.other_student, write=False))
    response = client.get(f"/api/v1/me/attempts/{attempt_id}", headers=other)
    missing = client.get(f"/api/v1/me/attempts/{attempt_id + 1000}", headers=other)
    assert response.status_code == missing.status_code == 404
    assert response.get_json() == missing.get_json()
    assert client.get("/api/v1/me/attempts", headers=other).get_json() == {"attempts": []}


def test_the_list_shows_scores_only_where_the_quiz_shows_them(client, student_client, student_headers, users) -> None:  # type: ignore[no-untyped-def]
    hidden, _ = all_types_quiz(users.teacher, review_show_score=False)
    shown, _ = all_types_quiz(users.teacher)
    reviewed(student_client, hidden.id)
    reviewed(student_client, shown.id)
    listed = client.get("/api/v1/me/attempts", headers=student_headers).get_json()["attempts"]
    scores = {a["quiz_id"]: (a["score"], a["max_score"]) for a in listed}
    assert scores[hidden.id] == (None, None)
    assert scores[shown.id][1] == float(len(QUESTIONS))
    assert scores[shown.id][0] is not None


def test_staff_tokens_have_no_attempts_of_their_own(client, teacher_headers) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/v1/me/attempts", "/api/v1/me/attempts/1", "/api/v1/me/classes"):
        response = client.get(path, headers=teacher_headers)
        assert response.status_code == 403, path
        assert response.get_json()["error"]["code"] == "forbidden"
