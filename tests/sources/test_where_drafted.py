"""A running worker drafts every upload (so its page shows the real steps); without one, short ones at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.background import LAST_PERIODIC_RUN, huey
from quizapp.bank import where_drafted
from quizapp.bank.models import GenerationJob, Question
from quizapp.extensions import db
from quizapp.models import utcnow
from tests.seeding.test_seed import CANAL
from tests.sources.test_upload import count, upload


@pytest.fixture
def worker_note():  # type: ignore[no-untyped-def]
    def note(at: datetime) -> None:
        huey.put(LAST_PERIODIC_RUN, {"task": "every_minute", "at": at.isoformat(), "by": "host:1"})

    yield note
    huey.delete(LAST_PERIODIC_RUN)


def test_with_a_worker_running_a_short_upload_goes_to_the_progress_page(
    app, teacher_client: FlaskClient, worker_note
) -> None:  # type: ignore[no-untyped-def]
    assert len(CANAL.split()) < app.config["GENERATION_INLINE_WORDS"]
    worker_note(utcnow().replace(second=0, microsecond=0))
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    assert response.status_code == 302
    assert "/sources/jobs/" in response.headers["Location"]
    job = db.session.scalar(select(GenerationJob))
    assert job is not None
    db.session.refresh(job)  # the tests' worker runs the job at once
    assert job.status == "done"
    assert job.questions_made == count(Question) > 0


def test_without_a_recent_worker_a_short_upload_is_drafted_at_once(
    app, teacher_client: FlaskClient, worker_note
) -> None:  # type: ignore[no-untyped-def]
    worker_note(utcnow() - timedelta(minutes=10))  # a worker that stopped
    response = upload(teacher_client, title="Canal notes", text=CANAL)
    assert "/sources/jobs/" not in response.headers.get("Location", "")
    assert db.session.scalar(select(GenerationJob)) is None
    assert count(Question) > 0


@pytest.mark.parametrize(
    ("note", "seen"),
    [
        (None, False),
        ("not a note", False),
        ({"at": "yesterday"}, False),
        ({"at": "2026-12-06T10:00:00+00:00"}, True),
        ({"at": "2026-12-06T10:00:00"}, True),  # written without a zone: UTC
        ({"at": "2026-12-06T10:03:30+00:00"}, True),  # another machine's clock a little ahead
        ({"at": "2026-12-06T09:56:00+00:00"}, False),
    ],
)
def test_worker_seen_reads_the_last_periodic_note(app, monkeypatch, note, seen) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(huey, "get", lambda key, peek=False: note if key == LAST_PERIODIC_RUN else None)
    assert where_drafted.worker_seen(datetime(2026, 12, 6, 10, 0, 45, tzinfo=UTC)) is seen


def test_an_unreadable_queue_store_means_drafting_at_once(app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def down(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ConnectionError("redis is down")

    monkeypatch.setattr(huey, "get", down)
    assert where_drafted.inline_words(app.config, utcnow()) == app.config["GENERATION_INLINE_WORDS"]
