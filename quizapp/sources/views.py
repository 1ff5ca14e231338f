"""A teacher's source documents and their questions: bring one in, list them, read one, revise it, follow a job.

What the pages show and do about questions (drafting, the highlighted sentences, carrying questions to a new
revision, the drafting job) comes from the question bank through ``quizapp.sources.pages``.
"""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow, wants_json
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.generation.types import CleanDocument, IngestError
from quizapp.models import utcnow
from quizapp.rate_limits import limited
from quizapp.sources import duplicates, services
from quizapp.sources.forms import UploadForm
from quizapp.sources.job_steps import DRAFTING_STEPS
from quizapp.sources.pages import document_questions
from quizapp.transactions import commit_now, undo_on
from quizapp.wording import count

bp = Blueprint("sources", __name__, url_prefix="/sources", template_folder="templates")


@bp.route("/")
@allow(STAFF)
def index() -> ResponseReturnValue:
    documents = services.documents_of(db.session, current_user)
    jobs = document_questions().latest_jobs(db.session, current_user, [d.id for d in documents])
    return render_template("sources/index.html", documents=documents, jobs=jobs)


def _submitted_file(form: UploadForm) -> tuple[str, bytes | str, str | None]:
    """(name, data, format) of the uploaded file or of the pasted text."""
    if form.file.data and form.file.data.filename:
        return form.file.data.filename, form.file.data.read(), None
    title = (form.title.data or "").strip() or "Pasted text"
    return f"{title}.txt", f"{title}\n\n{form.text.data}", "txt"


@bp.route("/new", methods=["GET", "POST"])
@allow(STAFF)
@limited("RATELIMIT_UPLOAD")
def upload() -> ResponseReturnValue:
    form = UploadForm()
    if not form.validate_on_submit():
        return render_template("sources/upload.html", form=form), 400 if form.is_submitted() else 200
    name, data, fmt = _submitted_file(form)
    try:
        clean = services.read_document(name, data, fmt)
    except IngestError as error:  # a 400: the request's end rolls back
        form.file.errors = [*form.file.errors, str(error)]
        return render_template("sources/upload.html", form=form), 400
    same = duplicates.same_text_as(db.session, current_user, clean.text)
    if same is not None:  # ask first: open the one there is, or (a copy saved another way) upload anyway
        identical = duplicates.is_identical(same, clean.text)
        token = None if identical else duplicates.keep_pending(db.session, current_user, name, data, fmt, now=utcnow())
        commit_now()  # the waiting upload must outlive this 409, which the request's end would roll back
        page = render_template("sources/duplicate.html", document=same, identical=identical, token=token, name=name)
        return page, 409
    return _store_and_draft(clean)


@bp.route("/new/anyway", methods=["POST"])
@allow(STAFF)
@limited("RATELIMIT_UPLOAD")
def upload_anyway() -> ResponseReturnValue:
    """The teacher saw that the upload matches one of their documents and wants it as a document of its own."""
    kept = None
    if ConfirmForm().validate_on_submit():
        kept = duplicates.take_pending(db.session, current_user, request.form.get("token", ""), now=utcnow())
    if kept is None:
        flash("That upload is no longer waiting (it waits an hour). Please upload the file again.", "danger")
        return redirect(url_for("sources.upload"))
    try:
        clean = services.read_document(*kept)
    except IngestError as error:
        flash(str(error), "danger")
        return redirect(url_for("sources.upload"))
    return _store_and_draft(clean)


def _store_and_draft(clean: CleanDocument) -> ResponseReturnValue:
    document, created = services.store_document(db.session, current_user, clean)
    if not created:
        flash(f"You already have this document: “{document.title}”.", "info")
        return redirect(url_for("sources.show", document_id=document.id))
    # A job is handed to the worker as the request's end commits. Nothing is read after that: a new
    # transaction would hold SQLite's write lock from the worker.
    drafted = document_questions().draft(db.session, current_user, document)
    if drafted.job_id is not None:
        return redirect(url_for("sources.job", job_id=drafted.job_id))
    drafts = count(drafted.made, "draft question is", "draft questions are")
    flash(f"Read “{document.title}”: {drafts} waiting for your review.", "success")
    return redirect(url_for("bank.review", document=document.id))


@bp.route("/<id:document_id>")
@allow(STAFF)
def show(document_id: int) -> ResponseReturnValue:
    document = services.document_of(db.session, document_id, current_user)
    bank = document_questions()
    rows = bank.questions_in(db.session, document)
    paragraphs = services.highlighted_paragraphs(document.cleaned_text, [(s, e, q) for s, e, q, _, _ in rows])
    questions = {q: (prompt, status) for _, _, q, prompt, status in rows}
    return render_template(
        "sources/show.html",
        document=document,
        paragraphs=paragraphs,
        questions=questions,
        revisions=services.revisions_of(db.session, document),
        job=bank.latest_jobs(db.session, current_user, [document.id]).get(document.id),
        revision_form=UploadForm(formdata=None),
    )


@bp.route("/<id:document_id>/revision", methods=["POST"])
@allow(STAFF)
@limited("RATELIMIT_UPLOAD")
def revision(document_id: int) -> ResponseReturnValue:
    """A new revision of the article: its questions follow it, those whose sentence changed go back to review."""
    document = services.document_of(db.session, document_id, current_user)
    form = UploadForm()
    if not form.validate_on_submit():
        flash("Choose a file or paste the new text (one of the two).", "danger")
        return redirect(url_for("sources.show", document_id=document_id))
    name, data, fmt = _submitted_file(form)
    with undo_on(IngestError, DomainError) as step:
        newer = services.new_revision(db.session, current_user, document, services.read_document(name, data, fmt))
        carried = document_questions().carry(db.session, document, newer, current_user)
    if step.failed:
        return redirect(url_for("sources.show", document_id=document_id))
    flash(
        f"Revision {newer.revision} stored: {count(carried.kept, 'question follows', 'questions follow')}"
        " it unchanged, "
        f"{carried.sent_back} went back to review because their sentence changed.",
        "success",
    )
    return redirect(url_for("sources.show", document_id=newer.id))


@bp.route("/jobs/<id:job_id>")
@allow(STAFF)
def job(job_id: int) -> ResponseReturnValue:
    """A long document's drafting, followed by the page (it can be left and come back to)."""
    work = document_questions().job_of(db.session, job_id, current_user)
    if wants_json():
        return jsonify(
            status=work.status, stage=work.stage, progress=round(work.progress, 3), message=work.message,
            questions=work.questions_made, review=url_for("bank.review", document=work.document_id),
        )  # fmt: skip
    return render_template("sources/job.html", job=work, steps=DRAFTING_STEPS)
