"""URLs that moved when the URL areas were made to follow the features: each old URL answers a permanent redirect.

Every area has one prefix: a class's pages, its gradebook included, live under ``/classes/<id>``; a question's
pages (editing, regrading) under ``/bank/questions/<id>``; a teacher's quiz pages under ``/manage/quizzes/<id>``.
Links and bookmarks to the old places keep working: a request that matches no route but matches one of
``MOVED`` is sent to the new URL with 308, which keeps the method and the body (a POST stays a POST), and the
query string. The old rules are kept out of ``app.url_map`` so they add no endpoint: access rules and the
security sweeps see only the real routes, and the redirect tells nothing that the new URL does not guard.
"""

from __future__ import annotations

from flask import Flask, redirect, request, url_for
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Response

from quizapp.request_args import URL_CONVERTERS

# (old rule, endpoint that now serves it): the old rule's variables are the endpoint's.
MOVED: tuple[tuple[str, str], ...] = (
    ("/manage/classes/<id:class_id>/gradebook", "history.class_gradebook"),
    ("/manage/classes/<id:class_id>/gradebook.csv", "history.class_gradebook_csv"),
    ("/manage/classes/<id:class_id>/students/<id:student_id>", "history.student_in_class"),
    ("/manage/questions/<id:question_id>/regrade", "attempts_staff.regrade"),
)


def moved_map() -> Map:
    return Map([Rule(old, endpoint=endpoint) for old, endpoint in MOVED], converters=URL_CONVERTERS)


def init_moved(app: Flask) -> None:
    """Answer the old URLs of ``MOVED`` with a permanent redirect to where they live now."""
    old_urls = moved_map()

    @app.before_request
    def _redirect_moved() -> Response | None:
        if request.url_rule is not None:
            return None
        try:
            endpoint, values = old_urls.bind("", path_info=request.path).match(method=request.method)
        except HTTPException:
            return None
        target = url_for(endpoint, **values)
        if request.query_string:
            target += "?" + request.query_string.decode("latin-1")
        return redirect(target, code=308)
