"""What every packaged exporter shares: a quiz's random group, and checking a question before its type's writer.

Kept apart from :mod:`.types` (the question shape itself), which other work on the question model changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .types import InterchangeError, label, normalise_question


@dataclass
class QuestionGroup:
    """A quiz's random pick: ``pick`` questions drawn from ``questions``, each worth ``points``.

    Exported as Canvas's question group and as a QTI 2.1 test section with a selection; the bank exports have none.
    """

    title: str
    pick: int
    points: float
    questions: list[dict[str, Any]] = field(default_factory=list)


def checked_for_export(
    question: Mapping[str, Any], number: int, writers: Mapping[str, Any], fmt: str
) -> tuple[dict[str, Any], Any]:
    """(the canonical question, the format's writer for its type), or InterchangeError naming question ``number``:
    the dict is not a valid question, or ``fmt`` has no writer for its type. The writer returned raises
    InterchangeError naming the question too when it cannot write it."""
    try:
        canonical = normalise_question(question)
    except ValueError as err:
        name = label(str(question.get("title") or ""), str(question.get("prompt") or ""))
        raise InterchangeError(f"question {number} {name}: {err}") from None
    writer = writers.get(canonical["type"])
    if writer is None:
        raise InterchangeError(f"question {number}: {fmt} has no place for a {canonical['type']} question")

    def write(*args: Any) -> Any:
        # A writer refuses what its format cannot hold (a key of wildcards only): say which question.
        try:
            return writer(*args)
        except ValueError as err:
            name = label(canonical["title"], canonical["prompt"])
            raise InterchangeError(f"question {number} {name}: {err}") from None

    return canonical, write
