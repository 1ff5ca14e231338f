"""A rule's pool size, asked by the builder's script as the rule is typed: one's own quizzes and documents only."""

from __future__ import annotations

from flask.testing import FlaskClient

from quizapp.extensions import db
from quizapp.quizzes.models import QuizRule
from tests.factories import make_document, user
from tests.quizzes.test_builder import approved_bank, new_quiz


def pool(client: FlaskClient, quiz_id: int, **args: str):  # type: ignore[no-untyped-def]
    query = {f"rule-{key}": value for key, value in args.items()}
    url = f"/manage/quizzes/{quiz_id}/rules/pool"
    return client.get(url, query_string=query, headers={"Accept": "application/json"})


def test_the_pool_size_follows_what_is_typed_and_adds_no_rule(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    document, questions = approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    everything = pool(teacher_client, quiz_id, count="2", document=str(document.id)).get_json()
    assert everything == {"ok": True, "holds": len(questions), "short": False, "message": "Its pool holds 5 questions."}
    only_tf = pool(teacher_client, quiz_id, count="2", question_type="true_false").get_json()
    assert only_tf["holds"] == 1
    assert only_tf["short"] is True
    assert "asks for 2 questions but its pool holds 1 question" in only_tf["message"]
    assert pool(teacher_client, quiz_id, count="", tag="nothing-tagged-so").get_json()["holds"] == 0
    assert db.session.query(QuizRule).count() == 0


def test_odd_values_get_a_message_not_a_500(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    approved_bank(users.teacher)
    quiz_id = new_quiz(teacher_client)
    theirs = make_document(user(users.other_teacher))
    db.session.commit()
    for args in ({"document": str(theirs.id)}, {"document": "x1"}, {"question_type": "essay"}, {"count": "-3"}):
        response = pool(teacher_client, quiz_id, **args)
        assert response.status_code in (200, 400), args
        if response.status_code == 400:
            assert response.get_json()["error"]


def test_another_teacher_s_quiz_is_not_found(app, users, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    from tests.support import login

    quiz_id = new_quiz(teacher_client)
    other = app.test_client()
    login(other, users.other_teacher)
    assert pool(other, quiz_id, count="1").status_code == 404


def test_the_builder_page_is_in_three_steps(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    approved_bank(users.teacher)
    html = teacher_client.get(f"/manage/quizzes/{new_quiz(teacher_client)}").get_data(as_text=True)
    for step in ("settings", "questions", "picks"):
        assert f'href="#{step}" data-step="{step}"' in html
        assert f'class="builder-step" id="{step}"' in html
    assert 'id="chosen-count"' in html
    assert 'id="rule-pool"' in html
