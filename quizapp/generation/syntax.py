"""Turning a parsed sentence into a wh-question whose answer is one of its names, dates or counts.

Transformations fail (return None) rather than guess when the structure is unusual: a cloze stem
(see clauses.py) is always the fallback.
"""

from __future__ import annotations

from typing import Any

from lemminflect import getInflection, getLemma

from .analysis import Mention, Sentence
from .clauses import SUBJ as _SUBJ
from .clauses import root_clause
from .entities import TITLES, class_word
from .textutil import capitalise, keeps_capital, tidy, tokens_text

_DATE_PREPS = frozenset({"in", "on", "during", "at"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
_AGREE = {"were": "was", "are": "is", "have": "has"}
# "In Japan the battle is known as the Nomonhan Incident": the place is where a name is used, not where anything
# happened, so it asks no "Where".
_NAMING_VERBS = frozenset({"know", "call", "name", "term", "refer", "nickname", "dub", "style", "spell"})
# Lemmas the small model gives in a spelling readers of either English take for a misprint ("installed" ->
# "instal"): do-support writes the usual one.
_BASE_FORMS = {"instal": "install"}


def _base(verb: Any) -> str:
    return _BASE_FORMS.get(verb.lemma_, verb.lemma_)


def _lower_first(tokens: list[Any]) -> str:
    text = tokens_text(tokens)
    first = tokens[0] if tokens else None
    if first is not None and not keeps_capital(first):
        text = text[:1].lower() + text[1:]
    return text


def _prefix_ok(prefix: list[Any]) -> bool:
    return not prefix or (prefix[-1].text == "," and len(prefix) <= 8)


def _join(prefix: list[Any], head: str, rest: str) -> str:
    pre = tokens_text(prefix)
    text = (pre + " " + head[:1].lower() + head[1:]) if pre else head
    return capitalise(tidy(text + " " + rest)).rstrip(".,;:") + "?"


def wh_word(m: Mention) -> str | None:
    """The question word for a mention of this kind."""
    if m.kind == "person":
        return "Who"
    if m.kind == "org":
        return "Which organisation"
    if m.kind == "group":
        # "Which people sacked the city?": a nation, a religious or a political group, as the article types it
        return {"group:faith": "Which religious group", "group:party": "Which group"}.get(m.fine, "Which people")
    if m.kind == "place":
        grain = m.fine.partition(":")[2]
        if grain in ("island", "river"):
            return f"Which {grain}"  # the article calls it one: "the island of Gotland"
        return {"country": "Which country", "city": "Which city", "region": "Which region", "state": "Which state"}.get(
            m.sub, "Which place"
        )
    if m.kind in ("law", "event") and m.last.pos_ in ("PROPN", "NOUN"):
        word = class_word(m)
        return f"Which {word}" if word else "What"
    return None


def wh_subject(sent: Sentence, m: Mention) -> str | None:
    """'Who signed the treaty?' from 'X signed the treaty.' when the mention is the subject."""
    r, root = m.root, sent.root
    if r.dep_ not in _SUBJ or r.head != root:
        return None
    word = wh_word(m)
    if m.kind == "number" and m.root.dep_ == "nummod":
        return None
    if word is None:
        return None
    left, right = r.left_edge.i, r.right_edge.i
    extra = [
        t
        for t in sent.span.doc[left : right + 1]
        if not (m.first.i <= t.i <= m.last.i) and t.dep_ not in ("det", "punct")
    ]
    if len(extra) > 4 or any(t.dep_ in ("relcl", "acl", "appos", "conj", "poss", "case") for t in extra):
        return None
    toks = root_clause(sent)
    prefix = [t for t in toks if t.i < left]
    rest = [t for t in toks if t.i > right]
    if not _prefix_ok(prefix) or not rest:
        return None
    rest_text = tokens_text(rest)
    first = rest[0].lower_
    if first in _AGREE:
        rest_text = _AGREE[first] + rest_text[len(first) :]
    return _join(prefix, word, rest_text)


def _invert(sent: Sentence, removed: set[int], head: str) -> str | None:
    """Front ``head`` (a wh-phrase) with aux inversion or do-support, the ``removed`` tokens cut out."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in root.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.i > root.i or subj.i in removed:
        return None
    toks = [t for t in root_clause(sent) if t.i not in removed]
    aux = next((c for c in root.children if c.dep_ in ("aux", "auxpass") and subj.i < c.i < root.i), None)
    if aux is None and root.lemma_ == "be":
        aux = root
    replace: dict[int, str] = {}
    pluperfect = aux is not None and _plain_pluperfect(root, aux)
    if aux is not None:
        operator = aux.lower_
        toks = [t for t in toks if t.i != aux.i]
        if pluperfect:
            # "When had Dias founded Luanda?" reads as a slip: "When did Dias found Luanda?" asks the same
            operator = "did"
            replace[root.i] = _base(root)
    else:
        operator = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_, "")
        if not operator or any(c.dep_ == "neg" for c in root.children):
            return None
        replace[root.i] = _base(root)
    # Verbs sharing the subject: "When did Britain occupy Egypt and keep troops there?" follows suit; one the
    # operator does not fit ("When did he die on board and was buried at sea?", "When was the party founded and
    # led ...?") is cut from the question with its conjunction.
    for c in root.children:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or any(g.dep_ in _SUBJ for g in c.children):
            continue
        # "did Barth visit Sokoto and describe Kano": a timeline's present pair takes the base form with its root
        if (aux is None and (c.tag_ == "VBD" or c.tag_ == root.tag_)) or (
            pluperfect and c.tag_ == "VBN" and not any(g.dep_ in ("aux", "auxpass") for g in c.children)
        ):
            replace[c.i] = _base(c)
            continue
        if aux is None and root.tag_ == "VBD" and c.tag_ in ("VBZ", "VBP"):
            # "Edward, later called the Confessor, becomes king": a past and a present verb on one subject are
            # a misparse (the participle taken for the main verb), which no operator fits
            return None
        own_aux = any(g.dep_ in ("aux", "auxpass") for g in c.children)
        if (aux is None and own_aux) or (aux is not None and not own_aux and c.tag_ != root.tag_):
            # the conjunct goes with all after it: a trailing phrase may belong to it ("... and became President
            # in 1905, the first working man in a cabinet")
            start = min(
                [c.left_edge.i]
                + [t.i for t in root.children if t.dep_ in ("cc", "punct") and c.left_edge.i - 2 <= t.i < c.i]
            )
            toks = [t for t in toks if t.i < start]
    if operator in ("did", "does", "do") and _verb_read_as_subject(subj, root):
        replace[subj.i] = next(iter(getLemma(subj.lower_, upos="VERB")))
    prefix = [t for t in toks if t.i < subj.left_edge.i]
    body = [t for t in toks if t.i >= subj.left_edge.i]
    if not _prefix_ok(prefix) or not body:
        return None
    parts = []
    for k, t in enumerate(body):
        # where tokens were cut out between two ("Germany) , ruled"), the neighbours keep a space between them
        gap = k + 1 < len(body) and body[k + 1].i != t.i + 1
        parts.append(replace.get(t.i, t.text) + (t.whitespace_ or (" " if gap else "")))
    text = "".join(parts).strip()
    # A title before a name keeps its capital ("When did President Abraham Lincoln sign ...?").
    title_word = body[0].lower_ in TITLES and len(body) > 1 and body[1].pos_ == "PROPN"
    common = body[0].i == sent.span.start and sent.cache.get("common_first_word")
    if (not keeps_capital(body[0]) and not title_word) or common:
        text = text[:1].lower() + text[1:]
    return _join(prefix, f"{head} {operator}", text)


def _verb_read_as_subject(subj: Any, root: Any) -> bool:
    """ "Velmar Fruit merges with a firm and becomes Velmar Brands": the first present verb read as a plural noun
    heading the subject, its "and" hung on it: under "did" it takes the base form too ("When did Velmar Fruit
    merge with a firm and become ...?"), never "did Velmar Fruit merges"."""
    if subj.tag_ not in ("NNS", "NNPS") or root.tag_ != "VBZ" or subj.i + 1 >= len(subj.doc):
        return False
    if any(c.dep_ in ("det", "amod", "nummod", "poss") for c in subj.children):
        return False  # "the merges": a noun
    if not any(c.dep_ == "compound" and c.i == subj.i - 1 for c in subj.children):
        return False  # the subject it lost stands just before it
    if not any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i == root.i - 1 for c in subj.children):
        return False  # its "and" joins it to the main verb
    if subj.nbor(1).tag_ not in ("IN", "DT", "PRP$", "NNP"):
        return False
    lemma = next(iter(getLemma(subj.lower_, upos="VERB")), "")
    return bool(lemma) and subj.lower_ in getInflection(lemma, tag="VBZ")


def _plain_pluperfect(root: Any, aux: Any) -> bool:
    """ "had founded", active and with no other auxiliary or negation: its question takes "did"."""
    return (
        aux.lower_ == "had"
        and aux.dep_ == "aux"
        and root.tag_ == "VBN"
        and not any(c.dep_ in ("auxpass", "neg") or (c.dep_ == "aux" and c.i != aux.i) for c in root.children)
    )


def wh_adjunct(sent: Sentence, m: Mention) -> str | None:
    """'When was X founded?' / 'Where was X built?' from a date or place phrase on the main verb."""
    r, root = m.root, sent.root
    if r.dep_ != "pobj" or r.head.dep_ != "prep" or r.head.head != root:
        return None
    prep = r.head
    if sum(1 for c in prep.children if c.dep_ == "pobj") > 1:
        # "In [January 1815] [Britain], Austria and France signed": a preposition given two objects is a misparse
        # (here of a list's first member), not a phrase of time or place
        return None
    if m.kind == "date" and prep.lower_ in _DATE_PREPS:
        head = "When"
    elif m.kind == "place" and prep.lower_ in _PLACE_PREPS and root.lemma_ not in _NAMING_VERBS:
        head = "Where"
    else:
        return None
    # The object must be the mention itself, perhaps with an appended phrase that goes too.
    if r.left_edge.i < m.first.i and any(t.dep_ not in ("det",) for t in sent.span.doc[r.left_edge.i : m.first.i]):
        return None
    removed = {t.i for t in prep.subtree}
    # "introduced italic type [in 1501 and] small editions": a conjunction the parse hung on the phrase's last
    # word joins what is around it, so it stays
    last = max(removed)
    if sent.span.doc[last].dep_ == "cc" and last + 1 < sent.span.end:
        removed.discard(last)
    return _invert(sent, removed, head)


def wh_how_many(sent: Sentence, m: Mention) -> str | None:
    """'How many pilots ...?' when the number counts the subject or object of the main verb."""
    r, root = m.root, sent.root
    if m.kind != "number" or r.dep_ != "nummod":
        return None
    noun = r.head
    if noun.head != root or noun.pos_ != "NOUN" or noun.tag_ not in ("NNS", "NNPS"):
        return None
    np = [
        t
        for t in noun.subtree
        if t.i != r.i and t.dep_ != "det" and t.head.i != r.i and not (m.first.i <= t.i <= m.last.i)
    ]
    if any(t.dep_ in ("relcl", "acl", "prep", "conj") for t in np) or len(np) > 4:
        return None
    phrase = "How many " + tokens_text(np)
    if noun.dep_ in _SUBJ:
        toks = root_clause(sent)
        prefix = [t for t in toks if t.i < noun.left_edge.i]
        rest = [t for t in toks if t.i > noun.right_edge.i]
        if not _prefix_ok(prefix) or not rest:
            return None
        return _join(prefix, phrase, tokens_text(rest))
    if noun.dep_ == "dobj":
        return _invert(sent, {t.i for t in noun.subtree}, phrase)
    return None


# Past participles that are also the simple past: a passive with one of these turns active as it stands.
_SAME_PAST = frozenset(
    {
        "built",
        "sent",
        "held",
        "led",
        "made",
        "paid",
        "sold",
        "told",
        "won",
        "bought",
        "brought",
        "fought",
        "taught",
        "thought",
        "left",
        "lost",
        "kept",
        "met",
        "found",
        "set",
        "put",
        "cut",
        "spent",
        "read",
        "laid",
        "heard",
        "caught",
        "struck",
        "hung",
        "shot",
        "spread",
        "burnt",
        "burned",
        "dealt",
        "meant",
        "ruled",
        "seized",
        "sought",
        "bound",
        "fed",
        "lit",
    }
)


def wh_agent(sent: Sentence, m: Mention) -> str | None:
    """'Who closed the Steelyard?' from 'The Steelyard was closed by X.' when the mention is the agent."""
    r, root = m.root, sent.root
    agent = r.head
    if r.dep_ != "pobj" or agent.dep_ != "agent" or agent.head != root or root.tag_ != "VBN":
        return None
    verb = root.lower_
    if not (verb.endswith("ed") or verb in _SAME_PAST):
        return None
    word = wh_word(m)
    subj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if word is None or subj is None or subj.i > root.i:
        return None
    if r.right_edge.i > m.last.i:  # the agent phrase says more than the name: keep the question simple
        return None
    aux = {c.i for c in root.children if c.dep_ in ("aux", "auxpass", "neg")}
    if any(c.dep_ == "neg" for c in root.children) or len(aux) > 1:
        return None
    removed = {t.i for t in agent.subtree} | aux | {t.i for t in subj.subtree} | {root.i}
    toks = root_clause(sent)
    prefix = [t for t in toks if t.i < subj.left_edge.i]
    adverbs = [t for t in toks if subj.right_edge.i < t.i < root.i and t.i not in removed]
    rest = [t for t in toks if t.i > root.i and t.i not in removed]
    if not _prefix_ok(prefix):
        return None
    subject = _lower_first(list(subj.subtree))
    parts = [tokens_text(adverbs), verb, subject, tokens_text(rest)]
    return _join(prefix, word, " ".join(p for p in parts if p))


def gapped(sent: Sentence) -> bool:
    """ "The Brooklyn tower was finished in 1875 and the Manhattan tower in 1876": the second clause lost its
    verb, so no question can move one of its parts (it would read "... and the Manhattan tower?")."""
    root = sent.root
    return any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > root.i for c in root.children)


def wh_why(sent: Sentence, removed: set[int]) -> str | None:
    """'Why did X do Y?' from a sentence whose stated reason or purpose (the ``removed`` tokens) is cut out."""
    if gapped(sent):
        return None
    return _invert(sent, removed, "Why")


def wh_question(sent: Sentence, m: Mention) -> str | None:
    """The best wh-question whose answer is the mention, or None."""
    if gapped(sent):
        return None
    for fn in (wh_subject, wh_agent, wh_adjunct, wh_how_many):
        q = fn(sent, m)
        if q:
            return q
    return None
