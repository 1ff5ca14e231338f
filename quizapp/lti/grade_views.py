"""Scores the LMS has not taken: shown to the quiz's teacher and to the admin, who can have them sent again now."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import ADMIN, STAFF, allow
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.lti import outbox
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_of_teacher
from quizapp.wording import count

bp = Blueprint("lti_grades", __name__)


@bp.route("/admin/lti/grades/retry", methods=["POST"])
@allow(ADMIN)
def retry_all() -> ResponseReturnValue:
    """Every score the LMSs refused is tried again now."""
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(url_for("lti.admin"))
    retried = outbox.retry_now(db.session, now=utcnow())
    flash(f"{count(len(retried), 'score')} handed to the background worker to send again.", "info")
    return redirect(url_for("lti.admin"))


@bp.route("/manage/quizzes/<id:quiz_id>/lms-grades/retry", methods=["POST"])
@allow(STAFF)
def retry_quiz(quiz_id: int) -> ResponseReturnValue:
    """The teacher tries the quiz's unsent LMS scores again now, without waiting for the backoff."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(url_for("history.quiz_results", quiz_id=quiz.id))
    retried = outbox.retry_now(db.session, now=utcnow(), quiz_id=quiz.id)
    flash(f"{count(len(retried), 'score')} handed to the background worker to send again.", "info")
    return redirect(url_for("history.quiz_results", quiz_id=quiz.id))


@bp.app_template_global("lms_grade_problems")
def lms_grade_problems(quiz_id: int) -> list[outbox.SendProblem]:
    """The quiz's scores the LMS has not taken, for its results page (history cannot import LTI)."""
    return outbox.send_problems(db.session, quiz_id=quiz_id)
