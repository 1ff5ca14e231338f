"""The review queue and the question editor."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow
from quizapp.bank import review as queue
from quizapp.bank.content import describe
from quizapp.bank.forms import BulkForm, EditQuestionForm, ReviewForm
from quizapp.exceptions import DomainError, NotFound
from quizapp.extensions import db
from quizapp.sources.services import documents_of

bp = Blueprint("bank", __name__, url_prefix="/bank", template_folder="templates")


def _filter_from_args() -> queue.QueueFilter:
    args = request.args
    document = args.get("document", "")
    return queue.QueueFilter(
        status=args.get("status", "draft") or None,
        document_id=int(document) if document.isdigit() else None,
        question_type=args.get("type") or None,
        flagged=args.get("flagged") == "1",
        order=args.get("order", "confidence_asc"),
        search=args.get("q", ""),
    ).cleaned()


@bp.route("/review")
@allow(STAFF)
def review() -> ResponseReturnValue:
    flt = _filter_from_args()
    items = queue.review_queue(db.session, current_user, flt)
    return render_template(
        "bank/review.html",
        items=items,
        flt=flt,
        documents=documents_of(db.session, current_user),
        bulk=BulkForm(),
        forms={item.question.id: ReviewForm(prefix=f"r{item.question.id}") for item in items},
        describe=describe,
    )


def _back() -> ResponseReturnValue:
    # Back to the same filtered queue; only our own path, never a URL from the request.
    query = request.args.to_dict()
    return redirect(url_for("bank.review", **query))


@bp.route("/questions/<int:question_id>/review", methods=["POST"])
@allow(STAFF)
def review_one(question_id: int) -> ResponseReturnValue:
    question = queue.question_of(db.session, question_id, current_user)
    form = ReviewForm(prefix=f"r{question_id}")
    if not form.validate_on_submit():
        flash("The reason can have at most 1000 characters.", "danger")
        return _back()
    try:
        if form.reject.data:
            queue.reject(question, current_user, form.reason.data or "")
        else:
            queue.approve(question, current_user)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return _back()
    flash(f"Question {question_id} {question.status}.", "success")
    return _back()


@bp.route("/review/bulk", methods=["POST"])
@allow(STAFF)
def review_bulk() -> ResponseReturnValue:
    form = BulkForm()
    ids = [int(v) for v in request.form.getlist("selected") if v.isdigit()]
    if not form.validate_on_submit():
        flash("The reason can have at most 1000 characters.", "danger")
        return _back()
    action = "reject" if form.reject.data else "approve"
    try:
        done = queue.review_many(db.session, current_user, ids, action, form.reason.data or "")
        db.session.commit()
    except NotFound:
        raise  # someone else's question: the same 404 as one that does not exist
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return _back()
    flash(f"{done} question(s) {action}d.", "success")
    return _back()


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@allow(STAFF)
def edit(question_id: int) -> ResponseReturnValue:
    question = queue.question_of(db.session, question_id, current_user)
    form = EditQuestionForm()
    if request.method == "GET":
        form.fill_from(question.latest)
    elif form.validate_on_submit():
        try:
            queue.edit_question(
                db.session, question, current_user, form.content(), approve_now=bool(form.save_approve.data)
            )
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "danger")
            return render_template("bank/edit.html", form=form, question=question, describe=describe), 400
        flash(f"Saved as version {question.current_version}.", "success")
        return redirect(url_for("bank.edit", question_id=question.id))
    status = 400 if form.is_submitted() else 200
    return render_template("bank/edit.html", form=form, question=question, describe=describe), status
