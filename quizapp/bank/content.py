"""How question content reads as text (review pages, the queue, exports)."""

from __future__ import annotations

from typing import Any

from quizapp.short_answers import describe_key


def _by_rank(pair: tuple[str, Any]) -> tuple[Any, str]:
    return pair[1], pair[0]


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.2f}".rstrip("0").rstrip(".").replace("-", "−") + "%"


def describe(question_type: str, value: Any) -> str:
    """A response or a key as one readable line, for review pages and exports."""
    if value is None:
        return "(no answer)"
    if question_type == "true_false":
        return "True" if value else "False"
    if question_type == "fill_in" and isinstance(value, list):
        return describe_key(value)
    if question_type == "multiple_answer" and value and all(isinstance(v, list) for v in value):  # the key
        return "; ".join(f"{option} ({_percent(fraction)})" for option, fraction in value if fraction)
    if question_type == "multiple_answer" and isinstance(value, list):  # the options a student ticked
        return "; ".join(str(v) for v in value)
    if question_type == "ordering" and isinstance(value, dict):  # unfinished: each item at the position given
        placed = value.get("positions") or {}
        return "unfinished: " + "; ".join(f"{rank}. {item}" for item, rank in sorted(placed.items(), key=_by_rank))
    if question_type == "ordering":
        return " → ".join(str(v) for v in value)
    if question_type == "matching":
        return "; ".join(f"{left} → {right if right is not None else '(none)'}" for left, right in value)
    return str(value)
