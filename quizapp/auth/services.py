"""Accounts: registration, authentication, passwords and roles.

Plain functions on an explicit SQLAlchemy session; the caller commits. They
raise DomainError subclasses with messages fit for the user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.audit.services import change, record
from quizapp.auth import passwords
from quizapp.auth.models import DISPLAY_NAME_MAX, USERNAME_MAX, User
from quizapp.auth.roles import Role
from quizapp.exceptions import Conflict, DomainError, NotFound
from quizapp.models import utcnow

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,39}$")
LOGIN_FAILED = "Unknown username or wrong password."
ACCOUNT_DISABLED = "This account is disabled. Ask your teacher or an administrator."


class InvalidAccountData(DomainError):
    pass


class LoginFailed(DomainError):
    status_code = 401


def normalise_username(username: str) -> str:
    return username.strip().lower()


def check_username(username: str) -> str:
    name = normalise_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise InvalidAccountData(
            f"A username has 3 to {USERNAME_MAX} characters: letters, digits, dots, dashes or underscores, "
            "starting with a letter or digit."
        )
    return name


def check_password(password: str, *, user_inputs: Sequence[str] = (), demo: bool = False) -> None:
    """Length limits, no composition rules; common and easily guessed passwords are refused (zxcvbn's lists),
    and so is the demo accounts' password, except for those accounts (``demo``)."""
    if len(password) < passwords.PASSWORD_MIN:
        raise InvalidAccountData(f"A password needs at least {passwords.PASSWORD_MIN} characters.")
    if len(password) > passwords.PASSWORD_MAX:
        raise InvalidAccountData(f"A password can have at most {passwords.PASSWORD_MAX} characters.")
    problem = passwords.weakness(password, user_inputs, published_ok=demo)
    if problem:
        raise InvalidAccountData(problem)


def check_display_name(display_name: str) -> str:
    name = " ".join(display_name.split())
    if not name or len(name) > DISPLAY_NAME_MAX:
        raise InvalidAccountData(f"A name has 1 to {DISPLAY_NAME_MAX} characters.")
    return name


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == normalise_username(username)))


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    display_name: str | None = None,
    role: Role = Role.STUDENT,
    demo: bool = False,
) -> User:
    """Create an account; raises Conflict when the username is taken.

    ``demo``: a demo account of ``flask seed``, which alone may have the published demo password.
    """
    name = check_username(username)
    shown = check_display_name(display_name or name)
    check_password(password, user_inputs=(name, shown), demo=demo)
    if find_user(session, name) is not None:
        raise Conflict(f"The username '{name}' is already taken.")
    user = User(
        username=name, display_name=shown, password_hash=passwords.hash_password(password), role=Role(role).value
    )
    session.add(user)
    try:
        # The unique index is the real guard when two registrations race.
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:
        raise Conflict(f"The username '{name}' is already taken.") from error
    return user


def register_student(session: Session, *, username: str, password: str, display_name: str) -> User:
    """Self-registration: always a student, whatever else the form carried."""
    return create_user(session, username=username, password=password, display_name=display_name, role=Role.STUDENT)


def authenticate(session: Session, username: str, password: str) -> User:
    """The user with these credentials, or LoginFailed with one message for every failure."""
    user = find_user(session, username)
    if user is None:
        passwords.burn_equal_time(password)
        raise LoginFailed(LOGIN_FAILED)
    if not passwords.verify_password(user.password_hash, password):
        raise LoginFailed(LOGIN_FAILED)
    if not user.is_active_account:  # told only to whoever knows the password
        raise LoginFailed(ACCOUNT_DISABLED)
    if passwords.needs_rehash(user.password_hash):
        # An older method or cost: only now, with the password in hand, can it be hashed again.
        user.password_hash = passwords.hash_password(password)
    user.last_login_at = utcnow()
    return user


def change_password(session: Session, user: User, *, current_password: str, new_password: str) -> None:
    """Change a password; ends the account's other sessions by raising its session version."""
    if not passwords.verify_password(user.password_hash, current_password):
        raise InvalidAccountData("The current password is wrong.")
    check_password(new_password, user_inputs=(user.username, user.display_name))
    if passwords.verify_password(user.password_hash, new_password):
        raise InvalidAccountData("Choose a password other than the current one.")
    user.password_hash = passwords.hash_password(new_password)
    user.must_change_password = False
    user.session_version += 1
    session.flush()


def set_role(session: Session, username: str, role: Role | str) -> User:
    user = find_user(session, username)
    if user is None:
        raise NotFound(f"No user named '{normalise_username(username)}'.")
    new_role = Role(role)
    if user.role == Role.ADMIN and new_role != Role.ADMIN and count_admins(session) <= 1:
        raise Conflict("This is the last admin account; make another admin first.")
    if user.role != new_role.value:
        user.role = new_role.value
        # Whatever the old role allowed ends with the sessions that had it.
        user.session_version += 1
    session.flush()
    return user


def count_admins(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN.value)) or 0


def list_users(session: Session, *, role: Role | None = None) -> Sequence[User]:
    query = select(User).order_by(User.role, User.username)
    if role is not None:
        query = query.where(User.role == role.value)
    return session.scalars(query).all()


def end_all_sessions(session: Session, user: User) -> None:
    """Every login of this account stops working at its next request."""
    user.session_version += 1
    session.flush()


# Account changes made for someone else (an admin's page, the `flask users` command) are logged.
# A student who registers is not: nobody gave anyone trust.


def create_account(
    session: Session,
    actor: User | None,
    *,
    username: str,
    password: str,
    display_name: str | None = None,
    role: Role = Role.STUDENT,
    actor_name: str | None = None,
) -> User:
    """Create an account of any role on someone's behalf; logged; raises what ``create_user`` raises."""
    user = create_user(session, username=username, password=password, display_name=display_name, role=role)
    record(
        session,
        actor,
        "user.create",
        user,
        f"Created the {user.role} account '{user.username}' ({user.display_name})",
        {"role": user.role},
        actor_name=actor_name,
    )
    return user


def change_role(
    session: Session, actor: User | None, username: str, role: Role, *, actor_name: str | None = None
) -> User:
    """Give an account another role; logs only a real change (setting the same role again changes nothing)."""
    found = find_user(session, username)
    old_role = found.role if found is not None else None
    user = set_role(session, username, role)
    if old_role != user.role:
        record(
            session,
            actor,
            "user.role",
            user,
            f"'{user.username}' is now {user.role} (was {old_role})",
            {"role": change(old_role, user.role)},
            actor_name=actor_name,
        )
    return user
