"""Live mode pages: the teacher's projector and controls, the students' phones, and the tiny state endpoint both
poll once a second.

Who is who: the projector needs the session's teacher (another teacher's session is a 404). A phone is a
participant of that one session, known by a signed cookie set when it joined (or, for a signed-in student, by
their account). The state endpoint answers from the session row alone, by a Core select, with an ``ETag`` of
its version and ``304`` when nothing changed: it never loads the user (``auth.session_limits`` lets it by) and
runs no hook of its own.
"""

from __future__ import annotations

from typing import Any

import segno
from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from itsdangerous import URLSafeSerializer
from markupsafe import Markup
from werkzeug.wrappers import Response

from quizapp.access import ANYONE, STAFF, allow
from quizapp.auth.roles import Role
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.live import pages, polling, services
from quizapp.live.forms import LiveJoinForm, LiveSettingsForm
from quizapp.live.models import LiveParticipant, LiveSession
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_of_teacher
from quizapp.rate_limits import limited
from quizapp.request_args import whole_number
from quizapp.transactions import undo_on, writes_on_get

bp = Blueprint("live", __name__, url_prefix="/live", template_folder="templates")

# The endpoint every phone polls: auth.session_limits does not load the user for it.
STATE_ENDPOINT = "live.state"
COOKIE_PATH = "/live/"
QUESTIONS_MAX = 10_000  # more than any quiz has: a larger index is not one of the session's


def _serializer() -> URLSafeSerializer:
    return current_app.extensions[polling.EXTENSION].serializer()


def _set_seat(response: Response, live_id: int, kind: str, who: int) -> Response:
    """A signed cookie saying who this browser is in the session: ``p`` a participant, ``t`` its teacher."""
    response.set_cookie(
        polling.seat_cookie_name(live_id, kind),
        _serializer().dumps([live_id, who]),
        max_age=int(services.SESSION_LIFETIME.total_seconds()),
        path=COOKIE_PATH,
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        httponly=True,
        samesite="Lax",
    )
    return response


def _seat(live_id: int, kind: str) -> int | None:
    return polling.read_seat(_serializer(), request.cookies, live_id, kind)


def _state_cache_seconds() -> float:
    return float(current_app.config.get("LIVE_STATE_CACHE_SECONDS") or 0)


def _participant(live_id: int) -> LiveParticipant:
    """This browser's participant in the session: by its cookie, else by the signed-in student; 404 otherwise."""
    participant_id = _seat(live_id, "p")
    if participant_id is not None:
        return services.participant_of(db.session, live_id, participant_id)
    if current_user.is_authenticated and current_user.role == Role.STUDENT:
        found = services.participant_for_student(db.session, live_id, current_user.id)
        if found is not None:
            return found
    abort(404)


# --- teachers ----------------------------------------------------------------------------------------------------


@bp.route("/")
@allow(STAFF)
def index() -> ResponseReturnValue:
    return render_template("live/index.html", sessions=services.sessions_of_teacher(db.session, current_user))


@bp.route("/new/<id:quiz_id>", methods=["GET", "POST"])
@allow(STAFF)
def new(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    form = LiveSettingsForm()
    status = 200
    if form.validate_on_submit():
        with undo_on() as step:
            live = services.start_session(
                db.session,
                quiz.id,
                current_user,
                seconds=form.seconds.data or 0,
                allow_guests=bool(form.allow_guests.data),
                show_names=bool(form.show_names.data),
                now=utcnow(),
            )
        if not step.failed:
            return redirect(url_for("live.projector", live_id=live.id))
        status = step.status_code
    elif form.is_submitted():
        status = 400
    return render_template("live/new.html", form=form, quiz=quiz), status


def _address(endpoint: str, **values: Any) -> str:
    """A full address for the projector: under PUBLIC_URL when set (behind a proxy the request's Host may be an
    inside name), else the request's own."""
    public = str(current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    return public + url_for(endpoint, **values) if public else url_for(endpoint, _external=True, **values)


def _qr_code(live: LiveSession) -> Markup:
    """The join link (with the code filled in) as an inline SVG QR code, drawn here: no image file, no CDN."""
    svg = segno.make(_address("live.join", code=live.join_code), error="m").svg_inline(
        scale=6, border=2, svgclass="live-qr", title="QR code: opens the join page with this session's code filled in"
    )
    return Markup(svg)  # noqa: S704 - segno's own markup of a link we built; no user text in it


@bp.route("/<id:live_id>")
@allow(STAFF)
@writes_on_get  # a question past its time is closed by whoever reads the session first
def projector(live_id: int) -> ResponseReturnValue:
    now = utcnow()
    services.current_state(db.session, live_id, now=now)
    live = services.live_for_teacher(db.session, live_id, current_user, players=True)
    body = render_template(
        "live/projector.html",
        screen=pages.screen(db.session, live, now=now),
        qr=_qr_code(live),
        join_url=_address("live.join"),
        form=ConfirmForm(),
    )
    return _set_seat(current_app.make_response(body), live.id, "t", current_user.id)


@bp.route("/<id:live_id>/screen")
@allow(STAFF)
@writes_on_get
def screen(live_id: int) -> ResponseReturnValue:
    """The projector's changing part, fetched by its script when the version changes."""
    now = utcnow()
    services.current_state(db.session, live_id, now=now)
    live = services.live_for_teacher(db.session, live_id, current_user, players=True)
    return render_template("live/_screen.html", screen=pages.screen(db.session, live, now=now), form=ConfirmForm())


CONTROLS = {
    "next": services.advance,
    "skip": services.advance,
    "pause": services.pause,
    "resume": services.resume,
    "extend": services.extend,
    "reveal": services.reveal,
    "end": services.end_session,
}


@bp.route("/<id:live_id>/control", methods=["POST"])
@allow(STAFF)
def control(live_id: int) -> ResponseReturnValue:
    services.live_for_teacher(db.session, live_id, current_user)  # another teacher's session: 404 before anything
    action = CONTROLS.get(request.form.get("action", ""))
    if action is None:
        flash("That button is not one of the session's controls: nothing was changed.", "danger")
        return redirect(url_for("live.projector", live_id=live_id))
    if ConfirmForm().validate_on_submit():
        with undo_on(category="warning"):
            live = action(db.session, live_id, current_user, now=utcnow())
            if live.state == "ended":
                return redirect(url_for("live.results", live_id=live_id))
    return redirect(url_for("live.projector", live_id=live_id))


@bp.route("/<id:live_id>/results")
@allow(STAFF)
def results(live_id: int) -> ResponseReturnValue:
    live = services.live_for_teacher(db.session, live_id, current_user, players=True)
    return render_template("live/results.html", results=pages.results(db.session, live))


@bp.app_template_global("live_guests_of_quiz")
def live_guests_of_quiz(quiz_id: int) -> list[services.GuestsOfSession]:
    """The quiz's live sessions that had guests, for its results and item analysis pages (history cannot import
    live): a guest has no attempt, so those pages say where the guests are counted."""
    if not current_user.is_authenticated:
        return []
    return services.guests_of_quiz(db.session, quiz_id, current_user.id)


# --- students and guests -----------------------------------------------------------------------------------------


@bp.route("/join", methods=["GET", "POST"])
@allow(ANYONE)
@limited("RATELIMIT_LIVE_JOIN")
def join() -> ResponseReturnValue:
    form = LiveJoinForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args.get("code", "")[:32]
    student = current_user if current_user.is_authenticated and current_user.role == Role.STUDENT else None
    status = 200
    if form.validate_on_submit():
        with undo_on() as step:
            participant = services.join(
                db.session, form.code.data or "", student=student, nickname=form.nickname.data, now=utcnow()
            )
        if not step.failed:
            response = redirect(url_for("live.play", live_id=participant.live_session_id))
            return _set_seat(response, participant.live_session_id, "p", participant.id)
        status = step.status_code
    elif form.is_submitted():
        status = 400
    return render_template("live/join.html", form=form, student=student), status


@bp.route("/<id:live_id>/play")
@allow(ANYONE)
@writes_on_get
def play(live_id: int) -> ResponseReturnValue:
    now = utcnow()
    services.current_state(db.session, live_id, now=now)
    participant = _participant(live_id)
    body = render_template("live/play.html", phone=pages.phone(db.session, participant, now=now))
    return _set_seat(current_app.make_response(body), live_id, "p", participant.id)


@bp.route("/<id:live_id>/play/panel")
@allow(ANYONE)
@writes_on_get
def panel(live_id: int) -> ResponseReturnValue:
    """The phone's changing part, fetched by its script when the version changes."""
    now = utcnow()
    # For its closing only (the participant's row brings the session's own): the poll just read the state.
    services.current_state(db.session, live_id, now=now, max_age=_state_cache_seconds())
    participant = _participant(live_id)
    return render_template("live/_panel.html", phone=pages.phone(db.session, participant, now=now))


def _fields(form: Any, index: int) -> dict[str, Any]:
    prefix = f"q{index}-"
    return {key[len(prefix) :]: value for key, value in form.items() if key.startswith(prefix)}


@bp.route("/<id:live_id>/answer", methods=["POST"])
@allow(ANYONE)
def answer(live_id: int) -> ResponseReturnValue:
    participant = _participant(live_id)
    wants_json = request.accept_mimetypes.best == "application/json"
    index = whole_number(request.form.get("index"), maximum=QUESTIONS_MAX)
    if not ConfirmForm().validate_on_submit() or index is None:
        message = "The answer could not be read: reload the page and answer again."
        return (jsonify(ok=False, error=message), 400) if wants_json else abort(400)
    with undo_on(category=None if wants_json else "warning") as step:
        services.answer(db.session, live_id, participant.id, index, _fields(request.form, index), now=utcnow())
    if wants_json:
        if step.failed:
            return jsonify(ok=False, error=str(step.error)), step.status_code
        return jsonify(ok=True, message="Answer received.")
    if not step.failed:
        flash("Answer received. Wait for the question to close to see if you were right.", "success")
    return redirect(url_for("live.play", live_id=live_id))


@bp.route("/<id:live_id>/state")
@allow(ANYONE)
def state(live_id: int) -> ResponseReturnValue:
    """The session's state as JSON (version, state, index, closing time, seconds left; the open question for a
    participant), ``304`` when the version is the one the caller has; 404 for anyone but the session's teacher and
    its participants. ``quizapp.live.polling.StatePoll`` answers this URL before Flask sees it: the route names it
    (``url_for``, the access map), and answers the same should a request reach it."""
    status, headers, content_type, body = current_app.extensions[polling.EXTENSION].answer(live_id, request.environ)
    return current_app.response_class(body, status=status, headers=headers, content_type=content_type)
