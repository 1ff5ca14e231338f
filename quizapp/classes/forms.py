"""Class forms. They check single fields; rules across rows (codes, ownership) live in services."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from quizapp.classes.services import EXTRA_TIME_MAX, NAME_MAX

# Room for a code typed with spaces or dashes between its characters.
CODE_INPUT_MAX = 32


class ClassForm(FlaskForm):
    name = StringField(
        "Class name",
        validators=[DataRequired(), Length(max=NAME_MAX)],
        description="For example 7B History or Monday evening group. Students see this name.",
        render_kw={"autocomplete": "off"},
    )
    submit = SubmitField("Create class")


class JoinForm(FlaskForm):
    code = StringField(
        "Join code",
        validators=[DataRequired(message="Type the code your teacher gave you."), Length(max=CODE_INPUT_MAX)],
        description="8 letters and digits, from your teacher. Upper or lower case, spaces and dashes are all fine.",
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    submit = SubmitField("Join class")


class ExtraTimeForm(FlaskForm):
    percent = IntegerField(
        "Extra time (%)",
        validators=[
            InputRequired(message="Give a number from 0 to 400."),
            NumberRange(min=0, max=EXTRA_TIME_MAX, message=f"Give a number from 0 to {EXTRA_TIME_MAX}."),
        ],
        render_kw={"min": 0, "max": EXTRA_TIME_MAX, "step": 1, "inputmode": "numeric"},
    )
    submit = SubmitField("Save")
