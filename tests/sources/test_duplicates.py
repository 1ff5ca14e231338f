"""Bringing in what the bank already has: an article (open it / upload anyway) and imported questions."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp import create_app
from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.sources import duplicates
from quizapp.sources.models import PendingUpload, SourceDocument, text_fingerprint
from tests.factories import user
from tests.seeding.test_seed import CANAL
from tests.sources.test_upload import upload
from tests.support import app_config, login, post_form

TOKEN = re.compile(r'name="token" value="([0-9a-f]+)"')


def documents() -> int:
    return db.session.scalar(select(func.count()).select_from(SourceDocument)) or 0


def questions() -> int:
    return db.session.scalar(select(func.count()).select_from(Question)) or 0


def saved_another_way(text: str) -> str:
    """The same article as a text file and as Markdown with curly quotes, other spacing and upper case."""
    return "  " + text.replace("\n\n", "\n\n\n").replace("'", "’").upper().replace(". ", ".  ") + "\n"


def test_fingerprints_ignore_case_punctuation_and_spacing() -> None:
    assert text_fingerprint(CANAL) == text_fingerprint(saved_another_way(CANAL))
    assert text_fingerprint(CANAL) != text_fingerprint(CANAL.replace("1821", "1822"))


def test_the_same_article_saved_another_way_asks_open_it_or_upload_anyway(teacher_client: FlaskClient) -> None:
    assert upload(teacher_client, file=(io.BytesIO(CANAL.encode()), "canal.txt")).status_code == 302
    before = (documents(), questions())
    first = db.session.scalar(select(SourceDocument))
    asked = upload(teacher_client, file=(io.BytesIO(saved_another_way(CANAL).encode()), "canal-again.md"))
    assert asked.status_code == 409
    html = asked.get_data(as_text=True)
    assert "Already in your sources" in html
    assert f'href="/sources/{first.id}"' in html  # open it
    assert "Upload anyway" in html
    assert (documents(), questions()) == before  # nothing stored while the teacher decides

    token = TOKEN.search(html).group(1)
    anyway = post_form(teacher_client, "/sources/new/anyway", {"token": token}, token_from="/sources/new")
    assert anyway.status_code == 302
    assert documents() == before[0] + 1
    again = post_form(teacher_client, "/sources/new/anyway", {"token": token}, token_from="/sources/new")
    assert again.status_code == 302  # a token is used once
    assert documents() == before[0] + 1


def test_upload_anyway_reaches_another_app_server(app: Flask, users, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    """Behind a proxy the second POST may go to another server: the waiting upload is in the shared database."""
    upload(teacher_client, title="Canal notes", text=CANAL)
    asked = upload(teacher_client, title="Canal notes", text=CANAL.upper())
    assert asked.status_code == 409
    token = TOKEN.search(asked.get_data(as_text=True)).group(1)
    db.session.expire_all()
    assert db.session.scalars(select(PendingUpload.token)).all() == [token]  # committed, though the page was a 409
    db.session.rollback()  # this test's read ends before the other server writes
    other_server = create_app(app_config(app.config["SQLALCHEMY_DATABASE_URI"]))
    client = other_server.test_client()
    login(client, users.teacher)
    anyway = post_form(client, "/sources/new/anyway", {"token": token}, token_from="/sources/new")
    assert anyway.status_code == 302
    assert "/sources/new" not in anyway.headers["Location"]  # not "no longer waiting": stored
    with other_server.app_context():
        db.engine.dispose()
    db.session.expire_all()
    assert documents() == 2
    assert db.session.scalar(select(func.count()).select_from(PendingUpload)) == 0


def test_a_waiting_upload_is_taken_once_by_its_owner_within_the_hour(app: Flask, users) -> None:  # type: ignore[no-untyped-def]
    teacher, other = user(users.teacher), user(users.other_teacher)
    now = utcnow()
    token = duplicates.keep_pending(db.session, teacher, "canal.md", CANAL, "txt", now=now)
    old = duplicates.keep_pending(db.session, teacher, "old.pdf", b"%PDF-1.4", None, now=now - timedelta(minutes=61))
    assert duplicates.take_pending(db.session, other, token, now=now) is None  # another teacher's: not found
    assert duplicates.take_pending(db.session, teacher, old, now=now) is None  # too old, and removed
    assert duplicates.take_pending(db.session, teacher, token, now=now) == ("canal.md", CANAL, "txt")
    assert duplicates.take_pending(db.session, teacher, token, now=now) is None  # once
    kept = duplicates.keep_pending(db.session, teacher, "a.pdf", b"%PDF-1.4 \x00\xff", None, now=now)
    assert duplicates.take_pending(db.session, teacher, kept, now=now + timedelta(minutes=59)) == (
        "a.pdf",
        b"%PDF-1.4 \x00\xff",
        None,
    )
    # The worker's minute sweep forgets what waited over an hour, and only that.
    fresh = duplicates.keep_pending(db.session, teacher, "fresh.txt", "fresh", "txt", now=now)
    duplicates.keep_pending(db.session, teacher, "stale.txt", "stale", "txt", now=now - timedelta(hours=2))
    assert duplicates.forget_expired(db.session, now=now) == 1
    assert db.session.scalars(select(PendingUpload.token)).all() == [fresh]
    db.session.commit()


def test_an_identical_text_offers_only_to_open_it(teacher_client: FlaskClient) -> None:
    upload(teacher_client, title="Canal notes", text=CANAL)
    asked = upload(teacher_client, title="Canal notes", text=CANAL)
    assert asked.status_code == 409
    assert "Upload anyway" not in asked.get_data(as_text=True)
    assert documents() == 1


def test_another_teacher_cannot_use_the_waiting_upload(app: Flask, users, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    upload(teacher_client, title="Canal notes", text=CANAL)
    token = TOKEN.search(upload(teacher_client, title="Canal notes", text=CANAL.upper()).get_data(as_text=True)).group(
        1
    )
    other = app.test_client()
    login(other, users.other_teacher)
    for forged in (token, "../../etc/passwd", "0" * 32, ""):
        response = post_form(other, "/sources/new/anyway", {"token": forged}, token_from="/sources/new")
        assert response.status_code == 302
    assert documents() == 1


def test_another_teacher_s_copy_is_no_duplicate(app: Flask, users, teacher_client: FlaskClient) -> None:  # type: ignore[no-untyped-def]
    upload(teacher_client, title="Canal notes", text=CANAL)
    other = app.test_client()
    login(other, users.other_teacher)
    assert upload(other, title="Canal notes", text=CANAL).status_code == 302
    assert documents() == 2


GIFT = (
    "::Canal opening::The Riverside Canal opened in {=1821 ~1834 ~1852}\n\n"
    "::Engineer::Who planned the canal's route? {=Margaret Hale ~Thomas Reed ~John Brindley}\n\n"
)


def import_gift(client: FlaskClient, content: str, **extra: str):  # type: ignore[no-untyped-def]
    data = {"file": (io.BytesIO(content.encode()), "bank.gift"), **extra}
    return post_form(client, "/bank/import", data, token_from="/bank/import")


def test_reimporting_leaves_out_the_questions_already_in_the_bank_and_lists_them(teacher_client: FlaskClient) -> None:
    assert b"2 questions imported" in import_gift(teacher_client, GIFT).data
    # The same questions with other spacing and case, and one new question.
    again = GIFT.replace("opened in", "OPENED   in") + "::New::The canal closed in {=1962 ~1950 ~1971}\n"
    html = import_gift(teacher_client, again).get_data(as_text=True)
    assert "1 question imported" in html
    assert "2 questions left out as already in your bank" in html
    assert "Already in your bank (question" in html
    assert questions() == 3


def test_duplicates_within_one_file_are_imported_once(teacher_client: FlaskClient) -> None:
    html = import_gift(teacher_client, GIFT + GIFT).get_data(as_text=True)
    assert "2 questions imported" in html
    assert "Twice in this file" in html
    assert questions() == 2


def test_ticking_the_box_imports_them_again(teacher_client: FlaskClient) -> None:
    import_gift(teacher_client, GIFT)
    html = import_gift(teacher_client, GIFT, keep_duplicates="y").get_data(as_text=True)
    assert "2 questions imported" in html
    assert questions() == 4


def test_a_background_import_leaves_out_duplicates_too(app: Flask, teacher_client: FlaskClient) -> None:
    import_gift(teacher_client, GIFT)
    app.config["IMPORT_INLINE_BYTES"] = 10  # the worker imports it (at once, in the tests)
    job_page = import_gift(teacher_client, GIFT)
    assert job_page.status_code == 302
    html = teacher_client.get(job_page.headers["Location"]).get_data(as_text=True)
    assert "2 questions left out as already in your bank" in html
    assert questions() == 2
    kept = import_gift(teacher_client, GIFT, keep_duplicates="y")
    teacher_client.get(kept.headers["Location"])
    assert questions() == 4
