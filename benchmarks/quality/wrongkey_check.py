"""Wrong keys the readers found: what kind they are, and does the current generator still make them (issue #15)?

    .venv/bin/python benchmarks/quality/wrongkey_check.py [--sheets DIR] [--list]

Collects every judged question whose verdict is ``wrong-key`` (main's ``verdicts/`` on ``out/``, and every
``baseline-vN/verdicts-readerK/`` on ``baseline-vN/out/``), one per distinct question (article, source sentence,
prompt and key: a question judged on both sheets of a pair, or by two readers, counts once), and puts each in a
class by its type and note:

- ``fill-refuses``: a fill-in whose accepted answers refuse a fair one ("refuses 'Landa'", "only X accepted");
- ``fill-loose``: a fill-in that accepts a wrong answer (a bare head noun, a given name: "should not score");
- ``choice-also``: a choice with a second right option (also true, contains or part of the key, the same event's
  other date);
- ``tf-key``: a true/false statement whose key is wrong or arguable;
- ``pair``: an ordering or matching with a wrong pair;
- ``other``.

For each it looks at the current output of the article (the sheets ``measure.py --out DIR`` wrote; without
``--sheets``, the generator runs on each article) and says what became of it, from the questions drawn from the
same source sentence: ``gone`` (none), ``same`` (the same type and key: for a fill-in the same accepted answers,
for a true/false the same statement, for a choice the same prompt and options), ``changed`` (the same key with
other accepted answers, options or wording: to be read), ``fixed`` (a refused fill-in whose current answers accept
every answer the note names, by :func:`refused.named_refusals` or else every answer it quotes, graded by the app's
grader) or ``asks-other`` (the sentence now asks something else). It prints the ``same`` and ``changed`` ones
(``--list``: all) and a table of counts per class.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from coref_check import article_number, current_questions  # noqa: E402
from figures import parse_verdicts  # noqa: E402
from refused import _QUOTED, MAX_ANSWER_WORDS, REFUSAL, accepted, judged_sheets, named_refusals  # noqa: E402

CLASSES = ("fill-refuses", "fill-loose", "choice-also", "tf-key", "pair", "other")
STATUSES = ("gone", "same", "changed", "fixed", "asks-other")
# A fill-in note that says a fair answer is refused: refused.py's words, and "only X is accepted", "not listed",
# "other answers are also right", "X is a fair answer".
REFUSES = re.compile(
    REFUSAL.pattern + r"|\bonly\b.{0,60}\baccepted|accepts only|\bbut not\b|also (right|fair|true)|fair answer", re.I
)
# A fill-in note that says a wrong answer is accepted ("bare 'verdicts' is accepted", "should not score").
LOOSE = re.compile(
    r"(bare|alone|on its own)\b.{0,40}\baccepted|accepted\b.{0,40}\b(bare|alone)|should not score|"
    r"not a right answer|credit for nothing|too loose|misses the point",
    re.I,
)
ALSO = re.compile(
    r"also (be )?(right|true|correct|defensible|defended|fair|supported)|both (are )?right|same person|part of|"
    r"district|contains|arguable",
    re.I,
)


@dataclass(frozen=True)
class WrongKey:
    """One judged wrong key, with the sheet question it judged."""

    article: str
    where: str
    note: str
    type: str
    prompt: str
    key: object
    options: tuple[str, ...]
    quotes: tuple[str, ...]
    kind: str


def classify(question_type: str, note: str) -> str:
    if question_type in ("matching", "ordering"):
        return "pair"
    if question_type == "true_false":
        return "tf-key"
    if question_type == "multiple_choice":
        return "choice-also" if ALSO.search(note) else "other"
    if question_type == "fill_in":
        if LOOSE.search(note):
            return "fill-loose"  # often with a refusal too; a loose list is the rarer slip, so it wins
        return "fill-refuses" if REFUSES.search(note) else "other"
    return "other"


def collect(judgements: Counter[str] | None = None) -> list[WrongKey]:
    """The judged wrong keys, one per distinct question; ``judgements`` counts every verdict row per class."""
    found: dict[tuple[str, str, str, str], WrongKey] = {}
    for verdict_path, sheet_path in judged_sheets():
        questions = json.loads(sheet_path.read_text(encoding="utf-8"))["questions"]
        for v in parse_verdicts(verdict_path.read_text(encoding="utf-8"), len(questions), verdict_path.name):
            if v.verdict != "wrong-key":
                continue
            q = questions[v.number - 1]
            kind = classify(q["type"], v.note)
            if judgements is not None:
                judgements[kind] += 1
            quotes = tuple(s["quote"] for s in q.get("sources", []))
            ident = (verdict_path.stem, quotes[0] if quotes else "", q["prompt"], json.dumps(q["answer"]))
            where = f"{verdict_path.relative_to(HERE)}#{v.number}"
            found.setdefault(
                ident,
                WrongKey(
                    verdict_path.stem,
                    where,
                    v.note,
                    q["type"],
                    q["prompt"],
                    q["answer"],
                    tuple(q.get("options") or ()),
                    quotes,
                    kind,
                ),
            )
    return sorted(found.values(), key=lambda w: (article_number(w.article), w.article, w.prompt))


def status(wrong: WrongKey, now: list[dict]) -> str:
    """gone / same / changed / fixed for a wrong key against the current questions from its source sentence."""
    if not now:
        return "gone"
    if any(_same_key(wrong, q) for q in now):
        return "same"
    if wrong.kind == "fill-refuses" and isinstance(wrong.key, list):
        named = named_refusals(wrong.note, wrong.key) or quoted_answers(wrong.note, wrong.key)
        fills = [q for q in now if q["type"] == "fill_in" and q["answer"][0] == wrong.key[0]]
        if named and fills and all(accepted(a, q["answer"]) for a in named for q in fills):
            return "fixed"
    return "changed" if any(_key_head(q) == _key_head_of(wrong) for q in now) else "asks-other"


def _key_head(q: dict) -> str:
    answer = q["answer"]
    return str(answer[0] if isinstance(answer, list) and answer and q["type"] == "fill_in" else answer)


def _key_head_of(wrong: WrongKey) -> str:
    return _key_head({"type": wrong.type, "answer": wrong.key})


def quoted_answers(note: str, key: list[str]) -> list[str]:
    """Every answer quoted in the note that the judged key did not accept: for notes whose refusal and answers
    fall in different clauses ("Only 'Congress' is accepted; a fair teacher would accept 'Indian National
    Congress'"), which :func:`refused.named_refusals` reads clause by clause and so misses."""
    found = []
    for m in _QUOTED.finditer(note):
        text = next(g for g in m.groups() if g is not None).strip()
        if text and "___" not in text and len(text.split()) <= MAX_ANSWER_WORDS and not accepted(text, key):
            found.append(text)
    return found


def _same_key(wrong: WrongKey, q: dict) -> bool:
    """The same type and key; a true/false also with the same statement, a choice with the same prompt and
    options (a second right option may have gone)."""
    if q["type"] != wrong.type or q["answer"] != wrong.key:
        return False
    if q["type"] == "true_false":
        return q["prompt"] == wrong.prompt
    return q["type"] != "multiple_choice" or (q["prompt"] == wrong.prompt and set(q["options"]) == set(wrong.options))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=Path, help="current sheets written by measure.py --out DIR")
    parser.add_argument("--list", action="store_true", help="print every wrong key, not only those still made")
    args = parser.parse_args(argv)
    judgements: Counter[str] = Counter()
    cache: dict[str, list[dict]] = {}
    tally: Counter[tuple[str, str]] = Counter()
    for wrong in collect(judgements):
        quotes = set(wrong.quotes)
        current = current_questions(wrong.article, args.sheets, cache)
        now = [q for q in current if quotes & {s["quote"] for s in q.get("sources", [])}]
        state = status(wrong, now)
        tally[(wrong.kind, state)] += 1
        if args.list or state in ("same", "changed"):
            print(f"[{wrong.kind}] {state:7} {wrong.where} ({wrong.type})")
            print(f"    note:  {wrong.note[:200]}")
            print(f"    then:  {wrong.prompt[:200]}  -> {wrong.key}")
            for q in now:
                print(f"    now:   {q['prompt'][:200]}  -> {q['answer']}")
    print()
    print(f"{'class':13} {'verdicts':>8} {'questions':>9} " + " ".join(f"{s:>7}" for s in STATUSES))
    for kind in CLASSES:
        row = [tally[(kind, s)] for s in STATUSES]
        print(f"{kind:13} {judgements[kind]:8} {sum(row):9} " + " ".join(f"{n:7}" for n in row))
    row = [sum(tally[(k, s)] for k in CLASSES) for s in STATUSES]
    print(f"{'all':13} {sum(judgements.values()):8} {sum(row):9} " + " ".join(f"{n:7}" for n in row))


if __name__ == "__main__":
    main()
