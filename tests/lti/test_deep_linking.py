"""Deep linking: a teacher launched from the LMS's "add an activity" picks a quiz; quizapp answers with a signed
LtiDeepLinkingResponse, which the emulated LMS checks against quizapp's JWKS."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.lti import services
from quizapp.lti.models import LtiIdentity, LtiPlacement
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import all_types_quiz, user
from tests.lti.platform import INSTRUCTOR, ISSUER, LAUNCH_URL, LEARNER, Platform, handoff_path

RETURN_URL = f"{ISSUER}/deep-link/return?course=7"


@pytest.fixture
def lms(app: Flask, users: Accounts) -> Platform:
    platform = Platform()
    registered = platform.register_in_quizapp()
    # The teacher has come from this LMS before: their LMS account is theirs.
    db.session.add(LtiIdentity(platform_id=registered.id, subject="lms-teacher", user_id=user(users.teacher).id))
    db.session.commit()
    return platform


@pytest.fixture
def quizzes(app: Flask, users: Accounts) -> dict[str, Quiz]:
    mine, _ = all_types_quiz(users.teacher, title="Canal quiz")
    draft, _ = all_types_quiz(users.teacher, title="Unfinished quiz", is_published=False)
    theirs, _ = all_types_quiz(users.other_teacher, title="Someone else's quiz")
    return {"mine": mine, "draft": draft, "theirs": theirs}


def _picker(app: Flask, lms: Platform, subject: str = "lms-teacher", roles: list[str] | None = None) -> Any:
    browser = app.test_client()
    auth = lms.login(browser, subject)
    form = lms.signed_launch(auth, subject, roles or [INSTRUCTOR], deep_link_return=RETURN_URL)
    return browser, browser.post("/lti/launch", data=form, follow_redirects=True)


def _choose(browser: FlaskClient, page: str, quiz: Quiz) -> Any:
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token is not None
    return browser.post("/lti/deep-link", data={"token": token.group(1), "quiz_id": str(quiz.id)})


def test_a_teacher_picks_a_quiz_and_the_lms_gets_a_signed_link_with_its_line_item(
    app: Flask, lms: Platform, quizzes: dict[str, Quiz]
) -> None:
    browser, picker = _picker(app, lms)
    assert picker.status_code == 200, picker.get_data(as_text=True)
    page = picker.get_data(as_text=True)
    assert "Canal quiz" in page
    assert "Unfinished quiz" not in page  # not published
    assert "Someone else" not in page
    assert "Make a new quiz" in page
    assert "frame-ancestors 'self' https:" in picker.headers["Content-Security-Policy"]

    answer = _choose(browser, page, quizzes["mine"])
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    action = re.search(r'<form method="post" action="([^"]+)" id="lti-deep-link-return"', html)
    assert action is not None
    assert action.group(1).replace("&amp;", "&") == RETURN_URL
    assert f"form-action 'self' {ISSUER}" in answer.headers["Content-Security-Policy"]
    token = re.search(r'name="JWT" value="([^"]+)"', html)
    assert token is not None

    [item] = lms.content_items(token.group(1), services.public_jwks(db.session))  # signature checked
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "Canal quiz"
    assert item["url"] == LAUNCH_URL
    assert item["custom"] == {"quiz_id": str(quizzes["mine"].id)}
    assert item["lineItem"]["scoreMaximum"] == 100
    assert item["lineItem"]["label"] == "Canal quiz"
    claims = jwt.decode(token.group(1), options={"verify_signature": False})
    assert claims["https://purl.imsglobal.org/spec/lti/claim/message_type"] == "LtiDeepLinkingResponse"
    assert claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] == {"course": "7"}  # echoed back
    assert claims["aud"] == [ISSUER]

    placement = db.session.scalars(select(LtiPlacement)).one()  # its links in this deployment may open it
    assert (placement.deployment_id, placement.quiz_id) == ("deployment-1", quizzes["mine"].id)

    # The picker is used up; a second answer is refused.
    assert _choose(browser, page, quizzes["mine"]).status_code == 400

    # The link the LMS made from the item opens the quiz to a learner, and scores go to its line item.
    launched = lms.launch(
        app.test_client(), "lms-student", [LEARNER], link_id="dl-link-1", custom=item["custom"],
        lineitem=f"{ISSUER}/lineitems/9",
    )  # fmt: skip
    assert launched.status_code == 200, launched.get_data(as_text=True)
    tab = app.test_client()
    opened = tab.get(handoff_path(launched.get_data(as_text=True)))
    assert urlsplit(opened.headers["Location"]).path == f"/quizzes/{quizzes['mine'].id}"
    assert tab.get(f"/quizzes/{quizzes['mine'].id}").status_code == 200


def test_another_teachers_or_an_unpublished_quiz_cannot_be_picked(
    app: Flask, lms: Platform, quizzes: dict[str, Quiz]
) -> None:
    browser, picker = _picker(app, lms)
    page = picker.get_data(as_text=True)
    assert _choose(browser, page, quizzes["theirs"]).status_code == 404
    assert _choose(browser, page, quizzes["draft"]).status_code == 404
    assert _choose(browser, page, quizzes["mine"]).status_code == 200  # the picker was not used up by those


def test_a_student_cannot_deep_link(app: Flask, lms: Platform, quizzes: dict[str, Quiz]) -> None:
    _, response = _picker(app, lms, subject="lms-student", roles=[LEARNER])
    assert response.status_code == 403
    assert "Only teachers" in response.get_data(as_text=True)


def test_a_forged_or_unknown_picker_token_is_refused(app: Flask, lms: Platform, quizzes: dict[str, Quiz]) -> None:
    client = app.test_client()
    assert client.get("/lti/deep-link?token=nope").status_code == 404
    response = client.post("/lti/deep-link", data={"token": "nope", "quiz_id": str(quizzes["mine"].id)})
    assert response.status_code == 400
    assert "Start again from the LMS" in response.get_data(as_text=True)
    assert client.post("/lti/deep-link", data={"token": "nope", "quiz_id": "x"}).status_code == 400


def test_an_instructor_new_to_quizapp_picks_after_the_new_tab(
    app: Flask, lms: Platform, quizzes: dict[str, Quiz]
) -> None:
    _, first = _picker(app, lms, subject="lms-newcomer")
    assert "first visit" in first.get_data(as_text=True)
    tab = app.test_client()
    opened = tab.get(handoff_path(first.get_data(as_text=True)))
    assert opened.status_code == 302
    picker = tab.get(opened.headers["Location"])
    assert picker.status_code == 200
    assert "You have no published quiz yet" in picker.get_data(as_text=True)
