"""Questions a teacher writes or imports, and the bank as files (GIFT, Moodle XML, CSV)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.bank.duplicates import leave_out_duplicates
from quizapp.bank.interchange import (
    ImportResult,
    export_csv,
    export_gift,
    export_moodle_xml,
    import_gift,
    import_moodle_xml,
)
from quizapp.bank.interchange.gift_import import MAX_BYTES as GIFT_MAX_BYTES
from quizapp.bank.interchange.moodle_xml_import import MAX_BYTES as MOODLE_XML_MAX_BYTES
from quizapp.bank.interchange.packages import MAX_PACKAGE_BYTES
from quizapp.bank.interchange.qti21_import import import_qti21
from quizapp.bank.interchange.types import check_size
from quizapp.bank.models import Question, Tag
from quizapp.bank.question_rows import bank_questions, question_dicts
from quizapp.bank.review import approve, checked_version, log_question
from quizapp.bank.tags import tags_named
from quizapp.exceptions import DomainError
from quizapp.sources.models import SourceDocument
from quizapp.statuses import QuestionStatus


def create_question(
    session: Session,
    owner: User,
    content: dict[str, Any],
    *,
    origin: str = "authored",
    tags: Sequence[str] = (),
    document: SourceDocument | None = None,
    approve_now: bool = False,
) -> Question:
    """A new question from a teacher (or an imported file), checked against the same contract as generated ones."""
    question = _unsaved_question(owner, content, origin, tags_named(session, list(tags)), document)
    session.add(question)
    _log_created(question, owner)
    if approve_now:
        approve(question, owner, note="written and approved by the teacher")
    session.flush()
    return question


def _unsaved_question(
    owner: User, content: dict[str, Any], origin: str, tags: list[Tag], document: SourceDocument | None = None
) -> Question:
    version = checked_version(content, version=1, created_by_id=owner.id)
    if document is not None and document.owner_id != owner.id:
        raise DomainError("Choose one of your own documents.")
    question = Question(owner_id=owner.id, document=document, status=QuestionStatus.DRAFT, origin=origin)
    question.versions.append(version)
    question.tags = tags
    return question


def _log_created(question: Question, owner: User) -> None:
    version = question.versions[0]
    verb, action = ("Imported", "question.import") if question.origin == "imported" else ("Wrote", "question.create")
    details = {"type": version.type, "answer": version.answer, "origin": question.origin}
    log_question(question, owner, action, verb, details)


FORMATS = ("gift", "moodle_xml", "qti21")
_MAX_BYTES = {"gift": GIFT_MAX_BYTES, "moodle_xml": MOODLE_XML_MAX_BYTES, "qti21": MAX_PACKAGE_BYTES}
_READERS = {"gift": import_gift, "moodle_xml": import_moodle_xml, "qti21": import_qti21}
# How the readers say where a question stands: "line 12 …" (GIFT), "question 3 …" (Moodle XML), "item 4 …" (QTI).
_PLACE = re.compile(r"(?:line|question|item) (\d+)\b")


def import_file(
    session: Session, owner: User, data: bytes, fmt: str, *, keep_duplicates: bool = False
) -> tuple[list[Question], list[str]]:
    """Import a GIFT, Moodle XML or QTI 2.1 file as drafts. All or nothing: a refused file (InterchangeError)
    stores none.

    Questions the owner's bank already holds are left out and listed, unless ``keep_duplicates``.
    """
    kept, skipped = check_imported(read_import(data, fmt))
    if not keep_duplicates:
        kept, duplicates = leave_out_duplicates(session, owner, kept)
        skipped = [*duplicates, *skipped]
    return store_imported(session, owner, kept), skipped


def import_format(filename: str, data: bytes) -> str:
    """The format of an uploaded question file: a zip is a QTI 2.1 package, XML is Moodle XML, the rest GIFT."""
    if data[:4] == b"PK\x03\x04" or filename.lower().endswith(".zip"):
        return "qti21"
    return "moodle_xml" if filename.lower().endswith(".xml") or data.lstrip()[:5] == b"<?xml" else "gift"


def check_import_size(data: bytes, fmt: str) -> None:
    """Refuse a file over its format's size limit at once (InterchangeError), before it is queued or read."""
    check_size(len(data), _MAX_BYTES[fmt])


def read_import(data: bytes, fmt: str) -> ImportResult:
    """The questions of a GIFT, Moodle XML or QTI 2.1 file; InterchangeError when the file is refused whole."""
    return _READERS[fmt](data)


def check_imported(
    result: ImportResult, progress: Callable[[int, int], None] | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """(the questions that meet the bank's contract, one line per question left out and why).

    Writes nothing, so a background import can report ``progress(checked, total)`` as it goes.
    """
    skipped = list(result.skipped)
    kept = []
    for number, item in enumerate(result.questions, start=1):
        try:
            checked_version(imported_content(item), version=1)
            kept.append(item)
        except DomainError as error:
            skipped.append(f"{result.place(number - 1)}: {error}")
        if progress is not None:
            progress(number, len(result.questions))
    # The reader's reasons come first and the bank's after: list them all as they stand in the file.
    skipped.sort(key=_file_position)
    return kept, skipped


def _file_position(reason: str) -> int:
    found = _PLACE.match(reason)
    return int(found.group(1)) if found else 0


def imported_content(item: dict[str, Any]) -> dict[str, Any]:
    """An imported question dict as the bank's content: the file's title is the question's name."""
    return {**item, "name": item.get("title") or ""}


def store_imported(session: Session, owner: User, questions: list[dict[str, Any]]) -> list[Question]:
    """Add checked questions (from :func:`check_imported`) as the owner's drafts; flushes, the caller commits.

    The rows go in as a few batched inserts rather than a round trip per question: a 4,000-question file holds
    SQLite's write lock, which every other writer waits for, only while they are written.
    """
    names = list(dict.fromkeys(name for item in questions for name in item.get("tags", [])))
    tags = {tag.name: tag for tag in tags_named(session, names)}
    made = [
        _unsaved_question(owner, imported_content(item), "imported", [tags[n] for n in item.get("tags", [])])
        for item in questions
    ]
    session.add_all(made)
    session.flush()
    for question in made:
        _log_created(question, owner)
    session.flush()
    return made


def bank_as_dicts(
    session: Session, owner: User, *, status: str | None = QuestionStatus.APPROVED
) -> list[dict[str, Any]]:
    return question_dicts(session, bank_questions(session, owner, status))


def export(
    session: Session, owner: User, fmt: str, *, status: str | None = QuestionStatus.APPROVED
) -> tuple[bytes, str, str]:
    """The owner's questions as a file: (content, mimetype, file extension).

    The mimetype names no charset: the Response adds ``charset=utf-8`` to a text type itself (twice if given one).
    """
    questions = bank_as_dicts(session, owner, status=status)
    if fmt == "gift":
        return export_gift(questions).encode("utf-8"), "text/plain", "gift.txt"
    if fmt == "moodle_xml":
        return export_moodle_xml(questions), "application/xml", "xml"
    if fmt == "csv":
        return export_csv(questions).encode("utf-8-sig"), "text/csv", "csv"
    raise DomainError("Choose GIFT, Moodle XML or CSV.")
