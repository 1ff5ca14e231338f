"""Stems the readers found malformed (a fragment, a garbled cut, broken agreement, a stray mark, lost context):
does the current generator still make them?

    .venv/bin/python benchmarks/quality/form_check.py [--sheets DIR] [--class NAME]

Collects every judged question (main's ``verdicts/`` on ``out/``, and every ``baseline-vN/verdicts-readerK/`` on
``baseline-vN/out/``; all development articles, numbered below the current test version's first) not taken as it
was whose note speaks of its form: a fragment or no claim, garbled, grammar or agreement, ungrammatical, broken,
truncated or cut, stray, dangling, or context missing. Each is put in one class by its note (the first that
matches, in the order of ``CLASSES``), and for each the script says whether the current output (the sheets
``measure.py --out DIR`` wrote, or a fresh run without ``--sheets``) still makes a question from the same source
sentence: ``gone``, ``same`` (the identical prompt: the slip stands) or ``changed`` (the new prompt printed, to be
read). It ends with the counts per class.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from coref_check import article_number, collect, current_questions, judged_sets, print_slip, status_now  # noqa: E402
from split import FIRST_NUMBER, VERSION  # noqa: E402

# A class by the note's words, tried in this order: the first that matches names the slip.
CLASSES: dict[str, re.Pattern[str]] = {
    # no finite verb, no claim: "_____'s son Akbar.", a timeline line copied as it stood
    "fragment": re.compile(
        r"(?<!date )fragment(?!s of)|no claim|not a (?:statement|sentence)|no verb|no subject|has no object", re.I
    ),
    # a word or a phrase lost at a cut: "added to the UNESCO", "and Ma."
    "truncated": re.compile(r"truncat|cut short|cut off|\bstripped\b", re.I),
    # a verb that no longer agrees with its subject or its pair: "did ... visit ... and describes"
    "agreement": re.compile(
        r"\bagreement\W*(?:;|$|\))|subject-verb|\bgrammar\s*[:(]|mixed tense|tense mismatch|\.\.\. and \w+\b", re.I
    ),
    # a determiner before a name that takes none, called ungrammatical: "the Canada's Yukon", "The the", "The du"
    "determiner": re.compile(r"(?i:ungrammatical|garbled|->)[^.;]*\b(?i:the) (?:the|du|Many|[A-Z]\w*'s)\b"),
    "stray": re.compile(r"stray|wrongly capitali[sz]ed|leading dash", re.I),
    "garbled": re.compile(r"garbl|word salad|run together|word order|nonsens|reverses", re.I),
    "ungrammatical": re.compile(r"ungrammatical|grammar|broken|malformed|not english", re.I),
    # a sentence lifted without what it leans on: "stepped in", "to describe it", "disagreed" with no one named
    "context": re.compile(
        r"dangl|context|no referent|undefined|unidentified|floats|leans on|with what|has no|say (?:what|which|who)|"
        r"lifted|unexplained|never named|unnamed",
        re.I,
    ),
}
NOTE = re.compile("|".join(p.pattern for p in CLASSES.values()), re.I)
ORDER = ("gone", "same", "changed")


def class_of(note: str) -> str:
    for name, pattern in CLASSES.items():
        if pattern.search(note):
            return name
    return "context"


VERDICTS = ("as-is", "light-edit", "reject", "wrong-key")


def judgements(first_test_number: int) -> Iterator[tuple[str, dict]]:
    """(verdict, judged question) for every judgement of every reader, as-is ones too, on development articles."""
    for _, verdicts, sheets in judged_sets():
        for tsv in sorted(verdicts.glob("*.tsv")):
            sheet = sheets / f"{tsv.stem}.json"
            if article_number(tsv.stem) >= first_test_number or not sheet.exists():
                continue
            questions = json.loads(sheet.read_text())["questions"]
            for row in tsv.read_text().splitlines():
                parts = row.split("\t")
                if len(parts) >= 2 and parts[0].strip().isdigit() and 0 < int(parts[0]) <= len(questions):
                    yield parts[1].strip(), questions[int(parts[0]) - 1]


def _form_problem(name: str) -> Callable[[dict], bool]:
    def fires(q: dict) -> bool:
        from quizapp.generation.prompt_form import form_problems

        return name in form_problems(q["prompt"])

    return fires


def _source_has_no_finite_verb(q: dict) -> bool:
    """The rule as the pipeline applies it, to a question made from one sentence (the quote parsed alone)."""
    from quizapp.generation.fragments import no_finite_verb
    from quizapp.generation.nlp import get_nlp

    quotes = [s["quote"] for s in q.get("sources", [])]
    return len(quotes) == 1 and no_finite_verb(get_nlp()(quotes[0]))


def _source_reacts_bare(q: dict) -> bool:
    """The placeholder rule as the pipeline applies it, to a question made from one sentence."""
    from quizapp.generation.nlp import get_nlp
    from quizapp.generation.placeholders import bare_reaction

    quotes = [s["quote"] for s in q.get("sources", [])]
    return len(quotes) == 1 and any(bare_reaction(s.root) for s in get_nlp()(quotes[0]).sents)


# The rules shipped from this check: each removes a question; a rule must remove 3 rejects or wrong keys per as-is.
RULES: dict[str, Callable[[dict], bool]] = {
    "no finite verb outside brackets (fragments)": _source_has_no_finite_verb,
    "a verb answering what is not told (placeholders)": _source_reacts_bare,
    "a word doubled across a comma (prompt_form)": _form_problem("a word doubled across a comma"),
    "a question run on past a semicolon (prompt_form)": _form_problem("a question run on past a semicolon"),
    "a date of the past put before 'now' (prompt_form)": _form_problem("a date of the past put before 'now'"),
}


def rule_table(first_test_number: int) -> None:
    """Per rule, the verdicts of the judged questions it fires on (every judgement counted)."""
    fired: Counter[tuple[str, str]] = Counter()
    for verdict, q in judgements(first_test_number):
        for name, rule in RULES.items():
            if rule(q):
                fired[(name, verdict)] += 1
                print(f"  {name[:30]:30} {verdict:10} {q['prompt'][:110]}")
    print(f"{'rule':52} " + " ".join(f"{v:>10}" for v in VERDICTS))
    for name in RULES:
        print(f"{name:52} " + " ".join(f"{fired[(name, v)]:10}" for v in VERDICTS))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sheets", type=Path, help="current sheets written by measure.py --out DIR")
    parser.add_argument("--class", dest="only", choices=sorted(CLASSES), help="print the slips of one class only")
    parser.add_argument("--rules", action="store_true", help="print the verdicts of the questions each rule removes")
    args = parser.parse_args(argv)
    if args.rules:
        rule_table(FIRST_NUMBER[VERSION])
        return
    cache: dict[str, list[dict]] = {}
    tally: Counter[tuple[str, str]] = Counter()
    for slip in collect(NOTE, class_of, FIRST_NUMBER[VERSION]):
        status, now = status_now(slip, current_questions(slip["article"], args.sheets, cache))
        tally[(slip["class"], status)] += 1
        if args.only and slip["class"] != args.only:
            continue
        print_slip(slip, status, now, note_width=200)
    print()
    print(f"{'class':14} {'slips':>5} {'gone':>5} {'same':>5} {'changed':>7}")
    for name in CLASSES:
        row = [tally[(name, s)] for s in ORDER]
        if sum(row):
            print(f"{name:14} {sum(row):5} {row[0]:5} {row[1]:5} {row[2]:7}")
    total = [sum(tally[(c, s)] for c in CLASSES) for s in ORDER]
    print(f"{'all':14} {sum(total):5} {total[0]:5} {total[1]:5} {total[2]:7}")


if __name__ == "__main__":
    main()
