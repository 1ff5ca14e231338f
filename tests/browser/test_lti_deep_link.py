"""Deep linking in Chromium: the teacher picks a quiz in the picker, and the page posts the signed answer back to
the LMS by itself, which the page's Content-Security-Policy (form-action naming the LMS) must allow."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import jwt
from playwright.sync_api import expect

from quizapp.extensions import db
from quizapp.lti import services
from quizapp.lti.deep_linking import DEPLOYMENT_CLAIM, SETTINGS_CLAIM, start_picker
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz
from tests.browser.conftest import AxeChecker, LiveServer
from tests.factories import user
from tests.lti.platform import Platform

LMS = "https://lms.example.org"
RETURN_URL = f"{LMS}/deep-link/return"


def _picker(live_server: LiveServer) -> tuple[str, int]:
    """A deep linking request of the browser test's teacher, as a launch leaves it: the picker's token."""
    with live_server.app.app_context():
        platform = services.register_platform(
            db.session,
            name="Browser LMS",
            issuer=LMS,
            client_id="browser-client",
            deployment_ids=["deployment-1"],
            auth_login_url=f"{LMS}/auth",
            auth_token_url=f"{LMS}/token",
            public_key=Platform().jwks(),
        )
        teacher = user("btteacher")
        quiz = Quiz(owner_id=teacher.id, title="Harbour quiz", mode="exam", visibility="class", is_published=True)
        db.session.add(quiz)
        claims = {
            DEPLOYMENT_CLAIM: "deployment-1",
            SETTINGS_CLAIM: {"deep_link_return_url": RETURN_URL, "accept_types": ["ltiResourceLink"]},
        }
        token = start_picker(db.session, platform, claims, teacher, now=utcnow())
        db.session.commit()
        quiz_id = quiz.id
        db.session.remove()
    return token, quiz_id


def test_the_picked_quiz_goes_back_to_the_lms_by_itself(page: Any, live_server: LiveServer, axe: AxeChecker) -> None:
    token, quiz_id = _picker(live_server)
    received: list[dict[str, list[str]]] = []

    def lms_return(route: Any) -> None:
        received.append(parse_qs(route.request.post_data or ""))
        route.fulfill(status=200, content_type="text/html", body="<title>LMS</title><p>Activity added</p>")

    page.route(f"{RETURN_URL}**", lms_return)
    page.goto(f"{live_server.url}/lti/deep-link?token={token}")
    expect(page.get_by_role("heading", name="Add a quiz to the course")).to_be_visible()
    axe.check(page)
    page.get_by_role("button", name="Add “Harbour quiz”").click()
    expect(page.get_by_text("Activity added")).to_be_visible()  # posted without a click: the script did it

    [form] = received
    claims = jwt.decode(form["JWT"][0], options={"verify_signature": False})  # tests/lti checks the signature
    [item] = claims["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert item["custom"] == {"quiz_id": str(quiz_id)}
    assert item["lineItem"]["scoreMaximum"] == 100
    assert axe.problems == [], "\n".join(axe.problems)
