"""The state every live page polls once a second, answered below Flask.

``StatePoll`` wraps the app's WSGI callable (``create_app`` installs it) and answers exactly ``GET`` (and
``HEAD``) ``/live/<id>/state``; every other request goes on to Flask untouched. A poll through Flask cost about one
``/healthz`` (the request machinery itself: hooks, context, session, response object), which at 300 phones a
second was more than the CPU share live mode may take (``benchmarks/README.md``); here a poll is a cookie check,
a dictionary look-up and a few header strings.

Who may poll is the view's rule, checked the same way: a participant's signed seat cookie for this session, or
the teacher's seat cookie naming the session's teacher; anyone else gets 404 and no database is read for a browser
with neither cookie. The state comes from this process's copy of the row (at most ``LIVE_STATE_CACHE_SECONDS``
old, shared with the views so that a change made here is seen at once), else from one Core select; a question
past its closing time is closed here by the same conditional update as everywhere. ``ETag`` of the version,
``304`` when the caller has it.

When a question is open, a participant's ``200`` also carries the question as the phones show it (``question``:
HTML rendered once per session version in this process, the same for the whole class, no key in it), so that a
phone shows a new question without a second request; a phone that already answered it, or the lobby, fetches its
own panel as before. Once the question closed (``reveal``) or the session ended, a participant's ``200`` carries
that seat's own ``result`` instead (answered, right or partly right, the points it earned, the running score, place
and players: one Core statement), with the key only while revealed (read once per version in this process), so
that a class's phones do not all fetch their panels through Flask at once. Another seat's result never, the
teacher none.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from flask import Flask, render_template, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from markupsafe import Markup
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.http import parse_cookie, parse_etags, quote_etag

from quizapp.bank.content import describe
from quizapp.bank.models import QuestionVersion
from quizapp.database import is_unavailable, writing
from quizapp.extensions import db
from quizapp.live import clock, pages, services
from quizapp.live.models import LiveSession
from quizapp.models import utcnow
from quizapp.request_args import DB_INT_MAX
from quizapp.security_headers import CONTENT_SECURITY_POLICY
from quizapp.statuses import LiveState

SEAT_SALT = "quizapp.live.seat"
# /live/<id>/state with the <id:> converter's rule: digits without a leading zero (the range is checked below).
STATE_PATH = re.compile(r"/live/([1-9][0-9]{0,9})/state")

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def seat_cookie_name(live_id: int, kind: str) -> str:
    """``p`` a participant's seat, ``t`` the teacher's."""
    return f"live{kind}{live_id}"


def seat_serializer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt=SEAT_SALT)


def read_seat(serializer: URLSafeSerializer, cookies: Mapping[str, str], live_id: int, kind: str) -> int | None:
    """Who a seat cookie names (a participant's or the teacher's id), if it is signed for this session."""
    value = cookies.get(seat_cookie_name(live_id, kind))
    if not value:
        return None
    try:
        signed_live, who = serializer.loads(value)
    except (BadSignature, TypeError, ValueError):
        return None
    return who if signed_live == live_id and isinstance(who, int) else None


def _headers(content_type: str | None, body: bytes, extra: Iterable[tuple[str, str]], secure: bool) -> list[Any]:
    # The headers quizapp.security_headers gives every Flask response that are not about a static file.
    headers = [
        ("Cache-Control", "no-store"),
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
        ("Content-Length", str(len(body))),
        *extra,
    ]
    if content_type:
        headers.append(("Content-Type", content_type))
    if secure:
        headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    return headers


_STATUS = {200: "200 OK", 304: "304 Not Modified", 404: "404 Not Found", 503: "503 Service Unavailable"}
_NOT_FOUND = json.dumps({"ok": False, "error": "You are not in this live session: join it with its code."}).encode()
_UNAVAILABLE = json.dumps({"ok": False, "error": "The server is busy: the page tries again."}).encode()


class StatePoll:
    """WSGI middleware: ``GET /live/<id>/state`` answered here, everything else passed to ``wsgi_app``."""

    def __init__(self, app: Flask, wsgi_app: WSGIApp) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        self._engine: Engine | None = None
        self._serializer: tuple[str, URLSafeSerializer] | None = None
        # The open question's HTML per session: (version it was rendered at, html). One entry per session.
        self._questions: dict[int, tuple[int, str]] = {}
        # The revealed question's answer per session: (version it was read at, text). One entry per session.
        self._keys: dict[int, tuple[int, str]] = {}
        self._history: str | None = None
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD")
        match = STATE_PATH.fullmatch(environ.get("PATH_INFO", "")) if method in ("GET", "HEAD") else None
        if match is None or int(match[1]) > DB_INT_MAX:
            return self.wsgi_app(environ, start_response)
        status, extra, content_type, body = self.answer(int(match[1]), environ)
        secure = environ.get("wsgi.url_scheme") == "https"
        start_response(_STATUS[status], _headers(content_type, body, extra, secure))
        return [b""] if method == "HEAD" else [body]

    # --- the answer ----------------------------------------------------------------------------------------------

    def answer(self, live_id: int, environ: Mapping[str, Any]) -> tuple[int, list[tuple[str, str]], str | None, bytes]:
        """(status, extra headers, content type, body) of one poll."""
        cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
        serializer = self.serializer()
        participant = read_seat(serializer, cookies, live_id, "p")
        teacher = None if participant is not None else read_seat(serializer, cookies, live_id, "t")
        if participant is None and teacher is None:
            return 404, [], "application/json", _NOT_FOUND
        now = utcnow()
        try:
            row = self.state(live_id, now)
        except SQLAlchemyError as error:
            if not is_unavailable(error):
                self.app.logger.exception("live state %s could not be read", live_id)
            return 503, [("Retry-After", "1")], "application/json", _UNAVAILABLE
        if row is None or (participant is None and teacher != row.teacher_id):
            return 404, [], "application/json", _NOT_FOUND
        etag = f"v{row.version}"
        tag = [("ETag", quote_etag(etag))]
        if etag in parse_etags(environ.get("HTTP_IF_NONE_MATCH")):
            return 304, tag, None, b""
        state = row.as_json(now)
        if row.state == LiveState.ENDED:  # nothing of it is drawn again: its copies leave this long-lived worker
            self.forget(row.id)
        if participant is not None and row.state == LiveState.QUESTION:
            state["question"] = self.question_html(row)
        elif participant is not None and row.state in (LiveState.REVEAL, LiveState.ENDED):
            result = self.result(row, participant)
            if result is not None:
                state["result"] = result
        return 200, tag, "application/json", json.dumps(state, separators=(",", ":")).encode()

    def serializer(self) -> URLSafeSerializer:
        secret = str(self.app.config["SECRET_KEY"])
        made = self._serializer
        if made is None or made[0] != secret:
            made = self._serializer = (secret, seat_serializer(secret))
        return made[1]

    def engine(self) -> Engine:
        if self._engine is None:
            with self.app.app_context():
                self._engine = db.engine
        return self._engine

    def state(self, live_id: int, now: datetime) -> services.StateRow | None:
        """The session's state row: this process's recent copy, else one select; closed here when its time is up."""
        engine = self.engine()

        def read() -> services.StateRow | None:
            with engine.connect() as connection:
                return services.read_state(connection, live_id)

        def close_and_read() -> services.StateRow | None:
            with writing(), engine.begin() as connection:  # BEGIN IMMEDIATE on SQLite
                services.close_if_over(connection, live_id, now)
                return services.read_state(connection, live_id)

        max_age = float(self.app.config.get("LIVE_STATE_CACHE_SECONDS") or 0)
        return services.state_through(engine, live_id, now, max_age, read, close_and_read)

    # --- the closed question's result, the phone's own -------------------------------------------------------------

    def result(self, row: services.StateRow, participant: int) -> dict[str, Any] | None:
        """This seat's result after the question closed (one Core statement), with the key while it is revealed;
        None when it cannot be read now (the phone then fetches its panel)."""
        try:
            with self.engine().connect() as connection:
                result = services.read_result(connection, row.id, participant, row.current_index)
        except SQLAlchemyError as error:
            if not is_unavailable(error):
                self.app.logger.exception("live result %s could not be read", row.id)
            return None
        if result is None:
            return None
        if row.state == LiveState.REVEAL:
            key = self.key_text(row)
            if key is None:
                return None
            result["key"] = key
        elif not result["guest"]:
            result["history"] = self.history_url()
        return result

    def forget(self, live_id: int) -> None:
        with self._lock:
            self._questions.pop(live_id, None)
            self._keys.pop(live_id, None)

    def key_text(self, row: services.StateRow) -> str | None:
        """The revealed question's answer as the phones show it, read once per version in this process; None when
        the database has moved on from that version already."""
        with self._lock:
            cached = self._keys.get(row.id)
        if cached is not None and cached[0] == row.version:
            return cached[1]
        with self.app.app_context():
            live = db.session.get(LiveSession, row.id)
            if live is None or live.version != row.version or live.state != LiveState.REVEAL:
                return None
            version = db.session.get(QuestionVersion, int(live.questions[live.current_index]["version_id"]))
            if version is None:
                return None
            key = describe(version.type, version.answer)
        with self._lock:
            self._keys[row.id] = (row.version, key)
        return key

    def history_url(self) -> str:
        if self._history is None:
            with self.app.test_request_context("/"):
                self._history = url_for("history.mine")
        return self._history

    # --- the open question, shared by every phone ----------------------------------------------------------------

    def question_html(self, row: services.StateRow) -> str | None:
        """The open question's panel at the row's version, rendered once per version in this process; None when
        the database has moved on from that version already (the phone then fetches its panel)."""
        with self._lock:
            cached = self._questions.get(row.id)
        if cached is not None and cached[0] == row.version:
            return cached[1]
        with self.app.test_request_context("/", environ_overrides={"wsgi.url_scheme": "http"}):
            live = db.session.get(LiveSession, row.id)
            if live is None or live.version != row.version or live.state != LiveState.QUESTION:
                return None
            shown, order = services.shown_question(db.session, live, live.current_index)
            timing = clock.Timing(live.closes_at, live.paused_remaining)
            html = render_template(
                "live/_shared_question.html",
                live_id=live.id,
                version=live.version,
                index=live.current_index,
                count=live.question_count,
                question=pages.question_view(shown, order, live.current_index),
                paused=timing.paused,
                seconds_left=clock.seconds_left(timing, utcnow()),
                csrf=Markup(""),
            )
        with self._lock:
            self._questions[row.id] = (row.version, html)
        return html


EXTENSION = "quizapp.live.poll"


def install(app: Flask) -> None:
    """Answer the live state polls below Flask (see the module's docstring)."""
    poll = app.extensions[EXTENSION] = StatePoll(app, app.wsgi_app)
    app.wsgi_app = poll  # type: ignore[method-assign]
