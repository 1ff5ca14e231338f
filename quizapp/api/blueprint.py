"""The API's blueprint: everything under /api. Resource modules declare their operations on ``api``."""

from __future__ import annotations

from flask import Blueprint

from quizapp.api.operations import ApiBlueprint

bp = Blueprint("api", __name__, url_prefix="/api", template_folder="templates")
api = ApiBlueprint(bp)
V1 = "/v1"
