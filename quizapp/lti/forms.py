"""The platform registration form. Single fields only; the service checks the rest."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from quizapp.lti.models import URL_MAX


class PlatformForm(FlaskForm):
    name = StringField("Name", validators=[Optional(), Length(max=120)], description="e.g. School Moodle")
    issuer = StringField(
        "Issuer (platform ID)",
        validators=[DataRequired(), Length(max=URL_MAX)],
        description="e.g. https://moodle.example.org",
    )
    client_id = StringField("Client ID", validators=[DataRequired(), Length(max=255)])
    deployment_ids = TextAreaField(
        "Deployment IDs", validators=[DataRequired(), Length(max=5000)], description="One per line."
    )
    auth_login_url = StringField(
        "Authentication request URL (OIDC auth)", validators=[DataRequired(), Length(max=URL_MAX)]
    )
    auth_token_url = StringField("Access token URL", validators=[DataRequired(), Length(max=URL_MAX)])
    key_set_url = StringField("Public keyset URL", validators=[Optional(), Length(max=URL_MAX)])
    public_key = TextAreaField(
        "Or the platform's public key",
        validators=[Optional(), Length(max=20000)],
        description="PEM or JWK(S), when the platform publishes no keyset URL.",
    )
    frame_origins = TextAreaField(
        "Addresses that frame quizapp (optional)",
        validators=[Optional(), Length(max=2000)],
        description="The LMS's own https addresses, one per line, when they differ from the issuer's and the "
        "login URL's (Canvas: https://YOUR-SCHOOL.instructure.com). A session launched from this LMS may show its "
        "quiz in these sites' frames.",
    )
    submit = SubmitField("Register platform")


class LinkAccountForm(FlaskForm):
    """An instructor new to quizapp, signed in here already: link the LMS account to this one, or make a new one."""

    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    link = SubmitField("Link to this account")
    new = SubmitField("Use a new account instead")
