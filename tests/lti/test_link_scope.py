"""A launch opens only what its link may open: a quiz placed in that LMS by deep linking (platform and
deployment), or one the launching instructor owns. Any other quiz id in a link's custom parameters is refused."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.lti.models import LtiIdentity, LtiPlatform, LtiResourceLink
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import all_types_quiz, user
from tests.lti.platform import INSTRUCTOR, LEARNER, Platform, handoff_path


def _count(model: type) -> int:
    return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


def _link_instructor(subject: str, username: str) -> None:
    """The LMS account ``subject`` is linked to the quizapp account ``username`` (as the link offer leaves it)."""
    platform_id = db.session.scalars(select(LtiPlatform.id)).one()
    db.session.add(LtiIdentity(platform_id=platform_id, subject=subject, user_id=user(username).id))
    db.session.commit()


def _refused(app: Flask, lms: Platform, subject: str, role: str, quiz: Quiz, **options: str) -> str:
    """Launch ``subject`` on a new link naming ``quiz``: refused with a page for the LMS user, nothing kept."""
    response = lms.launch(app.test_client(), subject, [role], custom={"quiz_id": str(quiz.id)}, **options)
    assert response.status_code == 403, response.get_data(as_text=True)
    assert _count(LtiResourceLink) == 0  # the link stays unconnected
    page = response.get_data(as_text=True)
    assert "was not added to this LMS" in page
    return page


def test_a_placed_quiz_opens_to_a_learner(app: Flask, lms: Platform, quiz: Quiz) -> None:
    response = lms.launch(app.test_client(), "lms-user-1", [LEARNER], custom={"quiz_id": str(quiz.id)})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert db.session.scalars(select(LtiResourceLink)).one().quiz_id == quiz.id


def test_a_quiz_never_placed_is_refused_to_a_learner(app: Flask, lms: Platform, unplaced_quiz: Quiz) -> None:
    assert "content picker" in _refused(app, lms, "lms-user-1", LEARNER, unplaced_quiz)
    assert _count(LtiIdentity) == 0  # nothing kept: not even the new student


def test_another_teachers_quiz_is_refused_to_an_instructor(
    app: Flask, lms: Platform, users: Accounts, unplaced_quiz: Quiz
) -> None:
    _link_instructor("lms-other", users.other_teacher)
    _refused(app, lms, "lms-other", INSTRUCTOR, unplaced_quiz)
    _refused(app, lms, "lms-new", INSTRUCTOR, unplaced_quiz)  # an instructor new to quizapp owns nothing yet


def test_a_placement_counts_only_on_its_own_deployment(app: Flask, lms: Platform, users: Accounts) -> None:
    elsewhere, _ = all_types_quiz(users.teacher, visibility="class")
    lms.place(elsewhere, deployment_id="deployment-2")  # placed, but through another deployment of the LMS
    _refused(app, lms, "lms-user-1", LEARNER, elsewhere)


def test_the_owner_linking_their_own_quiz_opens_it_then_to_learners(
    app: Flask, lms: Platform, users: Accounts, unplaced_quiz: Quiz
) -> None:
    _link_instructor("lms-teacher", users.teacher)
    response = lms.launch(app.test_client(), "lms-teacher", [INSTRUCTOR], custom={"quiz_id": str(unplaced_quiz.id)})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert db.session.scalars(select(LtiResourceLink)).one().quiz_id == unplaced_quiz.id
    learner = lms.launch(app.test_client(), "lms-user-1", [LEARNER])  # the same link, known now
    assert learner.status_code == 200, learner.get_data(as_text=True)
    tab = app.test_client()
    opened = tab.get(handoff_path(learner.get_data(as_text=True)))
    assert opened.headers["Location"].endswith(f"/quizzes/{unplaced_quiz.id}")
    # The owner's launch connected that one link only: another link naming the quiz, launched by a learner, is not.
    other_link = lms.launch(
        app.test_client(), "lms-user-1", [LEARNER], link_id="link-2", custom={"quiz_id": str(unplaced_quiz.id)}
    )
    assert other_link.status_code == 403
