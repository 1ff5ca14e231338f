"""What a student is shown of each question version, kept in memory per process.

A question version is never changed once written (an edit adds a new version) and never deleted, so
what it shows can be cached by its id with nothing to invalidate: a started attempt keeps the version
it was given, and an edited question reaches only the attempts started after the edit. This spares
the question page and autosave from loading every version row (and its JSON) on every request.

Only what a student may see before the key is revealed is kept: type, prompt, options and, for
matching, the left-hand items. The key, explanation and sources are not in here, so nothing built
from this cache can leak them.

One cache per engine: ids belong to a database (the test suite makes a fresh one for every test).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quizapp.attempts.responses import Shown
from quizapp.attempts.selection import Candidate, lefts_of
from quizapp.bank.models import QuestionVersion

# A whole term's question bank fits; past it the cache starts again (one query per page refills it).
MAX_VERSIONS = 20_000


@dataclass(frozen=True)
class ShownVersion:
    """The parts of a question version a student sees while answering it."""

    id: int
    type: str
    prompt: str
    options: tuple[str, ...]
    lefts: tuple[str, ...]  # matching: the left-hand items, in the key's order (only the right side is shuffled)

    @classmethod
    def of(cls, version: QuestionVersion) -> ShownVersion:
        options = tuple(version.options or ())
        candidate = Candidate(version.question_id, version.id, version.type, options, version.answer)
        return cls(version.id, version.type, version.prompt, options, tuple(lefts_of(candidate)))

    def shown(self, option_order: Sequence[int] | None) -> Shown:
        """What one attempt showed: these options in the order the attempt fixed when it started."""
        return Shown(self.type, self.options, tuple(option_order or ()), self.lefts)


_caches: WeakKeyDictionary[Engine, dict[int, ShownVersion]] = WeakKeyDictionary()
_caches_lock = threading.Lock()


def shown_versions(session: Session, version_ids: Iterable[int]) -> dict[int, ShownVersion]:
    """The shown parts of these versions by id; one query for those not cached yet, none once they are."""
    with _caches_lock:
        cache = _caches.setdefault(session.get_bind(), {})
    found = {version_id: cache.get(version_id) for version_id in set(version_ids)}
    missing = [version_id for version_id, shown in found.items() if shown is None]
    if missing:
        loaded = {
            version.id: ShownVersion.of(version)
            for version in session.scalars(select(QuestionVersion).where(QuestionVersion.id.in_(missing)))
        }
        if len(cache) + len(loaded) > MAX_VERSIONS:
            cache.clear()
        cache.update(loaded)
        found.update(loaded)
    return found  # every id is an attempt answer's, which the foreign key keeps
