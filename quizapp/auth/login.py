"""Glue between Flask-Login and the account services: who is signed in, checked on every request.

Every signed-in request loads its user, so the load is one Core select of the few columns a request reads,
built once per process, not an ORM load of the whole row (that was about a quarter of the question page's
CPU and a third of autosave's). The select itself checks the session version and that the account is
active: a login whose password changed, that logged out elsewhere or whose account was disabled matches no
row and is anonymous from its next request on. Views that change the account itself (password, e-mail,
time zone, logging out everywhere) load it with ``signed_in_account``.
"""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import bindparam, select, true
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.request_args import whole_number

_users = User.__table__
# The columns templates, quizapp.access and the services read of the signed-in user.
_SIGNED_IN = select(
    _users.c.id,
    _users.c.username,
    _users.c.display_name,
    _users.c.role,
    _users.c.time_zone,
    _users.c.must_change_password,
    _users.c.session_version,
).where(
    _users.c.id == bindparam("user_id"),
    _users.c.session_version == bindparam("version"),
    _users.c.is_active_account == true(),
)


class SignedInUser:
    """The signed-in account as a request sees it: plain values, read-only, valid for one request.

    Behaves as Flask-Login's user (``is_authenticated``, ``get_id``) and as ``User`` for what requests read
    (``id``, ``username``, ``display_name``, ``role``, ``is_staff``, ``time_zone``, ``must_change_password``),
    so services taking a user by its id and role accept it. It is not an ORM object: to change the account,
    load it with ``signed_in_account``.
    """

    __slots__ = ("display_name", "id", "must_change_password", "role", "session_version", "time_zone", "username")
    is_authenticated = True
    is_active = True  # only active accounts are loaded
    is_active_account = True
    is_anonymous = False
    __tablename__ = User.__tablename__  # an audit event about the account itself names its table (api tokens)

    def __init__(
        self,
        id: int,
        username: str,
        display_name: str,
        role: str,
        time_zone: str | None,
        must_change_password: bool,
        session_version: int,
    ) -> None:
        self.id = id
        self.username = username
        self.display_name = display_name
        self.role = role
        self.time_zone = time_zone
        self.must_change_password = bool(must_change_password)
        self.session_version = session_version

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.TEACHER, Role.ADMIN)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SignedInUser | User) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"<SignedInUser {self.username} {self.role}>"


def signed_in_user(session: Session, session_id: str) -> SignedInUser | None:
    """The user behind a login cookie's id ("<id>:<session version>"), if the version is current and the
    account active; else None. One statement."""
    user_text, _, version_text = session_id.partition(":")
    user_id, version = whole_number(user_text), whole_number(version_text)
    if user_id is None or version is None:
        return None
    row = session.connection().execute(_SIGNED_IN, {"user_id": user_id, "version": version}).first()
    return SignedInUser(*row) if row is not None else None


def load_user_from_session_id(session_id: str) -> SignedInUser | None:
    return signed_in_user(db.session, session_id)


def signed_in_account() -> User:
    """The signed-in user's ORM row, for a view that changes the account itself. Signed-in views only."""
    user = current_user._get_current_object()
    if isinstance(user, User):  # the API's token user is loaded whole already
        return user
    return db.session.get_one(User, user.id)
