"""An ordering question left half set: saved as the student left it, and the problem said at the question."""

from __future__ import annotations

import lxml.html
from flask.testing import FlaskClient

from quizapp.attempts import loading
from quizapp.attempts.models import AttemptAnswer
from quizapp.extensions import db
from tests.attempts.test_pages import autosave, prefixed, start
from tests.factories import all_types_quiz
from tests.support import csrf_token

UNFINISHED = "This order is saved as you left it but not finished"


def _ordering(client: FlaskClient, teacher: str):  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(teacher, layout="one_per_page")
    attempt = start(client, quiz.id)
    answer = next(a for a in attempt.answers if a.question_version.type == "ordering")
    return attempt, answer, loading.shown_of(answer).shown_options()


def _selected(page, position: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    chosen = {}
    for select in page.xpath(f"//select[starts-with(@name, 'q{position}-position-')]"):
        picked = select.xpath("option[@selected]/@value")
        chosen[select.get("name")] = picked[0] if picked else ""
    return chosen


def test_next_with_a_half_set_order_keeps_it_and_says_so_at_the_question(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt, answer, items = _ordering(student_client, users.teacher)
    position = answer.position
    url = f"/attempts/{attempt.id}/q/{position}"
    # Two items at position 1, the third without one.
    fields = {"position-0": "1", "position-1": "1", "position-2": ""}
    sent = student_client.post(
        url, data={**prefixed(position, fields), "action": "next", "csrf_token": csrf_token(student_client, url)}
    )

    assert sent.status_code == 302
    assert sent.headers["Location"].endswith(f"{url}#q{position}")  # stays at the question
    db.session.expire_all()
    saved = db.session.get(AttemptAnswer, answer.id).response
    assert saved == {"positions": {items[0]: 1, items[1]: 1}}

    page = lxml.html.fromstring(student_client.get(url).data)
    assert _selected(page, position) == {
        f"q{position}-position-0": "1",
        f"q{position}-position-1": "1",
        f"q{position}-position-2": "",
    }
    problem = page.get_element_by_id(f"q{position}-problem")
    assert problem.get("role") == "alert"
    assert problem.getparent().getparent().get("id") == f"q{position}"  # inside the question's own block
    text = " ".join(problem.text_content().split())
    assert UNFINISHED in text
    assert "position 1 given to more than one item and 1 item has no position" in text
    selects = page.xpath(f"//select[starts-with(@name, 'q{position}-position-')]")
    assert all(f"q{position}-problem" in s.get("aria-describedby") and s.get("aria-invalid") for s in selects)


def test_autosave_keeps_a_half_set_order_and_returns_the_problem(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt, answer, items = _ordering(student_client, users.teacher)
    saved = autosave(student_client, attempt.id, answer.position, {"position-2": "3"})

    assert saved.status_code == 200
    body = saved.get_json()
    assert body["ok"] is True
    assert UNFINISHED in body["problem"]
    assert "2 items have no position" in body["problem"]
    db.session.expire_all()
    assert db.session.get(AttemptAnswer, answer.id).response == {"positions": {items[2]: 3}}

    finished = autosave(
        student_client, attempt.id, answer.position, {"position-0": "2", "position-1": "1", "position-2": "3"}
    )
    assert finished.get_json()["problem"] is None
    db.session.expire_all()
    assert db.session.get(AttemptAnswer, answer.id).response == [items[1], items[0], items[2]]


def test_a_half_set_order_is_graded_on_what_is_there_at_submit(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt, answer, items = _ordering(student_client, users.teacher)
    key = answer.question_version.answer
    # The first two items of the key, in the key's order; the third left without a position.
    autosave(
        student_client,
        attempt.id,
        answer.position,
        {f"position-{items.index(key[0])}": "1", f"position-{items.index(key[1])}": "2"},
    )
    submit = f"/attempts/{attempt.id}/submit"
    student_client.post(submit, data={"csrf_token": csrf_token(student_client, submit)})

    db.session.expire_all()
    graded = db.session.get(AttemptAnswer, answer.id)
    assert graded.score == round(answer.points * 2 / 3, 4)  # scores are stored to 4 places
    review = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    assert f"unfinished: 1. {key[0]}; 2. {key[1]}" in review
