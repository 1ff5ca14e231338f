"""The generator's curated tables (``data/*.txt``): one entry per line, ``#`` opening a comment line."""

from __future__ import annotations

from importlib import resources


def table_lines(name: str) -> list[str]:
    """The entries of ``data/<name>``, stripped, without blank and comment lines."""
    text = resources.files("quizapp.generation").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
