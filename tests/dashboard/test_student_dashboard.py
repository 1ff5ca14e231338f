"""The student's dashboard and a quiz's start page: what is open now, what opens later, due dates and time limits."""

from __future__ import annotations

import re
from datetime import timedelta

import lxml.html
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.models import utcnow
from tests.factories import QUESTIONS, assign, class_with, make_document, make_question, make_quiz, user


def _text(html: str, element_id: str) -> str:
    found = lxml.html.fromstring(html).get_element_by_id(element_id, None)
    return "" if found is None else " ".join(found.text_content().split())


def test_quiz_opening_later_is_listed_apart_with_its_opening_time(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), QUESTIONS[0])
    now = utcnow()
    tomorrow = (now + timedelta(days=1)).replace(hour=9, minute=30, second=0, microsecond=0)
    make_quiz(teacher, [question], title="Open now quiz")
    make_quiz(teacher, [question], title="Tomorrow quiz", opens_at=tomorrow)
    make_quiz(teacher, [question], title="Past quiz", closes_at=now - timedelta(hours=1))
    db.session.commit()

    html = student_client.get("/").get_data(as_text=True)

    assert "Open now quiz" in _text(html, "open-quizzes")
    assert "Tomorrow quiz" not in _text(html, "open-quizzes")
    assert "Past quiz" not in _text(html, "open-quizzes")
    later = _text(html, "opening-later")
    assert "Tomorrow quiz" in later
    assert f"Opens {tomorrow:%d %B %Y, %H:%M} UTC" in later
    assert "Past quiz" in _text(html, "closed-quizzes")


def test_due_date_and_time_limit_with_extra_time_on_dashboard_and_quiz_page(
    student_client: FlaskClient,
    users,  # type: ignore[no-untyped-def]
) -> None:
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), QUESTIONS[0])
    due = (utcnow() + timedelta(days=2)).replace(hour=16, minute=0, second=0, microsecond=0)
    quiz = make_quiz(teacher, [question], title="Timed quiz", visibility="class", closes_at=due, time_limit_minutes=30)
    assign(quiz, class_with(users.teacher, [users.student], extra_time=25))
    db.session.commit()
    expected_limit = "37 minutes 30 s (30 minutes with your 25% extra time)"

    listed = _text(student_client.get("/").get_data(as_text=True), "open-quizzes")
    assert f"Due {due:%d %B %Y, %H:%M} UTC" in listed
    assert f"Time limit {expected_limit}" in listed

    start_page = " ".join(lxml.html.fromstring(student_client.get(f"/quizzes/{quiz.id}").data).text_content().split())
    assert f"Time limit: {expected_limit}" in start_page
    assert f"Due: {due:%d %B %Y, %H:%M} UTC" in start_page


def test_the_student_s_sections_and_actions_carry_the_shipped_icons(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    html = student_client.get("/").get_data(as_text=True)
    shown = set(re.findall(r'<use [^>]*href="/bootstrap/static/icons/bootstrap-icons\.svg#([a-z0-9-]+)"', html))
    assert {"journal-check", "hourglass-split", "graph-up-arrow", "people"} <= shown


def test_a_quiz_s_due_line_follows_its_title_without_a_blank_line(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    quiz = make_quiz(teacher, [make_question(teacher, make_document(teacher), QUESTIONS[0])], time_limit_minutes=20)
    db.session.commit()
    html = student_client.get("/").get_data(as_text=True)
    (item,) = lxml.html.fromstring(html).xpath("//ul[@id='open-quizzes']/li")
    assert quiz.title in item.text_content()
    assert item.xpath(".//br") == []  # the title's line is a block already: a <br> after it left an empty line
    assert "d-block" in item.xpath(".//small")[0].get("class")
