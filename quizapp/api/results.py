"""Results for teachers: a class's gradebook, a quiz's results, its item analysis; the bank as a file.

The tables are the same rows as the pages' CSV downloads (``quizapp.history``), as JSON: a header and rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Literal

from flask import Response
from flask_login import current_user
from pydantic import Field

from quizapp.access import STAFF
from quizapp.api.blueprint import V1, api
from quizapp.api.schemas import Output, Query
from quizapp.bank import authoring
from quizapp.bank.models import QUESTION_STATUSES
from quizapp.classes.services import class_for_teacher
from quizapp.extensions import db
from quizapp.history import analysis, gradebook
from quizapp.models import utcnow
from quizapp.quizzes.services import quiz_of_teacher

Cell = str | int | float | bool | None


class Table(Output):
    columns: list[str]
    rows: list[list[Cell]] = Field(description="one list per row, in the order of `columns`; null for no value")


class AnalysisQuery(Query):
    attempts: Literal[analysis.WHICH_ATTEMPTS] = Field(  # type: ignore[valid-type]
        "all", description="all attempts, or each student's first"
    )


class ExportQuery(Query):
    format: Literal["gift", "moodle_xml", "csv"] = "gift"
    status: Literal[(*QUESTION_STATUSES, "any")] = Field(  # type: ignore[valid-type]
        "approved", description="the questions of one status, or any"
    )


def _cell(value: object) -> Cell:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def table(rows: Sequence[Sequence[object]]) -> Table:
    header, *body = rows
    return Table(columns=[str(name) for name in header], rows=[[_cell(value) for value in row] for row in body])


@api.operation("GET", V1 + "/classes/<id:class_id>/gradebook", tag="results", roles=STAFF, response=Table)
def class_gradebook(class_id: int) -> Table:
    """A class's gradebook: each student's kept score and attempts per quiz, and how many are missing."""
    school_class = class_for_teacher(db.session, class_id, current_user)
    return table(gradebook.gradebook_csv_rows(gradebook.class_gradebook(db.session, school_class, now=utcnow())))


@api.operation("GET", V1 + "/quizzes/<id:quiz_id>/results", tag="results", roles=STAFF, response=Table)
def quiz_results(quiz_id: int) -> Table:
    """A quiz's results: each student's attempts and scores (kept, best, last, average)."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    return table(gradebook.results_csv_rows(gradebook.quiz_results(db.session, quiz, teacher=current_user)))


@api.operation(
    "GET", V1 + "/quizzes/<id:quiz_id>/item-analysis", tag="results", roles=STAFF, query=AnalysisQuery, response=Table
)
def item_analysis(quiz_id: int, query: AnalysisQuery) -> Table:
    """A quiz's item analysis: facility, discrimination and flags per question."""
    quiz = quiz_of_teacher(db.session, quiz_id, current_user)
    found = analysis.item_analysis(db.session, quiz, which=query.attempts)
    return table(analysis.item_analysis_csv_rows(found))


@api.operation(
    "GET",
    V1 + "/exports/questions",
    tag="exports",
    roles=STAFF,
    query=ExportQuery,
    produces=("text/plain", "application/xml", "text/csv"),
)
def export_questions(query: ExportQuery) -> Response:
    """Your questions as a file: GIFT, Moodle XML or CSV (spreadsheet formulas escaped)."""
    status = None if query.status == "any" else query.status
    content, mimetype, extension = authoring.export(db.session, current_user, query.format, status=status)
    return Response(
        content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="questions.{extension}"'}
    )
