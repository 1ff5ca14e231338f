"""A teacher sees every answer a fill-in accepts, on the review queue and the edit page, and edits the list."""

from __future__ import annotations

from flask.testing import FlaskClient

from quizapp.attempts.grading import grade
from quizapp.bank.models import Question
from quizapp.extensions import db
from tests.bank.test_review import drafts
from tests.support import post_form


def test_teacher_sees_and_edits_the_accepted_answers(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    fill_in = drafts(users.teacher)[2]
    assert fill_in.latest.type == "fill_in"
    review = teacher_client.get("/bank/review?type=fill_in").get_data(as_text=True)
    assert "Accepted answers:</strong> nine years / 9 years" in review
    url = f"/bank/questions/{fill_in.id}/edit"
    edit = teacher_client.get(url).get_data(as_text=True)
    assert "nine years\n9 years</textarea>" in edit  # one per line, all of them, in the answer field
    form = {
        "type": "fill_in",
        "prompt": fill_in.latest.prompt,
        "answer": "nine years\n9 years\nnine long years\n",
        "save": "Save",
    }
    response = post_form(teacher_client, url, form, token_from=url)
    assert response.status_code == 302
    db.session.expire_all()
    latest = db.session.get(Question, fill_in.id).latest
    assert latest.version == 2
    assert latest.answer == ["nine years", "9 years", "nine long years"]
    assert grade("fill_in", latest.answer, "Nine long years").correct
    assert "nine years / 9 years / nine long years" in teacher_client.get("/bank/review?type=fill_in").get_data(
        as_text=True
    )
