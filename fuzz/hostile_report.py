"""Print what every hostile file costs to read: outcome, wall and CPU time, peak memory.

    .venv/bin/python fuzz/hostile_report.py [--only pdf] [--scale 3] [--kill-after 120]

The same files and the same runner as tests/fuzz/test_hostile_files.py (each read in a forked child
with an address-space limit), as a table instead of assertions, with the bounds the test uses. ``--scale``
multiplies the Markdown pathologies up to the size of commonmark's own test list (3).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz.bounded import Zygote
from tests.fuzz.hostile_files import import_cases, ingest_cases
from tests.fuzz.test_hostile_files import CPU_BOUND_SECONDS, MEMORY_BOUND_MB, WALL_BOUND_SECONDS

BOUNDS = (CPU_BOUND_SECONDS, WALL_BOUND_SECONDS, MEMORY_BOUND_MB)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="run the cases whose name starts with this")
    parser.add_argument("--scale", type=int, default=1, help="size multiplier for the Markdown pathologies")
    parser.add_argument("--kill-after", type=float, default=120.0, help="seconds before a child is killed")
    args = parser.parse_args()
    cases = [case for case in ingest_cases(args.scale) + import_cases() if case.name.startswith(args.only)]
    print(f"bounds: {CPU_BOUND_SECONDS} s CPU, {WALL_BOUND_SECONDS} s wall, {MEMORY_BOUND_MB} MB\n")
    header = ("case", "file MB", "expected", "outcome", "wall s", "CPU s", "peak MB")
    print("{:42} {:>8} {:>8} {:>8} {:>7} {:>6} {:>8}  message".format(*header))
    zygote = Zygote()
    over = 0
    try:
        for case in cases:
            data = case.build()
            run = zygote.run(case.kind, case.filename, data, kill_after=args.kill_after)
            flag = "" if run.outcome == case.expect else " (unexpected)"
            bounds = (run.cpu_seconds, run.seconds, run.peak_mb)
            if any(value >= bound for value, bound in zip(bounds, BOUNDS, strict=True)):
                flag += " (over a bound)"
                over += 1
            print(
                f"{case.name:42} {len(data) / 1e6:8.2f} {case.expect:>8} {run.outcome:>8} {run.seconds:7.2f} "
                f"{run.cpu_seconds:6.2f} {run.peak_mb:8.0f}  {run.message[:90]}{flag}",
                flush=True,
            )
    finally:
        zygote.close()
    print(f"\n{len(cases)} files, {over} over a bound; {time.process_time():.1f} s of this process's own CPU")


if __name__ == "__main__":
    main()
