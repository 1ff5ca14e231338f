"""A student flags a question to come back to: shown on the question numbers and before submitting."""

from __future__ import annotations

import lxml.html
import pytest
from flask.testing import FlaskClient

from quizapp.attempts import for_later
from quizapp.attempts.models import AttemptAnswer
from quizapp.attempts.saving import AttemptClosed
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.attempts.test_pages import start
from tests.factories import all_types_quiz, user
from tests.support import csrf_token, post_form


def _flag(client: FlaskClient, attempt_id: int, position: int, **fields: str):  # type: ignore[no-untyped-def]
    page = f"/attempts/{attempt_id}/q/{position}"
    return post_form(client, page, {"action": "later", **fields}, token_from=page)


def test_flag_toggles_shows_on_the_numbers_and_before_submitting(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False)
    attempt = start(student_client, quiz.id)
    sent = _flag(student_client, attempt.id, 2, **{"q2-text": "nine years"})
    assert sent.status_code == 302
    assert sent.headers["Location"].endswith(f"/attempts/{attempt.id}/q/2")  # stays at the question
    answer = db.session.get(AttemptAnswer, attempt.answers[2].id)
    db.session.refresh(answer)
    assert answer.flagged_for_later
    assert answer.response == "nine years"  # the answer as it stood was saved too

    page = lxml.html.fromstring(student_client.get(f"/attempts/{attempt.id}/q/0").data)
    (number,) = page.xpath("//button[@data-nav='2']")
    assert number.get("aria-label") == "Question 3, answered, flagged to come back to"
    assert "⚑" in number.text_content()
    assert "⚑ 1 flagged" in " ".join(page.get_element_by_id("navigator").text_content().split())
    (toggle,) = lxml.html.fromstring(student_client.get(f"/attempts/{attempt.id}/q/2").data).xpath(
        "//button[@value='later']"
    )
    assert toggle.get("aria-pressed") == "true"
    assert "Press again to remove the flag." in student_client.get(f"/attempts/{attempt.id}/q/2").get_data(as_text=True)
    confirm = lxml.html.fromstring(student_client.get(f"/attempts/{attempt.id}/submit").data)
    assert "Question 3" in confirm.get_element_by_id("flagged-for-later").text_content()

    _flag(student_client, attempt.id, 2)  # again: the flag comes off
    db.session.refresh(answer)
    assert not answer.flagged_for_later
    confirm = lxml.html.fromstring(student_client.get(f"/attempts/{attempt.id}/submit").data)
    assert confirm.get_element_by_id("flagged-for-later", None) is None


def test_only_the_student_and_only_while_open(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(student_client, quiz.id)
    with pytest.raises(NotFound):
        for_later.flag_for_later(db.session, attempt.id, user(users.other_student), 0, now=utcnow())
    db.session.rollback()
    with pytest.raises(NotFound):
        for_later.flag_for_later(db.session, attempt.id, user(users.student), 99, now=utcnow())
    db.session.rollback()
    post_form(student_client, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    with pytest.raises(AttemptClosed):
        for_later.flag_for_later(db.session, attempt.id, user(users.student), 0, now=utcnow())
    db.session.rollback()
    refused = _flag(student_client, attempt.id, 0)
    assert refused.status_code < 500
    assert not any(a.flagged_for_later for a in db.session.get(type(attempt), attempt.id).answers)


def test_all_on_one_page_flags_with_the_form_and_with_the_pages_script(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False, layout="all_on_one_page")
    attempt = start(student_client, quiz.id)
    page = f"/attempts/{attempt.id}"
    # Without script: the flag posts the whole form (saving every answer) and comes back to the question.
    sent = post_form(
        student_client, f"{page}/save-all", {"action": "later-2", "q2-text": "nine years"}, token_from=page
    )
    assert sent.status_code == 302
    assert sent.headers["Location"].endswith(f"/attempts/{attempt.id}#q2")
    answer = db.session.get(AttemptAnswer, attempt.answers[2].id)
    db.session.refresh(answer)
    assert (answer.flagged_for_later, answer.response) == (True, "nine years")
    html = lxml.html.fromstring(student_client.get(page).data)
    (number,) = html.xpath("//a[@data-nav='2']")  # all on one page, a number is a link to its question
    assert (number.get("href"), number.get("aria-label")) == ("#q2", "Question 3, answered, flagged to come back to")
    assert "⚑ 1 flagged" in html.get_element_by_id("nav-flagged").text_content()
    (toggle,) = html.xpath("//button[@data-later='2']")
    assert (toggle.get("value"), toggle.get("aria-pressed")) == ("later-2", "true")
    # The page's script: the same toggle as JSON, the answers left alone.
    headers = {"X-CSRFToken": csrf_token(student_client, page)}
    flipped = student_client.post(f"{page}/later", json={"position": 2}, headers=headers)
    assert flipped.get_json() == {"ok": True, "position": 2, "flagged": False}
    flipped = student_client.post(f"{page}/later", json={"position": 0}, headers=headers)
    assert flipped.get_json() == {"ok": True, "position": 0, "flagged": True}
    db.session.expire_all()
    assert [a.flagged_for_later for a in db.session.get(type(attempt), attempt.id).answers] == [
        True,
        False,
        False,
        False,
        False,
    ]
    # Bad input changes nothing, with a clear answer.
    for body in ({"position": 99}, {"position": "1"}, {"position": -1}, {}):
        refused = student_client.post(f"{page}/later", json=body, headers=headers)
        assert refused.status_code in (400, 404), body
        assert refused.get_json()["ok"] is False
    refused = post_form(student_client, f"{page}/save-all", {"action": "later-99"}, token_from=page)
    assert refused.status_code == 404
    db.session.expire_all()
    assert sum(a.flagged_for_later for a in db.session.get(type(attempt), attempt.id).answers) == 1
