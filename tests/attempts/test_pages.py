"""The student's pages through the test client: nothing of the key before it is earned, nothing lost."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.bank.models import QuestionFlag
from quizapp.extensions import db
from tests.attempts.test_services import fields_for_key
from tests.factories import QUESTIONS, all_types_quiz
from tests.support import csrf_token, login, post_form


def start(client: FlaskClient, quiz_id: int) -> Attempt:
    response = post_form(client, f"/quizzes/{quiz_id}/start", {}, token_from=f"/quizzes/{quiz_id}")
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    attempt_id = int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))
    return db.session.get(Attempt, attempt_id)


def autosave(client: FlaskClient, attempt_id: int, position: int, fields: dict, token: str | None = None):  # type: ignore[no-untyped-def]
    headers = {"X-CSRFToken": token or csrf_token(client, f"/attempts/{attempt_id}/q/{position}")}
    return client.post(
        f"/attempts/{attempt_id}/autosave", json={"position": position, "fields": fields}, headers=headers
    )


def prefixed(position: int, fields: dict[str, str]) -> dict[str, str]:
    return {f"q{position}-{k}": v for k, v in fields.items()}


SECRETS = (
    [spec["explanation"] for spec in QUESTIONS] + [spec["quote"] for spec in QUESTIONS] + ["nine years", "9 years"]
)


def assert_no_key(html: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in html, f"{secret!r} leaked in {where}"
    for spec in QUESTIONS:
        if spec["type"] == "ordering":
            positions = [html.find(item) for item in spec["answer"]]
            if min(positions) >= 0:
                assert positions != sorted(positions), f"ordering shown in the key's order in {where}"
    assert not re.search(r"data-(correct|answer|key)", html), where


def option_tags(html: str, position: int) -> list[str]:
    tags = re.findall(rf'<input[^>]*name="q{position}-choice"[^>]*>', html)
    return [re.sub(r'(value|id)="[^"]*"', "", tag) for tag in tags]


@pytest.mark.parametrize("mode", ["exam", "practice"])
@pytest.mark.parametrize("layout", ["one_per_page", "all_on_one_page"])
def test_no_page_or_json_reveals_a_key_before_it_is_earned(student_client, users, mode: str, layout: str) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, mode=mode, layout=layout)
    seen: list[tuple[str, str]] = [("quiz page", student_client.get(f"/quizzes/{quiz.id}").get_data(as_text=True))]
    attempt = start(student_client, quiz.id)
    pages = [f"/attempts/{attempt.id}", f"/attempts/{attempt.id}/submit"]
    pages += [f"/attempts/{attempt.id}/q/{a.position}" for a in attempt.answers]
    for path in pages:
        response = student_client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        seen.append((path, response.get_data(as_text=True)))
    # A wrong answer saved and (in practice) checked gives feedback, still without the key.
    for answer in attempt.answers:
        wrong = {"choice": "true"} if answer.question_version.type == "true_false" else {"text": "seven years"}
        if answer.question_version.type == "true_false" and answer.question_version.answer is True:
            wrong = {"choice": "false"}
        if answer.question_version.type in ("true_false", "fill_in"):
            saved = autosave(student_client, attempt.id, answer.position, wrong)
            seen.append(("autosave", saved.get_data(as_text=True)))
            if mode == "practice":
                token = csrf_token(student_client, f"/attempts/{attempt.id}/q/{answer.position}")
                checked = student_client.post(
                    f"/attempts/{attempt.id}/check",
                    json={"position": answer.position, "fields": wrong},
                    headers={"X-CSRFToken": token},
                )
                assert checked.status_code == 200
                assert checked.get_json()["revealed"] is False
                seen.append(("check", checked.get_data(as_text=True)))
    # Before submitting, the source of a question (which holds its answer) is not served.
    assert student_client.get(f"/attempts/{attempt.id}/q/0/source/0").status_code == 404
    for where, html in seen:
        assert_no_key(html, where)
    for where, html in seen:
        for answer in attempt.answers:
            tags = option_tags(html, answer.position)
            assert len(set(tags)) <= 1, f"options of question {answer.position} differ beyond their value in {where}"


def test_answers_survive_a_reload_and_another_device(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(student_client, quiz.id)
    for answer in attempt.answers:
        response = autosave(student_client, attempt.id, answer.position, fields_for_key(answer))
        assert response.status_code == 200, response.get_json()
        assert response.get_json()["ok"] is True
    again = autosave(student_client, attempt.id, 0, fields_for_key(attempt.answers[0]))  # idempotent
    assert again.get_json()["ok"] is True
    phone = app.test_client()
    login(phone, users.student)
    for answer in attempt.answers:
        html = phone.get(f"/attempts/{attempt.id}/q/{answer.position}").get_data(as_text=True)
        for name, value in fields_for_key(answer).items():
            field = f'name="q{answer.position}-{name}"'
            if answer.question_version.type == "fill_in":
                assert f'value="{value}"' in html
            elif answer.question_version.type in ("multiple_choice", "true_false"):
                assert re.search(rf'{field} id="[^"]+" value="{value}"\s+checked', html), name
            else:
                select = html[html.index(field) : html.index("</select>", html.index(field))]
                assert f'<option value="{value}" selected>' in select, name
    response = post_form(phone, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).score == 5


def test_without_script_buttons_save_and_move(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False)
    attempt = start(student_client, quiz.id)
    tf = next(a for a in attempt.answers if a.question_version.type == "true_false")
    data = {"action": "next", **prefixed(tf.position, {"choice": "true"})}
    response = post_form(
        student_client, f"/attempts/{attempt.id}/q/{tf.position}", data, token_from=f"/attempts/{attempt.id}/q/0"
    )
    assert response.headers["Location"].endswith(f"/attempts/{attempt.id}/q/{tf.position + 1}")
    db.session.expire_all()
    assert db.session.get(AttemptAnswer, tf.id).response is True
    bad = post_form(
        student_client,
        f"/attempts/{attempt.id}/q/0",
        {"action": "save", "q0-choice": "17"},
        token_from=f"/attempts/{attempt.id}/q/0",
    )
    assert bad.status_code == 400
    assert b"not one of the choices" in bad.data


def test_another_students_attempt_is_404_everywhere(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(student_client, quiz.id)
    autosave(student_client, attempt.id, 0, fields_for_key(attempt.answers[0]))
    intruder = app.test_client()
    login(intruder, users.other_student)
    token = csrf_token(intruder, "/")
    for path in (
        f"/attempts/{attempt.id}",
        f"/attempts/{attempt.id}/q/0",
        f"/attempts/{attempt.id}/review",
        f"/attempts/{attempt.id}/submit",
    ):
        assert intruder.get(path).status_code == 404, path
    saved = intruder.post(
        f"/attempts/{attempt.id}/autosave",
        json={"position": 0, "fields": {"choice": "1"}},
        headers={"X-CSRFToken": token},
    )
    assert saved.status_code == 404
    assert intruder.post(f"/attempts/{attempt.id}/submit", data={"csrf_token": token}).status_code == 404
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).status == "in_progress"
    assert (
        db.session.get(AttemptAnswer, attempt.answers[0].id).response
        == db.session.get(AttemptAnswer, attempt.answers[0].id).response
    )


def test_expired_session_mid_attempt_loses_nothing(app, users) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    login(client, users.student)
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(client, quiz.id)
    token = csrf_token(client, f"/attempts/{attempt.id}/q/0")
    assert autosave(client, attempt.id, 0, fields_for_key(attempt.answers[0]), token).status_code == 200
    client.delete_cookie("session")  # the session expired
    lost = autosave(client, attempt.id, 1, fields_for_key(attempt.answers[1]), token)
    assert lost.status_code == 401
    assert "logged out" in lost.get_json()["error"]
    login(client, users.student)
    fresh = client.get("/csrf-token").get_json()["token"]
    assert autosave(client, attempt.id, 1, fields_for_key(attempt.answers[1]), fresh).status_code == 200
    db.session.expire_all()
    answers = db.session.scalars(
        select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id).order_by(AttemptAnswer.position)
    ).all()
    assert answers[0].response is not None
    assert answers[1].response is not None


def test_autosave_without_token_is_refused(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(student_client, quiz.id)
    response = student_client.post(f"/attempts/{attempt.id}/autosave", json={"position": 0, "fields": {"choice": "1"}})
    assert response.status_code == 400
    assert response.get_json()["csrf"] is True
    db.session.expire_all()
    assert (
        db.session.scalar(select(func.count()).select_from(AttemptAnswer).where(AttemptAnswer.response.is_not(None)))
        == 0
    )


def test_double_submit_and_review_with_sources_and_flag(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher)
    attempt = start(student_client, quiz.id)
    for answer in attempt.answers:
        autosave(student_client, attempt.id, answer.position, fields_for_key(answer))
    token = csrf_token(student_client, f"/attempts/{attempt.id}/submit")
    first = student_client.post(f"/attempts/{attempt.id}/submit", data={"csrf_token": token})
    second = student_client.post(f"/attempts/{attempt.id}/submit", data={"csrf_token": token})
    assert first.status_code == second.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
    review = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    assert "5.0" in review
    for spec in QUESTIONS:
        assert spec["explanation"] in review
    source = student_client.get(f"/attempts/{attempt.id}/q/0/source/0").get_data(as_text=True)
    assert '<mark id="sentence"' in source
    quote = attempt.answers[0].question_version.sources[0].quote
    assert f'tabindex="-1">{quote}</mark>' in source
    flagged = post_form(
        student_client,
        f"/attempts/{attempt.id}/q/0/flag",
        {"kind": "unclear", "comment": "Which canal?"},
        token_from=f"/attempts/{attempt.id}/review",
    )
    assert flagged.status_code == 302
    flag = db.session.scalar(select(QuestionFlag))
    assert flag.kind == "unclear"
    assert flag.comment == "Which canal?"
    assert flag.question_version_id == attempt.answers[0].question_version_id


def test_review_settings_hide_what_the_teacher_chose(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(
        users.teacher, review_show_answers=False, review_show_explanations=False, review_show_sources=False
    )
    attempt = start(student_client, quiz.id)
    post_form(student_client, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    review = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    assert_no_key(review, "review with answers hidden")
    assert "Margaret Hale</p>" not in review
    assert student_client.get(f"/attempts/{attempt.id}/q/0/source/0").status_code == 404


def test_question_page_costs_the_same_queries_whatever_the_length(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    from tests.factories import make_quiz, user

    quiz, questions = all_types_quiz(users.teacher)
    short = make_quiz(user(users.teacher), questions[:2], title="Short")
    db.session.commit()
    counts = []
    for quiz_id in (quiz.id, short.id):
        attempt = start(student_client, quiz_id)
        student_client.get(f"/attempts/{attempt.id}/q/0")  # warm: the user and templates are loaded once
        statements: list[str] = []

        def count(conn, cursor, statement, *args, seen=statements):  # type: ignore[no-untyped-def]
            seen.append(statement)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert student_client.get(f"/attempts/{attempt.id}/q/1").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        counts.append(len([s for s in statements if s.lstrip().upper().startswith("SELECT")]))
    assert counts[0] == counts[1]
    assert counts[0] <= 4  # the user, the attempt with its quiz, the answers (versions: cached; test_request_cost)


def test_all_on_one_page_saves_every_answer_at_once_or_none(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, layout="all_on_one_page", shuffle_questions=False)
    attempt = start(student_client, quiz.id)
    page = f"/attempts/{attempt.id}"
    mc, tf = attempt.answers[0], attempt.answers[1]  # the factory's order: multiple choice, then true/false
    data = {"action": "save", **prefixed(0, fields_for_key(mc)), **prefixed(1, fields_for_key(tf))}

    def responses() -> list[object]:
        db.session.expire_all()
        rows = db.session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt.id))
        return [a.response for a in sorted(rows, key=lambda a: a.position)]

    refused = post_form(student_client, f"{page}/save-all", {**data, "q0-choice": "99"}, token_from=page)
    assert refused.status_code == 400  # a forged choice beside a good answer: neither is saved
    assert responses() == [None] * 5
    saved = post_form(student_client, f"{page}/save-all", data, token_from=page)
    assert saved.status_code == 302
    assert responses()[:2] == [mc.question_version.answer, True]


def test_start_goes_straight_to_the_first_question_and_a_second_start_resumes(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, shuffle_questions=False)
    first = post_form(student_client, f"/quizzes/{quiz.id}/start", {}, token_from=f"/quizzes/{quiz.id}")
    attempt_id = int(re.search(r"/attempts/(\d+)/q/0$", first.headers["Location"]).group(1))  # type: ignore[union-attr]
    autosave(student_client, attempt_id, 0, {"choice": "0"})
    again = post_form(student_client, f"/quizzes/{quiz.id}/start", {}, token_from=f"/quizzes/{quiz.id}")
    assert again.headers["Location"].endswith(f"/attempts/{attempt_id}")  # resumed: show finds the first open one
    assert student_client.get(again.headers["Location"]).headers["Location"].endswith(f"/attempts/{attempt_id}/q/1")


def test_start_of_a_one_page_quiz_shows_the_whole_attempt(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, layout="all_on_one_page")
    started = post_form(student_client, f"/quizzes/{quiz.id}/start", {}, token_from=f"/quizzes/{quiz.id}")
    assert re.search(r"/attempts/\d+$", started.headers["Location"])
