"""Cause-and-effect candidates: "Why did X do Y?" keyed on the reason or purpose a sentence states (issue #15).

A stated cause is found in the parse: a "because" clause, a "because of / due to / owing to / thanks to" phrase
(reasons), a "so that" clause, an "in order to" or bare "to" infinitive on the main verb (purposes). The effect,
the main clause without its cause, becomes the stem; the cause, as written, is the key; the wrong options are
causes the same document states for other things, far from the key, and where those are too few, facts it states
far from the key (see why_options). Where no stem can be built or too few options are found, the claim becomes a
true statement instead. A causal "since" ("since the roads were poor") is a reason, written "because".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..analysis import Corpus, Sentence
from ..clauses import framing, hedge, root_clause
from ..pronouns import PRONOUNS, stand_alone
from ..syntax import wh_why
from ..textutil import anaphora_problem, capitalise, drop_parentheticals, keeps_capital, tidy, tokens_text, word_count
from ..types import QuestionDraft
from .base import Candidate, Context, shuffled, source_of
from .why_options import why_options

MAX_CAUSE_WORDS = 14  # a key of about twelve words; longer causes are trimmed of trailing clauses, else skipped
MIN_CAUSE_WORDS = 3
# A cause too long for an option ("Because the water-based inks used for woodblock printing did not stick well to
# metal") is still stated whole in a true claim, up to this many words (the claim's own limit is MAX_PROMPT_WORDS).
MAX_CLAIM_CAUSE_WORDS = 20
# words that make a cause one of several or a guess: kept before it in a claim, no "Why" keyed on it
_DEGREE = ("partly", "largely", "mainly", "mostly", "chiefly", "primarily", "probably", "possibly", "perhaps")
MAX_RIVAL_RATIO = 2.0  # characters, longest option against the key (the options guard allows 2.5)
CAUSE_CONFIDENCE = 0.8
# "because of his youth", "due to heavy rain": a preposition and the word that completes it.
_REASON_PREPS = {"because": "of", "due": "to", "owing": "to", "thanks": "to"}
# Trailing parts of a cause that can go without changing what it claims: a clause or phrase describing a noun,
# an aside, a second reason joined by "and".
_TRIMMABLE = frozenset({"relcl", "acl", "appos", "advcl"})
CLAIM_AS_STATED = "the causal claim of one sentence, as stated"
CLAIM_OF_RESULT = "the causal claim of a sentence opening 'As a result' (or the like) and the sentence before it"
STEM_KIND = "cause"  # Candidate.stem_kind of these questions (the ranker keeps one per document)


@dataclass(eq=False)
class Cause:
    """A reason or purpose a sentence states, with what a question on its effect must leave out."""

    sent: Sentence
    family: str  # "reason" or "purpose"
    form: str  # "clause" (because ...), "phrase" (because of ...), "so that", "to" (in order to / to ...)
    text: str  # as written in the document, trimmed to read as an option
    tokens: list[Any]  # its tokens
    removed: set[int]  # token indices of the whole causal phrase and the comma setting it off
    on_root: bool  # it gives the cause of the main verb (only then can the stem be built)
    # what the claim must keep around it: a degree word before the marker ("mainly in order to": not the whole
    # reason) and the comma that set the cause off
    lead: str = ""
    set_off: bool = False
    verb: Any = None  # the causing verb of "X led to Y" (the cause is its subject), else None
    claim_only: bool = False  # too long for an option: no "Why" keyed on it, no wrong option of another "Why"


def _marker(t: Any) -> tuple[str, str, Any] | None:
    """(family, form, first token) when ``t`` heads a causal phrase, else None."""
    if t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX"):
        marks = [c for c in t.children if c.dep_ == "mark"]
        words = [c.lower_ for c in marks]
        if "because" in words:
            return "reason", "clause", marks[words.index("because")]
        if words == ["since"] and causal_since(t):
            return "reason", "since", marks[0]
        if words[:2] == ["so", "that"] and marks[1].i == marks[0].i + 1:
            return "purpose", "so that", marks[0]
        return None  # a bare "to" infinitive is as often a misparse or a complement as a purpose: not taken
    if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"):
        kids = list(t.children)
        completed = [c for c in kids if c.dep_ == "pcomp" and c.lower_ == _REASON_PREPS.get(t.lower_)]
        # the object hangs on "of" / "to", or (as often) on "because" / "due" itself
        if completed and any(g.dep_ == "pobj" for g in [*kids, *completed[0].children]):
            return "reason", "phrase", t
        if t.lower_ == "as" and any(
            c.dep_ == "pobj" and c.lower_ == "result" and any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
            for c in kids
        ):
            return "reason", "phrase", t  # "as a result of the partition"
        if t.lower_ == "in" and any(
            c.dep_ == "pobj"
            and c.lower_ == "order"
            and any(g.dep_ == "acl" and g.left_edge.lower_ == "to" for g in c.children)
            for c in kids
        ):
            return "purpose", "to", t
    return None


def causal_since(t: Any) -> bool:
    """A "since" clause that gives a reason, not a starting time: its main clause is not in a perfect tense
    ("has ruled since he came") and it names no date or time ("since 1920", "since the war ended in 1918")."""
    head = t.head
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children):
        return False
    return not any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree)


def _trimmable(t: Any) -> bool:
    """A part describing a noun ("a relic [believed to be ...]", "a tool [for calculating ...]"), or a second
    clause with a subject or a marker of its own ("... and because they wanted ..."); not one of a list of verbs."""
    if t.dep_ in _TRIMMABLE or (t.dep_ == "prep" and t.head.pos_ in ("NOUN", "PROPN")):
        return True
    return (
        t.dep_ == "conj"
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
    )


def _trim(toks: list[Any]) -> list[Any] | None:
    """The cause without trailing clauses until it has at most MAX_CAUSE_WORDS words, or None."""
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    while len([t for t in toks if not t.is_punct]) > MAX_CAUSE_WORDS:
        last = toks[-1].i
        cuts = [t for t in toks[1:] if _trimmable(t) and t.right_edge.i == last and t.left_edge.i > toks[0].i]
        if not cuts:
            return None
        cut = max(cuts, key=lambda t: t.left_edge.i)  # the smallest trailing part first
        toks = [t for t in toks if t.i < cut.left_edge.i]
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks = toks[:-1]
    return toks if len([t for t in toks if not t.is_punct]) >= MIN_CAUSE_WORDS else None


# "X led to Y", "X caused Y", "X resulted in Y": X is a stated reason (for a wrong option only: the sentence
# says it as a subject, so it is no verbatim "because ..." key).
_CAUSING = {"lead": ("prep", "to"), "result": ("prep", "in"), "cause": ("dobj", "")}
MAX_AGENT_WORDS = 9


def _agents(sent: Sentence) -> list[Cause]:
    out = []
    for t in sent.tokens:
        want = _CAUSING.get(t.lemma_)
        if (
            want is None
            or t.pos_ != "VERB"
            or not any(c.dep_ == want[0] and (not want[1] or c.lower_ == want[1]) for c in t.children)
        ):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.ent_type_ == "PERSON":
            continue  # a person who "led" something is no reason
        toks = list(subj.subtree)
        if len(toks) > MAX_AGENT_WORDS or toks[-1].i - toks[0].i + 1 != len(toks):
            continue
        if any(x.tag_ in ("WP", "WP$", "WDT") for x in toks):
            continue
        phrase = tokens_text(toks)
        if not keeps_capital(toks[0]):
            phrase = phrase[:1].lower() + phrase[1:]
        out.append(Cause(sent, "reason", "phrase", f"because of {phrase}", toks, set(), False, verb=t))
    return out


def _cuts_a_member(kept: list[Any], dropped: list[Any]) -> bool:
    """Whether trimming ``dropped`` off a cause cuts a second cause or a later member of a list: a "because" or
    "since", a conjunct of a kept word, or a clause hung on a kept word that has a conjunct of its own (the parse
    of "to trade ..., to build a navy, and to take part ..."). A clause describing a noun ("a capital that looked
    towards Europe rather than ...") may go with its own coordination."""
    inside = {t.i for t in kept}
    for x in dropped:
        if x.lower_ in ("because", "since"):
            return True
        if x.head.i in inside and (
            x.dep_ in ("conj", "cc") or (x.dep_ == "advcl" and any(c.dep_ == "cc" for c in x.children))
        ):
            return True
    return False


def _whole_clause(whole: list[Any]) -> bool:
    """Whether a cause too long to trim (see _trim) can still be stated whole in a claim: at most
    MAX_CLAIM_CAUSE_WORDS words, ending on a word (a cause ending on a conjunction or a dash was cut by the parse)."""
    words = [t for t in whole if not t.is_punct]
    return (
        len(words) <= MAX_CLAIM_CAUSE_WORDS
        and words[-1].dep_ != "cc"
        and not (whole[-1].is_punct and whole[-1].text != ",")
    )


def _coordination_cut(clause: list[Any]) -> bool:
    """Whether a conjunction in the clause has no second member in it ("because it was clear and | already in
    force"): the parser hung the rest on the main clause, and a claim built from the clause would move it there."""
    last = clause[-1]  # the clause ends on its conjunction
    return last.dep_ == "cc" and not any(c.dep_ == "conj" and c.i > last.i for c in last.head.children)


def causes_of(corpus: Corpus, sent: Sentence) -> list[Cause]:
    """The causes a sentence states, in order (cached on the sentence)."""
    cached = sent.cache.get("causes")
    if cached is not None:
        return list(cached)
    out: list[Cause] = []
    doubt = hedge(sent)
    text = corpus.documents[sent.doc].text
    span = sent.span
    for t in sent.tokens:
        found = _marker(t)
        if found is None:
            continue
        family, form, first = found
        whole = [x for x in t.subtree if x.i >= first.i]
        if whole[-1].i - first.i + 1 != len(whole) or any(x.i >= span.end for x in whole):
            continue  # not one stretch of text
        if _coordination_cut(whole):
            continue  # "Because it was clear and already in force, ...": the parse left the clause's second half out
        nxt = whole[-1].i + 1
        if first.i > t.head.i and nxt < span.end and span.doc[nxt].lower_ in ("and", "or"):
            continue  # "because A and B were low": the parse hung B on the main verb; the claim would drop it
        if first.i > span.start and span.doc[first.i - 1].lower_ in ("not", "n't"):
            continue  # "not because of virtue": the text denies the reason
        toks = _trim(whole)
        if toks is not None and _cuts_a_member(toks, whole[len(toks) :]):
            toks = None  # "because A(, and because) B", "to trade ..., to build ... and to take ...": trimmed, the
            # claim would drop a cause or purpose of a list
        long = toks is None and _whole_clause(whole)
        if long:
            toks = whole[:-1] if whole[-1].is_punct else whole
        if toks is None:
            continue
        start, end = sent.char_span(toks[0], toks[-1])
        written = text[start:end]
        if form == "since":  # "since the roads were poor" is read "because ...": so the options all read alike
            form, written = "clause", ("B" if written[:1] == "S" else "b") + "ecause" + written[5:]
        removed = {x.i for x in t.subtree}
        before = first.i - 1 if first.i > span.start else None
        after = whole[-1].i + 1 if whole[-1].i + 1 < span.end else None
        if before is not None and span.doc[before].text == ",":
            removed.add(before)
        elif after is not None and span.doc[after].text == "," and first.i <= span.start + 1:
            removed.add(after)  # "Because ..., it began": the comma after a fronted cause
        leading = [x for x in t.subtree if x.i < first.i and x.pos_ == "ADV" and x.dep_ == "advmod"]
        # "partly because", "probably because": the degree or doubt word goes with the cause into the claim (the
        # parse may hang it on the main verb); a claim without it gives one cause as the only one, or a guess as fact
        i = first.i - 1
        while i >= span.start and span.doc[i].lower_ in (*_DEGREE, doubt) and span.doc[i] not in leading:
            leading.insert(0, span.doc[i])
            removed.add(i)
            i -= 1
        lead = " ".join(x.text for x in leading)
        qualified = any(x.lower_ in (*_DEGREE, doubt) for x in leading)
        left = min([first.i] + [x.i for x in leading])
        set_off = left > span.start and span.doc[left - 1].text == ","
        out.append(
            Cause(
                sent,
                family,
                form,
                written,
                toks,
                removed,
                t.head == sent.root,
                lead,
                set_off,
                claim_only=long or qualified,
            )
        )
    out += _agents(sent)
    sent.cache["causes"] = out
    return list(out)


def _document_causes(ctx: Context, doc: int) -> list[tuple[Cause, str]]:
    """Every cause the document states that reads alone (pronouns written in), with that reading; built once."""
    index: dict[int, list[tuple[Cause, str]]] | None = ctx.corpus.cache.get("causes")
    if index is None:
        index = {}
        for s in ctx.corpus.sentences:
            if s.heading or s.table_row:
                continue
            for cause in causes_of(ctx.corpus, s):
                if cause.claim_only:
                    continue
                alone = stand_alone(ctx.corpus, s, cause.text) or _subject_written_in(ctx.corpus, cause)
                if alone is not None and not anaphora_problem(capitalise(alone)):
                    index.setdefault(s.doc, []).append((cause, alone))
        ctx.corpus.cache["causes"] = index
    return index.get(doc, [])


def _tense(cause: Cause) -> str:
    """ "past", "present" or "" (no finite verb: a phrase) of the cause's first finite verb."""
    for t in cause.tokens:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return "past" if t.tag_ == "VBD" or t.lower_ in ("could", "would", "might", "should") else "present"
    return ""


def _key_reads_with(ctx: Context, cause: Cause, prompt: str) -> bool:
    """The key's pronouns point at what the stem shows ("Why were the Dutch tolerated?" - "Because they were
    traders"): the key is quoted as written, so nothing can be written into it."""
    text = f"{prompt} {cause.text}"
    if anaphora_problem(text):
        return False
    if stand_alone(ctx.corpus, cause.sent, text) == text:
        return True
    return all(_means_subject(cause, t) for t in cause.tokens if t.lower_ in PRONOUNS)


def _subject_written_in(corpus: Corpus, cause: Cause) -> str | None:
    """The cause with its first pronoun replaced by the subject of the effect it means (see _means_subject)."""
    pronouns = [t for t in cause.tokens if t.lower_ in PRONOUNS]
    if not pronouns or not all(_means_subject(cause, t) for t in pronouns):
        return None
    subj = next(c for c in cause.sent.root.children if c.dep_ in ("nsubj", "nsubjpass"))
    phrase = stand_alone(corpus, cause.sent, tokens_text(subj.subtree))
    if phrase is None or subj.right_edge.i - subj.left_edge.i > 6 or anaphora_problem(capitalise(phrase)):
        return None
    if phrase[:4] in ("The ", "A ", "An "):
        phrase = phrase[:1].lower() + phrase[1:]
    first = pronouns[0]
    if first.tag_ == "PRP$":
        phrase += "'" if phrase.endswith("s") else "'s"
    start = first.idx - cause.tokens[0].idx  # the cause's text is the parse's text but for normalised dates
    if cause.text[start : start + len(first.text)] != first.text:
        return None
    return cause.text[:start] + phrase + cause.text[start + len(first.text) :]


def _named_subject_written_in(corpus: Corpus, cause: Cause) -> str | None:
    """As _subject_written_in, where the subject is all names and nouns (one holding a pronoun of its own, "King
    José I and his family", would be rewritten inside the rewrite) and stands before the cause, as the name a
    pronoun after it means by the habit of prose."""
    subj = next((c for c in cause.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(t.lower_ in PRONOUNS for t in subj.subtree) or subj.i > min(cause.removed, default=0):
        return None  # a cause told before the subject may mean someone else ("Because of his youth, Normandy ...")
    return _subject_written_in(corpus, cause)


_SAME_PRONOUN = {"him": "he", "his": "he", "her": "she", "its": "it", "them": "they", "their": "they"}


def _means_subject(cause: Cause, pronoun: Any) -> bool:
    """A pronoun of the cause that, by the habit of prose, means the subject of the effect the stem shows:
    "Because he feared ..., he brought", "Because it is so long ..., the Code is", "the Dutch were tolerated
    because they were traders" (the same pronoun, or one agreeing with a noun subject in number and gender)."""
    root = cause.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i in cause.removed:
        return False
    word = _SAME_PRONOUN.get(pronoun.lower_, pronoun.lower_)
    if subj.lower_ in PRONOUNS:
        return _SAME_PRONOUN.get(subj.lower_, subj.lower_) == word
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if word == "they":
        return plural
    if word == "it":
        return not plural and subj.ent_type_ not in ("PERSON", "NORP")
    return not plural and subj.ent_type_ == "PERSON"


def _effect(sent: Sentence, cause: Cause, after: bool | None = None) -> str | None:
    """The main clause without its cause, as a statement without its full stop: all of it, or (``after`` True or
    False) only the words after or before the cause, then starting in lower case unless a name starts it."""
    toks = [t for t in root_clause(sent) if t.i not in cause.removed]
    if after is not None:
        toks = [t for t in toks if (t.i > max(cause.removed)) == after]
    if not toks:
        return None
    text = tidy(tokens_text(toks))
    if not keeps_capital(toks[0]):
        text = text[:1].lower() + text[1:]
    text = text.rstrip(" ,;:")
    return text if after is not None else capitalise(text)


def _effect_has_subject(sent: Sentence, cause: Cause) -> bool:
    """Whether the main verb keeps a subject once the cause is cut: a parse that hangs the subject on a fronted
    cause ("Because the West was contested, national politicians competed") would leave "Competed for ..."."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and c.i not in cause.removed for c in sent.root.children
    )


def _in_place(sent: Sentence, cause: Cause, given: str) -> str | None:
    """The causal claim in the sentence's own order where moving the cause to the end would change what it
    explains: a cause told after the subject, mid-sentence ("known well because of her letters, especially
    Cavazzi's"), or one told first, before a main clause with a trailing aside ("Because X, she became regent, as
    tradition expected"). None where the plain order, effect then cause, reads as the sentence does, or where
    the effect holds a pronoun (the plain order has the resolver write its name in; a cause told mid-sentence
    then gives no claim, see _mid_sentence)."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    front = _effect(sent, cause, after=False)
    back = _effect(sent, cause, after=True)
    if subj is None or any(t.lower_ in PRONOUNS for t in sent.root.subtree if t.i not in cause.removed):
        return None
    if front and back and _mid_sentence(sent, cause):
        return f"{front}{', ' if cause.set_off else ' '}{given}, {back}"
    if back and not front and "," in back:
        return f"{given}, {back}"
    return None


def _mid_sentence(sent: Sentence, cause: Cause) -> bool:
    """Whether the cause stands after the subject with words of the main clause after it: moved to the end, it
    would follow words it does not explain ("known well, especially Cavazzi, who knew her, because of ...")."""
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.i < min(cause.removed)
        and any(t.i > max(cause.removed) and t.i not in cause.removed for t in root_clause(sent))
    )


def cause_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """A "Why ...?" multiple choice on each stated cause of the main verb, or a true/false on the causal claim."""
    out: list[Candidate] = []
    found = causes_of(ctx.corpus, sent)
    reasons = [c for c in found if c.on_root and c.family == "reason" and c.verb is None]
    for cause in found:
        if not cause.on_root or (cause.family == "reason" and len(reasons) > 1):
            continue  # "because A, and because B": asked of one, the other cause would go unsaid
        wrong = why_options(ctx, cause, 3) if not cause.claim_only else []
        made = _why(ctx, sent, cause, wrong) if len(wrong) == 3 else None
        if made is None:
            made = _claim(ctx, sent, cause)
        if made is not None:
            out.append(made)
    return out


CLAIM_OF_AGENT = "the causal claim of a sentence 'X led to / resulted in / caused Y', as stated"


def agent_claims(ctx: Context, sent: Sentence) -> list[Candidate]:
    """ "The drought led to a famine": the main clause, a causal claim whose cause is the subject of the main verb,
    stated as true (a "why" stem would have to turn the effect, a noun phrase, into a clause). None where the
    sentence also states a cause of the main verb in a "because" clause (that one is asked), hedges, or frames
    with nothing to check ("X's death led directly to Y's greatest work": see clauses.framing)."""
    found = causes_of(ctx.corpus, sent)
    if any(c.on_root for c in found) or hedge(sent):
        return []
    agent = next((c for c in found if c.verb is not None and c.verb == sent.root), None)
    if agent is None or agent.verb.tag_ not in ("VBD", "VBZ", "VBP") or _leads_to_a_place(sent, agent.verb):
        return []
    text = ctx.stand_alone(sent, capitalise(tidy(tokens_text(root_clause(sent))).rstrip(" ,;:")) + ".")
    if text is None or ctx.early_reject(text) or framing(sent, text):
        return []
    return [stated_claim(ctx, [sent], text, CLAIM_OF_AGENT)]


def stated_claim(ctx: Context, sentences: list[Sentence], text: str, reason: str, penalty: float = 0.0) -> Candidate:
    """The causal claim ``text`` of the last of ``sentences`` (the one before it stating the cause, if two), a true
    statement quoting them, as a cause stem; ``penalty`` lowers its confidence and score."""
    draft = QuestionDraft(
        type="true_false",
        prompt=text,
        answer=True,
        explanation=f"True. The text says: \u201c{' '.join(s.text.strip() for s in sentences)}\u201d",
        confidence=CAUSE_CONFIDENCE - 0.05 - penalty,
        confidence_reasons=[reason],
        difficulty=0.3,
        sources=[source_of(ctx, s) for s in sentences],
    )
    score = CAUSE_CONFIDENCE - 0.02 * max(word_count(text) - 18, 0) - penalty
    return Candidate(draft, "", sentences, score, STEM_KIND, f"{sentences[-1].id}:cause")


def _leads_to_a_place(sent: Sentence, verb: Any) -> bool:
    """ "The route led to the market of Bulghar": a way that goes somewhere, no cause."""
    ends = {t.i for c in verb.children if c.dep_ == "prep" for t in c.subtree}
    return any(m.kind == "place" and m.root.i in ends for m in sent.mentions)  # "to the market of X and to Y" too


# the phrases after the first start in lower case ("In 1085, at Christmas in Gloucester, why ...?")
_FRONTED = re.compile(r"^((?:(?i:In|On|At|During|After|Before|By|From|Under) [^,?]{1,40}, )+)why (.+)\?$")


def why_first(prompt: str) -> str:
    """ "In 1941, why did Mandela flee to Johannesburg?" -> "Why did Mandela flee to Johannesburg in 1941?": the
    question word first, where a reader looks for it, the time or place it was fronted with at the end."""
    m = _FRONTED.match(prompt)
    if m is None:
        return prompt
    phrases = [p[:1].lower() + p[1:] for p in m[1].rstrip(", ").split(", ")]
    return f"Why {m[2]} {' '.join(reversed(phrases))}?"


def _why(
    ctx: Context, sent: Sentence, cause: Cause, wrong: list[str], before: Sentence | None = None
) -> Candidate | None:
    """The "Why ...?" question on ``sent`` keyed on ``cause``; ``before`` is the sentence that states the cause when
    it is not ``sent`` itself ("... As a result, ...", see result_causes)."""
    prompt = wh_why(sent, cause.removed)
    if prompt is None:
        return None
    prompt = ctx.stand_alone(sent, drop_parentheticals(prompt))
    if prompt is None or ctx.early_reject(prompt) or not _key_reads_with(ctx, cause, prompt):
        return None
    prompt = why_first(prompt)
    key = capitalise(cause.text)
    said = f"the text states this {cause.family} ('{cause.text.split(' ', 1)[0].lower()}')"
    if before is not None:
        said = f"the text states this result ('{sent.text.split(',', 1)[0]}') of the sentence before"
    sentences = [sent] if before is None else [before, sent]
    draft = QuestionDraft(
        type="multiple_choice",
        prompt=prompt,
        answer=key,
        options=shuffled([key, *wrong], sent.id, "why"),
        explanation=f"The text says: \u201c{' '.join(s.text.strip() for s in sentences)}\u201d",
        confidence=CAUSE_CONFIDENCE - (0.05 if before is not None else 0.0),
        confidence_reasons=[said, "wrong options are other reasons the document states for what the same actor did"],
        difficulty=0.5,
        sources=[source_of(ctx, s) for s in sentences],
    )
    score = CAUSE_CONFIDENCE + 0.1 - 0.02 * max(word_count(prompt) - 16, 0) - 0.01 * max(word_count(key) - 8, 0)
    return Candidate(draft, key, sentences, score, STEM_KIND, f"{sent.id}:cause")


def _claim(ctx: Context, sent: Sentence, cause: Cause, before: Sentence | None = None) -> Candidate | None:
    """The causal claim as stated, a true statement; ``before`` is the sentence that states the cause when it is
    not ``sent`` itself ("... As a result, ...": the claim is "<result> because <the sentence before>"). (A false
    one, with a cause the document gives for something else swapped in, read as nonsense more often than as a
    plausible error: "The committee's choice was significant because there was too little fuel to cook"; the
    readers rejected such swaps.)"""
    effect = _effect(sent, cause)
    if effect is None or not _effect_has_subject(sent, cause):
        return None
    effect = ctx.stand_alone(sent, effect)
    if effect is None:
        return None
    text = None
    # the cause as written; else with the pronoun that means the effect's subject written in ("Arches were used
    # only where ... because they were expensive": "they" has no name before it to point at)
    for written in dict.fromkeys([cause.text, _named_subject_written_in(ctx.corpus, cause) or cause.text]):
        given = written[:1].lower() + written[1:]  # it begins with its marker word
        if cause.lead:
            given = f"{cause.lead.lower()} {given}"  # "mainly in order to ...": without it the claim says more
        joint = ", " if cause.set_off else " "
        claim = _in_place(sent, cause, given)
        if claim is None and _mid_sentence(sent, cause):
            return None  # the plain order would explain the words after the cause too
        claim = claim or f"{effect}{joint}{given}"
        text = ctx.stand_alone(sent, capitalise(tidy(claim)) + ".")
        if text is not None and cause.claim_only and tidy(given) not in text:
            text = None  # a name written into a long or "partly" cause: it may be the wrong one ("he" of Tycho)
        if text is not None and not ctx.early_reject(text):
            break
        text = None
    if text is None:
        return None
    if before is None:
        return stated_claim(ctx, [sent], text, CLAIM_AS_STATED)
    return stated_claim(ctx, [before, sent], text, CLAIM_OF_RESULT, penalty=0.05)
