"""Writing the audit log inside the action's own transaction, and reading it back with its access rules.

``record`` only adds the event to the caller's session: it is committed with
the action it describes, and rolled back with it, so an event never exists
without its action and a refused action leaves none.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quizapp.audit.models import ACTIONS, ACTOR_NAME_MAX, SUBJECT_TYPES, SUMMARY_MAX, AuditEvent
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.exceptions import Forbidden
from quizapp.models import utcnow
from quizapp.request_args import id_arg, page_arg

SYSTEM = "system"
PAGE_SIZE = 50
MAX_PAGE = 10_000

# Table of the acted-on object -> (subject type in the log, path to the id of the teacher it belongs to).
SUBJECTS: dict[str, tuple[str, str]] = {
    "questions": ("question", "owner_id"),
    "quizzes": ("quiz", "owner_id"),
    "classes": ("class", "teacher_id"),
    "attempts": ("attempt", "quiz.owner_id"),
    "users": ("user", "id"),
}


def actor_label(actor: User | None) -> str:
    if actor is None:
        return SYSTEM
    return f"{actor.display_name} ({actor.username})"[:ACTOR_NAME_MAX]


def quoted(text: str, limit: int = 80) -> str:
    """A prompt or title short enough for a one-line summary."""
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def change(old: Any, new: Any) -> dict[str, Any]:
    """The before/after shape every detail of the log uses."""
    return {"old": old, "new": new}


def _jsonable(value: Any) -> Any:
    def encode(item: Any) -> Any:
        if isinstance(item, datetime | date):
            return item.isoformat()
        return str(item)

    return json.loads(json.dumps(value, default=encode))


def record(
    session: Session,
    actor: User | None,
    action: str,
    subject: Any,
    summary: str,
    details: Mapping[str, Any] | None = None,
    *,
    actor_name: str | None = None,
) -> AuditEvent:
    """Add an event about ``subject`` (a question, quiz, class, attempt or user) to the caller's transaction.

    ``actor`` None means the system (a deadline, a command run on the server); ``actor_name`` then says which.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    subject_type, owner_path = SUBJECTS[subject.__tablename__]
    if subject.id is None:
        session.flush()  # a subject made in this same transaction gets its id
    entry = AuditEvent(
        occurred_at=utcnow(),
        actor_id=actor.id if actor is not None else None,
        actor_name=(actor_name or actor_label(actor))[:ACTOR_NAME_MAX],
        action=action,
        subject_type=subject_type,
        subject_id=subject.id,
        owner_id=attrgetter(owner_path)(subject),
        summary=" ".join(summary.split())[:SUMMARY_MAX],
        details=_jsonable(dict(details or {})),
    )
    session.add(entry)
    return entry


@dataclass(frozen=True)
class LogFilter:
    action: str | None = None
    subject_type: str | None = None
    subject_id: int | None = None
    actor_id: int | None = None
    owner_id: int | None = None
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> LogFilter:
        """A filter from a page's query string; anything unknown or malformed is ignored, never an error."""
        action = args.get("action") or None
        subject_type, _, subject_id = (args.get("subject") or "").partition(":")
        return cls(
            action=action if action in ACTIONS else None,
            subject_type=subject_type if subject_type in SUBJECT_TYPES else None,
            subject_id=id_arg(subject_id) if subject_type in SUBJECT_TYPES else None,
            actor_id=id_arg(args.get("actor")),
            owner_id=id_arg(args.get("owner")),
            page=page_arg(args.get("page"), last=MAX_PAGE),
        )

    @property
    def subject(self) -> str:
        if self.subject_type is None:
            return ""
        return self.subject_type if self.subject_id is None else f"{self.subject_type}:{self.subject_id}"

    def args(self, **override: Any) -> dict[str, Any]:
        """Query-string values for a link to this filter (e.g. the next page)."""
        values = {
            "action": self.action,
            "subject": self.subject or None,
            "actor": self.actor_id,
            "owner": self.owner_id,
            "page": self.page,
        }
        values.update(override)
        if values["page"] == 1:
            del values["page"]
        return {key: value for key, value in values.items() if value not in (None, "")}


@dataclass
class LogPage:
    events: list[AuditEvent]
    filter: LogFilter
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.filter.page > 1


def read_log(session: Session, reader: User, flt: LogFilter, *, page_size: int = PAGE_SIZE) -> LogPage:
    """One page of the events the reader may see, newest first, in one query.

    Admins see every event; a teacher sees the events about their own objects and
    the events of their own actions, whatever the filter asks for; a student none.
    """
    if not reader.is_staff:
        raise Forbidden("Only teachers and admins can read the audit log.")
    query = select(AuditEvent)
    if reader.role != Role.ADMIN:
        query = query.where(or_(AuditEvent.owner_id == reader.id, AuditEvent.actor_id == reader.id))
    if flt.action:
        query = query.where(AuditEvent.action == flt.action)
    if flt.subject_type:
        query = query.where(AuditEvent.subject_type == flt.subject_type)
    if flt.subject_id is not None:
        query = query.where(AuditEvent.subject_id == flt.subject_id)
    if flt.actor_id is not None:
        query = query.where(AuditEvent.actor_id == flt.actor_id)
    if flt.owner_id is not None:
        query = query.where(AuditEvent.owner_id == flt.owner_id)
    query = (
        query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .offset((flt.page - 1) * page_size)
        .limit(page_size + 1)  # one more than shown tells whether an older page exists, without a count
    )
    rows = list(session.scalars(query))
    return LogPage(events=rows[:page_size], filter=flt, has_next=len(rows) > page_size)


def detail_lines(details: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    """An event's details as (label, lines of text) for a page; the template escapes them."""
    lines = []
    for key, value in details.items():
        label = key.replace("_", " ")
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            lines.append((label, [_text(item) for item in value]))
        else:
            lines.append((label, [_text(value)]))
    return lines


def _text(value: Any) -> str:
    if isinstance(value, dict):
        if set(value) == {"old", "new"}:
            return f"{_text(value['old'])} → {_text(value['new'])}"
        return "; ".join(f"{key.replace('_', ' ')}: {_text(item)}" for key, item in value.items())
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
