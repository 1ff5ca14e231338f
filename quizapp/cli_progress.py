"""Progress lines for long commands (generation over a large document)."""

from __future__ import annotations

from collections.abc import Callable

import click


def progress_printer(step_percent: int = 10) -> Callable[[str, float], None]:
    """A progress callback that prints each stage at every ``step_percent``, on stderr."""
    last: dict[str, int] = {}

    def report(stage: str, fraction: float) -> None:
        percent = int(fraction * 100) // step_percent * step_percent
        if last.get(stage) != percent:
            last[stage] = percent
            click.echo(f"  {stage}: {percent}%", err=True)

    return report
