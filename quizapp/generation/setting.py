"""The place a whole document is about: "Java" in an article on Borobudur, "Russia" in one on Peter the Great.

A question whose answer is that place tests nothing: a student who read only the first line, or none, writes it
in ("peasants were conscripted from across _____"). The setting is the place the document names in more of its
sentences than any other, and in at least a few: counted once per document from the mentions the parse already
holds, so asking a key costs a dictionary look-up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .analysis import Corpus, norm_key
from .giveaways import nationality_words
from .lexicon import FACILITY_WORDS
from .textutil import contains_phrase
from .textutil import words as split_words

# Named in at least this many sentences, and this share of them: a place named twice is a detail, not a setting.
SETTING_MIN_SENTENCES = 5
SETTING_SHARE = 0.1
# A country or a wider region: a city or a site named most often is what the article is about ("Florence" in the
# history of a bank there), and asking where a thing happened in it is often the point of a question.
WIDE_PLACES = frozenset({"country", "region"})


def document_settings(corpus: Corpus) -> dict[int, str]:
    """Document index -> the normalised name of its setting (documents without a clear one are left out)."""
    cached = corpus.cache.get("settings")
    if cached is not None:
        return cached
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    sentences: Counter[int] = Counter()
    wide: set[str] = set()
    place_of_word = _places_of_people_words()
    for s in corpus.sentences:
        sentences[s.doc] += 1
        places = {m.norm for m in s.mentions if m.kind == "place"}
        # "Scottish merchants", "the Scots" name Scotland as often as its name does: an article on a Scottish
        # venture says the adjective as often as the country
        places.update(place_of_word[m.norm] for m in s.mentions if m.kind != "place" and m.norm in place_of_word)
        counts[s.doc].update(places)
        wide.update(m.norm for m in s.mentions if m.kind == "place" and m.sub in WIDE_PLACES)
        # a place with a people of its own is a nation or a land, where the place list gives it no grain
        wide.update(m.norm for m in s.mentions if m.kind == "place" and m.sub in ("", "place") and m.norm in _NATIONS)
    out: dict[int, str] = {}
    for doc, tally in counts.items():
        top = tally.most_common(2)
        if not top or top[0][0] not in wide or top[0][1] < max(SETTING_MIN_SENTENCES, SETTING_SHARE * sentences[doc]):
            continue
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[doc] = top[0][0]  # a tie means two places share the article: neither is the setting alone
    corpus.cache["settings"] = out
    return out


_NATIONS = frozenset(nationality_words())


def _places_of_people_words() -> dict[str, str]:
    """A people's word, lower case ("scottish") -> its place's name, lower case ("scotland"), where one place has
    that word ("British" names Britain and the United Kingdom alike: both are written "britain" here first)."""
    out: dict[str, str] = {}
    for place, words in nationality_words().items():
        for w in words:
            out.setdefault(w.lower(), place)
    return out


def is_setting(key: str, setting: str) -> bool:
    """Whether a key is the setting, or the setting with a qualifier ("Central Java" for "Java")."""
    if not setting or not key:
        return False
    mine = norm_key(key)
    return mine == setting or (len(mine.split()) <= 2 and contains_phrase(mine, setting))


def document_people(corpus: Corpus) -> dict[int, str]:
    """Document index -> the normalised name of the people or nation it is about ("the Nabataeans" in a history
    of their kingdom), by the same measure as the place: asking for it tests nothing."""
    cached = corpus.cache.get("document_people")
    if cached is not None:
        return cached
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    sentences: Counter[int] = Counter()
    for s in corpus.sentences:
        sentences[s.doc] += 1
        counts[s.doc].update({m.norm for m in s.mentions if m.kind == "group"})
    out: dict[int, str] = {}
    for doc, tally in counts.items():
        top = tally.most_common(2)
        named_most = top and top[0][1] >= max(SETTING_MIN_SENTENCES, SETTING_SHARE * sentences[doc])
        if named_most and (len(top) == 1 or top[0][1] > top[1][1]):
            out[doc] = top[0][0]  # a tie means two peoples share the article: neither is its subject alone
    corpus.cache["document_people"] = out
    return out


# What a title says besides its subject: the genre ("A Timeline", "Explained", "Questions Answered"), a section's
# number, years. Cut away, what is left may be the subject's name.
_TITLE_GENRE = re.compile(
    r"\b(?:an?\s+)?(?:timeline|chronology|explained|explainer|(?:(?:your|some|seven|ten|five|\w+)\s+)?questions"
    r"(?:\s+and\s+answers|\s+answered)?|overview|introduction|biography|a\s+life|profile)\b",
    re.I,
)
_TITLE_NUMBERING = re.compile(r"^(?:(?:chapter|section|unit|part)\s+\w+[,.]?\s*|[\d.]+\s+)+", re.I)
_TITLE_DATES = re.compile(
    r"\([^()]*\)|,?\s*(?:c\.\s*)?\d{3,4}(?:\s*[-–]\s*(?:c\.\s*)?\d{2,4})?s?\b|,?\s*(?:c\.\s*)?\d{1,2}(?:st|nd|rd|th)"
    r"\s+century\b",
    re.I,
)
# Heads of names of works built by hand, whose parts and building an article on them tells without naming them
BUILT_WORKS = FACILITY_WORDS | frozenset(
    {
        "canal", "wall", "railway", "railroad", "road", "aqueduct", "dam", "tunnel", "pyramid", "temple", "mosque",
        "lighthouse", "stupa", "mausoleum", "tomb", "monastery", "basilica", "chapel", "highway", "pipeline",
        "amphitheatre", "amphitheater", "arena", "forum", "stadium", "market", "marketplace",
    }
)  # fmt: skip
SUBJECT_MAX_WORDS = 6
# A title's phrase that is a name by its form alone: capitalised words, and particles between them
_TITLE_NAME = re.compile(r"[A-Z][\w’'-]*(?: (?:of|the|de|al|[A-Z][\w’'-]*))*")
SUBJECT_MIN_MENTIONS = 2  # written in the article's body at least this often: what the article is about


@dataclass(frozen=True)
class Subject:
    """What a document is about, as its body writes it: "the Erie Canal", "Hadrian's Wall", "Ibn al-Haytham"."""

    text: str
    head: str  # its head word, lower case: "canal", "wall"

    @property
    def built(self) -> bool:
        """A work built by hand (a canal, a wall, a cathedral): what "work began", "the first section" are of."""
        return self.head in BUILT_WORKS


def document_subject(corpus: Corpus, doc: int) -> Subject | None:
    """The subject the document's title names and its body repeats (cached per document), or None.

    The title's parts (split at a colon or dash) are read with its genre words ("A Timeline", "Explained"), section
    numbers and years cut away; a part is the subject when the body names it often enough (see _written_in_body).
    The text is the body's own form, with the "the" the body writes before it."""
    cache = corpus.cache.setdefault("subjects", {})
    if doc in cache:
        return cache[doc]
    found = _find_subject(corpus, doc)
    cache[doc] = found
    return found


def _find_subject(corpus: Corpus, doc: int) -> Subject | None:
    document = corpus.documents[doc]
    title = document.title or ""
    body = document.text
    if title and body.lstrip().startswith(title):
        body = body.lstrip()[len(title) :]
    for phrase, the in _title_phrases(title):
        written = _written_in_body(body, phrase, the)
        if written is None:
            continue
        name = written[4:] if written.startswith("the ") else written
        return Subject(written, _head_word(name).lower())
    return None


def _head_word(name: str) -> str:
    """The word a name is a kind of: "Canal" of "Erie Canal", "Code" of "Code of Hammurabi", "Wall" of "Hadrian's
    Wall" (its possessive ending cut)."""
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]  # "Kingdom of Kongo": a kingdom, not a Kongo
    return re.sub(r"(?:'s|’s)$", "", words[-1])


def _title_phrases(title: str) -> list[tuple[str, bool]]:
    """The phrases of a title that may name its subject, the likeliest first, each with whether the title writes
    "The" before it."""
    title = re.sub(r"\([^()]*\)", " ", title)  # "Ibn al-Haytham (c. 965 – c. 1040)": the dates go first
    parts = [p for p in re.split(r"\s*(?::|\s[–—-]\s|\|)\s*", title) if p]
    out: list[tuple[str, bool]] = []
    for part in parts:
        if part.strip().endswith("?"):
            continue  # "Did Rapa Nui Really Collapse?": a question the article asks, not a name it writes in
        text = _TITLE_DATES.sub(" ", _TITLE_NUMBERING.sub("", part.strip()))
        text = _TITLE_GENRE.sub(" ", text)
        text = " ".join(text.split()).strip(" ,.;?!\"'“”‘’")
        text = re.sub(r"^[A-Z][a-z]+ing\s+(?=the\s)", "", text)  # "Building the Suez Canal": what is built
        the = bool(re.match(r"the\s", text, flags=re.I))
        text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        text = re.sub(r"\s+(?:of|in|and|at|on|from)$", "", text, flags=re.I)  # "the Great Smog of [1952]"
        if not text or len(text.split()) > SUBJECT_MAX_WORDS:
            continue
        out.append((text, the))
    return out


_NAME_PARTICLES = frozenset({"of", "the", "and", "de", "del", "da", "du", "la", "le", "von", "van", "y", "al", "el"})


def _proper(name: str) -> bool:
    """A name as names are written: each word but a particle capitalised ("Kingdom of Kongo", "Ibn al-Haytham");
    not a phrase in capitals nor one whose capital opens a sentence ("Sixty years")."""
    words = name.split()
    return not name.isupper() and all(
        w.lower() in _NAME_PARTICLES or any(part[:1].isupper() for part in w.split("-")) for w in words
    )


def _written_in_body(body: str, phrase: str, the: bool = False) -> str | None:
    """The phrase as the body writes it, with a capital and the body's "the" before it, where the body names it
    often enough: in full, or by its head word after "the" ("the canal" of an article on the Erie Canal)."""
    words = [re.escape(w) for w in phrase.split()]
    pattern = re.compile(r"(?<![\w’'])((?:the\s+)?)(" + r"\s+".join(words) + r")(?![\w’'-])", re.I)
    forms: Counter[str] = Counter()
    openers: Counter[str] = Counter()  # the name opening a sentence: its case tells only if the title is in capitals
    common = 0  # written in lower case mid-sentence: "the Antikythera mechanism" is no name "Mechanism"
    for m in pattern.finditer(body):
        name = " ".join(m.group(2).split())
        form = ("the " if m.group(1) and "’" not in name and "'" not in name else "") + name
        before = body[: m.start()].rstrip(" \t")
        if re.match(r"\s+[A-Z]", body[m.end() :]):
            continue  # one inside a longer name ("the Antikythera Mechanism Research Project")
        if not before or before[-1] in '.!?:\n"“':
            openers[form] += _proper(name)
            continue  # a capital that only opens a sentence or a line ("Sixty years on") names nothing
        if not _proper(name):
            common += 1
            continue
        forms[form] += 1
    head = _head_word(phrase)
    by_head = len(re.findall(rf"(?<![\w’'])the\s+{re.escape(head)}(?![\w’'-])", body, re.I)) if len(words) > 1 else 0
    if (
        not forms
        and not common
        and _TITLE_NAME.fullmatch(phrase)
        and _proper(phrase)
        and by_head >= SUBJECT_MIN_MENTIONS
    ):
        # "The Berlin Wall, 1961-1989": the body says "the wall" throughout; the title writes the name
        return ("the " if the else "") + phrase
    if not forms and not common and phrase.isupper() and +openers and by_head >= SUBJECT_MIN_MENTIONS:
        # "ELEUSINIAN MYSTERIES": the body's "The Eleusinian Mysteries ..." gives the case, "the Mysteries" the rest
        return openers.most_common(1)[0][0]
    if not forms or common > sum(forms.values()) or sum(forms.values()) + by_head < SUBJECT_MIN_MENTIONS:
        return None
    # "the Erie Canal" over "Erie Canal" when the body writes the article more often; with a tie, the bare name
    return max(forms.items(), key=lambda kv: (kv[1], not kv[0].startswith("the "), kv[0]))[0]


SUBJECT_NAME_SENTENCES = 3  # a title's name the body writes in at least this many sentences is what it is about
_NAME_WORD = re.compile(r"[A-Z][\w’'-]+")


def subject_words(corpus: Corpus, doc: int) -> frozenset[str]:
    """The words of the names the title gives and the body keeps writing (cached per document): "Tycho" and
    "Brahe" under "Tycho Brahe (1546-1601): The Astronomer of Hven" when the body says "Tycho" throughout.

    A word the body also writes in lower case is a common noun ("Scheme" of "The Darien Scheme"), not a name."""
    return corpus.kept("subject_words", doc, lambda: _subject_words(corpus, doc))


def _subject_words(corpus: Corpus, doc: int) -> frozenset[str]:
    document = corpus.documents[doc]
    title = document.title or ""
    texts = [s.text for s in corpus.document_sentences(doc) if not s.heading and title not in s.text]
    body = "\n".join(texts)
    out: set[str] = set()
    phrases = [phrase for line in title_lines(corpus, doc) for phrase, _the in _title_phrases(line)]
    for phrase in phrases:
        words = [w for w in _NAME_WORD.findall(phrase) if not re.search(rf"\b{re.escape(w.lower())}\b", body)]
        if any(_sentences_naming(w, texts) >= SUBJECT_NAME_SENTENCES for w in words):
            out.update(w.lower() for w in words)  # "Brahe" with "Tycho": one name, however the body shortens it
    dominant = _dominant_name(corpus, doc)
    # a title that names no one ("Walls without mortar") leaves the name the body keeps writing far more than any
    out.update(w.lower() for w in _NAME_WORD.findall(dominant) if not re.search(rf"\b{re.escape(w.lower())}\b", body))
    return frozenset(out)


DOMINANT_LEAD = 1.6  # named in this many times the sentences of any other name: the body is about it
_NAMED_KINDS = frozenset({"person", "place", "org", "group", "other", "product"})


def _dominant_name(corpus: Corpus, doc: int) -> str:
    """The name (as first written) that the document's sentences name far more often than any other, in at least
    a few of them and a share of all, or "". Its own shorter forms ("Zimbabwe" of "Great Zimbabwe") are no rivals."""
    tally: Counter[str] = Counter()
    written: dict[str, str] = {}
    sentences = 0
    for s in corpus.document_sentences(doc):
        sentences += 1
        named = {m.norm: m.text for m in s.mentions if m.kind in _NAMED_KINDS}
        tally.update(named.keys())
        for norm, text in named.items():
            written.setdefault(norm, text)
    top = tally.most_common()
    if not top or top[0][1] < max(SETTING_MIN_SENTENCES, SETTING_SHARE * sentences):
        return ""
    name, count = top[0]
    rival = next((n for norm, n in top[1:] if not (contains_phrase(name, norm) or contains_phrase(norm, name))), 0)
    return written[name] if count >= DOMINANT_LEAD * rival else ""


def _sentences_naming(word: str, texts: list[str]) -> int:
    # A title in capitals ("ANTONIE VAN LEEUWENHOEK") names what the body writes with an initial capital.
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.I if word.isupper() else 0)
    return sum(1 for t in texts if any(m.group(0)[0].isupper() for m in pattern.finditer(t)))


LEADING_LINES = 3  # the lines that may carry the title, before the first sentence
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def title_lines(corpus: Corpus, doc: int) -> list[str]:
    """The document's title and the lines that open it before its first sentence (a line ending as sentences end):
    a page's first line is often a series' name ("Lives in Science | Biography series") or half a title broken
    over two lines ("The Tanganyika Groundnut Scheme, 1946-1951:" over "Explained"), and the subject's name stands
    in the line beside it."""
    title = corpus.documents[doc].title or ""
    out = [title] if title else []
    for s in corpus.document_sentences(doc)[:LEADING_LINES]:
        if _SENTENCE_END.search(s.text.rstrip()):
            break
        if s.text not in out:
            out.append(s.text)
    return out


def is_subject(key: str, words: frozenset[str]) -> bool:
    """Whether a key names the document's subject: its last name word is one of the subject's ("Tyge Ottesen
    Brahe" in a life of Tycho Brahe)."""
    names = _NAME_WORD.findall(key)
    return bool(names) and re.sub(r"(?:'s|’s)$", "", names[-1]).lower() in words


TOPIC_STEM = 5  # letters two forms of one name share at least ("Sogdian" and "Sogdiana")
TOPIC_ENDING = 3  # letters each may add to the shared part


def shares_stem(a: str, b: str) -> bool:
    """Two forms of one name, lower case: "sogdians" and "sogdiana", "egypt" and "egyptian" (a common start of five
    or more letters, each adding at most three)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= TOPIC_STEM and len(a) - n <= TOPIC_ENDING and len(b) - n <= TOPIC_ENDING


def _joins(ch: str) -> bool:
    """Whether a character next to a phrase makes it part of a longer word: a word character (as the regex ``\\w``
    reads one), an apostrophe or a hyphen."""
    return ch.isalnum() or ch in "_’'-"


def _whole_phrase_at(phrase: str, text: str) -> Iterator[int]:
    """Where ``phrase`` stands in ``text`` as whole words (nothing that joins it on either side). A plain search
    with the boundaries checked by hand: a regex per key, compiled for a few hundred keys, cost more than it saved."""
    at = text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        if not (at and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
            yield at
        at = text.find(phrase, at + 1)


def _whole_phrase_in(phrase: str, text: str) -> bool:
    return next(_whole_phrase_at(phrase, text), None) is not None


def _names_key(key: str, by_stem: dict[str, list[str]]) -> tuple[str, frozenset[str]]:
    """How a sentence names the key in any form: the phrase in any case (lowered, without "the"), and the words
    that also name it (a word sharing the stem of a one-word key, the words for its people). ``by_stem``, every
    word of the document under its first TOPIC_STEM letters, lets the stem test run only on words that share them
    (a word that shares no TOPIC_STEM letters with the key shares no stem with it)."""
    low = key.lower()
    low = low[4:] if low.startswith("the ") else low
    words = low.split()
    forms = {w.lower() for w in nationality_words().get(low, ())}
    if len(words) == 1:
        forms |= {w for w in by_stem.get(words[0][:TOPIC_STEM], ()) if shares_stem(words[0], w)}
    return low, frozenset(forms)


def _by_stem(vocabulary: frozenset[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for w in vocabulary:
        out[w[:TOPIC_STEM]].append(w)
    return dict(out)


# Joins the lowered sentences of a document into one text searched once per key: no phrase holds it, and beside
# a phrase it is no letter, as the start or end of a sentence is none.
_SENTENCE_GAP = "\x00"


def _joined_sentences(sents: list[tuple[str, frozenset[str]]]) -> tuple[str, list[int], dict[str, list[int]]]:
    """The document's lowered sentences as one text, where each starts in it, and word -> the sentences with it."""
    starts: list[int] = []
    at = 0
    index: dict[str, list[int]] = defaultdict(list)
    for k, (lowered, found) in enumerate(sents):
        starts.append(at)
        at += len(lowered) + len(_SENTENCE_GAP)
        for w in found:
            index[w].append(k)
    return _SENTENCE_GAP.join(lowered for lowered, _ in sents), starts, dict(index)


def _sentences_with_key(
    sents: list[tuple[str, frozenset[str]]],
    joined: tuple[str, list[int], dict[str, list[int]]],
    low: str,
    forms: frozenset[str],
) -> int:
    """In how many of the sentences the phrase ``low`` stands as whole words or one of ``forms`` is a word."""
    if not low or _SENTENCE_GAP in low:
        return sum(1 for lowered, found in sents if _whole_phrase_in(low, lowered) or not forms.isdisjoint(found))
    text, starts, index = joined
    hits = {bisect_right(starts, at) - 1 for at in _whole_phrase_at(low, text)}
    for w in forms:
        hits.update(index.get(w, ()))
    return len(hits)


def _lowered_sentences(corpus: Corpus, doc: int) -> list[tuple[str, frozenset[str]]]:
    """Each sentence of the document in lower case, with its set of words."""
    out = []
    for s in corpus.document_sentences(doc):
        lowered = s.text.lower()
        out.append((lowered, frozenset(split_words(lowered))))
    return out


@dataclass(frozen=True)
class TopicShare:
    """How much of a document names a key: in how many of its sentences, out of how many, and the most sentences
    any other name of the document is written in."""

    count: int
    sentences: int
    rival: int

    @property
    def share(self) -> float:
        return self.count / max(1, self.sentences)

    @property
    def lead(self) -> bool:
        """Named in a few sentences and a share of all, and no other name in more: what the document is about."""
        return self.count >= max(SETTING_MIN_SENTENCES, SETTING_SHARE * self.sentences) and self.count >= self.rival


def topic_share(corpus: Corpus, doc: int, key: str) -> TopicShare:
    """How much of the document names the key in any of its forms (see _names_key)."""
    sents = corpus.kept("lowered_sentences", doc, lambda: _lowered_sentences(corpus, doc))
    tally: Counter[str] = corpus.kept("name_sentences", doc, lambda: _name_sentences(corpus, doc))
    rivals = corpus.kept("lowered_names", doc, lambda: _lowered_names(tally))
    by_stem = corpus.kept(
        "vocabulary_by_stem",
        doc,
        lambda: _by_stem(frozenset().union(*(found for _, found in sents), *(f for _, f, _ in rivals))),
    )
    low, forms = _names_key(key, by_stem)
    joined = corpus.kept("joined_sentences", doc, lambda: _joined_sentences(sents))
    mine = _sentences_with_key(sents, joined, low, forms)
    # the rivals come most named first: the first that is not the key is the most named other
    rival = next(
        (c for lowered, found, c in rivals if not (_whole_phrase_in(low, lowered) or not forms.isdisjoint(found))), 0
    )
    return TopicShare(mine, len(sents), rival)


def _lowered_names(tally: Counter[str]) -> list[tuple[str, frozenset[str], int]]:
    """Each name of the document in lower case, with its words and the number of sentences naming it, the most
    named first."""
    out = [(n.lower(), frozenset(split_words(n.lower())), c) for n, c in tally.items()]
    return sorted(out, key=lambda name: -name[2])


def names_topic(corpus: Corpus, doc: int, key: str) -> bool:
    """Whether a key is the document's topic though its title may not say it ("Yellow fever" in a life of Carlos
    Finlay, "Sogdiana" on Sogdian merchants, "Kyiv" on Kievan Rus'): no other name is written in more of its
    sentences. A student names it unread."""
    if not re.search(r"[^\W\d_]", key):
        return False
    return corpus.kept("topic_keys", (doc, key), lambda: topic_share(corpus, doc, key).lead)


# A country the document names, in any of its forms, in this many sentences and this share of them is the ground it
# stands on ("Peru" in a life of Guaman Poma, the "Soviet Union" in its Virgin Lands campaign), though another
# name (the person, the campaign) is named more: a blank on it is filled unread.
COUNTRY_GROUND_SENTENCES = 3
COUNTRY_GROUND_SHARE = 0.06
# Any place or people named in this share of the sentences (and in SETTING_MIN_SENTENCES or more) is as plain
# ("Hawaiʻi" where Cook died, "Zoroastrians" in their history), even where a person is named more.
PLACE_GROUND_SHARE = 0.15


def named_throughout(corpus: Corpus, doc: int, key: str, kind: str, sub: str) -> bool:
    """Whether a place or people key is what its document stands on (see COUNTRY_GROUND_* and PLACE_GROUND_SHARE):
    a fill-in on it tests nothing the reader did not know from the first lines."""
    if kind not in ("place", "group") or not re.search(r"[^\W\d_]", key):
        return False
    share = corpus.kept("topic_shares", (doc, key), lambda: topic_share(corpus, doc, key))
    country = kind == "place" and sub == "country"
    if country and share.count >= COUNTRY_GROUND_SENTENCES and share.share >= COUNTRY_GROUND_SHARE:
        return True
    return share.count >= SETTING_MIN_SENTENCES and share.share >= PLACE_GROUND_SHARE


def _name_sentences(corpus: Corpus, doc: int) -> Counter[str]:
    tally: Counter[str] = Counter()
    for s in corpus.document_sentences(doc):
        tally.update({m.norm for m in s.mentions if m.kind in _NAMED_KINDS})
    return tally
