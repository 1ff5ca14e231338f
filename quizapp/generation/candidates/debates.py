"""Who held which view: "Which scholar argued that ...?" where a named person argues, claims or contends a view.

An article on a debate names the scholars on each side ("In 1566 Malestroit claimed that prices had not really
risen ... Bodin replied ..."); a teacher asks who held which view, with the article's other scholars as the
wrong options. Those options are people the article itself shows holding or stating a view, or calls by a
scholar's title ("the historian X"): never padded with other people (a king is no option for a thesis).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..analysis import Corpus, Mention, Sentence
from ..distractors import display, route_or_object, stable_hash
from ..stem_class import named_with_a_work, scholar_sign
from ..textutil import tidy, tokens_text, word_count
from ..types import QuestionDraft
from .base import VIEW_STEM, Candidate, Context, source_of
from .multiple_choice import ordered_options

# Verbs that state a view, whose "that" clause is the view.
VIEW_VERBS = frozenset({"argue", "claim", "contend", "maintain", "insist", "propose", "suggest", "conclude", "hold"})
# Verbs a scholar does with a view or a work: who does them may be an option for who held a view.
SCHOLAR_VERBS = VIEW_VERBS | frozenset(
    {"reply", "respond", "dispute", "reject", "doubt", "question", "publish", "show", "warn", "counter", "write"}
)
SCHOLAR_NOUNS = frozenset(
    {
        "historian",
        "scholar",
        "economist",
        "archaeologist",
        "philosopher",
        "thinker",
        "theorist",
        "critic",
        "specialist",
        "biographer",
        "orientalist",
        "professor",
        "researcher",
        "anthropologist",
        "sociologist",
        "geographer",
        "chronicler",
        "writer",
        "egyptologist",
        "assyriologist",
        "sinologist",
        "epigrapher",
    }
)
MAX_VIEW_WORDS = 22
_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"})
DEBATE_CONFIDENCE = 0.7


def _subject_person(sent: Sentence, verb: Any) -> Mention | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if any(c.dep_ == "conj" for c in subj.children):
        return None  # "Ronald Robinson and John Gallagher argued": neither alone holds the view
    # "The historian Jack Goldstone has argued", "a royal official, the Sieur de Malestroit, claimed": the name
    # stands beside the subject noun
    heads = [subj, *(c for c in subj.children if c.dep_ == "appos")]
    people = [m for m in sent.mentions if m.kind == "person" and any(m.first.i <= h.i <= m.last.i for h in heads)]
    if any(c.dep_ == "conj" for m in people for c in m.root.children):
        return None  # "the economists Paul Milgrom, Douglass North and Barry Weingast argued": a view of all three
    if people and _joined_to_another(sent, people[0]):
        return None  # "A in 1795 and B in 1843 had argued": two people hold it, however the parse joins them
    if not people and _scholars_noun(subj):
        # "Historians such as John Thornton argue", "Later scholars, among them X, have argued": the one scholar
        # the text names among those who hold the view holds it (with two named, neither alone is the answer)
        inside = {t.i for t in subj.subtree}
        people = [m for m in sent.mentions if m.kind == "person" and m.root.i in inside]
    return people[0] if len(people) == 1 else None


def _joined_to_another(sent: Sentence, who: Mention) -> bool:
    """Whether a person named before ``who`` is joined to him by "and" with no verb between ("Alexander Gordon in
    Aberdeen in 1795 and Oliver Wendell Holmes in Boston had argued")."""
    doc = who.root.doc
    for m in sent.mentions:
        if m.kind != "person" or m.last.i >= who.first.i:
            continue
        between = [doc[i] for i in range(m.last.i + 1, who.first.i)]
        if any(t.lower_ == "and" for t in between) and not any(t.pos_ in ("VERB", "AUX") for t in between):
            return True
    return False


def _scholars_noun(subj: Any) -> bool:
    """ "historians", "later scholars": a plural of a scholar's title as the subject of a view."""
    return subj.tag_ == "NNS" and subj.lemma_.lower() in SCHOLAR_NOUNS


def singular_verb_group(verb_group: list[Any]) -> str:
    """The verb group of a view held by "historians such as X", agreeing with X: "have argued" -> "has argued",
    "argue" -> "argues" (the view verbs are all regular)."""
    words = [t.text for t in verb_group]
    first = verb_group[0]
    if first.lower_ == "have":
        words[0] = "has"
    elif first.tag_ == "VBP":
        words[0] = first.lemma_ + "s"
    return " ".join(words)


def _scholarly(m: Mention) -> bool:
    """A person the article shows stating a view or doing a scholar's work, or calls by a scholar's title."""
    root = m.root
    subject = root.head if root.dep_ == "appos" else root
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.lemma_.lower() in SCHOLAR_VERBS:
        return True
    doc = root.doc
    before = [doc[i] for i in range(max(m.first.i - 4, m.sent.span.start), m.first.i)]
    if any(t.lemma_.lower() in SCHOLAR_NOUNS for t in before):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in SCHOLAR_NOUNS for c in root.children):
        return True
    # "Valerie Hansen, in The Silk Road (2012), is more cautious": a name written with a work of hers
    return named_with_a_work(m)


def _scholars(corpus: Corpus, doc: int) -> Mapping[str, str]:
    """surname (last word, lower case) -> the fullest form the article writes, for its scholarly people."""
    return corpus.kept("scholars", doc, lambda: _find_scholars(corpus.document_sentences(doc)))


def _written_as_scholars(corpus: Corpus, doc: int) -> frozenset[str]:
    """Surnames of the scholarly people the article also writes as scholars (``stem_class.scholar_sign`` with a
    thesis: "the historian X", "X, in Title (1986), ...", "X argued that"), not only as people who wrote or showed
    something (a novelist, a chronicler of the events, a king's letter): the first choice of wrong options."""

    def find() -> frozenset[str]:
        return frozenset(
            m.norm.split()[-1]
            for s in corpus.document_sentences(doc)
            for m in s.mentions
            if m.kind == "person" and m.norm and scholar_sign(m, thesis=True)
        )

    return corpus.kept("written_as_scholars", doc, find)


def _find_scholars(sentences: list[Sentence]) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in sentences:
        for m in s.mentions:
            # "the Bayeux Tapestry shows ..." does a scholar's verb, but is a thing
            if m.kind != "person" or not m.norm or route_or_object(m.norm) or not _scholarly(m):
                continue
            last = m.norm.split()[-1]
            shown = display(m)
            if len(shown) > len(out.get(last, "")):
                out[last] = shown
    return out


def view_clause(sent: Sentence, verb: Any) -> list[Any] | None:
    """The "that" clause of the verb, up to a colon or semicolon (what follows explains, it is not the view)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    toks = list(clause.subtree)
    cut = next((k for k, t in enumerate(toks) if t.text in (":", ";", "—", "(")), len(toks))
    toks = toks[:cut]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()  # "... was impossible, and on 3 June he announced ...": the view ends before the "and"
    # "argued that A, and that B": the first view reads whole on its own; the second is a view of its own
    second = next((t for t in toks if t.dep_ == "conj" and t.head.i == clause.i and _that_clause(t)), None)
    if second is not None:
        toks = [t for t in toks if t.i < second.left_edge.i]
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks.pop()
    toks = _without_dangling_and(toks)
    while toks and toks[-1].is_punct:
        toks.pop()
    if toks and toks[-1].i - toks[0].i + 1 != len(toks):
        return None  # the clause has a gap the parser put elsewhere: it would not read as written
    if any(t.pos_ == "PRON" and t.lower_ in _PERSONAL_PRONOUNS for t in toks):
        return None  # "argued that they belong to ...": a name written in for "they" may be the wrong one
    return toks or None


def _without_dangling_and(toks: list[Any]) -> list[Any]:
    """The clause cut before its last "and"/"but"/"or" when what that word joins lies outside the clause: the
    parser hung "... caused an outcry and, ironically, gave X publicity" 's second verb elsewhere, and the view read
    "... caused an outcry and, ironically." (reader 26, v27)."""
    last_cc = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].dep_ == "cc"), None)
    if last_cc is None or toks[last_cc].lower_ not in ("and", "but", "or"):
        return toks
    rest = toks[last_cc + 1 :]
    # only "and, <aside>": "rather than on X" or "and much of Europe" go on with what they join
    if not rest or rest[0].text != "," or any(t.dep_ == "conj" for t in rest):
        return toks
    return toks[:last_cc]


def _that_clause(t: Any) -> bool:
    """A verb opening a clause of its own with "that" ("... and that B")."""
    return t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)


def view_holder(ctx: Context, sent: Sentence, verb: Any) -> tuple[str, str] | None:
    """(surname, name as the article writes it at its fullest) of the one named person who states the view of
    ``verb``: named as its subject, beside a scholar's plural ("historians such as X"), or as "he" / "she" when
    the pronoun stands for a person the article shows holding views or calls a scholar ("He argued that ...")."""
    scholars = _scholars(ctx.corpus, sent.doc)
    who = _subject_person(sent, verb)
    if who is not None:
        last = who.norm.split()[-1]
        return last, scholars.get(last, display(who))
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in ("he", "she"):
        return None
    from ..pronouns import links

    link = next((k for k in links(ctx.corpus, sent) if k.token == subj.i), None)
    if link is None or link.rivals:
        return None
    if link.antecedent is not None:
        last = link.antecedent.lower().split()[-1]
        return (last, scholars[last]) if last in scholars else None
    # "The economist X studied the records. He argued that ...": the one person the sentence before names, a
    # scholar of the article, when nobody else is named before the pronoun (the resolver wants a name as subject)
    before = [m for m in sent.mentions if m.kind == "person" and m.first.i < subj.i]
    prev = ctx.corpus.sentences[sent.id - 1] if sent.id > 0 else None
    if before or prev is None or prev.id != sent.id - 1 or prev.doc != sent.doc or prev.para != sent.para:
        return None
    named = {m.norm.split()[-1] for m in prev.mentions if m.kind == "person" and m.norm}
    if len(named) != 1:
        return None
    last = next(iter(named))
    return (last, scholars[last]) if last in scholars else None


def _when(sent: Sentence, verb: Any) -> str:
    """ "In 1566, " when the view's verb is dated so ("In 1566 ... claimed that"), else ""."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            date = next((m for m in sent.mentions if m.kind == "date" and obj is not None and m.root.i == obj.i), None)
            if date is not None:
                return f"In {date.text}, "
    return ""


def view_fact(sent: Sentence, surname: str) -> str:
    """The fact signature of a view: asked once, as "who argued" or as a statement, true or false."""
    return f"{sent.id}:view:{surname}"


def debate_candidates(ctx: Context, sent: Sentence) -> list[Candidate]:
    """ "Who argued that ...?" for each view a named person states in the sentence, when the article names at
    least three other people who state views or are called scholars."""
    out = []
    for verb in sent.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in VIEW_VERBS:
            continue
        holder = view_holder(ctx, sent, verb)
        view = view_clause(sent, verb) if holder is not None else None
        if holder is None or view is None or word_count(tokens_text(view)) > MAX_VIEW_WORDS:
            continue
        scholars = _scholars(ctx.corpus, sent.doc)
        last, key = holder
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
        subj = next(c for c in verb.children if c.dep_ == "nsubj")
        group = [*auxiliaries, verb]
        verb_group = singular_verb_group(group) if _scholars_noun(subj) else tokens_text(group)
        when = _when(sent, verb)
        asked = tidy(
            f"{when}who {verb_group} {tokens_text(view)}?" if when else f"Who {verb_group} {tokens_text(view)}?"
        )
        prompt = ctx.stand_alone(sent, asked, key)
        if prompt is None or ctx.early_reject(prompt):
            continue
        others = [
            name
            for surname, name in scholars.items()
            if surname != last and surname not in prompt.lower() and name.lower() not in prompt.lower()
        ]
        if len(others) < 3:
            continue  # too few people of the article state views: no padding with others
        # the wrong options are scholars the article writes as such first: a novelist or a chronicler among
        # modern historians is ruled out at a glance (readers' light edits: "an option that is no scholar")
        written = _written_as_scholars(ctx.corpus, sent.doc)
        surname_of = {name: surname for surname, name in scholars.items()}
        wrong = sorted(others, key=lambda n: (surname_of[n] not in written, stable_hash(n, sent.id, "debate")))[:3]
        draft = QuestionDraft(
            type="multiple_choice",
            prompt=prompt,
            answer=key,
            options=ordered_options([key, *wrong], sent.id, "debate"),
            explanation=f"The text says: \u201c{sent.text.strip()}\u201d",
            confidence=DEBATE_CONFIDENCE,
            confidence_reasons=[
                f"a view the article attributes to {key} ('{verb.lemma_}')",
                "the wrong options are other people the article shows stating views or calls scholars",
            ],
            difficulty=0.5,
            sources=[source_of(ctx, sent)],
        )
        out.append(Candidate(draft, key, [sent], DEBATE_CONFIDENCE + 0.1, VIEW_STEM, view_fact(sent, last)))
    return out
