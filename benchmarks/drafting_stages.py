"""When each stage of the generator begins, on the longest seed article (the shares of the drafting progress bar,
quizapp/sources/job_steps.py, come from it). The model is loaded and warmed first.

    .venv/bin/python benchmarks/drafting_stages.py [FILE]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp.generation import generate
from quizapp.generation.ingest import ingest
from quizapp.generation.types import DocumentInput


def main() -> None:
    seed = Path(__file__).resolve().parent.parent / "seed"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else max(seed.glob("*.txt"), key=lambda p: p.stat().st_size)
    clean = ingest(DocumentInput(name=path.name, data=path.read_text(encoding="utf-8"), format=None))
    generate([clean])  # load and warm the model
    began: dict[str, float] = {}
    start = time.perf_counter()
    generate([clean], progress=lambda stage, _fraction: began.setdefault(stage, time.perf_counter() - start))
    total = time.perf_counter() - start
    print(f"{path.name}: {len(clean.text.split())} words, {total:.2f} s")
    stages = sorted(began.items(), key=lambda item: item[1])
    for (stage, at), (_, until) in zip(stages, [*stages[1:], ("end", total)], strict=True):
        print(f"  {stage:<11} {until - at:6.2f} s  {100 * (until - at) / total:5.1f}%")


if __name__ == "__main__":
    main()
