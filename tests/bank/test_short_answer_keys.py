"""Short answers as Moodle keeps them, through the bank: partial credit, wildcards, case and names are written,
edited, imported, graded, regraded and exported, on both databases."""

from __future__ import annotations

import io
import re
from html import unescape

from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.attempts import regrade, saving, starting, submitting
from quizapp.attempts.models import AttemptAnswer
from quizapp.bank.interchange import import_gift, import_moodle_xml
from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.bank.test_review import drafts
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user
from tests.support import csrf_token, post_form

PARTIAL_KEY = ["nine years", {"text": "ten years", "fraction": 0.5}, {"text": "*", "fraction": 0.0}]

GIFT = b"""// question: 1  name: Canal years
::Canal years::The Riverside Canal opened in 1821 after _____ of work.{
    =nine years#Right.
    =%50%ten years#Close.
    =%0%*#No.
}

::Opening:: The canal opened in 1821. {T}

::Broken:: A stray { brace {=x}
"""


def latest(question_id: int):  # type: ignore[no-untyped-def]
    db.session.expire_all()
    return db.session.get(Question, question_id).latest


def test_a_teacher_writes_a_short_answer_with_partial_credit_case_and_name(teacher_client: FlaskClient) -> None:
    form = {
        "type": "fill_in",
        "name": "  Canal   years ",
        "prompt": "The canal opened after ___ of work.",
        "answer": "nine years\n%50% ten years\n%0% *\n",
        "case_sensitive": "y",
        "save": "Save",
    }
    response = post_form(teacher_client, "/bank/questions/new", form, token_from="/bank/questions/new")
    assert response.status_code == 302
    question = db.session.scalars(select(Question)).one()
    version = latest(question.id)
    assert version.answer == PARTIAL_KEY
    assert version.case_sensitive is True
    assert version.name == "Canal years"

    edit = teacher_client.get(f"/bank/questions/{question.id}/edit").get_data(as_text=True)
    assert "nine years\n%50% ten years\n%0% *</textarea>" in edit
    assert re.search(r'<input[^>]*checked[^>]*name="case_sensitive"|<input[^>]*name="case_sensitive"[^>]*checked', edit)
    assert 'value="Canal years"' in edit
    review = unescape(teacher_client.get("/bank/review").get_data(as_text=True))
    assert "Canal years" in review
    assert "nine years / ten years (50%) / * (0%)" in review
    assert "case matters" in review
    assert "Canal years" in unescape(teacher_client.get("/bank/review?search=canal+years").get_data(as_text=True))


def test_case_matters_only_for_a_fill_in(teacher_client: FlaskClient) -> None:
    form = {"type": "true_false", "prompt": "The canal opened in 1821.", "answer": "true", "case_sensitive": "y"}
    response = post_form(
        teacher_client, "/bank/questions/new", {**form, "save": "Save"}, token_from="/bank/questions/new"
    )
    assert response.status_code == 302
    assert db.session.scalars(select(Question)).one().latest.case_sensitive is False


def test_a_weight_over_100_percent_is_refused_and_nothing_saved(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    fill_in = drafts(users.teacher)[2]
    url = f"/bank/questions/{fill_in.id}/edit"
    form = {"type": "fill_in", "prompt": fill_in.latest.prompt, "answer": "nine years\n%150% ten years", "save": "S"}
    response = post_form(teacher_client, url, form, token_from=url)
    assert response.status_code == 400
    assert "it must be from 0% to 100%" in unescape(response.get_data(as_text=True))
    assert latest(fill_in.id).version == 1


def test_an_edit_changes_name_weights_and_case_in_a_new_version(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    fill_in = drafts(users.teacher)[2]
    url = f"/bank/questions/{fill_in.id}/edit"
    edit = teacher_client.get(url).get_data(as_text=True)
    assert 'name="case_sensitive"' in edit
    assert "nine years\n9 years</textarea>" in edit  # a key saved before partial credit reads as it was
    form = {
        "type": "fill_in",
        "name": "Years of work",
        "prompt": fill_in.latest.prompt,
        "answer": "nine years\n9 years\n%50% ten years",
        "save": "Save",
    }
    assert post_form(teacher_client, url, form, token_from=url).status_code == 302
    version = latest(fill_in.id)
    assert (version.version, version.name, version.case_sensitive) == (2, "Years of work", False)
    assert version.answer == ["nine years", "9 years", {"text": "ten years", "fraction": 0.5}]
    assert f"Question {fill_in.id}: Years of work" in teacher_client.get(url).get_data(as_text=True)


def attempt_answer(users, spec: dict, text: str, **version_fields) -> AttemptAnswer:  # type: ignore[no-untyped-def, type-arg]
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), spec)
    for name, value in version_fields.items():
        setattr(question.latest, name, value)
    quiz = make_quiz(teacher, [question])
    db.session.commit()
    student = user(users.student)
    attempt = starting.start_attempt(db.session, quiz.id, student, now=utcnow())
    saving.save_answer(db.session, attempt.id, student, 0, {"text": text}, now=utcnow())
    submitting.submit_attempt(db.session, attempt.id, student, now=utcnow())
    db.session.commit()
    return db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id)).one()


def test_a_student_earns_the_fraction_of_the_answer_they_match(users) -> None:  # type: ignore[no-untyped-def]
    answer = attempt_answer(users, {**QUESTIONS[2], "answer": PARTIAL_KEY}, "Ten years")
    assert answer.score == 0.5
    assert answer.feedback == "matches an answer worth 50%"


def test_a_case_sensitive_key_is_graded_with_case(users) -> None:  # type: ignore[no-untyped-def]
    spec = {**QUESTIONS[2], "answer": ["Nine Years"]}
    assert attempt_answer(users, spec, "nine years", case_sensitive=True).score == 0.0


def test_a_key_saved_before_partial_credit_keeps_grading_as_it_did(users) -> None:  # type: ignore[no-untyped-def]
    answer = attempt_answer(users, {**QUESTIONS[2], "answer": ["Margaret Hale", "Hale"]}, "margret HALE")
    assert answer.score == 1.0


def test_a_regrade_gives_the_partial_credit_a_corrected_key_adds(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    answer = attempt_answer(users, QUESTIONS[2], "ten years")
    assert answer.score == 0.0
    question = db.session.get(Question, answer.question_id)
    url = f"/bank/questions/{question.id}/edit"
    form = {"type": "fill_in", "prompt": question.latest.prompt, "answer": "nine years\n%50% ten years", "save": "S"}
    assert post_form(teacher_client, url, form, token_from=url).status_code == 302
    db.session.expire_all()
    question = db.session.get(Question, answer.question_id)
    teacher = user(users.teacher)
    (change,) = regrade.regrade_preview(db.session, question, teacher)
    assert (change.old_score, change.new_score) == (0.0, 0.5)
    assert regrade.apply_regrade(db.session, question, teacher, now=utcnow()) == 1
    db.session.commit()
    assert db.session.get(AttemptAnswer, answer.id).score == 0.5


def import_file(client: FlaskClient, data: bytes, filename: str) -> str:
    token = csrf_token(client, "/bank/import")
    response = client.post(
        "/bank/import",
        data={"file": (io.BytesIO(data), filename), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def test_an_imported_short_answer_keeps_its_fractions_and_name_and_exports_them_back(
    teacher_client: FlaskClient,
) -> None:
    page = import_file(teacher_client, GIFT, "canal.gift")
    assert "2 questions imported" in page
    assert "line 10 \"Broken\": a second '{' inside an answer block" in page[page.index("Left out") :]
    years = db.session.scalars(select(Question).order_by(Question.id)).first()
    assert (years.latest.name, years.latest.answer) == ("Canal years", PARTIAL_KEY)

    gift = teacher_client.get("/bank/export/gift?status=").get_data(as_text=True)
    assert "::Canal years::" in gift
    assert "\t=%50%ten years\n\t=%0%*\n" in gift
    assert import_gift(gift).questions[0]["answer"] == PARTIAL_KEY
    xml = teacher_client.get("/bank/export/moodle_xml?status=").data
    exported = import_moodle_xml(xml).questions
    assert [(q["title"], q["case_sensitive"]) for q in exported] == [("Canal years", False), ("Opening", False)]
    assert exported[0]["answer"] == PARTIAL_KEY


def test_an_imported_case_sensitive_question_is_stored_and_exported_as_such(teacher_client: FlaskClient) -> None:
    xml = b"""<?xml version="1.0" encoding="UTF-8"?><quiz><question type="shortanswer">
      <name><text>Chemical symbol</text></name>
      <questiontext format="html"><text>The symbol of cobalt?</text></questiontext>
      <usecase>1</usecase>
      <answer fraction="100"><text>Co</text></answer>
      <answer fraction="0"><text>CO</text></answer>
    </question></quiz>"""
    assert "1 question imported" in import_file(teacher_client, xml, "cobalt.xml")
    version = db.session.scalars(select(Question)).one().latest
    assert (version.name, version.case_sensitive) == ("Chemical symbol", True)
    assert version.answer == ["Co", {"text": "CO", "fraction": 0.0}]
    exported = teacher_client.get("/bank/export/moodle_xml?status=").get_data(as_text=True)
    assert "<usecase>1</usecase>" in exported
    assert "<text>Chemical symbol</text>" in exported
