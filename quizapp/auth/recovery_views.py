"""The account page (email, time zone), "Forgot password" links, and the new password a temporary one asks for."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import ANYONE, SIGNED_IN, allow, wants_json
from quizapp.auth import recovery
from quizapp.auth.forms import AccountForm, ForgotPasswordForm, ResetPasswordForm
from quizapp.auth.login import signed_in_account
from quizapp.auth.mail import MailFailed, mail_enabled, send_mail
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.rate_limits import limited
from quizapp.timezones import is_zone, zone_names
from quizapp.transactions import undo_on

bp = Blueprint("account", __name__, template_folder="templates")

# What a signed-in account with a temporary password may still reach.
# /healthz too: a load balancer's check must not read the account of a cookie sent along with it.
OPEN_WHILE_TEMPORARY = frozenset(
    {"auth.change_password", "auth.logout", "static", "bootstrap.static", "dashboard.healthz"}
)


@bp.before_app_request
def ask_for_a_new_password() -> ResponseReturnValue | None:
    """A temporary password opens one page: the one that replaces it."""
    if request.endpoint in OPEN_WHILE_TEMPORARY or request.endpoint is None:
        return None
    if not current_user.is_authenticated or getattr(current_user, "pending", False):
        return None  # a pending login: its route's first query refuses a temporary password (quizapp.auth.login)
    if not current_user.must_change_password:
        return None
    if wants_json():
        message = "You logged in with a temporary password: choose your own to go on."
        return jsonify(ok=False, error=message, login=url_for("auth.change_password")), 403
    return redirect(url_for("auth.change_password"))  # the page says why


@bp.route("/account", methods=["GET", "POST"])
@allow(SIGNED_IN)
def settings() -> ResponseReturnValue:
    account = signed_in_account()
    form = AccountForm(obj=account if request.method == "GET" else None)
    school_zone = current_app.config.get("SCHOOL_TIME_ZONE") or "UTC"
    form.time_zone.choices = [("", f"The school's ({school_zone})"), *((name, name) for name in zone_names())]
    if request.method == "GET":
        form.time_zone.data = account.time_zone or ""
    if form.validate_on_submit():
        chosen = form.time_zone.data or None
        with undo_on() as step:
            if chosen is not None and not is_zone(chosen):
                raise DomainError("Choose a time zone from the list.")
            recovery.set_email(db.session, account, form.email.data or "")
            account.time_zone = chosen
        if step.failed:
            page = render_template("auth/account.html", form=form, mail=mail_enabled(current_app.config))
            return page, step.status_code
        flash("Saved.", "success")
        return redirect(url_for("account.settings"))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/account.html", form=form, mail=mail_enabled(current_app.config)), status


SENT = (
    "If that account has an email address, a link to set a new password is on its way. It works once, for "
    "{minutes} minutes."
)


@bp.route("/password/forgot", methods=["GET", "POST"])
@allow(ANYONE)
@limited("RATELIMIT_PASSWORD")
def forgot() -> ResponseReturnValue:
    config = current_app.config
    form = ForgotPasswordForm()
    if not mail_enabled(config):
        return render_template("auth/forgot.html", form=None)
    if form.validate_on_submit():
        minutes = int(config["PASSWORD_RESET_MINUTES"])
        found = recovery.request_reset(
            db.session, form.identifier.data or "", now=utcnow(), lifetime=timedelta(minutes=minutes)
        )
        if found is not None:
            user, token = found
            link = _public_url(url_for("account.reset", token=token))
            body = (
                f"Hello {user.display_name},\n\nSomeone (we hope you) asked to set a new password for the quizapp "
                f"account '{user.username}'. Open this link within {minutes} minutes to choose one:\n\n{link}\n\n"
                "The link works once. If you did not ask, ignore this message: your password stays as it is.\n"
            )
            try:
                send_mail(config, user.email or "", "Set a new quizapp password", body)
            except MailFailed as error:
                current_app.logger.error("password reset mail to user %s failed: %s", user.id, error)
                flash("The mail could not be sent just now; try again later or ask your teacher.", "danger")
                return render_template("auth/forgot.html", form=form), 503  # an error status: nothing is kept
        flash(SENT.format(minutes=minutes), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form), 400 if form.is_submitted() else 200


def _public_url(path: str) -> str:
    # PUBLIC_URL, when set, and not the request's Host header: a forged Host must not put another site in the link.
    base = current_app.config.get("PUBLIC_URL")
    return f"{base.rstrip('/')}{path}" if base else request.host_url.rstrip("/") + path


@bp.route("/password/reset", methods=["GET", "POST"])
@allow(ANYONE)
@limited("RATELIMIT_PASSWORD")
def reset() -> ResponseReturnValue:
    """The page a reset link opens (``?token=...``); the form carries the token on."""
    form = ResetPasswordForm()
    token = (form.token.data if request.method == "POST" else request.args.get("token")) or ""
    form.token.data = token
    try:
        recovery.reset_token(db.session, token, now=utcnow())
    except DomainError as error:
        return render_template("auth/reset.html", form=None, problem=str(error)), 404
    if form.validate_on_submit():
        with undo_on() as step:
            recovery.reset_password(db.session, token, form.password.data or "", now=utcnow())
        if step.failed:
            return render_template("auth/reset.html", form=form, problem=None), 400
        flash("Your new password is set, and every device was logged out. Log in with it.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, problem=None), 400 if form.is_submitted() else 200
