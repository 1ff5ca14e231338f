"""Classes: create one, see its members and join code, archive it, give it a new join code, remove a member or
set their extra time, give or take away a quiz. A student's own classes are under /me/classes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from flask_login import current_user
from pydantic import Field

from quizapp.access import STAFF, STUDENT
from quizapp.api.blueprint import V1, api
from quizapp.api.schemas import Id, Input, Output, printable
from quizapp.classes import services
from quizapp.classes.models import SchoolClass
from quizapp.extensions import db
from quizapp.quizzes import assignments
from quizapp.quizzes.services import quiz_of_teacher


class NewClass(Input):
    name: Annotated[str, printable(120, min_length=1)]


class ExtraTime(Input):
    extra_time_percent: Annotated[int, Field(ge=0, le=services.EXTRA_TIME_MAX, description="25: a quarter more time")]


class Assignment(Input):
    quiz_id: Id


class ClassSummary(Output):
    id: int
    name: str
    join_code: str = Field(description="students join the class with it")
    is_archived: bool
    members: int


class ClassList(Output):
    classes: list[ClassSummary]


class Member(Output):
    id: int = Field(description="the membership (use it to remove the student)")
    student_id: int
    username: str
    display_name: str
    extra_time_percent: int
    joined_at: datetime


class AssignedQuiz(Output):
    quiz_id: int
    title: str
    assigned_at: datetime


class ClassDetail(Output):
    id: int
    name: str
    join_code: str
    is_archived: bool
    created_at: datetime
    members: list[Member]
    quizzes: list[AssignedQuiz]


class StudentClass(Output):
    id: int
    name: str
    teacher: str = Field(description="the teacher's display name")
    is_archived: bool


class StudentClassList(Output):
    classes: list[StudentClass]


def detail(school_class: SchoolClass) -> ClassDetail:
    return ClassDetail(
        id=school_class.id,
        name=school_class.name,
        join_code=school_class.join_code,
        is_archived=school_class.is_archived,
        created_at=school_class.created_at,
        members=[
            Member(
                id=member.id,
                student_id=member.user_id,
                username=member.user.username,
                display_name=member.user.display_name,
                extra_time_percent=member.extra_time_percent,
                joined_at=member.joined_at,
            )
            for member in services.members_of(db.session, school_class)
        ],
        quizzes=[
            AssignedQuiz(quiz_id=a.quiz_id, title=a.quiz.title, assigned_at=a.assigned_at)
            for a in assignments.assigned_quizzes(db.session, school_class)
        ],
    )


@api.operation("GET", V1 + "/classes", tag="classes", roles=STAFF, response=ClassList)
def list_classes() -> ClassList:
    """Your classes, open ones first, with member counts."""
    found = services.classes_of(db.session, current_user)
    return ClassList(
        classes=[
            ClassSummary(
                id=s.school_class.id,
                name=s.school_class.name,
                join_code=s.school_class.join_code,
                is_archived=s.school_class.is_archived,
                members=s.member_count,
            )
            for s in found
        ]
    )


@api.operation("POST", V1 + "/classes", tag="classes", roles=STAFF, body=NewClass, response=ClassDetail, status=201)
def create_class(body: NewClass) -> ClassDetail:
    """Create a class with a fresh join code."""
    return detail(services.create_class(db.session, current_user, body.name))


@api.operation("GET", V1 + "/classes/<id:class_id>", tag="classes", roles=STAFF, response=ClassDetail)
def get_class(class_id: int) -> ClassDetail:
    """One of your classes: its members and the quizzes it was given."""
    return detail(services.class_for_teacher(db.session, class_id, current_user))


@api.operation("POST", V1 + "/classes/<id:class_id>/archive", tag="classes", roles=STAFF, response=ClassDetail)
def archive_class(class_id: int) -> ClassDetail:
    """Archive one of your classes: no one can join it any more; its members and quizzes stay.

    Archiving an archived class changes nothing.
    """
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    return detail(services.set_archived(db.session, school_class, True))


@api.operation("POST", V1 + "/classes/<id:class_id>/unarchive", tag="classes", roles=STAFF, response=ClassDetail)
def unarchive_class(class_id: int) -> ClassDetail:
    """Open an archived class again: students can join it with its code."""
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    return detail(services.set_archived(db.session, school_class, False))


@api.operation("POST", V1 + "/classes/<id:class_id>/join-code", tag="classes", roles=STAFF, response=ClassDetail)
def regenerate_join_code(class_id: int) -> ClassDetail:
    """Give the class a new join code: the old one stops working; students already in stay in."""
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    services.regenerate_code(db.session, school_class)
    return detail(school_class)


@api.operation("DELETE", V1 + "/classes/<id:class_id>/members/<id:member_id>", tag="classes", roles=STAFF, status=204)
def remove_member(class_id: int, member_id: int) -> None:
    """Take a student out of the class (their past attempts stay)."""
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    services.remove_member(db.session, school_class, member_id, actor=current_user)


@api.operation(
    "PATCH",
    V1 + "/classes/<id:class_id>/members/<id:member_id>",
    tag="classes",
    roles=STAFF,
    body=ExtraTime,
    response=ClassDetail,
)
def set_extra_time(class_id: int, member_id: int, body: ExtraTime) -> ClassDetail:
    """Give a member extra time on the class's timed quizzes."""
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    services.set_extra_time(db.session, school_class, member_id, body.extra_time_percent, actor=current_user)
    return detail(school_class)


@api.operation(
    "POST", V1 + "/classes/<id:class_id>/quizzes", tag="classes", roles=STAFF, body=Assignment, response=ClassDetail
)
def assign_quiz(class_id: int, body: Assignment) -> ClassDetail:
    """Give one of your quizzes to the class (giving it twice changes nothing)."""
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    quiz = quiz_of_teacher(db.session, body.quiz_id, current_user)
    assignments.assign_quiz(db.session, school_class, quiz, current_user)
    return detail(school_class)


@api.operation("DELETE", V1 + "/classes/<id:class_id>/quizzes/<id:quiz_id>", tag="classes", roles=STAFF, status=204)
def unassign_quiz(class_id: int, quiz_id: int) -> None:
    """Take a quiz away from the class (attempts already made are kept)."""
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    assignments.unassign_quiz(db.session, school_class, quiz.id, actor=current_user)


@api.operation("GET", V1 + "/me/classes", tag="me", roles=STUDENT, response=StudentClassList)
def my_classes() -> StudentClassList:
    """The classes you are in, as the Join a class page lists them (read only; join on that page)."""
    return StudentClassList(
        classes=[
            StudentClass(id=c.id, name=c.name, teacher=c.teacher.display_name, is_archived=c.is_archived)
            for c in services.classes_of_student(db.session, current_user)
        ]
    )
