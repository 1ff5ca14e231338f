"""A paged question page reads every answer's state for the question numbers and only the shown answer whole
(``loading.page_answers``): the same as from every answer loaded whole."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from quizapp.attempts import loading
from quizapp.attempts.models import AttemptAnswer
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from tests.attempts.test_pages import start
from tests.factories import all_types_quiz, user


def test_states_and_the_shown_answer_match_the_answers_loaded_whole(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _questions = all_types_quiz(users.teacher)
    db.session.commit()
    attempt_id = start(student_client, quiz.id).id
    answers = db.session.query(AttemptAnswer).filter_by(attempt_id=attempt_id).order_by(AttemptAnswer.position).all()
    assert len(answers) >= 3
    answers[0].response = {"choice": "1"}
    answers[2].flagged_for_later = True
    db.session.commit()
    # JSON null in the column (as an explicit None may be stored) reads as no answer, as the ORM reads it.
    db.session.execute(update(AttemptAnswer).where(AttemptAnswer.id == answers[1].id).values(response=None))
    db.session.commit()
    stored = select(AttemptAnswer.id).where(AttemptAnswer.id == answers[1].id, AttemptAnswer.response.is_not(None))
    assert db.session.scalar(stored) == answers[1].id  # JSON null, not SQL NULL
    db.session.expire_all()
    attempt = loading.attempt_of(db.session, attempt_id, user(users.student))
    whole = loading.load_answers(db.session, attempt, versions=False)

    states, shown = loading.page_answers(db.session, attempt, 2)

    assert states == [
        loading.AnswerState(a.position, a.response is not None, a.flagged_for_later, a.question_version_id)
        for a in whole
    ]
    assert [s.answered for s in states[:3]] == [True, False, False]
    assert states[2].flagged
    assert shown is whole[2]  # the same row, whole (the session's identity map)
    with pytest.raises(NotFound):
        loading.page_answers(db.session, attempt, len(whole))
