"""Command line: ``python -m quizapp.generation [--json] [--report] FILE...``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .pipeline import generate
from .report import quality_report
from .types import DocumentInput, GenerationResult, IngestError


def _read(path: str) -> DocumentInput:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise IngestError(p.name, "file not found") from None
    except OSError as exc:
        raise IngestError(p.name, f"cannot read file ({exc.strerror or exc})") from None
    return DocumentInput(p.name, data)


def _summary(result: GenerationResult) -> str:
    lines = []
    for i, q in enumerate(result.questions, 1):
        lines.append(f"{i}. [{q.type}] {q.prompt}  (confidence {q.confidence:.2f})")
        if q.type == "multiple_choice":
            lines += [f"   {'*' if o == q.answer else '-'} {o}" for o in q.options]
        elif q.type == "ordering":
            lines += [f"   {n}. {o}" for n, o in enumerate(q.answer, 1)]
        elif q.type == "matching":
            lines += [f"   {a}  ->  {b}" for a, b in q.answer]
        else:
            lines.append(f"   answer: {q.answer if q.type == 'true_false' else q.answer[0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the generator on files; exit status 2 for a file that cannot be read."""
    parser = argparse.ArgumentParser(prog="python -m quizapp.generation", description=__doc__)
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print questions and report as one JSON object")
    parser.add_argument("--report", action="store_true", help="print the quality report")
    parser.add_argument("--model", default=None, help="spaCy model (default: $QUIZAPP_SPACY_MODEL or the small one)")
    parser.add_argument("--max-questions", type=int, default=None)
    args = parser.parse_args(argv)
    try:
        docs = [_read(f) for f in args.files]
        result = generate(docs, model=args.model, max_questions=args.max_questions)
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = {"questions": [q.to_dict() for q in result.questions], "report": result.report.to_dict()}
        if args.report:
            payload["quality"] = quality_report(result)
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.report:
        print(json.dumps(quality_report(result), indent=1, ensure_ascii=False))
    else:
        print(_summary(result))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        sys.exit(0)
