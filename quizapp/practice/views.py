"""The student's practice page, and the buttons that start a review or a retake session.

A session is an attempt: once started, the attempts pages take over.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STUDENT, allow
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.practice import finished, services
from quizapp.practice.refresh import refresh_cards
from quizapp.transactions import undo_on, writes_on_get

bp = Blueprint("practice", __name__, template_folder="templates")

RESUMED = "You had a session of this kind in progress: here it is. Submit it, then start the next one."


@bp.route("/practice")
@allow(STUDENT)
@writes_on_get  # brings the student's cards up to date
def index() -> ResponseReturnValue:
    now = utcnow()
    refresh_cards(current_user.id, now=now)
    overview = services.overview(
        db.session, current_user, now=now, session_size=current_app.config["PRACTICE_SESSION_SIZE"]
    )
    return render_template("practice/index.html", overview=overview)


def _go_to(started: services.SessionStart) -> ResponseReturnValue:
    if started.resumed_other:
        flash(RESUMED, "info")
    return redirect(url_for("attempts.show", attempt_id=started.attempt.id))


@bp.route("/practice/review", methods=["POST"])
@allow(STUDENT)
def start_review() -> ResponseReturnValue:
    with undo_on(services.NothingToPractice, category="info") as step:
        started = services.start_review_session(
            db.session, current_user, now=utcnow(), size=current_app.config["PRACTICE_SESSION_SIZE"]
        )
    if step.failed:
        return redirect(url_for("practice.index"))
    return _go_to(started)


@bp.route("/practice/mistakes/<id:attempt_id>", methods=["POST"])
@allow(STUDENT)
def retake(attempt_id: int) -> ResponseReturnValue:
    with undo_on(services.NothingToPractice, category="success") as step:
        started = services.start_mistakes_session(db.session, current_user, attempt_id, now=utcnow())
    if step.failed:
        return redirect(url_for("attempts.review", attempt_id=attempt_id))
    return _go_to(started)


@bp.route("/practice/finished/<id:attempt_id>")
@allow(STUDENT)
@writes_on_get  # brings the student's cards up to date
def finished_session(attempt_id: int) -> ResponseReturnValue:
    """After a practice session is submitted: its score, mistakes to retake, when the next review is due."""
    now = utcnow()
    refresh_cards(current_user.id, now=now)  # the answers just submitted set the next due times
    done = finished.finished_session(
        db.session, current_user, attempt_id, now=now, session_size=current_app.config["PRACTICE_SESSION_SIZE"]
    )
    return render_template("practice/finished.html", done=done, overview=done.overview)
