"""An article the teacher has already brought in: found by its text, however it was saved, before it is stored.

When the upload matches, the page asks ("open it / upload anyway"). The file waits meanwhile in the instance
folder (``pending-uploads/``), named for its owner and a random token, for an hour at most: a file input cannot
be filled again by the page, and the teacher should not have to choose the file twice.
"""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.auth.models import User
from quizapp.sources.models import SourceDocument, content_hash, text_fingerprint

PENDING_FOLDER = "pending-uploads"
PENDING_SECONDS = 3600
_TOKEN_LENGTH = 32


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


def _folder(instance_path: str) -> Path:
    return Path(instance_path) / PENDING_FOLDER


def _paths(instance_path: str, owner_id: int, token: str) -> tuple[Path, Path]:
    stem = _folder(instance_path) / f"{owner_id}-{token}"
    return stem.with_suffix(".data"), stem.with_suffix(".json")


def keep_pending(instance_path: str, owner_id: int, name: str, data: bytes | str, fmt: str | None) -> str:
    """Keep an upload while its teacher decides; returns the token that names it. Older leftovers are removed."""
    folder = _folder(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - PENDING_SECONDS
    for old in folder.iterdir():
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)
    token = secrets.token_hex(_TOKEN_LENGTH // 2)
    data_path, meta_path = _paths(instance_path, owner_id, token)
    is_text = isinstance(data, str)
    data_path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    meta_path.write_text(json.dumps({"name": name, "format": fmt, "text": is_text}), encoding="utf-8")
    return token


def take_pending(instance_path: str, owner_id: int, token: str) -> tuple[str, bytes | str, str | None] | None:
    """The kept upload (name, data, format), removed from the folder; None when unknown, another's, or too old."""
    if len(token) != _TOKEN_LENGTH or any(c not in "0123456789abcdef" for c in token):
        return None
    data_path, meta_path = _paths(instance_path, owner_id, token)
    try:
        if data_path.stat().st_mtime < time.time() - PENDING_SECONDS:
            return None
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        raw = data_path.read_bytes()
    except (OSError, ValueError):
        return None
    finally:
        data_path.unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)
    return meta["name"], raw.decode("utf-8") if meta.get("text") else raw, meta.get("format")
