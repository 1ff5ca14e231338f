"""One row per action that changed grades or trust. Rows are only ever added.

The actor's name is copied into the row so the record still says who acted
after the account is gone; ``owner_id`` is the teacher whose object it was, so
a teacher can be shown the events about their own questions, quizzes and classes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from quizapp.models import JSONType, UTCDateTime, db, one_of, utcnow

# The code of every action the log knows, with the words a reader sees. Adding one needs a migration
# (the CHECK below), which is the point: an action nobody listed cannot slip into the log unnoticed.
ACTIONS: dict[str, str] = {
    "question.create": "Question written",
    "question.import": "Question imported",
    "question.approve": "Question approved",
    "question.reject": "Question rejected",
    "question.edit": "Question edited",
    "question.sent_back": "Question sent back to review",
    "question.regrade": "Past attempts regraded",
    "flag.resolve": "Student flag resolved",
    "attempt.close_overdue": "Attempt closed at its deadline",
    "attempt.mark": "Answer marked by the teacher",
    "quiz.publish": "Quiz published",
    "quiz.unpublish": "Quiz unpublished",
    "quiz.duplicate": "Quiz duplicated",
    "quiz.settings": "Quiz grading settings changed",
    "quiz.rule_remove": "Quiz rule removed",
    "class.member_remove": "Student removed from class",
    "class.extra_time": "Extra time changed",
    "class.quiz_unassign": "Quiz taken away from class",
    "user.create": "Account created",
    "user.role": "Role changed",
    "api_token.create": "API token created",
    "api_token.revoke": "API token revoked",
    "user.disable": "Account disabled",
    "user.enable": "Account enabled again",
    "user.temporary_password": "Temporary password set",
    "user.lms_link": "LMS account linked",
}
SUBJECT_TYPES = ("question", "quiz", "class", "attempt", "user")
ACTOR_NAME_MAX = 160
SUMMARY_MAX = 500


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    __table_args__ = (
        CheckConstraint(one_of("action", tuple(ACTIONS)), name="action_known"),
        CheckConstraint(one_of("subject_type", SUBJECT_TYPES), name="subject_type_known"),
        # The log is read newest first: all of it (admins), a teacher's objects or actions, one subject's history.
        Index("ix_audit_events_occurred_at", "occurred_at"),
        Index("ix_audit_events_owner_id_occurred_at", "owner_id", "occurred_at"),
        Index("ix_audit_events_actor_id_occurred_at", "actor_id", "occurred_at"),
        Index("ix_audit_events_subject", "subject_type", "subject_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(ACTOR_NAME_MAX))
    action: Mapped[str] = mapped_column(String(40))
    subject_type: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column()
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    summary: Mapped[str] = mapped_column(String(SUMMARY_MAX))
    # Before and after values where they matter: {"role": {"old": "student", "new": "teacher"}, ...}.
    details: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict, server_default="{}")

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)


class AuditLogIsAppendOnly(RuntimeError):
    """Something tried to change or delete an audit event: a programming error, never a user's."""


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(_mapper: Any, _connection: Any, target: AuditEvent) -> None:
    raise AuditLogIsAppendOnly(f"audit event {target.id} cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(_mapper: Any, _connection: Any, target: AuditEvent) -> None:
    raise AuditLogIsAppendOnly(f"audit event {target.id} cannot be deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state: ORMExecuteState) -> None:
    # update(AuditEvent) / delete(AuditEvent) statements bypass the two hooks above.
    if (state.is_update or state.is_delete) and any(mapper.class_ is AuditEvent for mapper in state.all_mappers):
        raise AuditLogIsAppendOnly("audit events cannot be changed or deleted")
