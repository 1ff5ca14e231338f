"""gunicorn settings for the killed-worker tests: one sync worker that can be made to stop inside a submit.

TEST HOOK, not part of the app: gunicorn loads this file with ``-c`` and, in each worker, installs two
SQLAlchemy session listeners. A submit's flush has just written the grades and the "submitted" status
(inside the transaction, not yet committed), or its commit has just returned: if the test armed that
point by creating the file ``pause-<point>`` in $QUIZAPP_FAULT_DIR, the worker writes its pid to
``paused-<point>`` and waits there for the test to SIGKILL it. Each arming pauses one submit.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

workers = 1
worker_class = "sync"
timeout = 120  # longer than any pause: the test kills the worker, not gunicorn's watchdog
graceful_timeout = 5


def post_worker_init(worker: Any) -> None:
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from quizapp.attempts.models import Attempt

    control = Path(os.environ["QUIZAPP_FAULT_DIR"])
    _write_at_once(control / "worker.pid", str(os.getpid()))

    def pause_if_armed(point: str) -> None:
        armed = control / f"pause-{point}"
        if not armed.exists():
            return
        armed.unlink()
        _write_at_once(control / f"paused-{point}", str(os.getpid()))
        time.sleep(60)

    @event.listens_for(Session, "after_flush")
    def _inside_submit(session: Session, _context: Any) -> None:
        # After a flush the session still lists what it flushed as dirty.
        if any(isinstance(obj, Attempt) and obj.status != "in_progress" for obj in session.dirty):
            session.info["submitting"] = True
            pause_if_armed("in-transaction")

    @event.listens_for(Session, "after_commit")
    def _after_submit(session: Session) -> None:
        if session.info.pop("submitting", False):
            pause_if_armed("after-commit")


def _write_at_once(path: Path, text: str) -> None:
    # The test polls these files: it must never read one half-written.
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    partial.replace(path)
