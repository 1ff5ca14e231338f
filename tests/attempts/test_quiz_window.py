"""A quiz that is not open says when it opens or closed as a ``<time>`` element, shown in the reader's zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from quizapp.extensions import db
from quizapp.models import utcnow
from tests.factories import all_types_quiz
from tests.support import csrf_token

MOMENT = re.compile(r'This quiz (opens|closed) on <time datetime="([0-9T:-]+Z)" data-local="datetime">[^<]+</time>\.')


def test_the_quiz_page_and_a_refused_start_show_the_moment_as_a_time_element(student_client, users) -> None:  # type: ignore[no-untyped-def]
    opens = (utcnow() + timedelta(days=3)).replace(microsecond=0)
    quiz, _ = all_types_quiz(users.teacher, opens_at=opens)
    stamp = opens.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    page = student_client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert MOMENT.search(page).groups() == ("opens", stamp)
    token = csrf_token(student_client, "/")
    # A start posted from a page left open before the opening time moved: refused, said the same way.
    refused = student_client.post(f"/quizzes/{quiz.id}/start", data={"csrf_token": token})
    assert refused.status_code == 403
    html = refused.get_data(as_text=True)
    assert MOMENT.search(html).groups() == ("opens", stamp)
    assert " UTC." not in html  # the UTC text is only the <time>'s own, which the page's script makes local
    # JSON has no reader's zone: the sentence in UTC.
    answer = student_client.post(
        f"/quizzes/{quiz.id}/start", headers={"Accept": "application/json", "X-CSRFToken": token}
    )
    assert answer.status_code == 403
    assert answer.get_json()["error"] == f"This quiz opens on {opens:%d %B %Y at %H:%M} UTC."


def test_a_closed_quiz_says_when_it_closed(student_client, users) -> None:  # type: ignore[no-untyped-def]
    closed = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)  # the night Europe moved its clocks: a date that differs by zone
    quiz, _ = all_types_quiz(users.teacher, opens_at=closed - timedelta(days=7), closes_at=closed)
    db.session.commit()
    page = student_client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert MOMENT.search(page).groups() == ("closed", "2025-03-30T00:30:00Z")
    refused = student_client.post(f"/quizzes/{quiz.id}/start", data={"csrf_token": csrf_token(student_client, "/")})
    assert refused.status_code == 403
    assert MOMENT.search(refused.get_data(as_text=True)).groups() == ("closed", "2025-03-30T00:30:00Z")
