"""The signed-in account as a request sees it, and the login check a route's first query can carry.

No Flask here: services receive the user from their view and, when its login is still to be checked
(``SignedInUser.pending``), join the account into their first query with ``fold_login`` instead of the
separate select every other request makes (``quizapp.auth.login``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, false, true
from sqlalchemy.sql._typing import _ColumnExpressionArgument

from quizapp.auth.models import User
from quizapp.auth.roles import Role

_users = User.__table__
# The columns templates, quizapp.access and the services read of the signed-in user, in SignedInUser's order.
COLUMNS = (
    _users.c.id,
    _users.c.username,
    _users.c.display_name,
    _users.c.role,
    _users.c.time_zone,
    _users.c.must_change_password,
    _users.c.session_version,
)
# What makes a login good: the version its cookie carries is the account's, and the account is active.
LOGIN_HOLDS = (_users.c.session_version == bindparam("login_version"), _users.c.is_active_account == true())

R = TypeVar("R", bound=Sequence[Any])


class LoginUnconfirmed(Exception):
    """A query carrying a pending login found no row: the login may be stale, or the row not the student's."""


class SignedInUser:
    """The signed-in account as a request sees it: plain values, read-only, valid for one request.

    Behaves as Flask-Login's user (``is_authenticated``, ``get_id``) and as ``User`` for what requests read
    (``id``, ``username``, ``display_name``, ``role``, ``is_staff``, ``time_zone``, ``must_change_password``),
    so services taking a user by its id and role accept it. It is not an ORM object: to change the account,
    load it with ``quizapp.auth.login.signed_in_account``.

    A pending one (``pending_login``) holds only what the login cookie says (id and session version), unchecked;
    its route's first query checks it (``fold_login``) and fills in the rest (``confirm``).
    """

    __slots__ = (
        "display_name",
        "id",
        "must_change_password",
        "pending",
        "role",
        "session_version",
        "time_zone",
        "username",
    )
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
        self.pending = False

    @classmethod
    def pending_login(cls, user_id: int, session_version: int) -> SignedInUser:
        """A login whose account is still to be read, by the route's first query; only its id is known."""
        user = cls(user_id, "", "", "", None, False, session_version)
        user.pending = True
        return user

    def confirm(self, values: Sequence[Any]) -> None:
        """Fill a pending login in from the ``COLUMNS`` its route's query read."""
        self.__init__(*values)  # type: ignore[misc]

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
        return f"<SignedInUser {self.username} {self.role}{' (pending)' if self.pending else ''}>"


def is_pending(user: object) -> bool:
    return bool(getattr(user, "pending", False))


def fold_login(statement: Select[Any], student_id: _ColumnExpressionArgument[Any]) -> Select[Any]:
    """``statement`` (which already filters ``student_id`` by the student) joined with the student's account,
    and its ``COLUMNS`` added last: it finds its row only while the login holds, for a student without a
    temporary password. Bind ``login_version`` (``login_parameters``)."""
    return (
        statement.join(_users, _users.c.id == student_id)
        .add_columns(*(column.label(f"login_{column.name}") for column in COLUMNS))  # not to shadow the row's own
        .where(*LOGIN_HOLDS, _users.c.role == Role.STUDENT, _users.c.must_change_password == false())
    )


def login_parameters(user: SignedInUser) -> dict[str, int]:
    return {"login_version": user.session_version}


def confirm_from(user: SignedInUser, row: R | None) -> R:
    """The row of a ``fold_login`` query, the pending ``user`` confirmed by its last columns; LoginUnconfirmed
    when there is no row."""
    if row is None:
        raise LoginUnconfirmed
    user.confirm(row[-len(COLUMNS) :])
    return row
