"""Who held which view, as statements: "Van Leur argued that Asian trade was carried by pedlars" (issue #15).

An article on a debate states what each named scholar holds ("X argued that ...; Y contends instead that ...").
What a teacher asks of it is the substance: which view is whose. A true statement gives a named scholar's view
as the article states it, the view's "that" clause whole and the scholar named at his fullest; a false one gives
that view to the scholar the article sets against him in the same debate, only where the article states that
scholar's own, different view too (so the swap is false by the article, not arguably true).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..analysis import Sentence
from ..textutil import anaphora_problem, capitalise, contains_phrase, tidy, tokens_text, word_count
from ..types import QuestionDraft
from .base import Candidate, Context, source_of
from .debates import MAX_VIEW_WORDS, VIEW_VERBS, singular_verb_group, view_clause, view_fact, view_holder

# The stem kind of these statements: the ranker keeps one per document that states a view (see rank.RESERVED).
VIEW_CLAIM = "view_claim"
VIEW_CLAIM_CONFIDENCE = 0.8
# Verbs answering a view already stated ("Y replied that ..."): a view of their own, set against the one before.
REPLY_VERBS = frozenset({"reply", "counter", "respond", "object", "retort"})
# Words by which a sentence sets its view against another ("Y, by contrast, argued ...", "..., while Y held ...").
_CONTRAST = frozenset(
    {"however", "but", "instead", "whereas", "while", "contrast", "contrary", "reject", "dispute", "challenge",
     "disagree", "oppose", "doubt", "criticise", "criticize", "dismiss", "deny"}
)  # fmt: skip
# Words by which it joins the view before ("Y also argued", "Y agreed"): no opposition, a swap may be true.
_ALONG = frozenset({"also", "agree", "similarly", "likewise", "too", "further", "follow", "support", "echo"})
# Sentences between two views of one debate, at most.
NEAR = 3
_AUXILIARIES = frozenset({"have", "has", "had"})


@dataclass(frozen=True)
class View:
    """A view a named person states in a sentence: who, the verb group, the "that" clause."""

    sent: Sentence
    surname: str
    name: str
    verb_group: str
    clause: tuple[Any, ...]

    @property
    def text(self) -> str:
        return tokens_text(self.clause)

    def words(self) -> frozenset[str]:
        """The content lemmas of the view (what it is about)."""
        return frozenset(
            t.lemma_.lower() for t in self.clause if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop and t.is_alpha
        )


def stated_views(ctx: Context, sent: Sentence) -> list[View]:
    """The views named people state in the sentence, each whole in one "that" clause of at most MAX_VIEW_WORDS
    words, asserted (not negated, not under a modal: "might argue" states no view)."""
    cached = sent.cache.get("views")
    if cached is not None:
        return cached
    out = []
    for verb in sent.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in VIEW_VERBS | REPLY_VERBS:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
        if any(a.lower_ not in _AUXILIARIES for a in auxiliaries):
            continue  # "would argue", "might claim", "did argue": no plain statement of what was held
        holder = view_holder(ctx, sent, verb) or _joint_holders(sent, verb)
        if holder is not None and _a_body(sent, holder[0]):
            continue
        clause = view_clause(sent, verb) if holder is not None else None
        if holder is None or clause is None or word_count(tokens_text(clause)) > MAX_VIEW_WORDS:
            continue
        subj = next(c for c in verb.children if c.dep_ == "nsubj")
        group = singular_verb_group([*auxiliaries, verb]) if subj.tag_ == "NNS" else tokens_text([*auxiliaries, verb])
        out.append(View(sent, holder[0], holder[1], group, tuple(clause)))
    sent.cache["views"] = out
    return out


def _a_body(sent: Sentence, surname: str) -> bool:
    """ "The Waitangi Tribunal concluded that ...": a name the article writes after "the" is a body or a title
    ("the Sieur de Malestroit"), which the statement would print without its article."""
    for m in sent.mentions:
        if (
            m.kind == "person"
            and m.norm.split()[-1:] == [surname]
            and m.first.i > sent.span.start
            and m.first.nbor(-1).lower_ == "the"
        ):
            return True
    return False


JOINT = "+"  # joins the surnames of a view held by two or more people named together


def _joint_holders(sent: Sentence, verb: Any) -> tuple[str, str] | None:
    """ "Ronald Robinson and John Gallagher argued that ...", "the economists A, B and C argued": the people named
    together as the subject, as written (a view of them jointly, stated true; never given to one, nor swapped)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    head = next((h for h in [subj, *(c for c in subj.children if c.dep_ == "appos")] if _has_conj(h)), None)
    if head is None:
        return None
    toks = list(head.subtree)
    people = [m for m in sent.mentions if m.kind == "person" and toks[0].i <= m.root.i <= toks[-1].i]
    if people:  # the names alone, without "the economists" before them
        toks = [t for t in toks if people[0].first.i <= t.i <= people[-1].last.i]
    people = [m for m in sent.mentions if m.kind == "person" and toks[0].i <= m.root.i <= toks[-1].i]
    inside = {i for m in people for i in range(m.first.i, m.last.i + 1)}
    if len(people) < 2 or any(t.i not in inside and t.lower_ not in ("and", ",") for t in toks):
        return None
    return JOINT.join(m.norm.split()[-1] for m in people if m.norm), tokens_text(toks)


def _has_conj(t: Any) -> bool:
    return any(c.dep_ == "conj" for c in t.children)


def opponent(ctx: Context, view: View) -> View | None:
    """The one view of another named scholar the article sets against ``view`` in the same debate: stated within
    NEAR sentences of it in the same paragraph, about the same thing (a content word of the two views in common),
    the later of the two set against the earlier (a word of contrast, or a reply verb) and not joining it ("also",
    "agreed"). None when there is no such view, or more than one scholar's."""
    sentences = ctx.corpus.document_sentences(view.sent.doc)
    near = [s for s in sentences if s.para == view.sent.para and abs(s.id - view.sent.id) <= NEAR]
    found: dict[str, View] = {}
    for s in near:
        for other in stated_views(ctx, s):
            if other.surname == view.surname or JOINT in other.surname or not (other.words() & view.words()):
                continue
            ahead = (view.sent.id, view.clause[0].i) < (other.sent.id, other.clause[0].i)
            first, later = (view, other) if ahead else (other, view)
            if _set_against(first, later):
                found.setdefault(other.surname, other)
    return next(iter(found.values())) if len(found) == 1 else None


def _set_against(first: View, later: View) -> bool:
    """Whether the later view's words oppose it to the first: a contrast or reply word between the first view and
    the later one's end (its own sentence when they stand in two), and no word joining them."""
    sent = later.sent
    start = first.clause[-1].i + 1 if first.sent.id == sent.id else sent.span.start
    between = [t for t in sent.tokens if start <= t.i <= later.clause[0].i]
    lemmas = {t.lemma_.lower() for t in between} | {t.lower_ for t in between}
    if lemmas & _ALONG:
        return False
    return bool(lemmas & (_CONTRAST | REPLY_VERBS))


def view_statements(ctx: Context, sent: Sentence) -> list[Candidate]:
    """A true statement of each view a named scholar states in the sentence ("X argued that ..."), and a false one
    giving it to the scholar the article sets against him (see opponent)."""
    out = []
    for view in stated_views(ctx, sent):
        text = _statement(ctx, sent, view.name, view)
        if text is None:
            continue
        out.append(_candidate(ctx, view, text, True, ""))
        rival = opponent(ctx, view) if JOINT not in view.surname else None
        if rival is None or contains_phrase(view.text, rival.surname) or contains_phrase(view.text, view.surname):
            continue  # "Postan argued that Postan's model ...": a view naming one of them cannot change hands
        swapped = _statement(ctx, sent, rival.name, view)
        if swapped is not None:
            out.append(_candidate(ctx, view, swapped, False, rival.name))
    return out


def _statement(ctx: Context, sent: Sentence, name: str, view: View) -> str | None:
    text = capitalise(tidy(f"{name} {view.verb_group} {view.text}")) + "."
    resolved = ctx.stand_alone(sent, text)
    if resolved is None or ctx.early_reject(resolved) or anaphora_problem(resolved):
        return None
    return resolved


def _candidate(ctx: Context, view: View, text: str, answer: bool, rival: str) -> Candidate:
    quote = view.sent.text.strip()
    reasons = ["a view the article attributes to a named scholar, stated whole"]
    if answer:
        explanation = f"True. The text says: \u201c{quote}\u201d"
    else:
        reasons.append(f"given to {rival}, whom the article shows holding another view in the same debate")
        explanation = f"False. The text gives this view to {view.name}, not {rival}: \u201c{quote}\u201d"
    draft = QuestionDraft(
        type="true_false",
        prompt=text,
        answer=answer,
        explanation=explanation,
        confidence=VIEW_CLAIM_CONFIDENCE,
        confidence_reasons=reasons,
        difficulty=0.4,
        sources=[source_of(ctx, view.sent)],
    )
    # a "who argued" question on the view (debates.py, 0.8) asks more of it: the true statement ranks below it
    score = VIEW_CLAIM_CONFIDENCE + (0.05 if not answer else -0.05) - 0.02 * max(word_count(text) - 20, 0)
    return Candidate(
        draft, "" if answer else view.name, [view.sent], score, VIEW_CLAIM, view_fact(view.sent, view.surname)
    )
