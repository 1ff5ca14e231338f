"""`flask users`: create accounts of any role, list them, set roles."""

from __future__ import annotations

import getpass

import click
from flask.cli import AppGroup

from quizapp.auth import services
from quizapp.auth.roles import Role
from quizapp.database import writing
from quizapp.exceptions import DomainError
from quizapp.extensions import db

users_cli = AppGroup("users", help="Manage accounts: create, list, set roles.")
ROLE_NAMES = click.Choice([role.value for role in Role])


def _command_line() -> str:
    """Who the audit log names for a change made here: no account is logged in, so the server's user."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        who = "unknown user"
    return f"flask users on the server ({who})"


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=ROLE_NAMES, default=Role.STUDENT.value, show_default=True)
@click.option("--name", "display_name", help="Display name (defaults to the username).")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    envvar="QUIZAPP_NEW_PASSWORD",
    help="Asked for when not given; or set QUIZAPP_NEW_PASSWORD.",
)
def create_command(username: str, role: str, display_name: str | None, password: str) -> None:
    """Create an account, e.g. `flask users create ana --role teacher`."""
    with writing():
        try:
            user = services.create_account(
                db.session,
                None,
                username=username,
                password=password,
                display_name=display_name,
                role=Role(role),
                actor_name=_command_line(),
            )
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role} '{user.username}'.")


@users_cli.command("list")
@click.option("--role", type=ROLE_NAMES, help="Only this role.")
def list_command(role: str | None) -> None:
    """List accounts: username, role, name."""
    for user in services.list_users(db.session, role=Role(role) if role else None):
        click.echo(f"{user.username}\t{user.role}\t{user.display_name}")


@users_cli.command("set-role")
@click.argument("username")
@click.argument("role", type=ROLE_NAMES)
def set_role_command(username: str, role: str) -> None:
    """Give an account another role; its open sessions end."""
    with writing():
        try:
            user = services.change_role(db.session, None, username, Role(role), actor_name=_command_line())
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            raise click.ClickException(str(error)) from error
    click.echo(f"'{user.username}' is now {user.role}.")
