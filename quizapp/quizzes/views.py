"""Teachers' quiz builder pages (students take quizzes through quizapp.attempts)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow
from quizapp.auth.zones import zone_of
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.quizzes import builder, exports
from quizapp.quizzes.forms import QuestionsForm, QuizForm, RuleForm
from quizapp.quizzes.rule_preview import preview_pool
from quizapp.quizzes.services import quiz_of_teacher, quizzes_of_teacher
from quizapp.request_args import id_arg, ids_arg, text_arg, whole_number
from quizapp.sources.services import documents_of
from quizapp.transactions import undo_on
from quizapp.wording import count

bp = Blueprint("quizzes", __name__, url_prefix="/manage/quizzes", template_folder="templates")


@bp.route("/", methods=["GET", "POST"])
@allow(STAFF)
def index() -> ResponseReturnValue:
    where = zone_of(current_user, current_app.config)
    form = QuizForm().show_times_in(where)
    if form.validate_on_submit():
        with undo_on() as step:
            quiz = builder.create_quiz(db.session, current_user, form.settings(where))
        if not step.failed:
            flash("Quiz created: now add its questions.", "success")
            return redirect(url_for("quizzes.edit", quiz_id=quiz.id))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "quizzes/index.html", quizzes=quizzes_of_teacher(db.session, current_user), form=form
    ), status


def _rule_form() -> RuleForm:
    form = RuleForm(prefix="rule")
    form.document.choices = [("", "Any document")] + [
        (str(d.id), d.title) for d in documents_of(db.session, current_user)
    ]
    return form


def _render_edit(quiz, settings: QuizForm, rule_form: RuleForm, status: int = 200) -> ResponseReturnValue:
    args = request.args
    pick = builder.picker(
        db.session,
        current_user,
        document_id=id_arg(args.get("document")),
        question_type=args.get("type") or None,
        search=text_arg(args.get("q", "")),
    )
    chosen = {entry.question_id for entry in quiz.questions}
    return render_template(
        "quizzes/edit.html",
        quiz=quiz,
        settings=settings,
        rule_form=rule_form,
        questions_form=QuestionsForm(),
        confirm=ConfirmForm(),
        pick=pick,
        chosen=chosen,
        pools=builder.rule_pools(db.session, quiz),
        documents=documents_of(db.session, current_user),
    ), status


@bp.route("/<id:quiz_id>", methods=["GET", "POST"])
@allow(STAFF)
def edit(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    where = zone_of(current_user, current_app.config)
    settings = QuizForm(obj=quiz if request.method == "GET" else None).show_times_in(where)
    if settings.validate_on_submit():
        with undo_on() as step:
            builder.update_settings(db.session, quiz, settings.settings(where), actor=current_user)
        if step.failed:
            return _render_edit(quiz, settings, _rule_form(), 400)
        flash("Settings saved.", "success")
        return redirect(url_for("quizzes.edit", quiz_id=quiz.id, _anchor="settings"))
    return _render_edit(quiz, settings, _rule_form(), 400 if settings.is_submitted() else 200)


@bp.route("/<id:quiz_id>/questions", methods=["POST"])
@allow(STAFF)
def questions(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if not QuestionsForm().validate_on_submit():
        flash("The form expired; try again.", "danger")
        return redirect(url_for("quizzes.edit", quiz_id=quiz_id))
    ids = ids_arg(request.form.getlist("question"))
    if ids is None:
        raise DomainError("A chosen question could not be read; reload the page and try again. Nothing was changed.")
    with undo_on() as step:
        builder.set_questions(db.session, quiz, current_user, ids)
    if step.failed:
        return redirect(url_for("quizzes.edit", quiz_id=quiz_id))
    flash(f"The quiz has {count(len(ids), 'fixed question')}.", "success")
    return redirect(url_for("quizzes.edit", quiz_id=quiz_id, _anchor="questions"))


@bp.route("/<id:quiz_id>/rules", methods=["POST"])
@allow(STAFF)
def add_rule(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    form = _rule_form()
    if form.validate_on_submit():
        with undo_on() as step:
            document_id = id_arg(form.document.data)
            if form.document.data and document_id is None:
                raise DomainError("Choose one of your own documents, or any document.")
            pool = builder.add_rule(
                db.session,
                quiz,
                current_user,
                count=form.count.data or 0,
                document_id=document_id,
                question_type=form.question_type.data or None,
                tag=form.tag.data,
            )
        if not step.failed:
            flash(f"Rule added. {pool.describe()}", "warning" if pool.short else "success")
            return redirect(url_for("quizzes.edit", quiz_id=quiz_id, _anchor="picks"))
    settings = QuizForm(obj=quiz, formdata=None).show_times_in(zone_of(current_user, current_app.config))
    return _render_edit(quiz, settings, form, 400)


@bp.route("/<id:quiz_id>/rules/pool")
@allow(STAFF)
def rule_pool(quiz_id: int) -> ResponseReturnValue:
    """How many questions the rule being typed would pick from (the page's script asks as the teacher types)."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    args = request.args
    document_text = args.get("rule-document", "")
    document_id = id_arg(document_text)
    try:
        if document_text and document_id is None:
            raise DomainError("Choose one of your own documents, or any document.")
        pool = preview_pool(
            db.session,
            quiz,
            current_user,
            count=whole_number(args.get("rule-count", "")) or 0,
            document_id=document_id,
            question_type=args.get("rule-question_type") or None,
            tag=text_arg(args.get("rule-tag", ""))[:60],
        )
    except DomainError as error:
        return jsonify(ok=False, error=str(error)), 400
    return jsonify(ok=True, holds=pool.holds, short=pool.short, message=pool.describe())


@bp.route("/<id:quiz_id>/rules/<id:rule_id>/remove", methods=["POST"])
@allow(STAFF)
def remove_rule(quiz_id: int, rule_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if ConfirmForm().validate_on_submit():
        builder.remove_rule(db.session, quiz, rule_id, actor=current_user)
        flash("Rule removed.", "success")
    return redirect(url_for("quizzes.edit", quiz_id=quiz_id, _anchor="picks"))


@bp.route("/<id:quiz_id>/publish", methods=["POST"])
@allow(STAFF)
def publish(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if ConfirmForm().validate_on_submit():
        publish_it = request.form.get("publish") == "1"
        with undo_on() as step:
            builder.set_published(db.session, quiz, publish_it, actor=current_user)
        if not step.failed:
            flash("Published: students it is open to can take it." if publish_it else "Unpublished.", "success")
    return redirect(url_for("quizzes.edit", quiz_id=quiz_id))


@bp.route("/<id:quiz_id>/duplicate", methods=["POST"])
@allow(STAFF)
def duplicate(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("quizzes.edit", quiz_id=quiz_id))
    copy = builder.duplicate(db.session, quiz, current_user)
    flash("Copied. The copy is not published.", "success")
    return redirect(url_for("quizzes.edit", quiz_id=copy.id))


@bp.route("/<id:quiz_id>/export/<fmt>")
@allow(STAFF)
def export(quiz_id: int, fmt: str) -> ResponseReturnValue:
    """The quiz for Canvas, QTI 2.1 or Anki (the teacher's own quiz only)."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    content, mimetype, filename = exports.export_quiz(db.session, quiz, fmt)
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
