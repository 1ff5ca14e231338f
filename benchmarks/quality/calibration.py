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
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from figures import confidence_quarters, load_article  # noqa: E402
from split import article_number  # noqa: E402

from quizapp.generation.calibrate import KINDS, SIGNS, Kind, calibrate  # noqa: E402
from quizapp.generation.types import QuestionDraft, Source  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.8)


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


Row = tuple[str, QuestionDraft, float, str]


def load(verdicts: Path, sheets: Path, baselines: bool = False) -> list[Row]:
    """(article id, draft recalibrated, confidence on the sheet, verdict) of every judged question.

    With ``baselines``, also the paired readings' other sheets (``baseline-v*/verdicts-reader*`` with
    ``baseline-v*/out``); a question the reader judged on both sheets of a pair (same article, prompt and answer)
    counts once, from the first folder read."""
    return [row for _, row in load_by_reader(verdicts, sheets, baselines)]


def load_by_reader(verdicts: Path, sheets: Path, baselines: bool = False) -> list[tuple[int, Row]]:
    """(reader, row) of every judged question, as ``load`` reads them: see ``reader_of``."""
    import json

    out = []
    seen: set[tuple[str, str, str]] = set()
    pairs = [(verdicts, sheets)]
    if baselines:
        pairs += [(d, d.parent / "out") for d in sorted(HERE.glob("baseline-v*/verdicts-reader*"))]
    for folder, sheets in pairs:
        rows = _load_one(folder, sheets)
        keys = [(r[0], r[1].prompt, json.dumps(r[1].answer)) for r in rows]
        out += [(reader_of(folder, r[0]), r) for r, key in zip(rows, keys, strict=True) if key not in seen]
        seen.update(keys)
    return out


FIRST_READER_ARTICLE = 163  # v13's test half, the first read by reader 10


def reader_of(folder: Path, article: str) -> int:
    """The reader of a verdict: a baseline's folder names it (``verdicts-reader12``); main's verdicts on the test
    halves from v13 (articles 163 on, twelve per version) were read by reader 10 onwards, one reader per version;
    0 for older articles of main's verdicts (readers before the numbering, and readers 1 to 9)."""
    named = re.search(r"reader(\d+)$", folder.name)
    if named:
        return int(named.group(1))
    number = article_number(article)
    return 10 + (number - FIRST_READER_ARTICLE) // 12 if number >= FIRST_READER_ARTICLE else 0


def _load_one(verdicts: Path, sheets: Path) -> list[Row]:
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


def _kind(d: QuestionDraft, kinds: Sequence[Kind] = KINDS) -> str:
    return next((k.name for k in kinds if k.applies(d)), "other")


Sign = tuple[float, str, Callable[[QuestionDraft], bool]]

# Smoothing: a kind's share is pulled toward the mean as if 10 more questions had the mean's verdicts; a sign's
# points are shrunk as if 20 more questions with it had been judged as expected (so a sign seen 20 times keeps half
# of its excess). A sign seen fewer than MIN_SIGN times keeps the points calibrate.py gives it.
KIND_PRIOR, SIGN_PRIOR, MIN_SIGN = 10, 20, 20


def fit(
    rows: list[Row], kinds: Sequence[Kind] = KINDS, signs: Sequence[Sign] = SIGNS
) -> tuple[dict[str, float], float, list[float]]:
    """The kinds' shares, the mean (for "other") and the signs' points (in ``signs``'s order) that the verdicts
    support: a kind's share is its rejects (reject or wrong key) smoothed toward the mean; a sign's points are what
    its questions were rejected beyond the risk the kinds and the other signs give them (backfitted a few times, as
    the signs overlap), shrunk toward 0, and never below 0 (a sign is a warning: it never raises the confidence)."""
    bad = [r[3] in ("reject", "wrong-key") for r in rows]
    mean = sum(bad) / len(rows) if rows else 0.0
    kind_of = [_kind(r[1], kinds) for r in rows]
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, b in zip(kind_of, bad, strict=True):
        tally[k][0] += 1
        tally[k][1] += b
    shares = {k: round((n_bad + KIND_PRIOR * mean) / (n + KIND_PRIOR), 2) for k, (n, n_bad) in tally.items()}
    has = [[applies(r[1]) for _, _, applies in signs] for r in rows]
    points = [p for p, _, _ in signs]
    for _ in range(5):
        for i in range(len(signs)):
            marked = [j for j in range(len(rows)) if has[j][i]]
            if len(marked) < MIN_SIGN:
                continue
            expected = sum(
                shares[kind_of[j]] + sum(points[k] for k in range(len(signs)) if k != i and has[j][k]) for j in marked
            )
            excess = (sum(bad[j] for j in marked) - expected) / len(marked)
            points[i] = max(0.0, round(excess * len(marked) / (len(marked) + SIGN_PRIOR), 2))
    return shares, round(mean, 2), points


def confidence_from(
    d: QuestionDraft, table: tuple[dict[str, float], float, list[float]], kinds: Sequence[Kind], signs: Sequence[Sign]
) -> float:
    """The confidence a fitted table (``fit``'s result) gives a draft, bounded and rounded as ``calibrate`` does."""
    shares, mean, points = table
    kind = _kind(d, kinds)
    share = mean if kind == "other" else shares.get(kind, mean)
    share += sum(p for p, (_, _, applies) in zip(points, signs, strict=True) if applies(d))
    return round(max(0.05, min(1 - share, 0.95)), 3)


def auc(judged: Sequence[tuple[float, str]]) -> float:
    """The chance that a rejected (or wrong-keyed) question has a lower confidence than an accepted one, ties
    counting half: 0.5 ranks nothing, 1 puts every reject below every accepted question."""
    bad = [c for c, v in judged if v in ("reject", "wrong-key")]
    good = [c for c, v in judged if v not in ("reject", "wrong-key")]
    if not bad or not good:
        return float("nan")
    below = sum((b < g) + 0.5 * (b == g) for b in bad for g in good)
    return below / (len(bad) * len(good))


RECENT_READERS = tuple(range(10, 19))  # readers 10 to 18 judged the generators of rounds 13 to 22

# The table calibrate.py shipped until round 23 (fitted on v1 to v3), to check the refit against: its kinds' shares
# (it had no kind for a choice among dates: those counted as dates), its mean and its signs' points.
V1_V3_TABLE: tuple[dict[str, float], float, list[float]] = (
    {
        "a cause-and-effect question": 0.6,
        "a false statement with a date swapped": 0.19,
        "a question on a date the text states": 0.12,
        "a matching of pairs each stated in one sentence": 0.12,
        "a true statement taken from the text": 0.16,
        "a false statement with a name swapped": 0.52,
        "a blank on a name": 0.24,
        "a blank on a place": 0.52,
        "a blank on a common phrase": 0.52,
        "a choice among places": 0.29,
        "a choice among people": 0.36,
        "a choice among organisations or counts": 0.58,
        "an ordering of dated events": 0.36,
    },
    0.28,
    [0.15, 0.15, 0.1, 0.15, 0.05, 0.05],
)
V1_V3_KINDS = tuple(k for k in KINDS if k.name in V1_V3_TABLE[0])


def leave_one_reader_out(
    by_reader: list[tuple[int, Row]], readers: Sequence[int], kinds: Sequence[Kind] = KINDS
) -> list[tuple[int, list[tuple[float, str]], list[tuple[float, str]], list[tuple[float, str]]]]:
    """For each reader of ``readers`` with verdicts: (reader, then that reader's (confidence, verdict) pairs with the
    confidence the v1 to v3 table gives, with the one calibrate.py gives now, and with a table fitted with ``kinds``
    on the other ``readers``' verdicts)."""
    out = []
    for held in readers:
        train = [r for who, r in by_reader if who in readers and who != held]
        test = [r for who, r in by_reader if who == held]
        if not test:
            continue
        table = fit(train, kinds)
        out.append(
            (
                held,
                [(confidence_from(r[1], V1_V3_TABLE, V1_V3_KINDS, SIGNS), r[3]) for r in test],
                [(r[1].confidence, r[3]) for r in test],
                [(confidence_from(r[1], table, kinds, SIGNS), r[3]) for r in test],
            )
        )
    return out


def print_loo(by_reader: list[tuple[int, Row]], readers: Sequence[int]) -> None:
    """The table fitted on all ``readers``, then the leave-one-reader-out check: for each reader, the v1 to v3 table,
    calibrate.py's (fitted on all of them, so in-sample) and a refit on the other readers (out of sample)."""
    rows = [r for who, r in by_reader if who in readers]
    shares, mean, points = fit(rows, KINDS)
    print(f"fitted on readers {readers[0]}-{readers[-1]} ({len(rows)} questions): kinds' shares, mean {mean:.2f}")
    for kind in KINDS:
        n = [r for r in rows if _kind(r[1]) == kind.name]
        n_bad = sum(r[3] in ("reject", "wrong-key") for r in n)
        print(f"  {kind.name:50s} {n_bad:3d}/{len(n):3d}  {shares.get(kind.name, mean):.2f} (now {kind.rejected:.2f})")
    print("signs' points")
    for (now, reason, applies), fitted in zip(SIGNS, points, strict=True):
        seen = sum(applies(r[1]) for r in rows)
        print(f"  {fitted:+.2f} (now {now:+.2f}, seen {seen:3d})  {reason[:80]}")
    print()
    print("leave one reader out: rejects or wrong keys in the least / most confident quarter, AUC (0.5 ranks nothing)")
    heads = ("v1-v3 table", "calibrate.py (in-sample)", "refit on the others")
    print(f"  {'':24s}" + "".join(f"  {h:>24}" for h in heads))
    results = leave_one_reader_out(by_reader, readers)
    wins = 0
    for held, old, now, refit in results:
        print(f"  reader {held:2d} ({len(old):3d} questions)" + "".join(f"  {_cell(j):>24}" for j in (old, now, refit)))
        wins += auc(refit) > auc(old)
    for label, i in (("v1-v3 table", 1), ("refit on the others", 3)):
        mean_auc = sum(auc(r[i]) for r in results) / len(results)  # type: ignore[arg-type]
        print(f"  {label}: mean AUC {mean_auc:.2f}")
    print(f"  the refit ranks better than the v1-v3 table (AUC) for {wins} of {len(results)} readers")


def _cell(judged: list[tuple[float, str]]) -> str:
    q = confidence_quarters(judged)
    a = auc(judged)
    return f"{q.low_bad:4.0%} / {q.high_bad:4.0%}  {a:.2f}" if q else f"{'-':>13}  {a:.2f}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--fit-below", type=int, default=49, help="articles numbered below this are the fitting set")
    p.add_argument("--verdicts", type=Path, default=HERE / "verdicts")
    p.add_argument("--sheets", type=Path, default=HERE / "out")
    p.add_argument("--baselines", action="store_true", help="also the paired readings' baseline sheets")
    p.add_argument("--fit", action="store_true", help="print the shares and points the fitting verdicts support")
    p.add_argument("--loo", action="store_true", help="only the leave-one-reader-out check on readers 10 to 18")
    args = p.parse_args(argv)
    if args.loo:
        print_loo(load_by_reader(args.verdicts, args.sheets, baselines=True), RECENT_READERS)
        return 0
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
