"""Teachers' class pages (create, members, extra time, quizzes) and the students' join page.

Every teacher route loads the class through ``services.class_for_teacher``, so
another teacher's class id gets the same 404 as an id that does not exist.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, STUDENT, allow
from quizapp.auth.forms import ConfirmForm
from quizapp.classes import services
from quizapp.classes.forms import AssignForm, ClassForm, ExtraTimeForm, JoinForm
from quizapp.classes.models import SchoolClass
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.rate_limits import limited

bp = Blueprint("classes", __name__, url_prefix="/classes", template_folder="templates")


def _back(school_class: SchoolClass, anchor: str | None = None) -> ResponseReturnValue:
    return redirect(url_for("classes.show", class_id=school_class.id, _anchor=anchor))


def _render_index(form: ClassForm, status: int = 200) -> ResponseReturnValue:
    summaries = services.classes_of(db.session, current_user)
    return render_template("classes/index.html", summaries=summaries, form=form), status


def _render_class(
    school_class: SchoolClass,
    *,
    assign_form: AssignForm | None = None,
    failed_extra: tuple[int, ExtraTimeForm] | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    """The class page; a form that failed validation is shown again with its errors and typed values."""
    members = services.members_of(db.session, school_class)
    extra_forms = {
        member.id: ExtraTimeForm(prefix=f"m{member.id}", formdata=None, percent=member.extra_time_percent)
        for member in members
    }
    if failed_extra is not None:
        extra_forms[failed_extra[0]] = failed_extra[1]
    if assign_form is None:
        assign_form = AssignForm(formdata=None)
    assign_form.set_quizzes(services.quizzes_of_teacher(db.session, current_user))
    return render_template(
        "classes/show.html",
        school_class=school_class,
        members=members,
        assignments=services.assigned_quizzes(db.session, school_class),
        extra_forms=extra_forms,
        assign_form=assign_form,
    ), status


@bp.route("/", methods=["GET", "POST"])
@allow(STAFF)
def index() -> ResponseReturnValue:
    form = ClassForm()
    if form.validate_on_submit():
        try:
            school_class = services.create_class(db.session, current_user, form.name.data or "")
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "danger")
            return _render_index(form, error.status_code)
        flash(f"Class '{school_class.name}' is ready. Give your students its join code.", "success")
        return _back(school_class)
    return _render_index(form, 400 if form.is_submitted() else 200)


@bp.route("/<id:class_id>")
@allow(STAFF)
def show(class_id: int) -> ResponseReturnValue:
    return _render_class(services.class_for_teacher(db.session, class_id, current_user))


@bp.route("/<id:class_id>/code", methods=["POST"])
@allow(STAFF)
def regenerate_code(class_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    if ConfirmForm().validate_on_submit():
        code = services.regenerate_code(db.session, school_class)
        db.session.commit()
        flash(f"The new join code is {code}. The old code no longer works; students already in stay in.", "success")
    return _back(school_class, "code")


@bp.route("/<id:class_id>/archive", methods=["POST"])
@allow(STAFF)
def archive(class_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    if ConfirmForm().validate_on_submit():
        services.set_archived(db.session, school_class, not school_class.is_archived)
        db.session.commit()
        if school_class.is_archived:
            flash("The class is archived: no one can join it. Members and quizzes stay.", "info")
        else:
            flash("The class is open again: students can join with its code.", "success")
    return _back(school_class)


@bp.route("/<id:class_id>/members/<id:member_id>/extra-time", methods=["POST"])
@allow(STAFF)
def set_extra_time(class_id: int, member_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    form = ExtraTimeForm(prefix=f"m{member_id}")
    if not form.validate_on_submit():
        flash("Extra time was not changed: see the message beside the field.", "danger")
        return _render_class(school_class, failed_extra=(member_id, form), status=400)
    member = services.set_extra_time(
        db.session,
        school_class,
        member_id,
        form.percent.data,  # type: ignore[arg-type]
        actor=current_user,
    )
    db.session.commit()
    flash(f"{member.user.display_name} now has {member.extra_time_percent}% extra time.", "success")
    return _back(school_class, "members")


@bp.route("/<id:class_id>/members/<id:member_id>/remove", methods=["POST"])
@allow(STAFF)
def remove_member(class_id: int, member_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    if ConfirmForm().validate_on_submit():
        student = services.remove_member(db.session, school_class, member_id, actor=current_user)
        db.session.commit()
        flash(f"{student.display_name} is no longer in {school_class.name}.", "info")
    return _back(school_class, "members")


@bp.route("/<id:class_id>/quizzes", methods=["POST"])
@allow(STAFF)
def assign_quiz(class_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    form = AssignForm().set_quizzes(services.quizzes_of_teacher(db.session, current_user))
    if not form.validate_on_submit():
        flash("Choose one of your quizzes from the list.", "danger")
        return _render_class(school_class, assign_form=form, status=400)
    quiz = services.quiz_of_teacher(db.session, form.quiz_id.data, current_user)  # type: ignore[arg-type]
    services.assign_quiz(db.session, school_class, quiz, current_user)
    db.session.commit()
    flash(f"'{quiz.title}' is assigned to {school_class.name}.", "success")
    return _back(school_class, "quizzes")


@bp.route("/<id:class_id>/quizzes/<id:quiz_id>/remove", methods=["POST"])
@allow(STAFF)
def unassign_quiz(class_id: int, quiz_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    # Another teacher's quiz id is a 404 like their class id; one of mine that is not assigned is a no-op.
    quiz = services.quiz_of_teacher(db.session, quiz_id, current_user)
    if ConfirmForm().validate_on_submit():
        services.unassign_quiz(db.session, school_class, quiz.id, actor=current_user)
        db.session.commit()
        flash("The quiz is no longer assigned to this class. Attempts already made are kept.", "info")
    return _back(school_class, "quizzes")


@bp.route("/join", methods=["GET", "POST"])
@allow(STUDENT)
@limited("RATELIMIT_JOIN")
def join() -> ResponseReturnValue:
    form = JoinForm()
    status = 200
    if form.validate_on_submit():
        try:
            member = services.join_class(db.session, current_user, form.code.data or "")
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "danger")
            status = error.status_code
        else:
            flash(f"You are in {member.school_class.name}. Its quizzes are listed below.", "success")
            return redirect(url_for("dashboard.index"))
    elif form.is_submitted():
        status = 400
    classes = services.classes_of_student(db.session, current_user)
    return render_template("classes/join.html", form=form, classes=classes), status
