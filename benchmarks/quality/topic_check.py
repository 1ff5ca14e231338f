"""Which judged questions ask for the article's own topic? (issue #15, round 17)

    .venv/bin/python benchmarks/quality/topic_check.py [--show NAME]

Reader 13 rejected keys that are what the article is about without being a word of its title: 'Yellow fever' in a
life of Carlos Finlay, 'Sogdiana' in an explainer on Sogdian merchants, 'Kyiv' in a section on Kievan Rus'. For
every judged choice and fill-in question (main's ``verdicts/`` and each baseline reader's), this counts the
sentences of its article that name the key in any of its forms (the phrase itself, a word sharing its stem:
"Sogdian" for "Sogdiana", the words for its people: "Chinese" for "China") against the sentences naming the
article's other names, and prints predicates fixed in advance as 2x2 tables (as peripheral_check.py does).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peripheral_check import CLASSES, Judged, _key, judged_questions, table

from quizapp.generation import DocumentInput
from quizapp.generation.pipeline import analyse, to_clean
from quizapp.generation.setting import names_topic, topic_share

HERE = Path(__file__).resolve().parent

PREDICATES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "key the most-named thing (>= 5 sentences, 10%)": lambda f: f.get("lead", False),
    "key among the most-named (>= half the top)": lambda f: f.get("near", False),
    "key named in >= 15% of sentences": lambda f: f.get("share", 0) >= 0.15,
    "key named in >= 10% of sentences": lambda f: f.get("share", 0) >= 0.10,
    "key named in >= 20% of sentences": lambda f: f.get("share", 0) >= 0.20,
}


def annotate(questions: list[Judged]) -> None:
    by_file: dict[str, list[Judged]] = defaultdict(list)
    for j in questions:
        if _key(j.question):
            by_file[j.file].append(j)
    for name, group in sorted(by_file.items()):
        path = HERE / "articles" / name
        corpus, _ctx, _report = analyse([to_clean(DocumentInput(path.name, path.read_bytes()))])
        for j in group:
            share = topic_share(corpus, 0, str(_key(j.question)))
            j.feats = {
                "share": share.share,
                "lead": names_topic(corpus, 0, str(_key(j.question))),
                "near": share.share >= 0.1 and 2 * share.count >= share.rival and share.count >= 5,
                "count": share.count,
                "rival": share.rival,
            }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", help="list the questions of the predicate whose name starts with this")
    args = parser.parse_args(argv)
    questions = [j for j in judged_questions() if _key(j.question)]
    annotate(questions)
    print(f"{len(questions)} judged choice/fill-in questions: "
          + ", ".join(f"{c} {sum(j.klass == c for j in questions)}" for c in CLASSES))  # fmt: skip
    for name, pred in PREDICATES.items():
        table(name, pred, questions)
        if args.show and name.startswith(args.show):
            for j in questions:
                if pred(j.feats):
                    print(
                        f"  {j.klass:<17} {j.article[:28]} | {j.question['prompt'][:70]} | {_key(j.question)}"
                        f" | {j.feats} | {j.note[:50]}"
                    )


if __name__ == "__main__":
    main()
