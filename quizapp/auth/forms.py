"""Account forms. They check single fields; rules across rows live in services."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length, Optional, Regexp

from quizapp.auth.models import DISPLAY_NAME_MAX, EMAIL_MAX, TIME_ZONE_MAX, USERNAME_MAX
from quizapp.auth.passwords import PASSWORD_MAX, PASSWORD_MIN
from quizapp.auth.roles import Role

USERNAME_RULE = Regexp(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
    message="Use letters, digits, dots, dashes or underscores, starting with a letter or digit.",
)
ROLE_CHOICES = [SelectChoice(role.value, role.value.capitalize()) for role in Role]


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(min=PASSWORD_MIN, max=PASSWORD_MAX)],
        description=f"At least {PASSWORD_MIN} characters. A few unrelated words make a strong password.",
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        "Repeat the password",
        validators=[DataRequired(), EqualTo("password", message="The two passwords differ.")],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


class LoginForm(FlaskForm):
    username = StringField(
        "Username", validators=[DataRequired(), Length(max=USERNAME_MAX)], render_kw={"autocomplete": "username"}
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "current-password"},
    )
    # Filled by static/timezone.js with the browser's zone: an account without one takes it at login.
    time_zone = HiddenField(validators=[Optional(), Length(max=TIME_ZONE_MAX)])
    submit = SubmitField("Log in")


class RegisterForm(FlaskForm):
    username = StringField(
        "Username",
        validators=[DataRequired(), Length(min=3, max=USERNAME_MAX), USERNAME_RULE],
        render_kw={"autocomplete": "username"},
    )
    display_name = StringField(
        "Your name", validators=[DataRequired(), Length(max=DISPLAY_NAME_MAX)], render_kw={"autocomplete": "name"}
    )
    password, confirm = _new_password_fields()
    time_zone = HiddenField(validators=[Optional(), Length(max=TIME_ZONE_MAX)])
    submit = SubmitField("Create account")


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password",
        validators=[DataRequired(), Length(max=PASSWORD_MAX)],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = _new_password_fields()
    submit = SubmitField("Change password")


class CreateUserForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired(), Length(min=3, max=USERNAME_MAX), USERNAME_RULE])
    display_name = StringField("Name", validators=[DataRequired(), Length(max=DISPLAY_NAME_MAX)])
    role = SelectField("Role", choices=ROLE_CHOICES, default=Role.TEACHER.value)
    password, confirm = _new_password_fields()
    submit = SubmitField("Create user")


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=ROLE_CHOICES)
    submit = SubmitField("Set role")


class AccountForm(FlaskForm):
    email = EmailField(
        "Email address (for password reset links)",
        validators=[Optional(), Length(max=EMAIL_MAX)],
        render_kw={"autocomplete": "email"},
    )
    time_zone = SelectField("Your time zone", choices=[], validate_choice=False)
    submit = SubmitField("Save")


class ForgotPasswordForm(FlaskForm):
    identifier = StringField(
        "Your username or email address",
        validators=[DataRequired(), Length(max=EMAIL_MAX)],
        render_kw={"autocomplete": "username"},
    )
    submit = SubmitField("Send me a link")


class ResetPasswordForm(FlaskForm):
    token = HiddenField(validators=[Length(max=200)])
    password, confirm = _new_password_fields()
    submit = SubmitField("Set the new password")
