"""Live session forms. They check single fields; codes, nicknames across the session and ownership are the
services'."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

from quizapp.live.models import NICKNAME_MAX, SECONDS_MAX, SECONDS_MIN

CODE_INPUT_MAX = 32
SECONDS_RANGE = f"Give a number from {SECONDS_MIN} to {SECONDS_MAX}."


class LiveSettingsForm(FlaskForm):
    seconds = IntegerField(
        "Seconds per question",
        default=20,
        validators=[
            InputRequired(message=SECONDS_RANGE),
            NumberRange(min=SECONDS_MIN, max=SECONDS_MAX, message=SECONDS_RANGE),
        ],
        description="The countdown of every question. You can pause it or add time while a question is open.",
        render_kw={"min": SECONDS_MIN, "max": SECONDS_MAX, "step": 1, "inputmode": "numeric"},
    )
    allow_guests = BooleanField(
        "Let guests join with a nickname",
        description="Guests play and count in the session's results, but get no attempt in any history.",
    )
    show_names = BooleanField(
        "Show names on the leaderboard", default=True, description="Off: the top five show points only."
    )
    submit = SubmitField("Start the session")


class LiveJoinForm(FlaskForm):
    code = StringField(
        "Code",
        validators=[DataRequired(message="Type the code on the board."), Length(max=CODE_INPUT_MAX)],
        description="6 letters and digits, on the teacher's screen.",
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    nickname = StringField(
        "Nickname (guests)",
        validators=[Length(max=NICKNAME_MAX)],
        description="Only if you are not logged in and the teacher allows guests. The class sees it.",
        render_kw={"autocomplete": "off", "maxlength": NICKNAME_MAX},
    )
    submit = SubmitField("Join")
