"""The audit log is append-only, knows its actions, and lives and dies with the transaction of its action."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import delete, text, update
from sqlalchemy.exc import IntegrityError

from quizapp.audit import services as audit
from quizapp.audit.models import ACTIONS, AuditEvent, AuditLogIsAppendOnly
from quizapp.auth.models import User
from quizapp.extensions import db
from tests.audit.logged import logged
from tests.factories import QUESTIONS, make_document, make_question, user


def one_event(users) -> AuditEvent:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), QUESTIONS[0], status="draft")
    entry = audit.record(db.session, teacher, "question.approve", question, "Approved it", {"note": "fine"})
    db.session.commit()
    return entry


def test_an_event_cannot_be_changed_or_deleted_through_the_app(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    entry = one_event(users)
    entry.summary = "Nothing happened"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, entry.id))
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.execute(update(AuditEvent).values(summary="rewritten"))
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.execute(delete(AuditEvent))
    db.session.rollback()
    [kept] = logged()
    assert kept.summary == "Approved it"


def test_the_log_pages_only_read(app: Flask) -> None:
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("audit.")]
    assert rules, "the audit blueprint has no routes"
    for rule in rules:
        assert set(rule.methods or ()) <= {"GET", "HEAD", "OPTIONS"}, rule


def test_an_event_is_rolled_back_with_its_action(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    teacher = user(users.teacher)
    question = make_question(teacher, make_document(teacher), QUESTIONS[0], status="draft")
    db.session.commit()
    question.status = "approved"
    audit.record(db.session, teacher, "question.approve", question, "Approved it")
    db.session.flush()
    db.session.rollback()
    assert logged() == []


def test_record_names_the_subject_its_owner_and_the_actor(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    teacher, admin = user(users.teacher), user(users.admin)
    question = make_question(teacher, make_document(teacher), QUESTIONS[0], status="draft")
    audit.record(db.session, admin, "question.approve", question, "  Approved\n  it ", {"when": question.created_at})
    audit.record(db.session, None, "user.role", teacher, "Role changed", actor_name="flask users on the server")
    db.session.commit()
    by_admin, by_system = logged()
    assert (by_admin.subject_type, by_admin.subject_id, by_admin.owner_id) == ("question", question.id, teacher.id)
    assert (by_admin.actor_id, by_admin.actor_name) == (admin.id, "admin (admin)")
    assert by_admin.summary == "Approved it"
    assert by_admin.details["when"] == question.created_at.isoformat()  # kept as JSON text
    assert by_admin.occurred_at.tzinfo is not None
    assert (by_system.actor_id, by_system.actor_name) == (None, "flask users on the server")
    assert (by_system.subject_type, by_system.owner_id) == ("user", teacher.id)
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record(db.session, admin, "question.vanish", question, "Gone")


def test_the_actor_name_outlives_the_account(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    other = user(users.other_teacher)
    audit.record(db.session, other, "user.role", user(users.student), "Role changed")
    db.session.commit()
    db.session.execute(delete(User).where(User.id == other.id))
    db.session.commit()
    [entry] = logged()
    assert entry.actor_id is None
    assert entry.actor_name == "teach2 (teach2)"


def test_the_database_refuses_an_unknown_action(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    insert = text(
        "INSERT INTO audit_events (occurred_at, actor_name, action, subject_type, subject_id, summary, details) "
        "VALUES (CURRENT_TIMESTAMP, 'x', :action, 'question', 1, 'x', '{}')"
    )
    db.session.execute(insert, {"action": "question.approve"})
    db.session.commit()
    with pytest.raises(IntegrityError):
        db.session.execute(insert, {"action": "question.vanish"})
    db.session.rollback()
    assert len(logged()) == 1


def test_the_migrated_database_accepts_every_action_the_model_knows(app: Flask) -> None:
    """Autogenerate does not compare CHECK constraints: this catches a new action added without its migration."""
    for action in ACTIONS:
        db.session.execute(
            text(
                "INSERT INTO audit_events (occurred_at, actor_name, action, subject_type, subject_id, summary, details)"
                " VALUES (CURRENT_TIMESTAMP, 'x', :action, 'quiz', 1, 'x', '{}')"
            ),
            {"action": action},
        )
    db.session.commit()
    assert sorted(entry.action for entry in logged()) == sorted(ACTIONS)
