"""Which fill-in blanks are open (several answers fit)? Predicates on every judged fill-in (issue #15, round 15b).

    .venv/bin/python benchmarks/quality/blanks_check.py [--show NAME]

Reads every judged fill-in (main's ``verdicts/`` over ``out/`` and each ``baseline-vN/verdicts-readerK/`` over
``baseline-vN/out/``, all versions), reads its article's cleaned text, and applies predicates on the key and the
text: the key's kind (a region or continent, a common-noun phrase, a proper name), whether the article repeats
the key or names it as a term ("called ..."), whether the key's words stand elsewhere in the article on their own
(then the article itself gives another fair answer). It prints, per predicate, yes/no x verdict (as-is,
light-edit, reject with a note that says open/vague/generic, other reject, wrong key), and whether it passes the
bar for a generator gate: at least 3 rejects or wrong keys per as-is removed, and at least 15 in all. Counts are
per judgement (a question judged by two readers counts twice); ``uniq`` repeats the yes row over distinct
(article, prompt) pairs, each with its worst verdict. The questions came from older generators: the table
measures a rule's precision, not today's output. ``--sheets DIR`` (sheets ``measure.py --out DIR`` wrote) adds a
row ``now``: the yes judgements whose key the current output still asks as a fill-in in that article, i.e. what
a new gate would remove beyond the rules that already hold.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peripheral_check import judged_questions

from quizapp.generation import DocumentInput
from quizapp.generation.candidates.fill_in import RARE_ZIPF, open_region
from quizapp.generation.pipeline import to_clean
from quizapp.generation.textutil import zipf

HERE = Path(__file__).resolve().parent
CLASSES = ("as-is", "light-edit", "reject-open", "reject-other", "wrong-key")
OPEN_NOTE = re.compile(
    r"vague|open|generic|underdetermin|many (?:fair )?(?:answers|words|fills|group)|descriptor|several|all fit"
    r"|would (?:also )?fit|also fit|any \w+ (?:would|fits)|many words fit",
    re.I,
)
NAMING = re.compile(r"(?:called|named|termed|dubbed|known as|or)\s+(?:the\s+|a\s+)?['\"‘“]?$", re.I)
STOP = frozenset({"the", "a", "an", "of", "and", "in", "on", "for", "to", "with", "his", "her", "their", "its"})


@dataclass
class Item:
    klass: str
    article: str
    prompt: str
    key: str
    note: str
    feats: dict[str, Any] = field(default_factory=dict)


def _klass(verdict: str, note: str) -> str:
    if verdict != "reject":
        return verdict
    return "reject-open" if OPEN_NOTE.search(note) else "reject-other"


def _count(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text, re.I))


def features(text: str, key: str) -> dict[str, Any]:
    bare = re.sub(r"^(the|a|an)\s+", "", key, flags=re.I)
    words = bare.split()
    common = bool(words) and not any(c.isupper() or c.isdigit() for c in bare)
    uses = _count(text, bare)
    at = re.search(rf"(?<![\w-]){re.escape(bare)}(?![\w-])", text, re.I)
    named = bool(at and NAMING.search(text[max(0, at.start() - 30) : at.start()]))
    content = [w for w in words if w.lower() not in STOP and len(w) > 2]
    # a word of the key the article writes outside the key itself: the article gives another name for it
    alone = {w for w in content if _count(text, w) > uses or _count(text, w.rstrip("s")) > uses}
    return {
        "region": open_region(bare.lower()),
        "common": common,
        "uses": uses,
        "named": named,
        "multi": len(words) >= 2,
        "alone": len(alone),
        "alone_all": bool(content) and len(alone) == len(content),
        # the generic-blank rule lets a term said once through only for a word rare in English
        "rare": any(zipf(w.lower()) < RARE_ZIPF for w in words if w.isalpha()),
    }


PREDICATES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "key a region or continent": lambda f: f["region"],
    "key a common-noun phrase": lambda f: f["common"],
    "common noun, said once, not named": lambda f: f["common"] and f["uses"] <= 1 and not f["named"],
    "common noun, several words, said once, not named": lambda f: (
        f["common"] and f["multi"] and f["uses"] <= 1 and not f["named"]
    ),
    "common noun, several words, a word of it elsewhere alone": lambda f: (
        f["common"] and f["multi"] and not f["named"] and f["alone"] >= 1
    ),
    "common noun, several words, said once, a word elsewhere": lambda f: (
        f["common"] and f["multi"] and f["uses"] <= 1 and not f["named"] and f["alone"] >= 1
    ),
    "common noun, several words, every word elsewhere alone": lambda f: (
        f["common"] and f["multi"] and not f["named"] and f["alone_all"]
    ),
    "common noun, said once, every word elsewhere alone": lambda f: (
        f["common"] and f["multi"] and f["uses"] <= 1 and not f["named"] and f["alone_all"]
    ),
    "common noun, said once, not named, a rare word (what the generic rule lets through)": lambda f: (
        f["common"] and f["multi"] and f["uses"] <= 1 and not f["named"] and f["rare"]
    ),
    "common noun, said once, not named, a rare word, a word elsewhere alone": lambda f: (
        f["common"] and f["multi"] and f["uses"] <= 1 and not f["named"] and f["rare"] and f["alone"] >= 1
    ),
    "common noun, repeated or named": lambda f: f["common"] and (f["uses"] >= 2 or f["named"]),
}


def items() -> list[Item]:
    out = []
    texts: dict[str, str] = {}
    for j in judged_questions():
        if j.question["type"] != "fill_in":
            continue
        if j.file not in texts:
            path = HERE / "articles" / j.file
            texts[j.file] = to_clean(DocumentInput(path.name, path.read_bytes())).text
        key = str(j.question["answer"][0])
        it = Item(_klass(j.verdict, j.note), j.article, j.question["prompt"], key, j.note)
        it.feats = features(texts[j.file], key)
        out.append(it)
    return out


def _row(cells: Counter[str]) -> str:
    bad = cells["reject-open"] + cells["reject-other"] + cells["wrong-key"]
    ratio = f"{bad / cells['as-is']:.2f}" if cells["as-is"] else "inf"
    return " ".join(f"{cells[c]:>6}" for c in CLASSES) + f"   bad {bad:>4}  per as-is {ratio:>5}"


ORDER = ("as-is", "light-edit", "wrong-key", "reject-other", "reject-open")


def current_keys(sheets: Path) -> dict[str, set[str]]:
    """Per article, the fill-in keys (lower case) of the sheets in ``sheets``."""
    out = {}
    for f in sheets.glob("*.json"):
        record = json.loads(f.read_text(encoding="utf-8"))
        out[record["id"]] = {str(q["answer"][0]).lower() for q in record["questions"] if q["type"] == "fill_in"}
    return out


def table(
    name: str, pred: Callable[[dict[str, Any]], bool], its: list[Item], now: dict[str, set[str]] | None = None
) -> None:
    split: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    still: Counter[str] = Counter()
    unique: dict[tuple[str, str], list[str]] = defaultdict(list)
    for it in its:
        hit = pred(it.feats)
        split[hit][it.klass] += 1
        if hit:
            unique[(it.article, it.prompt)].append(it.klass)
            if now is not None and it.key.lower() in now.get(it.article, set()):
                still[it.klass] += 1
    uniq = Counter(max(ks, key=ORDER.index) for ks in unique.values())
    yes = split[True]
    bad = yes["reject-open"] + yes["reject-other"] + yes["wrong-key"]
    passes = bad >= max(15, 3 * yes["as-is"])
    print(f"\n{name}   [{'PASSES' if passes else 'fails'} the bar]")
    print(f"{'':>8}" + " ".join(f"{c[:6]:>6}" for c in CLASSES))
    print(f"{'yes':>8}" + _row(split[True]))
    print(f"{'no':>8}" + _row(split[False]))
    print(f"{'uniq':>8}" + _row(uniq))
    if now is not None:
        print(f"{'now':>8}" + _row(still))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", help="list the questions of the predicate whose name starts with this")
    parser.add_argument("--sheets", type=Path, help="the current output's sheets, for the row 'now'")
    args = parser.parse_args(argv)
    its = items()
    now = current_keys(args.sheets) if args.sheets else None
    print(f"{len(its)} judged fill-ins: " + ", ".join(f"{c} {sum(i.klass == c for i in its)}" for c in CLASSES))
    for name, pred in PREDICATES.items():
        table(name, pred, its, now)
        if args.show and name.startswith(args.show):
            for it in its:
                if pred(it.feats):
                    print(f"  {it.klass:<12} {it.article[:16]} | {it.key} | {it.prompt[:70]} | {it.note[:50]}")


if __name__ == "__main__":
    main()
