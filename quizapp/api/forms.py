"""The account page's form for a new API token."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange

from quizapp.api.tokens import DEFAULT_DAYS, MAX_DAYS, NAME_MAX


class NewTokenForm(FlaskForm):
    name = StringField(
        "Name", validators=[DataRequired(), Length(max=NAME_MAX)], description="Where you use it: “grading script”."
    )
    write = BooleanField("May also change things (write scope)", description="Without it, the token can only read.")
    days = IntegerField(
        "Expires after (days)", default=DEFAULT_DAYS, validators=[DataRequired(), NumberRange(min=1, max=MAX_DAYS)]
    )
    submit = SubmitField("Create token")
