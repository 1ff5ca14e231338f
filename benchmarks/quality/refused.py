"""Fair fill-in answers the readers saw refused, checked against the current generator and grader (issue #15).

    .venv/bin/python benchmarks/quality/refused.py [--list-all]

Reads every judged fill-in, main's (``verdicts/`` judging ``out/``) and every baseline's
(``baseline-vN/verdicts-readerK/`` judging ``baseline-vN/out/``), whose note names answers the reader calls fair
but refused, and takes those answers out of the note by one simple rule (:func:`named_refusals`). For each
article concerned it runs the current generator, matches the judged question to a current fill-in (the same
blank sentence; else the same key, held by one current fill-in only), and grades each named answer with the
app's own fill-in grader against the current question's accepted answers. It prints how many refusals were
found, how many matched a current question, how many are now accepted and which are still refused, then the
notes the rule could not take an answer from, so a reader can check the rule.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import measure
import split
from figures import parse_verdicts

from quizapp.attempts.grading import grade_fill_in
from quizapp.generation import DocumentInput, generate

HERE = Path(__file__).resolve().parent
# A note that says an answer is refused ("is refused", "refuses 'X'", "not accepted", "would be marked wrong").
REFUSAL = re.compile(r"refus|not accepted|not listed|marked wrong", re.I)
# A note that asks for answers to be added ("accept 'X' too", "Accepted answers too narrow: add `X`"): the list refused
# them. "add" speaks of answers only where the note does ("add the reason" asks for a rewording).
ASKED = re.compile(r"\baccept\b", re.I)
_ADD = re.compile(r"\badd\b", re.I)
_ANSWERS = re.compile(r"\banswers?\b", re.I)


def speaks_of_refusal(clause: str, note: str) -> bool:
    """Whether the clause of the note says its quoted answers are refused, or asks for them to be accepted."""
    return bool(REFUSAL.search(clause) or ASKED.search(clause) or (_ADD.search(clause) and _ANSWERS.search(note)))


# Clauses of a note: the refusal and its answers share one ("Only 'A' accepted: refuses 'B'" -> "refuses 'B'").
_CLAUSE = re.compile(r"[;:]|\.(?:\s|$)|\s[—–-]\s|\b(?:but|while|whereas)\b")
# A quoted answer: double or curly quotes, backticks (reader 12), or single quotes not inside a word ("the
# article's" is no quote).
_QUOTED = re.compile(
    r"\"([^\"\n]{1,60})\"|“([^”\n]{1,60})”|`([^`\n]{1,60})`"
    r"|(?<![\w])['‘]([^'‘’\n]{1,60}?)['’](?![\w])"
)
# Quoted text the clause says is the accepted key, not a refused answer ("only 'X'", "'X' is accepted").
_ONLY_BEFORE = re.compile(r"\bonly\s*$", re.I)
_ACCEPTED_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:is |are )?(?:accepted|listed)\b", re.I)
MAX_ANSWER_WORDS = 6  # a longer quotation is the stem or the article, not an answer


@dataclass(frozen=True)
class Judged:
    """One judged fill-in whose note names refused answers."""

    article: str
    where: str  # the verdict file and question number, to find it again
    verdict: str
    note: str
    prompt: str
    key: list[str]
    named: list[str]


def named_refusals(note: str, key: list[str]) -> list[str]:
    """The answers a note says are refused: the quoted strings of each clause that speaks of a refusal, less those
    the clause calls accepted ("Only 'A' accepted", "'A' is accepted"), those the judged ``key`` lists, pieces of
    the stem (with its blank) and quotations too long to be an answer."""
    keys = {k.lower() for k in key}
    found: list[str] = []
    for clause in _CLAUSE.split(note):
        if not speaks_of_refusal(clause, note):
            continue
        for m in _QUOTED.finditer(clause):
            text = next(g for g in m.groups() if g is not None).strip()
            if _ONLY_BEFORE.search(clause[: m.start()]) or _ACCEPTED_AFTER.match(clause[m.end() :]):
                continue
            if "___" in text or "/" in text or len(text.split()) > MAX_ANSWER_WORDS or text.lower() in keys:
                continue  # a piece of the stem, a quotation, or the key itself named beside the refused ones
            if text and text not in found:
                found.append(text)
    return found


def judged_sheets() -> list[tuple[Path, Path]]:
    """(verdict file, the sheet it judges) for main and every baseline reader."""
    pairs = [(v, HERE / "out" / f"{v.stem}.json") for v in sorted((HERE / "verdicts").glob("*.tsv"))]
    for readers in sorted(HERE.glob("baseline-v*/verdicts-reader*")):
        pairs += [(v, readers.parent / "out" / f"{v.stem}.json") for v in sorted(readers.glob("*.tsv"))]
    return [(v, s) for v, s in pairs if s.exists()]


def judged_refusals() -> tuple[list[Judged], list[tuple[str, str]]]:
    """The judged fill-ins naming refused answers, and (where, note) of those whose answers the rule missed."""
    found: list[Judged] = []
    unparsed: list[tuple[str, str]] = []
    for verdict_path, sheet_path in judged_sheets():
        questions = json.loads(sheet_path.read_text(encoding="utf-8"))["questions"]
        verdicts = parse_verdicts(verdict_path.read_text(encoding="utf-8"), len(questions), verdict_path.name)
        for v in verdicts:
            q = questions[v.number - 1]
            if q["type"] != "fill_in" or not speaks_of_refusal(v.note, v.note):
                continue
            where = f"{verdict_path.relative_to(HERE)}#{v.number}"
            named = named_refusals(v.note, q["answer"])
            if not named:
                unparsed.append((where, v.note))
                continue
            found.append(Judged(verdict_path.stem, where, v.verdict, v.note, q["prompt"], q["answer"], named))
    return found, unparsed


def current_fill_ins(path: Path) -> list[dict]:
    result = generate([DocumentInput(path.name, path.read_bytes())])
    return [q.to_dict() for q in result.questions if q.type == "fill_in"]


_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def blank_sentence(prompt: str) -> str:
    """The sentence of a prompt that holds the blank: the same blank sentence asks the same thing, whatever
    context the prompt adds before it."""
    return next((s for s in _SENTENCES.split(prompt) if "___" in s), prompt)


def match(judged: Judged, current: list[dict]) -> dict | None:
    """The current fill-in that asks what the judged one asked (the same blank sentence; else the same key held
    by one current fill-in only), or None."""
    same = [q for q in current if blank_sentence(q["prompt"]) == blank_sentence(judged.prompt)]
    if same:
        return same[0]
    same_key = [q for q in current if q["answer"][0].lower() == judged.key[0].lower()]
    return same_key[0] if len(same_key) == 1 else None


def accepted(answer: str, key: list[str]) -> bool:
    return grade_fill_in(key, answer).fraction >= 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list-all", action="store_true", help="also list the refusals now accepted")
    args = parser.parse_args(argv)

    judged, unparsed = judged_refusals()
    articles = measure.find_articles([split.ARTICLES])
    current: dict[str, list[dict]] = {}
    refusals = matched = now = already = 0
    still: list[str] = []
    fixed: list[str] = []
    unmatched: list[str] = []
    for j in judged:
        refusals += len(j.named)
        if j.article not in current:
            current[j.article] = current_fill_ins(articles[j.article]) if j.article in articles else []
        q = match(j, current[j.article])
        if q is None:
            unmatched.append(f"  {j.where}: key {j.key[0]!r}, named {j.named}")
            continue
        matched += len(j.named)
        for answer in j.named:
            if accepted(answer, j.key):
                already += 1  # the judged key took it: the reader (or the rule) misread
            line = f"  {j.where}: {answer!r} for key {q['answer'][0]!r} (accepts {q['answer']})"
            if accepted(answer, q["answer"]):
                now += 1
                fixed.append(line)
            else:
                still.append(line)
    print(f"judged fill-ins naming refused answers: {len(judged)} ({len(unparsed)} more notes unparsed)")
    print(f"refused answers named:                 {refusals}")
    print(f"matched to a current question:         {matched}")
    print(f"  accepted already by the judged key:  {already}")
    print(f"  now accepted:                        {now}")
    print(f"  still refused:                       {len(still)}")
    print(f"\nstill refused ({len(still)}):", *still, sep="\n")
    if args.list_all:
        print(f"\nnow accepted ({len(fixed)}):", *fixed, sep="\n")
    print(f"\nno current question ({len(unmatched)}):", *unmatched, sep="\n")
    print(f"\nnotes the rule took no answer from ({len(unparsed)}):")
    for where, note in unparsed:
        print(f"  {where}: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
