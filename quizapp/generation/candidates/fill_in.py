"""Fill-in (cloze) candidates on key terms: technical noun phrases as well as names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache, partial
from typing import Any

from lemminflect import getAllLemmas

from quizapp.wording import with_article

from ..analysis import APPARATUS_WORDS, Corpus, Sentence, norm_key
from ..asides import word_total
from ..clauses import body_tokens, cloze_tokens, statement
from ..dates import ERA_WORDS, number_variants
from ..distractors import display
from ..gazetteer import CONTINENT_WORDS, REGION_CONTINENTS, place_class
from ..glosses import Gloss, glossed_terms
from ..lexicon import EVENT_WORDS, FACILITY_HEADS, FACILITY_WORDS, LAW_WORDS, TITLES
from ..option_fit import names_a_country
from ..peripheral import blank_in_a_sentence_apart, blank_on_a_passing_name
from ..setting import named_throughout
from ..textutil import (
    BLANK,
    BLANK_HINT,
    STAND_IN_WORDS,
    anaphora_problem,
    capitalise,
    drop_parentheticals,
    has_anchor,
    tidy,
    tokens_text,
    word_count,
    zipf,
)
from ..types import QuestionDraft
from .base import Candidate, Context, according_to, mention_once, source_of
from .fill_in_answers import (
    ARTICLE_PREFIX,
    BODY_WORDS,
    PARTICLES,
    mention_norms,
    other_answers,
    particle_forms,
    particle_surname,
    surname_shared,
    translated_names,
)
from .multiple_choice import key_ok, worth_asking
from .name_forms import (
    VIETNAMESE_FAMILY_NAMES,
    east_asian_family_names,
    iberian_surnames,
    named_elsewhere,
    spanish_world,
)
from .open_dates import open_ended

_WEAK_HEADS = frozenset(
    {
        "thing",
        "things",
        "way",
        "ways",
        "part",
        "parts",
        "number",
        "lot",
        "kind",
        "type",
        "side",
        "sides",
        "time",
        "times",
        "year",
        "years",
        "end",
        "beginning",
        "case",
        "fact",
        "level",
        "other",
        "others",
        "one",
        "ones",
        "basis",
        "place",
        "order",
        "term",
        "terms",
        "result",
        # vague heads: "training means", "various activities" could be almost anything
        "means",
        "purpose",
        "purposes",
        "activity",
        "activities",
        "issue",
        "issues",
        "matter",
        "matters",
        "aspect",
        "aspects",
        "area",
        "areas",
        "form",
        "forms",
        "role",
        "roles",
        "use",
        "uses",
        "field",
        "fields",
        "step",
        "steps",
        "condition",
        "conditions",
        "possibility",
        "possibilities",
        "opportunity",
        "opportunities",
        "question",
        "questions",
        "problem",
        "problems",
        "situation",
        "situations",
        "process",
        "processes",
        "task",
        "tasks",
        "work",
        "element",
        "elements",
        "factor",
        "factors",
        "reason",
        "reasons",
        "manner",
        "sort",
        "sorts",
    }
)
MAX_TYPED_NAME_WORDS = 3
# Verbs that make an idiom with their object ("take a line", "make a decision", "play a role").
LIGHT_VERBS = frozenset({"take", "make", "have", "give", "play", "pay", "do"})
MAX_LIST = 2  # a key that is one item of a longer list ("A, B, C and D") could be swapped for any other item
# A term said once is a fair blank only with a word this rare in general English (Zipf scale: 3 is about one
# word in a million; "cuneiform" 2.5, "buttresses" 2.4, against "turning" 4.7 or "planes" 4.2).
RARE_ZIPF = 3.5
# "many historians", "large numbers", "several towns": a quantity or a vague set, not a thing to recall.
QUANTIFIERS = frozenset(
    {"many", "several", "few", "fewer", "most", "numerous", "various", "countless", "some", "certain", "such",
     "large", "huge", "vast", "small", "much", "more", "less"}
)  # fmt: skip
# "protected East Germany from the West": a compass point names a side, not a place, and "West Germany", "the
# Western powers" or "Western Europe" fill the blank as fairly; a choice question can still ask it.
COMPASS_POINTS = frozenset(
    {"west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast", "orient", "occident"}
)


# "Upper Nubia", "North Africa": a side or part of a larger area, not a country, state or city.
REGION_SIDES = COMPASS_POINTS | {"upper", "lower", "central", "northern", "southern", "eastern", "western", "inner"}


def open_region(norm: str) -> bool:
    """A continent or a region of one ("North Africa", "the Middle East", "Upper Nubia"): a blank on it takes a
    country, a town, a sea or a desert of that region as fairly ("Morocco", "the Sahara"), and a student cannot
    tell which size of place the stem wants. A country or state named by a side ("South Africa") is no region."""
    norm = norm.removeprefix("the ")
    if norm in REGION_CONTINENTS or place_class(norm) == "region":
        return True
    words = norm.split()
    if len(words) != 2 or place_class(norm) in ("country", "state", "city"):
        return False
    if words[1] in CONTINENT_WORDS:
        return True  # "Spanish America", "Latin Europe": a continent's part, by its people or faith
    if words[0] not in REGION_SIDES:
        return False
    # "Upper Nubia", "Central Java": the side of a land; not "North Sea" or "Eastern Province", a thing of its own
    return place_class(words[1]) is not None or zipf(words[1]) < RARE_ZIPF


def adjective_of_place(m: Any) -> bool:
    """A place named by its adjective before a noun ("froze a Roman town"): any adjective fits "a _____ town"
    (small, market, Campanian), so the blank has no one answer."""
    return m.root.pos_ == "ADJ" and m.root.dep_ == "amod" and m.root.head.pos_ == "NOUN"


QUOTE_MARKS = frozenset("'\"‘’“”")


def strands_a_quote(key: str) -> bool:
    """A key that takes one quotation mark with it ("Salt Rampart'" read from "the 'Salt Rampart'"): the blank
    would leave the other stranded in the prompt."""
    return key[:1] in QUOTE_MARKS or key[-1:] in QUOTE_MARKS


# "called the shield wall", "known as the unequal treaties": the article names the term itself.
NAMING_WORDS = frozenset({"called", "named", "termed", "dubbed"})


def term_counts(corpus: Corpus) -> Counter[str]:
    """How often each noun-phrase head lemma occurs in the corpus: a cheap measure of a term's weight."""
    counts: Counter[str] = Counter()
    for s in corpus.sentences:
        for t in s.tokens:
            if t.pos_ == "NOUN":
                counts[t.lemma_.lower()] += 1
        for first, last in _terms(s):
            counts[_term_key(s, first, last)] += 1
    return counts


def _term_key(sent: Sentence, first: Any, last: Any) -> str:
    return "term:" + " ".join(t.lemma_.lower() for t in sent.span.doc[first.i : last.i + 1])


def _terms(sent: Sentence) -> list[tuple[Any, Any]]:
    """Key-term spans (first, last token): adjective/compound + noun phrases of two to four words."""
    out = []
    for chunk in sent.chunks:
        toks = [t for t in chunk if t.dep_ not in ("det", "poss", "case") and not t.is_punct]
        while toks and toks[0].pos_ in ("DET", "PRON", "ADV", "NUM"):
            toks.pop(0)
        if not toks or toks[-1].pos_ != "NOUN" or toks[-1].lower_ in _WEAK_HEADS:
            continue
        if not 2 <= len(toks) <= 4 or any(t.like_num or t.ent_type_ or t.pos_ == "PRON" for t in toks):
            continue
        if toks[-1].i - toks[0].i + 1 != len(toks):
            continue
        out.append((toks[0], toks[-1]))
    return out


def generic_term(sent: Sentence, first: Any, last: Any, counts: Counter[str]) -> bool:
    """A term key that many words could fill: a quantity or comparison ("many historians", "younger writers"), or
    a phrase of common words that the text neither repeats nor names ("turning point", "transport planes").

    A blank is fair when its answer is specific and checkable: a term the article keeps using, one it names
    ("called the ..."), or one with a word rare in general English ("basalt stele")."""
    if first.lower_ in QUANTIFIERS or first.tag_ in ("JJR", "JJS"):
        return True
    if counts[_term_key(sent, first, last)] >= 2:
        return False
    doc = sent.span.doc
    before = [t.lower_ for t in doc[max(first.i - 3, sent.span.start) : first.i] if t.lower_ not in ("the", "a")]
    if (before[-1:] and before[-1] in NAMING_WORDS) or before[-2:] == ["known", "as"]:
        return False
    words = [t.lower_ for t in doc[first.i : last.i + 1] if t.is_alpha]
    return not words or min(zipf(w) for w in words) >= RARE_ZIPF


def describes_a_name(sent: Sentence, last: Any) -> bool:
    """A term that only describes the name beside it ("the sanitary engineer George Jennings", "his eyewitness
    account, The Salt Road", "Hurrem Sultan, a former slave"): many words describe a person or a book as fairly
    ("engineer", "plumber"; "book", "memoir"), and no list of them is complete, so the blank is refused."""
    doc = sent.span.doc
    if last.dep_ == "appos" and last.head.pos_ == "PROPN":
        return True  # after the name: "Hurrem Sultan, a former slave", "Checkpoint Charlie, the crossing point"
    at = last.i + 1
    comma = at < sent.span.end and doc[at].text == ","
    at += 1 if comma else 0
    if at < sent.span.end and doc[at].lower_ == "the":
        at += 1
    if at >= sent.span.end or doc[at].pos_ != "PROPN":
        return False
    if not comma:
        return True
    end = at
    while end < sent.span.end and (doc[end].pos_ == "PROPN" or doc[end].text[:1].isupper()):
        end += 1
    # ", The Salt Road," closed by a comma: an appositive the parser often misses; or the parser's own appositive
    closed = end < sent.span.end and doc[end].text in (",", ")", ";")
    return closed or any(t.dep_ == "appos" and t.head.i == last.i for t in doc[at:end])


def coordinated_term(sent: Sentence, first: Any, last: Any) -> bool:
    """ "a city and ceremonial centre": two nouns joined by "and" or "or" in one blank, where either alone is a
    fair answer the list would refuse, or a misparse ("by size and place surpluses")."""
    return any(t.dep_ == "cc" for t in sent.span.doc[first.i + 1 : last.i])


def list_size(t: Any) -> int:
    """How many items the coordination holding ``t`` has ("fights, tactics, bombing and flying": 4)."""
    top = t
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    items = 1
    stack = [top]
    while stack:
        x = stack.pop()
        for c in x.children:
            if c.dep_ == "conj":
                items += 1
                stack.append(c)
    return items


_ROMAN = re.compile(r"^[IVXL]+$")


def answer_variants(text: str, date: Any = None, source: str = "", person: bool = False) -> list[str]:
    """Accepted answers: as written, without an article, in lower case; with "the" where the source has it
    before the key; dates and numbers in other forms."""
    out = [text]
    bare = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    out.append(bare)
    if not re.match(r"^(the|a|an)\s", text, re.I) and the_before(text, source):
        out.append("the " + text)
    if date is not None:
        out += date.variants()
    else:
        out += number_variants(text)
    # "La Hire" of "Philippe de La Hire" is the surname (``particle_forms``), "Hire" alone no one's
    # "Colony" of "Kenya Colony" is no surname: a polity the vote read as a person (``names_a_country``)
    person = person and not names_a_country(norm_key(text))
    if person and len(text.split()) > 1 and not _ROMAN.match(text.split()[-1]) and not particle_surname(text):
        out.append(text.split()[-1])  # "Shelley" for "Percy Bysshe Shelley": a student names a person so
    return case_blind_unique(out)


_THE_AT_END = re.compile(r"\bthe\s+\Z", re.I)


def the_before(text: str, source: str) -> bool:
    """Whether ``source`` writes "the" (any case) right before ``text`` (any case). In plain ASCII, without a
    pattern made for the text: compiling one per key cost more than the search."""
    if not (text.isascii() and source.isascii()):
        return re.search(r"\bthe\s+" + re.escape(text), source, re.I) is not None
    lower, wanted = source.lower(), text.lower()
    at = lower.find(wanted)
    while at != -1:
        if _THE_AT_END.search(source, 0, at):
            return True
        at = lower.find(wanted, at + 1)
    return False


def case_blind_unique(answers: list[str]) -> list[str]:
    """The answers without blanks and without case-only repeats, each in its first form (the article's: the
    key comes first): grading ignores case, so "Venezuela" and "venezuela" are one answer shown twice."""
    seen: set[str] = set()
    out = []
    for v in answers:
        folded = v.strip().casefold()
        if folded and folded not in seen:
            seen.add(folded)
            out.append(v)
    return out


# A last word this common in English ("Office", "House") names no one alone unless the article uses it so.
COMMON_NAME_WORD_ZIPF = 4.0


def surname_names(ctx: Context, sent: Sentence, key: str) -> bool:
    """Whether the key's last word alone names the person: a word rare in English ("Orlan"), or one the article
    itself writes alone ("Snow" after "John Snow"). A common word ends many names that are not people's
    ("General Register Office", read as a person by the model): alone it is no right answer."""
    words = key.split()
    if len(words) < 2 or zipf(words[-1].lower()) < COMMON_NAME_WORD_ZIPF:
        return True
    if all(_INITIAL.fullmatch(w) for w in words[:-1]):
        return True  # "T. E. Lawrence": initials go before a person's surname, not an office's last word
    if _given_then_surname(words) and _surname_word(ctx.corpus, sent.doc, words[-1]):
        return True
    return written_alone(ctx.corpus, sent.doc, words[-1], words[-2])


# The last words of names of things, which the model may read as a person's ("General Register Office").
_THING_HEADS = FACILITY_WORDS | FACILITY_HEADS | {w.lower() for w in (*LAW_WORDS, *EVENT_WORDS, *BODY_WORDS)}


# A given name of the Western order ("Peter", "Michael": Zipf 4.6, 4.8) is a common word of English text; a title
# before a name ("Sunni Ali": 3.5, "Askia") or an epithet after one ("Charles the Bold") is not a surname's place.
GIVEN_NAME_ZIPF = 4.0


def _given_then_surname(words: list[str]) -> bool:
    """Whether the name reads as given names then a surname: every word capitalised, the first a common one."""
    return all(w[:1].isupper() for w in words) and zipf(words[0].lower()) >= GIVEN_NAME_ZIPF


def _surname_word(corpus: Corpus, doc: int, word: str) -> bool:
    """ "Cooper" of "Peter Cooper": a common word that heads no name of a thing and that the article never writes
    in lower case, as a noun of its own, is a surname there."""
    if word.lower() in _THING_HEADS:
        return False
    lower = word.lower()
    return corpus.kept("written_lower", (doc, lower), lambda: not _written_lower(corpus.documents[doc].text, lower))


def _written_lower(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text) is not None


_INITIAL = re.compile(r"[A-Z]\.(?:[A-Z]\.)*")


# "in _____" before a month or a day: the year alone makes the sentence as true ("in 1700" for "November 1700").
YEAR_FRAMES = frozenset({"in", "during"})


def family_name_first(ctx: Context, sent: Sentence, key: str) -> bool:
    """Whether the key's first word is the family name ("Yang Jian" beside "Yang Guang"): another person of the
    article bears the same first word with another last one, and the article never writes the last word alone.
    Then the last word is a given name, which names no one alone."""
    words = norm_key(key).split()
    if len(words) != 2 or ARTICLE_PREFIX.match(key.split()[-1]):
        return False  # "Muhammad al-Maghili": a nisba is how the man is named, never a given name
    if given_after_family_name(ctx, sent, key):
        return True
    if zipf(words[0]) >= GIVEN_NAME_ZIPF and key.split()[0] not in east_asian_family_names():
        return False  # "Thomas Whieldon" beside "Thomas Bentley": two men of the same common given name
    others = {tuple(n.split()) for n in mention_norms(ctx.corpus, sent.doc, "person")}
    if not any(len(o) == 2 and o[0] == words[0] and o[1] != words[1] for o in others):
        return False
    return not written_alone(ctx.corpus, sent.doc, key.split()[-1], key.split()[0])


def given_after_family_name(ctx: Context, sent: Sentence, key: str) -> bool:
    """ "Zhao Kuangyin": a name of two words opened by a family name of China, Korea or Vietnam, whose last word,
    a given name, the article never writes alone."""
    words = key.split()
    return (
        len(words) == 2
        and words[0] in east_asian_family_names()
        and not written_alone(ctx.corpus, sent.doc, words[-1], words[0])
    )


def family_name_alone(ctx: Context, sent: Sentence, key: str) -> list[str]:
    """ "Hara" for "Hara Katsurō", "Mao" for "Mao Zedong": a name of two words opened by a family name of East Asia
    is called by that family name, where no other name of the article holds it ("Zhou Enlai" beside "Zhou Daguan",
    "Han" the dynasty beside "Han Fei"). Not a name written after "the" or glossed by its meaning ("the Yan Taru
    ('those who gather together')"): a body's name, whatever the model read it as."""
    words = key.split()
    if len(words) != 2 or words[0] not in east_asian_family_names() or words[0] in VIETNAMESE_FAMILY_NAMES:
        return []
    if the_before(key, sent.text) or translated_names(ctx.corpus, sent.doc, key):
        return []
    return [] if named_elsewhere(ctx.corpus, sent.doc, words[0], key) else [words[0]]


def written_alone(corpus: Corpus, doc: int, word: str, before: str) -> bool:
    """Whether the document writes ``word`` as a word of its own, somewhere not right after ``before`` ("Snow", not
    in "John Snow"): worked out once per document and words, as every blank on the name asks."""

    def search() -> bool:
        alone = rf"(?<!{re.escape(before)} )(?<![\w-]){re.escape(word)}(?![\w-])"
        return re.search(alone, corpus.documents[doc].text) is not None

    return corpus.kept("written_alone", (doc, word, before), search)


def after_title(sent: Sentence, first: Any) -> bool:
    """The key follows a rank or office ("under Captain _____", "Capt. _____"): the surname alone is how anyone
    names him then, however common the word."""
    return first.i > sent.span.start and first.doc[first.i - 1].lower_.rstrip(".") in TITLES


def year_of(corpus: Corpus, date: Any, sent: Sentence, first: Any) -> list[str]:
    """The year alone, where the blank follows "in" and the key is a month or a day of that year; or where it
    follows "on" and the key is a day in a year the document dates nothing else to ("On _____, Vasa broke the
    surface" for "24 April 1961": "1961" is what a student should know, and it names the one event)."""
    if date is None or date.granularity not in ("month", "day") or first.i <= sent.span.start:
        return []
    before = first.doc[first.i - 1].lower_
    if before not in YEAR_FRAMES and not (
        before == "on" and date.granularity == "day" and _lone_year(corpus, sent, date)
    ):
        return []
    return replace(date, granularity="year", month=0, day=0).variants()


def _lone_year(corpus: Corpus, sent: Sentence, date: Any) -> bool:
    """Whether the key's document gives no other day or month in the key's year than the key's own."""
    return not any(
        m.date is not None
        and m.date.year == date.year
        and m.date.granularity != "year"
        and (m.date.month, m.date.day) != (date.month, date.day)
        for s in corpus.document_sentences(sent.doc)
        for m in s.mentions
    )


# Sentences either side of the key's that say which era its year belongs to.
ERA_WINDOW = 2


def bare_year_among_bc(corpus: Corpus, sent: Sentence, date: Any) -> list[str]:
    """ "123" for "123 BC": the year without its era word, where every date the key's sentence and its neighbours
    give is a year before Christ; there the number alone cannot be read as a year of our era."""
    if date is None or date.year >= 0 or date.granularity != "year":
        return []
    sents = corpus.document_sentences(sent.doc)
    at = next((i for i, s in enumerate(sents) if s is sent), None)
    if at is None:
        return []
    around = sents[max(0, at - ERA_WINDOW) : at + ERA_WINDOW + 1]
    years = [m.date.year for s in around for m in s.mentions if m.date is not None]
    return [str(-date.year)] if years and all(y < 0 for y in years) else []


def personal_with_particle(key: str) -> bool:
    """ "Justus von Liebig", which the model may read as a firm: a capitalised given name, a lower-case particle and a
    capitalised surname that heads no name of a thing is a person's name, whatever the label."""
    words = key.split()
    return (
        len(words) >= 3
        and all(w[:1].isupper() for w in (words[0], words[-1]))
        and any(w in PARTICLES for w in words[1:-1])
        and words[-1].lower() not in _THING_HEADS
    )


def mothers_surname(ctx: Context, sent: Sentence, key: str) -> bool:
    """ "Hoyle" of "Rafael Larco Hoyle": the last of two Iberian surnames is the mother's, which names him alone
    only where the article itself writes it alone."""
    pair = iberian_surnames(key)
    if pair is None or not spanish_world(ctx.corpus, sent.doc):
        return False
    return not written_alone(ctx.corpus, sent.doc, pair[1], pair[0])


def accepted_answers(ctx: Context, sent: Sentence, key: str, first: Any, last: Any, kind: str, m: Any) -> list[str]:
    """Every answer the blank accepts: the key's own forms (``answer_variants``) and its other forms and names."""
    person = (
        (kind == "person" or (kind == "org" and personal_with_particle(key)))
        and not surname_shared(ctx.corpus, sent.doc, key)
        and (
            after_title(sent, first)
            or particle_surname(key)
            or (surname_names(ctx, sent, key) and not family_name_first(ctx, sent, key))
        )
    )
    date = m.date if m is not None else None
    # "the general Zhao Kuangyin": a rank before a name says it is a person's, not that its last word is his surname
    surname_alone = person and not mothers_surname(ctx, sent, key) and not given_after_family_name(ctx, sent, key)
    out = answer_variants(key, date, sent.text, surname_alone) + year_of(ctx.corpus, date, sent, first)
    out += bare_year_among_bc(ctx.corpus, sent, date)
    out += particle_forms(key) if person else []
    out += family_name_alone(ctx, sent, key) if kind == "person" else []
    return case_blind_unique(no_apparatus(out + other_answers(ctx.corpus, sent, key, first, last, kind)))


def no_apparatus(answers: list[str]) -> list[str]:
    """The answers without one that opens with a note's apparatus ("Compare John Iliffe", "See Ranger", "Cf.
    Hobsbawm") or with the era of a date before the name ("BCE King Piye"): another mention of the name kept the
    word. The key, first, stays."""
    return answers[:1] + [a for a in answers[1:] if not _opens_with_apparatus(a)]


def _opens_with_apparatus(answer: str) -> bool:
    words = answer.lower().split()
    if words[0] in ERA_WORDS:
        return len(words) > 1 and not words[1][:1].isdigit()  # "AD 250" is a year; "BCE King Piye" is no name
    return words[0] in APPARATUS_WORDS


# "The _____ made it almost impossible": the stem keeps the article, so an answer with its own reads "The the".
_ARTICLE_BEFORE_BLANK = re.compile(rf"\b(?:the|a|an)\s+{re.escape(BLANK)}", re.I)
_ARTICLE_FIRST = re.compile(r"^(?:the|a|an)\s+", re.I)


def fit_article(prompt: str, answers: list[str]) -> list[str]:
    """The answers that read well in the stem: none with a leading article where the stem has one before the
    blank (the key, first, is kept whatever it is)."""
    if not _ARTICLE_BEFORE_BLANK.search(prompt):
        return answers
    return answers[:1] + [a for a in answers[1:] if not _ARTICLE_FIRST.match(a)]


def not_in_stem(prompt: str, answers: list[str]) -> list[str]:
    """The answers but those the stem prints whole ("The Moche (called _____)" takes no "Moche"): copied from the
    stem, an answer is given, not known (the key, first, is kept whatever it is)."""
    stem = prompt.replace(BLANK, " ")
    # as written: the name "Ngola Kilombo" in the stem does not give the title "ngola" away
    return answers[:1] + [a for a in answers[1:] if not re.search(rf"(?<![\w'’-]){re.escape(a)}(?![\w'’-])", stem)]


def translation_not_in_stem(prompt: str, answers: list[str], translations: list[str]) -> list[str]:
    """The answers but a translation the stem writes itself: "compiled the _____ ("Tables")" gives "Tables" away,
    and a translation names the thing only in another tongue, so copied from the stem it is no answer there."""
    stem = prompt.replace(BLANK, " ").lower()
    # a quotation mark may stand right at the translation ("('Know the Ways')"): only a letter joins it to a word
    given = {t for t in translations if re.search(rf"(?<![\w-]){re.escape(t.lower())}(?![\w-])", stem)}
    return [a for a in answers if a not in given]


@cache
def describing_word(word: str) -> bool:
    """A word English uses only to describe ("chiefly", "naval"), which the parser may still read as a noun
    before another noun."""
    classes = set(getAllLemmas(word))
    return bool(classes) and classes <= {"ADJ", "ADV"}


# An adjective and a noun said this often is the article's own term ("the unequal treaties", four times).
ADJECTIVE_TERM_USES = 3


def adjective_blank(sent: Sentence, first: Any) -> bool:
    """A term that opens with a descriptive adjective ("chiefly authority", "subsidiary dials", "white workers",
    "new government"), unless the article names it ("called the ...") or sets it in quotation marks: readers
    judged such blanks either vague or graded unfairly, since another adjective or the noun alone describes the
    same thing as well. (The caller lets through a phrase the article keeps using: ADJECTIVE_TERM_USES.)"""
    if first.pos_ != "ADJ" and not describing_word(first.lower_):
        return False
    doc = sent.span.doc
    before = [t.lower_ for t in doc[max(first.i - 3, sent.span.start) : first.i] if t.lower_ not in ("the", "a")]
    return not ((before[-1:] and before[-1] in NAMING_WORDS) or before[-2:] == ["known", "as"] or _quoted(first))


def _quoted(first: Any) -> bool:
    return first.i > 0 and first.doc[first.i - 1].text in QUOTE_MARKS


# A term the sentence glosses or names: the blank asks for what the section teaches, and its gloss says which.
DEFINED_TERM_CONFIDENCE = 0.7


def keeps_gloss(sent: Sentence, gloss: Gloss, prompt: str) -> bool:
    """Whether the prompt still holds, beside the blank, the cue that says what the term is: the naming word
    before it ("called _____", "or _____") or the first words of the gloss after it (", usually translated")."""
    doc = sent.span.doc
    if gloss.cue.i < gloss.first.i:
        between = r"\s+(?:(?:the|a|an)\s+)?" if gloss.cue.text.isalpha() else r"\s*"
        return re.search(re.escape(gloss.cue.text) + between + re.escape(BLANK), prompt, re.I) is not None
    after = tokens_text(doc[gloss.last.i + 1 : min(gloss.cue.i + 3, sent.span.end)])
    return BLANK + after in prompt or f"{BLANK} {after}" in prompt


def glossed_statement(sent: Sentence, gloss: Gloss, max_words: int) -> tuple[str, list[Any]] | None:
    """The sentence cut short enough by its last comma-set segments after the gloss, where ``statement`` would
    cut the gloss itself ("The shaduf, a pole with a bucket ..., appears in tomb paintings[, around ...]"). A
    segment holding the main verb is never cut: without it the rest states nothing."""
    toks = body_tokens(sent)
    cue = gloss.cue
    keep_to = cue.head.right_edge.i if cue.i > gloss.last.i and cue.head.dep_ == "appos" else max(cue.i, gloss.last.i)
    while word_total(toks) > max_words:
        cuts = [k for k, t in enumerate(toks) if t.text in (",", ";", ":") and t.i > keep_to + 1]
        if not cuts or any(t.i == sent.root.i for t in toks[cuts[-1] :]):
            return None
        toks = toks[: cuts[-1]]
    return capitalise(tidy(tokens_text(toks))) + ".", toks


_TIME_PREPOSITION_BLANK = re.compile(
    rf"\b(?:in|from|during|by|until|till|since|of|to|after|before|through)\s+{re.escape(BLANK)}", re.I
)


def decade_blank(prompt: str) -> str:
    """A decade's blank that says it wants a decade: "in the _____" also takes "ninth century", "In _____" a
    year (readers 20 and 22: write "in the _____ (decade)")."""
    if BLANK not in prompt or BLANK + BLANK_HINT in prompt:
        return prompt
    if re.search(rf"\bthe\s+{re.escape(BLANK)}", prompt, re.I):
        return prompt.replace(BLANK, BLANK + BLANK_HINT, 1)
    if _TIME_PREPOSITION_BLANK.search(prompt):
        return prompt.replace(BLANK, f"the {BLANK}{BLANK_HINT}", 1)
    return prompt.replace(BLANK, BLANK + BLANK_HINT, 1)


def fill_in_candidates(ctx: Context, sent: Sentence, counts: Counter[str]) -> list[Candidate]:
    """Cloze candidates for the key terms and names of one sentence."""
    out = []
    items: list[tuple[Any, Any, str, float, Any]] = []
    for first, last in _terms(sent):
        if first.i == last.i and first.lower_ in STAND_IN_WORDS:
            continue  # "One was a Muslim town": a word standing for a noun the sentence before names
        # "victorious agreement", "combined weapons": an adjective and a noun said once is wording, not a
        # term; a compound of nouns ("tank warfare school") or a phrase the text repeats is a term.
        if first.pos_ != "NOUN" and counts[_term_key(sent, first, last)] < 2:
            continue
        if counts[_term_key(sent, first, last)] < ADJECTIVE_TERM_USES and adjective_blank(sent, first):
            ctx.rejected["adjective_blank"] += 1
            continue
        if last.dep_ == "dobj" and last.head.lemma_.lower() in LIGHT_VERBS:
            continue  # "took a milder line", "played a key role": half of an idiom, which many words could fill
        if describes_a_name(sent, last):
            ctx.rejected["descriptor_blank"] += 1
            continue
        if coordinated_term(sent, first, last):
            ctx.rejected["coordinated_blank"] += 1
            continue
        if generic_term(sent, first, last, counts):
            ctx.rejected["generic_blank"] += 1
            continue
        weight = min(counts[last.lemma_.lower()], 4) / 4
        items.append((first, last, "term", 0.55 + 0.25 * weight, None))
    people = {t.i for m in sent.mentions if m.kind == "person" for t in sent.span.doc[m.first.i : m.last.i + 1]}
    glossed: dict[int, Gloss] = {}
    for g in glossed_terms(sent, people):
        # "The animal-powered waterwheel, or saqiya, ...": a term the sentence defines is what a section teaches
        glossed[g.first.i] = g
        items.append((g.first, g.last, "term", DEFINED_TERM_CONFIDENCE, None))
    for m in sent.mentions:
        if any(m.first.i <= i <= m.last.i for i in glossed):
            continue  # the same words as a defined term: asked once, as the term
        named = m.kind in ("person", "place", "org", "law", "event", "date", "group")
        if m.kind == "place" and (norm_key(m.text) in COMPASS_POINTS or adjective_of_place(m)):
            continue
        if m.text.lower() in STAND_IN_WORDS:
            continue  # "One was a Muslim town", which the model may even call a place
        if open_region(norm_key(m.text)):
            ctx.rejected["region_blank"] += 1  # whatever its kind: the model may call "North Africa" a group
            continue
        if named_throughout(ctx.corpus, sent.doc, display(m), m.kind, m.sub):
            ctx.rejected["ground_blank"] += 1  # the country or people the whole article stands on
            continue
        # "fell after _____": an earlier year makes it true as well
        if named and key_ok(sent, m) and not open_ended(m, blank=True) and worth_asking(ctx, sent, m):
            if m.kind in ("org", "law", "event") and len(m.text.split()) > MAX_TYPED_NAME_WORDS:
                continue  # "Metropolis Local Management Amendment Act" is to be recognised, not typed word for word
            if blank_on_a_passing_name(ctx.corpus, sent, m):
                ctx.rejected["blank_named_once"] += 1  # a name said once that only tags another noun
                continue
            if blank_in_a_sentence_apart(ctx.corpus, sent, m):
                ctx.rejected["blank_sentence_apart"] += 1  # a name said once, in a sentence the article leaves
                continue
            items.append((m.first, m.last, m.kind, 0.6, m))
    for first, last, kind, base, m in items:
        gloss = glossed.get(first.i)
        if list_size(last) > MAX_LIST:
            continue
        if gloss is None and any(first.i <= i <= last.i for i in glossed):
            continue
        key_text = display(m) if m is not None else tokens_text(sent.span.doc[first.i : last.i + 1])
        if m is None and sent.text.lower().count(key_text.lower()) != 1:
            continue
        if strands_a_quote(key_text):
            continue
        if m is not None and (not mention_once(sent, m) or key_text not in sent.text):
            continue
        st = statement(sent, first, max_words=28)
        if st is None and gloss is not None:
            st = glossed_statement(sent, gloss, max_words=28)
        if st is None:
            continue
        prompt = cloze_tokens(st[1], first, last)
        prompt = drop_parentheticals(prompt) if prompt and not (gloss and gloss.bracketed) else prompt
        if prompt and gloss is not None and not keeps_gloss(sent, gloss, prompt):
            continue  # the cut dropped what says what the term is: the blank would ask for any word
        prompt = ctx.stand_alone(sent, prompt, key_text) if prompt else None
        if prompt is None or anaphora_problem(prompt):
            continue
        what = "term the article defines" if gloss else "noun phrase used across the text" if kind == "term" else kind
        reasons = ["key term is " + with_article(what)]
        conf = base
        if sent.id in ctx.disputed:
            prompt = according_to(ctx, sent, prompt)
            conf -= 0.25
            reasons.append(f"documents disagree on this fact ({ctx.disputed[sent.id]})")
        draft = QuestionDraft(
            type="fill_in",
            prompt=prompt,
            answer=[],  # see _answers_once
            explanation=f"The text says: \u201c{sent.text.strip()}\u201d",
            confidence=conf,
            confidence_reasons=reasons,
            difficulty=0.6 if kind == "term" else 0.55,
            sources=[source_of(ctx, sent)],
        )
        score = (
            conf
            + (0.05 if kind == "term" else 0.0)
            - (0.0 if has_anchor(prompt) else 0.15)
            - 0.02 * max(word_count(prompt) - 18, 0)
        )
        candidate = Candidate(draft, key_text, [sent], score, "", f"{sent.id}:{key_text.lower()}")
        candidate.pending = partial(_answers_once, ctx, sent, draft, prompt, key_text, (first, last, kind, m))
        out.append(candidate)
    return out


def _answers_once(
    ctx: Context, sent: Sentence, draft: QuestionDraft, prompt: str, key: str, where: tuple[Any, Any, str, Any]
) -> None:
    """The draft's accepted answers, for the stem as it was made (``prompt``): worked out only for a candidate
    the ranker reaches (``Candidate.settle``), as they are half the cost of making a fill-in candidate."""
    first, last, kind, m = where
    draft.answer = translation_not_in_stem(
        prompt,
        not_in_stem(prompt, fit_article(prompt, accepted_answers(ctx, sent, key, first, last, kind, m))),
        translated_names(ctx.corpus, sent.doc, key),
    )
