"""Sentences whose form says they are no statement of the article: never a question's source.

A textbook section carries apparatus around its prose: learning objectives ("By the end of this section you will
be able to ..."), review questions and tasks ("Using the table, name two goods ..."), photo captions without a
verb ("Rivera's History of Mexico on the staircase of the palace, painted in 1929"). A question cut from one tests
a sentence the article never asserts. These are told by their form, the same in every format: the reader
addressed as "you", an instruction, a caption's missing finite verb, a section headed as exercises or
objectives, and the list a sentence to the reader opens.
"""

from __future__ import annotations

import re

from .analysis import Corpus, Sentence
from .clauses import CLAUSE_SUBJECTS, FINITE_TAGS
from .lexicon import SCHOLARS
from .peripheral import named_once

# A heading over apparatus, not over the article's matter
_APPARATUS_HEADING = re.compile(
    r"\b(?:review|questions?|exercises?|activit(?:y|ies)|tasks?|objectives?|learning outcomes?|discussion|discuss|"
    r"check your understanding|think about it|over to you|your turn)\b",
    re.I,
)
# A heading that promises the answers too ("Questions and answers", "Q&A", "FAQ") heads an explainer whose
# sentences are the answers: statements of the subject, not tasks set for the reader
_ANSWERS_HEADING = re.compile(r"\b(?:answers?|Q\s*&\s*A|FAQs?)\b", re.I)
_SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_QUOTES = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_FINITE = FINITE_TAGS
_SUBJ = CLAUSE_SUBJECTS
# Words of a short line before the title that is page furniture, not the article ("Art & Culture · Feature")
FURNITURE_WORDS = 6


def not_a_statement(corpus: Corpus, sent: Sentence) -> str | None:
    """Why the sentence is apparatus rather than a statement of the article, or None."""
    if _addresses_reader(sent):
        return "the sentence addresses the reader"
    if _instruction(sent):
        return "the sentence is an instruction"
    if _caption(sent):
        return "the sentence is a caption (a name and a participle, no finite verb)"
    if _credited(corpus, sent):
        return "the sentence is a caption (its paragraph ends in a picture's credit)"
    if _framing(sent) or _debate_announced(sent):
        return "the sentence frames a debate and states none of it"
    if _teaser(sent):
        return "the sentence is a teaser (participles with no subject and no finite verb)"
    if _writer_announced(corpus, sent):
        return "the sentence is a standfirst (the writer explains how or why)"
    heading = _heading_over(corpus, sent)
    if (
        heading is not None
        and _APPARATUS_HEADING.search(heading.text)
        and not _ANSWERS_HEADING.search(heading.text)
        and not _titles_its_subject(corpus, heading)
    ):
        return f"the sentence stands under '{heading.text}'"
    if _in_reader_list(corpus, sent):
        return "the sentence is an item of a list set for the reader"
    if _headline_question(sent):
        return 'the sentence is a headline\'s question ("How X did Y."), not a statement'
    return None


def page_furniture(corpus: Corpus, sent: Sentence) -> bool:
    """A short line without a verb before the document's first heading (a kicker such as "Art & Culture ·
    Feature", a section label): the page's, not the article's, so none of its words is an option."""
    if sent.id >= _first_heading(corpus, sent.doc) or len(sent.text.split()) > FURNITURE_WORDS:
        return False
    return not _finite(sent)


def _first_heading(corpus: Corpus, doc: int) -> int:
    """The id of the document's first heading, or -1."""
    first: dict[int, int] | None = corpus.cache.get("first_heading")
    if first is None:  # each document's first heading, found once
        first = {}
        for s in corpus.sentences:
            if s.heading:
                first.setdefault(s.doc, s.id)
        corpus.cache["first_heading"] = first
    return first.get(doc, -1)


# Words a heading of apparatus alone is made of ("Chapter 5 review questions"); a title with more words than these
# names its subject ("The Dead Sea Scrolls Explained: Seven Questions") and heads the article's matter.
_APPARATUS_LABEL = re.compile(r"\b(?:chapter|unit|section|part|lesson|and|for|the|of|\d+\w*)\b", re.I)
SUBJECT_WORDS = 3


def _titles_its_subject(corpus: Corpus, heading: Sentence) -> bool:
    """The heading is the document's title and names a subject besides the apparatus words."""
    if heading.id != _first_heading(corpus, heading.doc):
        return False
    rest = _APPARATUS_LABEL.sub(" ", _APPARATUS_HEADING.sub(" ", heading.text))
    return len(re.findall(r"[^\W\d_]+", rest)) >= SUBJECT_WORDS


def _addresses_reader(sent: Sentence) -> bool:
    """ "you" outside a quotation: the text speaks to its reader, not of its subject."""
    outside = _QUOTES.sub(" ", sent.text)
    return any(w.lower() in _SECOND_PERSON for w in re.findall(r"[A-Za-z]+", outside))


def _instruction(sent: Sentence) -> bool:
    """A main verb in the base form with no subject and no auxiliary ("Using the table, name two goods ...",
    "Compare the two maps"): an instruction to the reader."""
    root = sent.root
    return (
        root.tag_ == "VB"
        and not any(c.dep_ in _SUBJ or c.dep_ in ("aux", "auxpass") for c in root.children)
        and not sent.text.rstrip().endswith("?")
        and _first_clause_word(sent) == root.i
    )


def _first_clause_word(sent: Sentence) -> int:
    """The index of the sentence's first word after any opening participle phrase and comma ("Using the table,
    name")."""
    tokens = sent.tokens
    comma = next((t for t in tokens if t.text == ","), None)
    if tokens and tokens[0].tag_ == "VBG" and comma is not None and comma.i + 1 < sent.span.end:
        return int(comma.i + 1)
    return int(sent.span.start)


# "Historians still debate the Mau's character", "Scholars disagree about this story": that a debate exists is
# true of almost any subject, and tests nothing
_DEBATE_VERBS = frozenset({"debate", "disagree", "dispute", "discuss", "differ"})
_SCHOLARS = SCHOLARS | {"specialist", "expert", "critic"}


def _framing(sent: Sentence) -> bool:
    """The main verb says scholars debate, and no clause says what any of them holds."""
    root = sent.root
    if root.lemma_ not in _DEBATE_VERBS or any(c.dep_ in ("ccomp", "advcl") for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in _SCHOLARS and subject.tag_ == "NNS"


# "The biggest argument among historians concerns Hubert", "Hubert's role has been debated": a debate announced,
# its argument never stated; a debate of the story itself ("The dispute concerned the border") is a fact.
_DEBATE_NOUNS = frozenset({"argument", "debate", "controversy", "dispute", "disagreement", "question", "mystery"})
_SCHOLARLY = _SCHOLARS | {"scholarly", "academic", "historical", "scholarship"}
_STATING = frozenset({"ccomp", "advcl", "xcomp", "acl", "relcl"})


def _debate_announced(sent: Sentence) -> bool:
    """The main clause announces that scholars argue about something, and no clause says what they hold: a debate
    noun tied to scholars as the subject ("The main debate among historians concerns X"), or a debate verb in the
    present perfect passive ("X's role has been debated"); "The crown is then disputed between A and B" (a
    timeline's present) tells a dispute of the story."""
    root = sent.root
    if any(c.dep_ in _STATING for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.dep_ == "nsubj" and subject.lemma_.lower() in _DEBATE_NOUNS:
        return any(t.lemma_.lower() in _SCHOLARLY for t in subject.subtree)
    if subject.dep_ != "nsubjpass" or root.lemma_.lower() not in _DEBATE_VERBS:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in root.children)
    return perfect and not any(c.dep_ == "prep" and c.lower_ in ("between", "over") for c in root.children)


def _teaser(sent: Sentence) -> bool:
    """A magazine standfirst or teaser: participles with no subject ("Stolen, sold, split up and hidden in a salt
    mine: the afterlife of a painting"). What it lists happened to something it names as no actor, so a question
    cut from it has no subject either. Told by an opening participle with no subject and no finite verb, or by
    a list of participles with no auxiliary and no common-noun subject before a colon and a verbless phrase (the
    parser often reads the list's capitalised first word as a name and one participle as a past verb)."""
    root = sent.root
    first = next((t for t in sent.tokens if not t.is_punct), None)
    if root.tag_ in ("VBN", "VBG") and not _finite(sent) and first is not None and first.i == root.i:
        return not any(c.dep_ in _SUBJ for c in root.children)
    colon = next((t for t in sent.tokens if t.text == ":"), None)
    if colon is None:
        return False
    before = [t for t in sent.tokens if t.i < colon.i]
    after = [t for t in sent.tokens if t.i > colon.i and not t.is_punct]
    return (
        bool(after)
        and not any(t.tag_.startswith("VB") for t in after)
        and sum(1 for t in before if t.tag_ == "VBN") >= 2
        and not any(t.dep_ in ("aux", "auxpass") for t in before)
        and not any(t.dep_ in _SUBJ and t.tag_ in ("NN", "NNS", "PRP") for t in before)
    )


# Verbs with which a standfirst says what its writer will tell ("Eleanor Hastings explains how ...").
_TELLING = frozenset(
    {"explain", "describe", "tell", "trace", "examine", "explore", "recount", "reveal", "ask", "investigate"}
)


def _writer_announced(corpus: Corpus, sent: Sentence) -> bool:
    """ "Eleanor Hastings explains how the Great Exhibition was made - and why its profits still shape London
    today": a magazine's standfirst, its writer (a person the document names only here) telling in the present
    how or why something came to be. It announces the article; a question from it asks what the writer will
    tell, and a blank on its subject tests the title."""
    root = sent.root
    if root.lemma_.lower() not in _TELLING or root.tag_ != "VBZ":
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    writer = next((m for m in sent.mentions if subject is not None and m.first.i <= subject.i <= m.last.i), None)
    if writer is None or writer.kind != "person" or not named_once(corpus, sent, writer):
        return False
    return any(
        c.dep_ == "ccomp" and (c.left_edge.tag_ in ("WRB", "WP") or c.left_edge.lower_ == "whether")
        for c in root.children
    )


def _headline_question(sent: Sentence) -> bool:
    """ "How New York State dug a canal, and what happened to it.": a deck or standfirst that announces what the
    article will tell, an indirect question standing as the sentence, its main verb under the opening wh-word."""
    first = sent.tokens[0] if sent.tokens else None
    if first is None or first.tag_ not in ("WRB", "WP", "WDT") or sent.text.rstrip().endswith("?"):
        return False
    return first.head == sent.root and first.dep_ in ("advmod", "nsubj", "dobj", "mark", "det")


def _caption(sent: Sentence) -> bool:
    """A caption's shape: no finite verb, and the main verb a participle set off by a comma with no object
    ("Rivera's History of Mexico on the staircase of the palace, painted between 1929 and 1935"). A past verb the
    parser tagged a participle ("In 1377 the port required travellers ...") has no comma before it, has an
    object, or closes an apposition with its comma ("forces under Ponce de León, Marquis of Cádiz, retaliated")."""
    root = sent.root
    return (
        root.tag_ == "VBN"
        and not _finite(sent)
        and root.i > sent.span.start
        and root.nbor(-1).text == ","
        and sum(1 for t in sent.tokens if t.i < root.i and t.text == ",") == 1
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in root.children)
    )


# A picture's credit line: "Photo: archive.", "Image courtesy of the museum", "(Photograph: J. Riis)"
_CREDIT = re.compile(
    r"(?:^|[(\[]\s*)(?:photo(?:graph)?|image|picture|illustration|engraving|map|credit)s?\b\s*(?::|courtesy\b|by\b)",
    re.I,
)
CREDIT_WORDS = 8


def _credited(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence's paragraph holds a picture's credit ("... Greene Street. Photo: archive."): a
    caption, which tells what a picture shows, not what the article asserts."""
    credited: set[tuple[int, int]] | None = corpus.cache.get("credited_paragraphs")
    if credited is None:  # one pass over the corpus
        credited = {
            (s.doc, s.para)
            for s in corpus.sentences
            if (len(s.text.split()) <= CREDIT_WORDS and _CREDIT.search(s.text))
            or re.search(r"[(\[]\s*(?:photo(?:graph)?|image|credit)s?\s*:[^)\]]*[)\]]\s*\.?$", s.text, re.I)
        }
        corpus.cache["credited_paragraphs"] = credited
    return (sent.doc, sent.para) in credited


def _finite(sent: Sentence) -> bool:
    """Whether any verb of the sentence is finite, or a base form with its own subject (a timeline's present
    the parser tagged VB). A participle with a subject is a caption's shape ("Rivera's mural, painted in 1929")."""
    return any(t.tag_ in _FINITE or (t.tag_ == "VB" and any(c.dep_ in _SUBJ for c in t.children)) for t in sent.tokens)


def _heading_over(corpus: Corpus, sent: Sentence) -> Sentence | None:
    """The nearest heading above the sentence in its document, or None."""
    over: dict[int, int] | None = corpus.cache.get("heading_over")
    if over is None:  # one pass: a long document's every sentence asks
        over, last, doc = {}, -1, -1
        for s in corpus.sentences:
            if s.doc != doc:
                last, doc = -1, s.doc
            over[s.id] = last
            if s.heading:
                last = s.id
        corpus.cache["heading_over"] = over
    found = over.get(sent.id, -1)
    return corpus.sentences[found] if found >= 0 else None


def _in_reader_list(corpus: Corpus, sent: Sentence) -> bool:
    """Whether the sentence is one of the one-line paragraphs that follow, up to a heading, a sentence to the
    reader ending in a colon ("In this section you will learn:" then "how coffee travelled ...")."""
    for s in reversed(corpus.sentences[: sent.id]):
        if s.doc != sent.doc or s.heading:
            return False
        if s.para == sent.para:
            return False  # an item is a paragraph of its own
        if s.text.rstrip().endswith(":"):
            return _addresses_reader(s)
        if s.text.rstrip().endswith((".", "!")) or s.text[:1].isupper():
            return False
    return False
