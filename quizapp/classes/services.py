"""Classes: creating them, joining with a code, members and their extra time.

Plain functions on an explicit SQLAlchemy session; the caller commits. They
raise DomainError subclasses with messages fit for the user. A class belongs to
the teacher who made it: teachers and admins alike see and manage only their
own classes here (an admin has no wider view of classes).

Giving quizzes to a class is the quizzes feature's (``quizapp.quizzes.assignments``),
which stands above classes: nothing here knows of quizzes.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, joinedload

from quizapp.audit.services import change, quoted, record
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.exceptions import Conflict, DomainError, Forbidden, NotFound

# No 0/O or 1/I: a code read aloud or copied from a board cannot be mistyped into another one.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_ATTEMPTS = 10
NAME_MAX = 120
EXTRA_TIME_MAX = 400

UNKNOWN_CODE = "No class has this code. Check it with your teacher."
NO_SUCH_CLASS = "There is no such class, or it is not yours."
NO_SUCH_MEMBER = "This student is not in the class (any more)."


class InvalidClassData(DomainError):
    pass


class UnknownCode(DomainError):
    pass


class ClassClosed(Conflict):
    pass


@dataclass(frozen=True)
class ClassSummary:
    school_class: SchoolClass
    member_count: int


def check_name(name: str) -> str:
    """The name with runs of whitespace collapsed; InvalidClassData when empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > NAME_MAX:
        raise InvalidClassData(f"A class name has 1 to {NAME_MAX} characters.")
    return cleaned


def normalise_code(code: str) -> str:
    """A join code as typed (any case, spaces, dashes) in its stored form."""
    return re.sub(r"[\s\-\u2010-\u2015]+", "", code).upper()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _code_taken(session: Session, code: str) -> bool:
    return session.scalar(select(SchoolClass.id).where(SchoolClass.join_code == code)) is not None


def _store_with_fresh_code(session: Session, school_class: SchoolClass) -> str:
    """Give the class a code no other class has, and flush; retries on a collision (even a racing one)."""
    for _ in range(CODE_ATTEMPTS):
        code = new_code()
        if _code_taken(session, code):
            continue
        school_class.join_code = code
        session.add(school_class)
        try:
            # The unique constraint is the real guard when two classes get a code at the same moment.
            with session.begin_nested():
                session.flush()
        except IntegrityError:
            continue
        return code
    raise Conflict("Could not make a unique join code. Please try again.")


def create_class(session: Session, teacher: User, name: str) -> SchoolClass:
    """A new class of ``teacher`` with a fresh join code."""
    if not teacher.is_staff:
        raise Forbidden("Only teachers can create classes.")
    school_class = SchoolClass(name=check_name(name), teacher_id=teacher.id, is_archived=False)
    _store_with_fresh_code(session, school_class)
    return school_class


def regenerate_code(session: Session, school_class: SchoolClass) -> str:
    """Replace the class's join code (the old one stops working); the new code."""
    return _store_with_fresh_code(session, school_class)


def set_archived(session: Session, school_class: SchoolClass, archived: bool) -> SchoolClass:
    """Archive a class (no one can join it; members and quizzes stay) or reopen it."""
    school_class.is_archived = archived
    session.flush()
    return school_class


def classes_of(session: Session, teacher: User) -> list[ClassSummary]:
    """The teacher's own classes, open ones first, by name, with member counts (one query)."""
    members = select(func.count(ClassMember.id)).where(ClassMember.class_id == SchoolClass.id).scalar_subquery()
    rows = session.execute(
        select(SchoolClass, members)
        .where(SchoolClass.teacher_id == teacher.id)
        .order_by(SchoolClass.is_archived, SchoolClass.name, SchoolClass.id)
    ).all()
    return [ClassSummary(row[0], int(row[1])) for row in rows]


def class_for_teacher(session: Session, class_id: int, teacher: User) -> SchoolClass:
    """The class if it is the teacher's; NotFound otherwise (the same answer as for no class at all)."""
    school_class = session.scalar(
        select(SchoolClass).where(SchoolClass.id == class_id, SchoolClass.teacher_id == teacher.id)
    )
    if school_class is None:
        raise NotFound(NO_SUCH_CLASS)
    return school_class


# What a teacher is shown instead of the name of a student who is in none of the teacher's classes.
OUTSIDE_CLASSES = "A student outside your classes"


def nameable_students(session: Session, teacher: User, student_ids: Iterable[int]) -> set[int]:
    """Of these students, the ones this teacher may see by name: members of one of the teacher's classes.

    Anyone can take a public quiz, so a teacher's results, attempts and regrades can hold students of other
    teachers' classes: they count, but every page shows them as ``OUTSIDE_CLASSES`` (the same rule everywhere).
    """
    wanted = set(student_ids)
    if not wanted:
        return set()
    return set(
        session.scalars(
            select(ClassMember.user_id)
            .join(SchoolClass, SchoolClass.id == ClassMember.class_id)
            .where(SchoolClass.teacher_id == teacher.id, ClassMember.user_id.in_(wanted))
            .distinct()
        )
    )


def student_names(session: Session, teacher: User | None, students: Iterable[User]) -> dict[int, str]:
    """Each student's name (by id) as this teacher may see it (``nameable_students``); with no teacher, none."""
    students = list(students)
    named = nameable_students(session, teacher, (s.id for s in students)) if teacher is not None else set()
    return {s.id: s.display_name if s.id in named else OUTSIDE_CLASSES for s in students}


def _membership(session: Session, class_id: int, user_id: int) -> ClassMember | None:
    return session.scalar(select(ClassMember).where(ClassMember.class_id == class_id, ClassMember.user_id == user_id))


def join_class(session: Session, student: User, code: str) -> ClassMember:
    """The student's membership of the class with this code, made if new; joining twice changes nothing."""
    if student.role != Role.STUDENT:
        raise Forbidden("Only student accounts can join a class.")
    normalised = normalise_code(code)
    school_class = (
        session.scalar(select(SchoolClass).where(SchoolClass.join_code == normalised)) if normalised else None
    )
    if school_class is None:
        raise UnknownCode(UNKNOWN_CODE)
    existing = _membership(session, school_class.id, student.id)
    if existing is not None:
        return existing
    if school_class.is_archived:
        raise ClassClosed("This class is archived and takes no new members. Ask your teacher.")
    member = ClassMember(class_id=school_class.id, user_id=student.id, extra_time_percent=0)
    session.add(member)
    try:
        # A double click sends two joins at once: the unique constraint keeps one, the other finds it.
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        existing = _membership(session, school_class.id, student.id)
        if existing is None:
            raise
        return existing
    return member


def _member_of(session: Session, school_class: SchoolClass, member_id: int) -> ClassMember:
    member = session.scalar(
        select(ClassMember)
        .options(joinedload(ClassMember.user))
        .where(ClassMember.id == member_id, ClassMember.class_id == school_class.id)
    )
    if member is None:
        raise NotFound(NO_SUCH_MEMBER)
    return member


def remove_member(session: Session, school_class: SchoolClass, member_id: int, *, actor: User) -> User:
    """Take a student out of the class; the student who was removed. Their past attempts stay."""
    member = _member_of(session, school_class, member_id)
    student = member.user
    session.delete(member)
    record(
        session,
        actor,
        "class.member_remove",
        school_class,
        f"Removed {student.display_name} ({student.username}) from class {quoted(school_class.name)}",
        {"student": student.username, "extra_time_percent": member.extra_time_percent},
    )
    session.flush()
    return student


def check_extra_time(percent: object) -> int:
    if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= EXTRA_TIME_MAX:
        raise InvalidClassData(f"Extra time is a whole number of percent from 0 to {EXTRA_TIME_MAX}.")
    return percent


def set_extra_time(
    session: Session, school_class: SchoolClass, member_id: int, percent: int, *, actor: User
) -> ClassMember:
    """Set a member's extra time on timed quizzes of this class (25 = a quarter more); the membership."""
    value = check_extra_time(percent)
    member = _member_of(session, school_class, member_id)
    if member.extra_time_percent != value:
        record(
            session,
            actor,
            "class.extra_time",
            school_class,
            f"{member.user.display_name} ({member.user.username}) has {value}% extra time in class "
            f"{quoted(school_class.name)}",
            {"student": member.user.username, "extra_time_percent": change(member.extra_time_percent, value)},
        )
    member.extra_time_percent = value
    session.flush()
    return member


def members_of(session: Session, school_class: SchoolClass) -> Sequence[ClassMember]:
    """The class's members with their users loaded, by name (one query)."""
    return session.scalars(
        select(ClassMember)
        .join(ClassMember.user)
        .options(contains_eager(ClassMember.user))
        .where(ClassMember.class_id == school_class.id)
        .order_by(func.lower(User.display_name), User.username)
    ).all()


def classes_of_student(session: Session, student: User) -> Sequence[SchoolClass]:
    """The classes the student is in, with their teachers, by name."""
    return session.scalars(
        select(SchoolClass)
        .join(ClassMember, ClassMember.class_id == SchoolClass.id)
        .options(joinedload(SchoolClass.teacher))
        .where(ClassMember.user_id == student.id)
        .order_by(SchoolClass.name, SchoolClass.id)
    ).all()
