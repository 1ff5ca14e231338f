"""The background queue (huey): created unbound here, bound to the app's settings by ``create_app``.

Task bodies live in their features (``bank/tasks.py``, ``history/tasks.py``) and register on ``huey``.
Importing this module reads no environment variable and creates no file: ``init_queue`` takes the storage
from the app's config (``HUEY_REDIS_URL``, else ``HUEY_SQLITE_PATH``, else ``instance/huey.sqlite``), and the
storage is opened when a job is first queued or the worker starts. Tests turn on ``huey.immediate``, which
runs each job at once, in process.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from flask import Flask, current_app, has_app_context
from huey import Huey
from huey.storage import RedisStorage, SqliteStorage

from quizapp.database import writing


class AppQueue(Huey):
    """A huey whose storage is opened on first use, with the settings ``init_queue`` gave it."""

    _storage: Any = None

    def create_storage(self) -> Any:
        if self._immediate and self.immediate_use_memory:
            return self.get_immediate_storage()
        return None  # opened by ``storage`` when first used

    @property
    def storage(self) -> Any:
        if self._storage is None:
            if self.storage_class is None:
                raise RuntimeError("The job queue is used before create_app configured it.")
            filename = self.storage_kwargs.get("filename")
            if filename:
                os.makedirs(os.path.dirname(os.path.abspath(filename)), exist_ok=True)
            self._storage = self.get_storage(**self.storage_kwargs)
        return self._storage

    @storage.setter
    def storage(self, value: Any) -> None:
        self._storage = value


# Under huey's logger: the consumer sets up only that one (its level, its handler), so the claims show in its log.
logger = logging.getLogger("huey.quizapp.periodic")
huey = AppQueue("quizapp")
_configured_app: Flask | None = None


def init_queue(app: Flask) -> None:
    """Point the queue at the storage the app's settings name; a worker process runs its jobs in this app."""
    global _configured_app
    redis_url = app.config.get("HUEY_REDIS_URL")
    if redis_url:
        huey.storage_class, huey.storage_kwargs = RedisStorage, {"url": redis_url}
    else:
        filename = app.config.get("HUEY_SQLITE_PATH") or os.path.join(app.instance_path, "huey.sqlite")
        huey.storage_class, huey.storage_kwargs = SqliteStorage, {"filename": str(filename)}
    huey.storage = huey.create_storage()
    app.extensions["huey"] = huey
    _configured_app = app


@contextmanager
def job_context() -> Iterator[None]:
    """Where a job runs: a fresh app context (and so a session of its own) of the running app, writing.

    Inside a request (immediate mode) that is the request's app; in a worker process, the app that
    configured the queue.
    """
    app = current_app._get_current_object() if has_app_context() else _configured_app
    if app is None:
        raise RuntimeError("No app: build one with create_app before running jobs.")
    with app.app_context(), writing():
        yield


# What the periodic tasks leave in the queue's storage, which every consumer of a deployment shares.
LAST_PERIODIC_RUN = "periodic:last-run"
# The periodic tasks run every minute: three missed minutes mean no consumer runs them (`flask doctor` says so, and
# uploads are then drafted within the request: bank/where_drafted.py).
WORKER_SILENT_AFTER = timedelta(minutes=3)
DUPLICATE_PERIODIC_RUN = "periodic:duplicate"


def consumer_name() -> str:
    """Which consumer process this is, as `flask doctor` reports it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def claim_periodic_run(task: str, slot: datetime) -> bool:
    """Take the run of ``task`` for the minute ``slot`` falls in; False when another consumer already took it.

    Every huey consumer started without ``-n`` schedules the periodic tasks, and with a shared queue (Redis) each
    of them enqueues its own copy every minute. The first copy of a minute claims it with an atomic
    put-if-empty in the shared storage; the others skip and leave a note that `flask doctor` reports. The claim
    of two minutes back is deleted, so the storage keeps at most a few keys.
    """
    minute = slot.replace(second=0, microsecond=0)
    me = consumer_name()
    if not huey.put_if_empty(_slot_key(task, minute), me):
        holder = huey.get(_slot_key(task, minute), peek=True)
        if holder != me:
            huey.put(DUPLICATE_PERIODIC_RUN, {"task": task, "at": minute.isoformat(), "by": me, "ran_by": holder})
        logger.info("periodic %s of %s skipped by %s: run by %s", task, f"{minute:%H:%M}", me, holder)
        return False
    logger.info("periodic %s of %s run by %s", task, f"{minute:%H:%M}", me)
    huey.delete(_slot_key(task, minute - timedelta(minutes=2)))
    huey.put(LAST_PERIODIC_RUN, {"task": task, "at": minute.isoformat(), "by": me})
    return True


def _slot_key(task: str, minute: datetime) -> str:
    return f"periodic:{task}:{minute:%Y-%m-%dT%H:%M}"
