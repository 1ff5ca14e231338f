"""Login, logout, registration and password change."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from quizapp.access import ANYONE, SIGNED_IN, allow
from quizapp.auth import services, session_limits
from quizapp.auth.forms import ChangePasswordForm, LoginForm, RegisterForm
from quizapp.auth.login import signed_in_account
from quizapp.auth.zones import adopt_browser_zone
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.rate_limits import limited
from quizapp.request_args import has_control_characters
from quizapp.transactions import undo_on

bp = Blueprint("auth", __name__, template_folder="templates")


def safe_next(target: str | None) -> str:
    """Where to go after login: only a path on this site, never another host.

    A control character makes any target unsafe: urlsplit drops CR, LF and tab before reading it, and a
    Location header cannot carry them (werkzeug refuses it: a 500 after the login had happened).
    """
    if not target or has_control_characters(target):
        return url_for("dashboard.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("dashboard.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
@allow(ANYONE)
@limited("RATELIMIT_LOGIN")
def login() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    if form.validate_on_submit():
        with undo_on(services.LoginFailed) as step:
            user = services.authenticate(db.session, form.username.data or "", form.password.data or "")
        if step.failed:
            return render_template("auth/login.html", form=form), 401
        adopt_browser_zone(user, form.time_zone.data)
        session.clear()  # a fresh session on login: nothing carried over from before
        session.permanent = True
        login_user(user)
        session_limits.start()
        flash(f"Welcome, {user.display_name}.", "success")
        return redirect(safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
@allow(ANYONE)
@limited("RATELIMIT_REGISTER")
def register() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        with undo_on() as step:
            user = services.register_student(
                db.session,
                username=form.username.data or "",
                password=form.password.data or "",
                display_name=form.display_name.data or "",
            )
        if step.failed:
            return render_template("auth/register.html", form=form), step.status_code
        adopt_browser_zone(user, form.time_zone.data)
        session.clear()
        session.permanent = True
        login_user(user)
        session_limits.start()
        flash("Your account is ready.", "success")
        return redirect(url_for("dashboard.index"))
    return render_template("auth/register.html", form=form)


@bp.route("/logout", methods=["POST"])
@allow(SIGNED_IN)
def logout() -> Response:
    if ConfirmForm().validate_on_submit():
        # Logging out here logs this account out everywhere (its other sessions carry the old version).
        services.end_all_sessions(db.session, signed_in_account())
        logout_user()
        session.clear()
        flash("You are logged out.", "info")
    return redirect(url_for("dashboard.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@allow(SIGNED_IN)
@limited("RATELIMIT_PASSWORD")
def change_password() -> str | Response:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        account = signed_in_account()
        with undo_on() as step:
            services.change_password(
                db.session,
                account,
                current_password=form.current_password.data or "",
                new_password=form.password.data or "",
            )
        if step.failed:
            return render_template("auth/change_password.html", form=form), step.status_code
        # The session version moved on: log this browser in again under it; every other session ends.
        login_user(account)
        flash("Your password is changed. Other devices were logged out.", "success")
        return redirect(url_for("dashboard.index"))
    return render_template("auth/change_password.html", form=form)
