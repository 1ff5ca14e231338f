"""Score passback (AGS): the kept score goes to the LMS line item; HTTP answered by ``responses``.

The token endpoint checks the tool's client assertion with lti1p3platform, against quizapp's published JWKS.
"""

from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import parse_qs

import pytest
import requests
import responses
from flask import Flask
from pylti1p3.exception import LtiServiceException
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.lti import services
from quizapp.lti.grades import QuizServiceConnector, send_kept_score
from quizapp.lti.models import LtiIdentity
from quizapp.models import utcnow
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import all_types_quiz, finished_attempt
from tests.lti.platform import ISSUER, LEARNER, Platform, _Conf

LINEITEM = f"{ISSUER}/lineitems/42"


@pytest.fixture
def linked(app: Flask, users: Accounts) -> tuple[Platform, Quiz, LtiIdentity]:
    QuizServiceConnector.access_tokens.clear()  # each test's LMS issues its own token
    lms = Platform()
    lms.register_in_quizapp()
    quiz, _ = all_types_quiz(users.teacher, visibility="class", score_policy="best")
    response = lms.launch(
        app.test_client(), "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)}, lineitem=LINEITEM
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    return lms, quiz, db.session.scalars(select(LtiIdentity)).one()


def _token_endpoint(lms: Platform, seen: list[dict[str, object]]):  # type: ignore[no-untyped-def]
    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        form = {k: v[0] for k, v in parse_qs(str(request.body)).items()}
        conf = _Conf(registration=lms.registration().set_tool_key_set(services.public_jwks(db.session)))
        conf.get_registration()
        claims = conf.tool_validate_and_decode(form["client_assertion"])  # raises on a bad signature
        seen.append(claims)
        return 200, {}, json.dumps({"access_token": "platform-token", "expires_in": 3600})

    return answer


@responses.activate
def test_the_kept_score_is_sent_to_the_line_item(linked: tuple[Platform, Quiz, LtiIdentity]) -> None:
    lms, quiz, identity = linked
    n = len(quiz.questions)
    now = utcnow()
    finished_attempt(quiz, identity.user, [1.0] * n, submitted_at=now - timedelta(hours=1))
    finished_attempt(quiz, identity.user, [0.0] * n, submitted_at=now)  # "best" keeps the first
    db.session.commit()
    assertions: list[dict[str, object]] = []
    responses.add_callback(responses.POST, f"{ISSUER}/token", callback=_token_endpoint(lms, assertions))
    responses.add(responses.POST, f"{LINEITEM}/scores", json={}, status=200)

    assert send_kept_score(db.session, quiz, identity.user_id, now=now) == [LINEITEM]

    assert assertions
    assert assertions[0]["iss"] == "quizapp-client"
    score_call = responses.calls[-1]
    assert score_call.request.headers["Authorization"] == "Bearer platform-token"
    body = json.loads(score_call.request.body or b"{}")
    assert (body["userId"], body["scoreGiven"], body["scoreMaximum"]) == ("lms-user-1", 100.0, 100)
    assert body["gradingProgress"] == "FullyGraded"


@responses.activate
def test_a_refused_score_raises_so_it_can_be_retried(linked: tuple[Platform, Quiz, LtiIdentity]) -> None:
    lms, quiz, identity = linked
    finished_attempt(quiz, identity.user, [1.0] * len(quiz.questions), submitted_at=utcnow())
    db.session.commit()
    responses.add_callback(responses.POST, f"{ISSUER}/token", callback=_token_endpoint(lms, []))
    responses.add(responses.POST, f"{LINEITEM}/scores", json={"error": "busy"}, status=503)
    with pytest.raises(LtiServiceException):
        send_kept_score(db.session, quiz, identity.user_id, now=utcnow())


def test_nothing_is_sent_before_an_attempt_is_finished(linked: tuple[Platform, Quiz, LtiIdentity]) -> None:
    _, quiz, identity = linked
    with responses.RequestsMock():  # any HTTP call would fail the test
        assert send_kept_score(db.session, quiz, identity.user_id, now=utcnow()) == []
