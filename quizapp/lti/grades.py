"""Assignment and Grade Services: the score a quiz's policy keeps, sent to the LMS line item of each link.

Plain functions over a session; HTTP goes through pylti1p3's service connector (a requests session may be given).
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import requests
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.contrib.flask.service_connector import FlaskServiceConnector
from pylti1p3.grade import Grade
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.history.gradebook import policy_cells
from quizapp.lti.models import LtiIdentity, LtiPlatform, LtiResourceLink
from quizapp.lti.tool import DatabaseToolConf
from quizapp.quizzes.models import Quiz

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


class QuizServiceConnector(FlaskServiceConnector):  # type: ignore[misc]
    """pylti1p3's connector with access tokens cached per process (the base class raises NotImplementedError),
    keyed by issuer and client id: pylti1p3 keys by issuer only, so two registrations of one LMS would share."""

    access_tokens: ClassVar[dict[str, tuple[str, datetime]]] = {}

    def _scope_key(self, scopes: object) -> str:
        return f"{self._registration.get_client_id()}|{super()._scope_key(scopes)}"


def kept_percent(session: Session, quiz: Quiz, student_id: int) -> float | None:
    """The student's score at the quiz as its policy keeps it (best, last or average), in percent."""
    cell = policy_cells(session, [student_id], [quiz.id]).get((student_id, quiz.id))
    return cell.kept(quiz.score_policy) if cell is not None else None


def send_kept_score(
    session: Session,
    quiz: Quiz,
    student_id: int,
    *,
    now: datetime,
    requests_session: requests.Session | None = None,
) -> list[str]:
    """Send the kept score to every LMS line item of the quiz's links where the student has an LMS identity.

    Returns the line item URLs sent to; raises pylti1p3's ``LtiServiceException`` when the LMS refuses.
    """
    score = kept_percent(session, quiz, student_id)
    if score is None:
        return []
    rows = session.execute(
        select(LtiResourceLink.lineitem_url, LtiIdentity.subject, LtiPlatform)
        .join(LtiPlatform, LtiPlatform.id == LtiResourceLink.platform_id)
        .join(
            LtiIdentity,
            (LtiIdentity.platform_id == LtiResourceLink.platform_id) & (LtiIdentity.user_id == student_id),
        )
        .where(LtiResourceLink.quiz_id == quiz.id, LtiResourceLink.lineitem_url.is_not(None))
    ).all()
    sent: list[str] = []
    for lineitem_url, subject, platform in rows:
        registration = DatabaseToolConf(session).find_registration_by_params(platform.issuer, platform.client_id)
        assert registration is not None
        service = AssignmentsGradesService(
            QuizServiceConnector(registration, requests_session), {"scope": [SCORE_SCOPE], "lineitem": lineitem_url}
        )
        grade = (
            Grade()
            .set_score_given(round(score, 2))
            .set_score_maximum(100)
            .set_timestamp(now.isoformat())
            .set_activity_progress("Completed")
            .set_grading_progress("FullyGraded")
            .set_user_id(subject)
        )
        service.put_grade(grade)
        sent.append(lineitem_url)
    return sent
