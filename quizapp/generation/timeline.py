"""A timeline's date belongs to every question on its line.

A timeline (or a chronology in a biography, or a dated section) gives an event's date once, at the head of its
entry: "1559: The naturalist ... sees a tulip" or a line "1559" over a paragraph. A question cut from the entry
without that date ("Where does the naturalist see a tulip?") cannot be answered from the page the student
holds, and reads as if it were true of any time. Here the entry's date is found, and written into the question
as an adverbial ("In 1559, where does ...?"); a line whose subject the timeline leaves out ("1826 - opens a
shop") is no statement at all.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Corpus, Sentence
from .clauses import CLAUSE_SUBJECTS, FINITE_TAGS
from .dates import MONTH_PATTERN
from .lexicon import TITLES
from .normalise import MONTHS
from .textutil import BLANK

_SUBJ = CLAUSE_SUBJECTS
_MONTH = MONTH_PATTERN
# "Sep" in a label reads "September" in a sentence
_FULL_MONTH = {m[:3]: m for m in MONTHS}
_SEASON = r"(?:[Ww]inter|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all)"
_EDGE = r"(?:[Ee]arly|[Ll]ate|[Mm]id(?:-|\s))"
_YEARISH = r"\d{3,4}s?(?:\s?(?:BC|BCE|AD|CE))?"
_RANGE = rf"{_YEARISH}(?:\s?[\u2013\u2014-]\s?\d{{2,4}}s?(?:\s?(?:BC|BCE|AD|CE))?)?"
_DAYS = r"\d{1,2}(?:\s?[\u2013-]\s?\d{1,2})?"
_CIRCA = r"(?:[Cc]\.|[Cc]a\.|[Cc]irca)"
# A year written first, as some chronologies do: "1903, 3 November", "1914, August", "1905, late"
_YEAR_FIRST = (
    rf"\d{{3,4}}(?:\s?(?:BC|BCE|AD|CE))?,\s(?:{_DAYS}\s{_MONTH}|{_MONTH}(?:\s{_DAYS})?|[Ee]arly|[Ll]ate|[Mm]id)"
)
# "1559", "c. 1600-1630", "Winter 1636-1637", "3 February 1637", "Early June 1453", "1550s", "27-31 January 1868",
# "C. 2200 BCE" (a line's first letter is a capital), "30 Sep 1520", "1903, 3 November"
DATE = (
    rf"(?:{_YEAR_FIRST}|(?:{_CIRCA}\s?)?(?:{_SEASON}\s(?:of\s)?|{_EDGE}\s?)?"
    rf"(?:{_DAYS}\s{_MONTH}\s|{_MONTH}\s(?:{_DAYS},?\s)?)?{_RANGE})"
)
_LEADING = r"(?:[Bb]efore|[Aa]fter|[Bb]y|[Ff]rom|[Uu]ntil|[Ss]ince|[Aa]round)"
_APPROX = r"\((?:approximately|approx\.|about|circa|c\.)\)"
# The label that heads a timeline's line: "1559: ", "12 December 1452: ", "1826 - ", "3 February 1637 (approx.):"
# "By 1109 \u2013 With the capture ...": a preposition may lead the label, and stays with the date
_DASHED = rf"(?P<date>(?:{_LEADING}\s)?{DATE})(?:\s{_APPROX})?\s?[:\u2013\u2014-]\s+(?=\S)"
# A chronology laid out in columns, whose spacing ingestion folds to one space: "1866 The company is formed",
# "28 August 1883 Activity dies down", "1854 (May) Field and ...", "1858 (16 Aug) The message ...". The date, a
# month or day in brackets, then an event that opens with a capital (or a blank, in a prompt). No preposition
# may lead: "After 1883 Europe ..." is a sentence, not a line of a list.
_PART = rf"(?:\s\((?P<part>(?:{_DAYS}\s)?{_MONTH}|{_MONTH}\s{_DAYS})\))?"
_SPACED = rf"(?P<sdate>{DATE}){_PART}\s(?=[A-Z\u201c\"]|{re.escape(BLANK)})"
LABEL = re.compile(rf"^(?:{_DASHED}|{_SPACED})")
# A label left inside a prompt ("Where does 27 October 1605 \u2013 Akbar die?", "_____, 15 August - The SS ..."): the
# line's date and its event run together, which no rewording here can part
_RAW_LABEL = re.compile(
    rf"(?:^|[\s(])(?:{DATE}|{re.escape(BLANK)}(?:,\s(?:{_DAYS}\s{_MONTH}|{_MONTH}|[Ee]arly|[Ll]ate))?)"
    rf"\s[\u2013\u2014-]\s+[A-Z]"
)
# A line that is a date and nothing else ("1559", "Before 1550", "1989 and 2000", "3 February 1637 (approximately)")
_DATE_LINE = re.compile(
    rf"^(?:{_LEADING}\s)?{DATE}"
    rf"(?:\s(?:and|to|or)\s{DATE})?(?:\s{_APPROX})?$"
)
# "1866 (13 Jul)", a column label the sentence splitter left on its own
_BRACKETED_LINE = re.compile(rf"^(?P<year>{_YEARISH})\s\((?P<part>(?:{_DAYS}\s)?{_MONTH}|{_MONTH}\s{_DAYS})\)$")
# "1951 (March-May)": the months the entry spans; its year is the date of each of its lines
_MONTHS_LINE = re.compile(rf"^(?P<year>{_YEARISH})\s\({_MONTH}\s?[\u2013-]\s?{_MONTH}\)$")
# a year of its own ("in 1559", "the 1550s", "331 BC"); not a count ("3,000 men", "about 700 soldiers")
_HAS_YEAR = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d{2})s?\b(?!,\d)|\b\d{1,4}\s?(?:BC|BCE|AD|CE)\b")
_PREPOSITION = re.compile(r"^(?:before|after|by|from|until|since|around)\s", re.I)
# First words lowered after a fronted date: "In 1559, the naturalist ...", "In 1559, who ...?"
_LOWER = frozenset(
    {"The", "A", "An", "Who", "What", "When", "Where", "Which", "How", "Why", "In", "On", "At", "During", "After"}
    | {"Before", "From", "By", "Since", "Until", "With", "Under", "For", "To", "As", "Among", "Following"}
)


# Entity labels of names, which keep their capital wherever they stand
_NAMES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})


def has_year(text: str) -> bool:
    """Whether the text holds a year of its own ("in 1559", "the 1550s", "331 BC"), not a count."""
    return _HAS_YEAR.search(text) is not None


def label_of(sent: Sentence) -> str | None:
    """The date label that begins the sentence's own text ("1559: ...", "1854 (May) ..."), or None."""
    m = LABEL.match(sent.text)
    return _label_date(m) if m else None


def _label_date(m: re.Match[str]) -> str:
    """The date a LABEL match gives: "1854 (May)" reads "May 1854", "1858 (16 Aug)" "16 Aug 1858"."""
    if m.group("date") is not None:
        return m.group("date")
    part = m.group("part")
    return f"{part} {m.group('sdate')}" if part else m.group("sdate")


def entry_date(corpus: Corpus, sent: Sentence) -> str | None:
    """The date that heads the timeline entry the sentence belongs to: the label of its paragraph's first
    sentence, or a line that is only a date just before its paragraph (a heading or a paragraph of its own)."""
    if sent.heading:
        return None
    first = sent.id
    while first > 0 and _same_block(corpus.sentences[first - 1], sent):
        first -= 1
    head = corpus.sentences[first]
    own = label_of(head) or _date_alone(head.text)
    if own is not None:
        return own
    if first == 0:
        return None
    line = corpus.sentences[first - 1]
    if line.doc != sent.doc or line.para != sent.para - 1:
        return None
    if first >= 2 and corpus.sentences[first - 2].para == line.para and corpus.sentences[first - 2].doc == line.doc:
        return None  # the date must be a line of its own, not the end of a paragraph
    return _date_alone(line.text)


def _date_alone(text: str) -> str | None:
    """The date a line or sentence is made of and nothing else ("1559", "January 1449:"), or None."""
    text = text.strip().rstrip(":\u2013\u2014- ")
    bracketed = _BRACKETED_LINE.match(text)
    if bracketed is not None:
        return f"{bracketed.group('part')} {bracketed.group('year')}"
    months = _MONTHS_LINE.match(text)
    if months is not None:
        return months.group("year")
    return text if _DATE_LINE.match(text) else None


def _same_block(a: Sentence, b: Sentence) -> bool:
    return a.doc == b.doc and a.para == b.para and not a.heading


def adverbial(date: str) -> str:
    """ "1559" -> "In 1559", "3 February 1637" -> "On 3 February 1637", "1550s" -> "In the 1550s",
    "c. 1640" -> "In about 1640", "Winter 1636-1637" -> "In the winter of 1636-1637", "Before 1550" as it is."""
    approx = bool(re.search(_APPROX, date))
    text = re.sub(rf"\s?{_APPROX}", "", date).strip()
    text = re.sub(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]?\.?(?=\s|$)", _full_month, text)
    first = re.match(r"^(\d{3,4}(?:\s?(?:BC|BCE|AD|CE))?),\s(.+)$", text)
    if first is not None:  # "1903, 3 November" -> "3 November 1903"; "1905, late" -> "late 1905"
        text = f"{first.group(2)} {first.group(1)}"
    if _PREPOSITION.match(text):
        return text[:1].upper() + text[1:]
    m = re.match(rf"^{_CIRCA}\s?", text)
    if m:
        approx, text = True, text[m.end() :]
    about = "about " if approx else ""
    season = re.match(rf"^({_SEASON})\s(?:of\s)?", text)
    if season:
        return f"In {about}the {season.group(1).lower()} of {text[season.end() :]}"
    if re.match(rf"^{_EDGE}", text):
        return f"In {about}{text[:1].lower()}{text[1:]}"
    if re.match(r"^\d{1,2}\b", text) and not re.match(r"^\d{3}", text):
        return f"On {about}{text}"
    if re.match(r"^\d{3,4}s\b", text):
        return f"In {about}the {text}"
    return f"In {about}{text}"


def _full_month(m: re.Match[str]) -> str:
    return _FULL_MONTH.get(m.group(1), m.group(0))


def _front(corpus: Corpus, sent: Sentence, prompt: str, phrase: str) -> str:
    """``prompt`` with ``phrase`` put before it (after an "According to ..." prefix), its first word lowered
    unless it is a name ("Diplomats see" -> "In the 1550s, diplomats see"; "Mehmed" stays)."""
    prefix = ""
    m = re.match(r"^According to [^,]{1,80},\s*", prompt)
    if m and prompt[m.end() : m.end() + 1].islower():
        # the source goes on past the comma ("According to Norman sources, including the Tapestry, Harold
        # swears"): the date goes before it all
        return f"{phrase}, according{prompt[len('According') :]}"
    if m:
        prefix, prompt = prompt[: m.end()], prompt[m.end() :]
    first = prompt.split(" ", 1)[0]
    if first in _LOWER or _common(corpus, sent, first):
        prompt = prompt[:1].lower() + prompt[1:]
    if prefix:
        phrase = phrase[:1].lower() + phrase[1:]
    return f"{prefix}{phrase}, {prompt}"


def dated(corpus: Corpus, sent: Sentence, prompt: str, key: str = "") -> str:
    """The prompt with its timeline entry's date written in front: a label it begins with becomes an adverbial
    ("May 1453: Mehmed begins ..." -> "In May 1453, Mehmed begins ..."; "_____: the siege begins" -> "In _____,
    the siege begins"), and a prompt that dropped its entry's date gets it back. A prompt or key that already
    has a year of its own is dated already."""
    m = LABEL.match(prompt)
    if m is not None:
        # the sentence's own label wins: the prompt may have lost its bracket ("1854 (May)" -> "1854")
        own = label_of(sent)
        rest, phrase = _own_time(prompt[m.end() :], own or _label_date(m))
        return _front(corpus, sent, rest, phrase)
    spaced = _blank_in_label(sent, prompt, key)
    if spaced is not None:
        return _front(corpus, sent, spaced[1], spaced[0])
    first = re.match(
        rf"^{re.escape(BLANK)},\s(?P<rest>{_DAYS}\s{_MONTH}|{_MONTH}(?:\s{_DAYS})?|[Ee]arly|[Ll]ate)"
        rf"\s?[:\u2013\u2014-]\s+",
        prompt,
    )
    if first is not None:  # "_____, 15 August - The SS Ancon ..." (the year asked): "On 15 August _____, the ..."
        return _front(
            corpus, sent, prompt[first.end() :], adverbial(f"1000, {first.group('rest')}").replace("1000", BLANK)
        )
    blank = re.match(rf"^({_CIRCA}\s?)?{re.escape(BLANK)}\s?[:\u2013\u2014-]\s+", prompt)
    if blank is not None:
        how = "On" if re.match(r"^\d{1,2}\s", key) and not re.match(r"^\d{3}", key) else "In"
        about = "about " if blank.group(1) else ""
        return _front(corpus, sent, prompt[blank.end() :], f"{how} {about}{BLANK}")
    if _dates_itself(prompt) or _HAS_YEAR.search(key):
        # "In 1711, Weavers from Flanders settle ...": the label read as a fronted date left the capital
        read = re.match(r"^(In|On) [^,]{3,30}, (\w+)", prompt)
        if read is not None and label_of(sent) is not None and _common(corpus, sent, read.group(2)):
            return prompt[: read.start(2)] + read.group(2).lower() + prompt[read.end(2) :]
        return prompt
    date = entry_date(corpus, sent)
    if date is None or date in prompt or _speaks_of_now(sent):
        return prompt
    rest, phrase = _own_time(prompt, date)
    return _front(corpus, sent, rest, phrase)


_NOW = frozenset({"today", "now", "nowadays", "currently"})


def _speaks_of_now(sent: Sentence) -> bool:
    """ "It is today Astana": a main verb in the present that "today" or "now" qualifies speaks of now, not of its
    entry's date ("In 1961, the city is today Astana" would put the present under a past date)."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP"):
        return False
    # next to the verb, whatever the parse hung it on ("is today Astana": read as a modifier of the name); not an
    # aside's "today" further on ("work begins on the mosque (today the Imam Mosque)"), which dates no verb
    near = [root.doc[i] for i in (root.i - 1, root.i + 1) if sent.span.start <= i < sent.span.end]
    return any(c.lower_ in _NOW for c in near)


# "Over the following decades he builds ...": a time the sentence counts from its entry's date
_COUNTED_FROM = re.compile(
    r"^(?P<prep>[Oo]ver|[Ii]n|[Dd]uring|[Ww]ithin)\sthe\s(?:following|next|ensuing|subsequent)\s"
    r"(?P<span>(?:\w+\s)?(?:years?|decades?|months?|weeks?|days?|century|centuries|generations?)),?\s"
)
# a day and month with no year after them ("arrested on 6 July and deported")
_YEARLESS_DAY = re.compile(rf"\b(?:{_DAYS}\s{_MONTH}|{_MONTH}\s{_DAYS})\b(?!,?\s(?:\d{{3,4}}|{re.escape(BLANK)}))")
_LAST_YEAR = re.compile(r"(?:\d{3,4}(?:\s?(?:BC|BCE|AD|CE))?)(?!.*\d{3,4})")


def _own_time(prompt: str, date: str) -> tuple[str, str]:
    """The prompt and the date phrase to put before it, so that the two do not tell the time twice: "Over the
    following decades he builds" under "1805" -> "Over the decades after 1805, he builds" (not "In 1805, over the
    following decades"); "Rizal is arrested on 6 July" under "6-7 July 1892" -> "In 1892" before it (not "On 6-7
    July 1892, ... on 6 July")."""
    phrase = adverbial(date)
    counted = _COUNTED_FROM.match(prompt)
    if counted is not None and re.match(r"^(?:In|On) ", phrase):
        when = phrase.split(" ", 1)[1]
        return prompt[counted.end() :], f"{counted.group('prep').capitalize()} the {counted.group('span')} after {when}"
    year = _LAST_YEAR.search(date)
    if year is not None and any(_within(day.group(), date) for day in _YEARLESS_DAY.finditer(prompt)):
        return prompt, adverbial(year.group())
    return prompt, phrase


_DAY_RANGE = re.compile(rf"(?P<first>\d{{1,2}})(?:\s?[\u2013-]\s?(?P<last>\d{{1,2}}))?\s(?P<month>{_MONTH})")


def _within(day: str, date: str) -> bool:
    """Whether the day and month ``day`` ("6 July") fall in the days ``date`` spans ("6-7 July 1892"): the date
    says again what the sentence says (a day outside it, "after the death of Selim I on 22 September" under "30
    September 1520", is another day)."""
    said, span = _DAY_RANGE.search(day), _DAY_RANGE.search(date)
    if said is None or span is None or said.group("month")[:3] != span.group("month")[:3]:
        return False
    first = int(span.group("first"))
    return first <= int(said.group("first")) <= int(span.group("last") or first)


# Words after which a year dates what is told ("in 1865", "May 1866", "1864-1865"); after others it is part of a
# noun phrase ("the lost 1865 cable", "its 1840 charter") and says nothing of when the statement happened
_DATING_WORDS = re.compile(
    rf"(?:^|\b(?:in|on|by|from|until|till|to|since|after|before|during|around|about|circa|c\.|of|and|or|early|late|"
    rf"mid|{_MONTH}|\d{{1,2}}(?:st|nd|rd|th)?),?|[(,])\s*[-\u2013]?\s*$",
    re.I,
)
_DECADE = re.compile(r"\bthe\s*$", re.I)


def _dates_itself(prompt: str) -> bool:
    """Whether the prompt has a year of its own that dates it: one after a preposition, a month or a day, or
    leading it, or a decade ("the 1820s"); not a year that describes a thing ("recovers the lost 1865 cable")."""
    return any(
        _DATING_WORDS.search(prompt[: m.start()]) or (m.group().endswith("s") and _DECADE.search(prompt[: m.start()]))
        for m in _HAS_YEAR.finditer(prompt)
    )


def _blank_in_label(sent: Sentence, prompt: str, key: str) -> tuple[str, str] | None:
    """A prompt whose blank stands where the line's label was ("_____ A French company lays ...",
    "_____ (May) Field ..."): the label's adverbial with the key blanked ("In _____") and the rest of the prompt,
    or None when the prompt does not open so or the key is not the label's."""
    m = LABEL.match(sent.text)
    opening = re.match(rf"^{re.escape(BLANK)}(?:\s\([^()]{{1,20}}\))?\s(?=[A-Z\u201c\"])", prompt)
    if m is None or opening is None or not key or key not in m.group(0):
        return None
    phrase = adverbial(_label_date(m))
    if key not in phrase:
        return None
    return phrase.replace(key, BLANK, 1), prompt[opening.end() :]


def _common(corpus: Corpus, sent: Sentence, word: str) -> bool:
    """Whether ``word``, the prompt's first word, is a common word where the sentence has it (not a name), or
    stands first in the sentence's text (after its label) and the article writes it in lower case elsewhere
    ("Imperial forces defeat ..." beside "imperial rule")."""
    if not word[:1].isupper() or word == "I":
        return False
    text = corpus.documents[sent.doc].text
    if re.search(rf"[a-z,;] {re.escape(word)}\b", text) and not re.search(rf"\b{re.escape(word.lower())}\b", text):
        return False  # "and Field seeks funds", never "field": a name however it is tagged
    tok = next((t for t in sent.tokens if t.text == word), None)
    if word.lower() in TITLES or (tok is not None and tok.i + 1 < len(tok.doc) and tok.nbor(1).pos_ == "PROPN"):
        return False  # "King Æthelred", "Imperial Russia": part of a name
    m = LABEL.match(sent.text)
    if (
        sent.text[m.end() if m else 0 :].startswith(word + " ")
        and word.lower() in corpus.cache.get("lower_words", ())
        and (tok is None or tok.pos_ != "PROPN" or tok.ent_type_ in ("", "NORP") or _in_label_entity(sent, tok))
    ):
        return True
    return (
        tok is not None
        and tok.pos_ not in ("PROPN", "X")
        and tok.tag_ not in ("NNP", "NNPS")
        and tok.ent_type_ not in _NAMES
    )


# A column label left at a prompt's head: "1858 (_____ Aug) Queen Victoria's message ...", "1866 The company ..."
_RAW_SPACED = re.compile(rf"^(?:{DATE}|{re.escape(BLANK)})(?:\s\([^()]{{1,20}}\))?\s[A-Z]")


def raw_label(prompt: str) -> bool:
    """Whether a timeline line's label is still in the prompt, run into its event ("Where does 27 October 1605 -
    Akbar die?", "1858 (_____ Aug) The message ..."): no rewording of the date into a sentence reached it."""
    return _RAW_LABEL.search(prompt) is not None or _RAW_SPACED.match(prompt) is not None


_FINITE = FINITE_TAGS


def verbless_line(sent: Sentence) -> bool:
    """A timeline line whose first statement has no finite verb ("1555 - Peace of Amasya with Persia; the
    Ottomans keep Baghdad"): a note, not a sentence, which a question cannot restate as a fact."""
    text = sent.span_text
    m = LABEL.match(text)
    if m is None:
        return False
    start = sent.span.start_char + m.end()
    end = start + len(re.split(r"[;:]", text[m.end() :], maxsplit=1)[0])
    # a verb with a subject counts however it is tagged ("The Turks ... destroy", read as a base form)
    return not any(
        t.tag_ in _FINITE or (t.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJ for c in t.children))
        for t in sent.tokens
        if start <= t.idx < end
    )


# Fewer words than this after a line's label ("28 August 1883 Activity dies down") say too little to test
SHORT_LINE_WORDS = 5


def short_line(sent: Sentence) -> bool:
    """A timeline line whose event, its label set aside, is a few words naming no one ("1883 Activity dies
    down"): the whole fact is its date, and a question on it tests nothing but the date. "1910: Japan annexes
    Korea" is short too, but names who did what to whom."""
    m = LABEL.match(sent.text)
    if m is None or len(sent.text[m.end() :].split()) >= SHORT_LINE_WORDS:
        return False
    start = sent.span.start_char + m.end()
    return not any(t.pos_ == "PROPN" for t in sent.tokens if t.idx >= start)


def _in_label_entity(sent: Sentence, tok: Any) -> bool:
    """Whether the token's entity begins inside the line's label ("CE - Voyagers" read as one organisation): the
    parser ran the date into the first word, which says nothing of that word being a name."""
    m = LABEL.match(sent.span_text)
    if m is None:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and ent.start_char < sent.span.start_char + m.end()


def subjectless_line(sent: Sentence) -> bool:
    """A timeline line whose subject the list leaves out ("1826 - opens a shop", "1799 - born in Dorset"): it
    states nothing a question could restate."""
    if label_of(sent) is None:
        return False
    root = sent.root
    return root.pos_ in ("VERB", "AUX") and not any(c.dep_ in _SUBJ for c in root.children)


# "1622 - Embassy to Luanda": a year (or a "c." one) and a dash opening a timeline entry
_ENTRY = re.compile(r"(?:^|\s)(?:c\.\s*)?\d{3,4}\s+[-\u2013\u2014]\s+\S")


# "Peçevi 1633 Murad IV closes", "the great fire 1652 Pasqua Rosée opens": a year between a word and a
# capitalised one, as column entries run together read; in prose a year follows a preposition ("in 1633 Murad")
_SPACED_ENTRY = re.compile(r"(?:^|(?P<word>[^\W\d]+)\s)\d{3,4}\s[A-Z]")
_BEFORE_YEAR = frozenset(
    {"in", "by", "of", "since", "from", "to", "until", "till", "after", "before", "during", "and", "or", "about"}
    | {"around", "circa", "c", "than", "between", "early", "late", "mid", "summer", "winter", "spring", "autumn"}
    | {"year", "the", "AD", "ad", "AH", "ah"}
    | {m.lower() for m in MONTHS}
)


def _spaced_entries(text: str) -> int:
    return sum(
        1
        for m in _SPACED_ENTRY.finditer(text)
        if m.group("word") is None or m.group("word").lower() not in _BEFORE_YEAR
    )


def merged_lines(sent: Sentence) -> bool:
    """Timeline entries run together into one "sentence" (a PDF's lines extracted as one, "c. 1583 - Born in
    Ndongo 1622 - Embassy to Luanda 1624 - Becomes ruler", "1633 Murad IV closes ... 1652 Pasqua Rosée opens"):
    several facts, none stated whole."""
    return len(_ENTRY.findall(sent.text)) >= 2 or _spaced_entries(sent.text) >= 2
