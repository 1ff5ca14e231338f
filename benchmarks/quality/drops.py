"""Where the generator loses questions: a drop table per article of the quality set (issue #15, density).

    .venv/bin/python benchmarks/quality/drops.py [--half test|dev|all] [--articles DIR ...] [--sentences]

For each article: its words, the cap of questions (one per 50 words), the questions kept, the sentences read,
how many of them the candidate loop skips and why (the first reason, in the order ``build_candidates`` tests
them), how many sentences it reads but that make no candidate, the candidates made per type, and what the
guards and the ranker refuse (``report.rejected_by_guard``; ``maker:`` columns, the part of it refused while
the candidates were made). A total row sums every column. ``--sentences``
also prints each skipped or barren sentence with its reason, to find kinds of sentence that state a checkable
fact and make no question.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import measure
import split

from quizapp.generation import DocumentInput, generate
from quizapp.generation.analysis import Corpus, Sentence
from quizapp.generation.candidates.fill_in import term_counts
from quizapp.generation.clauses import elliptical, hollow, run_on, vague_subject
from quizapp.generation.definites import resolvable_subject
from quizapp.generation.guards import exercise_problem
from quizapp.generation.pipeline import (
    MAX_SENTENCE_WORDS,
    MIN_SENTENCE_WORDS,
    analyse,
    sentence_candidates,
    to_clean,
)
from quizapp.generation.rank import default_cap
from quizapp.generation.source_form import not_a_statement
from quizapp.generation.textutil import word_count
from quizapp.generation.timeline import merged_lines, short_line, subjectless_line, verbless_line


def skip_reason(corpus: Corpus, sent: Sentence) -> str | None:
    """Why ``build_candidates`` makes no single-sentence question of ``sent`` (its first reason), or None."""
    if sent.heading:
        return "heading"
    if sent.table_row:
        return "table_row"
    if sent.cut:
        return "cut"
    if not MIN_SENTENCE_WORDS <= sent.words() <= MAX_SENTENCE_WORDS:
        return "length"
    if sent.root.pos_ not in ("VERB", "AUX"):
        return "no_verb"
    if exercise_problem(sent.text):
        return "exercise"
    if not_a_statement(corpus, sent):
        return "apparatus"
    if sent.text.count("(") != sent.text.count(")") or sent.text.count("[") != sent.text.count("]"):
        return "brackets"
    if subjectless_line(sent) or merged_lines(sent) or verbless_line(sent) or short_line(sent):
        return "timeline_line"
    if run_on(sent):
        return "run_on"
    if hollow(sent):
        return "hollow"
    if elliptical(sent):
        return "elliptical"
    if vague_subject(sent) and not resolvable_subject(corpus, sent):
        return "vague_subject"
    return None


def article_drops(path: Path, show: bool) -> tuple[Counter[str], list[str]]:
    """The drop counts of one article, and (with ``show``) the lines naming each skipped or barren sentence."""
    clean = to_clean(DocumentInput(path.name, path.read_bytes()))
    corpus, ctx, _ = analyse([clean])
    counts = term_counts(corpus)
    row: Counter[str] = Counter()
    lines = []
    words = word_count(clean.text)
    row["words"] = words
    row["cap"] = default_cap(words)
    for sent in corpus.sentences:
        row["sentences"] += 1
        reason = skip_reason(corpus, sent)
        if reason is None:
            made = sentence_candidates(ctx, sent, counts)
            if made:
                continue
            reason = "no_candidate"
        row[f"skip:{reason}"] += 1
        if show and reason not in ("heading",):
            lines.append(f"  [{reason}] {sent.text.strip()[:160]}")
    for name, n in ctx.rejected.items():
        row[f"maker:{name}"] += n  # refused while the candidates were made (counted again in drop:)
    result = generate([clean])
    row["kept"] = len(result.questions)
    for q in result.questions:
        row[f"kept:{q.type}"] += 1
    row["candidates"] = result.report.candidates
    for name, n in result.report.rejected_by_guard.items():
        row[f"drop:{name}"] += n
    return row, lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=sorted(measure.HALVES), default="dev")
    parser.add_argument("--articles", type=Path, nargs="*")
    parser.add_argument("--sentences", action="store_true", help="print each skipped or barren sentence")
    args = parser.parse_args(argv)
    articles = measure.find_articles(args.articles or [split.ARTICLES])
    test, development = split.split(articles)
    chosen = sorted(articles) if args.half == "all" else (test if args.half == "test" else development)
    if args.half != "dev":
        print("note: the test half is for the blind reader; do not tune on what it shows", file=sys.stderr)
    total: Counter[str] = Counter()
    rows = []
    for article_id in chosen:
        row, lines = article_drops(articles[article_id], args.sentences)
        rows.append((article_id, row))
        total += row
        if args.sentences:
            print(f"{article_id}: {row['kept']} of cap {row['cap']}")
            print("\n".join(lines))
    columns = sorted({k for _, r in rows for k in r} - {"words", "cap", "kept", "sentences", "candidates"})
    head = ["article", "words", "cap", "kept", "q/1kw", "sentences", "candidates", *columns]
    print("\t".join(head))
    for name, row in [*rows, ("TOTAL", total)]:
        per = 1000 * row["kept"] / row["words"] if row["words"] else 0.0
        fixed = [name, row["words"], row["cap"], row["kept"], f"{per:.1f}", row["sentences"], row["candidates"]]
        print("\t".join(str(v) for v in [*fixed, *(row[c] for c in columns)]))


if __name__ == "__main__":
    main()
