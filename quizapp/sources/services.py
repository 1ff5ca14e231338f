"""Source documents: reading what a teacher brings and storing it.

Reading (formats, page chrome) is the generation package's ingestion; this
module stores the result and keeps one row per revision of an article.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.exceptions import DomainError, NotFound
from quizapp.generation.ingest import ingest
from quizapp.generation.types import CleanDocument, DocumentInput
from quizapp.sources.models import SourceDocument, content_hash

TITLE_MAX = 300


def read_document(name: str, data: bytes | str, fmt: str | None = None) -> CleanDocument:
    """Ingest a file; raises IngestError with a one-line reason."""
    return ingest(DocumentInput(name=name, data=data, format=fmt))


def store_document(session: Session, owner: User | None, clean: CleanDocument) -> tuple[SourceDocument, bool]:
    """Store a cleaned document for ``owner``; the same text twice gives the same row.

    Returns (document, created).
    """
    digest = content_hash(clean.text)
    existing = session.scalar(
        select(SourceDocument).where(
            SourceDocument.owner_id == (owner.id if owner else None), SourceDocument.content_hash == digest
        )
    )
    if existing is not None:
        return existing, False
    document = SourceDocument(
        owner_id=owner.id if owner else None,
        title=(clean.title or clean.name)[:TITLE_MAX],
        original_filename=clean.name[:255],
        format=clean.format,
        cleaned_text=clean.text,
        blocks=[asdict(block) for block in clean.blocks],
        stripped=list(clean.stripped),
        content_hash=digest,
    )
    session.add(document)
    session.flush()
    return document, True


def import_document(
    session: Session, owner: User | None, name: str, data: bytes | str, fmt: str | None = None
) -> tuple[SourceDocument, bool]:
    """Read and store a file. Raises IngestError (nothing stored) when it cannot be read."""
    return store_document(session, owner, read_document(name, data, fmt))


def documents_of(session: Session, owner: User) -> Sequence[SourceDocument]:
    return session.scalars(
        select(SourceDocument)
        .where(SourceDocument.owner_id == owner.id, SourceDocument.is_current)
        .order_by(SourceDocument.created_at.desc(), SourceDocument.id.desc())
    ).all()


def document_of(session: Session, document_id: int, owner: User) -> SourceDocument:
    """The owner's document; NotFound for anyone else's (it must look like one that does not exist)."""
    document = session.get(SourceDocument, document_id)
    if document is None or document.owner_id != owner.id:
        raise NotFound("There is no such document.")
    return document


@dataclass
class Segment:
    text: str
    question_ids: tuple[int, ...] = ()


def highlighted_paragraphs(text: str, spans: Sequence[tuple[int, int, int]]) -> list[list[Segment]]:
    """The document's paragraphs cut into segments, each marked with the questions quoting it.

    ``spans`` are (start, end, question id). Overlapping spans share their segment.
    """
    paragraphs: list[list[Segment]] = []
    offset = 0
    for chunk in text.split("\n\n"):
        start, end = offset, offset + len(chunk)
        offset = end + 2
        cuts = {start, end}
        inside = [(max(s, start), min(e, end), q) for s, e, q in spans if s < end and e > start]
        for s, e, _ in inside:
            cuts.update((s, e))
        points = sorted(cuts)
        segments = []
        for a, b in itertools.pairwise(points):
            ids = tuple(sorted({q for s, e, q in inside if s <= a and e >= b}))
            segments.append(Segment(text[a:b], ids))
        paragraphs.append(segments or [Segment("")])
    return paragraphs


def sentence_in_context(text: str, start: int, end: int, *, reach: int = 280) -> tuple[str, str, str]:
    """The paragraph around a quoted span, as (before, span, after), each side cut to about ``reach`` characters."""
    para_start = text.rfind("\n\n", 0, start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[para_start:start]
    after = text[end:para_end]
    if len(before) > reach:
        before = "…" + before[-reach:].split(" ", 1)[-1]
    if len(after) > reach:
        after = after[:reach].rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after


def new_revision(session: Session, owner: User, document: SourceDocument, clean: CleanDocument) -> SourceDocument:
    """Store ``clean`` as the next revision of the owner's document; the old revision stays, no longer current."""
    if not document.is_current:
        raise DomainError("Upload the new revision on the document's current revision.")
    digest = content_hash(clean.text)
    if digest == document.content_hash:
        raise DomainError("This is the same text as the current revision; nothing changed.")
    revision = SourceDocument(
        owner_id=owner.id,
        lineage_id=document.lineage_id or document.id,
        revision=document.revision + 1,
        title=document.title,
        original_filename=clean.name[:255],
        format=clean.format,
        cleaned_text=clean.text,
        blocks=[asdict(block) for block in clean.blocks],
        stripped=list(clean.stripped),
        content_hash=digest,
    )
    document.is_current = False
    session.add(revision)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as error:
        raise DomainError("You already have a document with exactly this text.") from error
    return revision


def revisions_of(session: Session, document: SourceDocument) -> Sequence[SourceDocument]:
    lineage = document.lineage_id or document.id
    return session.scalars(
        select(SourceDocument)
        .where((SourceDocument.id == lineage) | (SourceDocument.lineage_id == lineage))
        .order_by(SourceDocument.revision)
    ).all()
