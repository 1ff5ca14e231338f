"""The OpenAPI description at /api/openapi.json and a page listing the operations at /api/docs (no CDN)."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from quizapp.access import ANYONE, allow
from quizapp.api import openapi
from quizapp.api.blueprint import V1, api, bp

TITLE = "quizapp API"
VERSION = "1.0.0"


def description() -> dict[str, Any]:
    """The app's OpenAPI description (built once per app; it depends only on the code)."""
    cached = current_app.extensions.get("quizapp.openapi")
    if cached is None:
        cached = openapi.build(api.operations, title=TITLE, version=VERSION, server=request.script_root + "/api" + V1)
        cached["paths"] = {path.removeprefix(V1): item for path, item in cached["paths"].items()}
        current_app.extensions["quizapp.openapi"] = cached
    return cached


@bp.route("/openapi.json")
@allow(ANYONE)
def openapi_json() -> ResponseReturnValue:
    return jsonify(description())


@bp.route("/docs")
@allow(ANYONE)
def docs() -> ResponseReturnValue:
    spec = description()
    by_tag: dict[str, list[dict[str, Any]]] = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            by_tag.setdefault(operation["tags"][0], []).append({"method": method.upper(), "path": path, **operation})
    return render_template("api/docs.html", spec=spec, by_tag=by_tag, schemas=spec["components"]["schemas"])
