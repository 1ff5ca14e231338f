"""Free tags on questions."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.bank.models import Tag

TAG_MAX = 60


def parse_tags(text: str) -> list[str]:
    """Free tags from "a, b, c": trimmed, lower-cased, distinct, in the order given."""
    seen: list[str] = []
    for raw in text.split(","):
        tag = " ".join(raw.split()).lower()[:TAG_MAX]
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def tags_named(session: Session, names: Sequence[str]) -> list[Tag]:
    """The Tag rows for these names, created where missing."""
    if not names:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))}
    tags = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        tags.append(tag)
    return tags
