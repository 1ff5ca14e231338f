"""Forms of the attempt pages that have fixed fields (question fields are read by attempts.responses)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import FloatField, SelectField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length

FLAG_CHOICES = [
    SelectChoice("wrong", "The answer is wrong"),
    SelectChoice("unclear", "The question is unclear"),
    SelectChoice("other", "Something else"),
]


class FlagForm(FlaskForm):
    kind = SelectField("What is the problem?", choices=FLAG_CHOICES, default="wrong")
    comment = TextAreaField("Tell your teacher more (optional)", validators=[Length(max=1000)])
    submit = SubmitField("Send to the teacher")


class MarkForm(FlaskForm):
    """The teacher's mark for an answer grading could not mark (the range is checked by the service)."""

    mark = FloatField("Mark", validators=[InputRequired(message="Give a mark, as a number.")])
    submit = SubmitField("Save mark")
