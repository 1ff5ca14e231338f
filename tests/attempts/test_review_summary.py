"""The top of a review: score, time, counts and a link per question; a filter; the source sentence said once."""

from __future__ import annotations

import lxml.html
from flask.testing import FlaskClient

from quizapp.extensions import db
from tests.attempts.test_pages import autosave, start
from tests.attempts.test_review_settings import reviewed
from tests.factories import QUESTIONS, all_types_quiz, make_document, make_question, make_quiz, user
from tests.support import post_form


def _words(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_summary_counts_links_and_the_filter_for_what_was_not_fully_right(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, review_show_explanations=False, review_show_sources=False)
    html = reviewed(student_client, quiz.id)  # choice right, true/false wrong, order partly, two unanswered
    page = lxml.html.fromstring(html)
    assert _words(page.get_element_by_id("review-score")) == "1.7 / 5.0"  # 1 + 2/3 of 5
    assert _words(page.get_element_by_id("review-counts")) == "✓ 1 right · ◐ 1 partly right · ✗ 3 not right"
    assert page.get_element_by_id("review-time") is not None
    links = page.xpath("//nav[@aria-label='Go to a question']//a")
    assert [link.get("href") for link in links] == [f"#q{n}" for n in range(5)]
    said = sorted(link.get("aria-label").split(": ", 1)[1] + " " + _words(link)[-1] for link in links)
    assert said == ["not right ✗"] * 3 + ["partly right ◐", "right ✓"]  # in words for screen readers, and a symbol
    assert links[0].get("aria-label").startswith("Question 1: ")
    assert len(page.xpath("//section[starts-with(@id, 'q')]")) == 5

    missed_link = page.xpath("//p[@id='review-filter']//a")[0].get("href")
    assert missed_link.endswith("/review?show=missed#summary")
    missed = lxml.html.fromstring(student_client.get(missed_link.split("#")[0]).data)
    shown = [section.get("id") for section in missed.xpath("//section[starts-with(@id, 'q')]")]
    right = next(f"q{n}" for n, link in enumerate(links) if link.get("aria-label").endswith(": right"))
    assert shown == [f"q{n}" for n in range(5) if f"q{n}" != right]  # the one right answer is left out
    assert "only the 4 not fully right" in _words(missed.get_element_by_id("review-filter"))
    hrefs = [link.get("href") for link in missed.xpath("//nav[@aria-label='Go to a question']//a")]
    outside = [href for href in hrefs if "/review#" in href]
    assert len(outside) == 1
    assert outside[0].endswith(f"/review#{right}")


def test_every_question_right_the_filter_says_so(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), QUESTIONS[1])
    quiz = make_quiz(teacher, [question])
    db.session.commit()
    attempt = start(student_client, quiz.id)
    autosave(student_client, attempt.id, 0, {"choice": "true"})
    post_form(student_client, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    page = lxml.html.fromstring(student_client.get(f"/attempts/{attempt.id}/review?show=missed").data)
    assert page.xpath("//section[starts-with(@id, 'q')]") == []
    assert "Every question of this attempt was fully right." in _words(page)


def test_a_generated_explanation_is_not_the_source_sentence_again(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    spec = dict(QUESTIONS[1], explanation=f"True. The text says: “{QUESTIONS[1]['quote']}”")
    quiz = make_quiz(teacher, [make_question(teacher, make_document(teacher), spec)])
    db.session.commit()
    attempt = start(student_client, quiz.id)
    post_form(student_client, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    html = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    card = lxml.html.fromstring(html).get_element_by_id("q0")
    assert _words(card).count("opened in 1821 after nine years") == 1  # once, not "The text says" + the quote
    assert "The text says" not in html
    (marked,) = card.xpath(".//blockquote/mark")
    assert marked.text == QUESTIONS[1]["quote"]  # in its paragraph, marked
    assert _words(card).count("Not right (not answered): 0 of 1 mark.") == 1
