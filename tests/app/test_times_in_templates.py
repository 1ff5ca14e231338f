"""Every time a page shows goes through the ``when`` filter (a ``<time>`` in UTC, shown in the reader's zone by
static/local-time.js): a template that formats a moment itself prints UTC without saying so."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"
FORMATS_ITSELF = re.compile(r"\.(strftime|isoformat|ctime)\(|\|\s*(datetimeformat|date)\b")


def test_no_template_formats_a_time_itself() -> None:
    templates = sorted(PACKAGE.rglob("templates/**/*.html"))
    assert len(templates) > 50  # the walk found the templates
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in templates
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FORMATS_ITSELF.search(line)
    ]
    assert offenders == [], "use {{ moment|when }} (or |when('date'), |when('time')):\n" + "\n".join(offenders)
