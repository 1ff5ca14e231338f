"""The background worker's entry point: ``.venv/bin/huey_consumer quizapp.jobs.huey``.

The queue and its tasks live below (``quizapp.background``; the task bodies in ``bank/tasks.py`` and
``history/tasks.py``). Importing this module reads nothing and creates nothing; asking it for ``huey``
(as the consumer does) builds the app, which binds the queue to the app's settings and registers every
task, and returns the queue.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "huey":
        from quizapp import create_app

        return create_app().extensions["huey"]
    raise AttributeError(name)
