"""Teachers' views of the attempt machinery: a quiz previewed as a student sees it, regrading past attempts."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.access import STAFF, allow
from quizapp.attempts import loading, marking, presenters, starting
from quizapp.attempts import regrade as regrading
from quizapp.attempts.forms import MarkForm
from quizapp.bank.review import question_of
from quizapp.classes.services import student_names
from quizapp.exceptions import DomainError
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_of_teacher
from quizapp.wording import count

# No prefix of its own: each page lives in the area of what it shows (a quiz, a question of the bank, an attempt).
bp = Blueprint("attempts_staff", __name__, template_folder="templates")


@bp.route("/manage/quizzes/<id:quiz_id>/preview")
@allow(STAFF)
def preview(quiz_id: int) -> ResponseReturnValue:
    """The quiz as a student sees it (shuffled as for a student), without starting an attempt."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    attempt, answers = starting.preview(db.session, quiz)
    page = presenters.attempt_page(
        attempt, answers, None, now=utcnow(), versions=loading.versions_shown(db.session, answers)
    )
    page.practice = False  # no buttons that would post answers
    return render_template("attempts/preview.html", page=page, attempt=attempt, quiz=quiz)


@bp.route("/bank/questions/<id:question_id>/regrade", methods=["GET", "POST"])
@allow(STAFF)
def regrade(question_id: int) -> ResponseReturnValue:
    """Apply a corrected key to past attempts: first the list of scores it changes, then a confirmed POST."""
    question = question_of(db.session, question_id, current_user)
    form = ConfirmForm()
    if form.validate_on_submit():
        changed = regrading.apply_regrade(db.session, question, current_user, now=utcnow())
        flash(f"Regraded: {count(changed, 'answer')} changed score.", "success")
        return redirect(url_for("bank.edit", question_id=question_id))
    changes = regrading.regrade_preview(db.session, question, current_user)
    return render_template("attempts/regrade.html", question=question, changes=changes, form=form)


@bp.route("/manage/attempts/<id:attempt_id>")
@allow(STAFF)
def attempt_detail(attempt_id: int) -> ResponseReturnValue:
    """One finished attempt at the teacher's own quiz: every answer with its mark, the key and the student's time."""
    attempt = loading.attempt_for_owner(db.session, attempt_id, current_user)
    answers = loading.load_answers(db.session, attempt, sources=False)
    return render_template(
        "attempts/staff_attempt.html",
        attempt=attempt,
        student_name=student_names(db.session, current_user, [attempt.student])[attempt.student_id],
        entries=presenters.staff_entries(answers),
        awaiting=marking.awaiting_marks(attempt),
        mark_form=MarkForm(),
    )


@bp.route("/manage/attempts/<id:attempt_id>/answers/<index:position>/mark", methods=["POST"])
@allow(STAFF)
def mark_answer(attempt_id: int, position: int) -> ResponseReturnValue:
    """The teacher's mark for an answer that grading could not mark; the attempt's score then counts it."""
    form = MarkForm()
    if not form.validate_on_submit():
        problems = " ".join(error for errors in form.errors.values() for error in errors)
        raise DomainError(f"The mark was not saved: {problems} Give a number from 0 to the question's marks.")
    answer = marking.set_mark(db.session, attempt_id, position, form.mark.data, current_user, now=utcnow())
    flash(f"Marked question {position + 1}: {answer.score:g} of {answer.points:g}.", "success")
    return redirect(url_for("attempts_staff.attempt_detail", attempt_id=attempt_id))
