"""Classes through the services, with a real database and no request: codes, joining, members, quizzes."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quizapp.classes import services
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.exceptions import Forbidden, NotFound
from quizapp.extensions import db
from quizapp.quizzes import assignments
from quizapp.quizzes import services as quiz_lookups
from quizapp.quizzes.models import QuizAssignment
from quizapp.quizzes.services import extra_time_by_quiz, visible_quizzes
from tests.factories import all_types_quiz, user


def members_count() -> int:
    return db.session.scalar(select(func.count()).select_from(ClassMember)) or 0


def test_create_class_makes_a_code_from_the_unambiguous_alphabet(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "  7B   History ")
    db.session.commit()
    assert school_class.name == "7B History"
    assert school_class.teacher_id == user(users.teacher).id
    assert len(school_class.join_code) == 8
    assert set(school_class.join_code) <= set(services.CODE_ALPHABET)
    assert not set("01IO") & set(services.CODE_ALPHABET)


def test_class_names_are_checked(app, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    for bad in ("", "   ", "x" * (services.NAME_MAX + 1)):
        with pytest.raises(services.InvalidClassData, match="1 to 120"):
            services.create_class(db.session, teacher, bad)
    with pytest.raises(Forbidden):
        services.create_class(db.session, user(users.student), "Mine")
    assert db.session.scalar(select(func.count()).select_from(SchoolClass)) == 0


def test_codes_are_unique_and_a_collision_is_retried(app, users, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    codes = {services.create_class(db.session, teacher, f"Class {n}").join_code for n in range(30)}
    assert len(codes) == 30
    taken = next(iter(codes))
    # The generator first repeats a code in use, then gives a fresh one: the class gets the fresh one.
    sequence = iter([taken, taken, "FRESHAB2"])
    monkeypatch.setattr(services, "new_code", lambda: next(sequence))
    assert services.create_class(db.session, teacher, "Late").join_code == "FRESHAB2"
    db.session.commit()


def test_regenerate_code_replaces_the_old_one(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "7B")
    old = school_class.join_code
    new = services.regenerate_code(db.session, school_class)
    db.session.commit()
    assert new != old
    assert school_class.join_code == new
    with pytest.raises(services.UnknownCode):
        services.join_class(db.session, user(users.student), old)
    assert services.join_class(db.session, user(users.student), new).class_id == school_class.id


def test_join_accepts_a_messy_code_and_joining_twice_changes_nothing(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "7B")
    code = school_class.join_code
    messy = f"  {code[:4].lower()} - {code[4:].lower()}\t"
    member = services.join_class(db.session, user(users.student), messy)
    db.session.commit()
    assert member.class_id == school_class.id
    assert member.extra_time_percent == 0
    services.set_extra_time(db.session, school_class, member.id, 50, actor=school_class.teacher)
    again = services.join_class(db.session, user(users.student), code)
    db.session.commit()
    assert again.id == member.id
    assert again.extra_time_percent == 50  # a second join does not reset anything
    assert members_count() == 1


def test_unknown_or_blank_code_is_refused_with_a_clear_message(app, users) -> None:  # type: ignore[no-untyped-def]
    services.create_class(db.session, user(users.teacher), "7B")
    for code in ("NOPE2345", "", " - "):
        with pytest.raises(services.UnknownCode, match=re.escape(services.UNKNOWN_CODE)):
            services.join_class(db.session, user(users.student), code)
    assert members_count() == 0


def test_archived_class_takes_no_new_members(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "7B")
    services.join_class(db.session, user(users.student), school_class.join_code)
    services.set_archived(db.session, school_class, True)
    with pytest.raises(services.ClassClosed, match="archived"):
        services.join_class(db.session, user(users.other_student), school_class.join_code)
    # An existing member joining again is not refused: nothing changes for them.
    assert services.join_class(db.session, user(users.student), school_class.join_code).class_id == school_class.id
    services.set_archived(db.session, school_class, False)
    services.join_class(db.session, user(users.other_student), school_class.join_code)
    assert members_count() == 2


def test_only_students_join(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "7B")
    with pytest.raises(Forbidden):
        services.join_class(db.session, user(users.other_teacher), school_class.join_code)


def test_class_for_teacher_hides_other_teachers_classes(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "7B")
    assert services.class_for_teacher(db.session, school_class.id, user(users.teacher)) is school_class
    for other in (users.other_teacher, users.admin):
        with pytest.raises(NotFound):
            services.class_for_teacher(db.session, school_class.id, user(other))
    with pytest.raises(NotFound):
        services.class_for_teacher(db.session, 999999, user(users.teacher))


def test_classes_of_lists_own_classes_with_counts(app, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    b = services.create_class(db.session, teacher, "B class")
    services.create_class(db.session, teacher, "A class")
    services.create_class(db.session, user(users.other_teacher), "Not mine")
    services.join_class(db.session, user(users.student), b.join_code)
    services.join_class(db.session, user(users.other_student), b.join_code)
    quiz, _ = all_types_quiz(users.teacher)
    assignments.assign_quiz(db.session, b, quiz, teacher)
    summaries = services.classes_of(db.session, teacher)
    quizzes = assignments.quiz_counts(db.session, [s.school_class.id for s in summaries])
    assert [(s.school_class.name, s.member_count, quizzes[s.school_class.id]) for s in summaries] == [
        ("A class", 0, 0),
        ("B class", 2, 1),
    ]
    assert services.classes_of(db.session, user(users.admin)) == []


def test_members_by_name_and_remove(app, users) -> None:  # type: ignore[no-untyped-def]
    school_class = services.create_class(db.session, user(users.teacher), "7B")
    user(users.student).display_name = "zoe"
    user(users.other_student).display_name = "Adam"
    first = services.join_class(db.session, user(users.student), school_class.join_code)
    services.join_class(db.session, user(users.other_student), school_class.join_code)
    db.session.commit()
    assert [m.user.display_name for m in services.members_of(db.session, school_class)] == ["Adam", "zoe"]
    removed = services.remove_member(db.session, school_class, first.id, actor=school_class.teacher)
    db.session.commit()
    assert removed.username == users.student
    assert [m.user.username for m in services.members_of(db.session, school_class)] == [users.other_student]
    assert services.classes_of_student(db.session, user(users.student)) == []
    with pytest.raises(NotFound):
        services.remove_member(db.session, school_class, first.id, actor=school_class.teacher)


def test_member_of_another_class_cannot_be_touched_through_this_one(app, users) -> None:  # type: ignore[no-untyped-def]
    mine = services.create_class(db.session, user(users.teacher), "Mine")
    theirs = services.create_class(db.session, user(users.other_teacher), "Theirs")
    member = services.join_class(db.session, user(users.student), theirs.join_code)
    with pytest.raises(NotFound):
        services.remove_member(db.session, mine, member.id, actor=mine.teacher)
    with pytest.raises(NotFound):
        services.set_extra_time(db.session, mine, member.id, 50, actor=mine.teacher)
    db.session.commit()
    assert member.extra_time_percent == 0
    assert members_count() == 1


def test_extra_time_bounds_and_effect_on_quiz_time(app, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    quiz, _ = all_types_quiz(users.teacher, visibility="class", time_limit_minutes=20)
    school_class = services.create_class(db.session, teacher, "7B")
    member = services.join_class(db.session, user(users.student), school_class.join_code)
    for bad in (-1, 401, 10_000, True, 2.5, "50", None):
        with pytest.raises(services.InvalidClassData, match="0 to 400"):
            services.set_extra_time(db.session, school_class, member.id, bad, actor=school_class.teacher)  # type: ignore[arg-type]
    assert member.extra_time_percent == 0
    for good in (0, 400, 25):
        services.set_extra_time(db.session, school_class, member.id, good, actor=school_class.teacher)
    db.session.commit()
    student = user(users.student)

    def extra_time_percent(session, who, quiz):  # type: ignore[no-untyped-def]
        return extra_time_by_quiz(session, who, [quiz.id]).get(quiz.id, 0)

    # Extra time counts only for quizzes given to the class.
    assert extra_time_percent(db.session, student, quiz) == 0
    assignments.assign_quiz(db.session, school_class, quiz, teacher)
    db.session.commit()
    assert extra_time_percent(db.session, student, quiz) == 25
    assert extra_time_percent(db.session, user(users.other_student), quiz) == 0


def test_assign_and_unassign_are_idempotent(app, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    quiz, _ = all_types_quiz(users.teacher, visibility="class")
    school_class = services.create_class(db.session, teacher, "7B")
    first = assignments.assign_quiz(db.session, school_class, quiz, teacher)
    second = assignments.assign_quiz(db.session, school_class, quiz, teacher)
    db.session.commit()
    assert first.id == second.id
    assert [a.quiz_id for a in assignments.assigned_quizzes(db.session, school_class)] == [quiz.id]
    assert assignments.unassign_quiz(db.session, school_class, quiz.id, actor=school_class.teacher) is True
    assert assignments.unassign_quiz(db.session, school_class, quiz.id, actor=school_class.teacher) is False
    db.session.commit()
    assert assignments.assigned_quizzes(db.session, school_class) == []


def test_assigning_another_teachers_quiz_is_refused(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.other_teacher, visibility="class")
    teacher = user(users.teacher)
    school_class = services.create_class(db.session, teacher, "7B")
    with pytest.raises(NotFound, match="not yours"):
        assignments.assign_quiz(db.session, school_class, quiz, teacher)
    with pytest.raises(NotFound):
        quiz_lookups.quiz_of_teacher(db.session, quiz.id, teacher)
    # Nor may a teacher assign their own quiz to someone else's class.
    own_quiz, _ = all_types_quiz(users.teacher, visibility="class", title="Mine")
    theirs = services.create_class(db.session, user(users.other_teacher), "Theirs")
    with pytest.raises(NotFound):
        assignments.assign_quiz(db.session, theirs, own_quiz, teacher)
    assert db.session.scalar(select(func.count()).select_from(QuizAssignment)) == 0
    assert [q.id for q in quiz_lookups.quizzes_of_teacher(db.session, teacher)] == [own_quiz.id]


def test_a_class_quiz_is_visible_to_members_only(app, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    quiz, _ = all_types_quiz(users.teacher, visibility="class")
    school_class = services.create_class(db.session, teacher, "7B")
    services.join_class(db.session, user(users.student), school_class.join_code)
    db.session.commit()
    assert quiz not in visible_quizzes(db.session, user(users.student))
    assignments.assign_quiz(db.session, school_class, quiz, teacher)
    db.session.commit()
    assert quiz in visible_quizzes(db.session, user(users.student))
    assert quiz not in visible_quizzes(db.session, user(users.other_student))
    assignments.unassign_quiz(db.session, school_class, quiz.id, actor=school_class.teacher)
    db.session.commit()
    assert quiz not in visible_quizzes(db.session, user(users.student))


def test_classes_of_student(app, users) -> None:  # type: ignore[no-untyped-def]
    b = services.create_class(db.session, user(users.teacher), "B")
    a = services.create_class(db.session, user(users.other_teacher), "A")
    services.create_class(db.session, user(users.teacher), "Not joined")
    for school_class in (b, a):
        services.join_class(db.session, user(users.student), school_class.join_code)
    db.session.commit()
    assert [c.name for c in services.classes_of_student(db.session, user(users.student))] == ["A", "B"]


def test_normalise_code() -> None:
    assert services.normalise_code(" abcd-efgh ") == "ABCDEFGH"
    assert services.normalise_code("ab cd\u2013ef\tgh") == "ABCDEFGH"
    assert services.normalise_code("") == ""
