"""The review queue: approve, reject with a reason, in bulk, edit into a new version; only one's own questions."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from quizapp.attempts import starting
from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.factories import QUESTIONS, make_document, make_question, make_quiz, user
from tests.support import login, post_form


def drafts(teacher_name: str) -> list[Question]:
    teacher = user(teacher_name)
    document = make_document(teacher)
    made = [make_question(teacher, document, spec, status="draft") for spec in QUESTIONS]
    for question, confidence in zip(made, (0.9, 0.2, 0.5, 0.7, 0.4), strict=True):
        question.latest.confidence = confidence
    db.session.commit()
    return made


def status_of(question_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Question, question_id).status


def test_queue_lists_drafts_least_confident_first_with_filters(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    html = teacher_client.get("/bank/review").get_data(as_text=True)
    positions = [html.index(f'id="item-{q.id}"') for q in made]
    by_confidence = [made[i] for i in (1, 4, 2, 3, 0)]
    assert sorted(positions) == [html.index(f'id="item-{q.id}"') for q in by_confidence]
    assert QUESTIONS[0]["quote"] in html  # each draft shows its source sentence
    only_tf = teacher_client.get("/bank/review?type=true_false").get_data(as_text=True)
    assert only_tf.count('class="card mb-3 review-item"') == 1


def test_approve_and_reject_one(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    first, second = made[0].id, made[1].id
    post_form(
        teacher_client, f"/bank/questions/{first}/review", {f"r{first}-approve": "Approve"}, token_from="/bank/review"
    )
    assert status_of(first) == "approved"
    no_reason = post_form(
        teacher_client, f"/bank/questions/{second}/review", {f"r{second}-reject": "Reject"}, token_from="/bank/review"
    )
    assert no_reason.status_code == 302
    assert status_of(second) == "draft"
    post_form(
        teacher_client,
        f"/bank/questions/{second}/review",
        {f"r{second}-reject": "Reject", f"r{second}-reason": "Ambiguous: two engineers are named."},
        token_from="/bank/review",
    )
    assert status_of(second) == "rejected"
    assert db.session.get(Question, second).review_note == "Ambiguous: two engineers are named."


def test_bulk_review_is_all_or_nothing_and_only_ones_own(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mine = drafts(users.teacher)
    other_teacher = app.test_client()
    login(other_teacher, users.other_teacher)
    response = post_form(
        other_teacher,
        "/bank/review/bulk",
        {"selected": [mine[0].id, mine[1].id], "approve": "Approve selected"},
        token_from="/bank/review",
    )
    assert response.status_code == 404
    assert {status_of(q.id) for q in mine} == {"draft"}
    post_form(
        teacher_client,
        "/bank/review/bulk",
        {"selected": [mine[0].id, mine[1].id], "approve": "Approve selected"},
        token_from="/bank/review",
    )
    assert [status_of(q.id) for q in mine[:3]] == ["approved", "approved", "draft"]
    assert other_teacher.get(f"/bank/questions/{mine[2].id}/edit").status_code == 404


def test_edit_adds_a_version_and_attempts_keep_theirs(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    mc = made[0]
    mc.status = "approved"
    quiz = make_quiz(user(users.teacher), [mc])
    db.session.commit()
    attempt = starting.start_attempt(db.session, quiz.id, user(users.student), now=utcnow())
    db.session.commit()
    old_version_id = attempt.answers[0].question_version_id
    form = {
        "type": "multiple_choice",
        "prompt": "Who planned the route of the Riverside Canal?",
        "options": "Thomas Reed\nMargaret Hale\nJohn Brindley\nAda Moss",
        "answer": "Margaret Hale",
        "explanation": "She was its chief engineer.",
        "save_approve": "Save and approve",
    }
    response = post_form(
        teacher_client, f"/bank/questions/{mc.id}/edit", form, token_from=f"/bank/questions/{mc.id}/edit"
    )
    assert response.status_code == 302
    db.session.expire_all()
    question = db.session.get(Question, mc.id)
    assert question.current_version == 2
    assert question.latest.prompt == "Who planned the route of the Riverside Canal?"
    assert question.latest.sources[0].quote == QUESTIONS[0]["quote"]  # sources carry over
    assert db.session.get(type(attempt), attempt.id).answers[0].question_version_id == old_version_id


def test_an_invalid_edit_says_why_and_adds_nothing(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mc = drafts(users.teacher)[0]
    form = {"type": "multiple_choice", "prompt": "Who?", "options": "A\nB\nA", "answer": "C", "save": "Save"}
    response = post_form(
        teacher_client, f"/bank/questions/{mc.id}/edit", form, token_from=f"/bank/questions/{mc.id}/edit"
    )
    assert response.status_code == 400
    assert b"cannot be saved" in response.data
    assert b'value="Who?"' in response.data or b"Who?</textarea>" in response.data
    db.session.expire_all()
    assert db.session.get(Question, mc.id).current_version == 1


def test_bulk_review_says_how_many_in_plain_english(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mine = drafts(users.teacher)
    one = post_form(
        teacher_client,
        "/bank/review/bulk",
        {"selected": [mine[0].id], "reject": "Reject selected", "reason": "Too easy."},
        token_from="/bank/review",
    )
    page = teacher_client.get(one.headers["Location"]).get_data(as_text=True)
    assert "1 question rejected." in page
    several = post_form(
        teacher_client,
        "/bank/review/bulk",
        {"selected": [q.id for q in mine[1:]], "approve": "Approve selected"},
        token_from="/bank/review",
    )
    page = teacher_client.get(several.headers["Location"]).get_data(as_text=True)
    assert "4 questions approved." in page, re.findall(r"alert[^>]*>([^<]*)", page)


def test_approve_every_draft_at_or_above_a_confidence(app, teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from quizapp.audit.models import AuditEvent

    mine = drafts(users.teacher)  # confidences 0.9, 0.2, 0.5, 0.7, 0.4
    other = app.test_client()
    login(other, users.other_teacher)
    page = teacher_client.get("/bank/review").get_data(as_text=True)
    assert 'value="0.60"' in page  # the threshold the verdicts justify is offered
    theirs = post_form(other, "/bank/review/approve-confident", {"threshold": "0"}, token_from="/bank/review")
    assert teacher_client.get(theirs.headers["Location"]).status_code == 200
    assert {status_of(q.id) for q in mine} == {"draft"}  # another teacher approves only their own
    bad = post_form(teacher_client, "/bank/review/approve-confident", {"threshold": "1.5"}, token_from="/bank/review")
    assert bad.status_code == 302
    assert {status_of(q.id) for q in mine} == {"draft"}
    document = mine[0].document_id
    done = post_form(
        teacher_client,
        f"/bank/review/approve-confident?document={document}",
        {"threshold": "0.5"},
        token_from="/bank/review",
    )
    assert done.headers["Location"].endswith(f"/bank/review?document={document}")
    page = teacher_client.get(done.headers["Location"]).get_data(as_text=True)
    assert "3 drafts at or above confidence 0.50 approved." in page, re.findall(r"alert[^>]*>([^<]*)", page)
    assert [status_of(q.id) for q in mine] == ["approved", "draft", "approved", "approved", "draft"]
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "question.approve")).all()
    assert sorted(e.subject_id for e in events) == sorted(mine[i].id for i in (0, 2, 3))
    assert all("confidence 0.50" in e.details["note"] for e in events)


def test_approve_by_confidence_keeps_to_the_filtered_queue(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mine = drafts(users.teacher)
    tf = [q for q in mine if q.latest.type == "true_false"]
    post_form(
        teacher_client, "/bank/review/approve-confident?type=true_false", {"threshold": "0"}, token_from="/bank/review"
    )
    assert [q.id for q in mine if status_of(q.id) == "approved"] == [q.id for q in tf]
    no_token = teacher_client.post("/bank/review/approve-confident", data={"threshold": "0"})
    assert no_token.status_code == 400
    assert sum(status_of(q.id) == "approved" for q in mine) == len(tf)
