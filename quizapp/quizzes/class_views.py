"""The quizzes of a class: the part of the class page that lists them, and giving or taking one away.

The routes live in the class's URL area (``/classes/<id>/quizzes``); the part is added to the class page
through ``classes.pages`` when this blueprint is registered, since classes stands below quizzes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Blueprint, flash, redirect, url_for
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow
from quizapp.classes.models import SchoolClass
from quizapp.classes.pages import ClassPagePart, add_part, render_class_page
from quizapp.classes.services import class_for_teacher
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.quizzes import assignments
from quizapp.quizzes.forms import AssignForm
from quizapp.quizzes.services import quiz_of_teacher, quizzes_of_teacher

bp = Blueprint("class_quizzes", __name__, url_prefix="/classes", template_folder="templates")


def _part_context(school_class: SchoolClass, shown_again: Mapping[str, Any]) -> dict[str, Any]:
    assign_form = shown_again.get("assign_form") or AssignForm(formdata=None)
    assign_form.set_quizzes(quizzes_of_teacher(db.session, current_user))
    return {"assignments": assignments.assigned_quizzes(db.session, school_class), "assign_form": assign_form}


CLASS_QUIZZES = ClassPagePart(
    template="quizzes/_class_quizzes.html",
    context=_part_context,
    heading="Quizzes",
    counts=lambda class_ids: assignments.quiz_counts(db.session, class_ids),
)


@bp.record_once
def _add_to_class_page(state: BlueprintSetupState) -> None:
    add_part(state.app, CLASS_QUIZZES)


def _back(school_class: SchoolClass) -> ResponseReturnValue:
    return redirect(url_for("classes.show", class_id=school_class.id, _anchor="quizzes"))


@bp.route("/<id:class_id>/quizzes", methods=["POST"])
@allow(STAFF)
def assign(class_id: int) -> ResponseReturnValue:
    school_class = class_for_teacher(db.session, class_id, current_user)
    form = AssignForm().set_quizzes(quizzes_of_teacher(db.session, current_user))
    if not form.validate_on_submit():
        flash("Choose one of your quizzes from the list.", "danger")
        return render_class_page(school_class, assign_form=form, status=400)
    quiz = quiz_of_teacher(db.session, form.quiz_id.data, current_user)
    assignments.assign_quiz(db.session, school_class, quiz, current_user)
    flash(f"'{quiz.title}' is assigned to {school_class.name}.", "success")
    return _back(school_class)


@bp.route("/<id:class_id>/quizzes/<id:quiz_id>/remove", methods=["POST"])
@allow(STAFF)
def unassign(class_id: int, quiz_id: int) -> ResponseReturnValue:
    school_class = class_for_teacher(db.session, class_id, current_user)
    # Another teacher's quiz id is a 404 like their class id; one of mine that is not assigned is a no-op.
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    if ConfirmForm().validate_on_submit():
        assignments.unassign_quiz(db.session, school_class, quiz.id, actor=current_user)
        flash("The quiz is no longer assigned to this class. Attempts already made are kept.", "info")
    return _back(school_class)
