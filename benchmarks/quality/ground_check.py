"""Fill-ins that give their answer away (issue #15, round 27): predicates on every judged question.

    .venv/bin/python benchmarks/quality/ground_check.py [--show NAME] [--sheets DIR]

Reads every judged fill-in and choice question (main's ``verdicts/`` and each baseline reader's, each judgement
once: main's copy of a baseline reader's verdict is skipped), parses its article with the app's pipeline and
applies the round's rules as predicates:

- ``named_throughout`` (setting.py): the key is a country named, in any of its forms, in 3+ sentences and 6%+ of
  them, or a place or people named in 5+ sentences and 15%+ (the key's kind and sub-kind are those its article's
  mentions of it mostly carry);
- ``name_built_on`` (giveaways.py): a name of the stem begins with a name word of the key or begins one;
- ``year_of_decade``: the stem prints a year of the key's decade;
- the polity head ("Empire") no longer read as a family name in ``shared_name_word``;
- a quantity pronoun as the key ("One was a Muslim town", ``fill_in.QUANTITY_PRONOUNS``);
- a decade key (the stem rewrite "in the _____ (decade)", which drops nothing).

It prints, per predicate and per question type, as-is / light-edit / reject / wrong-key among readers 10 and on
and among all readers, with the bar a dropping rule must pass (3 rejects or wrong keys per as-is among readers
10+, 1.5 over all). ``--sheets DIR`` adds ``now``: the hits whose key the sheets in DIR still ask with that type.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peripheral_check import Judged, _key, by_article, judged_questions

from quizapp.generation import giveaways as gv
from quizapp.generation.analysis import norm_key
from quizapp.generation.candidates.fill_in import QUANTITY_PRONOUNS
from quizapp.generation.setting import named_throughout

HERE = Path(__file__).resolve().parent
VERDICTS = ("as-is", "light-edit", "reject", "wrong-key")


def _without_polity_heads(prompt: str, key: str) -> str | None:
    kept = gv.POLITY_HEADS
    gv.POLITY_HEADS = frozenset()
    try:
        return gv.shared_name_word(prompt, key)
    finally:
        gv.POLITY_HEADS = kept


PREDICATES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "key the country or people the article stands on (named_throughout)": lambda f: f["ground"],
    "a name of the stem built on the key (name_built_on)": lambda f: f["built"],
    "a year of the key's decade in the stem (year_of_decade)": lambda f: f["decade_year"],
    "a polity head no longer a family name (shared_name_word)": lambda f: f["polity"],
    "any of the three giveaways in the stem": lambda f: f["built"] or f["decade_year"] or f["polity"],
    "a quantity pronoun as the key ('One')": lambda f: f["pronoun"],
    "a decade key (rewritten 'the _____ (decade)', not dropped)": lambda f: f["decade"],
}


def distinct(questions: list[Judged]) -> list[Judged]:
    """Each judgement once: main's verdict files repeat the baseline readers' for the articles they read."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for j in sorted(questions, key=lambda j: j.source == "main"):
        mark = (j.article, j.question["prompt"], j.verdict, j.note)
        if mark not in seen:
            seen.add(mark)
            out.append(j)
    return out


def annotate(questions: list[Judged]) -> None:
    for corpus, group in by_article(questions):
        kinds: Counter[tuple[str, str, str]] = Counter(
            (m.norm, m.kind, m.sub) for s in corpus.sentences for m in s.mentions
        )
        for j in group:
            key, prompt = str(_key(j.question)), j.question["prompt"]
            mine = [(k, c) for k, c in kinds.items() if k[0] == norm_key(key)]
            _norm, kind, sub = max(mine, key=lambda kc: kc[1])[0] if mine else ("", "", "")
            j.feats = {
                "ground": named_throughout(corpus, 0, key, kind, sub),
                "built": bool(gv.name_built_on(prompt, key)),
                "decade_year": bool(gv.year_of_decade(prompt, key)),
                "polity": bool(gv.shared_name_word(prompt, key)) and not _without_polity_heads(prompt, key),
                "pronoun": key.lower() in QUANTITY_PRONOUNS,
                "decade": gv.decade_key(key),
            }


def current_keys(sheets: Path) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in sheets.glob("*.json"):
        record = json.loads(f.read_text(encoding="utf-8"))
        for q in record["questions"]:
            if _key(q):
                out[(record["id"], q["type"])].add(str(_key(q)).lower())
    return out


def _row(cells: Counter[str]) -> str:
    bad = cells["reject"] + cells["wrong-key"]
    ratio = f"{bad / cells['as-is']:.2f}" if cells["as-is"] else "inf"
    return " ".join(f"{cells[v]:>6}" for v in VERDICTS) + f"   bad {bad:>3}  per as-is {ratio:>5}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", help="list the questions of the predicate whose name starts with this")
    parser.add_argument("--sheets", type=Path, help="the current output's sheets, for the row 'now'")
    args = parser.parse_args(argv)
    questions = distinct([j for j in judged_questions() if j.question["type"] in ("fill_in", "multiple_choice")])
    annotate(questions)
    now = current_keys(args.sheets) if args.sheets else None
    for type_ in ("fill_in", "multiple_choice"):
        mine = [j for j in questions if j.question["type"] == type_]
        print(f"\n== {type_}: {len(mine)} judgements")
        for name, pred in PREDICATES.items():
            hits = [j for j in mine if pred(j.feats)]
            recent = Counter(j.verdict for j in hits if j.reader >= 10)
            every = Counter(j.verdict for j in hits)
            print(f"\n{name}\n{'':>10}" + " ".join(f"{v[:6]:>6}" for v in VERDICTS))
            print(f"{'r10-22':>10}" + _row(recent))
            print(f"{'all':>10}" + _row(every))
            if now is not None:
                still = Counter(j.verdict for j in hits if str(_key(j.question)).lower() in now[(j.article, type_)])
                print(f"{'now':>10}" + _row(still))
            if args.show and name.startswith(args.show):
                for j in hits:
                    print(f"  r{j.reader:<3}{j.verdict:<11} {j.article[:20]} | {_key(j.question)} | "
                          f"{j.question['prompt'][:70]} | {j.note[:50]}")  # fmt: skip


if __name__ == "__main__":
    main()
