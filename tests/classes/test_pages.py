"""Class pages through the test client: create, join, members, quizzes; bad input and others' classes change nothing."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.classes import services
from quizapp.classes.models import ClassMember, SchoolClass
from quizapp.extensions import db
from quizapp.quizzes import assignments
from quizapp.quizzes.models import QuizAssignment
from tests.factories import all_types_quiz, user
from tests.support import csrf_token, login, post_form


def count(model) -> int:  # type: ignore[no-untyped-def]
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def make_class(teacher_name: str, name: str = "7B", students: tuple[str, ...] = ()) -> SchoolClass:
    school_class = services.create_class(db.session, user(teacher_name), name)
    for student in students:
        services.join_class(db.session, user(student), school_class.join_code)
    db.session.commit()
    return school_class


def fresh(school_class: SchoolClass) -> SchoolClass:
    db.session.expire_all()
    return db.session.get(SchoolClass, school_class.id)  # type: ignore[return-value]


def test_nav_links_by_role(teacher_client: FlaskClient, student_client: FlaskClient) -> None:
    teacher_page = teacher_client.get("/").get_data(as_text=True)
    assert 'href="/classes/"' in teacher_page
    assert "Join a class" not in teacher_page
    student_page = student_client.get("/").get_data(as_text=True)
    assert 'href="/classes/join"' in student_page
    assert 'href="/classes/"' not in student_page


def test_teacher_creates_a_class_and_sees_its_code(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    assert b"no classes yet" in teacher_client.get("/classes/").data
    response = post_form(teacher_client, "/classes/", {"name": "  Year 9  Chemistry "}, token_from="/classes/")
    assert response.status_code == 302
    school_class = db.session.scalar(select(SchoolClass))
    assert school_class is not None
    assert school_class.name == "Year 9 Chemistry"
    assert school_class.teacher_id == user(users.teacher).id
    assert response.headers["Location"] == f"/classes/{school_class.id}"
    page = teacher_client.get(response.headers["Location"]).get_data(as_text=True)
    assert school_class.join_code in page
    assert "font-monospace" in page
    assert "go to <strong>Join a class</strong> and type this code" in page
    listing = teacher_client.get("/classes/").get_data(as_text=True)
    assert "Year 9 Chemistry" in listing
    assert school_class.join_code in listing


def test_bad_class_names_get_a_message_keep_the_text_and_create_nothing(teacher_client: FlaskClient) -> None:
    response = post_form(teacher_client, "/classes/", {"name": ""}, token_from="/classes/")
    assert response.status_code == 400
    assert b"This field is required." in response.data
    long_name = "Ninth grade " * 20
    response = post_form(teacher_client, "/classes/", {"name": long_name}, token_from="/classes/")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "longer than 120 characters" in html
    assert f'value="{long_name}"' in html
    assert count(SchoolClass) == 0


def test_student_joins_with_the_code_and_sees_the_class_quiz(
    teacher_client: FlaskClient, student_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, visibility="class", title="Canal class quiz")
    school_class = make_class(users.teacher)
    code = school_class.join_code
    assert b"Canal class quiz" not in student_client.get("/").data
    join_page = student_client.get("/classes/join")
    assert join_page.status_code == 200
    assert b'<label class="form-label" for="code">Join code</label>' in join_page.data
    response = post_form(
        student_client, "/classes/join", {"code": f" {code[:4].lower()}-{code[4:]} "}, token_from="/classes/join"
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "You are in 7B" in student_client.get("/").get_data(as_text=True)
    assert b"7B" in student_client.get("/classes/join").data
    # The teacher sees the student and assigns the quiz from the class page.
    assert user(users.student).display_name.encode() in teacher_client.get(f"/classes/{school_class.id}").data
    response = post_form(
        teacher_client, f"/classes/{school_class.id}/quizzes", {"quiz_id": str(quiz.id)}, token_from="/classes/"
    )
    assert response.status_code == 302
    assert b"Canal class quiz" in student_client.get("/").data
    assert student_client.get(f"/quizzes/{quiz.id}").status_code == 200
    # Another student, not in the class, does not see it.
    other = student_client.application.test_client()
    login(other, users.other_student)
    assert b"Canal class quiz" not in other.get("/").data
    # Joining again is harmless.
    response = post_form(student_client, "/classes/join", {"code": code}, token_from="/classes/join")
    assert response.status_code == 302
    assert count(ClassMember) == 1


def test_join_with_a_bad_code_says_why_and_keeps_it(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    make_class(users.teacher)
    response = post_form(student_client, "/classes/join", {"code": "wrong-code"}, token_from="/classes/join")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "No class has this code. Check it with your teacher." in html
    assert 'value="wrong-code"' in html
    response = post_form(student_client, "/classes/join", {"code": "  "}, token_from="/classes/join")
    assert response.status_code == 400
    assert b"Type the code your teacher gave you." in response.data
    response = post_form(student_client, "/classes/join", {"code": "X" * 500}, token_from="/classes/join")
    assert response.status_code == 400
    assert b"longer than 32 characters" in response.data
    assert count(ClassMember) == 0


def test_archived_class_refuses_joining(teacher_client: FlaskClient, student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    school_class = make_class(users.teacher)
    response = post_form(teacher_client, f"/classes/{school_class.id}/archive", {}, token_from="/classes/")
    assert response.status_code == 302
    assert fresh(school_class).is_archived
    response = post_form(student_client, "/classes/join", {"code": school_class.join_code}, token_from="/classes/join")
    assert response.status_code == 409
    assert b"archived" in response.data
    assert count(ClassMember) == 0
    post_form(teacher_client, f"/classes/{school_class.id}/archive", {}, token_from="/classes/")
    assert not fresh(school_class).is_archived


def test_teacher_manages_members(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    school_class = make_class(users.teacher, students=(users.student, users.other_student))
    member = db.session.scalar(select(ClassMember).where(ClassMember.user_id == user(users.student).id))
    assert member is not None
    page = teacher_client.get(f"/classes/{school_class.id}").get_data(as_text=True)
    # Each row's field has its own (visually hidden) label.
    assert f'<label class="visually-hidden" for="m{member.id}-percent">' in page
    assert "table-responsive" in page
    token = csrf_token(teacher_client, "/classes/")
    url = f"/classes/{school_class.id}/members/{member.id}/extra-time"
    response = teacher_client.post(url, data={f"m{member.id}-percent": "50", f"m{member.id}-csrf_token": token})
    assert response.status_code == 302
    db.session.expire_all()
    assert member.extra_time_percent == 50
    for bad, message in (
        ("401", "from 0 to 400"),
        ("-5", "from 0 to 400"),
        ("lots", "Not a valid integer"),
        ("", "0 to 400"),
    ):
        response = teacher_client.post(url, data={f"m{member.id}-percent": bad, f"m{member.id}-csrf_token": token})
        assert response.status_code == 400, bad
        html = response.get_data(as_text=True)
        assert message in html, bad
        assert re.search(rf'id="m{member.id}-percent"[^>]*value="{re.escape(bad)}"', html) or bad == "", bad
        db.session.expire_all()
        assert member.extra_time_percent == 50
    member_id = member.id
    response = post_form(teacher_client, f"/classes/{school_class.id}/members/{member_id}/remove", {})
    assert response.status_code == 302
    assert count(ClassMember) == 1
    assert db.session.get(ClassMember, member_id) is None
    # Removing again: the member is gone.
    assert post_form(teacher_client, f"/classes/{school_class.id}/members/{member_id}/remove", {}).status_code == 404


def test_regenerate_code_page(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    school_class = make_class(users.teacher)
    old = school_class.join_code
    response = post_form(teacher_client, f"/classes/{school_class.id}/code", {})
    assert response.status_code == 302
    new = fresh(school_class).join_code
    assert new != old
    assert new.encode() in teacher_client.get(f"/classes/{school_class.id}").data


def test_assign_select_lists_only_own_quizzes_and_unassign(teacher_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    mine, _ = all_types_quiz(users.teacher, visibility="class", title="My quiz")
    theirs, _ = all_types_quiz(users.other_teacher, visibility="class", title="Their quiz")
    school_class = make_class(users.teacher)
    page = teacher_client.get(f"/classes/{school_class.id}").get_data(as_text=True)
    assert "My quiz" in page
    assert "Their quiz" not in page
    assert '<label class="form-label" for="quiz_id">Quiz to assign</label>' in page
    url = f"/classes/{school_class.id}/quizzes"
    response = post_form(teacher_client, url, {"quiz_id": str(theirs.id)})
    assert response.status_code == 400
    assert b"Not a valid choice" in response.data
    assert count(QuizAssignment) == 0
    for _ in range(2):
        assert post_form(teacher_client, url, {"quiz_id": str(mine.id)}).status_code == 302
    assert count(QuizAssignment) == 1
    unassign = f"/classes/{school_class.id}/quizzes/{mine.id}/remove"
    for _ in range(2):
        assert post_form(teacher_client, unassign, {}).status_code == 302
    assert count(QuizAssignment) == 0


def test_another_teachers_class_is_404_everywhere_and_unchanged(app, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, visibility="class")
    other_quiz, _ = all_types_quiz(users.other_teacher, visibility="class", title="Other's")
    school_class = make_class(users.teacher, students=(users.student,))
    assignments.assign_quiz(db.session, school_class, quiz, user(users.teacher))
    db.session.commit()
    code, member_id = school_class.join_code, school_class.members[0].id
    base = f"/classes/{school_class.id}"
    for name in (users.other_teacher, users.admin):
        client = app.test_client()
        login(client, name)
        token = csrf_token(client, "/classes/")
        assert client.get(base).status_code == 404
        assert code.encode() not in client.get("/classes/").data
        for url, data in (
            (f"{base}/code", {}),
            (f"{base}/archive", {}),
            (
                f"{base}/members/{member_id}/extra-time",
                {f"m{member_id}-percent": "100", f"m{member_id}-csrf_token": token},
            ),
            (f"{base}/members/{member_id}/remove", {}),
            (f"{base}/quizzes", {"quiz_id": str(other_quiz.id)}),
            (f"{base}/quizzes/{quiz.id}/remove", {}),
        ):
            data.setdefault("csrf_token", token)
            assert client.post(url, data=data).status_code == 404, (name, url)
    school_class = fresh(school_class)
    assert school_class.join_code == code
    assert not school_class.is_archived
    assert [(m.id, m.extra_time_percent) for m in school_class.members] == [(member_id, 0)]
    assert [a.quiz_id for a in assignments.assigned_quizzes(db.session, school_class)] == [quiz.id]


def test_students_get_403_on_teacher_pages_and_teachers_on_join(
    student_client: FlaskClient, teacher_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    school_class = make_class(users.teacher, students=(users.student,))
    assert student_client.get("/classes/").status_code == 403
    assert student_client.get(f"/classes/{school_class.id}").status_code == 403
    assert post_form(student_client, f"/classes/{school_class.id}/code", {}).status_code == 403
    assert teacher_client.get("/classes/join").status_code == 403


def test_posts_without_csrf_token_are_refused_and_change_nothing(
    teacher_client: FlaskClient, student_client: FlaskClient, users
) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, visibility="class")
    school_class = make_class(users.teacher, students=(users.other_student,))
    member_id = school_class.members[0].id
    code = school_class.join_code
    base = f"/classes/{school_class.id}"
    for url, data in (
        ("/classes/", {"name": "No token"}),
        (f"{base}/code", {}),
        (f"{base}/archive", {}),
        (f"{base}/members/{member_id}/extra-time", {f"m{member_id}-percent": "100"}),
        (f"{base}/members/{member_id}/remove", {}),
        (f"{base}/quizzes", {"quiz_id": str(quiz.id)}),
    ):
        response = teacher_client.post(url, data=data)
        assert response.status_code == 400, url
        assert b"security token" in response.data
    response = student_client.post("/classes/join", data={"code": code})
    assert response.status_code == 400
    assert count(SchoolClass) == 1
    assert count(QuizAssignment) == 0
    school_class = fresh(school_class)
    assert school_class.join_code == code
    assert not school_class.is_archived
    assert [(m.id, m.extra_time_percent) for m in school_class.members] == [(member_id, 0)]
