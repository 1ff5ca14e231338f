"""Accounts made for someone and role changes are logged, from the admin page and from `flask users`."""

from __future__ import annotations

from flask.testing import FlaskClient, FlaskCliRunner

from tests.audit.logged import actions, logged
from tests.factories import user
from tests.support import post_form

NEW_TEACHER = {
    "username": "ana",
    "display_name": "Ana Berg",
    "role": "teacher",
    "password": "long enough password",
    "confirm": "long enough password",
}


def test_an_admin_creating_accounts_and_changing_roles_is_logged(admin_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    admin = user(users.admin)
    taken = post_form(
        admin_client, "/admin/users", {**NEW_TEACHER, "username": users.student}, token_from="/admin/users"
    )
    assert taken.status_code == 409
    last_admin = post_form(
        admin_client, f"/admin/users/{admin.id}/role", {f"u{admin.id}-role": "teacher"}, token_from="/admin/users"
    )
    assert last_admin.status_code == 302
    assert user(users.admin).role == "admin"
    assert logged() == []

    assert post_form(admin_client, "/admin/users", NEW_TEACHER, token_from="/admin/users").status_code == 302
    [created] = logged()
    ana = user("ana")
    assert (created.action, created.subject_type, created.subject_id) == ("user.create", "user", ana.id)
    assert (created.actor_id, created.owner_id, created.details) == (admin.id, ana.id, {"role": "teacher"})

    student = user(users.student)
    url = f"/admin/users/{student.id}/role"
    post_form(admin_client, url, {f"u{student.id}-role": "student"}, token_from="/admin/users")  # no change
    post_form(admin_client, url, {f"u{student.id}-role": "teacher"}, token_from="/admin/users")
    assert actions() == ["user.create", "user.role"]
    changed = logged("user.role")[0]
    assert (changed.subject_id, changed.actor_id) == (student.id, admin.id)
    assert changed.details == {"role": {"old": "student", "new": "teacher"}}


def test_the_users_command_is_logged_as_the_server_not_an_account(runner: FlaskCliRunner, users) -> None:  # type: ignore[no-untyped-def]
    assert runner.invoke(args=["users", "set-role", "nobody", "teacher"]).exit_code == 1
    assert runner.invoke(args=["users", "create", "cyd", "--password", "short"]).exit_code == 1
    assert logged() == []
    created = runner.invoke(args=["users", "create", "cyd", "--role", "admin", "--password", "long enough pw"])
    assert created.exit_code == 0, created.output
    assert runner.invoke(args=["users", "set-role", users.teacher, "admin"]).exit_code == 0
    made, promoted = logged()
    assert (made.action, made.subject_id, made.details) == ("user.create", user("cyd").id, {"role": "admin"})
    assert (promoted.action, promoted.subject_id) == ("user.role", user(users.teacher).id)
    assert promoted.details == {"role": {"old": "teacher", "new": "admin"}}
    for entry in (made, promoted):
        assert entry.actor_id is None
        assert entry.actor_name.startswith("flask users on the server (")
