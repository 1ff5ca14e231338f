"""Source documents: the articles questions are generated from."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.auth.models import User
from quizapp.models import JSONType, db, timestamp_column


def content_hash(text: str) -> str:
    """The identity of a document's cleaned text: the same text twice is one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_NOT_A_WORD = re.compile(r"[\W_]+")


def normalised_words(text: str) -> str:
    """The words of a text, with case, accents' composed forms, punctuation and spacing set aside."""
    return _NOT_A_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def text_fingerprint(text: str) -> str:
    """What two copies of one article share however they were saved (a web page, a pasted text, a .md file)."""
    return hashlib.sha256(normalised_words(text).encode("utf-8")).hexdigest()


def _fingerprint_default(context: Any) -> str:
    return text_fingerprint(context.get_current_parameters()["cleaned_text"])


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
        Index("ix_source_documents_owner_id_text_fingerprint", "owner_id", "text_fingerprint"),
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
    # The text with case, punctuation and spacing set aside (quizapp.sources.duplicates): the same article
    # saved another way (a web page, then its text pasted) has the same fingerprint.
    text_fingerprint: Mapped[str | None] = mapped_column(String(64), default=_fingerprint_default)
    created_at: Mapped[datetime] = timestamp_column()

    owner: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<SourceDocument {self.id} {self.title!r} r{self.revision}>"


class PendingUpload(db.Model):
    """An upload that matched one of its owner's documents, kept while the owner decides (``sources.duplicates``).

    In the database, not on one server's disk: behind a proxy, the "upload anyway" that follows may reach another
    app server. Kept an hour at most; the worker's minute sweep, and every new one, remove older ones.
    """

    __tablename__ = "pending_uploads"
    __table_args__ = (
        CheckConstraint("length(token) = 32", name="token_length"),
        Index("ix_pending_uploads_owner_id", "owner_id"),
        Index("ix_pending_uploads_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(32), unique=True)  # random, in the page's form: names the upload
    name: Mapped[str] = mapped_column(String(255))  # the file's name as uploaded
    data: Mapped[bytes] = mapped_column(LargeBinary)
    is_text: Mapped[bool] = mapped_column()  # pasted text (stored UTF-8) rather than a file's bytes
    format: Mapped[str | None] = mapped_column(String(10))  # given with pasted text; a file's comes from its name
    created_at: Mapped[datetime] = timestamp_column()
