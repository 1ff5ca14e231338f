"""Look for regular expressions in ingestion and the importers that slow down more than linearly.

    .venv/bin/python fuzz/regex_pumps.py [--max-length 8192] [--ratio 3]

Every compiled pattern at module level of those packages is searched (``search`` tries every start
position, so it covers ``match``, ``sub``, ``split`` and ``findall`` too) in "pump" strings: a prefix
the patterns look for, one or two characters repeated, and an ending that makes the match fail. The
pump doubles from 32 characters; a pattern whose time grows more than ``ratio`` times on a doubling,
past 20 ms, is reported with the string that does it: a candidate for catastrophic backtracking.
Growth stops at 200 ms, so an exponential pattern is caught early instead of hanging the scan.

Not part of the test suite (a run takes a few minutes); each finding became a case in
tests/fuzz/hostile_files.py. Four patterns were found this way and fixed (see fuzz/README.md).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import pkgutil
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PACKAGES = ("quizapp.generation.ingest", "quizapp.bank.interchange")
ALPHABET = "aA1,. -_[]:<\\`"
PREFIXES = ("", "By ", "title: x", "[tag:", "de:", "<?xml ")
# Endings that make a match fail: a sentence end, a word character after a run of punctuation or spaces.
ENDINGS = ("", "!\n", "a")
SLOW = 0.02
GIVE_UP = 0.2


def patterns() -> list[tuple[str, re.Pattern]]:  # type: ignore[type-arg]
    found = []
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and value.pattern:
                    found.append((f"{module.__name__}.{name}", value))
    return found


def seconds(pattern: re.Pattern, text: str) -> float:  # type: ignore[type-arg]
    subject = text.encode("utf-8", "replace") if isinstance(pattern.pattern, bytes) else text
    started = time.perf_counter()
    pattern.search(subject)
    return time.perf_counter() - started


def growth(pattern: re.Pattern, prefix: str, unit: str, ending: str, max_length: int, ratio: float) -> str | None:  # type: ignore[type-arg]
    """The pump string on which ``pattern`` grew superlinearly, or None."""
    previous = None
    length = 32
    while length <= max_length:
        text = prefix + unit * (length // len(unit)) + ending
        spent = seconds(pattern, text)
        if previous is not None and spent > SLOW and spent > ratio * previous:
            return f"{prefix!r} + {unit!r} * {length // len(unit)} + {ending!r}: {spent * 1000:.0f} ms"
        if spent > GIVE_UP:
            return None
        previous = max(spent, 1e-6)
        length *= 2
    return None


def pumps() -> list[str]:
    """Single characters, pairs, and the prefixes themselves (a line of "[tag:[tag:[tag:...")."""
    return [*ALPHABET, *("".join(pair) for pair in itertools.permutations(ALPHABET, 2)), *filter(None, PREFIXES)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-length", type=int, default=8192, help="longest pump, in characters")
    parser.add_argument("--ratio", type=float, default=3.0, help="growth on a doubling that counts as superlinear")
    args = parser.parse_args()
    units = pumps()
    found = patterns()
    flagged = 0
    for name, pattern in found:
        for prefix, unit, ending in itertools.product(PREFIXES, units, ENDINGS):
            case = growth(pattern, prefix, unit, ending, args.max_length, args.ratio)
            if case:
                flagged += 1
                print(f"SUPERLINEAR {name}: {case}", flush=True)
                break
    print(f"{len(found)} patterns checked against {len(units) * len(PREFIXES) * len(ENDINGS)} pumps, "
          f"{flagged} superlinear")


if __name__ == "__main__":
    main()
