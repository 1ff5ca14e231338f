"""Teachers' class pages (create, members, extra time) and the students' join page.

The quizzes of a class are added to its page by the quizzes feature (see ``classes.pages``).

Every teacher route loads the class through ``services.class_for_teacher``, so
another teacher's class id gets the same 404 as an id that does not exist.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, STUDENT, allow
from quizapp.classes import services
from quizapp.classes.forms import ClassForm, ExtraTimeForm, JoinForm
from quizapp.classes.models import SchoolClass
from quizapp.classes.pages import render_class_list, render_class_page
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.rate_limits import limited
from quizapp.transactions import undo_on

bp = Blueprint("classes", __name__, url_prefix="/classes", template_folder="templates")


def _back(school_class: SchoolClass, anchor: str | None = None) -> ResponseReturnValue:
    return redirect(url_for("classes.show", class_id=school_class.id, _anchor=anchor))


@bp.route("/", methods=["GET", "POST"])
@allow(STAFF)
def index() -> ResponseReturnValue:
    form = ClassForm()
    if form.validate_on_submit():
        with undo_on() as step:
            school_class = services.create_class(db.session, current_user, form.name.data or "")
        if step.failed:
            return render_class_list(form, step.status_code)
        flash(f"Class '{school_class.name}' is ready. Give your students its join code.", "success")
        return _back(school_class)
    return render_class_list(form, 400 if form.is_submitted() else 200)


@bp.route("/<id:class_id>")
@allow(STAFF)
def show(class_id: int) -> ResponseReturnValue:
    return render_class_page(services.class_for_teacher(db.session, class_id, current_user))


@bp.route("/<id:class_id>/code", methods=["POST"])
@allow(STAFF)
def regenerate_code(class_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    if ConfirmForm().validate_on_submit():
        code = services.regenerate_code(db.session, school_class)
        flash(f"The new join code is {code}. The old code no longer works; students already in stay in.", "success")
    return _back(school_class, "code")


@bp.route("/<id:class_id>/archive", methods=["POST"])
@allow(STAFF)
def archive(class_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    if ConfirmForm().validate_on_submit():
        services.set_archived(db.session, school_class, not school_class.is_archived)
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
        return render_class_page(school_class, failed_extra=(member_id, form), status=400)
    member = services.set_extra_time(
        db.session,
        school_class,
        member_id,
        form.percent.data,
        actor=current_user,
    )
    flash(f"{member.user.display_name} now has {member.extra_time_percent}% extra time.", "success")
    return _back(school_class, "members")


@bp.route("/<id:class_id>/members/<id:member_id>/remove", methods=["POST"])
@allow(STAFF)
def remove_member(class_id: int, member_id: int) -> ResponseReturnValue:
    school_class = services.class_for_teacher(db.session, class_id, current_user)
    if ConfirmForm().validate_on_submit():
        student = services.remove_member(db.session, school_class, member_id, actor=current_user)
        flash(f"{student.display_name} is no longer in {school_class.name}.", "info")
    return _back(school_class, "members")


@bp.route("/join", methods=["GET", "POST"])
@allow(STUDENT)
@limited("RATELIMIT_JOIN")
def join() -> ResponseReturnValue:
    form = JoinForm()
    status = 200
    if form.validate_on_submit():
        with undo_on() as step:
            member = services.join_class(db.session, current_user, form.code.data or "")
        if step.failed:
            status = step.status_code
        else:
            flash(f"You are in {member.school_class.name}. Its quizzes are listed below.", "success")
            return redirect(url_for("dashboard.index"))
    elif form.is_submitted():
        status = 400
    classes = services.classes_of_student(db.session, current_user)
    return render_template("classes/join.html", form=form, classes=classes), status
