"""Item analysis of a quiz with a random rule: the slot's own row, Moodle's figures beside quizapp's, alpha over
slots, on the page and in the CSV, on both databases."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import lxml.html
from flask.testing import FlaskClient

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.extensions import db
from quizapp.history import analysis
from quizapp.quizzes.models import QuizRule
from tests.conftest import Accounts
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
# (fixed question's mark, which pool question was drawn, its mark): the hand-worked case of
# tests/unit/test_slot_stats.py four times over, so that every question has the 10 answers its figures need
# (repeating the attempts leaves correlations and alpha as they were).
ATTEMPTS = [(1, 0, 1), (1, 1, 1), (1, 0, 0), (0, 1, 0), (0, 0, 0)] * 4


def quiz_with_a_rule(teacher_name: str, student_name: str):  # type: ignore[no-untyped-def]
    """A quiz of one fixed question and a rule drawing one of two others, with the attempts of ``ATTEMPTS``."""
    teacher = user(teacher_name)
    document = make_document(teacher)
    fixed, *pool = [make_question(teacher, document, spec) for spec in QUESTIONS[:3]]
    quiz = make_quiz(teacher, [fixed])
    quiz.rules.append(QuizRule(count=1, points=1.0, document_id=document.id))
    db.session.flush()
    student = user(student_name)
    for n, (fixed_mark, drawn, drawn_mark) in enumerate(ATTEMPTS, start=1):
        attempt = Attempt(
            quiz_id=quiz.id, student_id=student.id, number=n, status="submitted", score=float(fixed_mark + drawn_mark),
            max_score=2.0, started_at=NOW - timedelta(hours=n, minutes=10), submitted_at=NOW - timedelta(hours=n),
        )  # fmt: skip
        for position, (question, mark) in enumerate([(fixed, fixed_mark), (pool[drawn], drawn_mark)]):
            attempt.answers.append(
                AttemptAnswer(
                    question_id=question.id, question_version_id=question.latest.id, position=position, points=1.0,
                    response=None, score=float(mark), graded_at=NOW,
                )
            )  # fmt: skip
        db.session.add(attempt)
    db.session.commit()
    return quiz, fixed, pool


def test_the_random_slot_has_its_row_and_alpha_is_computed_over_slots(users: Accounts) -> None:
    quiz, fixed, pool = quiz_with_a_rule(users.teacher, users.student)
    found = analysis.item_analysis(db.session, quiz)
    assert [row.slot.label for row in found.random_slots] == ["1 random question, from “The Riverside Canal”: draw 1"]
    slot = found.random_slots[0]
    assert dict(slot.slot.drawn) == {pool[0].id: 12, pool[1].id: 8}
    assert slot.statistics.n == 20
    assert round(slot.moodle.discrimination_index, 4) == round(2 / 3, 4)
    assert round(found.slot_alpha, 4) == 0.8
    # The question set differs between attempts, so alpha over questions has no value; over slots it has.
    assert found.quiz_statistics.cronbach_alpha is None
    drawn = {item.question_id: item for item in found.items}
    assert drawn[pool[0].id].drawn_at_random
    assert not drawn[fixed.id].drawn_at_random
    # Moodle's index for a drawn question counts it on both sides: 0.866 against quizapp's 0.5.
    assert round(drawn[pool[0].id].moodle.discrimination_index, 3) == 0.866
    assert round(drawn[pool[0].id].statistics.discrimination_index, 3) == 0.5


def test_the_page_and_the_csv_name_both_figures(teacher_client: FlaskClient, users: Accounts) -> None:
    quiz, _, pool = quiz_with_a_rule(users.teacher, users.student)
    page = lxml.html.fromstring(teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis").data)
    headers = [" ".join(th.text_content().split()) for th in page.xpath("//table[1]/thead//th")]
    assert "Discrimination (rest of quiz)" in headers
    assert "Moodle's index" in headers
    slot_cells = [" ".join(td.text_content().split()) for td in page.xpath("//table[@id='random-slots']//tbody//td")]
    assert slot_cells[:4] == ["2", "20", "40.0%", "50.3%"]
    assert slot_cells[5] == "66.7%"
    alpha = page.xpath("//dt[contains(., 'over slots')]/following-sibling::dd[1]")[0].text_content().strip()
    assert alpha == "80.0%"
    body = teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    header = rows[0]
    by_question = {row[1]: row for row in rows[1:]}
    moodle = header.index("moodle_discrimination_index_%")
    assert by_question[str(pool[0].id)][moodle] == "86.6"
    assert by_question[str(pool[0].id)][header.index("discrimination_rest_of_quiz_%")] == "50.0"
    slot_row = next(row for row in rows if row[2] == "random slot")
    assert slot_row[moodle] == "66.67"
