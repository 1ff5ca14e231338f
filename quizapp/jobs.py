"""Background jobs (huey): drafting questions for long documents and importing large question files.

Storage: SQLite beside the app's database by default (``instance/huey.sqlite``),
Redis when ``HUEY_REDIS_URL`` is set. Run the worker with
``.venv/bin/huey_consumer quizapp.jobs.huey`` (scripts/run.sh starts one). Tests
switch the queue to immediate mode, which runs each job at once, in process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from flask import Flask, current_app, has_app_context
from huey import RedisHuey, SqliteHuey, crontab

INSTANCE = Path(os.environ.get("QUIZAPP_INSTANCE_PATH") or Path(__file__).resolve().parent.parent / "instance")


def _make_queue() -> RedisHuey | SqliteHuey:
    redis_url = os.environ.get("HUEY_REDIS_URL")
    if redis_url:
        return RedisHuey("quizapp", url=redis_url)
    INSTANCE.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("quizapp", filename=str(os.environ.get("HUEY_SQLITE_PATH") or INSTANCE / "huey.sqlite"))


huey = _make_queue()
_worker_app: Flask | None = None


def _app() -> Flask:
    """The running app inside a request (immediate mode), else one app per worker process."""
    global _worker_app
    if has_app_context():
        return current_app._get_current_object()  # type: ignore[attr-defined]
    if _worker_app is None:
        from quizapp import create_app

        _worker_app = create_app()
    return _worker_app


def _run_in_worker(run_job: Callable[[int], None], job_id: int) -> None:
    from quizapp.database import writing

    with _app().app_context(), writing():
        run_job(job_id)


@huey.task()
def draft_questions(job_id: int) -> None:
    """Run a generation job; its progress and outcome are written to the job's row."""
    from quizapp.bank.generation_jobs import run_job

    _run_in_worker(run_job, job_id)


@huey.task()
def import_questions(job_id: int) -> None:
    """Run an import job; its progress and outcome are written to the job's row."""
    from quizapp.bank.import_jobs import run_job

    _run_in_worker(run_job, job_id)


@huey.periodic_task(crontab(minute="*"))
def every_minute() -> None:
    """What a deployment would otherwise put on a timer: close overdue attempts, then check the quizzes that closed.

    The same work as ``flask attempts close-overdue`` and ``flask history check-questions``; the worker
    that scripts/run.sh starts runs it, so a quiz's weak questions go back to review soon after it closes.
    """
    from quizapp.attempts.services import close_overdue
    from quizapp.database import writing
    from quizapp.extensions import db
    from quizapp.history.analysis import check_quizzes
    from quizapp.models import utcnow

    with _app().app_context(), writing():
        # close_overdue logs each attempt it could not close or grade, and closes all the others.
        close_overdue(db.session, now=utcnow())
        db.session.commit()
        check_quizzes(db.session, now=utcnow())
        db.session.commit()
