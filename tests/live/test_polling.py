"""The live state poll answered below Flask (``quizapp.live.polling.StatePoll``): who may poll, the ETag and 304,
the headers every response carries, the open question handed to the phones (never its key), and that Flask
itself never sees a poll. Through the test client, which calls ``app.wsgi_app`` as a server does."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import Client

from quizapp.extensions import db
from quizapp.live.models import LiveParticipant, LiveSession
from quizapp.live.polling import EXTENSION, StatePoll
from quizapp.models import utcnow
from quizapp.request_args import DB_INT_MAX
from tests.conftest import Accounts
from tests.live.test_pages import _answer, _control, _join, _quiz, _start

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _flask_requests(app: Flask) -> list[str]:
    """The paths that reach Flask from now on (the middleware's inner app counts them)."""
    poll: StatePoll = app.extensions[EXTENSION]
    inner = poll.wsgi_app
    seen: list[str] = []

    def counting(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        seen.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    poll.wsgi_app = counting
    return seen


def _guest(app: Flask, live: LiveSession, nickname: str) -> FlaskClient:
    guest = app.test_client()
    assert _join(guest, live.join_code, nickname=nickname).status_code == 302
    return guest


def test_who_may_poll_etag_304_and_headers_without_flask(
    app: Flask, users: Accounts, teacher_client: FlaskClient
) -> None:
    live = _start(teacher_client, _quiz(users), allow_guests="y")
    teacher_client.get(f"/live/{live.id}")  # the projector's seat cookie
    guest = _guest(app, live, "Comet")
    url = f"/live/{live.id}/state"
    flask_saw = _flask_requests(app)

    first = guest.get(url)
    assert first.status_code == 200
    assert (first.json["state"], first.json["version"], first.json["count"]) == ("lobby", 2, 2)
    assert first.headers["ETag"] == '"v2"'
    assert first.mimetype == "application/json"
    for name, value in SECURITY_HEADERS.items():
        assert first.headers[name] == value, name
    assert "frame-ancestors 'none'" in first.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in first.headers
    assert "Set-Cookie" not in first.headers

    again = guest.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert again.headers["ETag"] == '"v2"'
    assert again.headers["Cache-Control"] == "no-store"
    head = guest.head(url)
    assert (head.status_code, head.get_data(), head.headers["ETag"]) == (200, b"", '"v2"')
    assert teacher_client.get(url).status_code == 200  # the teacher's seat
    assert guest.get(url, base_url="https://quiz.example").headers["Strict-Transport-Security"].startswith("max-age")

    assert app.test_client().get(url).status_code == 404  # no seat
    forged = app.test_client()
    forged.set_cookie(f"livep{live.id}", "[1, 1].forged", path="/live/")
    assert forged.get(url).status_code == 404
    assert flask_saw == []  # every poll above was answered below Flask

    # A seat of one session says nothing in another, the teacher's included; an unknown session is a 404.
    other = _start(teacher_client, live.quiz_id)
    for kind, client in (("p", guest), ("t", teacher_client)):
        seat = client.get_cookie(f"live{kind}{live.id}", path="/live/")
        assert seat is not None
        stranger = app.test_client()
        stranger.set_cookie(f"live{kind}{other.id}", seat.value, path="/live/")
        assert stranger.get(f"/live/{other.id}/state").status_code == 404
    flask_saw.clear()
    assert guest.get(f"/live/{live.id + 1000}/state").status_code == 404
    assert flask_saw == []

    # Everything else goes on to Flask: other methods, other paths, ids the <id:> converter refuses.
    assert guest.post(url).status_code == 405
    assert guest.get(f"/live/0{live.id}/state").status_code == 404
    assert guest.get(f"/live/{DB_INT_MAX + 1}/state").status_code == 404
    assert guest.get(f"{url}/").status_code == 404
    assert flask_saw == [url, f"/live/0{live.id}/state", f"/live/{DB_INT_MAX + 1}/state", f"{url}/"]


def test_the_open_question_rides_on_the_state_without_its_key(
    app: Flask, users: Accounts, teacher_client: FlaskClient
) -> None:
    live = _start(teacher_client, _quiz(users), allow_guests="y")
    teacher_client.get(f"/live/{live.id}")
    comet, nova = _guest(app, live, "Comet"), _guest(app, live, "Nova")
    url = f"/live/{live.id}/state"
    assert "question" not in comet.get(url).json  # the lobby: nothing to show
    etag = comet.get(url).headers["ETag"]

    _control(teacher_client, live, "next")
    state = comet.get(url, headers={"If-None-Match": etag})
    assert state.status_code == 200
    html = state.json["question"]
    assert "Who was the chief engineer" in html
    assert "Margaret Hale" in html  # an option, as every phone shows it
    assert f'data-live-version="{state.json["version"]}"' in html
    assert 'name="index" value="0"' in html
    assert 'name="csrf_token" value=""' in html  # the phone's script puts in its own token
    for secret in ("EXPLAIN-MC", "planned the route from Eastport", "data-correct", "checked"):
        assert secret not in html
    assert "Flag to come back to" not in html  # a quiz attempt's reminder: a live question has no "before you submit"
    assert html.count('type="submit"') == 1  # the one button, "Answer"
    poll: StatePoll = app.extensions[EXTENSION]
    assert poll._questions[live.id] == (state.json["version"], html)  # rendered once for this version
    assert nova.get(url).json["question"] == html  # the same for the whole class
    assert "question" not in teacher_client.get(url).json  # the projector shows its own screen

    # Paused: a new version, the same question with its button off; closed: no question any more.
    _control(teacher_client, live, "pause")
    paused = comet.get(url).json
    assert paused["paused"] is True
    assert re.search(r"<button[^>]*\bdisabled\b[^>]*>Answer</button>", paused["question"])
    _control(teacher_client, live, "resume")
    _control(teacher_client, live, "reveal")
    revealed = comet.get(url).json
    assert revealed["state"] == "reveal"
    assert "question" not in revealed


def test_a_poll_closes_a_question_whose_time_is_up(app: Flask, users: Accounts, teacher_client: FlaskClient) -> None:
    live = _start(teacher_client, _quiz(users), allow_guests="y")
    guest = _guest(app, live, "Comet")
    _control(teacher_client, live, "next")
    opened = guest.get(f"/live/{live.id}/state").json
    assert opened["state"] == "question"
    row = db.session.get(LiveSession, live.id)
    assert row is not None
    row.closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    app.config["LIVE_STATE_CACHE_SECONDS"] = 0  # no copy kept: the next poll reads the row
    closed = guest.get(f"/live/{live.id}/state").json
    assert (closed["state"], closed["version"]) == ("reveal", opened["version"] + 1)
    db.session.rollback()  # the test's own read (of live.id, above) began before the poll wrote
    assert db.session.get(LiveSession, live.id).state == "reveal"  # type: ignore[union-attr]


def test_the_route_answers_the_same_should_a_request_reach_flask(
    app: Flask, users: Accounts, teacher_client: FlaskClient
) -> None:
    """The view behind the middleware (the route names the URL for url_for and the access map)."""
    live = _start(teacher_client, _quiz(users), allow_guests="y")
    guest = _guest(app, live, "Comet")
    seat = guest.get_cookie(f"livep{live.id}", path="/live/")
    assert seat is not None
    poll: StatePoll = app.extensions[EXTENSION]
    flask_only = Client(poll.wsgi_app, use_cookies=False)
    url = f"/live/{live.id}/state"
    answered = flask_only.get(url, headers={"Cookie": f"livep{live.id}={seat.value}"})
    assert answered.status_code == 200, answered.get_data(as_text=True)[:300]
    assert answered.json["state"] == "lobby"  # type: ignore[index]
    assert answered.headers["Cache-Control"] == "no-store"
    unchanged = flask_only.get(
        url, headers={"Cookie": f"livep{live.id}={seat.value}", "If-None-Match": answered.headers["ETag"]}
    )
    assert unchanged.status_code == 304
    assert flask_only.get(url).status_code == 404


def test_each_phone_gets_its_own_result_once_the_question_closed(
    app: Flask, users: Accounts, teacher_client: FlaskClient, student_client: FlaskClient
) -> None:
    live = _start(teacher_client, _quiz(users), allow_guests="y")
    teacher_client.get(f"/live/{live.id}")
    assert _join(student_client, live.join_code).status_code == 302
    comet, nova, quiet = _guest(app, live, "Comet"), _guest(app, live, "Nova"), _guest(app, live, "Quiet")
    url = f"/live/{live.id}/state"
    assert "result" not in comet.get(url).json  # the lobby

    _control(teacher_client, live, "next")
    assert _answer(student_client, live, 0, {"choice": "1"}).json["ok"] is True  # right
    assert _answer(comet, live, 0, {"choice": "0"}).json["ok"] is True  # wrong
    for client in (student_client, comet, nova):
        state = client.get(url).json
        assert state["state"] == "question"
        assert "result" not in state  # nothing of anyone's result, nor of the key, while it is open
        assert "Margaret Hale" not in str({k: v for k, v in state.items() if k != "question"})

    flask_saw = _flask_requests(app)
    _control(teacher_client, live, "reveal")
    flask_saw.clear()
    student = student_client.get(url).json["result"]
    assert (student["answered"], student["correct"], student["partly"]) == (True, True, False)
    assert 500 <= student["points"] <= 1000
    assert (student["score"], student["place"], student["players"]) == (student["points"], 1, 4)
    assert student["key"] == "Margaret Hale"
    assert "history" not in student  # only when the session ended
    wrong = comet.get(url).json["result"]
    assert (wrong["answered"], wrong["correct"], wrong["points"], wrong["score"], wrong["place"]) == (
        True, False, 0, 0, 2,
    )  # fmt: skip
    assert wrong["key"] == "Margaret Hale"
    silent = quiet.get(url).json["result"]
    assert (silent["answered"], silent["score"], silent["place"], silent["players"]) == (False, 0, 2, 4)
    assert "result" not in teacher_client.get(url).json  # the projector shows its own screen
    assert flask_saw == []  # every result above came without Flask

    # A seat's cookie carries its own id, signed: another seat's result is out of reach, a forged one a 404.
    seat = comet.get_cookie(f"livep{live.id}", path="/live/")
    assert seat is not None
    forged = app.test_client()
    forged.set_cookie(f"livep{live.id}", seat.value[:-2] + "xx", path="/live/")
    assert forged.get(url).status_code == 404
    # A seat signed for this session but naming a participant of another session (or none) gets no result.
    other = _start(teacher_client, live.quiz_id, allow_guests="y")
    _guest(app, other, "Elsewhere")
    elsewhere = db.session.scalars(select(LiveParticipant.id).where(LiveParticipant.live_session_id == other.id)).one()
    poll: StatePoll = app.extensions[EXTENSION]
    for who in (elsewhere, 10**9):
        stranger = app.test_client()
        stranger.set_cookie(f"livep{live.id}", poll.serializer().dumps([live.id, who]), path="/live/")
        stranger_state = stranger.get(url).json
        assert stranger_state["state"] == "reveal"
        assert "result" not in stranger_state

    _control(teacher_client, live, "end")
    ended = student_client.get(url).json
    assert ended["state"] == "ended"
    assert "key" not in ended["result"]
    assert ended["result"]["history"] == "/history"
    assert "history" not in comet.get(url).json["result"]  # a guest has no history
    assert live.id not in poll._questions  # an ended session's copies are let go
    assert live.id not in poll._keys


def test_two_servers_on_one_database_agree(
    app: Flask, users: Accounts, teacher_client: FlaskClient, database_url: str
) -> None:
    """Any server may answer any request: a second app on the same database (its own engine, so its own copy of
    the state, as another machine's worker has) follows what the teacher did through the first, takes the guest's
    join and answer, and the first sees them. Its copy is kept 0 s here; the 0.2 s reuse is benchmarks/live.py's."""
    from quizapp import create_app
    from tests.support import app_config

    other = create_app(app_config(database_url, LIVE_STATE_CACHE_SECONDS=0))
    try:
        live = _start(teacher_client, _quiz(users), allow_guests="y")
        teacher_client.get(f"/live/{live.id}")
        guest = other.test_client()
        assert _join(guest, live.join_code, nickname="Comet").status_code == 302  # joined through the other server
        # The first server's requests run in the test's app context, so in its session: no snapshot kept from before.
        db.session.remove()
        assert "Comet" in teacher_client.get(f"/live/{live.id}/screen").get_data(as_text=True)
        url = f"/live/{live.id}/state"
        lobby = guest.get(url)
        _control(teacher_client, live, "next")  # through the first server
        opened = guest.get(url, headers={"If-None-Match": lobby.headers["ETag"]})
        assert (opened.status_code, opened.json["state"], opened.json["index"]) == (200, "question", 0)
        assert "Who was the chief engineer" in opened.json["question"]
        assert _answer(guest, live, 0, {"choice": "1"}).json["ok"] is True
        db.session.remove()
        assert "1 of 1 answered" in teacher_client.get(f"/live/{live.id}/screen").get_data(as_text=True)
        _control(teacher_client, live, "reveal")
        result = guest.get(url).json
        assert (result["state"], result["version"]) == ("reveal", opened.json["version"] + 1)
        assert (result["result"]["correct"], result["result"]["place"]) == (True, 1)
        assert teacher_client.get(url).json["version"] == result["version"]  # both servers say the same
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()
