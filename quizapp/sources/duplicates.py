"""An article the teacher has already brought in: found by its text, however it was saved, before it is stored.

When the upload matches, the page asks ("open it / upload anyway"). The file waits meanwhile in the database
(``PendingUpload``), named for its owner and a random token, for an hour at most: a file input cannot be filled
again by the page, and the teacher should not have to choose the file twice. Not on the local disk: with several
app servers behind a proxy, the "upload anyway" may reach another server than the upload did.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.sources.models import PendingUpload, SourceDocument, content_hash, text_fingerprint

PENDING_SECONDS = 3600
_TOKEN_LENGTH = 32
_TOKEN = re.compile(r"[0-9a-f]{32}")


def same_text_as(session: Session, owner: User, text: str) -> SourceDocument | None:
    """The owner's document (its current revision first) with this text, by exact content or by fingerprint."""
    query = (
        select(SourceDocument)
        .where(
            SourceDocument.owner_id == owner.id,
            (SourceDocument.content_hash == content_hash(text))
            | (SourceDocument.text_fingerprint == text_fingerprint(text)),
        )
        .order_by(SourceDocument.is_current.desc(), SourceDocument.id.desc())
        .limit(1)
    )
    return session.scalar(query)


def is_identical(document: SourceDocument, text: str) -> bool:
    """True when the text is exactly the document's (it is kept once: there is nothing to upload anyway)."""
    return document.content_hash == content_hash(text)


def forget_expired(session: Session, *, now: datetime) -> int:
    """Remove the uploads waiting longer than an hour (the worker's minute sweep calls it); how many went."""
    cutoff = now - timedelta(seconds=PENDING_SECONDS)
    result = session.execute(delete(PendingUpload).where(PendingUpload.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def keep_pending(session: Session, owner: User, name: str, data: bytes | str, fmt: str | None, *, now: datetime) -> str:
    """Keep an upload while its teacher decides; returns the token that names it. Older leftovers are removed.

    The row must be committed before the page that asks is answered (it answers 409, which the commit point would
    otherwise roll back)."""
    forget_expired(session, now=now)
    token = secrets.token_hex(_TOKEN_LENGTH // 2)
    is_text = isinstance(data, str)
    session.add(
        PendingUpload(
            owner_id=owner.id,
            token=token,
            name=name[:255],
            data=data.encode("utf-8") if isinstance(data, str) else data,
            is_text=is_text,
            format=fmt,
            created_at=now,
        )
    )
    session.flush()
    return token


def take_pending(
    session: Session, owner: User, token: str, *, now: datetime
) -> tuple[str, bytes | str, str | None] | None:
    """The kept upload (name, data, format), removed; None when unknown, another's, already taken, or too old.

    Of two requests taking one token at once, one gets it: the delete of the row is what decides."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    kept = session.scalar(select(PendingUpload).where(PendingUpload.owner_id == owner.id, PendingUpload.token == token))
    if kept is None:
        return None
    name, raw, is_text, fmt, created_at = kept.name, kept.data, kept.is_text, kept.format, kept.created_at
    session.expunge(kept)
    taken = session.execute(delete(PendingUpload).where(PendingUpload.id == kept.id))
    if getattr(taken, "rowcount", 0) != 1 or created_at < now - timedelta(seconds=PENDING_SECONDS):
        return None
    return name, raw.decode("utf-8") if is_text else raw, fmt
