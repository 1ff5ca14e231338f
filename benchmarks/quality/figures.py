"""Figures from a reader's verdicts on the judging sheets: how many questions a teacher could use.

    .venv/bin/python benchmarks/quality/figures.py [--verdicts DIR] [--sheets DIR] [--articles DIR ...]

Reads every ``verdicts/<id>.tsv`` (one row per question: ``number<TAB>verdict<TAB>note``, verdict one of as-is,
light-edit, reject, wrong-key; the note required except for as-is) with the sheet it judges, ``out/<id>.json``.
A verdict file whose numbers are not exactly the sheet's questions is refused, and then no figures are printed.
Prints, per article and over the test half (and the development half, where it has verdicts): the counts and
shares of questions usable as they are, usable after a light edit (as-is + light-edit), rejected and with a
wrong key, against the targets (>=80%, >=95%, <=5%, 0); and, joined with each question's confidence, the share of
rejects among the quarter of questions the generator was least sure of and the quarter it was surest of.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERDICT_VALUES = ("as-is", "light-edit", "reject", "wrong-key")


class VerdictError(ValueError):
    """A verdict file that cannot be matched to its sheet; the message lists every problem found."""


@dataclass(frozen=True)
class Verdict:
    number: int
    verdict: str
    note: str = ""


def parse_verdicts(text: str, questions: int, name: str = "verdicts") -> list[Verdict]:
    """The verdicts of one sheet of ``questions`` questions, by number; VerdictError unless each has exactly one.

    Blank lines and lines starting with '#' are skipped.
    """
    problems: list[str] = []
    found: dict[int, Verdict] = {}
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t", 2)
        where = f"{name} line {line_number}"
        if len(cells) < 2:
            problems.append(f"{where}: expected number<TAB>verdict<TAB>note")
            continue
        number_text, verdict, note = cells[0].strip(), cells[1].strip(), (cells[2].strip() if len(cells) > 2 else "")
        if not number_text.isdigit():
            problems.append(f"{where}: {number_text!r} is not a question number")
            continue
        number = int(number_text)
        if verdict not in VERDICT_VALUES:
            problems.append(f"{where}: verdict {verdict!r} is not one of {', '.join(VERDICT_VALUES)}")
        elif verdict != "as-is" and not note:
            problems.append(f"{where}: a {verdict} verdict needs a note")
        if not 1 <= number <= questions:
            problems.append(f"{where}: question {number} is not on the sheet (it has {questions})")
        elif number in found:
            problems.append(f"{where}: question {number} judged twice")
        else:
            found[number] = Verdict(number, verdict, note)
    missing = [n for n in range(1, questions + 1) if n not in found]
    if missing:
        problems.append(f"{name}: {len(found)} verdicts for {questions} questions; no verdict for {missing}")
    if problems:
        raise VerdictError("\n".join(problems))
    return [found[n] for n in sorted(found)]


@dataclass
class Tally:
    """Verdict counts; they add up over articles."""

    questions: int = 0
    as_is: int = 0
    light_edit: int = 0
    reject: int = 0
    wrong_key: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


def tally(verdicts: Iterable[Verdict]) -> Tally:
    t = Tally()
    for v in verdicts:
        t.questions += 1
        setattr(t, v.verdict.replace("-", "_"), getattr(t, v.verdict.replace("-", "_")) + 1)
    return t


@dataclass(frozen=True)
class Figure:
    name: str
    target: str
    count: int
    share: float | None
    ok: bool | None


def figures(t: Tally) -> list[Figure]:
    """The four figures of a tally against their targets (shares None, and no judgement, when nothing was judged)."""
    n = t.questions

    def share(k: int) -> float | None:
        return k / n if n else None

    usable = t.as_is + t.light_edit
    rows = [
        ("as-is", ">=80%", t.as_is, lambda s, k: s >= 0.80),
        ("after light edit", ">=95%", usable, lambda s, k: s >= 0.95),
        ("reject", "<=5%", t.reject, lambda s, k: s <= 0.05),
        ("wrong key", "0", t.wrong_key, lambda s, k: k == 0),
    ]
    return [Figure(name, target, k, share(k), None if not n else test(share(k), k)) for name, target, k, test in rows]


@dataclass(frozen=True)
class Quarters:
    size: int
    low_reject: float
    high_reject: float
    low_bad: float  # reject or wrong key
    high_bad: float


def confidence_quarters(judged: Sequence[tuple[float, str]]) -> Quarters | None:
    """Reject shares in the lowest and highest confidence quarters of (confidence, verdict) pairs.

    A quarter is len // 4 questions; ties in confidence keep the order given (the caller gives article id, then
    question number), so the result is deterministic. None with fewer than four questions.
    """
    size = len(judged) // 4
    if size == 0:
        return None
    ordered = sorted(judged, key=lambda pair: pair[0])
    low, high = ordered[:size], ordered[-size:]

    def share(part: Sequence[tuple[float, str]], bad: tuple[str, ...]) -> float:
        return sum(verdict in bad for _, verdict in part) / size

    return Quarters(
        size,
        share(low, ("reject",)),
        share(high, ("reject",)),
        share(low, ("reject", "wrong-key")),
        share(high, ("reject", "wrong-key")),
    )


@dataclass(frozen=True)
class JudgedArticle:
    id: str
    verdicts: list[Verdict]
    confidences: list[float]


def load_article(verdict_path: Path, sheet_path: Path) -> JudgedArticle:
    """One verdict file with the sheet (JSON) it judges; VerdictError if the sheet is missing or does not match."""
    if not sheet_path.exists():
        raise VerdictError(f"{verdict_path.name}: no sheet {sheet_path}")
    sheet = json.loads(sheet_path.read_text(encoding="utf-8"))
    questions = sheet["questions"]
    verdicts = parse_verdicts(verdict_path.read_text(encoding="utf-8"), len(questions), verdict_path.name)
    return JudgedArticle(verdict_path.stem, verdicts, [float(q["confidence"]) for q in questions])


def _cell(f: Figure) -> str:
    if f.share is None:
        return "-"
    return f"{f.count} ({f.share:.0%}) {'PASS' if f.ok else 'FAIL'}"


def table(rows: Iterable[tuple[str, Tally]]) -> str:
    """One row per (label, tally): the four figures, each marked PASS or FAIL against its target."""
    names = figures(Tally())
    head = ["article", "q", *(f"{f.name} ({f.target})" for f in names)]
    body = [[label, str(t.questions), *(_cell(f) for f in figures(t))] for label, t in rows]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    lines = [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
        for r in [head, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report(articles: Sequence[JudgedArticle], half_of: dict[str, str]) -> str:
    """The printed figures: per article, then per half with its confidence quarters."""
    rows: list[tuple[str, Tally]] = []
    halves: dict[str, list[JudgedArticle]] = {"test": [], "development": []}
    for article in sorted(articles, key=lambda a: a.id):
        rows.append((f"{article.id} ({'test' if half_of[article.id] == 'test' else 'dev'})", tally(article.verdicts)))
        halves[half_of[article.id]].append(article)
    quarter_lines = []
    for half, members in halves.items():
        if not members:
            continue
        rows.append((f"{half} half", sum((tally(a.verdicts) for a in members), Tally())))
        judged = [(c, v.verdict) for a in members for c, v in zip(a.confidences, a.verdicts, strict=True)]
        q = confidence_quarters(judged)
        if q is None:
            quarter_lines.append(f"{half} half: fewer than 4 questions, no confidence quarters")
        else:
            quarter_lines.append(
                f"{half} half, rejects by confidence quarter ({q.size} questions each): lowest {q.low_reject:.0%}, "
                f"highest {q.high_reject:.0%} (reject or wrong key: {q.low_bad:.0%}, {q.high_bad:.0%})"
            )
    return table(rows) + "\n\n" + "\n".join(quarter_lines)


def main(argv: list[str] | None = None) -> int:
    import split  # the script's sibling; imported here so the computations above load without it (unit tests)

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verdicts", type=Path, default=HERE / "verdicts")
    parser.add_argument("--sheets", type=Path, default=HERE / "out")
    parser.add_argument(
        "--articles", type=Path, action="append", help="directory of articles (repeatable; default: articles/)"
    )
    args = parser.parse_args(argv)

    ids = split.article_ids(args.articles or [split.ARTICLES])
    test, development = split.split(ids)
    half_of = {**dict.fromkeys(test, "test"), **dict.fromkeys(development, "development")}
    paths = sorted(args.verdicts.glob("*.tsv")) if args.verdicts.is_dir() else []
    if not paths:
        print(f"no verdict files in {args.verdicts}", file=sys.stderr)
        return 1
    articles, refused = [], []
    for path in paths:
        if path.stem not in half_of:
            refused.append(f"{path.name}: no article {path.stem} in the set")
            continue
        try:
            articles.append(load_article(path, args.sheets / f"{path.stem}.json"))
        except VerdictError as exc:
            refused.append(str(exc))
    if refused:
        print("refused (no figures printed):\n" + "\n".join(refused), file=sys.stderr)
        return 1
    print(report(articles, half_of))
    return 0


if __name__ == "__main__":
    sys.exit(main())
