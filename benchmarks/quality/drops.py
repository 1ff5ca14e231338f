"""Where the generator loses questions: a drop table per article of the quality set (issue #15, density).

    .venv/bin/python benchmarks/quality/drops.py [--half test|dev|all] [--articles DIR ...] [--sentences]

For each article: its words, the cap of questions (one per 50 words), the questions kept, the sentences read,
how many of them the candidate loop skips and why (the first reason, in the order ``build_candidates`` tests
them), how many sentences it reads but that make no candidate, the candidates made per type, and what the
guards and the ranker refuse (``report.rejected_by_guard``; ``maker:`` columns, the part of it refused while
the candidates were made). A total row sums every column. ``--sentences``
also prints each skipped or barren sentence with its reason, to find kinds of sentence that state a checkable
fact and make no question. ``--keys`` adds ``key:`` columns: for every name, date or number of a barren sentence,
the first reason it keys no multiple-choice question (its kind, the trust in its kind, the stem that cannot be
built...), to find which class of fair key is lost.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import measure
import split

from quizapp.generation import DocumentInput, generate
from quizapp.generation.analysis import Corpus, Mention, Sentence
from quizapp.generation.candidates.base import Context, coordinated, mention_once
from quizapp.generation.candidates.fill_in import term_counts
from quizapp.generation.candidates.multiple_choice import family_name, metonymy
from quizapp.generation.candidates.open_dates import open_ended
from quizapp.generation.clauses import cloze, elliptical, hollow, run_on, statement, vague_subject
from quizapp.generation.date_parts import bare_date_part
from quizapp.generation.definites import resolvable_subject
from quizapp.generation.distractors import display, enumerator
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
from quizapp.generation.syntax import wh_question
from quizapp.generation.textutil import drop_parentheticals, word_count
from quizapp.generation.timeline import merged_lines, short_line, subjectless_line, verbless_line
from quizapp.generation.worth import bounded_key, minor_life_date, place_given_away

KEY_KINDS = ("person", "org", "place", "date", "number", "law", "event")


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


def untrusted(m: Mention) -> str | None:
    """Why ``usable_key`` refuses a mention (its first reason, in its order), or None."""
    checks = [
        (m.day_month, "day_month"),
        (m.kind not in KEY_KINDS, f"kind_{m.kind}"),
        (bool(bare_date_part(m)), "date_part"),
        (m.kind_confidence < 0.6, f"unsure_{m.kind}"),
        (len(m.text) > 45 or "\n" in m.text, "long"),
        (not (m.text[:1].isupper() or m.text[:1].isdigit() or (m.kind == "number" and m.number is not None)), "lower"),
        (bool(m.gloss) or m.fragment, "gloss_or_fragment"),
        (
            m.kind in ("person", "org") and m.first.i == m.last.i and (m.kind_confidence < 0.75 or not m.solid),
            "one_word",
        ),
        (m.root.dep_ == "compound" and m.root.head.pos_ == "NOUN" and m.root.head.i > m.last.i, "describes_noun"),
        (m.kind == "place" and any(f" {w} " in m.text for w in ("in", "near", "at", "on", "and")), "two_places"),
        (m.kind == "number" and (enumerator(m) or m.number is None or m.number < 2), "no_count"),
    ]
    return next((why for failed, why in checks if failed), None)


def key_refusal(ctx: Context, sent: Sentence, m: Mention) -> str:
    """The first reason ``multiple_choice_candidates`` makes no question keyed on ``m`` (mirrors its order)."""
    why = untrusted(m)
    if why is not None:
        return why
    checks = [
        (lambda: not mention_once(sent, m), "named_twice_here"),
        (lambda: coordinated(m), "coordinated"),
        (lambda: metonymy(m) or family_name(m), "not_a_location"),
        (lambda: open_ended(m), "open_date"),
        (lambda: bounded_key(sent, m) or minor_life_date(ctx.corpus, sent, m), "not_worth"),
        (lambda: place_given_away(ctx.corpus, sent, m), "given_place"),
    ]
    why = next((why for failed, why in checks if failed()), None)
    if why is not None:
        return why
    prompt = wh_question(sent, m)
    if prompt is None:
        st = statement(sent, m.root)
        if st is None:
            return "no_stem"
        prompt = cloze(st[1], m)
        if prompt is None:
            return "no_cloze"
    alone = ctx.stand_alone(sent, drop_parentheticals(prompt), display(m))
    if alone is None:
        return "not_alone"
    return "early_reject" if ctx.early_reject(alone) else "other_maker"


def article_drops(path: Path, show: bool, keys: bool = False) -> tuple[Counter[str], list[str]]:
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
            if keys:
                if not sent.mentions:
                    row["key:none_named"] += 1
                row.update(f"key:{key_refusal(ctx, sent, m)}" for m in sent.mentions)
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


def chosen_articles(half: str, directories: list[Path] | None) -> tuple[dict[str, Path], list[str]]:
    """All articles found (id -> path) and the ids of the half asked for, in order; a note on stderr unless it is
    the development half."""
    articles = measure.find_articles(directories or [split.ARTICLES])
    test, development = split.split(articles)
    chosen = sorted(articles) if half == "all" else (test if half == "test" else development)
    if half != "dev":
        print("note: the test half is for the blind reader; do not tune on what it shows", file=sys.stderr)
    return articles, chosen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=sorted(measure.HALVES), default="dev")
    parser.add_argument("--articles", type=Path, nargs="*")
    parser.add_argument("--sentences", action="store_true", help="print each skipped or barren sentence")
    parser.add_argument("--keys", action="store_true", help="why each name of a barren sentence keys nothing")
    args = parser.parse_args(argv)
    articles, chosen = chosen_articles(args.half, args.articles)
    total: Counter[str] = Counter()
    rows = []
    for article_id in chosen:
        row, lines = article_drops(articles[article_id], args.sentences, args.keys)
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
