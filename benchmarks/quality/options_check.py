"""Options of another kind than the key, checked on every judged multiple-choice question (issue #15).

```bash
.venv/bin/python benchmarks/quality/options_check.py [--table-only CACHE]
```

Reads every judged multiple-choice question (main's `verdicts/` and every baseline's `verdicts-reader*/`, all
versions), parses its article with the current generator's analysis, and asks of each option how the article names
it: the coarse kinds the model gave its mentions there (`option_fit.kind_votes`). The check fires where an option
is named mostly as another kind than the key (a people or a place offered as a cleric, a person as what a
protectorate "became"). It prints a table: check fires yes/no by verdict, and the questions it fires on.

The questions were drafted by older generators; the check reads them as they were judged, so its figures say how
precise the rule is, not how many of today's questions it changes (the before/after sheets say that).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import measure

from quizapp.generation import DocumentInput
from quizapp.generation.option_fit import kind_votes, off_kind
from quizapp.generation.pipeline import analyse, to_clean

HERE = Path(__file__).resolve().parent
VERDICTS = ("as-is", "light-edit", "reject", "wrong-key")


def judged_choices() -> list[dict]:
    """Every judged multiple-choice question: its article id, sheet, number, verdict, note and draft."""
    rows = []
    sets = [(HERE / "out", HERE / "verdicts", "main")]
    for base in sorted(HERE.glob("baseline-v*")):
        sets += [(base / "out", vd, f"{base.name}/{vd.name}") for vd in sorted(base.glob("verdicts-reader*"))]
    for sheets, verdicts, tag in sets:
        for tsv in sorted(verdicts.glob("*.tsv")):
            sheet = sheets / f"{tsv.stem}.json"
            if not sheet.exists():
                continue
            questions = json.loads(sheet.read_text(encoding="utf-8"))["questions"]
            for line in tsv.read_text(encoding="utf-8").splitlines():
                if not line.strip() or line.startswith("#"):
                    continue
                number, verdict, *note = line.split("\t")
                q = questions[int(number) - 1]
                if q["type"] == "multiple_choice":
                    rows.append(
                        {
                            "tag": tag,
                            "id": tsv.stem,
                            "n": int(number),
                            "verdict": verdict.strip(),
                            "note": "".join(note),
                            "q": q,
                        }
                    )
    return rows


def article_votes(article_ids: set[str]) -> dict[str, dict[str, dict[str, int]]]:
    """Article id -> the kinds its mentions give each name (see ``option_fit.kind_votes``)."""
    paths = measure.find_articles([HERE / "articles"])
    out = {}
    for i, aid in enumerate(sorted(article_ids)):
        print(f"  parsing {aid} ({i + 1}/{len(article_ids)})", file=sys.stderr)
        corpus, _, _ = analyse([to_clean(DocumentInput(paths[aid].name, paths[aid].read_bytes()))])
        out[aid] = {norm: dict(c) for norm, c in kind_votes(corpus).items()}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the parsed articles' votes in this JSON file")
    args = parser.parse_args(argv)
    rows = judged_choices()
    votes = None
    if args.cache and args.cache.exists():
        votes = json.loads(args.cache.read_text(encoding="utf-8"))
    if votes is None or not {r["id"] for r in rows} <= set(votes):
        votes = article_votes({r["id"] for r in rows})
        if args.cache:
            args.cache.write_text(json.dumps(votes), encoding="utf-8")
    table: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    fired = []
    seen = set()
    for r in rows:
        q = r["q"]
        counts = {norm: Counter(c) for norm, c in votes[r["id"]].items()}
        bad = off_kind(q["answer"], [o for o in q["options"] if o != q["answer"]], counts)
        table[bool(bad)][r["verdict"]] += 1
        if bad and (r["id"], q["prompt"]) not in seen:
            seen.add((r["id"], q["prompt"]))
            fired.append(f"  {r['verdict']:10} {r['id']} #{r['n']} [{', '.join(bad)}] {q['prompt'][:90]}")
    print("check fires | " + " | ".join(VERDICTS) + " | total")
    for flag in (True, False):
        c = table[flag]
        print(f"{'yes' if flag else 'no':11} | " + " | ".join(str(c[v]) for v in VERDICTS) + f" | {sum(c.values())}")
    print("\nfired on (once per prompt):")
    print("\n".join(fired))


if __name__ == "__main__":
    main()
