"""Archiving a class, a new join code, and a student's own classes through the API: the class pages' services."""

from __future__ import annotations

import pytest

from quizapp.classes import services
from quizapp.classes.models import SchoolClass
from quizapp.extensions import db
from tests.api.conftest import bearer
from tests.factories import class_with, user


@pytest.fixture
def school_class(users) -> SchoolClass:  # type: ignore[no-untyped-def]
    made = class_with(users.teacher, [users.student])
    db.session.commit()
    return made


def test_archive_and_unarchive(client, teacher_headers, school_class, users) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/classes/{school_class.id}"
    archived = client.post(url + "/archive", headers=teacher_headers)
    assert archived.status_code == 200
    assert archived.get_json()["is_archived"] is True
    assert client.post(url + "/archive", headers=teacher_headers).get_json()["is_archived"] is True  # no change
    db.session.expire_all()
    with pytest.raises(services.ClassClosed):
        services.join_class(db.session, user(users.other_student), school_class.join_code)
    db.session.rollback()
    reopened = client.post(url + "/unarchive", headers=teacher_headers)
    assert reopened.status_code == 200
    assert reopened.get_json()["is_archived"] is False
    assert client.get(url, headers=teacher_headers).get_json()["is_archived"] is False


def test_a_new_join_code_replaces_the_old_one(client, teacher_headers, school_class, users) -> None:  # type: ignore[no-untyped-def]
    old = school_class.join_code
    response = client.post(f"/api/v1/classes/{school_class.id}/join-code", headers=teacher_headers)
    assert response.status_code == 200
    new = response.get_json()["join_code"]
    assert new != old
    assert len(new) == services.CODE_LENGTH
    assert client.get(f"/api/v1/classes/{school_class.id}", headers=teacher_headers).get_json()["join_code"] == new
    db.session.expire_all()
    with pytest.raises(services.UnknownCode):
        services.join_class(db.session, user(users.other_student), old)
    db.session.rollback()
    assert services.join_class(db.session, user(users.other_student), new).class_id == school_class.id


@pytest.mark.parametrize("action", ["archive", "unarchive", "join-code"])
def test_only_the_owner_may_change_a_class(client, make_token, school_class, users, action: str) -> None:  # type: ignore[no-untyped-def]
    url = f"/api/v1/classes/{school_class.id}/{action}"
    before = (school_class.join_code, school_class.is_archived)
    for username in (users.other_teacher, users.admin):
        response = client.post(url, headers=bearer(make_token(username)))
        assert response.status_code == 404, username
        assert response.get_json()["error"]["code"] == "not_found"
    read_only = client.post(url, headers=bearer(make_token(users.teacher, write=False)))
    assert read_only.status_code == 403
    assert read_only.get_json()["error"]["code"] == "insufficient_scope"
    student = client.post(url, headers=bearer(make_token(users.student, write=False)))
    assert student.status_code == 403
    db.session.expire_all()
    changed = db.session.get(SchoolClass, school_class.id)
    assert (changed.join_code, changed.is_archived) == before


def test_a_student_sees_the_classes_they_are_in(client, student_headers, make_token, school_class, users) -> None:  # type: ignore[no-untyped-def]
    class_with(users.other_teacher, [users.other_student], code="OTHER234")
    db.session.commit()
    response = client.get("/api/v1/me/classes", headers=student_headers)
    assert response.status_code == 200
    teacher = user(users.teacher).display_name
    assert response.get_json() == {
        "classes": [{"id": school_class.id, "name": "7B", "teacher": teacher, "is_archived": False}]
    }
    assert "join_code" not in response.get_data(as_text=True)
    other = client.get("/api/v1/me/classes", headers=bearer(make_token(users.other_student, write=False)))
    assert [c["id"] for c in other.get_json()["classes"]] != [school_class.id]
