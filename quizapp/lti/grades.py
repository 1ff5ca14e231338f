"""Assignment and Grade Services: one score put to one LMS line item, over HTTP.

No database here: the outbox (``outbox.py``) reads what to send, ends its transaction, and calls ``put_score``,
so that no lock is held while the LMS answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.contrib.flask.service_connector import FlaskServiceConnector
from pylti1p3.grade import Grade
from pylti1p3.registration import Registration

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
HTTP_TIMEOUT = 15  # seconds for each call to the LMS: a hung LMS must not hold a worker


class QuizServiceConnector(FlaskServiceConnector):  # type: ignore[misc]
    """pylti1p3's connector with access tokens cached per process (the base class raises NotImplementedError),
    keyed by issuer and client id: pylti1p3 keys by issuer only, so two registrations of one LMS would share."""

    access_tokens: ClassVar[dict[str, tuple[str, datetime]]] = {}

    def _scope_key(self, scopes: object) -> str:
        return f"{self._registration.get_client_id()}|{super()._scope_key(scopes)}"


class TimeoutSession(requests.Session):
    """A requests session whose calls time out (pylti1p3 passes no timeout)."""

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return super().request(*args, **kwargs)


def put_score(
    registration: Registration,
    lineitem_url: str,
    subject: str,
    score: float,
    *,
    fully_graded: bool,
    now: datetime,
    requests_session: requests.Session | None = None,
) -> None:
    """Send ``score`` (percent) for the LMS user ``subject`` to the line item.

    Raises pylti1p3's ``LtiServiceException`` (or ``LtiException``, ``requests.RequestException``) when the LMS
    refuses or cannot be reached.
    """
    connector = QuizServiceConnector(registration, requests_session or TimeoutSession())
    service = AssignmentsGradesService(connector, {"scope": [SCORE_SCOPE], "lineitem": lineitem_url})
    grade = (
        Grade()
        .set_score_given(round(score, 2))
        .set_score_maximum(100)
        .set_timestamp(now.isoformat())
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded" if fully_graded else "PendingManual")
        .set_user_id(subject)
    )
    service.put_grade(grade)
