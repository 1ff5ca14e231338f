"""The OpenAPI 3.1 description of the API, built from the declared operations and their pydantic models.

Pydantic writes JSON Schema 2020-12, which is OpenAPI 3.1's own schema language, so the models' schemas go
into ``components/schemas`` as they are.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from quizapp.api.operations import Operation
from quizapp.api.schemas import ErrorBody
from quizapp.request_args import DB_INT_MAX

REF = "#/components/schemas/{model}"
_VARIABLE = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
PATH_SCHEMAS: dict[str | None, dict[str, Any]] = {
    "id": {"type": "integer", "minimum": 1, "maximum": DB_INT_MAX},
    "index": {"type": "integer", "minimum": 0, "maximum": DB_INT_MAX},
    None: {"type": "string"},
    "string": {"type": "string"},
}
ERROR_STATUSES = {
    "400": "The request could not be read (malformed JSON, say).",
    "401": "No token, or a token that is unknown, expired or revoked.",
    "403": "The token's scope or the account's role does not allow this.",
    "404": "No such object, or not yours.",
    "405": "The path does not take this method.",
    "409": "The object changed in a way that refuses this.",
    "413": "The body is too large.",
    "415": "The body is not JSON (or, for an upload, multipart/form-data).",
    "422": "A field is missing or wrong; `fields` says which.",
    "429": "Too many requests with this token.",
    "503": "The database is busy for a moment; retry after the Retry-After seconds.",
}


def openapi_path(rule: str) -> str:
    return _VARIABLE.sub(lambda m: "{" + m.group(2) + "}", rule)


def _path_parameters(rule: str) -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "path", "required": True, "schema": dict(PATH_SCHEMAS.get(converter, {"type": "string"}))}
        for converter, name in _VARIABLE.findall(rule)
    ]


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional query value's schema without its null branch: absent is how a query string says null."""
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    if len(options) == 1:
        rest = {key: value for key, value in schema.items() if key not in ("anyOf", "default")}
        return {**options[0], **rest}
    return {key: value for key, value in schema.items() if key != "default"}


def _query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    schema = model.model_json_schema(ref_template=REF)
    required = set(schema.get("required", []))
    parameters = []
    for name, prop in schema.get("properties", {}).items():
        parameter: dict[str, Any] = {"name": name, "in": "query", "required": name in required}
        if "description" in prop:
            parameter["description"] = prop["description"]
        parameter["schema"] = _without_null({k: v for k, v in prop.items() if k not in ("title", "description")})
        parameters.append(parameter)
    return parameters


def build(operations: list[Operation], *, title: str, version: str, server: str) -> dict[str, Any]:
    """The description of these operations, as a dict ready for JSON."""
    models: list[tuple[type[BaseModel], Any]] = [(ErrorBody, "serialization")]
    for op in operations:
        if op.body is not None:
            models.append((op.body, "validation"))
        if op.response is not None:
            models.append((op.response, "serialization"))
    refs, definitions = models_json_schema(list(dict.fromkeys(models)), ref_template=REF)

    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        parameters = _path_parameters(op.rule) + (_query_parameters(op.query) if op.query else [])
        item: dict[str, Any] = {
            "operationId": op.endpoint,
            "summary": op.summary,
            "tags": [op.tag],
            "responses": _responses(op, refs),
        }
        if op.description:
            item["description"] = op.description
        if parameters:
            item["parameters"] = parameters
        if op.body is not None:
            body_schema = refs[(op.body, "validation")]
            content: dict[str, Any] = {"application/json": {"schema": body_schema}}
            if op.upload:
                content["multipart/form-data"] = {"schema": _upload_schema(op.body)}
            item["requestBody"] = {"required": True, "content": content}
        if op.public:
            item["security"] = []
        else:
            item["x-roles"] = sorted(op.roles) if not isinstance(op.roles, str) else [op.roles]
            item["x-scope"] = "read" if op.method == "GET" else "write"
        paths.setdefault(openapi_path(op.rule), {})[op.method.lower()] = item

    return {
        "openapi": "3.1.0",
        "info": {
            "title": title,
            "version": version,
            "description": (
                "quizapp's JSON API. Authenticate with a personal API token (account page → API tokens) sent as "
                "`Authorization: Bearer <token>`; a read token may only GET. Every error is "
                '`{"error": {"code", "message", "fields"}}`.'
            ),
        },
        "servers": [{"url": server}],
        "paths": paths,
        "components": {
            "schemas": definitions.get("$defs", {}),
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "a personal API token"}},
        },
        "security": [{"token": []}],
    }


def _responses(op: Operation, refs: dict[Any, Any]) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    if op.produces:
        files = {media: {"schema": {"type": "string"}} for media in op.produces}
        responses[str(op.status)] = {"description": "The file.", "content": files}
    elif op.response is None:
        responses[str(op.status)] = {"description": "Done; no content."}
    else:
        success: dict[str, Any] = {"application/json": {"schema": refs[(op.response, "serialization")]}}
        responses[str(op.status)] = {"description": "Success.", "content": success}
    error = {"application/json": {"schema": refs[(ErrorBody, "serialization")]}}
    for status, description in ERROR_STATUSES.items():
        responses[status] = {"description": description, "content": error}
    return responses


def _upload_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template=REF)
    properties = {
        name: {key: value for key, value in prop.items() if key != "title"}
        for name, prop in schema.get("properties", {}).items()
    }
    properties["file"] = {"type": "string", "contentMediaType": "application/octet-stream"}
    return {"type": "object", "properties": properties, "required": ["file"], "additionalProperties": False}
