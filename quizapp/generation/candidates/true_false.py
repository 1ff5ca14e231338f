"""True/false candidates: a statement from the text, or the same with one fact swapped."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..analysis import Mention, Sentence
from ..calibrate import REVERSED_MARK
from ..clauses import evaluation, framing, hedge, reported_view, statement
from ..dates import parse_date
from ..distractors import display, pool_of
from ..historiography import tells_a_find
from ..peripheral import announces_a_theme, commentary, subject_alone_named
from ..reversals import reversal, stated_elsewhere
from ..textutil import BLANK, MAX_PROMPT_WORDS, anaphora_problem, capitalise, has_anchor, tidy, tokens_text
from ..types import QuestionDraft
from ..worth import dates_a_life_event
from .base import Candidate, Context, according_to, source_of
from .multiple_choice import KIND_TRUST, denied, key_ok, worth_asking
from .open_dates import open_ended
from .swap_kinds import dead_then, names_itself, not_people, someones_surname
from .year_swaps import core_event

# Kinds of fact a false statement may change. Not an organisation: swapped in, one read as a wall, a book or a
# place more often than as a plausible error ("a wall since known as the Commune", "translated Hispaniola"); the
# readers rejected all 5 organisation swaps they judged, and kept 105 of 204 date swaps as they were.
_SWAP_ORDER = {"date": 0, "place": 1, "person": 2, "number": 3}
_LOCATIVE = frozenset({"in", "at", "near", "to", "from", "into", "outside", "inside", "towards"})
FALSE_BONUS = 0.1
CROWDED = 2  # other places in a sentence from which on a place is not swapped
_STATIC = frozenset({"in", "at", "near", "outside", "inside"})
SWAP_TRIES = 3  # wrong values tried for one swap before the sentence gives no false statement


def swappable(sent: Sentence, m: Mention) -> bool:
    """Whether replacing the mention gives a plausible false statement rather than nonsense.

    Treaties and wars are tied to their dates and wording; a date beside another date may flip their
    order; a place after "share of" or "capital of" is part of a description, not a location.
    """
    if m.kind not in _SWAP_ORDER:
        return False
    if approximate(m):
        return False
    if m.kind != "date" and m.root.pos_ == "ADJ":
        return False  # "from Spanish rule": no name stands for the adjective ("from Caracas rule")
    if m.kind == "place" and m.root.dep_ in ("nsubj", "nsubjpass") and m.root.head.lemma_.lower() in LIFE_VERBS:
        return False  # "X was born into a family": a person read as a place, so a place would be swapped in
    if of_bound(m):
        return False
    if any(c.dep_ in ("relcl", "appos", "acl") for c in m.root.children):
        # "went to Russia, which took the larger share": the clause describes the key, and would go on
        # describing the swapped-in value, which it does not fit
        return False
    if m.kind == "date":
        if open_ended(m):  # "before 1938" stays true as "before 1940": only a point in time is swapped
            return False
        return sum(1 for o in sent.mentions if o.kind in ("date", "vague_date")) == 1
    if m.kind == "place":
        r = m.root
        if pinned_place(sent, m):
            return False
        if sum(1 for o in sent.mentions if o is not m and o.kind == "place" and o.norm != m.norm) >= CROWDED:
            # a sentence relating several places (a partition, a border, a route): a swapped-in place breaks
            # the relation ("the share of Poland going to Britain") instead of making a plausible error
            return False
        return r.dep_ in ("nsubj", "nsubjpass", "dobj") or (r.dep_ == "pobj" and r.head.lower_ in _LOCATIVE)
    return True


_DOUBLE_QUOTES = ('"', "\u201c", "\u201d")
# Small words a title runs on through ("Brazil and the Struggle for Rubber").
_TITLE_TIES = frozenset({"and", "the", "of", "for", "in", "on", "a", "an", "to", "at", "from", "with"})
# Nouns that announce the title of a work after them ("in his book Sugar and the Making of ...").
WORK_WORDS = frozenset(
    {"book", "books", "novel", "study", "essay", "poem", "play", "treatise", "pamphlet", "memoir", "titled",
     "entitled", "article", "chronicle", "opera", "film", "song", "painting", "monograph", "thesis"}
)  # fmt: skip


def in_a_title_or_quotation(sent: Sentence, m: Mention) -> bool:
    """Whether the name or date stands inside a quotation or the title of a work ("in Brazil and the Struggle for
    Rubber (1987)", "the poem "Letters from Egypt""): a swap there misquotes words rather than changing a fact of
    history, and tests memory of a title (round 27, reader 22: "made false only by swapping a word in a book
    title"). A title is a run of capitalised words and small ties that holds a capitalised word no entity claims,
    besides the sentence's first, and stands after a word for a work or before a bracketed year."""
    doc = m.first.doc
    before = doc.text[sent.span.start_char : m.first.idx]
    if sum(before.count(q) for q in _DOUBLE_QUOTES) % 2 == 1:
        return True
    for ent in sent.span.ents:
        inside = ent.start <= m.first.i and m.last.i < ent.end
        if ent.label_ == "WORK_OF_ART" and inside and len(ent) > m.last.i + 1 - m.first.i:
            return True  # a word of a longer work's name ("The Conquest of Mexico"), not a name tagged alone
    start, end = sent.span.start, sent.span.end

    def titled(t: Any) -> bool:
        return t.is_alpha and (t.text[:1].isupper() or t.lower_ in _TITLE_TIES)

    lo = m.first.i
    while lo - 1 >= start and titled(doc[lo - 1]):
        lo -= 1
    hi = m.last.i
    while hi + 1 < end and titled(doc[hi + 1]):
        hi += 1
    run = [t for t in doc[lo : hi + 1] if not m.first.i <= t.i <= m.last.i]
    if not any(t.text[:1].isupper() and not t.ent_type_ and t.i != start for t in run):
        return False
    after = [t.text for t in doc[hi + 1 : min(hi + 4, end)]]
    dated = len(after) == 3 and after[0] == "(" and after[1].isdigit() and len(after[1]) == 4 and after[2] == ")"
    announced = any(t.lower_ in WORK_WORDS for t in doc[max(lo - 3, start) : lo])
    return dated or announced


# Words that make a date or a count approximate: "about 1658" swapped for "about 1662" is no fact changed.
APPROXIMATE = frozenset(
    {"about", "around", "c.", "c", "ca.", "circa", "some", "nearly", "approximately", "roughly", "almost", "perhaps"}
)

LIFE_VERBS = frozenset({"bear", "die", "marry", "baptise", "baptize"})  # said of people only


def approximate(m: Mention) -> bool:
    """Whether a date or a count is given as an estimate ("about 1658", "c. 1450", "some 900 men")."""
    if m.kind not in ("date", "number"):
        return False
    doc = m.first.doc
    return any(t.lower_ in APPROXIMATE for t in doc[max(m.sent.span.start, m.first.i - 2) : m.last.i])


def of_bound(m: Mention) -> bool:
    """A person bound to a place or a title by "of" ("Callimachus of X", "Duke Xiao of Qin", "king of X"): often
    a place read as a person, and a person swapped in or out there ("king of Li Si") is absurd on its face."""
    return m.kind == "person" and (
        (m.root.dep_ == "pobj" and m.root.head.lower_ == "of")
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in m.root.children)
    )


def _of_bound_people(ctx: Context) -> frozenset[str]:
    """People of the corpus first named in an "of" phrase: no value to swap in (see of_bound); computed once."""
    cache = ctx.corpus.cache
    if "of_bound_people" not in cache:
        people = ctx.distractors.pools.get("person", [])
        cache["of_bound_people"] = frozenset(v.norm for v in people if of_bound(v.mention))
    out: frozenset[str] = cache["of_bound_people"]
    return out


def pinned_place(sent: Sentence, m: Mention) -> bool:
    """Another place of the sentence locates the same thing or the key itself ("a factory near X in Y",
    "X, Russia"): a swapped X would contradict it, so the false statement would be absurd, not plausible."""
    r = m.root
    anchor = r.head.head if r.dep_ == "pobj" else None
    for o in sent.mentions:
        if o is m or o.kind != "place":
            continue
        q = o.root
        if (q.dep_ == "appos" and q.head == r) or (r.dep_ == "appos" and r.head == q):
            return True
        if (
            q.dep_ == "pobj"
            and q.head.lower_ in _LOCATIVE
            and q.head.head in (r, anchor)
            and anchor is not None
            and anchor.pos_ in ("NOUN", "PROPN")
        ):
            return True
        if q.dep_ == "pobj" and q.head.lower_ in _LOCATIVE and q.head.head == r:
            return True
    if r.dep_ != "pobj" or r.head.lower_ not in _STATIC:
        return False
    # "active in X, near Rostov": a second static place phrase on the same word or on the key pins it too
    h = r.head.head
    for q in sent.tokens:
        if q.dep_ != "pobj" or q.pos_ != "PROPN" or m.first.i <= q.i <= m.last.i or q.head.lower_ not in _STATIC:
            continue
        if q.head.head in (r, h) or r.left_edge.i <= q.head.head.i <= r.right_edge.i:
            return True
        if q.left_edge.i <= h.i <= q.right_edge.i and h.pos_ == "PROPN":
            return True  # "at Fili, Russia, outside Moscow": the key locates the other place
    return False


def true_false_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """A true and a false candidate from one sentence, where it reads on its own and states a fact (not a view it
    reports, a verdict it gives or a frame with nothing to check: see clauses.reported_view, clauses.evaluation and
    clauses.framing)."""
    if imperative(sent) or reported_view(sent) or evaluation(sent) or tells_a_find(ctx.corpus, sent):
        return []
    keys = [m for m in sent.mentions if key_ok(sent, m) and swappable(sent, m) and worth_asking(ctx, sent, m)]
    # A date is swapped only where it is what the sentence is about (see core_event). A sentence whose date is a
    # side detail is a side detail: no other fact of it is swapped either (readers rejected such name swaps).
    if any(m.kind == "date" and not core_event(ctx, m) for m in keys):
        keys = []
    if any(dates_a_life_event(m) for m in sent.mentions):
        # who was born, died or married is the sentence's own person: another swapped in ("Aurangzeb was born into
        # the Rajput ruling family", "Joanna married Susannah Cullen") is absurd, not a plausible slip
        keys = [m for m in keys if m.kind != "person"]
    if not keys:
        return _true_only(ctx, sent) or _reversed_pair(ctx, sent)
    keys.sort(key=lambda m: (_SWAP_ORDER.get(m.kind, 9), m.start))
    made = _true_statement(ctx, sent, keys[0].root)
    if made is None:
        return []
    true, toks = made
    out = [true]
    disputed = sent.id in ctx.disputed
    source = source_of(ctx, sent)
    reasons = list(true.draft.confidence_reasons)
    falses = 0
    for m in keys:
        if not (toks[0].i <= m.first.i and m.last.i <= toks[-1].i) or denied(ctx, m):
            continue
        if in_a_title_or_quotation(sent, m):
            continue  # the true statement stands; a swap would misquote a title, not change a fact
        key_text = display(m)
        before = tokens_text([t for t in toks if t.i < m.first.i])
        after = tokens_text([t for t in toks if t.i > m.last.i])
        # Until a wrong value is chosen, the statement carries a blank where the swapped fact will go.
        provisional = ctx.stand_alone(sent, capitalise(tidy(f"{before} {BLANK} {after}")) + ".", key_text)
        if provisional is None:
            continue
        conf = KIND_TRUST.get(m.kind, 0.7) * (0.7 + 0.3 * m.kind_confidence) - (0.25 if disputed else 0.0)
        draft = QuestionDraft(
            type="true_false",
            prompt=provisional,
            answer=False,
            explanation="",
            confidence=max(conf, 0.05),
            confidence_reasons=[
                *reasons,
                f"one {m.kind} swapped for another from the corpus that this sentence does not support",
            ],
            difficulty=0.45,
            sources=[source],
        )
        # Good false statements are scarce (the ranker keeps the keys in step, see rank._Balance): one ranks above
        # a gap-fill question on the same fact, which would take its sentence, though not above a "When ...?".
        score = conf + FALSE_BONUS - 0.02 * max(len(toks) - 18, 0)
        cand = Candidate(draft, key_text, [sent], score, "", f"{sent.id}:{m.norm}")
        cand.finish = _swapper(ctx, cand, m)
        out.append(cand)
        falses += 1
        if falses == 2:
            break
    # the claim reversed, beside any swapped name or date: it asks the point rather than a detail, and the ranker
    # takes whichever scores higher (one question per sentence: both print its words)
    out += _reversed(ctx, sent, true, toks)
    return out


# Trust in a false statement whose claim is reversed (see reversals.py): below a swapped date (0.9), as no reader
# has judged one yet; it ranks as a swapped place or person does.
REVERSAL_TRUST = 0.75


def _reversed_pair(ctx: Context, sent: Sentence) -> list[Candidate]:
    """A true statement and its reversed twin, from a sentence with no fact to swap and no date or number to give
    its true statement alone: "The council rejected the proposal of Duke Orlan" is worth asking once "The council
    accepted ..." stands beside it as a plausible error."""
    if hedge(sent) or _LABELLED.search(sent.text) or reversal(sent) is None:
        return []
    made = _true_statement(ctx, sent, sent.root)
    if made is None:
        return []
    false = _reversed(ctx, sent, *made)
    return [made[0], *false] if false else []


def _reversed(ctx: Context, sent: Sentence, true: Candidate, toks: list[Any]) -> list[Candidate]:
    """The false statement that reverses the direction of the sentence's main claim (see reversals.py), made of
    the same clause as its true statement ``true``, or nothing."""
    rev = reversal(sent)
    if rev is None or "|" in sent.text or hedge(sent) or not (toks[0].i <= rev.first and rev.last <= toks[-1].i):
        return []
    if stated_elsewhere(ctx.corpus, sent, rev):
        return []
    swapped = [t for t in toks if not rev.first <= t.i <= rev.last]
    before = tokens_text([t for t in swapped if t.i < rev.first])
    after = tokens_text([t for t in swapped if t.i > rev.last])
    text = ctx.stand_alone(sent, capitalise(tidy(f"{before} {rev.opposite} {after}")) + ".")
    if text is None or not has_anchor(text):
        return []
    disputed = sent.id in ctx.disputed
    conf = REVERSAL_TRUST - (0.25 if disputed else 0.0)
    draft = QuestionDraft(
        type="true_false",
        prompt=according_to(ctx, sent, text) if disputed else text,
        answer=False,
        explanation=f"False. The text says \u201c{rev.words}\u201d, not \u201c{rev.opposite}\u201d: "
        f"\u201c{sent.text.strip()}\u201d",
        confidence=conf,
        confidence_reasons=[
            *true.draft.confidence_reasons,
            f"{REVERSED_REASON}: \u201c{rev.words}\u201d made \u201c{rev.opposite}\u201d",
        ],
        difficulty=0.45,
        sources=[source_of(ctx, sent)],
    )
    score = conf + FALSE_BONUS - 0.02 * max(len(toks) - 18, 0)
    return [Candidate(draft, "", [sent], score, "", f"{sent.id}:reversed")]


REVERSED_REASON = f"the claim's {REVERSED_MARK} on its main verb"


# A sentence with no fact that can be swapped for a plausible false one ("About 1,200 deputies arrived at
# Versailles": an estimate) still states a checkable fact: its true statement ranks below those with a false twin.
TRUE_ONLY_PENALTY = 0.1
_LABELLED = re.compile(r":|\s[-\u2013\u2014]\s")


def _true_only(ctx: Context, sent: Sentence) -> list[Candidate]:
    """The true statement of a sentence that gives no false one, where it states a checkable fact: a date or a
    number the text gives as a fact (not hedged; a sentence naming only people and places was as often a verdict,
    "The Black Death changed the economy of Europe", that a student calls true unread), in one plain sentence (no
    label or list after a colon, no timeline's "1906, June -" before a dash)."""
    if hedge(sent) or _LABELLED.search(sent.text):
        return []
    if not any(m.kind in ("date", "number") and key_ok(sent, m) for m in sent.mentions):
        return []
    made = _true_statement(ctx, sent, None)
    if made is None:
        return []
    true = made[0]
    twin = _reversed(ctx, sent, *made)
    if not twin:
        true.score -= TRUE_ONLY_PENALTY
    return [true, *twin]


def _true_statement(ctx: Context, sent: Sentence, anchor: Any | None) -> tuple[Candidate, list[Any]] | None:
    """The sentence (or its clause holding ``anchor``) as a true statement that reads alone, and its tokens."""
    st = statement(sent, anchor, max_words=MAX_PROMPT_WORDS)
    if st is None:
        return None
    text, toks = st
    resolved = ctx.stand_alone(sent, text)
    if resolved is None or framing(sent, resolved) or commentary(ctx.corpus, sent):
        return None
    text = resolved
    if anaphora_problem(text) or len(toks) < 6 or not has_anchor(text):
        return None  # a statement naming no one and nowhere ("Testing outweighed training") says nothing alone
    if says_nothing_of_its_subject(sent, toks) or announces_a_theme(sent, toks):
        return None
    disputed = sent.id in ctx.disputed
    base_conf = 0.85 - (0.25 if disputed else 0.0)
    reasons = ["statement taken from one sentence of the text"]
    if disputed:
        reasons.append(f"documents disagree on this fact ({ctx.disputed[sent.id]})")
    shown = according_to(ctx, sent, text) if disputed else text
    true = Candidate(
        QuestionDraft(
            type="true_false",
            prompt=shown,
            answer=True,
            explanation=f"True. The text says: \u201c{sent.text.strip()}\u201d",
            confidence=base_conf,
            confidence_reasons=reasons,
            difficulty=0.3,
            sources=[source_of(ctx, sent)],
        ),
        "",
        [sent],
        base_conf - 0.05 - 0.02 * max(len(toks) - 18, 0),
        "",
        f"{sent.id}:tf",
    )
    return true, toks


_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay"})
_RANKING = frozenset({"first", "last", "only", "sole", "single", "earliest", "latest"})


def says_nothing_of_its_subject(sent: Sentence, toks: list[Any]) -> bool:
    """A statement that only describes its subject, with no name, date or number after it and nothing that ranks
    or compares ("Huan Kuan was not a neutral reporter", "The harbour of Orsk remained important"): a verdict a student
    calls true unread, and a name swapped in its subject makes no plausible error. "X was the first woman to
    ...", "X became the capital of Y" state facts."""
    clause = subject_alone_named(sent, toks)
    if clause is None or clause[0].lemma_.lower() not in _COPULAS:
        return False
    words = clause[2]
    if any(t.lower_ == "than" for t in words) and any(t.tag_ in ("JJR", "RBR") for t in words):
        return False  # "Paper from Samarkand was cheaper than parchment": a comparison is checked in the text
    return not any(t.like_num or t.tag_ in ("JJS", "RBS") or t.lower_ in _RANKING for t in words)


def imperative(sent: Sentence) -> bool:
    """An instruction ("Explain why ...", "Give two reasons ...") or a question states nothing true or false."""
    root = sent.root
    if sent.text.rstrip().endswith("?"):
        return True
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _swapper(ctx: Context, cand: Candidate, m: Mention) -> Callable[[], bool]:
    def finish() -> bool:
        # the statement with its blank, as finalize left it (earlier names and years written in)
        template = cand.draft.prompt
        sent = m.sent
        if someones_surname(ctx, m):
            return False  # a person the model read as a place: a place swapped in makes nonsense
        exclude = ctx.rival_values.get(sent.id, frozenset()) | _of_bound_people(ctx) | other_side(ctx, m)
        exclude |= not_people(ctx) | dead_then(ctx, sent) if m.kind == "person" else frozenset()
        rest = template.replace(BLANK, " ")
        wrong = None
        for _ in range(SWAP_TRIES):
            # the statement's own words (a title, a nationality, a region beside the blank) rule values out as a
            # stem's do: "Queen _____", "the Elamite king _____", "found in the western Mediterranean"
            wrong = ctx.distractors.choose(
                m, cand.key, 1, exclude=exclude, unsupported_only=True, same_article=True, prompt=template
            )
            if not wrong or m.kind == "date" or not names_itself(rest, wrong[0]):
                break
            exclude |= {v.norm for v in ctx.distractors.pools.get(pool_of(m), []) if v.text == wrong[0]}
            wrong = None
        # no date of the article fits: no false statement (a year it never gives is a trap, see year_swaps)
        if not wrong or not _keeps_date_order(sent, m, wrong[0]):
            return False
        text = capitalise(template.replace(BLANK, wrong[0], 1))
        cand.draft.prompt = according_to(ctx, sent, text) if sent.id in ctx.disputed else text
        cand.draft.explanation = f"False. The text gives {cand.key}, not {wrong[0]}: \u201c{sent.text.strip()}\u201d"
        return True

    return finish


def side_words(m: Mention) -> set[str]:
    """The nationalities or groups the sentence ties a person to ("a small Spanish force led by X", "the British
    consul X"): adjectives the model reads as a people, on the nouns from the person up to the main verb."""
    words: set[str] = set()
    tok = m.root
    seen = 0
    while seen < 6:
        for c in tok.children:
            if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound", "nmod"):
                words.add(c.lower_)
            if c.dep_ == "compound" and c.pos_ == "NOUN":  # "the British consul X": the title's own adjective
                words |= {g.lower_ for g in c.children if g.ent_type_ == "NORP" and g.dep_ in ("amod", "compound")}
        if tok.head.i == tok.i or (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("acl", "relcl")):
            break
        tok = tok.head
        seen += 1
    return words


def other_side(ctx: Context, m: Mention) -> frozenset[str]:
    """People of the corpus never named beside the nationality or group the sentence ties the key to (see
    side_words): swapped in, they would make an incoherent statement (an Inca ruler leading a Spanish force),
    false at a glance rather than a plausible error."""
    if m.kind != "person":
        return frozenset()
    words = frozenset(side_words(m))
    if not words:
        return frozenset()
    cache: dict[frozenset[str], frozenset[str]] = ctx.corpus.cache.setdefault("other_side", {})
    if words not in cache:
        out = set()
        for v in ctx.distractors.pools.get("person", []):
            named = (ctx.corpus.sentences[sid] for sid in v.sentences)
            if not any(t.lower_ in words for s in named for t in s.tokens):
                out.add(v.norm)
        cache[words] = frozenset(out)
    return cache[words]


def _keeps_date_order(sent: Sentence, m: Mention, wrong: str) -> bool:
    """A swapped date must stay on the same side of the sentence's other dates, or the statement turns
    into nonsense ("In 1922, the war ended in 1945") rather than a plausible false fact."""
    new = parse_date(wrong)
    if m.date is None or new is None:
        return True
    for other in sent.mentions:
        if other is m or other.date is None:
            continue
        if (m.date.sort_key < other.date.sort_key) != (new.sort_key < other.date.sort_key):
            return False
    return True
