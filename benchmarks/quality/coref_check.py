"""Coreference and timeline slips the readers found: does the current generator still make them?

    .venv/bin/python benchmarks/quality/coref_check.py [--sheets DIR] [--all-notes]

Collects the judged questions (main's ``verdicts/`` on ``out/``, and every ``baseline-vN/verdicts-readerK/`` on
``baseline-vN/out/``) whose verdict is not "as-is" and whose note speaks of a referent, a pronoun, something
resolved, garbled, tense, unclear or "who is", on the development articles only (numbered below the first v15
number). Each slip is put in a class by its note: ``referent`` (a pronoun or "the <noun>" written in wrongly, or
left without referent), ``tense`` (a lifted timeline entry), ``garbled`` or ``unclear``.

For each slip it looks at the current output of the article (the sheets in ``--sheets``, as written by
``measure.py --out DIR``; without it, the generator runs on each article) and prints whether a question from the
same source sentence is still made: ``gone``, ``same`` (an identical prompt: the slip stands) or ``changed`` (a
different prompt from that sentence, printed for reading, with a rough automatic hint for the class).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FIRST_TEST_NUMBER = 187  # v15 starts here: not to be read while tuning
NOTE = re.compile(r"referent|pronoun|resolved|garbled|tense|unclear|who is", re.I)
REFERENT = re.compile(r"referent|pronoun|resolved|who is|wrong (man|ship|person)", re.I)
TENSE = re.compile(r"tense", re.I)
GARBLED = re.compile(r"garbled", re.I)
PRONOUN = re.compile(r"\b(he|him|his|she|her|it|its|they|them|their)\b", re.I)


def article_number(article_id: str) -> int:
    m = re.match(r"\d+", article_id)
    return int(m.group()) if m else 10**6


def judged_sets() -> list[tuple[str, Path, Path]]:
    """(label, verdict directory, sheet directory) for main and every baseline reader."""
    found = [("main", HERE / "verdicts", HERE / "out")]
    for base in sorted(HERE.glob("baseline-v*")):
        for readers in sorted(base.glob("verdicts-reader*")):
            found.append((f"{base.name}/{readers.name}", readers, base / "out"))
    return found


def classify(note: str) -> str:
    if TENSE.search(note):
        return "tense"
    if REFERENT.search(note):
        return "referent"
    if GARBLED.search(note):
        return "garbled"
    return "unclear"


def collect(
    note_pattern: re.Pattern[str] = NOTE,
    class_of: Callable[[str], str] = classify,
    first_test_number: int = FIRST_TEST_NUMBER,
) -> list[dict]:
    """The judged slips whose note matches ``note_pattern``, one per (article, source sentence, prompt), with the
    first note that named it and its class by ``class_of``; articles numbered from ``first_test_number`` are left
    out."""
    slips: dict[tuple[str, str, str], dict] = {}
    for label, verdicts, sheets in judged_sets():
        for tsv in sorted(verdicts.glob("*.tsv")):
            article = tsv.stem
            if article_number(article) >= first_test_number:
                continue
            sheet = sheets / f"{article}.json"
            if not sheet.exists():
                continue
            questions = json.loads(sheet.read_text())["questions"]
            for row in tsv.read_text().splitlines():
                parts = row.split("\t")
                if len(parts) < 3 or not parts[0].strip().isdigit():
                    continue
                number, verdict, note = int(parts[0]), parts[1].strip(), parts[2]
                if verdict == "as-is" or not note_pattern.search(note) or not 0 < number <= len(questions):
                    continue
                q = questions[number - 1]
                quotes = tuple(s["quote"] for s in q.get("sources", []))
                key = (article, quotes[0] if quotes else "", q["prompt"])
                slips.setdefault(
                    key,
                    {
                        "article": article,
                        "set": label,
                        "number": number,
                        "verdict": verdict,
                        "note": note,
                        "class": class_of(note),
                        "prompt": q["prompt"],
                        "quotes": quotes,
                    },
                )
    return sorted(slips.values(), key=lambda s: (article_number(s["article"]), s["article"], s["prompt"]))


def current_questions(article: str, sheets: Path | None, cache: dict[str, list[dict]]) -> list[dict]:
    if article in cache:
        return cache[article]
    if sheets is not None:
        path = sheets / f"{article}.json"
        cache[article] = json.loads(path.read_text())["questions"] if path.exists() else []
        return cache[article]
    import measure  # the generator is loaded only when no sheets are given

    articles = measure.find_articles([HERE / "articles"])
    cache[article] = measure.run_article(article, articles[article])["questions"] if article in articles else []
    return cache[article]


def hint(slip: dict, prompt: str) -> str:
    """A rough reading of a changed prompt for the slip's class; the printed prompts are what to judge by."""
    if slip["class"] == "tense":
        present = _present_verbs(prompt)
        return f"present: {', '.join(present)}" if present else "no present verb"
    if slip["class"] == "referent":
        return "pronoun kept" if PRONOUN.search(prompt) else "no pronoun"
    return ""


def _present_verbs(prompt: str) -> list[str]:
    """The finite present verbs of a prompt as the generator's own model tags them (a question's base form after
    "did" is no present)."""
    from quizapp.generation.nlp import get_nlp

    doc = get_nlp()(prompt.replace("_____", "Orvel"))
    return [t.text for t in doc if t.tag_ in ("VBZ", "VBP")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=Path, help="current sheets written by measure.py --out DIR")
    args = parser.parse_args(argv)
    cache: dict[str, list[dict]] = {}
    tally: Counter[tuple[str, str]] = Counter()
    for slip in collect():
        status, now = status_now(slip, current_questions(slip["article"], args.sheets, cache))
        tally[(slip["class"], status)] += 1
        print_slip(slip, status, now, note_width=160, hint=hint)
    print()
    classes = sorted({c for c, _ in tally})
    print(f"{'class':10} {'slips':>5} {'gone':>5} {'same':>5} {'changed':>7}")
    for c in classes:
        row = [tally[(c, s)] for s in ("gone", "same", "changed")]
        print(f"{c:10} {sum(row):5} {row[0]:5} {row[1]:5} {row[2]:7}")


def print_slip(
    slip: dict, status: str, now: list[dict], *, note_width: int, hint: Callable[[dict, str], str] | None = None
) -> None:
    """A judged slip, its note and prompt, and each current prompt from its sentence that differs (with a hint)."""
    print(f"[{slip['class']}] {status:7} {slip['article']} #{slip['number']} ({slip['set']}, {slip['verdict']})")
    print(f"    note:  {slip['note'][:note_width]}")
    print(f"    then:  {slip['prompt']}")
    for q in now:
        if q["prompt"] != slip["prompt"]:
            print(f"    now:   {q['prompt']}" + (f"  [{hint(slip, q['prompt'])}]" if hint else ""))


def status_now(slip: dict, current: list[dict]) -> tuple[str, list[dict]]:
    """("gone" | "same" | "changed", the current questions from the slip's source sentences)."""
    now = [q for q in current if set(slip["quotes"]) & _quotes(q)]
    status = "gone" if not now else "same" if any(q["prompt"] == slip["prompt"] for q in now) else "changed"
    return status, now


def _quotes(q: dict) -> set[str]:
    return {s["quote"] for s in q.get("sources", [])}


if __name__ == "__main__":
    main()
