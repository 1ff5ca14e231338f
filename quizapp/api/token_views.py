"""The account page's API tokens: make one (shown once), see them, revoke one. Session pages, with CSRF."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import SIGNED_IN, allow
from quizapp.api import tokens
from quizapp.api.forms import NewTokenForm
from quizapp.auth.roles import Role
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.models import utcnow

bp = Blueprint("tokens", __name__, url_prefix="/account/tokens", template_folder="templates")


def _render(form: NewTokenForm, status: int = 200, new: tokens.NewToken | None = None) -> ResponseReturnValue:
    return render_template(
        "api/tokens.html",
        form=form,
        tokens=tokens.tokens_of(db.session, current_user, utcnow()),
        new=new,
        revoke=ConfirmForm(),
        may_write=current_user.role != Role.STUDENT,
    ), status


@bp.route("/", methods=["GET", "POST"])
@allow(SIGNED_IN)
def index() -> ResponseReturnValue:
    form = NewTokenForm()
    if current_user.role == Role.STUDENT:
        del form.write
    if not form.validate_on_submit():
        return _render(form, 400 if form.is_submitted() else 200)
    try:
        write = bool(form.write.data) if form.write is not None else False  # a student's form has none
        new = tokens.create_token(
            db.session, current_user, name=form.name.data or "", write=write, days=form.days.data or 0, now=utcnow()
        )
    except DomainError as error:
        flash(str(error), "danger")
        return _render(form, error.status_code)  # an error status: the commit point rolls back
    # Shown in this answer only: never in a flash message, which would keep it in the session cookie.
    return _render(NewTokenForm(formdata=None), 200, new)


@bp.route("/<id:token_id>/revoke", methods=["POST"])
@allow(SIGNED_IN)
def revoke(token_id: int) -> ResponseReturnValue:
    if ConfirmForm().validate_on_submit():
        row = tokens.revoke_token(db.session, current_user, token_id, utcnow())
        flash(f"Token “{row.name}” revoked: it no longer works.", "success")
    return redirect(url_for("tokens.index"))
