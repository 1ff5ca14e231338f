"""Account changes made for someone else (an admin's page, the `flask users` command), logged.

``auth`` sits below the audit log and cannot write to it, so the admin pages and
the command call these instead of ``auth.services`` directly. A student who
registers is not logged: nobody gave anyone trust.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from quizapp.audit.services import change, record
from quizapp.auth import services as accounts
from quizapp.auth.models import User
from quizapp.auth.roles import Role


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
    """Create an account of any role on someone's behalf; raises what ``auth.services.create_user`` raises."""
    user = accounts.create_user(session, username=username, password=password, display_name=display_name, role=role)
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
    found = accounts.find_user(session, username)
    old_role = found.role if found is not None else None
    user = accounts.set_role(session, username, role)
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
