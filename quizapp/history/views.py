"""Score history for students; gradebook, quiz results and item analysis for teachers, with CSV exports.

Teachers reach a class or a quiz only through ``class_for_teacher`` / ``quiz_of_teacher``,
so another teacher's ids answer 404; a student reaches only their own history.
"""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from quizapp.access import STAFF, STUDENT, allow
from quizapp.auth.models import User
from quizapp.classes.models import ClassMember
from quizapp.classes.services import class_for_teacher
from quizapp.exceptions import NotFound
from quizapp.extensions import db
from quizapp.forms import ConfirmForm
from quizapp.history import analysis, charts, gradebook, stats, student
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_of_teacher
from quizapp.spreadsheets import table_to_csv
from quizapp.wording import count

bp = Blueprint("history", __name__, template_folder="templates")
bp.add_app_template_filter(student.format_duration, "duration")


def _csv(rows: object, filename: str) -> Response:
    body = table_to_csv(rows)
    # utf-8-sig: Excel reads the file as UTF-8 only with the byte-order mark.
    return Response(
        body.encode("utf-8-sig"),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/history")
@allow(STUDENT)
def mine() -> ResponseReturnValue:
    history = student.student_history(db.session, current_user.id, now=utcnow())
    return render_template("history/mine.html", history=history, chart=_chart(history), subject=None)


def _chart(history: student.StudentHistory):
    return charts.scores_over_time_svg(
        history.chart_points,
        title="Scores over time",
        description="Each dot is a finished attempt: its score in percent, by the date it was submitted. "
        "The table beside the chart lists the same attempts.",
    )


@bp.route("/classes/<id:class_id>/gradebook")
@allow(STAFF)
def class_gradebook(class_id: int) -> ResponseReturnValue:
    school_class = class_for_teacher(db.session, class_id, current_user)
    book = gradebook.class_gradebook(db.session, school_class, now=utcnow())
    return render_template("history/gradebook.html", book=book)


@bp.route("/classes/<id:class_id>/gradebook.csv")
@allow(STAFF)
def class_gradebook_csv(class_id: int) -> ResponseReturnValue:
    school_class = class_for_teacher(db.session, class_id, current_user)
    book = gradebook.class_gradebook(db.session, school_class, now=utcnow())
    return _csv(gradebook.gradebook_csv_rows(book), f"gradebook-class-{school_class.id}.csv")


@bp.route("/classes/<id:class_id>/students/<id:student_id>")
@allow(STAFF)
def student_in_class(class_id: int, student_id: int) -> ResponseReturnValue:
    school_class = class_for_teacher(db.session, class_id, current_user)
    member = db.session.scalar(
        select(User)
        .join(ClassMember, ClassMember.user_id == User.id)
        .where(ClassMember.class_id == school_class.id, User.id == student_id)
    )
    if member is None:
        raise NotFound("There is no such student in this class.")
    # The teacher sees the student's results at their own quizzes, scores included.
    history = student.student_history(
        db.session, member.id, now=utcnow(), for_student=False, quiz_owner_id=current_user.id
    )
    return render_template(
        "history/mine.html", history=history, chart=_chart(history), subject=member, school_class=school_class
    )


@bp.route("/manage/quizzes/<id:quiz_id>/results")
@allow(STAFF)
def quiz_results(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    results = gradebook.quiz_results(db.session, quiz, teacher=current_user)
    chart = charts.distribution_svg(
        results.distribution,
        title=f"How the scores of “{quiz.title}” spread",
        description=f"Number of students by the score the quiz keeps ({quiz.score_policy}), in bands of 10%.",
    )
    return render_template("history/quiz_results.html", quiz=quiz, results=results, chart=chart)


@bp.route("/manage/quizzes/<id:quiz_id>/results.csv")
@allow(STAFF)
def quiz_results_csv(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    results = gradebook.quiz_results(db.session, quiz, teacher=current_user)
    return _csv(gradebook.results_csv_rows(results), f"results-quiz-{quiz.id}.csv")


def _which() -> str:
    which = request.args.get("attempts", "all")
    return which if which in analysis.WHICH_ATTEMPTS else "all"


@bp.route("/manage/quizzes/<id:quiz_id>/analysis")
@allow(STAFF)
def item_analysis(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    found = analysis.item_analysis(db.session, quiz, which=_which())
    return render_template(
        "history/item_analysis.html", analysis=found, form=ConfirmForm(), min_attempts=stats.MIN_ATTEMPTS_FOR_STATISTICS
    )


@bp.route("/manage/quizzes/<id:quiz_id>/analysis.csv")
@allow(STAFF)
def item_analysis_csv(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    found = analysis.item_analysis(db.session, quiz, which=_which())
    return _csv(analysis.item_analysis_csv_rows(found), f"item-analysis-quiz-{quiz.id}.csv")


@bp.route("/manage/quizzes/<id:quiz_id>/analysis/send-back", methods=["POST"])
@allow(STAFF)
def send_back(quiz_id: int) -> ResponseReturnValue:
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    form = ConfirmForm()
    if not form.validate_on_submit():
        flash("The form expired; nothing was changed. Try again.", "warning")
        return redirect(url_for("history.item_analysis", quiz_id=quiz.id))
    found = analysis.item_analysis(db.session, quiz, which=_which())
    sent = analysis.send_weak_questions_back(db.session, found, current_user)
    if sent:
        flash(f"{count(len(sent), 'question')} went back to the review queue with the reasons found.", "success")
    else:
        flash("No approved question needed to go back to review.", "info")
    return redirect(url_for("history.item_analysis", quiz_id=quiz.id, attempts=found.which))
