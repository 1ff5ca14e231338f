"""The class page and the class list, with the parts that features above classes add to them.

classes sits below quizzes in the layers and imports nothing of it. The quizzes feature adds the
"Quizzes of this class" part (the list, the assign form, the count on the class list) by registering a
``ClassPagePart`` on the app when its blueprint is registered; these pages render every registered part.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from quizapp.classes import services
from quizapp.classes.forms import ClassForm, ExtraTimeForm
from quizapp.classes.models import SchoolClass
from quizapp.extensions import db

PARTS_KEY = "quizapp.class_page_parts"


@dataclass(frozen=True)
class ClassPagePart:
    """A section of the class page, and its column in the class list."""

    # Included by classes/show.html, with the variables ``context`` returns.
    template: str
    # (the class, what a failed POST of this part wants shown again) -> the template's variables.
    context: Callable[[SchoolClass, Mapping[str, Any]], dict[str, Any]]
    # The class list's column: its heading, and the figure for each class id of the list.
    heading: str
    counts: Callable[[list[int]], dict[int, int]]


def add_part(app: Flask, part: ClassPagePart) -> None:
    parts = app.extensions.setdefault(PARTS_KEY, [])
    if part not in parts:
        parts.append(part)


def _parts() -> list[ClassPagePart]:
    return current_app.extensions.get(PARTS_KEY, [])


def render_class_list(form: ClassForm, status: int = 200) -> ResponseReturnValue:
    summaries = services.classes_of(db.session, current_user)
    ids = [summary.school_class.id for summary in summaries]
    columns = [(part.heading, part.counts(ids)) for part in _parts()]
    return render_template("classes/index.html", summaries=summaries, columns=columns, form=form), status


def render_class_page(
    school_class: SchoolClass,
    *,
    failed_extra: tuple[int, ExtraTimeForm] | None = None,
    status: int = 200,
    **shown_again: Any,
) -> ResponseReturnValue:
    """The class page; a form that failed validation is shown again with its errors and typed values."""
    members = services.members_of(db.session, school_class)
    extra_forms = {
        member.id: ExtraTimeForm(prefix=f"m{member.id}", formdata=None, percent=member.extra_time_percent)
        for member in members
    }
    if failed_extra is not None:
        extra_forms[failed_extra[0]] = failed_extra[1]
    parts = _parts()
    variables: dict[str, Any] = {}
    for part in parts:
        variables.update(part.context(school_class, shown_again))
    return render_template(
        "classes/show.html",
        **variables,
        school_class=school_class,
        members=members,
        extra_forms=extra_forms,
        part_templates=[part.template for part in parts],
    ), status
