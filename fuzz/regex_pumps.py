"""Look for regular expressions in ingestion and the importers that slow down more than linearly.

    .venv/bin/python fuzz/regex_pumps.py [--max-length 8192] [--ratio 2.8]

Every compiled pattern at module level of those packages is searched (``search`` tries every start
position, so it covers ``match``, ``sub``, ``split`` and ``findall`` too) in "pump" strings: a prefix
the patterns look for, one or two characters repeated, and an ending that makes the match fail. The
pump doubles from 32 characters. A pattern is reported, with the string that does it, when its time
grows more than ``ratio`` times on three doublings in a row (a linear one doubles, a quadratic one
quadruples) to over 20 ms, or jumps past 200 ms: a candidate for catastrophic backtracking. Growth
stops at 200 ms, so an exponential pattern is caught early instead of hanging the scan. Timings are
the best of three; a pattern that grows under search() is tried with match() too.

Not part of the test suite (a full run takes a quarter of an hour). Run against the old versions of
the five patterns fixed in this round, it flags each of them (see fuzz/README.md).
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
Pump = tuple[str, str, str]
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


def seconds(pattern: re.Pattern, text: str, anchored: bool) -> float:  # type: ignore[type-arg]
    """The best of three timings (a busy machine only ever adds time)."""
    subject = text.encode("utf-8", "replace") if isinstance(pattern.pattern, bytes) else text
    run = pattern.match if anchored else pattern.search
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        run(subject)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - started)
        if best > GIVE_UP:
            break
    return best


def growth(pattern: re.Pattern, pump: Pump, max_length: int, ratio: float, anchored: bool) -> str | None:  # type: ignore[type-arg]
    """The pump string on which ``pattern`` grew superlinearly on two doublings in a row, or None."""
    prefix, unit, ending = pump
    times: list[float] = []
    length = 32
    while length <= max_length:
        text = prefix + unit * (length // len(unit)) + ending
        times.append(max(seconds(pattern, text, anchored), 1e-7))
        found = f"{prefix!r} + {unit!r} * {length // len(unit)} + {ending!r}: {times[-1] * 1000:.0f} ms"
        # Blowing up now, or growing faster than linear on three doublings in a row (one jump alone is the
        # string outgrowing a CPU cache, not the pattern).
        if len(times) >= 2 and times[-1] > GIVE_UP and times[-1] > ratio * times[-2]:
            return found
        if len(times) >= 4 and times[-1] > SLOW and all(times[i] > ratio * times[i - 1] for i in (-1, -2, -3)):
            return found if confirmed(pattern, pump, length, times[-1], ratio, anchored) else None
        if times[-1] > GIVE_UP:
            return None
        length *= 2
    return None


def confirmed(pattern: re.Pattern, pump: Pump, length: int, spent: float, ratio: float, anchored: bool) -> bool:  # type: ignore[type-arg]
    """Whether the growth goes on at twice the length: a busy machine can fake three jumps, not four."""
    prefix, unit, ending = pump
    longer = seconds(pattern, prefix + unit * (2 * length // len(unit)) + ending, anchored)
    return longer > ratio * spent


def first_growth(pattern: re.Pattern, pumps: list[Pump], args: argparse.Namespace, anchored: bool) -> str | None:  # type: ignore[type-arg]
    return next((hit for pump in pumps if (hit := growth(pattern, pump, args.max_length, args.ratio, anchored))), None)


def pumps() -> list[str]:
    """Single characters, pairs, and the prefixes themselves (a line of "[tag:[tag:[tag:...")."""
    return [*ALPHABET, *("".join(pair) for pair in itertools.permutations(ALPHABET, 2)), *filter(None, PREFIXES)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-length", type=int, default=8192, help="longest pump, in characters")
    parser.add_argument("--ratio", type=float, default=2.8, help="growth on a doubling that counts as superlinear")
    args = parser.parse_args()
    candidates = list(itertools.product(PREFIXES, pumps(), ENDINGS))
    found = patterns()
    flagged = 0
    for name, pattern in found:
        searched = first_growth(pattern, candidates, args, anchored=False)
        if not searched:
            continue
        flagged += 1
        matched = first_growth(pattern, candidates, args, anchored=True)
        # match() tries only the start: a pattern superlinear under search() alone is safe where the code only
        # matches it, and worth a look where it searches, splits, substitutes or finds all.
        print(f"SUPERLINEAR {name}\n  search(): {searched}\n  match():  {matched or 'linear'}", flush=True)
    print(f"{len(found)} patterns checked against {len(candidates)} pumps, {flagged} superlinear")


if __name__ == "__main__":
    main()
