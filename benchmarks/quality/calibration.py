"""How well the generator's confidence ranks the reader's verdicts: fitted on some verdicts, checked on others.

    .venv/bin/python benchmarks/quality/calibration.py [--fit-below 49] [--verdicts DIR] [--sheets DIR]

Recomputes each judged question's confidence from its sheet (``out/<id>.json``) with the generator's own
``calibrate`` (which reads only the draft), and prints:

- per kind of question (``calibrate.KINDS``), the share the reader rejected (reject or wrong key) on the fitting
  verdicts (articles numbered below ``--fit-below``, v1 to v3) and on the checking ones (v4): the table in
  ``calibrate.py`` is the first column, rounded and smoothed;
- the share of rejects (and of rejects or wrong keys) in the least and the most confident quarter, on each set,
  with the confidence as the sheet recorded it and as ``calibrate`` computes it now;
- for a few publish thresholds, on each set: how many drafts are at or above it, and what share of those the
  reader found usable as they are, after a light edit, rejected, and with a wrong key.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from figures import confidence_quarters, load_article  # noqa: E402
from split import article_number  # noqa: E402

from quizapp.generation.calibrate import KINDS, SIGNS, calibrate  # noqa: E402
from quizapp.generation.types import QuestionDraft, Source  # noqa: E402

THRESHOLDS = (0.6, 0.7, 0.75, 0.8, 0.85)


def draft_of(q: dict) -> QuestionDraft:  # type: ignore[type-arg]
    return QuestionDraft(
        type=q["type"],
        prompt=q["prompt"],
        answer=q["answer"],
        options=list(q.get("options") or []),
        confidence=float(q["confidence"]),
        confidence_reasons=list(q.get("confidence_reasons", [])),
        checks=list(q.get("checks", [])),
        sources=[Source(s["document"], s["start"], s["end"], s["quote"]) for s in q.get("sources", [])],
    )


def load(verdicts: Path, sheets: Path, baselines: bool = False) -> list[tuple[str, QuestionDraft, float, str]]:
    """(article id, draft recalibrated, confidence on the sheet, verdict) of every judged question.

    With ``baselines``, also the paired readings' other sheets (``baseline-v*/verdicts-reader*`` with
    ``baseline-v*/out``); a question the reader judged on both sheets of a pair (same article, prompt and answer)
    counts once, from the first folder read."""
    import json

    out = []
    seen: set[tuple[str, str, str]] = set()
    pairs = [(verdicts, sheets)]
    if baselines:
        pairs += [(d, d.parent / "out") for d in sorted(HERE.glob("baseline-v*/verdicts-reader*"))]
    for folder, sheets in pairs:
        rows = _load_one(folder, sheets)
        keys = [(r[0], r[1].prompt, json.dumps(r[1].answer)) for r in rows]
        out += [r for r, key in zip(rows, keys, strict=True) if key not in seen]
        seen.update(keys)
    return out


def _load_one(verdicts: Path, sheets: Path) -> list[tuple[str, QuestionDraft, float, str]]:
    import json

    out = []
    for path in sorted(verdicts.glob("*.tsv")):
        sheet = sheets / f"{path.stem}.json"
        article = load_article(path, sheet)
        questions = json.loads(sheet.read_text(encoding="utf-8"))["questions"]
        for v in sorted(article.verdicts, key=lambda v: v.number):
            q = questions[v.number - 1]
            d = draft_of(q)
            calibrate(d)
            out.append((path.stem, d, float(q["confidence"]), v.verdict))
    return out


def _kind(d: QuestionDraft) -> str:
    return next((k.name for k in KINDS if k.applies(d)), "other")


# Smoothing: a kind's share is pulled toward the mean as if 10 more questions had the mean's verdicts; a sign's
# points are shrunk as if 20 more questions with it had been judged as expected (so a sign seen 20 times keeps half
# of its excess). A sign seen fewer than MIN_SIGN times keeps the points calibrate.py gives it.
KIND_PRIOR, SIGN_PRIOR, MIN_SIGN = 10, 20, 20


def fit(rows: list[tuple[str, QuestionDraft, float, str]]) -> tuple[dict[str, float], float, list[float]]:
    """The kinds' shares, the mean (for "other") and the signs' points (in calibrate.SIGNS's order) that the
    verdicts support: a kind's share is its rejects (reject or wrong key) smoothed toward the mean; a sign's points
    are what its questions were rejected beyond the risk the kinds and the other signs give them (backfitted a few
    times, as the signs overlap), shrunk toward 0."""
    bad = [r[3] in ("reject", "wrong-key") for r in rows]
    mean = sum(bad) / len(rows) if rows else 0.0
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r, b in zip(rows, bad, strict=True):
        tally[_kind(r[1])][0] += 1
        tally[_kind(r[1])][1] += b
    shares = {k: round((n_bad + KIND_PRIOR * mean) / (n + KIND_PRIOR), 2) for k, (n, n_bad) in tally.items()}
    has = [[applies(r[1]) for _, _, applies in SIGNS] for r in rows]
    points = [p for p, _, _ in SIGNS]
    for _ in range(5):
        for i in range(len(SIGNS)):
            marked = [j for j in range(len(rows)) if has[j][i]]
            if len(marked) < MIN_SIGN:
                continue
            expected = sum(
                shares[_kind(rows[j][1])] + sum(points[k] for k in range(len(SIGNS)) if k != i and has[j][k])
                for j in marked
            )
            excess = (sum(bad[j] for j in marked) - expected) / len(marked)
            points[i] = round(excess * len(marked) / (len(marked) + SIGN_PRIOR), 2)
    return shares, round(mean, 2), points


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--fit-below", type=int, default=49, help="articles numbered below this are the fitting set")
    p.add_argument("--verdicts", type=Path, default=HERE / "verdicts")
    p.add_argument("--sheets", type=Path, default=HERE / "out")
    p.add_argument("--baselines", action="store_true", help="also the paired readings' baseline sheets")
    p.add_argument("--fit", action="store_true", help="print the shares and points the fitting verdicts support")
    args = p.parse_args(argv)
    rows = load(args.verdicts, args.sheets, args.baselines)
    sets = {
        f"fit (< {args.fit_below:02d})": [r for r in rows if article_number(r[0]) < args.fit_below],
        f"check (>= {args.fit_below:02d})": [r for r in rows if article_number(r[0]) >= args.fit_below],
    }
    names = list(sets)
    bad = ("reject", "wrong-key")
    print("kind of question                                   " + "  ".join(f"{n:>18}" for n in names))
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for n, part in sets.items():
        for _, d, _, v in part:
            c = counts[_kind(d)][n]
            c[0] += 1
            c[1] += v in bad
    for kind in [k.name for k in KINDS] + ["other"]:
        cells = []
        for n in names:
            total, rejected = counts[kind][n]
            cells.append(f"{rejected:3d}/{total:3d} = {rejected / total:4.0%}" if total else f"{'-':>18}")
        print(f"{kind:50s} " + "  ".join(f"{c:>18}" for c in cells))
    if args.fit:
        shares, mean, points = fit(sets[names[0]])
        print()
        print(f"fitted on {names[0]}: kinds' shares (calibrate.KINDS), mean {mean:.2f} (OTHER_REJECTED)")
        for kind in [k.name for k in KINDS]:
            print(f"  {kind:50s} {shares.get(kind, mean):.2f}")
        print("signs' points (calibrate.SIGNS)")
        for (now, reason, _), fitted in zip(SIGNS, points, strict=True):
            print(f"  {fitted:+.2f} (now {now:+.2f})  {reason[:90]}")
    print()
    print("rejects (or wrong keys) in the least / most confident quarter")
    for n, part in sets.items():
        for label, idx in (("as on the sheet", 2), ("recalibrated", 1)):
            judged = [(r[idx] if idx == 2 else r[1].confidence, r[3]) for r in part]
            q = confidence_quarters(judged)
            if q is None:
                continue
            print(
                f"  {n:14s} {label:16s} {q.low_reject:4.0%} ({q.low_bad:4.0%}) / {q.high_reject:4.0%} "
                f"({q.high_bad:4.0%})   of {len(part)} questions, quarters of {q.size}"
            )
    print()
    print("publish threshold: drafts at or above it (recalibrated), and the reader's verdicts on them")
    for n, part in sets.items():
        for t in THRESHOLDS:
            kept = [r[3] for r in part if r[1].confidence >= t]
            if not kept:
                continue

            def share(*vs: str, kept: list[str] = kept) -> str:
                return f"{sum(v in vs for v in kept) / len(kept):4.0%}"

            print(
                f"  {n:14s} >= {t:.2f}: {len(kept):3d} of {len(part)} ({len(kept) / len(part):4.0%}); "
                f"as-is {share('as-is')}, after a light edit {share('as-is', 'light-edit')}, "
                f"rejected {share('reject')}, wrong keys {sum(v == 'wrong-key' for v in kept)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
