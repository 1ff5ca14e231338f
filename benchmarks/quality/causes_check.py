"""Where cause and debate questions are lost (issue #15: the articles' arguments go unasked).

    .venv/bin/python benchmarks/quality/causes_check.py [--half test|dev|all] [--articles DIR ...] [--show WHAT]

Finds, by their words alone, the sentences of each article that state a cause or a result ("because", "due to",
"led to", "as a result", "so that", ", so" ...) or a scholars' view or disagreement ("argued", "historians",
"debate", "contends" ...), and follows each through the generator: skipped by the candidate loop (and why, the
first reason of ``drops.skip_reason``), read but making no candidate of its kind (a cause stem, ``causes.STEM_KIND``,
or a view stem, ``base.VIEW_STEM``), a candidate of its kind made but not kept (the guards or the ranker), or kept.
It prints one row per marker (a sentence counts under each marker it holds) and a total per class, then the skip
reasons. ``--show no_candidate`` (or ``skip:length``, ``not_kept``, ``kept``) lists those sentences, to read
which forms the parse misses. Sentences are counted by words, so the counts do not share the generator's parse.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import drops
import measure

from quizapp.generation import DocumentInput, generate
from quizapp.generation.analysis import Sentence
from quizapp.generation.candidates import causes
from quizapp.generation.candidates.base import VIEW_STEM, Context
from quizapp.generation.candidates.causes import STEM_KIND
from quizapp.generation.candidates.fill_in import term_counts
from quizapp.generation.candidates.result_causes import result_lead
from quizapp.generation.candidates.so_results import so_split
from quizapp.generation.pipeline import analyse, sentence_candidates, to_clean
from quizapp.generation.pronouns import stand_alone
from quizapp.generation.textutil import MAX_PROMPT_WORDS, anaphora_problem, capitalise, tidy, word_count

CAUSE_MARKERS = {
    "because": r"\bbecause\b(?! of)",
    "because of": r"\bbecause of\b",
    "due/owing/thanks to": r"\b(due|owing|thanks) to\b",
    "since (reason?)": r"\bsince (?!\d)(the|it|he|she|they|its|their|there|many|most|no)\b",
    "as a result/consequence": r"\bas a (result|consequence)\b",
    "therefore/thus/hence/consequently": r"\b(therefore|thus|hence|consequently)\b",
    "led/leads to": r"\b(led|leads|lead|leading) to\b",
    "resulted in": r"\bresult(ed|s|ing)? in\b",
    "caused": r"\bcaus(ed|es|ing)\b",
    "forced": r"\bforc(ed|es|ing)\b",
    "so that": r"\bso that\b",
    "in order to": r"\bin order to\b",
    "which meant / meant that": r"\b(which meant|meant that)\b",
    ", so": r", so (?!that|many|much|few|far|long)",
    "for this reason": r"\bfor (this|that) reason\b",
}
DEBATE_MARKERS = {
    "argued/argues": r"\bargu(ed|es|e)\b",
    "contends/claims/maintains": r"\b(contend|claim|maintain|insist)(ed|s)?\b",
    "historians/scholars": r"\b(historians?|scholars?)\b",
    "disagree/debate": r"\b(disagree\w*|debat\w*|dispute\w*|controvers\w*)\b",
}
CLASSES = {"cause": (CAUSE_MARKERS, STEM_KIND), "debate": (DEBATE_MARKERS, VIEW_STEM)}
STAGES = ("sentences", "skipped", "no_candidate", "not_kept", "kept")


def markers_of(text: str, markers: dict[str, str]) -> list[str]:
    low = text.lower()
    return [name for name, pattern in markers.items() if re.search(pattern, low)]


def why_no_cause(ctx: Context, sent: Sentence) -> str:
    """The first reason a read sentence with a causal marker makes no cause candidate (mirrors causes._claim)."""
    if result_lead(sent) is not None:
        return "result_lead:no_fact_before"
    if so_split(sent) is not None:
        return "so:not_alone_or_rejected"
    found = causes.causes_of(ctx.corpus, sent)
    if not found:
        return "form_not_read"  # "led to", "forced", "caused", a mid-sentence "therefore", a "because" the parse hides
    on_root = [c for c in found if c.on_root]
    if not on_root:
        return "cause_of_a_subordinate_verb"
    cause = on_root[0]
    effect = causes._effect(sent, cause)
    if effect is None or not causes._effect_has_subject(sent, cause):
        return "effect_without_subject"
    alone = stand_alone(ctx.corpus, sent, effect)
    if alone is None:
        return "effect_pronoun_unresolved"
    if causes._mid_sentence(sent, cause) and causes._in_place(sent, cause, cause.text.lower()) is None:
        return "cause_mid_sentence"
    claim = f"{alone} {cause.text[:1].lower()}{cause.text[1:]}."
    if word_count(claim) > MAX_PROMPT_WORDS:
        return "claim_too_long"
    problem = anaphora_problem(capitalise(tidy(claim)))
    if problem is not None:
        return "anaphora:" + problem.split(" '")[0]
    return "other"


def article_rows(path: Path, lost: Counter[str]) -> list[tuple[str, str, str, str]]:
    """(class, marker, stage, sentence) for every marked sentence of one article; ``lost`` counts why each
    cause sentence read makes no cause candidate (``why_no_cause``)."""
    clean = to_clean(DocumentInput(path.name, path.read_bytes()))
    corpus, ctx, _ = analyse([clean])
    counts = term_counts(corpus)
    result = generate([clean])
    kept_from: dict[int, set[str]] = {}
    for q in result.questions:
        kind = (
            "debate"
            if any("attributes to" in r for r in q.confidence_reasons)
            else "cause"
            if any("causal claim" in r or "states this" in r for r in q.confidence_reasons)
            else "other"
        )
        for src in q.sources:
            kept_from.setdefault(src.start, set()).add(kind)
    rows = []
    for sent in corpus.sentences:
        found = {c: markers_of(sent.text, m) for c, (m, _) in CLASSES.items()}
        if not any(found.values()):
            continue
        reason = drops.skip_reason(corpus, sent)
        made = [] if reason is not None else sentence_candidates(ctx, sent, counts)
        for cls, names in found.items():
            if not names:
                continue
            stem = CLASSES[cls][1]
            if reason is not None:
                stage = f"skip:{reason}"
            elif not any(c.stem_kind == stem for c in made):
                stage = "no_candidate"
                if cls == "cause":
                    lost[why_no_cause(ctx, sent)] += 1
            elif cls in kept_from.get(sent.start, set()):
                stage = "kept"
            else:
                stage = "not_kept"
            rows += [(cls, name, stage, sent.text.strip()) for name in names]
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=sorted(measure.HALVES), default="dev")
    parser.add_argument("--articles", type=Path, nargs="*")
    parser.add_argument("--show", help="list the sentences at this stage (no_candidate, not_kept, kept, skip:...)")
    args = parser.parse_args(argv)
    articles, chosen = drops.chosen_articles(args.half, args.articles)
    table: Counter[tuple[str, str, str]] = Counter()
    sentences: dict[str, set[tuple[str, str]]] = {c: set() for c in CLASSES}
    skips: Counter[tuple[str, str]] = Counter()
    lost: Counter[str] = Counter()
    for article_id in chosen:
        seen: set[tuple[str, str]] = set()
        for cls, name, stage, text in article_rows(articles[article_id], lost):
            short = "skipped" if stage.startswith("skip:") else stage
            table[(cls, name, "sentences")] += 1
            table[(cls, name, short)] += 1
            if (cls, text) not in seen:
                seen.add((cls, text))
                sentences[cls].add((article_id, text))
                table[(cls, "ALL", "sentences")] += 1
                table[(cls, "ALL", short)] += 1
                if short == "skipped":
                    skips[(cls, stage)] += 1
                if args.show and stage == args.show:
                    print(f"[{cls}] {article_id}: {text[:200]}")
    print("\t".join(["class", "marker", *STAGES]))
    for cls, (markers, _) in CLASSES.items():
        for name in [*markers, "ALL"]:
            print("\t".join([cls, name, *(str(table[(cls, name, s)]) for s in STAGES)]))
    print("\nskip reasons (sentences)")
    for (cls, stage), n in sorted(skips.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{cls}\t{stage}\t{n}")
    print("\ncause sentences read without a cause candidate, first reason")
    for why, n in lost.most_common():
        print(f"{why}\t{n}")


if __name__ == "__main__":
    main()
