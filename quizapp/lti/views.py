"""LTI pages: the admin's registration page, and the endpoints an LMS calls."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskOIDCLogin, FlaskRequest
from pylti1p3.contrib.flask.service_connector import FlaskServiceConnector
from pylti1p3.exception import LtiException, OIDCException

from quizapp.access import ADMIN, ANYONE, STAFF, allow
from quizapp.auth import session_limits
from quizapp.auth.login import signed_in_account
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.database import begin_writing
from quizapp.exceptions import DomainError
from quizapp.extensions import csrf, db
from quizapp.forms import ConfirmForm
from quizapp.lti import accounts, deep_linking, framing, launches, outbox, services
from quizapp.lti.forms import LinkAccountForm, PlatformForm
from quizapp.lti.tool import DatabaseLaunchStorage, DatabaseToolConf, QuizMessageLaunch, forget_expired
from quizapp.models import utcnow
from quizapp.request_args import id_arg
from quizapp.security_headers import content_security_policy
from quizapp.transactions import undo_on, writes_on_get

bp = Blueprint("lti", __name__, template_folder="templates")


def tool_urls() -> dict[str, str]:
    """The addresses an LMS administrator copies into the LMS."""
    return {
        "Tool URL / Target link URI (launch)": url_for("lti.launch", _external=True),
        "Initiate login URL (OIDC login)": url_for("lti.login", _external=True),
        "Redirection URI(s)": url_for("lti.launch", _external=True),
        "Public keyset URL (JWKS)": url_for("lti.jwks", _external=True),
        "Deep linking (content selection) URL": url_for("lti.launch", _external=True),
    }


def _render_admin(form: PlatformForm, status: int = 200) -> tuple[str, int]:
    return render_template(
        "lti/admin.html",
        form=form,
        platforms=services.list_platforms(db.session),
        keys=services.live_tool_keys(db.session),
        urls=tool_urls(),
        rotate_form=ConfirmForm(),
        grade_problems_list=outbox.send_problems(db.session),
    ), status


@bp.route("/admin/lti", methods=["GET", "POST"])
@allow(ADMIN)
def admin() -> ResponseReturnValue:
    form = PlatformForm()
    if form.validate_on_submit():
        with undo_on() as step:
            platform = services.register_platform(
                db.session,
                name=form.name.data or "",
                issuer=form.issuer.data or "",
                client_id=form.client_id.data or "",
                deployment_ids=services.parse_deployment_ids(form.deployment_ids.data or ""),
                auth_login_url=form.auth_login_url.data or "",
                auth_token_url=form.auth_token_url.data or "",
                key_set_url=form.key_set_url.data or "",
                public_key=form.public_key.data or "",
                frame_origins=form.frame_origins.data or "",
                allow_http=bool(current_app.config.get("LTI_ALLOW_HTTP")),
            )
        if step.failed:
            return _render_admin(form, step.status_code)
        flash(f"Registered {platform.name}.", "success")
        return redirect(url_for("lti.admin"))
    return _render_admin(form, 400 if form.is_submitted() else 200)


@bp.route("/admin/lti/keys/rotate", methods=["POST"])
@allow(ADMIN)
def rotate_key() -> ResponseReturnValue:
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(url_for("lti.admin"))
    services.rotate_tool_key(db.session)
    flash("A new tool key signs from now on; the previous one stays published until the next rotation.", "success")
    return redirect(url_for("lti.admin"))


@bp.route("/lti/jwks")
@allow(ANYONE)
def jwks() -> ResponseReturnValue:
    return jsonify(services.public_jwks(db.session))


def _refused(message: str, status: int = 400) -> tuple[str, int]:
    return render_template("lti/refused.html", message=message), status


@bp.route("/lti/login", methods=["GET", "POST"])
@allow(ANYONE)
@writes_on_get
def login() -> ResponseReturnValue:
    """OIDC login initiation: the LMS names itself; quizapp stores a nonce and sends the browser to its auth URL."""
    # Every login writes (a nonce, expired state cleared): on SQLite, begin for writing from the first statement.
    begin_writing(db.session)
    oidc = FlaskOIDCLogin(
        FlaskRequest(), DatabaseToolConf(db.session), launch_data_storage=DatabaseLaunchStorage(db.session)
    )
    forget_expired(db.session)  # old state and nonces go as new ones come; the table stays small
    try:
        return oidc.redirect(url_for("lti.launch", _external=True))
    except (LtiException, OIDCException) as error:
        return _refused(f"The LMS's login request was refused: {error}")


@bp.route("/lti/launch", methods=["POST"])
@allow(ANYONE)
def launch() -> ResponseReturnValue:
    """The LMS posts a signed id_token: check it, find or make the user, and open the linked quiz (or, for a deep
    linking request, the teacher's quiz picker)."""
    try:
        result = launches.accept_launch(db.session, launch_message(), now=utcnow())
    except LtiException as error:
        return _refused(f"This launch could not be checked: {error}")  # an error status: the commit point undoes
    except DomainError as error:
        return _refused(str(error), error.status_code)
    new_window = url_for("lti.enter", token=result.handoff, _external=True)
    if result.user is None:  # an instructor new to quizapp: who they are here is settled in the new tab
        return _lms_page(render_template("lti/first_visit.html", quiz=result.quiz, new_window=new_window))
    _sign_in(result.user)
    if result.platform_id is not None:  # this session's quiz pages may show in that LMS's frame
        framing.mark(session, result.platform_id)
    if result.picker is not None:
        return redirect(url_for("lti.deep_link", token=result.picker))
    return _lms_page(
        render_template(
            "lti/open.html",
            quiz=result.quiz,
            in_frame=_quiz_url(result.user, result.quiz.id) if result.quiz else url_for("dashboard.index"),
            new_window=new_window,
        )
    )


@bp.route("/lti/enter")
@allow(ANYONE)
@writes_on_get
def enter() -> ResponseReturnValue:
    """The new tab a launch opens: a one-time token signs its user in here (first-party) and shows the quiz.

    An instructor new to quizapp who is signed in here already is asked first whether to link the LMS account
    to that account.
    """
    handoff = accounts.open_handoff(db.session, request.args.get("token", ""), now=utcnow())
    if handoff is None:
        return _refused("This link was used already or is too old. Open the quiz again from your course.", 404)
    if handoff.user is None and current_user.is_authenticated and current_user.role in STAFF:
        return render_template(
            "lti/link_offer.html", form=LinkAccountForm(token=handoff.token), account=current_user, handoff=handoff
        )
    if handoff.user is None:
        user = accounts.settle_instructor(db.session, handoff, None, now=utcnow())
    else:
        user = handoff.user
        accounts.use_handoff(db.session, handoff, user, now=utcnow())
    _sign_in(user)
    return redirect(_target(user, handoff))


@bp.route("/lti/link", methods=["POST"])
@allow(STAFF)
def link_account() -> ResponseReturnValue:
    """The instructor's choice: link the LMS account to the account signed in here, or use a new one."""
    form = LinkAccountForm()
    handoff = accounts.open_handoff(db.session, form.token.data or "", now=utcnow())
    if handoff is None or handoff.user is not None:
        flash("This choice was made already or is too old. Open quizapp again from your course.", "warning")
        return redirect(url_for("dashboard.index"))
    if not form.validate_on_submit():
        flash("The form expired; choose again.", "danger")
        return redirect(url_for("lti.enter", token=handoff.token))
    account = signed_in_account() if form.link.data else None  # the account's own row: a change of trust
    with undo_on() as step:
        user = accounts.settle_instructor(db.session, handoff, account, now=utcnow())
    if step.failed:
        return redirect(url_for("lti.enter", token=handoff.token))
    if account is None:
        _sign_in(user)
        flash("A new quizapp account was made for your LMS account.", "success")
    else:
        flash(f"Your LMS account is linked to {user.display_name}: the LMS opens quizapp as you now.", "success")
    return redirect(_target(user, handoff))


@bp.route("/lti/deep-link")
@allow(ANYONE)
def deep_link() -> ResponseReturnValue:
    """The picker of a deep linking request: the teacher's published quizzes, one button each. The token in the
    URL stands in for a session (an LMS frame often has none)."""
    picker = deep_linking.open_picker(db.session, request.args.get("token", ""), now=utcnow())
    return _lms_page(render_template("lti/deep_link.html", picker=picker))


@bp.route("/lti/deep-link", methods=["POST"])
@allow(ANYONE)
def deep_link_choose() -> ResponseReturnValue:
    """The chosen quiz goes back to the LMS: a signed LtiDeepLinkingResponse, posted by the browser."""
    quiz_id = id_arg(request.form.get("quiz_id"))
    if quiz_id is None:
        return _refused("Choose one of the quizzes.", 400)
    answer = deep_linking.answer_picker(
        db.session,
        request.form.get("token", ""),
        quiz_id,
        launch_url=url_for("lti.launch", _external=True),
        now=utcnow(),
    )
    return _lms_page(render_template("lti/deep_link_return.html", answer=answer), form_target=answer.return_url)


def _lms_page(body: str, *, form_target: str | None = None) -> Response:
    """A page the LMS shows in its own frame: framing allowed (https sites; the page exists only as the answer to
    a signed launch or under a random token), and a form may post back to ``form_target``'s site."""
    response = make_response(body)
    target = urlsplit(form_target) if form_target else None
    response.headers["Content-Security-Policy"] = content_security_policy(
        frame_ancestors="'self' https:",
        form_action="'self'" + (f" {target.scheme}://{target.netloc}" if target else ""),
    )
    return response


def _target(user: User, handoff: accounts.Handoff) -> str:
    if handoff.picker:
        return url_for("lti.deep_link", token=handoff.picker)
    if handoff.quiz_id is not None:
        return _quiz_url(user, handoff.quiz_id)
    return url_for("dashboard.index")


def _sign_in(user: User) -> None:
    session.clear()  # a fresh session: nothing of whoever used this browser before
    session.permanent = True
    login_user(user)
    session_limits.start()


def _quiz_url(user: User, quiz_id: int) -> str:
    if user.role == Role.STUDENT.value:
        return url_for("attempts.quiz", quiz_id=quiz_id)
    return url_for("quizzes.edit", quiz_id=quiz_id)


def launch_message() -> FlaskMessageLaunch:
    """The launch in the current request, read with quizapp's registrations and shared state store."""
    return QuizMessageLaunch(
        FlaskRequest(),
        DatabaseToolConf(db.session),
        launch_data_storage=DatabaseLaunchStorage(db.session),
        service_connector_cls=FlaskServiceConnector,
    )


# An LMS posts these from its own site: the signed id_token (launch) and the nonce it must echo stand in for
# quizapp's CSRF token, which a cross-site POST cannot carry.
csrf.exempt(login)
csrf.exempt(launch)
# The picker's random token (from a signed deep linking request, used once) stands in for the CSRF token: the
# picker often runs in an LMS frame without quizapp's cookies.
csrf.exempt(deep_link_choose)
