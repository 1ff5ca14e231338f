"""Forms of the review queue and the question editor."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DecimalField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from quizapp.bank.review import NAME_LENGTH
from quizapp.short_answers import accepted_answers, format_line, key_from, parse_line

TYPE_CHOICES = [
    SelectChoice("multiple_choice", "Multiple choice"),
    SelectChoice("true_false", "True / false"),
    SelectChoice("fill_in", "Fill in the blank"),
    SelectChoice("ordering", "Put in order"),
    SelectChoice("matching", "Matching"),
]


class ReviewForm(FlaskForm):
    """One question's Approve / Reject buttons (and a reason for rejecting)."""

    reason = StringField("Reason for rejecting", validators=[Optional(), Length(max=1000)])
    approve = SubmitField("Approve")
    reject = SubmitField("Reject")


class BulkForm(FlaskForm):
    ids = HiddenField()
    reason = StringField("Reason for rejecting the selected", validators=[Optional(), Length(max=1000)])
    approve = SubmitField("Approve selected")
    reject = SubmitField("Reject selected")


class ApproveConfidentForm(FlaskForm):
    threshold = DecimalField("Confidence at least", places=2, validators=[InputRequired(), NumberRange(min=0, max=1)])
    approve_confident = SubmitField("Approve every draft at or above")


class EditQuestionForm(FlaskForm):
    type = SelectField("Type", choices=TYPE_CHOICES)
    name = StringField(
        "Name (optional)",
        validators=[Optional(), Length(max=NAME_LENGTH)],
        description="Your own name for the question, shown in the bank; Moodle exports and imports keep it.",
    )
    prompt = TextAreaField("Question", validators=[DataRequired(), Length(max=2000)])
    options = TextAreaField(
        "Options, one per line",
        validators=[Optional(), Length(max=5000)],
        description=(
            "Multiple choice: the choices. Ordering: the items (in any order). Matching: the right-hand values."
        ),
    )
    answer = TextAreaField(
        "Answer",
        validators=[DataRequired(), Length(max=5000)],
        description=(
            "Multiple choice: the right option. True/false: true or false. Fill in: accepted answers, one per line "
            "(case, accents, articles and small misspellings of names are forgiven; numbers and dates are exact); "
            "as in Moodle, %50% before an answer makes it worth half marks, * stands for any run of characters "
            "(colo*r; a last line %0% * catches every other answer) and the first line that matches counts. "
            "Ordering: the items in the right order, one per line. Matching: one pair per line as left => right."
        ),
    )
    case_sensitive = BooleanField(
        "Fill in: case matters",
        description="Answers must then be typed exactly, letter case included (only spaces are forgiven).",
    )
    explanation = TextAreaField("Explanation shown after answering", validators=[Optional(), Length(max=5000)])
    tags = StringField("Tags, separated by commas", validators=[Optional(), Length(max=500)])
    save = SubmitField("Save as a new version")
    save_approve = SubmitField("Save and approve")

    def content(self) -> dict[str, Any]:
        """The question content the form describes (validated by the service)."""
        lines = [line.strip() for line in (self.answer.data or "").splitlines() if line.strip()]
        options = [line.strip() for line in (self.options.data or "").splitlines() if line.strip()]
        kind = self.type.data
        answer: Any
        if kind == "true_false":
            answer = (lines[0].lower() if lines else "") in ("true", "t", "yes")
            options = []
        elif kind == "fill_in":
            answer, options = key_from(parse_line(line) for line in lines), []
        elif kind == "ordering":
            answer, options = lines, lines
        elif kind == "matching":
            answer = [[part.strip() for part in line.split("=>", 1)] for line in lines if "=>" in line]
            if not options:
                options = [right for _, right in answer]
        else:
            answer = lines[0] if lines else ""
        return {
            "type": kind,
            "name": " ".join((self.name.data or "").split()),
            "prompt": " ".join((self.prompt.data or "").split()),
            "options": options,
            "answer": answer,
            "case_sensitive": kind == "fill_in" and bool(self.case_sensitive.data),
            "explanation": (self.explanation.data or "").strip(),
        }

    def fill_from(self, version: Any) -> None:
        self.type.data = version.type
        self.name.data = version.name
        self.prompt.data = version.prompt
        self.case_sensitive.data = version.case_sensitive
        answer = version.answer
        if version.type == "true_false":
            self.answer.data = "true" if answer else "false"
        elif version.type == "fill_in":
            self.answer.data = "\n".join(format_line(entry) for entry in accepted_answers(answer))
        elif version.type == "ordering":
            self.answer.data = "\n".join(answer)
        elif version.type == "matching":
            self.answer.data = "\n".join(f"{left} => {right}" for left, right in answer)
        else:
            self.answer.data = str(answer)
        self.options.data = "\n".join(version.options or []) if version.type in ("multiple_choice", "matching") else ""
        self.explanation.data = version.explanation


class ImportForm(FlaskForm):
    file = FileField(
        "A GIFT (.txt, .gift), Moodle XML (.xml) or QTI 2.1 package (.zip) file", validators=[FileRequired()]
    )
    submit = SubmitField("Import as drafts")


class NewQuestionForm(EditQuestionForm):
    document = SelectField("Source document (optional)", choices=[], validate_choice=False)
    save = SubmitField("Save as a draft")
    save_approve = SubmitField("Save and approve")


class ResolveFlagForm(FlaskForm):
    resolution = StringField("What was done", validators=[DataRequired(), Length(max=1000)])
    submit = SubmitField("Resolve")
