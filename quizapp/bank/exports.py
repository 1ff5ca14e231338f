"""The bank as files for the other systems teachers use: Canvas, QTI 2.1 (Blackboard, Brightspace, item banks), Anki.

The Moodle formats and CSV stay in :mod:`quizapp.bank.authoring`; this module adds the packaged formats, and the
question dicts they need (with each question's source sentence, for Anki's card backs). A quiz's export
(:mod:`quizapp.quizzes.exports`) builds on the same functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank import authoring
from quizapp.bank.interchange.anki_export import export_anki
from quizapp.bank.interchange.canvas_qti import export_canvas_qti
from quizapp.bank.interchange.qti21_export import export_qti21
from quizapp.bank.interchange.types import InterchangeError
from quizapp.bank.interchange.writers import QuestionGroup
from quizapp.bank.question_rows import bank_questions, question_dicts
from quizapp.exceptions import DomainError
from quizapp.question_types import QUESTION_TYPES
from quizapp.statuses import QuestionStatus


@dataclass(frozen=True)
class ExportFormat:
    key: str
    name: str
    extension: str
    mimetype: str
    what: str  # where it goes, for the export page


PACKAGED_FORMATS = {
    f.key: f
    for f in (
        ExportFormat("canvas", "Canvas (QTI 1.2)", "canvas-qti.zip", "application/zip",
                     "Canvas Classic Quizzes: Settings → Import Course Content → QTI .zip file"),
        ExportFormat("qti21", "QTI 2.1", "qti21.zip", "application/zip",
                     "Blackboard, Brightspace (D2L) and most item banks; quizapp's own import reads it back"),
        ExportFormat("anki", "Anki deck", "apkg", "application/octet-stream",
                     "Anki: File → Import; a later export updates the same cards"),
    )
}  # fmt: skip

# What each quizapp type becomes in each packaged format (the export page and the README say the same); the page
# lists the types this bank has (QUESTION_TYPES).
_TYPE_MAPPING: dict[str, dict[str, str]] = {
    "multiple_choice": {"canvas": "Multiple choice", "qti21": "choiceInteraction", "anki": "prompt and options"},
    "true_false": {"canvas": "True/False", "qti21": "choiceInteraction (true, false)", "anki": "prompt"},
    "fill_in": {
        "canvas": "Fill in the blank: the accepted answers worth full marks (no wildcards, no spelling forgiveness)",
        "qti21": "textEntryInteraction, each accepted answer mapped to its share of the marks (no wildcards)",
        "anki": "prompt",
    },
    "ordering": {
        "canvas": "Matching of “Position 1, 2, …” to the items (Classic Quizzes has no ordering type)",
        "qti21": "orderInteraction",
        "anki": "prompt and the items to order",
    },
    "matching": {
        "canvas": "Matching (unmatched values kept as wrong choices)",
        "qti21": "matchInteraction",
        "anki": "prompt and both columns",
    },
    "multiple_answer": {
        "canvas": "Multiple answers (the options worth marks are the right ones; Canvas's own partial credit)",
        "qti21": "choiceInteraction, any number of choices, each option's fraction mapped",
        "anki": "prompt and options",
    },
}
TYPE_MAPPING = {qtype: row for qtype, row in _TYPE_MAPPING.items() if qtype in QUESTION_TYPES}


def package(
    fmt: str, questions: list[dict[str, Any]], *, title: str, key: str, groups: Sequence[QuestionGroup] = ()
) -> tuple[bytes, ExportFormat]:
    """The questions (and a quiz's random groups) in a packaged format; DomainError for an unknown format.

    ``key`` ("quiz-12", "bank-3") gives the Canvas quiz and the Anki deck identifiers that stay the same from one
    export to the next, so re-importing updates instead of duplicating."""
    chosen = PACKAGED_FORMATS.get(fmt)
    if chosen is None:
        raise DomainError("Choose Canvas, QTI 2.1 or Anki.")
    try:
        return _package(chosen, questions, title=title, key=key, groups=groups), chosen
    except InterchangeError as error:
        raise DomainError(f"Nothing was exported: {error}.") from None


def _package(
    chosen: ExportFormat, questions: list[dict[str, Any]], *, title: str, key: str, groups: Sequence[QuestionGroup]
) -> bytes:
    fmt = chosen.key
    if fmt == "canvas":
        return export_canvas_qti(questions, title=title, groups=groups, key=key)
    if fmt == "qti21":
        return export_qti21(questions, title=title if groups else "", groups=groups)
    # Anki drills every question a student may meet: the fixed ones and every rule's pool.
    pooled = {q["id"]: q for q in [*questions, *(q for g in groups for q in g.questions)]}
    return export_anki(list(pooled.values()), deck_name=title, deck_key=key)


def export_bank(session: Session, owner: User, fmt: str, *, status: str | None) -> tuple[bytes, str, str]:
    """The owner's questions as a file: (content, mimetype, file name). Anki decks hold approved questions only."""
    if fmt not in PACKAGED_FORMATS:
        content, mimetype, extension = authoring.export(session, owner, fmt, status=status)
        return content, mimetype, f"questions.{extension}"
    if fmt == "anki":
        status = QuestionStatus.APPROVED
    questions = question_dicts(session, bank_questions(session, owner, status))
    title = f"quizapp questions ({owner.username})"
    content, chosen = package(fmt, questions, title=title, key=f"bank-{owner.id}")
    return content, chosen.mimetype, f"questions.{chosen.extension}"
