"""Source documents: the articles questions are generated from."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import JSONType, db, timestamp_column


def content_hash(text: str) -> str:
    """The identity of a document's cleaned text: the same text twice is one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SourceDocument(db.Model):
    """One revision of an article.

    Revisions of one article share ``lineage_id`` (the id of its first
    revision); a question's sources point at the exact revision they quote, so
    offsets stay true when a newer revision arrives.
    """

    __tablename__ = "source_documents"
    __table_args__ = (
        CheckConstraint("format IN ('txt', 'md', 'html', 'pdf', 'docx', 'paste')", name="format_known"),
        CheckConstraint("revision >= 1", name="revision_positive"),
        CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),
        # The same text uploaded twice by one owner is one document (seeding relies on it).
        UniqueConstraint("owner_id", "content_hash"),
        UniqueConstraint("lineage_id", "revision"),
        Index("ix_source_documents_owner_id", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    lineage_id: Mapped[int | None] = mapped_column(ForeignKey("source_documents.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(default=1, server_default="1")
    is_current: Mapped[bool] = mapped_column(default=True, server_default="1")
    title: Mapped[str] = mapped_column(String(300))
    original_filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(8))
    cleaned_text: Mapped[str] = mapped_column(Text)
    # Paragraph/heading offsets into cleaned_text, and what ingestion removed as page chrome.
    blocks: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    stripped: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    # Facts this document states differently from another one, as the generator found them.
    disagreements: Mapped[list[Any]] = mapped_column(JSONType, default=list, server_default="[]")
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = timestamp_column()

    owner: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<SourceDocument {self.id} {self.title!r} r{self.revision}>"
