"""The review queue and the question editor."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow, wants_json
from quizapp.bank import authoring, exports, import_jobs, source_parts, tasks
from quizapp.bank import review as queue
from quizapp.bank.content import describe
from quizapp.bank.flags import open_flags_by_question
from quizapp.bank.forms import (
    ApproveConfidentForm,
    BulkForm,
    EditQuestionForm,
    ImportForm,
    NewQuestionForm,
    ResolveFlagForm,
    ReviewForm,
)
from quizapp.bank.interchange import InterchangeError
from quizapp.bank.tags import parse_tags
from quizapp.exceptions import DomainError, NotFound
from quizapp.extensions import db
from quizapp.rate_limits import limited
from quizapp.request_args import id_arg, ids_arg, text_arg
from quizapp.sources.services import documents_of, sentence_in_context
from quizapp.statuses import QUESTION_STATUSES, QuestionStatus
from quizapp.transactions import commit_now, undo_on
from quizapp.wording import count

bp = Blueprint("bank", __name__, url_prefix="/bank", template_folder="templates")
bp.record_once(source_parts.add_to_sources)  # the sources pages show and draft questions through the bank


# The queue's own filters: the only query arguments carried from the queue to its forms and back. The rest
# of a query string never reaches url_for, whose _external / _scheme / _method would otherwise come from it.
QUEUE_ARGS = ("status", "document", "type", "flagged", "order", "q")


def queue_args() -> dict[str, str]:
    return {key: value for key, value in request.args.items() if key in QUEUE_ARGS}


def _filter_from_args() -> queue.QueueFilter:
    args = request.args
    return queue.QueueFilter(
        status=args.get("status", QuestionStatus.DRAFT) or None,
        document_id=id_arg(args.get("document")),
        question_type=args.get("type") or None,
        flagged=args.get("flagged") == "1",
        order=args.get("order", "confidence_asc"),
        search=text_arg(args.get("q", "")),
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
        confident=ApproveConfidentForm(threshold=queue.PUBLISH_CONFIDENCE),
        publish_confidence=queue.PUBLISH_CONFIDENCE,
        forms={item.question.id: ReviewForm(prefix=f"r{item.question.id}") for item in items},
        flags=open_flags_by_question(db.session, current_user, [item.question.id for item in items if item.open_flags]),
        describe=describe,
        in_context=sentence_in_context,
        queue_args=queue_args(),
    )


def _back() -> ResponseReturnValue:
    # Back to the same filtered queue; only our own path, never a URL from the request.
    return redirect(url_for("bank.review", **queue_args()))


@bp.route("/questions/<id:question_id>/review", methods=["POST"])
@allow(STAFF)
def review_one(question_id: int) -> ResponseReturnValue:
    question = queue.question_of(db.session, question_id, current_user)
    form = ReviewForm(prefix=f"r{question_id}")
    if not form.validate_on_submit():
        flash("The reason can have at most 1000 characters.", "danger")
        return _back()
    with undo_on() as step:
        if form.reject.data:
            queue.reject(question, current_user, form.reason.data or "")
        else:
            queue.approve(question, current_user)
    if step.failed:
        return _back()
    flash(f"Question {question_id} {question.status}.", "success")
    return _back()


@bp.route("/review/bulk", methods=["POST"])
@allow(STAFF)
def review_bulk() -> ResponseReturnValue:
    form = BulkForm()
    # "Select all on this page" sends the page's ids (it works without script too).
    ids = ids_arg(request.form.getlist("on_page" if request.form.get("all_on_page") else "selected"))
    if ids is None:
        raise DomainError("A selected question could not be read; reload the page and try again. Nothing was changed.")
    if not form.validate_on_submit():
        flash("The reason can have at most 1000 characters.", "danger")
        return _back()
    action = "reject" if form.reject.data else "approve"
    # Someone else's question is the same 404 as one that does not exist.
    with undo_on(passing=(NotFound,)) as step:
        done = queue.review_many(db.session, current_user, ids, action, form.reason.data or "")
    if step.failed:
        return _back()
    flash(f"{count(done, 'question')} {'rejected' if action == 'reject' else 'approved'}.", "success")
    return _back()


@bp.route("/review/approve-confident", methods=["POST"])
@allow(STAFF)
def approve_confident() -> ResponseReturnValue:
    """Approve the teacher's drafts in the filtered queue (one document, say) at or above a confidence."""
    form = ApproveConfidentForm()
    if not form.validate_on_submit() or form.threshold.data is None:
        flash("The confidence is a number from 0 to 1.", "danger")
        return _back()
    threshold = float(form.threshold.data)
    done = queue.approve_drafts_at_or_above(db.session, current_user, _filter_from_args(), threshold)
    flash(f"{count(done, 'draft')} at or above confidence {threshold:.2f} approved.", "success")
    return _back()


@bp.route("/questions/<id:question_id>/edit", methods=["GET", "POST"])
@allow(STAFF)
def edit(question_id: int) -> ResponseReturnValue:
    question = queue.question_of(db.session, question_id, current_user)
    form = EditQuestionForm()
    if request.method == "GET":
        form.fill_from(question.latest)
        form.tags.data = ", ".join(t.name for t in question.tags)
    elif form.validate_on_submit():
        with undo_on() as step:
            queue.edit_question(
                db.session,
                question,
                current_user,
                {**form.content(), "tags": parse_tags(form.tags.data or "")},
                approve_now=bool(form.save_approve.data),
            )
        if step.failed:
            return _render_edit(form, question, 400)
        flash(f"Saved as version {question.current_version}.", "success")
        return redirect(url_for("bank.edit", question_id=question.id))
    return _render_edit(form, question, 400 if form.is_submitted() else 200)


def _render_edit(form: EditQuestionForm, question, status: int) -> ResponseReturnValue:
    flags = {flag.id: ResolveFlagForm(prefix=f"f{flag.id}") for flag in question.flags if flag.resolved_at is None}
    return render_template("bank/edit.html", form=form, question=question, describe=describe, flag_forms=flags), status


@bp.route("/questions/new", methods=["GET", "POST"])
@allow(STAFF)
def new() -> ResponseReturnValue:
    form = NewQuestionForm()
    documents = documents_of(db.session, current_user)
    form.document.choices = [("", "None")] + [(str(d.id), d.title) for d in documents]
    if form.validate_on_submit():
        chosen = next((d for d in documents if str(d.id) == form.document.data), None)
        with undo_on() as step:
            if form.document.data and chosen is None:
                raise DomainError("Choose one of your own documents.")
            question = authoring.create_question(
                db.session,
                current_user,
                form.content(),
                tags=parse_tags(form.tags.data or ""),
                document=chosen,
                approve_now=bool(form.save_approve.data),
            )
        if step.failed:
            return render_template("bank/new.html", form=form), 400
        flash(f"Question {question.id} saved as {question.status}.", "success")
        return redirect(url_for("bank.edit", question_id=question.id))
    return render_template("bank/new.html", form=form), 400 if form.is_submitted() else 200


@bp.route("/import", methods=["GET", "POST"])
@allow(STAFF)
@limited("RATELIMIT_UPLOAD")
def import_questions() -> ResponseReturnValue:
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        try:
            imported = import_jobs.import_upload(
                db.session,
                current_user,
                upload.filename,
                upload.read(),
                inline_bytes=current_app.config["IMPORT_INLINE_BYTES"],
                keep_duplicates=bool(form.keep_duplicates.data),
            )
        except InterchangeError as error:  # a 400: the request's end rolls back what was read so far
            form.file.errors = [*form.file.errors, f"{upload.filename}: {error}"]
            return render_template("bank/import.html", form=form, skipped=[]), 400
        if imported.job is not None:
            return _import_in_background(imported.job.id)
        stored, skipped = len(imported.questions), imported.skipped
        flash(f"Imported {count(stored, 'question')} as drafts from {upload.filename}.", "success")
        return render_template("bank/import.html", form=ImportForm(formdata=None), skipped=skipped, imported=stored)
    recent = import_jobs.recent_jobs(db.session, current_user)  # large files under way or done: their pages
    status = 400 if form.is_submitted() else 200
    return render_template("bank/import.html", form=form, skipped=[], recent=recent), status


def _import_in_background(job_id: int) -> ResponseReturnValue:
    """Hand a large file's job to the worker (reading and storing thousands of questions outlasts a request)."""
    commit_now()  # the worker reads the job's row
    # Nothing more is read here: a new transaction would hold SQLite's write lock from the worker.
    tasks.import_questions(job_id)
    return redirect(url_for("bank.import_job", import_job_id=job_id))


@bp.route("/import/jobs/<id:import_job_id>")
@allow(STAFF)
def import_job(import_job_id: int) -> ResponseReturnValue:
    """A large import's progress, then what it imported and left out (the page can be left and come back to)."""
    work = import_jobs.job_of(db.session, import_job_id, current_user)
    if wants_json():
        return jsonify(
            status=work.status, stage=work.stage, progress=round(work.progress, 3), message=work.message,
            imported=work.imported, left_out=len(work.skipped),
        )  # fmt: skip
    return render_template("bank/import_job.html", job=work)


@bp.route("/export/<fmt>")
@allow(STAFF)
def export(fmt: str) -> ResponseReturnValue:
    status = request.args.get("status", QuestionStatus.APPROVED)
    if status and status not in QUESTION_STATUSES:
        raise DomainError(f"Export the questions of one status: {', '.join(QUESTION_STATUSES)}; or all of them.")
    content, mimetype, filename = exports.export_bank(db.session, current_user, fmt, status=status or None)
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/export")
@allow(STAFF)
def export_page() -> ResponseReturnValue:
    """The export formats, where each goes, and what each question type becomes in each."""
    return render_template("bank/export.html", formats=exports.PACKAGED_FORMATS, mapping=exports.TYPE_MAPPING)


@bp.route("/questions/<id:question_id>/flags/<id:flag_id>/resolve", methods=["POST"])
@allow(STAFF)
def resolve_flag(question_id: int, flag_id: int) -> ResponseReturnValue:
    question = queue.question_of(db.session, question_id, current_user)
    form = ResolveFlagForm(prefix=f"f{flag_id}")
    if not form.validate_on_submit():
        flash("Say what was done (at most 1000 characters).", "danger")
        return redirect(url_for("bank.edit", question_id=question_id))
    queue.resolve_flag(db.session, question, flag_id, current_user, form.resolution.data or "")
    flash("Flag resolved.", "success")
    return redirect(url_for("bank.edit", question_id=question_id))
