"""Choose all that apply, matching with distractors and ordering graded by its own type, through a real attempt:
the page, autosave, a practice check, submitting, regrading and the item analysis."""

from __future__ import annotations

import math
import re
from datetime import timedelta

import pytest

from quizapp.attempts import loading, saving, starting, submitting
from quizapp.attempts.regrade import apply_regrade, regrade_preview
from quizapp.attempts.responses import InvalidResponse
from quizapp.bank.review import edit_question
from quizapp.extensions import db
from quizapp.history.analysis import item_analysis
from quizapp.models import utcnow
from tests.factories import (
    MATCHING_WITH_DISTRACTOR,
    MULTIPLE_ANSWER,
    QUESTIONS,
    make_document,
    make_question,
    make_quiz,
    user,
)

ORDER_ABSOLUTE = {**QUESTIONS[3], "ordering_grading": "absolute_position"}


def quiz_of(teacher_name: str, *specs, **settings):  # type: ignore[no-untyped-def]
    teacher = user(teacher_name)
    document = make_document(teacher)
    questions = [make_question(teacher, document, spec) for spec in specs]
    quiz = make_quiz(teacher, questions, shuffle_questions=False, **settings)
    db.session.commit()
    return quiz, questions


def picks(answer, *options: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    items = loading.shown_of(answer).shown_options()
    return {f"pick-{items.index(option)}": "1" for option in options}


def submitted_with(quiz_id: int, student, chosen: list[str], *, now):  # type: ignore[no-untyped-def]
    """A submitted attempt at a one-question quiz, with these options of its multiple-answer question ticked."""
    attempt = starting.start_attempt(db.session, quiz_id, student, now=now)
    saving.save_answer(db.session, attempt.id, student, 0, picks(attempt.answers[0], *chosen), now=now)
    submitting.submit_attempt(db.session, attempt.id, student, now=now + timedelta(minutes=1))
    db.session.commit()
    return attempt


@pytest.mark.parametrize(
    ("chosen", "score"),
    [
        (["Opened the canal", "Planned the route"], 1.0),
        (["Opened the canal"], 0.5),
        (["Opened the canal", "Planned the route", "Closed the docks"], 1.0),
        (["Opened the canal", "Bought the railway"], 0.0),  # 0.5 - 1, floored at 0
    ],
)
def test_choose_all_that_apply_is_saved_shown_again_and_graded_as_moodle_does(app, users, chosen, score) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, MULTIPLE_ANSWER)
    student = user(users.student)
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
    (answer,) = attempt.answers
    outcome = saving.save_answer(db.session, attempt.id, student, 0, picks(answer, *chosen), now=now)
    assert outcome.answered
    db.session.refresh(answer)
    assert sorted(answer.response) == sorted(chosen)
    submitting.submit_attempt(db.session, attempt.id, student, now=now + timedelta(minutes=1))
    db.session.commit()
    assert math.isclose(attempt.score, score)


def test_unticking_every_option_clears_the_answer_and_a_forged_option_is_refused(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, MULTIPLE_ANSWER)
    student = user(users.student)
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
    (answer,) = attempt.answers
    saving.save_answer(db.session, attempt.id, student, 0, picks(answer, "Opened the canal"), now=now)
    assert not saving.save_answer(db.session, attempt.id, student, 0, {}, now=now).answered
    for forged in ({"pick-4": "1"}, {"pick-x": "1"}, {"choice": "0"}):
        with pytest.raises(InvalidResponse):
            saving.save_answer(db.session, attempt.id, student, 0, forged, now=now)


def test_a_practice_check_grades_the_ticked_options(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, MULTIPLE_ANSWER, mode="practice")
    student = user(users.student)
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
    (answer,) = attempt.answers
    checked = saving.check_answer(db.session, attempt.id, student, 0, picks(answer, "Opened the canal"), now=now)
    assert checked.answer.feedback == "1 of 2 right options chosen"
    submitting.submit_attempt(db.session, attempt.id, student, now=now + timedelta(minutes=1))
    db.session.commit()
    assert math.isclose(attempt.score, 0.5 * 0.9)  # submitting after a wrong check is the second try: 10% off


def test_the_attempt_page_shows_checkboxes_and_nothing_of_the_key(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    words = {**ORDER_ABSOLUTE, "prompt": "Put these words in order.", "answer": ["Modular", "Object", "Oriented"]}
    words["options"] = ["Oriented", "Modular", "Object"]
    quiz, _ = quiz_of(users.teacher, MULTIPLE_ANSWER, MATCHING_WITH_DISTRACTOR, words, layout="all_on_one_page")
    attempt = starting.start_attempt(db.session, quiz.id, user(users.student), now=utcnow())
    db.session.commit()
    started = student_client.get(f"/attempts/{attempt.id}")
    page = started.get_data(as_text=True)
    assert page.count('type="checkbox"') == 4
    assert "Select one or more" in page
    for leak in ("0.5", "-1.0", "50%", "EXPLAIN-MANS", "2 right", "two right"):
        assert leak not in page
    # An ordering question's prompt says which order: the instruction does not claim it is chronological.
    assert "Give each item its position in the order asked for (1 = first)" in page
    assert "chronological" not in page
    # The distractor is one of the values each left-hand item can be matched with.
    assert page.count(">the docks burned</option>") == 3


def test_a_distractor_is_a_choice_and_choosing_it_is_wrong(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, MATCHING_WITH_DISTRACTOR)
    student = user(users.student)
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
    (answer,) = attempt.answers
    items = loading.shown_of(answer).shown_options()
    assert sorted(items) == sorted(MATCHING_WITH_DISTRACTOR["options"])
    key = dict(MATCHING_WITH_DISTRACTOR["answer"])
    fields = {f"match-{i}": str(items.index(key[left])) for i, left in enumerate(loading.shown_of(answer).lefts)}
    fields["match-0"] = str(items.index("the docks burned"))
    saving.save_answer(db.session, attempt.id, student, 0, fields, now=now)
    submitting.submit_attempt(db.session, attempt.id, student, now=now + timedelta(minutes=1))
    db.session.commit()
    assert math.isclose(attempt.score, 2 / 3, abs_tol=1e-4)


def test_an_ordering_question_is_graded_by_its_own_grading_type(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, ORDER_ABSOLUTE, QUESTIONS[3])
    student = user(users.student)
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
    for answer in attempt.answers:
        items = loading.shown_of(answer).shown_options()
        key = answer.question_version.answer
        swapped = [key[1], key[0], key[2]]  # the first two swapped
        fields = {f"position-{items.index(item)}": str(rank + 1) for rank, item in enumerate(swapped)}
        saving.save_answer(db.session, attempt.id, student, answer.position, fields, now=now)
    submitting.submit_attempt(db.session, attempt.id, student, now=now + timedelta(minutes=1))
    db.session.commit()
    absolute, longest = sorted(attempt.answers, key=lambda a: a.position)
    assert math.isclose(absolute.score, 1 / 3, abs_tol=1e-4)  # only the last item in its place
    assert math.isclose(longest.score, 2 / 3, abs_tol=1e-4)  # two items in order, as before


def test_regrading_a_corrected_multiple_answer_key(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, (question,) = quiz_of(users.teacher, MULTIPLE_ANSWER)
    teacher, student = user(users.teacher), user(users.student)
    now = utcnow()
    attempt = submitted_with(quiz.id, student, ["Opened the canal", "Closed the docks"], now=now)
    assert math.isclose(attempt.score, 0.5)
    corrected = [
        ["Opened the canal", 0.5],
        ["Bought the railway", -1.0],
        ["Planned the route", 0.0],
        ["Closed the docks", 0.5],
    ]
    edit_question(db.session, question, teacher, {**MULTIPLE_ANSWER, "answer": corrected})
    db.session.commit()
    changes = regrade_preview(db.session, question, teacher)
    assert [(c.old_score, c.new_score) for c in changes] == [(0.5, 1.0)]
    assert apply_regrade(db.session, question, teacher, now=now + timedelta(minutes=2)) == 1


def test_item_analysis_counts_each_ticked_option(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, MULTIPLE_ANSWER)
    now = utcnow()
    for name, chosen in (
        (users.student, ["Opened the canal", "Planned the route"]),
        (users.other_student, ["Opened the canal"]),
    ):
        student = user(name)
        attempt = starting.start_attempt(db.session, quiz.id, student, now=now)
        saving.save_answer(db.session, attempt.id, student, 0, picks(attempt.answers[0], *chosen), now=now)
        submitting.submit_attempt(db.session, attempt.id, student, now=now + timedelta(minutes=1))
    db.session.commit()
    (item,) = item_analysis(db.session, quiz).items
    counts = {row.option: (row.count, row.correct) for row in item.options}
    assert counts["Opened the canal"] == (2, True)
    assert counts["Planned the route"] == (1, True)
    assert counts["Bought the railway"] == (0, False)
    assert counts[None] == (0, False)


def test_the_review_shows_the_ticked_options_and_the_weighted_key(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = quiz_of(users.teacher, MULTIPLE_ANSWER, review_show_answers=True, review_show_score=True)
    student = user(users.student)
    now = utcnow()
    attempt = submitted_with(quiz.id, student, ["Opened the canal", "Closed the docks"], now=now)
    page = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    given = re.search(r"Your answer:</strong> (.*?)</p>", page)
    assert given is not None
    assert sorted(given.group(1).split("; ")) == ["Closed the docks", "Opened the canal"]
    assert "Opened the canal (50%); Bought the railway (−100%); Planned the route (50%)" in page
    assert "1 of 2 right options chosen" in page
