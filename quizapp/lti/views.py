"""LTI pages: the admin's registration page, and the endpoints an LMS calls."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user
from pylti1p3.contrib.flask import FlaskMessageLaunch, FlaskOIDCLogin, FlaskRequest
from pylti1p3.contrib.flask.service_connector import FlaskServiceConnector
from pylti1p3.exception import LtiException, OIDCException

from quizapp.access import ADMIN, ANYONE, STAFF, allow
from quizapp.auth import session_limits
from quizapp.auth.models import User
from quizapp.auth.roles import Role
from quizapp.database import begin_writing
from quizapp.exceptions import DomainError
from quizapp.extensions import csrf, db
from quizapp.forms import ConfirmForm
from quizapp.lti import launches, outbox, services
from quizapp.lti.forms import PlatformForm
from quizapp.lti.tool import DatabaseLaunchStorage, DatabaseToolConf, QuizMessageLaunch, forget_expired
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_of_teacher
from quizapp.transactions import undo_on, writes_on_get
from quizapp.wording import count

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


@bp.route("/admin/lti/grades/retry", methods=["POST"])
@allow(ADMIN)
def retry_all_grades() -> ResponseReturnValue:
    """Every score the LMSs refused is tried again now."""
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(url_for("lti.admin"))
    retried = outbox.retry_now(db.session, now=utcnow())
    flash(f"{count(len(retried), 'score')} handed to the background worker to send again.", "info")
    return redirect(url_for("lti.admin"))


@bp.route("/manage/quizzes/<id:quiz_id>/lms-grades/retry", methods=["POST"])
@allow(STAFF)
def retry_quiz_grades(quiz_id: int) -> ResponseReturnValue:
    """The teacher tries the quiz's unsent LMS scores again now, without waiting for the backoff."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if not ConfirmForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(url_for("history.quiz_results", quiz_id=quiz.id))
    retried = outbox.retry_now(db.session, now=utcnow(), quiz_id=quiz.id)
    flash(f"{count(len(retried), 'score')} handed to the background worker to send again.", "info")
    return redirect(url_for("history.quiz_results", quiz_id=quiz.id))


@bp.app_template_global("lms_grade_problems")
def lms_grade_problems(quiz_id: int) -> list[outbox.SendProblem]:
    """The quiz's scores the LMS has not taken, for its results page (history cannot import LTI)."""
    return outbox.send_problems(db.session, quiz_id=quiz_id)


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
    """The LMS posts a signed id_token: check it, find or make the user, and open the linked quiz."""
    try:
        result = launches.accept_launch(db.session, launch_message(), now=utcnow())
    except LtiException as error:
        return _refused(f"This launch could not be checked: {error}")  # an error status: the commit point undoes
    except DomainError as error:
        return _refused(str(error), error.status_code)
    _sign_in(result.user)
    return render_template(
        "lti/open.html",
        quiz=result.quiz,
        in_frame=_quiz_url(result.user, result.quiz.id),
        new_window=url_for("lti.enter", token=result.handoff, _external=True),
    )


@bp.route("/lti/enter")
@allow(ANYONE)
@writes_on_get
def enter() -> ResponseReturnValue:
    """The new tab a launch opens: a one-time token logs its user in here (first-party) and shows the quiz."""
    found = launches.use_handoff(db.session, request.args.get("token", ""))
    if found is None:
        return _refused("This link was used already or is too old. Open the quiz again from your course.", 404)
    user, quiz_id = found
    _sign_in(user)
    return redirect(_quiz_url(user, quiz_id))


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
