"""Quality measures of a generation result (see GENERATION_NOTES: the targets)."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Any

from .textutil import word_count
from .types import GenerationResult

_WH = re.compile(r"^(?:according to [^,]+,\s*)?(?:[^,]{0,60},\s*)?(who|what|when|where|which|how|why)\b", re.I)
GIVEAWAY_RATIO = 2.5
MIN_PARAGRAPH_WORDS = 8


def has_wh_stem(prompt: str) -> bool:
    """A real question: a wh-word (after an optional lead-in) and a question mark."""
    return prompt.rstrip().endswith("?") and _WH.match(prompt.strip()) is not None


def _percentile(values: list[int], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _paragraphs(result: GenerationResult) -> list[tuple[str, int, int]]:
    out = []
    for doc in result.report.documents:
        spans = (
            [(b.start, b.end) for b in doc.blocks if b.kind != "heading"]
            if doc.blocks
            else [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", doc.text)]
        )
        out += [(doc.name, s, e) for s, e in spans if word_count(doc.text[s:e]) >= MIN_PARAGRAPH_WORDS]
    return out


def quality_report(result: GenerationResult) -> dict[str, Any]:
    """Counts by type, rejections by guard, prompt lengths, wh-share, distractor spread, giveaways, coverage."""
    qs = result.questions
    mc = [q for q in qs if q.type == "multiple_choice"]
    stems = [word_count(q.prompt) for q in qs if q.type in ("multiple_choice", "true_false", "fill_in")]
    slots = [o for q in mc for o in q.options if o != q.answer]
    giveaways = 0
    for q in mc:
        lengths = [len(o) for o in q.options]
        longest = max(lengths)
        unique_longest = lengths.count(longest) == 1 and len(str(q.answer)) == longest
        if longest > GIVEAWAY_RATIO * max(min(lengths), 1) or unique_longest:
            giveaways += 1
    paragraphs = _paragraphs(result)
    covered = {
        (name, s)
        for name, s, e in paragraphs
        for q in qs
        for src in q.sources
        if src.document == name and s <= src.start < e
    }
    return {
        "questions": len(qs),
        "by_type": dict(sorted(Counter(q.type for q in qs).items())),
        "candidates": result.report.candidates,
        "rejected_by_guard": dict(sorted(result.report.rejected_by_guard.items())),
        "prompt_words_median": statistics.median(stems) if stems else 0,
        "prompt_words_p90": round(_percentile(stems, 0.9), 1),
        "mc_wh_stem_share": round(sum(has_wh_stem(q.prompt) for q in mc) / len(mc), 3) if mc else 0.0,
        "distinct_distractors_per_slot": round(len(set(slots)) / len(slots), 3) if slots else 0.0,
        "length_giveaway_share": round(giveaways / len(mc), 3) if mc else 0.0,
        "paragraphs_covered_share": round(len(covered) / len(paragraphs), 3) if paragraphs else 0.0,
        "disagreements": len(result.report.disagreements),
    }
