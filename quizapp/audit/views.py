"""The audit log page: admins read every event, teachers those about their own objects and their own actions."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow
from quizapp.audit import services
from quizapp.audit.models import ACTIONS
from quizapp.extensions import db

bp = Blueprint("audit", __name__, url_prefix="/manage/audit", template_folder="templates")

# Where a subject of the log is shown, for its owner (anyone else would get that page's 404).
SUBJECT_PAGES = {"question": ("bank.edit", "question_id"), "quiz": ("quizzes.edit", "quiz_id"),
                 "class": ("classes.show", "class_id")}  # fmt: skip


@bp.route("")
@allow(STAFF)
def log() -> ResponseReturnValue:
    flt = services.LogFilter.from_args(request.args)
    page = services.read_log(db.session, current_user, flt)
    return render_template(
        "audit/log.html",
        page=page,
        flt=flt,
        actions=ACTIONS,
        subject_pages=SUBJECT_PAGES,
        detail_lines=services.detail_lines,
    )
