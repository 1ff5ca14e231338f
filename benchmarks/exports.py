"""Exports of a large bank: time and size per format, beside Moodle XML measured in the same run.

    .venv/bin/python benchmarks/exports.py [--questions 2000] [--runs 5]

Builds N questions of every type (the interchange test samples, numbered so each is distinct), then times the
pure exporters (Moodle XML, Canvas QTI 1.2, QTI 2.1, Anki) and the QTI 2.1 import of what the export wrote, and
prints the median time, the ratio to Moodle XML's, and the file size. Nothing touches a database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.bank.interchange import export_moodle_xml  # noqa: E402
from quizapp.bank.interchange.anki_export import export_anki  # noqa: E402
from quizapp.bank.interchange.canvas_qti import export_canvas_qti  # noqa: E402
from quizapp.bank.interchange.qti21_export import export_qti21  # noqa: E402
from quizapp.bank.interchange.qti21_import import import_qti21  # noqa: E402
from tests.unit.interchange.samples import awkward_questions, plain_questions  # noqa: E402


def bank(n: int) -> list[dict]:
    kinds = plain_questions() + awkward_questions()
    return [
        {**kinds[i % len(kinds)], "id": i + 1, "prompt": f"{kinds[i % len(kinds)]['prompt']} (#{i + 1})",
         "source": "A sentence the question came from.", "source_title": "An article"}
        for i in range(n)
    ]  # fmt: skip


def timed(work: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    questions = bank(args.questions)
    formats: dict[str, Callable[[], object]] = {
        "Moodle XML": lambda: export_moodle_xml(questions),
        "Canvas QTI 1.2": lambda: export_canvas_qti(questions, title="Bank", key="bank"),
        "QTI 2.1": lambda: export_qti21(questions),
        "Anki .apkg": lambda: export_anki(questions, deck_name="Bank"),
    }
    baseline = None
    print(f"{args.questions} questions, median of {args.runs} runs")
    print(f"{'format':<16} {'ms':>8} {'× Moodle XML':>13} {'bytes':>10}")
    package = b""
    for name, work in formats.items():
        seconds, data = timed(work, args.runs)
        assert isinstance(data, bytes)
        baseline = baseline or seconds
        package = data if name == "QTI 2.1" else package
        print(f"{name:<16} {1000 * seconds:>8.0f} {seconds / baseline:>13.2f} {len(data):>10,}")
    seconds, result = timed(lambda: import_qti21(package), args.runs)
    count = len(result.questions)  # type: ignore[attr-defined]
    print(f"{'QTI 2.1 import':<16} {1000 * seconds:>8.0f} {seconds / baseline:>13.2f} {count:>10,} questions")


if __name__ == "__main__":
    main()
