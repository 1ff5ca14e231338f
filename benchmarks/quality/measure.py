"""Measure the question generator on the quality set: judging sheets and the machine-checkable signs.

    .venv/bin/python benchmarks/quality/measure.py [--half test|dev|all] [--out DIR] [--articles DIR ...]

Runs the generator on each article alone, as a teacher's upload of that one document (the model and settings the
app uses; the output does not depend on the order of articles or on the hash seed). For each article it writes
``OUT/<id>.md``, the judging sheet a reader fills verdicts from, and ``OUT/<id>.json``, the raw questions with
the generator's commit. It prints the signs per article and over all as a table, each marked PASS or FAIL
against its target. ``--half`` picks the articles by the split rule (split.py); it defaults to the development
half, the only one that may be looked at while tuning. OUT defaults to ``out/`` beside this file; a sheet whose
verdict file exists in ``verdicts/`` is not overwritten with different questions (``--overwrite-judged`` does).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import signs
import split

from quizapp.generation import DocumentInput, generate

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
VERDICTS = HERE / "verdicts"
SET_SIZE = 24  # the split is final once the whole set exists
HALVES = {"test": "test", "dev": "development", "all": "all"}
SHORT = {"test": "test", "development": "dev"}
TYPE_NAMES = {
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "fill_in": "Fill in the blank",
    "ordering": "Ordering",
    "matching": "Matching",
}


def find_articles(directories: list[Path]) -> dict[str, Path]:
    """Article id -> file, over the directories; an id found twice is an error."""
    found: dict[str, Path] = {}
    for directory in directories:
        for path in sorted(directory.iterdir()):
            article_id = split.article_id(path)
            if article_id is None:
                continue
            if article_id in found:
                raise SystemExit(f"error: article id {article_id} twice: {found[article_id]} and {path}")
            found[article_id] = path
    return found


def generator_version() -> dict[str, object]:
    """The commit the generator ran from, whether its code had uncommitted changes, and the spaCy model."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=HERE, capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout.strip()

    return {
        "commit": git("rev-parse", "HEAD") or None,
        "uncommitted_changes": bool(git("status", "--porcelain", "--", str(HERE.parent.parent / "quizapp"))),
        "model": os.environ.get("QUIZAPP_SPACY_MODEL") or "default",
    }


def run_article(article_id: str, path: Path) -> dict:
    """One article through the generator, alone: its title, format, words and questions as plain values."""
    result = generate([DocumentInput(path.name, path.read_bytes())])
    document = result.report.documents[0]
    return {
        "id": article_id,
        "title": document.title,
        "file": path.name,
        "format": document.format,
        "words": signs.count_words(document.text),
        "questions": [q.to_dict() for q in result.questions],
    }


def _letter(i: int) -> str:
    return chr(ord("A") + i)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def question_markdown(number: int, q: dict) -> str:
    """One question of a judging sheet: what the student sees, the key, what a teacher is told, the source."""
    lines = [f"### {number}. {TYPE_NAMES.get(q['type'], q['type'])}", "", q["prompt"], ""]
    if q["type"] == "multiple_choice":
        for i, option in enumerate(q.get("options", [])):
            mark = "  **<- key**" if option == q["answer"] else ""
            lines.append(f"- {_letter(i)}. {option}{mark}")
    elif q["type"] == "true_false":
        lines.append(f"Key: **{'True' if q['answer'] else 'False'}**")
    elif q["type"] == "fill_in":
        lines.append("Accepted answers: " + ", ".join(f"`{a}`" for a in q["answer"]) + f" (key: **{q['answer'][0]}**)")
    elif q["type"] == "ordering":
        lines.append("Shown in this order:")
        lines += [f"- {_letter(i)}. {item}" for i, item in enumerate(q.get("options", []))]
        lines += ["", "Key, the right order:"]
        lines += [f"{i}. {item}" for i, item in enumerate(q["answer"], 1)]
    elif q["type"] == "matching":
        lines.append("Right-hand values as shown: " + "; ".join(q.get("options", [])))
        lines += ["", "Key, the pairs:"]
        lines += [f"- {left} -> {right}" for left, right in q["answer"]]
    if q.get("explanation"):
        lines += ["", f"Explanation shown after answering: {q['explanation']}"]
    lines += ["", "Source:" if len(q["sources"]) == 1 else "Sources:"]
    for source in q["sources"]:
        lines += [_quote(source["quote"]), ""]
    return "\n".join(lines).rstrip() + "\n"


def sheet_markdown(record: dict) -> str:
    """The judging sheet of one article. No confidence, checks or reasons: the reader judges the question alone."""
    split_note = f"split v{record['split']['version']} over {record['split']['articles']} articles"
    if record["split"]["articles"] != SET_SIZE:
        split_note += f", provisional until all {SET_SIZE} exist"
    head = [
        f"# {record['id']}: {record['title']}",
        "",
        f"- file: `articles/{record['file']}` ({record['format']}), {record['words']:,} words",
        f"- half: {record['half']} ({split_note})",
        f"- questions: {len(record['questions'])}",
        "",
        "Judge each question against the article, as a teacher deciding whether to give it to a class. Write one",
        f"line per question in `benchmarks/quality/verdicts/{record['id']}.tsv`: `number<TAB>verdict<TAB>note`,",
        "verdict one of `as-is` (usable unchanged), `light-edit` (usable after a small edit of wording, no new",
        "fact), `reject` (not worth editing: unclear, trivial, ungrammatical, not supported by the article) or",
        "`wrong-key` (the marked key is wrong, or another option is also right); the note says why, and is",
        "required except for `as-is`.",
        "",
        # The reader sees only the accepted list: without this, a fair answer the app does take ("The Tale of
        # Genji" for `Tale of Genji`) reads as refused.
        "A fill-in's answer is marked right when it equals an accepted answer after the app's normalising: case,",
        "accents, punctuation and a leading `the`, `a` or `an` are ignored, numbers and dates are compared in any",
        "usual writing (`16th` = `16`, `16 April 1922` = `April 16, 1922`), and a misspelling is forgiven word",
        "for word with the first letter right (as `close_spelling` in quizapp/attempts/grading.py): one letter",
        "wrong, missing, added or two swapped in a word of 5 to 8 letters, two in a longer word, none in a",
        "shorter word or a number. Nothing else is: a shorter or longer form of a name is right only where it",
        "is listed.",
    ]
    body = [question_markdown(n, q) for n, q in enumerate(record["questions"], 1)]
    return "\n".join(head) + "\n\n---\n\n" + "\n---\n\n".join(body)


def write_record(out: Path, record: dict, overwrite_judged: bool) -> bool:
    """Write OUT/<id>.md and .json; refuse to change the questions of a sheet that has verdicts. True if written."""
    json_path, sheet_path = out / f"{record['id']}.json", out / f"{record['id']}.md"
    if (VERDICTS / f"{record['id']}.tsv").exists() and json_path.exists() and not overwrite_judged:
        old = json.loads(json_path.read_text(encoding="utf-8"))
        if old.get("questions") != record["questions"]:
            print(
                f"note: {record['id']} has verdicts and its questions changed; {json_path} kept "
                "(--overwrite-judged to replace it, after which the verdicts no longer apply)",
                file=sys.stderr,
            )
            return False
    out.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    sheet_path.write_text(sheet_markdown(record), encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=sorted(HALVES), default="dev")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--articles", type=Path, action="append", help="directory of articles (repeatable; default: articles/)"
    )
    parser.add_argument("--overwrite-judged", action="store_true")
    args = parser.parse_args(argv)

    articles = find_articles(args.articles or [split.ARTICLES])
    test, development = split.split(articles)
    half_of = {**dict.fromkeys(test, "test"), **dict.fromkeys(development, "development")}
    chosen = sorted(articles) if args.half == "all" else (test if args.half == "test" else development)
    if args.half != "dev":
        print("note: the test half is for the blind reader; do not tune on what it shows", file=sys.stderr)
    if len(articles) != SET_SIZE:
        print(f"note: {len(articles)} articles, not {SET_SIZE}: the split is provisional", file=sys.stderr)

    version = generator_version()
    rows: list[tuple[str, signs.Counts]] = []
    totals = {"test": signs.Counts(), "development": signs.Counts()}
    for article_id in chosen:
        record = run_article(article_id, articles[article_id])
        record["half"] = half_of[article_id]
        record["split"] = {"version": split.VERSION, "articles": len(articles)}
        record["generator"] = version
        write_record(args.out, record, args.overwrite_judged)
        counts = signs.count(record["questions"], record["title"], record["words"])
        rows.append((f"{article_id} ({SHORT[record['half']]})", counts))
        totals[record["half"]] += counts

    print(f"{len(chosen)} articles ({HALVES[args.half]}), sheets in {args.out}")
    summary = [(f"{half} half", c) for half, c in totals.items() if c.questions or c.words]
    if len(summary) > 1:
        summary.append(("all", totals["test"] + totals["development"]))
    print(signs.table([*rows, *summary]))


if __name__ == "__main__":
    main()
