"""Questions the bank holds already: an import leaves them out (and lists them) unless told to keep them.

Two questions are the same when they are of one type and their wording is the same once case, punctuation and
spacing are set aside (what a re-import of an export, or the same file twice, brings).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank.models import Question, QuestionVersion
from quizapp.sources.models import normalised_words

SHOWN_PROMPT = 80


def question_key(question_type: str, prompt: str) -> tuple[str, str]:
    return question_type, normalised_words(prompt)


def bank_keys(session: Session, owner: User) -> dict[tuple[str, str], int]:
    """Every question of the owner's bank (any status) by its key, as it reads now (its current version)."""
    rows = session.execute(
        select(Question.id, QuestionVersion.type, QuestionVersion.prompt)
        .join(
            QuestionVersion,
            (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
        )
        .where(Question.owner_id == owner.id)
    )
    return {question_key(kind, prompt): question_id for question_id, kind, prompt in rows}


def _shown(prompt: str) -> str:
    text = " ".join(prompt.split())
    return text if len(text) <= SHOWN_PROMPT else text[: SHOWN_PROMPT - 1] + "…"


def leave_out_duplicates(
    session: Session, owner: User, items: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """(the imported questions that are new, one line per question left out as a duplicate and why)."""
    known = bank_keys(session, owner)
    seen: set[tuple[str, str]] = set()
    new, duplicates = [], []
    for item in items:
        key = question_key(item["type"], item["prompt"])
        if key in known:
            duplicates.append(f"Already in your bank (question {known[key]}): “{_shown(item['prompt'])}”")
        elif key in seen:
            duplicates.append(f"Twice in this file: “{_shown(item['prompt'])}” (imported once)")
        else:
            seen.add(key)
            new.append(item)
    return new, duplicates
