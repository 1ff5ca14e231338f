"""Forms of the review queue and the question editor."""

from __future__ import annotations

import re
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DecimalField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from quizapp.bank.review import NAME_LENGTH
from quizapp.question_types import DEFAULT_ORDERING_GRADING, ORDERING_GRADING_LABELS
from quizapp.short_answers import accepted_answers, format_line, key_from, parse_line

TYPE_CHOICES = [
    SelectChoice("multiple_choice", "Multiple choice"),
    SelectChoice("multiple_answer", "Choose all that apply"),
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
            "Multiple choice and choose all that apply: the choices. Ordering: the items (in any order). "
            "Matching: the right-hand values, and any extra ones that match nothing (distractors)."
        ),
    )
    answer = TextAreaField(
        "Answer",
        validators=[DataRequired(), Length(max=5000)],
        description=(
            "Multiple choice: the right option. Choose all that apply: the right options, one per line, sharing "
            "the marks; a weight such as %50% or %-100% before an option gives it that share (a wrong option "
            "with a negative weight costs marks; the total never drops below 0). True/false: true or false. "
            "Fill in: accepted answers, one per line "
            "(case, accents, articles and small misspellings of names are forgiven; numbers and dates are exact); "
            "as in Moodle, %50% before an answer makes it worth half marks, * stands for any run of characters "
            "(colo*r; a last line %0% * catches every other answer) and the first line that matches counts. "
            "Ordering: the items in the right order, one per line. Matching: one pair per line as left => right."
        ),
    )
    grading = SelectField(
        "Ordering: how a partly right order is graded (Moodle's grading types)",
        choices=[SelectChoice(value, label) for value, label in ORDERING_GRADING_LABELS.items()],
        default=DEFAULT_ORDERING_GRADING,
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
            # The pairs' right-hand values first, then the extra options: distractors that match nothing.
            options = list(dict.fromkeys([right for _, right in answer] + options))
        elif kind == "multiple_answer":
            answer = weighted_options(options, lines)
        else:
            answer = lines[0] if lines else ""
        content = {
            "type": kind,
            "name": " ".join((self.name.data or "").split()),
            "prompt": " ".join((self.prompt.data or "").split()),
            "options": options,
            "answer": answer,
            "case_sensitive": kind == "fill_in" and bool(self.case_sensitive.data),
            "explanation": (self.explanation.data or "").strip(),
        }
        if kind == "ordering":
            content["grading"] = self.grading.data
        return content

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
        elif version.type == "multiple_answer":
            self.answer.data = "\n".join(f"%{_percent(fraction)}% {option}" for option, fraction in answer if fraction)
        else:
            self.answer.data = str(answer)
        listed = version.type in ("multiple_choice", "matching", "multiple_answer")
        self.options.data = "\n".join(version.options or []) if listed else ""
        self.grading.data = version.ordering_grading or DEFAULT_ORDERING_GRADING
        self.explanation.data = version.explanation


_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%\s*")


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def weighted_options(options: list[str], lines: list[str]) -> list[list[Any]]:
    """Choose all that apply from the editor: each option with its fraction, in the options' order.

    An answer line is a right option, or ``%50% option`` / ``%-100% option`` with its own weight; the right
    options without one share what the weighted ones leave of 100%; options not named are worth 0. A line
    naming no option is kept at the end, so the check of the answer says so rather than dropping it.
    """
    weighted: dict[str, float | None] = {}
    for line in lines:
        match = _WEIGHT.match(line)
        option = line[match.end() :].strip() if match else line
        weighted[option] = float(match.group(1)) / 100 if match else None
    given = sum(w for w in weighted.values() if w is not None and w > 0)
    plain = [option for option, w in weighted.items() if w is None]
    share = max(0.0, 1 - given) / len(plain) if plain else 0.0
    fractions = {option: (share if w is None else w) for option, w in weighted.items()}
    answer: list[list[Any]] = [[option, round(fractions.get(option, 0.0), 7)] for option in options]
    answer += [[option, fraction] for option, fraction in fractions.items() if option not in options]
    return answer


class ImportForm(FlaskForm):
    file = FileField(
        "A GIFT (.txt, .gift), Moodle XML (.xml) or QTI 2.1 package (.zip) file", validators=[FileRequired()]
    )
    keep_duplicates = BooleanField(
        "Also import questions my bank already has",
        description="Left unticked, a question of the same type and wording as one of yours is left out and listed.",
    )
    submit = SubmitField("Import as drafts")


class NewQuestionForm(EditQuestionForm):
    document = SelectField("Source document (optional)", choices=[], validate_choice=False)
    save = SubmitField("Save as a draft")
    save_approve = SubmitField("Save and approve")


class ResolveFlagForm(FlaskForm):
    resolution = StringField("What was done", validators=[DataRequired(), Length(max=1000)])
    submit = SubmitField("Resolve")
