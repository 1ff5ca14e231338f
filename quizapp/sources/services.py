"""Source documents: reading what a teacher brings and storing it.

Reading (formats, page chrome) is the generation package's ingestion; this
module stores the result and keeps one row per revision of an article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.generation.ingest import ingest
from quizapp.generation.types import CleanDocument, DocumentInput, IngestError
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


__all__ = ["IngestError", "content_hash", "documents_of", "import_document", "store_document"]
