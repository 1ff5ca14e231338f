"""Bring a student's cards up to date before a page shows them. For views only: it commits, as a view does.

Most page loads find nothing new and stay a plain read. When there is
something to take in, the read transaction ends first and the sync runs in a
transaction that starts as a write: SQLite cannot turn a read transaction into
a write once another writer has committed (it fails at once, busy timeout or
not), while one begun for writing waits its turn.
"""

from __future__ import annotations

from datetime import datetime

from quizapp.database import writing
from quizapp.extensions import db
from quizapp.practice import cards


def refresh_cards(student_id: int, *, now: datetime) -> None:
    if not cards.has_unsynced_answers(db.session, student_id, now=now):
        return
    db.session.commit()
    with writing():
        cards.sync_cards(db.session, student_id, now=now)
        db.session.commit()
