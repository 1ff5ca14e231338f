"""Parse cleaned documents into sentences and entity mentions with original offsets."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from .dates import ERA_WORDS, DateValue, parse_date, parse_number
from .lexicon import EVENT_WORDS, LAW_WORDS, PEERAGES, TITLES
from .normalise import Normalised, normalise
from .textutil import zipf
from .types import CleanDocument

T = TypeVar("T")
BATCH_SIZE = 64
_STRAY_PUNCT = frozenset({"(", ")", "[", "]", ",", ";", ":", '"', "“", "”"})
_FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLASS_WORDS = EVENT_WORDS | LAW_WORDS
_DATE_HEDGES = frozenset({"about", "around", "circa", "c.", "ca.", "approximately", "roughly", "some"})
_YEAR = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")
_YEAR_PREPS = frozenset({"by", "in", "until", "till", "before", "after", "since", "from", "around", "circa"})
PROCESSES_ENV = "QUIZAPP_SPACY_PROCESSES"
# Below this many characters extra processes cost more to start than they save.
MIN_CHARS_FOR_PROCESSES = 200_000


def processes_for(chars: int) -> int:
    """Parser processes to use: $QUIZAPP_SPACY_PROCESSES (default 1) for long inputs, else 1."""
    try:
        wanted = int(os.environ.get(PROCESSES_ENV, "1"))
    except ValueError:
        wanted = 1
    return max(1, wanted) if chars >= MIN_CHARS_FOR_PROCESSES else 1


@dataclass(eq=False)
class Mention:
    """An entity mention; offsets are into the cleaned text of its document."""

    sent: Sentence
    start: int
    end: int
    text: str
    label: str
    root: Any  # the spaCy token heading the entity
    first: Any  # its first token
    last: Any  # its last token
    norm: str
    kind: str = "other"
    sub: str = ""
    kind_confidence: float = 0.0
    repaired: bool = False
    fine: str = ""  # the fine kind the article gives it ("person:engineer", "place:island"), or ""
    date: DateValue | None = None
    number: float | None = None
    day_month: bool = False
    gloss: bool = False  # stands in brackets after a phrase: an original-language name or alias
    fragment: bool = False  # a capitalised name word just before or after: the model cut a longer name
    solid: bool = True  # for one-word names: seen often enough, or as a surname, to trust its kind


@dataclass(eq=False)
class Sentence:
    """A sentence of a cleaned document, with its spaCy span (on the normalised text)."""

    id: int
    doc: int
    para: int
    start: int
    end: int
    text: str
    span: Any
    norm: Normalised
    block_start: int
    heading: bool = False
    cut: bool = False  # the parser ended it mid-sentence: "added to the UNESCO" | "World Heritage List."
    mentions: list[Mention] = field(default_factory=list)
    chunks: list[Any] = field(default_factory=list)  # noun chunks (computed once per paragraph)
    cache: dict[str, Any] = field(default_factory=dict)  # per-sentence results reused by several makers

    # spaCy makes a new Token object at each index and finds a span's root by a scan, each time it is asked:
    # the question makers ask for both of the same sentence thousands of times, so they are kept.
    @cached_property
    def tokens(self) -> list[Any]:
        return list(self.span)

    @cached_property
    def root(self) -> Any:
        return self.span.root

    @cached_property
    def span_text(self) -> str:
        """``span.text`` (the normalised text the parser read), sliced from the paragraph's kept text."""
        return doc_text(self.span.doc)[self.span.start_char : self.span.end_char]

    def char_span(self, token_start: Any, token_end: Any) -> tuple[int, int]:
        """Original offsets of the tokens token_start..token_end (inclusive)."""
        s, e = self.norm.span_to_original(token_start.idx, token_end.idx + len(token_end.text))
        return self.block_start + s, self.block_start + e

    @property
    def table_row(self) -> bool:
        """A row of a table (ingest joins its cells with " | "): cells, not a sentence; a header row's cells read
        as a clause ("section | Year begun | Route") and must never become a statement, a stem or an option."""
        return " | " in self.text

    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Corpus:
    """All documents of one request, parsed."""

    documents: list[CleanDocument]
    sentences: list[Sentence]
    paragraphs: dict[int, tuple[int, int]]  # para id -> (doc index, block index)
    cache: dict[str, Any] = field(default_factory=dict)  # corpus-wide lookups built once, on first use

    def mentions(self) -> list[Mention]:
        return [m for s in self.sentences for m in s.mentions]

    def kept(self, table: str, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, worked out once per ``key`` and kept in the corpus's ``table``: for a lookup that reads a whole
        document again (a pattern over its text, a pass over its sentences), asked again for every key."""
        found: dict[Hashable, T] = self.cache.setdefault(table, {})
        if key not in found:
            found[key] = make()
        return found[key]

    def document_sentences(self, doc: int) -> list[Sentence]:
        """The sentences of one document, in order: indexed once, as lookups made for every key of a document
        would otherwise go through every sentence of the corpus for each."""
        by_doc: dict[int, list[Sentence]] | None = self.cache.get("document_sentences")
        if by_doc is None:
            by_doc = {}
            for s in self.sentences:
                by_doc.setdefault(s.doc, []).append(s)
            self.cache["document_sentences"] = by_doc
        return by_doc.get(doc, [])


_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@lru_cache(maxsize=65536)  # asked of every mention and again of every option and answer: the same names recur
def norm_key(text: str) -> str:
    """The form under which mentions of one name are counted together."""
    t = " ".join(text.split()).strip(" ,.;:\"'()")
    t = _LEADING_ARTICLE.sub("", t)
    t = _TRAILING_POSSESSIVE.sub("", t)
    return t.lower()


def doc_text(doc: Any) -> str:
    """A spaCy Doc's text, kept on the doc: ``Doc.text`` joins the text of every token (each a new Token object)
    each time it is asked, and checks of a mention or a sentence ask it for a slice of their paragraph."""
    text: str | None = doc.user_data.get(_DOC_TEXT)
    if text is None:
        text = doc.user_data[_DOC_TEXT] = doc.text
    return text


_DOC_TEXT = "quizapp.text"


def text_blocks(doc: CleanDocument) -> list[tuple[int, int, bool]]:
    if doc.blocks:
        return [(b.start, b.end, b.kind == "heading") for b in doc.blocks]
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", doc.text):
        out.append((m.start(), m.end(), False))
    return out


_ENDS = ".!?:;\"'\u201d\u2019)]\u2026"


def _mark_cut(sentences: list[Sentence]) -> None:
    """Mark a sentence the parser ended without a stop though its paragraph runs on, on the same line, into the
    next: a name cut in two ("the UNESCO" | "World Heritage List."), whose first half states a truncated fact."""
    for a, b in itertools.pairwise(sentences):
        if a.doc != b.doc or a.para != b.para or a.heading:
            continue
        if "\n" in doc_text(a.span.doc)[a.span.end_char - 1 : b.span.start_char]:
            continue
        if not a.text.rstrip().endswith(tuple(_ENDS)):
            a.cut = True
        elif _bracket_cut(a.text):
            a.cut = b.cut = True


# A bracket the parser ended a sentence on: the words before it and after it are one sentence.
_BRACKET_CUT_WORDS = 5


def _bracket_cut(text: str) -> bool:
    """ "Under Sultan Mansur Shah (reigned 1459-1477) and the chief minister (bendahara)" | "Tun Perak, Melaka
    expanded": a sentence ended on a closing bracket with no stop inside it was cut off its second half, which then
    reads as if it had no opening ("_____, Melaka expanded", with the sultan lost). A timeline's short label
    ("1866 (July)") is no such cut."""
    t = text.rstrip()
    return t[-1:] in ")]" and t[-2:-1] not in ".!?" and len(t.split()) >= _BRACKET_CUT_WORDS


def parse_corpus(documents: list[CleanDocument], nlp: Any, progress: Callable[[float], None] | None = None) -> Corpus:
    """Run the pipeline over every block (paragraph) of every document."""
    jobs: list[tuple[str, tuple[int, int, int, bool, Normalised]]] = []
    paragraphs: dict[int, tuple[int, int]] = {}
    for d, doc in enumerate(documents):
        for b, (start, end, heading) in enumerate(text_blocks(doc)):
            text = doc.text[start:end]
            if not text.strip():
                continue
            para = len(paragraphs)
            paragraphs[para] = (d, b)
            n = normalise(text)
            jobs.append((n.text, (d, para, start, heading, n)))
    sentences: list[Sentence] = []
    total = max(len(jobs), 1)
    n_process = processes_for(sum(len(j[0]) for j in jobs))
    parsed = nlp.pipe(jobs, as_tuples=True, batch_size=BATCH_SIZE, n_process=n_process)
    for done, (sdoc, (d, para, start, heading, n)) in enumerate(parsed):
        text = documents[d].text
        chunks = list(sdoc.noun_chunks)
        # A span's .ents rebuilds the whole paragraph's entities each time: once per paragraph is enough.
        ents = list(sdoc.ents)
        for span in sdoc.sents:
            if not doc_text(sdoc)[span.start_char : span.end_char].strip():
                continue
            s0, s1 = n.span_to_original(span.start_char, span.end_char)
            sent = Sentence(
                len(sentences), d, para, start + s0, start + s1, text[start + s0 : start + s1], span, n, start, heading
            )
            sent.chunks = [c for c in chunks if span.start <= c.start and c.end <= span.end]
            _add_mentions(sent, text, [e for e in ents if span.start <= e.start and e.end <= span.end])
            _join_eras(sent, text)
            sentences.append(sent)
        if progress is not None and done % 16 == 0:
            progress(done / total)
    _three_digit_years(sentences)
    _mark_cut(sentences)
    corpus = Corpus(documents, sentences, paragraphs)
    corpus.cache["lower_words"] = _mark_common_first_words(sentences)
    return corpus


def _mark_common_first_words(sentences: list[Sentence]) -> set[str]:
    """ "Cholera reached London": a sentence's first word that the model took for a name but that the text also
    writes in lower case is a common word; a question that moves it from the front lowers it. Returns the words
    the text writes in lower case."""
    lower = {t.text for s in sentences for t in s.tokens if t.is_lower and t.is_alpha}
    for s in sentences:
        first = s.span[0]
        if first.pos_ == "PROPN" and first.text.lower() in lower:
            s.cache["common_first_word"] = True
    return lower


def _add_mentions(sent: Sentence, text: str, ents: list[Any]) -> None:
    for ent in ents:
        first, last = ent[0], ent[-1]
        # Leading articles and trailing possessives are not part of the name.
        while first.i < last.i and first.lower_ in ("the", "a", "an"):
            first = first.nbor(1)
        if ent.label_ == "PERSON" and not (first.lower_ in PEERAGES and last.i == first.i + 1):
            # "Historian Clara Benn", "Chancellor Hallam": the title is not part of the name.
            while first.i < last.i and first.lower_.rstrip(".") in TITLES:
                first = first.nbor(1)
        if (
            ent.label_ == "PERSON"
            and first.i == last.i
            and first.i > sent.span.start
            and (first.nbor(-1).lower_ in PEERAGES)
        ):
            first = first.nbor(-1)  # a peer is named by the title ("Lord Glasgow"): the bare word reads as the place
        if ent.label_ not in _VALUE_LABELS:
            # "451/450 [BCE Pericles]", "[Compare John Iliffe]": an era word belongs to the date before the name, and
            # a reference's "Compare", "See", "Cf." is the apparatus of a note, not a word of the name
            while first.i < last.i and (first.lower_ in ERA_WORDS or first.lower_ in APPARATUS_WORDS):
                first = first.nbor(1)
        if ent.label_ in ("CARDINAL", "QUANTITY"):
            # "about 140", "only 15": the count is the number itself.
            while first.i < last.i and not first.like_num:
                first = first.nbor(1)
        if last.tag_ == "POS" and last.i > first.i:
            last = last.nbor(-1)
        if ent.label_ == "DATE":
            # "around 1440", "c. 1455": the date is the year; the hedge stays in the sentence around it
            while first.i < last.i and first.lower_ in _DATE_HEDGES:
                first = first.nbor(1)
        # "[Black Death reached England] in June": the small model sometimes runs a name on through a verb; a name
        # holds no finite verb, so it ends before one (and before a preposition left dangling: "Black Death in")
        verb = next((t for t in sent.span.doc[first.i + 1 : last.i + 1] if t.tag_ in _FINITE_VERB_TAGS), None)
        if verb is not None:
            last = verb.nbor(-1)
        # "During the [Civil War Douglass] met Lincoln": the name ran on past its class word into the subject of the
        # next verb (the parser leaves that verb without a subject, or finds it in the name's last word); the name
        # ends at the class word. Only one word after it is cut, and never after a first word: "the Great War
        # Memorial Trust opened" and "the War Office Committee met" are names of their own.
        after = last.nbor(1) if last.i + 1 < sent.span.end else None
        if (
            after is not None
            and after.tag_ in _FINITE_VERB_TAGS
            and last.i - 1 > first.i
            and last.nbor(-1).text in _CLASS_WORDS
            and last.pos_ == "PROPN"
            and all(c.i == last.i for c in after.children if c.dep_ in ("nsubj", "nsubjpass", "expl"))
        ):
            last = last.nbor(-1)
        # "the Kulm Charter (": the model sometimes takes a bracket or comma into the name (a full stop may end an
        # abbreviation that belongs to it: "No.", "Co.")
        while last.i > first.i and (last.text in _STRAY_PUNCT or last.pos_ in ("ADP", "CCONJ", "DET")):
            last = last.nbor(-1)
        while first.i < last.i and first.text in _STRAY_PUNCT:
            first = first.nbor(1)
        start, end = sent.char_span(first, last)
        surface = text[start:end]
        if crosses_a_sentence_end(surface):
            continue  # "James I and [Charles I. He] died": the sentence was not split after the name
        # Part of a hyphenated word ("Don" in "Rostov-on-Don") or of a longer date ("23 [August 1939]").
        if not surface.strip() or text[start - 1 : start] == "-" or text[end : end + 1] == "-":
            continue
        if ent.label_ == "DATE" and first.i > sent.span.start and first.nbor(-1).like_num:
            continue
        label = ent.label_
        before = first.nbor(-1).lower_ if first.i > sent.span.start else ""
        if label == "CARDINAL" and first.i == last.i and _YEAR.match(first.text) and before in _YEAR_PREPS:
            label = "DATE"  # "By 1500 more than 250 towns ...": a year the model read as a count
        m = Mention(sent, start, end, surface, label, ent.root, first, last, norm_key(surface))
        m.day_month = sent.norm.in_day_month(first.idx, last.idx + len(last.text))
        nxt = last.nbor(1) if last.i + 1 < sent.span.end else None
        prv = first.nbor(-1) if first.i > sent.span.start else None
        names = ("ORG", "PERSON", "GPE", "LOC", "NORP", "FAC")
        m.fragment = ent.label_ in names and (
            (nxt is not None and last.whitespace_ != "" and nxt.text[:1].isupper() and nxt.is_alpha)
            or (
                prv is not None
                and prv.pos_ == "PROPN"
                and prv.text[:1].isupper()
                and prv.whitespace_ != ""
                and prv.lower_ not in TITLES
                and prv.lower_ not in ERA_WORDS  # "451/450 BCE Pericles": the era closes the date before the name
                and prv.i > sent.span.start
            )
        )
        m.fragment = m.fragment or (ent.label_ in names and _inside_title(sent, first))
        m.fragment = m.fragment or (ent.label_ in names and _name_goes_on(sent, first, last))
        m.fragment = m.fragment or (ent.label_ not in _VALUE_LABELS and _longer_name_printed(sent, first, last))
        # "[St Paul]'s Cathedral", "[St Mary]'s Hospital": a possessive before a capitalised noun is part of a name
        after_pos = nxt.nbor(1) if nxt is not None and nxt.tag_ == "POS" and nxt.i + 1 < sent.span.end else None
        m.fragment = m.fragment or (
            ent.label_ in names and after_pos is not None and after_pos.is_alpha and after_pos.text[:1].isupper()
        )
        m.gloss = text[max(start - 3, 0) : start].strip().endswith("(") and text[end : end + 3].strip().startswith(")")
        if label == "DATE" and not m.day_month:
            m.date = parse_date(sent.span.doc[first.i : last.i + 1].text)
        elif label in ("CARDINAL", "QUANTITY"):
            m.number = parse_number(surface)
        sent.mentions.append(m)


# Before a three-digit year ("In 987 Emperor Basil II"), never before a count ("by 300 votes", "in 150 of them").
_SHORT_YEAR_PREPS = frozenset({"in", "by", "until", "till", "since", "from", "before", "after"})
_SHORT_YEAR = re.compile(r"^[1-9][0-9]{2}$")
_COUNT_AFTER = frozenset({"%", "-", "of", "per", "out", "percent"})
# How near a year the document dates by its full form a three-digit year must lie to be read as one.
SHORT_YEAR_REACH = 500


def _three_digit_years(sentences: list[Sentence]) -> None:
    """ "In 987 Emperor Basil II faced a rebellion": the model reads a year of three digits as a count, and the
    choice then mixes years with counts ("986", "987", "988", "6,000"). A lone three-digit count after "in", "by",
    "since" ... is a year where no noun, adjective or number follows it (not "in 300 ships"; after the opening
    "In" of a sentence, one may: "In 986 envoys came"), nor "of" or "per", and where the same document dates
    something else within SHORT_YEAR_REACH years of it (a medieval article, not a count in a modern one)."""
    dated: dict[int, list[int]] = {}
    for s in sentences:
        dated.setdefault(s.doc, []).extend(m.date.year for m in s.mentions if m.date is not None and m.date.year > 0)
    for s in sentences:
        for m in s.mentions:
            if m.label != "CARDINAL" or m.first.i != m.last.i or not _SHORT_YEAR.match(m.first.text):
                continue
            if m.first.i == s.span.start or m.first.nbor(-1).lower_ not in _SHORT_YEAR_PREPS:
                continue
            nxt = m.last.nbor(1) if m.last.i + 1 < s.span.end else None
            opening = m.first.i - 1 == s.span.start  # "In 986 envoys came": a sentence opened by a date
            if nxt is not None and (
                nxt.like_num
                or nxt.lower_ in _COUNT_AFTER
                or (not opening and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"))
            ):
                continue  # "in 300 ships", "by 200 votes", "in 150 of them"
            year = int(m.first.text)
            if any(abs(year - y) <= SHORT_YEAR_REACH for y in dated.get(s.doc, ())):
                m.label, m.date, m.number = "DATE", DateValue(year), None


def _join_eras(sent: Sentence, text: str) -> None:
    """ "264 BC": the model reads a count and an organisation "BC"; it is one year (before Christ)."""
    doc = sent.span.doc
    joined: list[Mention] = []
    replaced: set[int] = set()  # ids of the count mentions a joined year stands for
    eras: set[int] = set()
    for m in sent.mentions:
        if m.label not in ("CARDINAL", "DATE") or not m.first.like_num:
            continue
        first, last = m.first, m.last
        if last.i + 1 < sent.span.end and last.nbor(1).lower_ in ERA_WORDS:
            last = last.nbor(1)
        elif first.i > sent.span.start and first.nbor(-1).lower_ in ("ad", "a.d."):
            first = first.nbor(-1)
        else:
            continue
        date = parse_date(doc[first.i : last.i + 1].text)
        if date is None:
            continue
        start, end = sent.char_span(first, last)
        surface = text[start:end]
        era = Mention(sent, start, end, surface, "DATE", m.root, first, last, norm_key(surface), date=date)
        joined.append(era)
        eras |= {first.i, last.i}
        replaced.add(id(m))
    if not joined:
        return
    kept = [m for m in sent.mentions if id(m) not in replaced and not (m.first.i in eras or m.last.i in eras)]
    sent.mentions = sorted(kept + joined, key=lambda m: m.first.i)


# Labels of values, not names: a leading era word or hedge belongs to them.
_VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT"})
# Words that open a reference in a note ("Compare X", "See Y", "Cf. Z"), never a name.
APPARATUS_WORDS = frozenset({"compare", "see", "cf", "cf.", "viz", "viz.", "ibid", "ibid.", "q.v."})
# A full stop, then a word that opens a sentence and is never part of a name ("Charles I. He died").
_SENTENCE_END = re.compile(
    r"[.!?]\s+(?:He|She|It|They|We|His|Her|Its|Their|The|This|That|These|Those|There|In|On|At|After|But|And|When|"
    r"Then)\b"
)


def crosses_a_sentence_end(surface: str) -> bool:
    """Whether a name the model read runs on over the end of a sentence the splitter missed ("Charles I. He",
    "Henry VIII. The"): a full stop, then a word that opens a sentence and names nothing."""
    return bool(_SENTENCE_END.search(surface))


# Lower-case words inside a longer proper name ("Barrow upon Humber", "Vasco da Gama", "Abu Rayhan ibn Ahmad").
# "y" joins the two surnames of a Spanish name ("Rizal Mercado y [Alonso Realonda]", round 24).
NAME_JOINERS = frozenset({"upon", "de", "la", "le", "von", "van", "der", "du", "di", "da", "del", "ibn", "bin", "y"})


def _name_goes_on(sent: Sentence, first: Any, last: Any) -> bool:
    """Whether the model's name is only part of a longer one (issue #15, round 19): a name word opening the sentence
    that the parse ties to it ("[Duncan] Campbell Scott"; a capital there is otherwise no evidence), or a joining
    word between it and another proper noun ("Barrow upon [Humber]", "[Abu Rayhan] ibn Ahmad al-Biruni"). A blank
    on it splits the name."""
    start, end = sent.span.start, sent.span.end
    if first.i == start + 1:
        prv = first.nbor(-1)
        if (
            prv.pos_ == "PROPN"
            and prv.text[:1].isupper()
            and prv.lower_.rstrip(".") not in TITLES
            and prv.lower_ not in APPARATUS_WORDS
            and prv.dep_ in ("compound", "flat")
            and first.i <= prv.head.i <= last.i
        ):
            return True
    if first.i - 2 >= start and first.nbor(-1).lower_ in NAME_JOINERS and _proper(first.nbor(-2)):
        return True
    return last.i + 2 < end and last.nbor(1).lower_ in NAME_JOINERS and _proper(last.nbor(2))


def _longer_name_printed(sent: Sentence, first: Any, last: Any) -> bool:
    """Whether the sentence prints the rest of a longer name around the model's (round 23b)."""
    start, end = sent.span.start, sent.span.end
    return (
        _class_word_goes_on(first, last, start, end)
        or _title_or_owner_before(first, last, start, end)
        or _in_a_quoted_title(first, last, start, end)
    )


_DOUBLE_QUOTES = frozenset('"“”')


def _in_a_quoted_title(first: Any, last: Any, start: int, end: int) -> bool:
    """'an essay titled "[Foundation Myths] of the Millet System"': the name stands inside double quotation marks
    that hold more words than it, every longer one capitalised (a title, not a speech): a blank on it asks for
    words of a title (round 24, reader 19: "tests the wording of an essay title")."""
    doc = first.doc
    if not _has_double_quotes(doc):
        return False  # no token of the paragraph is a quotation mark: most names, and a scan of tokens saved
    opening = [t.i for t in doc[start : first.i] if t.text in _DOUBLE_QUOTES]
    closing = next((t.i for t in doc[last.i + 1 : end] if t.text in _DOUBLE_QUOTES), None)
    if len(opening) % 2 == 0 or closing is None:
        return False
    words = [t for t in doc[opening[-1] + 1 : closing] if t.is_alpha]
    if not any(t.i < first.i or t.i > last.i for t in words):
        return False  # the quotation is the name itself ("the "Rizal Law"")
    return all(t.text[:1].isupper() for t in words if len(t.text) >= 4)


def _has_double_quotes(doc: Any) -> bool:
    """Whether the paragraph's text holds a double quotation mark (kept on the doc)."""
    found: bool | None = doc.user_data.get(_DOC_QUOTES)
    if found is None:
        text = doc_text(doc)
        found = doc.user_data[_DOC_QUOTES] = any(q in text for q in _DOUBLE_QUOTES)
    return found


_DOC_QUOTES = "quizapp.double_quotes"


# "of" and "for" tie a class word to the rest of its name ("the Second Battle of Panipat", "the US Agency for
# International Development").
_NAME_TIES = frozenset({"of", "for"})
# How common in English a name's last word must be to be a class word ("Agency", "Battle", "House", "War"), not a
# name of its own ("Charles", "Portinari").
CLASS_WORD_ZIPF = 3.5


def _class_word_goes_on(first: Any, last: Any, start: int, end: int) -> bool:
    """ "the [Second Battle] of Panipat", "the [US Agency] for International Development", "the [Catholic House] of
    Habsburg": the model's name ends in a capitalised common noun, and "of" or "for" and a capitalised word follow:
    the name goes on, and a blank on its first half leaves the rest printed in the stem. A person's name is left
    alone ("Adolf of Nassau" says where he came from)."""
    if last.i + 2 >= end or last.nbor(1).lower_ not in _NAME_TIES or not _proper(last.nbor(2)):
        return False
    if last.ent_type_ == "PERSON" or not last.text[:1].isupper() or not last.is_alpha:
        return False
    return last.i > first.i and zipf(last.lower_) >= CLASS_WORD_ZIPF


def _title_or_owner_before(first: Any, last: Any, start: int, end: int) -> bool:
    """ "Marx, in The [Civil War] in France", "the Workers' [Defence Committee]": a capitalised "The" inside the
    sentence, or the plural possessive of a capitalised common noun, stands before the name and is part of it
    ("Britain's Royal Navy" is no such name: a singular possessive owns the thing)."""
    if first.i - 1 <= start:
        return False
    prv = first.nbor(-1)
    if prv.text == "The":  # only where the title goes on after the name: "The Tale of Genji" is whole
        return last.i + 2 < end and last.nbor(1).pos_ == "ADP" and last.nbor(1).is_lower and _proper(last.nbor(2))
    if prv.text not in ("'", "’") or prv.i - 1 <= start:
        return False
    owner = prv.nbor(-1)
    return owner.text[:1].isupper() and owner.is_alpha and zipf(owner.lower_) >= CLASS_WORD_ZIPF


def _proper(t: Any) -> bool:
    return bool(t.pos_ == "PROPN" and t.text[:1].isupper())


def _inside_title(sent: Sentence, first: Any) -> bool:
    """ "Report on the [Scientific Results of the Voyage]": the name is the tail of a longer capitalised title."""
    i = first.i
    doc = first.doc
    if i - 3 < sent.span.start or doc[i - 1].lower_ != "the" or doc[i - 2].lower_ not in ("of", "on", "for", "in"):
        return False
    head = doc[i - 3]
    return head.is_title and head.pos_ in ("PROPN", "NOUN") and head.lower_ not in TITLES and head.i > sent.span.start
