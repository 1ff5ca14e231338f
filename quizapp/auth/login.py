"""Glue between Flask-Login and the account services: who is signed in, checked on every request.

Every signed-in request loads its user (or its route's first query checks the login: ``login_in_first_query``),
so the load is one Core select of the few columns a request reads,
built once per process, not an ORM load of the whole row (that was about a quarter of the question page's
CPU and a third of autosave's). The select itself checks the session version and that the account is
active: a login whose password changed, that logged out elsewhere or whose account was disabled matches no
row and is anonymous from its next request on. Views that change the account itself (password, e-mail,
time zone, logging out everywhere) load it with ``signed_in_account``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, request, session
from flask_login import current_user, user_logged_in
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from quizapp.access import ACCESS_ATTRIBUTE, STUDENT, is_api_request
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.auth.signed_in import COLUMNS, LOGIN_HOLDS, LoginUnconfirmed, SignedInUser, is_pending
from quizapp.extensions import db, login_manager
from quizapp.request_args import whole_number

__all__ = ["SignedInUser", "login_in_first_query", "signed_in_account", "signed_in_user"]

F = TypeVar("F", bound=Callable[..., Any])
_users = User.__table__
_SIGNED_IN = select(*COLUMNS).where(_users.c.id == bindparam("user_id"), *LOGIN_HOLDS)
LOGIN_IN_FIRST_QUERY = "login_in_first_query"
# Session key: the role the account had when it logged in. It only picks the path (a pending login for a
# student's route); the route's query checks the role as it is now.
LOGIN_ROLE = "login_role"


def signed_in_user(session: Session, session_id: str) -> SignedInUser | None:
    """The user behind a login cookie's id ("<id>:<session version>"), if the version is current and the
    account active; else None. One statement."""
    user_text, _, version_text = session_id.partition(":")
    user_id, version = whole_number(user_text), whole_number(version_text)
    if user_id is None or version is None:
        return None
    row = session.connection().execute(_SIGNED_IN, {"user_id": user_id, "login_version": version}).first()
    return SignedInUser(*row) if row is not None else None


def load_user_from_session_id(session_id: str) -> SignedInUser | None:
    """Flask-Login's user loader: the checked account, or a pending login for a route whose first query checks
    it (``login_in_first_query``)."""
    if _checked_by_the_route():
        user_text, _, version_text = session_id.partition(":")
        user_id, version = whole_number(user_text), whole_number(version_text)
        if user_id is None or version is None:
            return None
        return SignedInUser.pending_login(user_id, version)
    return signed_in_user(db.session(), session_id)


def _checked_by_the_route() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return (
        session.get(LOGIN_ROLE) == Role.STUDENT  # anyone else is refused by the access rule, before CSRF
        and getattr(view, LOGIN_IN_FIRST_QUERY, False)
        and getattr(view, ACCESS_ATTRIBUTE, None) == STUDENT
        and not is_api_request()
    )


def _remember_login_role(_app: Flask, user: Any, **_extra: Any) -> None:
    session[LOGIN_ROLE] = str(user.role)


def init_login(app: Flask) -> None:
    """Install the user loader, and remember each login's role in its session."""
    login_manager.user_loader(load_user_from_session_id)
    user_logged_in.connect(_remember_login_role, app)


def login_in_first_query(view: F) -> F:
    """Declare that a student-only view's first query checks the login (``quizapp.auth.signed_in.fold_login``):
    the request then makes no separate select of the account (a question page or an autosave has one
    statement fewer). The hooks that read the account before the view let a pending login through; where
    the query finds no row (a stale login, a temporary password, someone else's attempt), or the view never
    confirmed the login, the login is checked the ordinary way and, if it holds, the view runs again with it,
    to answer as it always does."""

    @functools.wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        user = current_user._get_current_object()
        try:
            response = view(*args, **kwargs)
        except LoginUnconfirmed:
            pass
        except Exception:
            # Refused before its query (a payload it cannot read): the login and role answer first, as on
            # every other route.
            if is_pending(user):
                db.session.rollback()
                refused = _check_login_again(user)
                if refused is not None:
                    return refused
            raise
        else:
            if not is_pending(user):
                return response
            current_app.logger.error("%s did not check its pending login; checked again", request.endpoint)
            if current_app.testing:
                raise RuntimeError(f"{request.endpoint} is marked login_in_first_query but did not confirm the login")
        db.session.rollback()
        refused = _check_login_again(user)
        return refused if refused is not None else view(*args, **kwargs)

    setattr(checked, LOGIN_IN_FIRST_QUERY, True)
    return checked  # type: ignore[return-value]


def _check_login_again(pending: SignedInUser) -> Response | Any | None:
    """The account read the ordinary way, and the checks a pending login skipped: None when the view may run."""
    from quizapp.access import enforce_access
    from quizapp.auth.recovery_views import ask_for_a_new_password

    login_manager._update_request_context_with_user(signed_in_user(db.session(), pending.get_id()))
    for check in (ask_for_a_new_password, enforce_access):
        refused = check()
        if refused is not None:
            return refused
    return None


def signed_in_account() -> User:
    """The signed-in user's ORM row, for a view that changes the account itself. Signed-in views only."""
    user = current_user._get_current_object()
    if isinstance(user, User):  # the API's token user is loaded whole already
        return user
    return db.session.get_one(User, user.id)
