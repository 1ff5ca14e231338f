"""Whose account a teacher or an admin may help into again.

An admin: anyone's but their own. A teacher: the students of their own classes (not another teacher's
student, nor a teacher). Nobody their own through these doors: they have the password page.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.exceptions import NotFound


def may_manage(session: Session, actor: User, target: User) -> bool:
    """True when ``actor`` may set ``target``'s temporary password."""
    if actor.id == target.id:
        return False
    if actor.role == Role.ADMIN:
        return True
    if actor.role != Role.TEACHER or target.role != Role.STUDENT:
        return False
    taught = session.scalar(
        select(func.count())
        .select_from(ClassMember)
        .join(SchoolClass, SchoolClass.id == ClassMember.class_id)
        .where(ClassMember.user_id == target.id, SchoolClass.teacher_id == actor.id)
    )
    return bool(taught)


def managed_account(session: Session, actor: User, user_id: int) -> User:
    """The account ``actor`` may manage; NotFound otherwise (another's student looks like no student)."""
    target = session.get(User, user_id)
    if target is None or not may_manage(session, actor, target):
        raise NotFound("There is no such account among yours.")
    return target
