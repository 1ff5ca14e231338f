"""Bring a student's cards up to date before a page shows them. For views declared ``@writes_on_get``.

Most page loads find nothing new and write nothing. When there is something to take in, the cards are synced
in the request's transaction, which the declaration began for writing (SQLite cannot turn a read transaction
into a write once another writer has committed), and the request's end commits it.
"""

from __future__ import annotations

from datetime import datetime

from quizapp.extensions import db
from quizapp.practice import cards


def refresh_cards(student_id: int, *, now: datetime) -> None:
    if cards.has_unsynced_answers(db.session, student_id, now=now):
        cards.sync_cards(db.session, student_id, now=now)
