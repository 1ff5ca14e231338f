"""Every teacher page not walked by a journey, checked by axe in Chromium (desktop and phone widths)."""

from __future__ import annotations

from typing import Any

from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.bank.models import Question
from quizapp.extensions import db
from tests.browser.conftest import AxeChecker, LiveServer
from tests.browser.test_first_journey import log_in
from tests.factories import all_types_quiz
from tests.support import TEST_PASSWORD


def test_teacher_pages_pass_axe(browser: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    with live_server.app.app_context():
        accounts.create_user(db.session, username="sweeper", password=TEST_PASSWORD, role=Role.TEACHER)
        db.session.commit()
        quiz, questions = all_types_quiz("sweeper", title="Sweep quiz")
        question_id, quiz_id, document_id = questions[0].id, quiz.id, questions[0].document_id
        db.session.get(Question, question_id).status = "draft"
        db.session.commit()
        db.session.remove()
    paths = [
        "/", "/sources/", f"/sources/{document_id}", "/bank/review?status=", f"/bank/questions/{question_id}/edit",
        "/bank/questions/new", "/bank/import", "/manage/quizzes/", f"/manage/quizzes/{quiz_id}",
        f"/manage/quizzes/{quiz_id}/preview", f"/bank/questions/{question_id}/regrade", "/classes/", "/admin/users",
        "/live/", f"/live/new/{quiz_id}",
    ]  # fmt: skip
    for width, height in ((1280, 900), (390, 844)):
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        log_in(page, live_server, "sweeper")
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response is not None
            assert response.status in (200, 403), path  # /admin/users is a styled 403 for a teacher
            axe.check(page)
        page.context.close()
    assert axe.problems == [], "\n".join(axe.problems)
    assert len(axe.checked) == 2 * len(paths)
