"""Models shared by every resource: the error shape, and the bases of input and output models."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from quizapp.request_args import DB_INT_MAX

Id = Annotated[int, Field(ge=1, le=DB_INT_MAX)]
Limit = Annotated[int, Field(ge=1, le=500, description="at most this many items")]


class Input(BaseModel):
    """A request body: strict types (no "5" for 5), unknown fields refused."""

    model_config = ConfigDict(strict=True, extra="forbid")


class Query(BaseModel):
    """Query-string values: text converted to the declared types; an unknown argument is refused (a misspelt
    filter must not silently list everything)."""

    model_config = ConfigDict(extra="forbid")


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorDetail(Output):
    code: str = Field(description="a stable machine-readable code: not_found, invalid, insufficient_scope ...")
    message: str = Field(description="what went wrong, for a person")
    fields: dict[str, str] = Field(description="for a 422: each wrong field (dotted path) and what is wrong")


class ErrorBody(Output):
    """Every error answer of the API."""

    error: ErrorDetail


class Deleted(Output):
    done: bool = True


# Text a person typed: no control characters but tab and line breaks (PostgreSQL refuses a NUL outright).
_PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


def printable(max_length: int, *, min_length: int = 0, description: str | None = None) -> object:
    """A string field of at most ``max_length`` characters without control characters (line breaks allowed)."""
    return Field(min_length=min_length, max_length=max_length, pattern=_PRINTABLE, description=description)
