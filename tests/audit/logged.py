"""Reading the audit log back in tests: what was written, and how many statements a page cost."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select

from quizapp.audit.models import AuditEvent
from quizapp.extensions import db


def logged(action: str | None = None) -> list[AuditEvent]:
    """Every event written so far (or those of one action), oldest first, read fresh from the database."""
    db.session.expire_all()
    query = select(AuditEvent).order_by(AuditEvent.id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    return list(db.session.scalars(query))


def actions() -> list[str]:
    return [entry.action for entry in logged()]


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
