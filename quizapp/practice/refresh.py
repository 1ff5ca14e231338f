"""Bring a student's cards up to date before a page shows them. For views declared ``@writes_on_get``.

Most page loads find nothing new and write nothing. When there is something to take in, the request begins
writing (``begin_writing``: on SQLite a read transaction cannot become a write once another writer has
committed), looks again, syncs the cards in its transaction, and the request's end commits it.
"""

from __future__ import annotations

from datetime import datetime

from quizapp.database import begin_writing
from quizapp.extensions import db
from quizapp.practice import cards


def refresh_cards(student_id: int, *, now: datetime) -> None:
    if not cards.has_unsynced_answers(db.session, student_id, now=now):
        return
    if begin_writing(db.session) and not cards.has_unsynced_answers(db.session, student_id, now=now):
        return  # another request took them in meanwhile
    cards.sync_cards(db.session, student_id, now=now)
