"""A chronology told in the present ("1494 - Suleiman is born in Trabzon") is asked in the past.

Timelines and dated lines often use the historical present. Cut out of the chronology, a question in it ("Where is
Suleiman born?") reads as if asked of today, and a statement ("In 1439, the Byzantines agree ...") as a slip. A
question takes the past tense of its operator (does/do -> did, is/are -> was/were, has/have -> had); a statement
takes the past of each present verb it keeps, or stays as it is where one cannot be put in the past with
certainty.
"""

from __future__ import annotations

import re
from typing import Any

from lemminflect import getInflection, getLemma

from .analysis import Corpus, Sentence
from .clauses import CLAUSE_SUBJECTS
from .timeline import entry_date, has_year, label_of

_PRESENT = frozenset({"VBZ", "VBP"})
_PAST = {
    "does": "did",
    "do": "did",
    "is": "was",
    "are": "were",
    "has": "had",
    "have": "had",
    "can": "could",
    "will": "would",
}
# Modals of the present with one past that says the same ("In 1621 the navy must protect ..." -> "had to protect"):
# "may", "shall" and "should" have none that is certain, and "could", "would", "might" are already past
PRESENT_MODALS = {"must": "had to", "can": "could", "will": "would"}
_QUESTION = re.compile(
    r"^(?P<pre>(?:According to [^,]{1,80},\s*)?(?:[A-Z][^,?]{2,40},\s)?)"
    r"(?P<wh>(?:when|where|why|how|who|whom|what|which)(?:\s[a-z]+)?)\s(?P<op>does|do|is|are|has|have|can|will)\b",
    re.I,
)


def historical_present(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence tells a dated past event in the present: its main verb (or the auxiliary carrying
    its tense) is present, and a year dates it (a timeline label or entry, or a date phrase on the verb)."""
    if not told_in_present(sent):
        return False
    return _timeline_entry(corpus, sent) or _year_on_verb(sent.root)


def told_in_present(sent: Sentence) -> bool:
    """Whether the sentence's main verb (or the auxiliary carrying its tense) is present."""
    root = sent.root
    tensed = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return any(_present(t) or _present_modal(t) or _present_homograph(t) for t in tensed) and not any(
        (t.tag_ == "VBD" and not _present_homograph(t)) or (t.tag_ == "MD" and not _present_modal(t)) for t in tensed
    )


# Past forms that are also the base form of another verb: "found" of "find", and "found" a society
_PAST_HOMOGRAPHS = frozenset({"found", "wound", "ground"})


def _present_homograph(t: Any) -> bool:
    """ "Bonifacio and others found the Katipunan, a society that seeks ...": a word the parser read as the past
    of one verb ("find") that is the present of another ("found"), where its subject is plural (a past would need
    no plural to read so, a present of "find" would be "find") and another verb of its sentence is present."""
    if t.tag_ != "VBD" or t.lower_ not in _PAST_HOMOGRAPHS:
        return False
    subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
    plural = subject is not None and (
        subject.tag_ in ("NNS", "NNPS")
        or subject.lower_ in ("they", "we")
        or any(c.dep_ == "conj" for c in subject.children)
    )
    return plural and any(x.tag_ in _PRESENT and x.pos_ in ("VERB", "AUX") for x in t.sent if x.i != t.i)


def _present_modal(t: Any) -> bool:
    """ "must", "can", "will" before a verb of their own clause, not before "have" ("must have sunk" says what is
    thought now of the past)."""
    if t.tag_ != "MD" or t.lower_ not in PRESENT_MODALS:
        return False
    return not any(c.lower_ == "have" and c.dep_ == "aux" and c.i > t.i for c in t.head.children)


def _timeline_entry(corpus: Corpus, sent: Sentence) -> bool:
    return label_of(sent) is not None or entry_date(corpus, sent) is not None


CHRONOLOGY_LABELS = 3  # lines a document begins with a date, at least, to be read as a chronology


def undated_entry(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence is told in the present in a chronology (a document of date-labelled lines) but no
    date can be found for it ("Prices fall as nitrates compete" under a label the reader of the line cannot
    see): lifted out, it reads as a statement of today, and no date can be written in."""
    if not told_in_present(sent) or _timeline_entry(corpus, sent) or _year_on_verb(sent.root):
        return False
    cache = corpus.cache.setdefault("chronologies", {})
    if sent.doc not in cache:
        lines = sum(label_of(s) is not None for s in corpus.document_sentences(sent.doc))
        cache[sent.doc] = lines >= CHRONOLOGY_LABELS
    return bool(cache[sent.doc])


def _year_on_verb(root: Any) -> bool:
    """Whether a phrase on the verb itself gives a year ("In 1509 the duke defeats ..."), not a clause or a
    bracket inside it ("in the Western calendar, which Japan adopted in 1873"; "In The Milkmaid (about 1658)")."""
    for c in root.children:
        if c.dep_ not in ("prep", "npadvmod"):
            continue
        words = [t for t in c.subtree if not any(a.pos_ in ("VERB", "AUX") for a in _between(t, c))]
        text = re.sub(r"\([^()]*\)", "", "".join(t.text_with_ws for t in words))
        if has_year(text):
            return True
    return False


def _between(token: Any, top: Any) -> list[Any]:
    """The tokens from ``token`` up to ``top`` (both included) along the parse."""
    path = [token]
    while path[-1].i != top.i and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def past_question(prompt: str) -> str:
    """The question with its present operator put in the past ("In 1494, where is Suleiman born?" -> "In 1494,
    where was Suleiman born?"); anything but a wh-question is returned as it is."""
    if not prompt.rstrip().endswith("?"):
        return prompt
    m = _QUESTION.match(prompt)
    if m is None:
        return _past_subject_question(prompt)
    op = m.group("op")
    past = _PAST[op.lower()]
    return prompt[: m.start("op")] + (past.capitalize() if op[:1].isupper() else past) + prompt[m.end("op") :]


# "In 1099, who leads the march south?": the wh-word is the subject, so the verb itself carries the tense
_SUBJECT_QUESTION = re.compile(
    r"^(?P<pre>(?:According to [^,]{1,80},\s*)?(?:[A-Z][^,?]{2,40},\s(?:[a-z][^,?]{2,40},\s)?)?)"
    r"(?P<wh>who|(?:which|what)\s[a-z]+)\s(?P<verb>[a-z]+s)\b",
    re.I,
)


def _past_subject_question(prompt: str) -> str:
    """ "In 1595, who reaches the Marquesas?" -> "... who reached ...?": the present verb after a subject wh-word
    put in the past, where the word is a verb's present with one past form."""
    m = _SUBJECT_QUESTION.match(prompt)
    if m is None:
        return prompt
    word = m.group("verb").lower()
    lemma = next(iter(getLemma(word, upos="VERB")), "")
    if not lemma or word not in getInflection(lemma, tag="VBZ"):
        return prompt
    past = getInflection(lemma, tag="VBD")
    if len(past) != 1:
        return prompt  # "travelled" or "traveled": left as it is rather than guessed
    return prompt[: m.start("verb")] + past[0] + prompt[m.end("verb") :]


# Clauses that speak of now inside a dated sentence ("Edo, which is today Tokyo"): their present stays
_NOW = frozenset({"today", "now", "currently", "nowadays"})
_SUBJ = CLAUSE_SUBJECTS
# "1541 - Suleiman annexes Buda": a verb the parser took for a plural noun would stay in the present
_MISREAD_AS_NOUN = ("dep", "ROOT", "conj")
# "In 1439, ...", "On 15 August _____, ...", "By 1109, ...": the statement's own date leads it
_FRONTED_DATE = re.compile(r"^(?:In|On|By|Before|After|From|Until|Since|Around)\s[^,]{0,40}(?:\d|_____)[^,]*,\s")
# ... or without its comma: "On 3 May 1491 the king is baptised" (a year written into the sentence's own date)
_LEADING_DATE = re.compile(
    r"^(?:In|On|By)\s(?:\d{1,2}\s)?(?:[A-Z][a-z]+\s)?(?:\d{1,2},\s)?(?:\d{3,4}|_____)(?:\s(?:BCE?|CE|AD))?\s\w"
)
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "relcl", "ccomp", "advcl", "aux", "auxpass"})


def past_statement(corpus: Corpus, sent: Sentence, prompt: str) -> str:
    """The statement with the sentence's present verbs put in the past ("In 1513, Suleiman becomes governor of
    _____" -> "... became governor of _____"), where a date of its own or its timeline entry's dates it;
    unchanged if any verb it keeps has no certain past form."""
    if prompt.rstrip().endswith("?") or not (
        _FRONTED_DATE.match(prompt)
        or _LEADING_DATE.match(prompt)
        or _year_on_verb(sent.root)
        or _entry_dated(corpus, sent)
    ):
        return prompt  # the year it speaks of is not the statement's own
    return _verbs_in_past(corpus, sent, prompt)


def past_clauses(corpus: Corpus, sent: Sentence, question: str) -> str:
    """A question asked in the past with the present verbs it keeps from its sentence's other clauses put in the
    past too ("When were tolls abolished, as railways take a growing share?" -> "..., as railways took ...?"). The
    main clause's verbs stay: the question's operator carries their tense ("When did the Ottomans conquer ...?")."""
    if not question.rstrip().endswith("?"):
        return question
    return _verbs_in_past(corpus, sent, _coordinated_in_base_form(sent, question), only=_subordinate)


_DO_SUPPORT = re.compile(r"^[^?]*?\b(?:when|where|why|how|what|which|whom)(?:\s[a-z]+)?\s(?:did|does|do)\s", re.I)


def _coordinated_in_base_form(sent: Sentence, question: str) -> str:
    """ "When did Castilla abolish the tribute and decrees the end of slavery?": a main verb the parser took for a
    noun after "and" shares the operator with the first, so it takes the base form, not the past."""
    if not _DO_SUPPORT.match(question):
        return question
    for t in sent.tokens:
        if _coordinated_verb(t):
            lemma = next(iter(getLemma(t.lower_, upos="VERB")), "")
            question = re.sub(rf"(?<=\band ){re.escape(t.text)}\b", lemma, question, count=1) if lemma else question
    return question


_SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "ccomp", "acl", "csubj", "pcomp"})


def _subordinate(t: Any) -> bool:
    """Whether the verb stands in a clause under the sentence's main clause ("as railways take", "which lies")."""
    while t.dep_ != "ROOT" and t.head.i != t.i:
        if t.dep_ in _SUBORDINATE_DEPS:
            return True
        t = t.head
    return False


def _verbs_in_past(corpus: Corpus, sent: Sentence, prompt: str, only: Any = None) -> str:
    """``prompt`` with the present verbs it keeps from ``sent`` (those ``only`` allows, if given) put in the past:
    all of them, or none where one has no certain past form (or stands twice)."""
    misread = {t.i for t in sent.tokens if _misread_verb(t) and (only is None or only(t))}
    if any(not _object_follows(sent.span.doc[i]) for i in misread):
        return prompt  # "estimates of the cooling vary": a noun, or a verb the statement cannot be sure of
    misread |= {
        t.i
        for t in sent.tokens
        if (_coordinated_verb(t) or _verb_read_as_noun(t) or _relative_verb_read_as_noun(t) or _present_homograph(t))
        and (only is None or only(t))
    }
    pasts: dict[str, list[str | None]] = {}
    for t in sent.tokens:
        if _present_modal(t) and (only is None or only(t)):
            pasts.setdefault(t.text, []).append(PRESENT_MODALS[t.lower_])
            continue
        if t.i not in misread and (not _present(t) or t.pos_ not in ("VERB", "AUX") or (only and not only(t))):
            continue
        clause = t.head if t.dep_ in ("aux", "auxpass") else t
        if any(c.lower_ in _NOW for c in clause.children) or _subjunctive(t):
            continue
        pasts.setdefault(t.text, []).append(_past(corpus, t) if t.i in misread or _finite_clause_verb(t) else None)
    out = prompt
    for word, forms in pasts.items():
        found = list(re.finditer(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", out))
        if not found:
            continue  # cut from the prompt
        past = forms[0] if len(set(forms)) == 1 else None
        # "is defeated ... is taken prisoner": a word standing twice is put in the past where each time it is a
        # verb to put there ("prices fall; estimates of the fall vary": never the noun)
        if past is None or (len(found) > 1 and len(found) != len(forms)):
            return prompt  # all of its verbs in the past or none: a statement in two tenses reads worse
        for m in reversed(found):
            out = out[: m.start()] + past + out[m.end() :]
    return out


def _coordinated_verb(t: Any) -> bool:
    """A present verb after "and" that the parser took for a plural noun ("becomes one of the richest men and
    invests in ventures"): a bare word, a verb's -s form, whose sentence's main verb is present too."""
    if t.tag_ not in ("NNS", "NNPS") or t.i == 0 or t.nbor(-1).lower_ not in ("and", "but"):
        return False
    if any(c.dep_ in ("det", "amod", "nummod", "poss", "compound") for c in t.children):
        return False  # "and the ships": a noun
    if t.head.dep_ == "conj" or sum(c.dep_ == "conj" for c in t.head.children) > 1 or "," in t.doc[t.head.i : t.i].text:
        return False  # "schools, a hospital, a soup kitchen and baths around it": the last of a list of nouns
    lemma = next(iter(getLemma(t.lower_, upos="VERB")), "")
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return (
        bool(lemma)
        and t.lower_ in getInflection(lemma, tag="VBZ")
        and t.sent.root.tag_ == "VBZ"
        and nxt is not None
        and nxt.tag_ in ("IN", "DT", "PRP$", "PRP", "NNP")
    )


# Verbs whose object is the subject of a bare infinitive ("help them escape", "let the ships pass", "saw it fall"):
# the infinitive has no tense of its own, and "helped them escaped" is no English.
_BARE_INFINITIVE_HEADS = frozenset({"help", "let", "make", "have", "see", "hear", "watch", "feel", "bid"})


def _present(t: Any) -> bool:
    """A present verb, or a base form with a subject and no auxiliary ("The merchants ... declare"), which the
    parser tags VB where the subject is far from it, or one conjoined to a present verb."""
    if t.tag_ in _PRESENT:
        return True
    if t.tag_ != "VB" or any(c.dep_ in ("aux", "auxpass") for c in t.children):
        return False
    if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in _BARE_INFINITIVE_HEADS:
        return False
    # "... occupy Orvel and seize the hall": a base form sharing a present verb's subject is present too
    return any(c.dep_ in _SUBJ for c in t.children) or (t.dep_ == "conj" and t.head.i != t.i and _present(t.head))


def _misread_verb(t: Any) -> bool:
    """A present verb the parser took for a plural noun ("Suleiman annexes Buda", "... with four warships and
    demands that Japan open its ports"): left in the present, it would stand beside verbs put in the past."""
    if t.tag_ not in ("NNS", "NNPS"):
        return False
    if t.i > 0 and t.nbor(-1).tag_ in ("POS", "PRP$"):
        return False  # "Captain Cook's ships Resolution and Discovery": a noun an owner stands before
    if t.dep_ in _MISREAD_AS_NOUN and (t.dep_ != "conj" or t.head.pos_ == "VERB"):
        return True
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and (nxt.lower_ == "that" or nxt.tag_ in ("DT", "PRP$", "NNP"))


# Verbs after which a "that" clause takes the base form ("demands that Japan open its ports"): it has no tense
_MANDATIVE = frozenset({"demand", "insist", "ask", "require", "order", "propose", "suggest", "recommend", "urge"})


def _subjunctive(t: Any) -> bool:
    """A base form in a "that" clause of a verb of demanding: "demanded that Japan opened" would say it did."""
    if t.tag_ != "VB":
        return False
    mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or mark.i == 0:
        return False
    before = t.doc[mark.i - 1].lower_  # the parser may hang the clause on a noun: the word before "that" tells
    return next(iter(getLemma(before, upos="VERB")), before) in _MANDATIVE


def _object_follows(t: Any) -> bool:
    """A word the parser took for a plural noun that an object follows ("annexes Buda", "demands that", "names it
    Easter Island"): a present verb, put in the past with the others."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and (nxt.lower_ == "that" or nxt.tag_ in ("DT", "PRP$", "NNP", "PRP"))


def _finite_clause_verb(t: Any) -> bool:
    """A verb heading a clause with its subject, one sharing another verb's, or an auxiliary of one (not a noun
    the parser tagged as a verb: "the papal legate")."""
    if t.dep_ in ("aux", "auxpass", "conj"):
        return bool(t.head.pos_ in ("VERB", "AUX"))
    return t.dep_ in _CLAUSE_DEPS and any(c.dep_ in _SUBJ for c in t.children)


def _past(corpus: Corpus, verb: Any) -> str | None:
    """The past form of a present verb: was/were/had/did for the auxiliaries, else the form the article itself
    writes where it gives a choice ("travelled", "traveled")."""
    lemma = verb.lemma_.lower()
    if _present_homograph(verb):
        lemma = verb.lower_  # "found" read as "find": the verb whose present it is
    if verb.tag_ in ("NN", "NNS", "NNPS"):  # a verb misread as a noun ("annexes"): its lemma as a verb, not "annexe"
        lemma = next(iter(getLemma(verb.lower_, upos="VERB")), lemma)
    if lemma == "be":
        return {"is": "was", "are": "were", "am": "was"}.get(verb.lower_)
    if lemma in ("have", "do"):
        return "had" if lemma == "have" else "did"
    forms = getInflection(lemma, tag="VBD")
    if not forms:
        return None
    if len(forms) == 1:
        return str(forms[0])
    # "travelled" or "traveled": the article's own spelling, or no change where it shows none
    words = corpus.cache.get("lower_words", ())
    return next((str(f) for f in forms if f in words), None)


def _verb_read_as_noun(t: Any) -> bool:
    """A present verb joined to the main one that the parser took for a noun, its subject for a modifier ("...
    kill workers, and many labourers flee": "labourers flee" read as one noun): the word is a verb's present
    form, and nothing a noun takes (an article, a possessor, a number) stands before it."""
    if t.dep_ != "conj" or t.tag_ not in ("NN", "NNS") or not _present(t.head):
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in t.children):
        return False
    if not any(c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS") and c.i == t.i - 1 for c in t.children):
        return False  # the subject it lost: a plural noun just before it
    lemma = next(iter(getLemma(t.lower_, upos="VERB")), "")
    return bool(lemma) and t.lower_ in getInflection(lemma, tag="VBP")


def _relative_verb_read_as_noun(t: Any) -> bool:
    """A relative clause's present verb the parser took for a noun, its subject for a number ("the islands, where
    several hundred die of hunger": "die" heads the clause, so it is a verb): the word is a verb's present form, a
    relative word opens its clause, and no article or possessor stands before it."""
    if t.dep_ != "relcl" or t.tag_ not in ("NN", "NNS"):
        return False
    if any(c.dep_ in ("det", "poss") for c in t.children):
        return False
    if not any(c.tag_ in ("WRB", "WDT", "WP") and c.i < t.i for c in t.children):
        return False
    lemma = next(iter(getLemma(t.lower_, upos="VERB")), "")
    return bool(lemma) and t.lower_ in (*getInflection(lemma, tag="VBP"), *getInflection(lemma, tag="VBZ"))


def _entry_dated(corpus: Corpus, sent: Sentence) -> bool:
    """Whether a timeline entry dates the statement though no date leads it ("The traveller X, in Agra in 1632,
    records ...": the year is said of the traveller, the entry's date of what he did)."""
    return _timeline_entry(corpus, sent)


def left_in_present(sent: Sentence, prompt: str, entry: bool = False) -> bool:
    """Whether a statement lifted from a sentence told in the historical present still keeps one of its main
    clause's present verbs ("In 1902 the line is opened and the company later became ..."; "two lions killed
    workers, and many labourers flee"): past_statement puts all or none in the past, and a dated statement in the
    present, or in two tenses, reads as a slip."""
    if prompt.rstrip().endswith("?"):
        return False  # a question's operator carries the tense ("When did the Ottomans conquer ...?")
    root = sent.root
    # the entry's date is the statement's unless a year on its own verb dates it otherwise: "One stone even refers
    # to a flood in 1120" may be a fact of now, as may a statement no date leads ("The cemetery holds ...")
    dated_by_entry = (entry or label_of(sent) is not None) and not _year_on_verb(root)
    if not (dated_by_entry or _FRONTED_DATE.match(prompt) or _LEADING_DATE.match(prompt)):
        return False
    main = [root, *(c for c in root.children if c.dep_ in ("aux", "auxpass", "conj"))]
    for t in main:
        present = t.pos_ in ("VERB", "AUX") and (_present(t) or _present_modal(t)) and not _subjunctive(t)
        if not present and not _verb_read_as_noun(t):
            continue
        clause = t.head if t.dep_ in ("aux", "auxpass") else t
        if any(c.lower_ in _NOW for c in clause.children):
            continue  # "which is today Tokyo": a present that speaks of now
        if re.search(rf"(?<![\w'-]){re.escape(t.text)}(?![\w'-])", prompt):
            return True
    return False
