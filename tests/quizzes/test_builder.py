"""The quiz builder through its pages: settings, question list, rules, publish, preview, duplicate."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz
from tests.factories import QUESTIONS, make_document, make_question, user
from tests.support import login, post_form


def approved_bank(teacher_name: str):  # type: ignore[no-untyped-def]
    teacher = user(teacher_name)
    document = make_document(teacher)
    questions = [make_question(teacher, document, spec) for spec in QUESTIONS]
    db.session.commit()
    return document, questions


def new_quiz(client: FlaskClient, **fields: str) -> int:
    data = {
        "title": "Canal check",
        "mode": "exam",
        "score_policy": "best",
        "layout": "one_per_page",
        "visibility": "public",
        "penalty_percent": "10",
        "review_show_score": "y",
        "review_show_answers": "y",
    }
    data.update(fields)
    response = post_form(client, "/manage/quizzes/", data, token_from="/manage/quizzes/")
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    return int(re.search(r"/manage/quizzes/(\d+)", response.headers["Location"]).group(1))


def test_build_publish_and_take(app, teacher_client: FlaskClient, student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    document, questions = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client, time_limit_minutes="20")
    page = f"/manage/quizzes/{quiz_id}"
    empty = post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)
    assert empty.status_code == 302
    assert db.session.get(Quiz, quiz_id).is_published is False  # nothing to ask yet
    post_form(teacher_client, f"{page}/questions", {"question": [questions[1].id, questions[0].id]}, token_from=page)
    post_form(
        teacher_client,
        f"{page}/rules",
        {"rule-count": "2", "rule-document": str(document.id), "rule-question_type": ""},
        token_from=page,
    )
    post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)
    db.session.expire_all()
    quiz = db.session.get(Quiz, quiz_id)
    assert [entry.question_id for entry in quiz.questions] == [questions[1].id, questions[0].id]
    assert quiz.rules[0].count == 2
    assert quiz.is_published
    assert quiz.time_limit_minutes == 20
    assert "Canal check" in student_client.get("/").get_data(as_text=True)
    start = post_form(student_client, f"/quizzes/{quiz_id}/start", {}, token_from=f"/quizzes/{quiz_id}")
    assert start.status_code == 302
    attempt = db.session.scalar(select(Attempt))
    assert len(attempt.answers) == 4  # two fixed, two picked by the rule


def test_preview_shows_the_questions_stores_nothing_and_reveals_no_key(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    _, questions = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    post_form(teacher_client, f"{page}/questions", {"question": [q.id for q in questions]}, token_from=page)
    html = teacher_client.get(f"{page}/preview").get_data(as_text=True)
    for spec in QUESTIONS:
        assert spec["prompt"] in html
        assert spec["explanation"] not in html
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 0


def test_only_ones_own_approved_questions_and_quizzes(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    _, theirs = approved_bank(users.other_teacher)
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    post_form(teacher_client, f"{page}/questions", {"question": [theirs[0].id]}, token_from=page)
    assert db.session.get(Quiz, quiz_id).questions == []
    other = app.test_client()
    login(other, users.other_teacher)
    for path in (page, f"{page}/preview"):
        assert other.get(path).status_code == 404
    assert post_form(other, f"{page}/publish", {"publish": "1"}).status_code == 404
    assert post_form(other, f"{page}/duplicate", {}).status_code == 404


def test_settings_are_checked_and_kept_when_wrong(teacher_client: FlaskClient) -> None:
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    response = post_form(
        teacher_client,
        page,
        {
            "title": "Canal check",
            "mode": "exam",
            "score_policy": "best",
            "layout": "one_per_page",
            "visibility": "class",
            "penalty_percent": "10",
            "opens_at": "2030-05-02T10:00",
            "closes_at": "2030-05-01T10:00",
        },
        token_from=page,
    )
    assert response.status_code == 400
    assert b"must open before it closes" in response.data
    assert b'value="2030-05-02T10:00"' in response.data
    db.session.expire_all()
    assert db.session.get(Quiz, quiz_id).opens_at is None


def test_duplicate_copies_questions_unpublished(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    _, questions = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    post_form(teacher_client, f"{page}/questions", {"question": [q.id for q in questions[:3]]}, token_from=page)
    post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)
    response = post_form(teacher_client, f"{page}/duplicate", {}, token_from=page)
    copy_id = int(re.search(r"/manage/quizzes/(\d+)", response.headers["Location"]).group(1))
    copy = db.session.get(Quiz, copy_id)
    assert copy.title == "Canal check (copy)"
    assert copy.is_published is False
    assert len(copy.questions) == 3
    assert user(users.teacher).id == copy.owner_id


def test_a_rule_says_what_its_pool_holds_and_one_asking_too_much_blocks_publishing(  # type: ignore[no-untyped-def]
    teacher_client: FlaskClient, users
) -> None:
    document, questions = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    page = f"/manage/quizzes/{quiz_id}"
    post_form(teacher_client, f"{page}/questions", {"question": [questions[0].id]}, token_from=page)
    rule = {"rule-document": str(document.id), "rule-question_type": ""}

    fits = post_form(teacher_client, f"{page}/rules", {**rule, "rule-count": "4"}, token_from=page)
    assert "Rule added. Its pool holds 4 questions." in teacher_client.get(fits.headers["Location"]).get_data(True)

    too_many = post_form(teacher_client, f"{page}/rules", {**rule, "rule-count": "7"}, token_from=page)
    told = teacher_client.get(too_many.headers["Location"]).get_data(as_text=True)
    assert "It asks for 7 questions but its pool holds 4 questions" in told
    assert "It asks for 7 questions but its pool holds 4 questions" in _rule_list(told)  # stays on the page

    refused = post_form(teacher_client, f"{page}/publish", {"publish": "1"}, token_from=page)
    message = teacher_client.get(refused.headers["Location"]).get_data(as_text=True)
    assert "Not published: a random-pick rule asks for more questions than it can pick." in message
    db.session.expire_all()
    assert db.session.get(Quiz, quiz_id).is_published is False


def _rule_list(html: str) -> str:
    found = re.search(r'<ul id="rules">(.*?)</ul>', html, re.S)
    assert found, "no rule list"
    return found.group(1)
