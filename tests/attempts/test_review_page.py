"""The review page's markup: unique ids, and a sent report confirmed at its own question."""

from __future__ import annotations

from collections import Counter

import lxml.html
from flask.testing import FlaskClient

from tests.attempts.test_pages import start
from tests.factories import all_types_quiz
from tests.support import post_form


def _submitted_review(client: FlaskClient, teacher: str) -> int:
    quiz, _ = all_types_quiz(teacher)
    attempt = start(client, quiz.id)
    post_form(client, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    return attempt.id


def test_review_page_ids_are_unique(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt_id = _submitted_review(student_client, users.teacher)
    page = lxml.html.fromstring(student_client.get(f"/attempts/{attempt_id}/review").data)
    ids = Counter(element.get("id") for element in page.iter() if element.get("id"))
    assert [name for name, times in ids.items() if times > 1] == []
    assert len(page.xpath("//form[contains(@action, '/flag')]")) == 5  # one flag form per question, each checked


def test_a_sent_report_lands_at_its_question_with_the_confirmation_there(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt_id = _submitted_review(student_client, users.teacher)
    review = f"/attempts/{attempt_id}/review"
    sent = post_form(student_client, f"/attempts/{attempt_id}/q/2/flag", {"kind": "wrong"}, token_from=review)
    assert sent.status_code == 302
    # The anchor is the confirmation itself, inside question 3's card (the card's top can be a screen above it).
    assert sent.headers["Location"].endswith(f"{review}#q2-flag-result")

    page = lxml.html.fromstring(student_client.get(sent.headers["Location"]).data)
    confirmation = "Thank you: your note on question 3 was sent to the teacher."
    block = page.get_element_by_id("q2")
    assert confirmation in block.text_content()
    result = page.get_element_by_id("q2-flag-result")
    assert confirmation in result.text_content()
    assert result.get("tabindex") == "-1"
    assert confirmation not in page.get_element_by_id("q0").text_content()
    assert page.text_content().count(confirmation) == 1  # at the question only, not also at the top
    again = lxml.html.fromstring(student_client.get(review).data)
    assert confirmation not in again.text_content()  # said once


def test_a_refused_report_says_why_at_its_question(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt_id = _submitted_review(student_client, users.teacher)
    review = f"/attempts/{attempt_id}/review"
    refused = post_form(
        student_client, f"/attempts/{attempt_id}/q/1/flag", {"kind": "wrong", "comment": "x" * 1001}, token_from=review
    )
    assert refused.headers["Location"].endswith(f"{review}#q1-flag-result")
    page = lxml.html.fromstring(student_client.get(refused.headers["Location"]).data)
    assert "Say what is wrong (at most 1000 characters)." in page.get_element_by_id("q1").text_content()
