"""Multiple-choice candidates: a wh-question (or a cloze stem) on a named key."""

from __future__ import annotations

from collections.abc import Callable

from quizapp.wording import with_article

from ..analysis import Mention, Sentence
from ..clauses import cloze, statement
from ..dates import parse_date, parse_number
from ..distractors import display, usable_key
from ..historiography import finder_of_a_source, historiography_date
from ..negation import negated_key
from ..option_fit import drop_nationality, stem_nationality
from ..peripheral import choice_on_a_passing_name, scene_place, service_person
from ..setting import document_people
from ..syntax import wh_question
from ..textutil import drop_parentheticals, has_anchor, word_count
from ..types import QuestionDraft
from ..worth import bounded_key, habit_of_a_group, illustrative_range, minor_life_date, place_given_away
from .base import Candidate, Context, according_to, coordinated, mention_once, shuffled, source_of
from .open_dates import open_ended

# How often the model's label is right, by kind (see GENERATION_NOTES): sets the base confidence.
KIND_TRUST = {
    "group": 0.75,
    "date": 0.9,
    "place": 0.85,
    "number": 0.8,
    "law": 0.8,
    "event": 0.8,
    "person": 0.75,
    "org": 0.65,
}


def key_ok(sent: Sentence, m: Mention) -> bool:
    """Whether a mention can key a question on its own sentence (kept on the sentence: three makers ask it)."""
    verdicts: dict[int, bool] = sent.cache.setdefault("key_ok", {})
    verdict = verdicts.get(id(m))
    if verdict is None:
        verdict = verdicts[id(m)] = usable_key(m) and mention_once(sent, m) and not coordinated(m) and not metonymy(m)
    return verdict


def metonymy(m: Mention) -> bool:
    """ "Moscow's military assistance": a place in the possessive stands for its government, not a location,
    so other towns are no options for it and no false statement comes from swapping it."""
    return m.kind == "place" and m.root.dep_ == "poss"


def family_name(m: Mention) -> bool:
    """A place that is part of a person's name ("Archbishop Adolf of Nassau"): it says which family, not where,
    and the place he ruled from may well be among the options ("Adolf of Mainz")."""
    r = m.root
    if m.kind != "place" or r.dep_ != "pobj" or r.head.lower_ != "of":
        return False
    holder = r.head.head
    return any(p.kind == "person" and p.first.i <= holder.i <= p.last.i for p in m.sent.mentions)


def worth_asking(ctx: Context, sent: Sentence, m: Mention) -> bool:
    """Whether a key is the one right answer and worth asking (see worth.py); a refusal is counted."""
    # Three makers ask this of the same key: it is worked out once, and the refusal counted at each asking.
    where = (sent.id, id(m))
    if where not in ctx.unworthy:
        ctx.unworthy[where] = _why_not_worth(ctx, sent, m)
    why = ctx.unworthy[where]
    if why is not None:
        ctx.rejected[why] += 1
    return why is None


def _why_not_worth(ctx: Context, sent: Sentence, m: Mention) -> str | None:
    """The refusal ``worth_asking`` counts, or None."""
    return (
        "bounded_count"
        if bounded_key(sent, m)
        else "minor_date"
        if minor_life_date(ctx.corpus, sent, m)
        else "historiography"
        if historiography_date(ctx.corpus, sent, m) or finder_of_a_source(ctx.corpus, sent, m)
        else "illustrative_range"
        if illustrative_range(m)
        else "peripheral_name"
        if scene_place(ctx.corpus, sent, m) or service_person(ctx.corpus, sent, m)
        else "given_place"
        if place_given_away(ctx.corpus, sent, m)
        else "document_people"
        if m.kind == "group" and document_people(ctx.corpus).get(sent.doc) == m.norm
        else "group_habit"
        if habit_of_a_group(ctx.corpus, sent, m)
        else None
    )


def denied(ctx: Context, m: Mention) -> bool:
    """Whether the sentence denies the key (see negation.py): any other value answers as well, so it keys no
    question and is swapped for none; a refusal is counted. A true statement of the sentence stays fair."""
    if not negated_key(m):
        return False
    ctx.rejected["negated_key"] += 1
    return True


def multiple_choice_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """All multiple-choice candidates of one sentence."""
    out = []
    for m in sent.mentions:
        if not key_ok(sent, m) or open_ended(m) or family_name(m) or not worth_asking(ctx, sent, m) or denied(ctx, m):
            continue
        if choice_on_a_passing_name(ctx.corpus, sent, m):
            ctx.rejected["choice_named_once"] += 1
            continue
        key_text = display(m)
        prompt = wh_question(sent, m)
        stem_kind = "wh"
        reasons: list[str] = []
        if prompt is None:
            st = statement(sent, m.root)
            if st is None:
                continue
            prompt = cloze(st[1], m)
            stem_kind = "cloze"
            if prompt is None:
                continue
        prompt = ctx.stand_alone(sent, drop_parentheticals(prompt), key_text)
        if prompt is None or ctx.early_reject(prompt):
            continue
        confidence = KIND_TRUST.get(m.kind, 0.7) * (0.7 + 0.3 * m.kind_confidence)
        reasons.append(
            f"key is {with_article(m.kind)} ({'repaired by corpus votes' if m.repaired else 'model label'}, "
            f"vote share {m.kind_confidence:.2f})"
        )
        if stem_kind == "wh":
            confidence += 0.05
            reasons.append("wh-question built from the sentence structure")
        else:
            reasons.append("cloze stem")
        if sent.words() > 35:
            confidence -= 0.1
            reasons.append("long source sentence")
        if sent.id in ctx.disputed:
            prompt = according_to(ctx, sent, prompt)
            confidence -= 0.25
            reasons.append(f"documents disagree on this fact ({ctx.disputed[sent.id]})")
        difficulty = 0.35 + (0.15 if m.kind in ("date", "number") else 0.0) + (0.1 if stem_kind == "cloze" else 0.0)
        draft = QuestionDraft(
            type="multiple_choice",
            prompt=prompt,
            answer=key_text,
            options=[],
            explanation=f"The text says: \u201c{sent.text.strip()}\u201d",
            confidence=max(0.05, min(confidence, 0.99)),
            confidence_reasons=reasons,
            difficulty=min(difficulty, 0.95),
            sources=[source_of(ctx, sent)],
        )
        score = confidence + (0.1 if stem_kind == "wh" else 0.0) - 0.02 * max(word_count(prompt) - 16, 0)
        if not has_anchor(prompt):
            score -= 0.15
            reasons.append("prompt names no person, place or date")
        cand = Candidate(draft, key_text, [sent], score, stem_kind, f"{sent.id}:{m.norm}")
        cand.finish = _options_maker(ctx, cand, m)
        out.append(cand)
    return out


def _options_maker(ctx: Context, cand: Candidate, m: Mention) -> Callable[[], bool]:
    def finish() -> bool:
        sent = m.sent
        exclude = ctx.rival_values.get(sent.id, frozenset())
        wrong = ctx.distractors.choose(m, cand.key, 3, exclude=exclude, prompt=cand.draft.prompt)
        adjective = stem_nationality(m, cand.draft.prompt)
        looser = drop_nationality(cand.draft.prompt, adjective) if wrong is None and adjective else None
        if looser is not None:
            # too few options the article calls Dutch for "the Dutch explorer ___": ask for "the explorer ___"
            wrong = ctx.distractors.choose(m, cand.key, 3, exclude=exclude, prompt=looser)
            if wrong is not None:
                cand.draft.prompt = looser
        if wrong is None:
            return False
        cand.draft.options = ordered_options([cand.key, *wrong], sent.id, m.start)
        return True

    return finish


def ordered_options(options: list[str], *seed: object) -> list[str]:
    """Years, dates and counts in ascending order (as a teacher would list them); names shuffled."""
    dates = [d for d in (parse_date(o) for o in options) if d is not None]
    if len(dates) == len(options):
        return [o for _, o in sorted(zip(dates, options, strict=True), key=lambda p: p[0].sort_key)]
    numbers = [parse_number(o) for o in options]
    if all(n is not None for n in numbers):
        return [o for _, o in sorted(zip(numbers, options, strict=True))]
    return shuffled(options, *seed)
