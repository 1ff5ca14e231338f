"""Glue between Flask-Login and the account services."""

from __future__ import annotations

from quizapp.auth.models import User
from quizapp.auth.services import user_for_session_id
from quizapp.extensions import db


def load_user_from_session_id(session_id: str) -> User | None:
    return user_for_session_id(db.session, session_id)
