"""Forms every feature uses."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SubmitField


class ConfirmForm(FlaskForm):
    """No fields: gives a POST-only button its CSRF token."""

    submit = SubmitField("Confirm")
