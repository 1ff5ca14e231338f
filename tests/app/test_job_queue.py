"""The background queue is bound to the app's settings in create_app; importing it has no side effects."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from huey.storage import RedisStorage, SqliteStorage

from quizapp import create_app
from quizapp.background import huey

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_worker_entry_reads_no_setting_and_creates_no_file(tmp_path: Path) -> None:
    instance, queue = tmp_path / "instance", tmp_path / "queue" / "huey.sqlite"
    env = {**os.environ, "QUIZAPP_INSTANCE_PATH": str(instance), "HUEY_SQLITE_PATH": str(queue)}
    code = "import quizapp.jobs, quizapp.background, quizapp.bank.tasks, quizapp.history.tasks"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    assert not instance.exists()
    assert not queue.parent.exists()


def test_the_queue_takes_its_storage_from_the_app_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HUEY_REDIS_URL", raising=False)
    monkeypatch.delenv("HUEY_SQLITE_PATH", raising=False)
    target = tmp_path / "jobs" / "queue.sqlite"
    app = create_app({"TESTING": True, "HUEY_SQLITE_PATH": str(target)})
    assert app.extensions["huey"] is huey
    assert (huey.storage_class, huey.storage_kwargs) == (SqliteStorage, {"filename": str(target)})
    create_app({"TESTING": True})
    assert huey.storage_kwargs == {"filename": os.path.join(app.instance_path, "huey.sqlite")}
    monkeypatch.setenv("FLASK_HUEY_REDIS_URL", "redis://127.0.0.1:6379/9")
    create_app({"TESTING": True})
    assert (huey.storage_class, huey.storage_kwargs) == (RedisStorage, {"url": "redis://127.0.0.1:6379/9"})
    # Tests run jobs at once, in process: building apps never opened a real storage.
    assert huey.immediate
    assert not target.parent.exists()


def test_the_worker_entry_builds_the_app_and_hands_over_its_queue(tmp_path: Path) -> None:
    env = {**os.environ, "FLASK_HUEY_SQLITE_PATH": str(tmp_path / "q.sqlite"), "DATABASE_URL": "sqlite://"}
    code = (
        "import quizapp.jobs as jobs; q = jobs.huey; "
        "print(q.storage_kwargs['filename']); print(sorted(n.rsplit('.', 1)[-1] for n in q._registry._registry))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    filename, tasks = out.stdout.splitlines()
    assert filename == str(tmp_path / "q.sqlite")
    assert tasks == (
        "['draft_questions', 'end_expired_sessions', 'every_minute', 'import_questions', 'retry_grades', 'send_grade']"
    )
