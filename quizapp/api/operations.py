"""API operations: a view declared once with its roles, input and output models, and described from that.

``ApiBlueprint.operation`` registers a Flask route whose view reads the query string and the JSON body into
pydantic models (strict: a string is no number, an unknown field is refused), calls the resource's function
and writes the returned model as JSON (the app's commit point commits a write that succeeded). The same
declaration is what ``quizapp.api.openapi`` turns into the OpenAPI description, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, jsonify, request
from pydantic import BaseModel, ValidationError

from quizapp.access import allow
from quizapp.api.errors import ApiError
from quizapp.auth.roles import Role
from quizapp.rate_limits import limited
from quizapp.transactions import writes_on_get


@dataclass(frozen=True)
class Operation:
    """One method on one path, as declared in a resource module."""

    method: str
    rule: str  # the Flask rule under the blueprint's prefix, e.g. /questions/<id:question_id>
    endpoint: str
    summary: str
    description: str
    tag: str
    roles: frozenset[Role] | str
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None  # None: 204, no content
    status: int = 200
    upload: bool = False  # also takes multipart/form-data with a ``file`` (and the body's fields as form fields)
    produces: tuple[str, ...] = ()  # media types of a file it answers with instead of JSON
    public: bool = False  # needs no token (the description and its page)
    rate_limit: str | None = None  # a setting of quizapp.rate_limits that also limits its calls (uploads)
    writes_on_get: bool = False  # a GET that may write, as its page does (closing an overdue attempt)


@dataclass
class ApiBlueprint:
    """A Flask blueprint plus the operations declared on it."""

    blueprint: Blueprint
    operations: list[Operation] = field(default_factory=list)

    def operation(
        self,
        method: str,
        rule: str,
        *,
        tag: str,
        roles: Iterable[Role] | str,
        query: type[BaseModel] | None = None,
        body: type[BaseModel] | None = None,
        response: type[BaseModel] | None = None,
        status: int = 200,
        upload: bool = False,
        produces: tuple[str, ...] = (),
        public: bool = False,
        rate_limit: str | None = None,
        writes: bool = False,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Declare an operation; the decorated function gets the path values, ``query=`` and ``body=``.

        ``writes``: a GET that may write, declared like its page's ``@writes_on_get`` view.
        """

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            doc = (func.__doc__ or "").strip()
            summary, _, description = doc.partition("\n")
            op = Operation(
                method=method,
                rule=rule,
                endpoint=func.__name__,
                summary=summary.strip(),
                description=" ".join(description.split()),
                tag=tag,
                roles=roles if isinstance(roles, str) else frozenset(roles),
                query=query,
                body=body,
                response=response,
                status=status,
                upload=upload,
                produces=produces,
                public=public,
                rate_limit=rate_limit,
                writes_on_get=writes,
            )
            self.operations.append(op)
            view = _view(op, func)
            if rate_limit is not None:
                view = limited(rate_limit)(view)
            if writes:
                view = writes_on_get(view)
            self.blueprint.add_url_rule(rule, endpoint=op.endpoint, view_func=allow(op.roles)(view), methods=[method])
            return func

        return decorate


def _view(op: Operation, func: Callable[..., Any]) -> Callable[..., Any]:
    def view(**path_values: Any) -> Any:
        arguments = dict(path_values)
        if op.query is not None:
            arguments["query"] = _validated(op.query, lambda model: model.model_validate(_query_values()))
        elif request.args:
            raise ApiError(
                422, "This operation takes no query arguments.", fields=dict.fromkeys(request.args, "unknown")
            )
        if op.body is not None:
            arguments["body"] = read_body(op)
        # Committed at the app's one commit point (quizapp.transactions) when the answer is a success.
        result = func(**arguments)
        if isinstance(result, Response):
            return result
        if result is None:
            return Response(status=op.status)
        return jsonify(result.model_dump(mode="json")), op.status

    view.__name__ = op.endpoint
    view.__doc__ = func.__doc__
    return view


def _query_values() -> dict[str, str]:
    """Each query argument once: a repeated one is refused (which of the values was meant?)."""
    repeated = [key for key, values in request.args.lists() if len(values) > 1]
    if repeated:
        raise ApiError(422, "Give each query argument once.", fields=dict.fromkeys(repeated, "given more than once"))
    return request.args.to_dict()


def read_body(op: Operation) -> BaseModel:
    """The request body as the operation's model: JSON, or (for an upload) form fields beside the file."""
    assert op.body is not None
    model = op.body
    if op.upload and request.mimetype == "multipart/form-data":
        unknown = [key for key in request.form if key not in model.model_fields]
        unknown += [key for key in request.files if key != "file"]
        unknown += [key for key, values in [*request.form.lists(), *request.files.lists()] if len(values) > 1]
        if unknown:
            raise ApiError(422, "Unknown form fields: see fields.", fields=dict.fromkeys(unknown, "unknown field"))
        if not (request.files.get("file") and request.files["file"].filename):
            raise ApiError(422, "Send the file in the form field `file`.", fields={"file": "missing"})
        fields = {key: request.form[key] for key in request.form}
        return _validated(model, lambda m: m.model_validate(fields))
    if not request.is_json:
        raise ApiError(415, "Send the body as JSON, with Content-Type: application/json.")
    raw = request.get_data(cache=True)
    return _validated(model, lambda m: m.model_validate_json(raw or b"null"))


def _validated(model: type[BaseModel], parse: Callable[[type[BaseModel]], BaseModel]) -> Any:
    try:
        return parse(model)
    except ValidationError as error:
        problems = error.errors(include_url=False, include_input=False)
        if any(problem["type"] == "json_invalid" for problem in problems):
            raise ApiError(400, "The body is not valid JSON.") from None
        fields: dict[str, str] = {}
        for problem in problems:
            field = field_name(problem["loc"])
            if problem["msg"] not in fields.get(field, "").split("; "):
                fields[field] = "; ".join(filter(None, (fields.get(field), problem["msg"])))
        raise ApiError(422, "Some fields are missing or wrong: see fields.", fields=fields) from None


def field_name(loc: tuple[int | str, ...]) -> str:
    """The field a validation problem is about, as the caller wrote it: ``status``, ``options.2``.

    Bodies and queries are flat, so the first part names the field and list positions may follow; pydantic
    puts the union member it tried after them (``status.literal['any']``, ``answer.list[str]``), which the
    caller never wrote: those are left out, and the problems of one field are said together."""
    if not loc:
        return "body"
    parts = [str(loc[0])]
    for part in loc[1:]:
        if not isinstance(part, int):
            break
        parts.append(str(part))
    return ".".join(parts)
