"""Students' flags where a teacher looks (dashboard, review queue) and "select all on this page" in the queue."""

from __future__ import annotations

import lxml.html
from flask.testing import FlaskClient

from quizapp.bank.models import Question, QuestionFlag
from quizapp.extensions import db
from tests.bank.test_review import drafts, status_of
from tests.factories import QUESTIONS, make_document, make_question, user
from tests.support import post_form


def flag(question: Question, student: str, comment: str, kind: str = "wrong") -> None:
    db.session.add(QuestionFlag(question_id=question.id, user_id=user(student).id, kind=kind, comment=comment))
    db.session.commit()


def test_an_open_flag_on_an_approved_question_shows_on_the_dashboard_with_its_text(
    teacher_client: FlaskClient,
    users,  # type: ignore[no-untyped-def]
) -> None:
    teacher = user(users.teacher)
    approved = make_question(teacher, make_document(teacher), QUESTIONS[0])  # approved: in no draft count
    db.session.commit()
    flag(approved, users.student, "The canal opened in 1822, not 1821.")
    html = teacher_client.get("/").get_data(as_text=True)
    assert "Open student flags" in html
    assert "The canal opened in 1822, not 1821." in html
    assert approved.latest.prompt in html
    assert "/bank/review?status=&amp;flagged=1" in html  # the tile leads to flagged questions of any status
    # The flag's date is a <time> in UTC that the page shows in the reader's zone, as every time is.
    (stamp,) = lxml.html.fromstring(html).xpath("//time[@data-local='date']/@datetime")
    assert stamp.endswith("Z")


def test_someone_else_s_flags_stay_off_the_dashboard(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    other = user(users.other_teacher)
    theirs = make_question(other, make_document(other), QUESTIONS[0])
    db.session.commit()
    flag(theirs, users.student, "Not for teach to see")
    assert "Not for teach to see" not in teacher_client.get("/").get_data(as_text=True)


def test_the_queue_shows_each_open_flag_s_text_and_not_resolved_ones(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    flag(made[1], users.student, "Two answers fit.", kind="unclear")
    flag(made[1], users.other_student, "Resolved long ago.")
    resolved = db.session.query(QuestionFlag).filter_by(comment="Resolved long ago.").one()
    resolved.resolved_at, resolved.resolution = made[1].created_at, "fixed"
    db.session.commit()
    html = teacher_client.get("/bank/review?flagged=1&status=").get_data(as_text=True)
    assert "Student flag: Unclear" in html
    assert "Two answers fit." in html
    assert "Resolved long ago." not in html
    assert html.count('class="card mb-3 review-item"') == 1


def test_select_all_on_this_page_rejects_every_question_of_the_page_in_one_go(
    teacher_client: FlaskClient,
    users,  # type: ignore[no-untyped-def]
) -> None:
    made = drafts(users.teacher)
    html = teacher_client.get("/bank/review").get_data(as_text=True)
    assert f"Select all {len(made)} on this page" in html
    body = {
        "all_on_page": "1",
        "on_page": [str(q.id) for q in made],
        "reason": "Drafted from the wrong article",
        "reject": "Reject selected",
    }
    response = post_form(teacher_client, "/bank/review/bulk", body, token_from="/bank/review")
    assert response.status_code == 302
    assert {status_of(q.id) for q in made} == {"rejected"}


def test_select_all_with_someone_else_s_question_changes_nothing(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    theirs = drafts(users.other_teacher)[0]
    body = {"all_on_page": "1", "on_page": [str(q.id) for q in made] + [str(theirs.id)], "approve": "Approve selected"}
    response = post_form(teacher_client, "/bank/review/bulk", body, token_from="/bank/review")
    assert response.status_code == 404
    assert {status_of(q.id) for q in [*made, theirs]} == {"draft"}


def test_without_select_all_only_the_ticked_questions_change(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    made = drafts(users.teacher)
    body = {"selected": [str(made[0].id)], "on_page": [str(q.id) for q in made], "approve": "Approve selected"}
    post_form(teacher_client, "/bank/review/bulk", body, token_from="/bank/review")
    assert [status_of(q.id) for q in made] == ["approved"] + ["draft"] * (len(made) - 1)
