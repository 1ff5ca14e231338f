"""The quiz builder's forms."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateTimeLocalField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from quizapp.exceptions import DomainError
from quizapp.quizzes.builder import SETTINGS
from quizapp.quizzes.models import Quiz
from quizapp.timezones import NoSuchLocalTime, local_to_utc, utc_to_local


def _choices(*pairs: tuple[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


class QuizForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description for students", validators=[Optional(), Length(max=5000)])
    mode = SelectField(
        "Mode",
        choices=_choices(("practice", "Practice: check each answer"), ("exam", "Exam: feedback after submitting")),
    )
    time_limit_minutes = IntegerField(
        "Time limit in minutes (empty: none)", validators=[Optional(), NumberRange(1, 10_000)]
    )
    attempts_allowed = IntegerField(
        "Attempts allowed (empty: unlimited)", validators=[Optional(), NumberRange(1, 1000)]
    )
    score_policy = SelectField(
        "Score kept", choices=_choices(("best", "Best attempt"), ("last", "Last attempt"), ("average", "Average"))
    )
    shuffle_questions = BooleanField("Shuffle questions", default=True)
    shuffle_options = BooleanField("Shuffle options", default=True)
    layout = SelectField(
        "Layout", choices=_choices(("one_per_page", "One question per page"), ("all_on_one_page", "All on one page"))
    )
    # Typed in the teacher's zone (show_times_in), stored in UTC (settings).
    opens_at = DateTimeLocalField("Opens (empty: now)", format="%Y-%m-%dT%H:%M", validators=[Optional()])
    closes_at = DateTimeLocalField("Closes (empty: never)", format="%Y-%m-%dT%H:%M", validators=[Optional()])
    penalty_percent = IntegerField("Practice: penalty per extra try (%)", default=10, validators=[NumberRange(0, 100)])
    review_show_score = BooleanField("After submitting, show the score", default=True)
    review_show_answers = BooleanField("… the right answers", default=True)
    review_show_explanations = BooleanField("… the explanations", default=True)
    review_show_sources = BooleanField("… the source sentences", default=True)
    visibility = SelectField(
        "Who can take it", choices=_choices(("class", "Classes it is assigned to"), ("public", "Every student"))
    )
    submit = SubmitField("Save settings")

    def show_times_in(self, where: ZoneInfo) -> QuizForm:
        """Label the opening and closing times with the teacher's zone; a stored (UTC) time is shown in it."""
        self.opens_at.label.text = f"Opens ({where.key} time; empty: now)"
        self.closes_at.label.text = f"Closes ({where.key} time; empty: never)"
        for field in (self.opens_at, self.closes_at):
            if isinstance(field.data, datetime) and field.data.tzinfo is not None:
                field.data = utc_to_local(field.data, where)
        return self

    def settings(self, where: ZoneInfo) -> dict[str, Any]:
        """The settings as the builder stores them: times typed in ``where`` become UTC (DomainError for a time
        the clocks skip there)."""
        values = {name: getattr(self, name).data for name in SETTINGS}
        for key in ("opens_at", "closes_at"):
            if values[key] is not None:
                try:
                    values[key] = local_to_utc(values[key], where)
                except NoSuchLocalTime as error:
                    raise DomainError(str(error)) from None
        values["description"] = values["description"] or ""
        return values


class QuestionsForm(FlaskForm):
    submit = SubmitField("Save the question list")


class RuleForm(FlaskForm):
    count = IntegerField("How many", default=5, validators=[DataRequired(), NumberRange(1, 200)])
    document = SelectField("From document", choices=[], validate_choice=False)
    question_type = SelectField(
        "Of type",
        choices=_choices(
            ("", "Any type"), ("multiple_choice", "Multiple choice"), ("true_false", "True / false"),
            ("fill_in", "Fill in"), ("ordering", "Ordering"), ("matching", "Matching"),
            ("multiple_answer", "Choose all that apply"),
        ),
    )  # fmt: skip
    tag = StringField("With tag", validators=[Optional(), Length(max=60)])
    submit = SubmitField("Add rule")


class AssignForm(FlaskForm):
    quiz_id = SelectField("Quiz to assign", coerce=int, validate_choice=True)
    submit = SubmitField("Assign to this class")

    def set_quizzes(self, quizzes: Sequence[Quiz]) -> AssignForm:
        self.quiz_id.choices = [
            SelectChoice(quiz.id, quiz.title if quiz.is_published else f"{quiz.title} (not published yet)")
            for quiz in quizzes
        ]
        return self
