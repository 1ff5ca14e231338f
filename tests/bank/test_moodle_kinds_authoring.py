"""Writing and importing Moodle's other kinds: choose all that apply, long orders with a grading type, matching
with distractors. What is refused stores nothing and says why."""

from __future__ import annotations

import io

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.bank.models import Question, QuestionVersion
from quizapp.extensions import db
from tests.support import csrf_token, post_form

NEW = "/bank/questions/new"


def count() -> int:
    return db.session.scalar(select(func.count()).select_from(Question)) or 0


def latest() -> QuestionVersion:
    question = db.session.scalars(select(Question).order_by(Question.id.desc())).first()
    assert question is not None
    return question.latest


def write(client: FlaskClient, **form: str):  # type: ignore[no-untyped-def]
    return post_form(client, NEW, {"save": "Save as a draft", **form}, token_from=NEW)


def test_the_editor_offers_choose_all_that_apply_and_the_ordering_grading_types(teacher_client: FlaskClient) -> None:
    page = teacher_client.get(NEW).get_data(as_text=True)
    assert '<option value="multiple_answer">Choose all that apply</option>' in page
    assert "Longest contiguous subset" in page
    assert "Absolute position" in page


def test_write_choose_all_that_apply_right_options_share_the_marks(teacher_client: FlaskClient) -> None:
    response = write(
        teacher_client,
        type="multiple_answer",
        prompt="Which towns stood on the canal?",
        options="Eastport\nMillbridge\nLondon\nYork",
        answer="Eastport\nMillbridge\n%-100% London",
    )
    assert response.status_code == 302
    version = latest()
    assert version.type == "multiple_answer"
    assert version.answer == [["Eastport", 0.5], ["Millbridge", 0.5], ["London", -1.0], ["York", 0.0]]
    # Shown again in the editor with every weight written out.
    edit = teacher_client.get(f"/bank/questions/{version.question_id}/edit").get_data(as_text=True)
    assert "%50% Eastport\n%50% Millbridge\n%-100% London" in edit


def test_weights_that_do_not_make_100_percent_are_refused_and_nothing_is_stored(teacher_client: FlaskClient) -> None:
    response = write(
        teacher_client,
        type="multiple_answer",
        prompt="Which towns stood on the canal?",
        options="Eastport\nMillbridge\nLondon",
        answer="%50% Eastport\n%30% Millbridge",
    )
    assert response.status_code == 400
    assert "add up to 80%; they must add up to 100%" in response.get_data(as_text=True)
    assert count() == 0
    unknown = write(teacher_client, type="multiple_answer", prompt="Which?", options="A\nB", answer="A\nC")
    assert unknown.status_code == 400
    assert "every right answer must be one of the options" in unknown.get_data(as_text=True)
    assert count() == 0


def test_write_ten_items_to_order_graded_by_absolute_position(teacher_client: FlaskClient) -> None:
    items = "\n".join(f"Event {n}" for n in range(1, 11))
    response = write(
        teacher_client, type="ordering", prompt="Order the events.", answer=items, grading="absolute_position"
    )
    assert response.status_code == 302
    version = latest()
    assert len(version.answer) == 10
    assert version.ordering_grading == "absolute_position"
    queue = teacher_client.get("/bank/review").get_data(as_text=True)
    assert "<strong>Graded by:</strong> absolute position" in queue
    forged = write(teacher_client, type="ordering", prompt="Order.", answer="a\nb\nc", grading="best_guess")
    assert forged.status_code == 400
    assert count() == 1


def test_write_matching_with_distractors(teacher_client: FlaskClient) -> None:
    response = write(
        teacher_client,
        type="matching",
        prompt="Match each year.",
        options="the docks burned\nthe bridge fell",
        answer="1821 => the canal opened\n1834 => the company bought it\n1852 => the railway arrived",
    )
    assert response.status_code == 302
    version = latest()
    assert version.options == [
        "the canal opened",
        "the company bought it",
        "the railway arrived",
        "the docks burned",
        "the bridge fell",
    ]


GIFT = """::Order::Put the words in order. {>6 ALL VERTICAL LONGEST_CONTIGUOUS_SUBSET SHOW none
Modular
Object
Oriented
Dynamic
Learning
Environment
}

::Several::Which were emperors? {~%50%Nero ~%50%Trajan ~%-100%Cicero}

::Rivers::Match. {=Rome -> Tiber =Paris -> Seine = -> Danube}

::Short::Which? {~%50%A ~%30%B ~C}
"""


def test_import_stores_the_kinds_and_lists_what_was_left_out(teacher_client: FlaskClient) -> None:
    token = csrf_token(teacher_client, "/bank/import")
    response = teacher_client.post(
        "/bank/import",
        data={"file": (io.BytesIO(GIFT.encode()), "moodle.gift"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "3 questions imported" in page
    assert "line 14" in page
    assert "the right options add up to 80%, not 100%" in page
    versions = {q.latest.type: q.latest for q in db.session.scalars(select(Question))}
    assert versions["ordering"].ordering_grading == "longest_contiguous_subset"
    assert len(versions["ordering"].answer) == 6
    assert versions["multiple_answer"].answer == [["Nero", 0.5], ["Trajan", 0.5], ["Cicero", -1.0]]
    assert versions["matching"].options == ["Tiber", "Seine", "Danube"]


def test_the_bank_exports_each_question_with_its_own_grading_and_weights(teacher_client: FlaskClient) -> None:
    write(teacher_client, type="ordering", prompt="Order.", answer="a\nb\nc", grading="absolute_position")
    write(teacher_client, type="multiple_answer", prompt="Pick.", options="x\ny\nz", answer="x\ny\n%-100% z")
    gift = teacher_client.get("/bank/export/gift?status=").get_data(as_text=True)
    assert "Order. {>3 ALL VERTICAL ABSOLUTE_POSITION SHOW none\n" in gift
    assert "\t~%50%x\n\t~%50%y\n\t~%-100%z\n" in gift
    xml = teacher_client.get("/bank/export/moodle_xml?status=").get_data(as_text=True)
    assert "<gradingtype>ABSOLUTE_POSITION</gradingtype>" in xml
    assert "<single>false</single>" in xml
    csv = teacher_client.get("/bank/export/csv?status=").get_data(as_text=True)
    assert "x (50%) | y (50%) | z (-100%)" in csv
