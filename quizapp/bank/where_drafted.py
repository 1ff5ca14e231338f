"""Whether a new document is drafted within the upload's request or by the background worker.

A document drafted by the worker gets the progress page, which names each real step as it happens; one drafted
within the request can only show that it is busy. So when a worker is running, every document goes to it. Without
one, short documents are still drafted at once, so that an upload never waits for a worker that is not there.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from quizapp.background import LAST_PERIODIC_RUN, WORKER_SILENT_AFTER, huey
from quizapp.timezones import stored_time

logger = logging.getLogger(__name__)


def worker_seen(now: datetime) -> bool:
    """True when a worker ran the periodic tasks within the last few minutes."""
    try:
        last = huey.get(LAST_PERIODIC_RUN, peek=True)
    except Exception:  # an unreachable queue store means no worker we can count on
        logger.warning("the job queue's storage could not be read; drafting short documents at once", exc_info=True)
        return False
    at = stored_time(last.get("at")) if isinstance(last, dict) else None
    return at is not None and abs(now - at) <= WORKER_SILENT_AFTER  # another machine's clock may run ahead


def inline_words(config: Any, now: datetime) -> int:
    """Documents up to this many words are drafted within the request: none while a worker is running."""
    return 0 if worker_seen(now) else int(config["GENERATION_INLINE_WORDS"])
