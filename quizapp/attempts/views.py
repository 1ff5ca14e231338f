"""The student's path through a quiz: start, answer (autosaved), check, submit, review, flag.

Views parse and authorise, call one service and render; the request's end commits (quizapp.transactions).
The pages that close an overdue attempt as they show it are declared ``@writes_on_get``. Every
rendering of a question before it is revealed goes through
``presenters.question_for_student``, which has no key to give away.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from quizapp.access import SIGNED_IN, STUDENT, allow
from quizapp.attempts import flagging, for_later, loading, presenters, saving, starting, submitting
from quizapp.attempts.forms import FlagForm
from quizapp.attempts.responses import InvalidResponse
from quizapp.auth.login import login_in_first_query
from quizapp.exceptions import DomainError, NotFound
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_for_student, timings, window_problem
from quizapp.rate_limits import limited
from quizapp.request_args import whole_number
from quizapp.statuses import AttemptStatus
from quizapp.transactions import commit_now, undo_on, writes_on_get

bp = Blueprint("attempts", __name__, template_folder="templates")

# The session key under which the flag view leaves its outcome for the review page to show at the question.
FLAG_RESULT = "flag_result"
FLAG_INVALID = "Say what is wrong (at most 1000 characters)."


def fields_of(form: Mapping[str, Any], position: int) -> dict[str, Any]:
    """The fields of question ``position`` (named q<position>-<field> on the page)."""
    prefix = f"q{position}-"
    return {key[len(prefix) :]: value for key, value in form.items() if key.startswith(prefix)}


def _reading(call):
    try:
        return call()
    except InvalidResponse as error:
        raise DomainError(str(error)) from error


def _current_attempt(attempt_id: int):
    """The student's attempt, closed and graded first if its deadline has passed (the request's end saves it)."""
    attempt = loading.attempt_of(db.session, attempt_id, current_user)
    submitting.close_if_overdue(db.session, attempt, now=utcnow())
    return attempt


@bp.route("/quizzes/<id:quiz_id>")
@allow(STUDENT)
@writes_on_get
def quiz(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_for_student(db.session, quiz_id, current_user)
    now = utcnow()
    current = starting.open_attempt(db.session, quiz, current_user)
    if current is not None and submitting.close_if_overdue(db.session, current, now=now):
        current = None
    past = presenters.past_attempts(db.session, quiz, current_user)
    return render_template(
        "attempts/quiz.html",
        quiz=quiz,
        current=current,
        past=past,
        used=len(past) + (1 if current else 0),
        problem=window_problem(quiz, now),
        timing=timings(db.session, current_user, [quiz])[0],
        now=now,
        time_left=loading.time_left(current, now) if current else None,
    )


@bp.route("/quizzes/<id:quiz_id>/start", methods=["POST"])
@allow(STUDENT)
@login_in_first_query
def start(quiz_id: int) -> ResponseReturnValue:
    now = utcnow()
    attempt = starting.start_attempt(db.session, quiz_id, current_user, now=now)
    # A new attempt on a paged quiz goes straight to its first question: the redirect through attempts.show
    # cost a whole request per student when a class presses Start at once. A resumed one goes through show,
    # to its first open question.
    first = starting.first_page(attempt, now)
    if first is None:
        return redirect(url_for("attempts.show", attempt_id=attempt.id))
    return redirect(url_for("attempts.question", attempt_id=attempt.id, position=first))


@bp.route("/attempts/<id:attempt_id>")
@allow(STUDENT)
@writes_on_get
def show(attempt_id: int) -> ResponseReturnValue:
    attempt = _current_attempt(attempt_id)
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return redirect(url_for("attempts.review", attempt_id=attempt.id))
    if attempt.quiz.layout == "all_on_one_page":
        return _render_attempt(attempt, None)
    answers = loading.load_answers(db.session, attempt, versions=False)
    first_open = next((a.position for a in answers if a.response is None), 0)
    return redirect(url_for("attempts.question", attempt_id=attempt.id, position=first_open))


@bp.route("/attempts/<id:attempt_id>/q/<index:position>")
@allow(STUDENT)
@login_in_first_query
@writes_on_get
def question(attempt_id: int, position: int) -> ResponseReturnValue:
    attempt = _current_attempt(attempt_id)  # the review page says when time ran out
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return redirect(url_for("attempts.review", attempt_id=attempt.id))
    return _render_attempt(attempt, position)


def _render_attempt(attempt, position: int | None) -> ResponseReturnValue:
    # Only practice pages carry feedback (key, explanation, sources) before submitting; an exam's
    # questions show what the cached versions hold, and a paged exam reads whole only the answer it shows.
    practice = attempt.quiz.mode == "practice"
    states = None
    if position is not None and not practice:
        states, answer = loading.page_answers(db.session, attempt, position)
        answers = [answer]
    else:
        answers = loading.load_answers(db.session, attempt, versions=practice)
        if position is not None and not any(a.position == position for a in answers):
            raise NotFound("This attempt has no such question.")
    versions = loading.versions_shown(db.session, states or answers)
    page = presenters.attempt_page(attempt, answers, position, now=utcnow(), versions=versions, states=states)
    return render_template("attempts/attempt.html", page=page, attempt=attempt)


@bp.route("/attempts/<id:attempt_id>/q/<index:position>", methods=["POST"])
@allow(STUDENT)
def post_question(attempt_id: int, position: int) -> ResponseReturnValue:
    """Without script: the question's form saves and moves on (Next, Previous, a number, Check, Finish)."""
    action = request.form.get("action", "save")
    now = utcnow()
    if action in ("check", "reveal"):
        outcome = _reading(
            lambda: saving.check_answer(
                db.session,
                attempt_id,
                current_user,
                position,
                fields_of(request.form, position),
                now=now,
                give_up=action == "reveal",
            )
        )
    else:
        outcome = _reading(
            lambda: saving.save_answer(
                db.session, attempt_id, current_user, position, fields_of(request.form, position), now=now
            )
        )
        if action == "later" and not outcome.closed:  # saved as left, and flagged (or unflagged) to come back to
            for_later.flag_for_later(db.session, attempt_id, current_user, position, now=now)
    if isinstance(outcome, saving.SaveOutcome) and outcome.closed:
        flash(outcome.message, "warning")
        return redirect(url_for("attempts.review", attempt_id=attempt_id))
    if isinstance(outcome, saving.SaveOutcome) and outcome.message:
        flash(outcome.message, "warning")
    attempt = loading.attempt_of(db.session, attempt_id, current_user)
    target = position
    if getattr(outcome, "problem", None) and action in ("next", "prev"):
        # Saved as left, but unfinished: stay, so the student sees what is missing at the question (the
        # question numbers and Finish still move on).
        return redirect(url_for("attempts.question", attempt_id=attempt_id, position=position, _anchor=f"q{position}"))
    if action == "next":
        target = min(position + 1, len(attempt.answers) - 1)
    elif action == "prev":
        target = max(position - 1, 0)
    elif action.startswith("goto-") and (number := whole_number(action[5:])) is not None:
        target = min(number, len(attempt.answers) - 1)
    elif action == "finish":
        return redirect(url_for("attempts.confirm_submit", attempt_id=attempt_id))
    if action == "save":
        flash("Saved.", "success")
    return redirect(url_for("attempts.question", attempt_id=attempt_id, position=target))


@bp.route("/attempts/<id:attempt_id>/save-all", methods=["POST"])
@allow(STUDENT)
def save_all(attempt_id: int) -> ResponseReturnValue:
    """Without script, all questions on one page: one Save button saves them all."""
    attempt = loading.attempt_of(db.session, attempt_id, current_user)
    by_position = {a.position: fields_of(request.form, a.position) for a in attempt.answers}
    outcome = _reading(lambda: saving.save_many(db.session, attempt_id, current_user, by_position, now=utcnow()))
    if outcome.closed:
        flash(outcome.message, "warning")
        return redirect(url_for("attempts.review", attempt_id=attempt_id))
    action = request.form.get("action", "save")
    if action == "finish":
        return redirect(url_for("attempts.confirm_submit", attempt_id=attempt_id))
    if action.startswith("later-") and (position := whole_number(action[6:])) is not None:
        # Saved as left, and this question flagged (or unflagged) to come back to; back to it on the page.
        for_later.flag_for_later(db.session, attempt_id, current_user, position, now=utcnow())
        return redirect(url_for("attempts.show", attempt_id=attempt_id, _anchor=f"q{position}"))
    flash("Saved.", "success")
    return redirect(url_for("attempts.show", attempt_id=attempt_id))


@bp.route("/attempts/<id:attempt_id>/later", methods=["POST"])
@allow(STUDENT)
@limited("RATELIMIT_AUTOSAVE")
def later(attempt_id: int) -> ResponseReturnValue:
    """The page's script: flag (or unflag) one question to come back to, without leaving the page."""
    position, _, _ = _json_payload()
    flagged = for_later.flag_for_later(db.session, attempt_id, current_user, position, now=utcnow())
    if flagged is None:  # the attempt's time ran out just now: closed with the answers saved
        commit_now()
        review = url_for("attempts.review", attempt_id=attempt_id)
        return jsonify(ok=False, closed=True, error="This attempt has closed.", review=review), 409
    return jsonify(ok=True, position=position, flagged=flagged)


def _json_payload() -> tuple[int, dict[str, Any], bool]:
    """(position, fields, give_up) from the page's script; a DomainError (400) for anything else."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise DomainError("The answer could not be read; reload the page.")
    position, fields, give_up = data.get("position"), data.get("fields", {}), data.get("give_up", False)
    position = whole_number(position) if isinstance(position, int) else None  # a number, not "0", up to the bound
    if position is None or not isinstance(fields, dict) or not isinstance(give_up, bool):
        raise DomainError("The answer could not be read; reload the page.")
    return position, fields, give_up


@bp.route("/attempts/<id:attempt_id>/autosave", methods=["POST"])
@allow(STUDENT)
@login_in_first_query
@limited("RATELIMIT_AUTOSAVE")
def autosave(attempt_id: int) -> ResponseReturnValue:
    """The page's script saves each answer as it changes. Same answer twice: same result."""
    position, fields, _ = _json_payload()
    now = utcnow()
    try:
        outcome = saving.save_answer(db.session, attempt_id, current_user, position, fields, now=now)
    except InvalidResponse as error:
        return jsonify(ok=False, error=str(error)), 400
    commit_now()  # saved (or closed) even when the answer below is a 409
    if outcome.closed:
        return jsonify(
            ok=False, closed=True, error=outcome.message, review=url_for("attempts.review", attempt_id=attempt_id)
        ), 409
    return jsonify(
        ok=True, position=position, saved_at=now.isoformat(), answered=outcome.answered, problem=outcome.problem
    )


@bp.route("/attempts/<id:attempt_id>/check", methods=["POST"])
@allow(STUDENT)
def check(attempt_id: int) -> ResponseReturnValue:
    """Practice mode, from the page's script: grade one answer now and return its feedback."""
    position, fields, give_up = _json_payload()
    try:
        outcome = saving.check_answer(
            db.session, attempt_id, current_user, position, fields, now=utcnow(), give_up=give_up
        )
    except InvalidResponse as error:
        return jsonify(ok=False, error=str(error)), 400
    commit_now()  # saved (or closed) even when the answer below is a 409
    if isinstance(outcome, saving.SaveOutcome) and not outcome.closed:
        return jsonify(ok=False, error=outcome.message), 409  # saved, but this question cannot be checked
    if isinstance(outcome, saving.SaveOutcome):
        return jsonify(
            ok=False, closed=True, error=outcome.message, review=url_for("attempts.review", attempt_id=attempt_id)
        ), 409
    attempt = loading.attempt_of(db.session, attempt_id, current_user)
    feedback = presenters.feedback_for(attempt, outcome.answer)
    html = render_template("attempts/_feedback.html", feedback=feedback, attempt=attempt)
    return jsonify(ok=True, revealed=outcome.revealed, correct=outcome.grade.correct, html=html)


@bp.route("/attempts/<id:attempt_id>/submit", methods=["GET"])
@allow(STUDENT)
@writes_on_get
def confirm_submit(attempt_id: int) -> ResponseReturnValue:
    attempt = _current_attempt(attempt_id)
    if attempt.status != AttemptStatus.IN_PROGRESS:
        return redirect(url_for("attempts.review", attempt_id=attempt.id))
    answers = loading.load_answers(db.session, attempt, versions=False)
    return render_template(
        "attempts/confirm_submit.html",
        attempt=attempt,
        unanswered=[p + 1 for p in submitting.unanswered_positions(answers)],
        flagged=[a.position + 1 for a in answers if a.flagged_for_later],
        total=len(answers),
        time_left=loading.time_left(attempt, utcnow()),
    )


@bp.route("/attempts/<id:attempt_id>/submit", methods=["POST"])
@allow(STUDENT)
def submit(attempt_id: int) -> ResponseReturnValue:
    attempt = submitting.submit_attempt(db.session, attempt_id, current_user, now=utcnow())
    if attempt.status == AttemptStatus.CLOSED_OVERDUE:
        flash("Time was up: your attempt was submitted with the answers saved before the deadline.", "warning")
    if attempt.quiz.personal_for_id is not None:  # a finished practice session says what comes next
        return redirect(url_for("practice.finished_session", attempt_id=attempt_id))
    return redirect(url_for("attempts.review", attempt_id=attempt_id))


@bp.route("/attempts/<id:attempt_id>/review")
@allow(STUDENT)
@writes_on_get
def review(attempt_id: int) -> ResponseReturnValue:
    attempt = _current_attempt(attempt_id)
    if attempt.status == AttemptStatus.IN_PROGRESS:
        flash("Submit the attempt to see its review.", "info")
        return redirect(url_for("attempts.show", attempt_id=attempt.id))
    answers = loading.load_answers(db.session, attempt)
    page = presenters.review_page(attempt, answers, only_missed=request.args.get("show") == "missed")
    # What became of a report just sent, shown at its question (the redirect lands there), once.
    flag_result = session.pop(FLAG_RESULT, None)
    return render_template(
        "attempts/review.html", page=page, attempt=attempt, flag_form=FlagForm(), flag_result=flag_result
    )


@bp.route("/attempts/<id:attempt_id>/q/<index:position>/source/<index:index>")
@allow(STUDENT)
def source(attempt_id: int, position: int, index: int) -> ResponseReturnValue:
    """The article a question came from, at its sentence, highlighted; only once the question is revealed."""
    attempt = loading.attempt_of(db.session, attempt_id, current_user)
    answer = loading.answer_at(attempt, position)
    view = presenters.source_view(attempt, answer, index)
    return render_template("attempts/source.html", view=view, attempt=attempt, position=position)


@bp.route("/attempts/<id:attempt_id>/q/<index:position>/flag", methods=["POST"])
@allow(STUDENT)
@limited("RATELIMIT_FLAG")
def flag(attempt_id: int, position: int) -> ResponseReturnValue:
    form = FlagForm()
    # The outcome is shown inside the question's card, under its feedback: land on it, not on the card's top.
    back = url_for("attempts.review", attempt_id=attempt_id, _anchor=f"q{position}-flag-result")
    if not form.validate_on_submit():
        session[FLAG_RESULT] = {"position": position, "category": "danger", "message": FLAG_INVALID}
        return redirect(back)
    with undo_on(flagging.AlreadyFlagged, category=None) as step:
        flagging.flag_question(
            db.session,
            attempt_id,
            current_user,
            position,
            kind=form.kind.data or "other",
            comment=form.comment.data or "",
        )
    if step.error is not None:
        session[FLAG_RESULT] = {"position": position, "category": "info", "message": str(step.error)}
        return redirect(back)
    message = f"Thank you: your note on question {position + 1} was sent to the teacher."
    session[FLAG_RESULT] = {"position": position, "category": "success", "message": message}
    return redirect(back)


@bp.route("/csrf-token")
@allow(SIGNED_IN)
def csrf_token() -> ResponseReturnValue:
    """A fresh token for the page's script after the student logged in again in another tab."""
    return jsonify(token=generate_csrf())
