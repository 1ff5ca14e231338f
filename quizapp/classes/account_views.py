"""Helping someone back into their account: a temporary password (an admin for anyone, a teacher for the
students of their classes), and disabling or enabling an account (admins)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import ADMIN, STAFF, allow
from quizapp.auth import recovery
from quizapp.auth.models import User
from quizapp.classes.accounts import managed_account
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.request_args import id_arg
from quizapp.transactions import undo_on

bp = Blueprint("accounts", __name__, url_prefix="/accounts", template_folder="templates")


def _back_to() -> str:
    # Back to the class page the button was on (its id from the form), else the users page or the dashboard.
    class_id = id_arg(request.form.get("class_id"))
    if class_id is not None:
        return url_for("classes.show", class_id=class_id, _anchor="members")
    return url_for("admin.users") if current_user.role == "admin" else url_for("dashboard.index")


@bp.route("/<id:user_id>/temporary-password", methods=["POST"])
@allow(STAFF)
def temporary_password(user_id: int) -> ResponseReturnValue:
    target = managed_account(db.session, current_user, user_id)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(_back_to())
    password = recovery.set_temporary_password(db.session, current_user, target)
    # Shown once, on this page (never stored in clear, never in a URL or a flash cookie).
    return render_template("classes/temporary_password.html", target=target, password=password, back=_back_to())


@bp.route("/<id:user_id>/active", methods=["POST"])
@allow(ADMIN)
def set_active(user_id: int) -> ResponseReturnValue:
    target = db.session.get(User, user_id)
    if target is None:
        raise NotFound("There is no such account.")
    if not ConfirmForm().validate_on_submit() or request.form.get("active") not in ("0", "1"):
        flash("Choose to disable or to enable the account.", "danger")
        return redirect(url_for("admin.users"))
    enabled = request.form.get("active") == "1"
    with undo_on() as step:
        recovery.set_enabled(db.session, current_user, target, enabled=enabled)
    if step.failed:
        return redirect(url_for("admin.users"))
    state = "enabled: it can log in again" if enabled else "disabled: it cannot log in, its sessions ended"
    flash(f"'{target.username}' is {state}. Its history is kept.", "success")
    return redirect(url_for("admin.users"))
