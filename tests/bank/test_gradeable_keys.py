"""A key the grader cannot grade is refused whenever a question is saved: written, edited or imported."""

from __future__ import annotations

import io

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.bank.models import Question
from quizapp.extensions import db
from tests.bank.test_review import drafts
from tests.support import csrf_token, post_form

# Punctuation normalises to nothing, so no response could ever match these keys; and a short answer with no
# answer worth full marks is one Moodle's own editor refuses. (Moodle's wildcard {=*} is read as Moodle reads it.)
UNGRADEABLE_GIFT = (
    b"::Shrug:: Name anything {=?!}\n\n"
    b"::Half:: Who built the canal? {=%50%Brindley =%0%*}\n\n"
    b"::Opening:: The canal opened in 1821. {T}\n"
)


def test_writing_a_fill_in_whose_key_cannot_be_graded_is_refused(teacher_client: FlaskClient) -> None:
    form = {"type": "fill_in", "prompt": "Name anything: ___", "answer": "?!\n—", "save": "Save"}
    response = post_form(teacher_client, "/bank/questions/new", form, token_from="/bank/questions/new")
    assert response.status_code == 400
    assert b"key cannot be graded" in response.data
    assert b"letters or digits" in response.data
    form["answer"] = "%50% Brindley\n%0% *"
    response = post_form(teacher_client, "/bank/questions/new", form, token_from="/bank/questions/new")
    assert response.status_code == 400
    assert b"worth full marks" in response.data
    assert db.session.scalar(select(func.count()).select_from(Question)) == 0


def test_an_edit_to_a_key_that_cannot_be_graded_adds_no_version(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    fill_in = drafts(users.teacher)[2]
    form = {"type": "fill_in", "prompt": fill_in.latest.prompt, "answer": "—", "save": "Save"}
    url = f"/bank/questions/{fill_in.id}/edit"
    response = post_form(teacher_client, url, form, token_from=url)
    assert response.status_code == 400
    assert b"key cannot be graded" in response.data
    db.session.expire_all()
    assert db.session.get(Question, fill_in.id).current_version == 1


def test_imported_keys_that_cannot_be_graded_are_left_out_with_line_and_why(teacher_client: FlaskClient) -> None:
    token = csrf_token(teacher_client, "/bank/import")
    response = teacher_client.post(
        "/bank/import",
        data={"file": (io.BytesIO(UNGRADEABLE_GIFT), "keys.gift"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "1 question imported" in page
    left_out = page[page.index("Left out") :]
    assert "line 1 &#34;Shrug&#34;: The question cannot be saved: its key cannot be graded" in left_out
    assert "letters or digits" in left_out
    assert "line 3 &#34;Half&#34;: no short answer is worth 100%" in left_out
    assert left_out.index("line 1 ") < left_out.index("line 3 ")  # in file order, whichever check left it out
    assert [q.latest.prompt for q in db.session.scalars(select(Question))] == ["The canal opened in 1821."]
