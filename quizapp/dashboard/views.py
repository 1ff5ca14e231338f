"""The start page of each role, and the health check."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp import rate_limits
from quizapp.access import ANYONE, allow
from quizapp.auth.roles import Role
from quizapp.dashboard import services
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.practice.refresh import refresh_cards
from quizapp.transactions import writes_on_get

bp = Blueprint("dashboard", __name__, template_folder="templates")


@bp.route("/")
@allow(ANYONE)
@writes_on_get  # a student's practice cards are brought up to date
def index() -> str:
    if not current_user.is_authenticated:
        return render_template("dashboard/welcome.html")
    if current_user.role == Role.STUDENT:
        now = utcnow()
        refresh_cards(current_user.id, now=now)
        overview = services.student_overview(db.session, current_user, now=now)
        return render_template("dashboard/student.html", overview=overview)
    return render_template("dashboard/staff.html", overview=services.staff_overview(db.session, current_user))


@bp.route("/healthz")
@allow(ANYONE)
@rate_limits.exempt
def healthz() -> Response:
    # Load balancers and benchmarks call this: no session, no database, no template.
    return Response("ok\n", mimetype="text/plain")
