"""Administration of accounts: create users of any role, set roles."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.access import ADMIN, allow
from quizapp.auth import services
from quizapp.auth.forms import CreateUserForm, RoleForm
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from quizapp.transactions import undo_on

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")


def _render_users(form: CreateUserForm, status: int = 200) -> tuple[str, int]:
    users = services.list_users(db.session)
    role_forms = {user.id: RoleForm(prefix=f"u{user.id}", role=user.role) for user in users}
    return render_template("auth/admin_users.html", users=users, form=form, role_forms=role_forms), status


@bp.route("/users", methods=["GET", "POST"])
@allow(ADMIN)
def users() -> tuple[str, int] | Response:
    form = CreateUserForm()
    if form.validate_on_submit():
        with undo_on() as step:
            user = services.create_account(
                db.session,
                current_user,
                username=form.username.data or "",
                password=form.password.data or "",
                display_name=form.display_name.data,
                role=Role(form.role.data),
            )
        if step.failed:
            return _render_users(form, step.status_code)
        flash(f"Created {user.role} '{user.username}'.", "success")
        return redirect(url_for("admin.users"))
    return _render_users(form, 400 if form.is_submitted() else 200)


@bp.route("/users/<id:user_id>/role", methods=["POST"])
@allow(ADMIN)
def set_role(user_id: int) -> Response:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("No such user.")
    form = RoleForm(prefix=f"u{user_id}")
    if not form.validate_on_submit():
        flash("Choose one of the listed roles.", "danger")
        return redirect(url_for("admin.users"))
    with undo_on() as step:
        services.change_role(db.session, current_user, user.username, Role(form.role.data))
    if step.failed:
        return redirect(url_for("admin.users"))
    flash(f"'{user.username}' is now {user.role}.", "success")
    return redirect(url_for("admin.users"))
