"""Item analysis: the "#" is the question's place in the quiz, and the CSV hides what the page hides."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import lxml.html
from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.history import analysis
from quizapp.history.stats import MIN_ATTEMPTS_FOR_STATISTICS, QuestionStatistics
from tests.conftest import Accounts
from tests.factories import all_types_quiz, finished_attempt, user

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
# The order each attempt showed the quiz's five questions in (quiz position -> shown position), as a
# shuffled quiz does: questions 0 and 2 were both first shown first, and nothing was first shown fourth.
SHUFFLES = ([2, 1, 0, 4, 3], [0, 4, 1, 2, 3], [1, 2, 0, 4, 3])


def _shuffled_attempts(quiz, users: Accounts, count: int) -> None:  # type: ignore[no-untyped-def]
    for index in range(count):
        attempt = finished_attempt(
            quiz, user(users.student), [1, 0, 1, index % 2, 1], submitted_at=NOW - timedelta(hours=index)
        )
        shown_at = SHUFFLES[index % len(SHUFFLES)]
        for answer in attempt.answers:
            answer.position = 100 + shown_at[answer.position]  # past the unique range first, then into place
        db.session.flush()
        for answer in attempt.answers:
            answer.position -= 100
        db.session.flush()
    db.session.commit()


def test_the_number_is_the_questions_place_in_a_shuffled_quiz(users: Accounts) -> None:
    quiz, questions = all_types_quiz(users.teacher, shuffle_questions=True)
    _shuffled_attempts(quiz, users, 3)

    found = analysis.item_analysis(db.session, quiz)

    assert [item.number for item in found.items] == [1, 2, 3, 4, 5]
    assert [item.question_id for item in found.items] == [q.id for q in questions]
    rows = analysis.item_analysis_csv_rows(found)
    assert [row[0] for row in rows[1:]] == [1, 2, 3, 4, 5]


def test_the_csv_hides_the_figures_the_page_hides_below_the_minimum(
    teacher_client: FlaskClient, users: Accounts
) -> None:
    quiz, questions = all_types_quiz(users.teacher)
    _shuffled_attempts(quiz, users, 3)

    page = lxml.html.fromstring(teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis").data)
    cells = [" ".join(td.text_content().split()) for td in page.xpath("//tbody/tr/td[position() > 3]")]
    assert set(cells) == {"too few answers"}
    body = teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    header = rows[0]
    figures = [
        header.index(name)
        for name in ("facility_%", "sd_%", "discrimination_rest_of_quiz_%", "moodle_discrimination_index_%")
    ]
    figures.append(header.index("discriminative_efficiency_%"))
    assert len(rows) == 1 + len(questions)
    for row in rows[1:]:
        assert row[header.index("attempts")] == "3"
        assert [row[i] for i in figures] == ["", "", "", "", ""]


def test_shown_statistics_keep_figures_only_from_the_minimum() -> None:
    few = QuestionStatistics(1, MIN_ATTEMPTS_FOR_STATISTICS - 1, 0.5, 0.2, 0.3, 40.0, reliable=False)
    enough = QuestionStatistics(1, MIN_ATTEMPTS_FOR_STATISTICS, 0.5, 0.2, 0.3, 40.0, reliable=True)
    assert few.shown() == QuestionStatistics(1, MIN_ATTEMPTS_FOR_STATISTICS - 1, None, None, None, None, False)
    assert enough.shown() == enough
