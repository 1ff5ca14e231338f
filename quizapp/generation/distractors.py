"""Wrong options of the same kind and granularity as the key, drawn from the corpus.

Values are indexed once by kind (and granularity), so each question scans a short,
pre-sorted list rather than every entity; a usage counter spreads values across
questions so the same few names do not fill every slot.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from .analysis import Corpus, Mention, Sentence, norm_key
from .date_parts import bare_date_part
from .gazetteer import alias_group, place_class
from .giveaways import related_name, same_word, state_of_people
from .kinds import is_time_name
from .lexicon import FACILITY_WORDS, ROUTE_AND_OBJECT_WORDS, TITLES
from .normalise import MONTHS
from .option_fit import names_a_country, ruled_out
from .partwhole import paired, part_of_each_other
from .slots import Slot, gives_for_slot, slot_of
from .source_form import page_furniture
from .textutil import contains_phrase, content_tokens

MAX_SCAN = 60  # values looked at per question: the top ones plus a window that moves with the key
TOP = 20
MAX_LENGTH_RATIO = 2.5


def stable_hash(*parts: object) -> int:
    """A hash that does not change between runs (unlike hash() on strings)."""
    data = "\x1f".join(map(str, parts)).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


_PARTICIPLE = re.compile(r"[A-Z][a-z]{2,}(?:ed|ing)")


def opens_with_participle(m: Mention) -> bool:
    """ "Renamed Tianjing, the city remained ...": the parser took a sentence's opening participle, capitalised,
    for the first word of the name after it; as a key or an option it is no name. A word the text also
    capitalises inside a sentence ("United") is part of a name."""
    first = m.first
    if first.i != m.sent.span.start or m.last.i == first.i or not _PARTICIPLE.fullmatch(first.text):
        return False
    return not any(t.text == first.text and not t.is_sent_start for t in first.doc if t.i != first.i)


def usable_key(m: Mention) -> bool:
    """Whether a mention's kind is trusted enough to be a key or a distractor."""
    if m.day_month or m.kind not in ("person", "org", "place", "date", "number", "law", "event", "group"):
        return False
    if m.kind == "group" and not people_as_actor(m):
        return False  # "Marenese traders", "the French army": the people only describes another noun
    if bare_date_part(m):
        return False
    if m.kind_confidence < 0.6 or len(m.text) > 45 or "\n" in m.text:
        return False
    if not balanced(m.text):
        return False  # "Pegu (Burma": the span broke inside a bracket, no name a student reads as one
    if opens_with_participle(m):
        return False
    # A lower-case "entity" ("congress", "the state") is a common noun the model over-read.
    if not (m.text[:1].isupper() or m.text[:1].isdigit() or (m.kind == "number" and m.number is not None)):
        return False  # ("three million" is a count all the same)
    if (
        m.gloss
        or m.fragment
        or (m.kind in ("person", "org") and m.first.i == m.last.i and (m.kind_confidence < 0.75 or not m.solid))
    ):
        return False
    if m.root.dep_ in ("compound", "amod") and m.root.head.pos_ == "NOUN" and m.root.head.i > m.last.i:
        # "the Franklin expedition", "Small Christian territories", "Roman law": the name only describes the noun
        return False
    if m.kind == "place" and any(f" {w} " in m.text for w in ("in", "near", "at", "on", "and")):
        return False  # "Frant in Sussex", "Shimoda and Hakodate" are two places, no single option
    if m.kind == "number" and enumerator(m):
        return False
    return not (m.kind == "number" and (m.number is None or m.number < 2))


_PAIRS = {"(": ")", "[": "]"}


def balanced(text: str) -> bool:
    """Whether every bracket the text opens it also closes, and none it closes was opened, in order."""
    open_: list[str] = []
    for ch in text:
        if ch in _PAIRS:
            open_.append(_PAIRS[ch])
        elif ch in _PAIRS.values() and (not open_ or open_.pop() != ch):
            return False
    return not open_ and text.count('"') % 2 == 0


# Endings of peoples' names that stand for the whole people without a plural "s": "the Burmese", "the French",
# "the British", "the Dutch", "the Swiss".
_COLLECTIVE_ENDINGS = ("s", "ese", "ish", "ch", "sh", "ss")


def people_as_actor(m: Mention) -> bool:
    """A people, nation or group the sentence names as an actor ("the Ostrans sacked the city", "a treaty with
    the Dalmiri"): a plural noun or a name after "the" that heads its own phrase, not an adjective before another
    noun ("Ostran traders") nor a possessive ("the Ostrans' king")."""
    r = m.root
    if r.dep_ in ("amod", "compound", "poss") or m.text.endswith(("'s", "\u2019s", "'", "\u2019")):
        return False
    if m.last.i + 1 < m.sent.span.end and m.last.nbor(1).pos_ in ("NOUN", "PROPN", "PART"):
        return False  # "the Marenese salt merchants", "the Marenese' walls"
    if r.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos") or r.pos_ == "ADJ":
        return False  # "in the Assyrian and later the Persian Empire": an adjective whose noun comes later
    if r.tag_ == "NNP" and not m.text.endswith(_COLLECTIVE_ENDINGS):
        return False  # "a Greek", "the Roman": one person of a people, not the people
    if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.text[:1].isupper():
        return False  # "the Congress of Soviets": the end of a longer name
    after_the = m.first.i > m.sent.span.start and m.first.nbor(-1).lower_ == "the"
    return after_the or r.tag_ in ("NNPS", "NNS")


def enumerator(m: Mention) -> bool:
    """A number that numbers a section or a list item ("3. Spread and influence", "2) Causes"): it counts
    nothing, and offered beside "22 letters" it makes the key the only plausible option."""
    first, span = m.first, m.sent.span
    return first.i == span.start and m.last.i + 1 < span.end and m.last.nbor(1).text in (".", ")")


def pool_of(m: Mention) -> str:
    """The pool a mention's value belongs to: kind plus granularity."""
    if m.kind == "date":
        return f"date:{m.sub}"
    if m.kind == "place":
        last = m.norm.split()[-1] if m.norm.split() else ""
        if last in NATURAL_FEATURES or m.norm in OCEANS:
            return "place:feature"  # a coast, a sea or a range is no option against a town
        if last in FACILITY_WORDS:
            return "place:facility"  # "the Mansion House", "Woolwich Dockyard": a building or site, not a town
        return {"country": "place:country", "region": "place:region", "state": "place:state"}.get(m.sub, "place:local")
    return m.kind


NATURAL_FEATURES = frozenset(
    {
        "sea", "ocean", "coast", "river", "mountains", "mountain", "lake", "bay", "gulf", "strait", "island",
        "islands", "peninsula", "desert", "valley", "plain", "plains", "range", "channel", "sound", "forest",
    }
)  # fmt: skip


# Seas and oceans named without "sea" or "ocean" in the name.
OCEANS = frozenset(
    {
        "atlantic", "pacific", "arctic", "antarctic", "mediterranean", "baltic", "caribbean", "adriatic", "aegean",
        "indian ocean", "north sea", "black sea", "red sea", "caspian", "tyrrhenian", "ionian", "levant",
    }
)  # fmt: skip


def display(m: Mention) -> str:
    """How a mention is shown as an option: a date in its clean form, else as written."""
    if m.date is not None:
        clean = m.date.render()
        if clean in m.text:
            return clean
    return m.text


@dataclass
class Value:
    norm: str
    text: str
    mention: Mention
    count: int = 0
    docs: set[int] = field(default_factory=set)
    sentences: set[int] = field(default_factory=set)
    tokens: set[str] = field(default_factory=set)
    with_article: int = 0  # mentions written with "the" before them
    titles: set[str] = field(default_factory=set)  # "major" of "Major Rudolf Anderson": titles written before it
    full: Value | None = None  # "Nikita Khrushchev" for "Khrushchev", when one person of the corpus has that surname


class DistractorIndex:
    """Corpus values by pool, with a counter of how often each was used."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.pools: dict[str, list[Value]] = defaultdict(list)
        self.by_norm: dict[str, Value] = {}
        self.usage: Counter[str] = Counter()
        self._sentence_tokens: dict[int, set[str]] = {}
        self._near: dict[tuple[str, float], list[Value]] = {}
        self._name_sentences: dict[str, set[int]] = defaultdict(set)  # a word of a name -> sentences naming it
        self._doc_years: dict[int, tuple[int, int]] = {}
        self._doc_names: dict[int, set[str]] = defaultdict(set)
        self._topics: dict[tuple[int, int], bool] = {}  # (document, document) -> whether they share a topic
        self._years_by_sentence: dict[int, set[int]] = {}
        self._kinds: dict[str, set[str]] = defaultdict(set)  # a name -> every coarse kind its mentions were given
        self._parts: dict[int, tuple[int, int, int]] = {}  # a sentence -> its part of the document (see _part)
        self._part_years: dict[tuple[int, int, int], list[int]] = {}
        names = {m.norm for m in corpus.mentions() if " " in m.norm and m.kind in ("law", "event", "org")}
        words_in_names = {w for n in names for w in n.split()}
        for m in corpus.mentions():
            self._kinds[m.norm].add(m.kind)
            if m.kind in _NAMED:
                for word in content_tokens(m.text):
                    self._name_sentences[word].add(m.sent.id)
            # Headings are often mis-parsed; a word of a longer name ("Valmora" of "Treaty of Valmora") is
            # a fragment, not a value of its own.
            furniture = page_furniture(corpus, m.sent)
            if not usable_key(m) or m.sent.heading or furniture or (" " not in m.norm and m.norm in words_in_names):
                continue
            v = self.by_norm.get(m.norm)
            if v is None:
                v = Value(m.norm, display(m), m)
                self.by_norm[m.norm] = v
                self.pools[pool_of(m)].append(v)
                v.tokens = content_tokens(v.text)
            v.count += 1
            v.with_article += _has_article(m)
            title = _title_before(m)
            if title:
                v.titles.add(title)
            v.docs.add(m.sent.doc)
            v.sentences.add(m.sent.id)
        for pool in self.pools.values():
            pool.sort(key=lambda v: (-v.count, v.norm))
        surnames: dict[str, str] = corpus.cache.get("surnames", {})  # set by entities.repair_kinds
        for v in self.pools.get("person", []):
            full = self.by_norm.get(norm_key(surnames.get(v.norm) or "")) if " " not in v.norm else None
            if full is not None and full is not v and pool_of(full.mention) == "person":
                v.full = full
        # "godfrey" of "godfrey of bouillon": a first name the model may read as a place elsewhere
        self.person_first_words = {v.norm.split()[0] for v in self.pools.get("person", []) if " " in v.norm}

    def _other_kind(self, v: Value, key: Mention) -> bool:
        """A value a student rules out by its kind alone: an office ("King of Jerusalem") or a place the gazetteer
        knows against a person's name, a person's first name ("Godfrey", of "Godfrey of Bouillon") or a month
        against a place: "sultan of Godfrey"."""
        if key.kind == "person":  # nor a one-word place name ("Jerusalem", of the "King of Jerusalem")
            return (office(v.norm) and not office(key.norm)) or (" " not in v.norm and place_class(v.norm) is not None)
        if key.kind != "place":
            return False
        if route_or_object(v.norm) != route_or_object(key.norm):
            return True  # "the Sacred Way" among regions and towns: a road is no place one raids or lives in
        # a month the parser took for a place ("took place in Boedromion") among towns
        return v.norm in self.person_first_words or is_time_name(v.text, v.mention.sent.text)

    def _no_longest_key(self, key: Mention, key_text: str, chosen: list[Value], ranked: Iterable[Value]) -> list[Value]:
        """Students learn that the longest option is often right: if the key is the unique longest, swap
        the weakest distractor for a suitable one at least as long, when the corpus has one."""
        if any(len(render_like(key, v)) >= len(key_text) for v in chosen):
            return chosen
        for v in ranked:
            if v in chosen or len(render_like(key, v)) < len(key_text) or self._same_slot(v, key):
                continue
            trial = [*chosen[:-1], v]
            if _fits(key, key_text, trial) and (
                alias_group(v.norm) is None or alias_group(v.norm) not in {alias_group(c.norm) for c in trial[:-1]}
            ):
                return trial
        return chosen

    def _window(self, pool: list[Value], key: Mention) -> list[Value]:
        """The values worth scoring for a key: the most frequent, the nearest in time or size, and a
        stretch of the pool chosen from the key, so large corpora do not reuse the same few values."""
        if len(pool) <= MAX_SCAN:
            return pool
        if key.date is not None or key.number is not None:
            metric = (
                (lambda v: abs(v.mention.date.year - key.date.year))
                if key.date is not None
                else (lambda v: abs(math.log10(max(v.mention.number or 1, 1)) - math.log10(max(key.number or 1, 1))))
            )
            near = self._sorted_by(pool, metric, key)
            return pool[:TOP] + near
        start = zlib.crc32(key.norm.encode()) % len(pool)
        end = start + MAX_SCAN - TOP
        return pool[:TOP] + pool[start:end] + pool[: max(0, end - len(pool))]

    def _sorted_by(self, pool: list[Value], metric: object, key: Mention) -> list[Value]:
        cache_key = (
            pool_of(key),
            key.date.year if key.date is not None else round(math.log10(max(key.number or 1, 1)), 1),
        )
        hit = self._near.get(cache_key)
        if hit is None:
            # the few nearest of a pool that grows with the corpus, as sorted()[:n] gives them
            hit = heapq.nsmallest(MAX_SCAN - TOP, pool, key=lambda v: (metric(v), v.norm))  # type: ignore[operator]
            self._near[cache_key] = hit
        return hit

    def _name_tokens(self, sent: Sentence, key: Mention) -> set[str]:
        """Content words of the sentence's other names: an option sharing one would point at them."""
        out: set[str] = set()
        for m in sent.mentions:
            if m is not key and m.kind not in ("date", "number", "vague_date", "other"):
                out |= content_tokens(m.text)
        return out

    def _tokens(self, sent: Sentence) -> set[str]:
        toks = self._sentence_tokens.get(sent.id)
        if toks is None:
            toks = self._sentence_tokens[sent.id] = content_tokens(sent.text)
        return toks

    def supported(self, value: Value, sent: Sentence) -> bool:
        """Whether some sentence names ``value`` together with enough of this sentence's words."""
        mine = self._tokens(sent)
        for sid in value.sentences:
            if sid == sent.id or len(mine & self._tokens(self.corpus.sentences[sid])) >= 3:
                return True
        return False

    def stated_for_slot(self, value: Value, key: Mention, slot: Slot) -> bool:
        """Whether the key's document gives ``value`` for the key's slot somewhere (see slots): swapped in,
        it would make a statement the article supports, not a false one. A name counts under any longer form
        ("Harold" in "Harold Godwinson")."""
        sids = set(value.sentences)
        if value.mention.kind in _NAMED and value.tokens:
            sids |= set.intersection(*(self._name_sentences.get(t, set()) for t in value.tokens))
        for sid in sorted(sids):
            s = self.corpus.sentences[sid]
            if sid != key.sent.id and s.doc == key.sent.doc and gives_for_slot(s, value.tokens, slot):
                return True
        return False

    def _another_account(self, value: Value, key: Mention) -> bool:
        """Whether another document gives ``value`` as its count of what the key counts, in a sentence sharing a
        word with the key's besides the thing counted ("32,000 women" signed the petition in one account,
        "24,000 women" in the other): that count is no wrong answer, whether or not the accounts were found to
        disagree."""
        counted = _counted(key)
        if counted is None or value.docs == {key.sent.doc}:
            return False
        mine = self._tokens(key.sent)
        for sid in value.sentences:
            s = self.corpus.sentences[sid]
            if s.doc == key.sent.doc or len(mine & self._tokens(s)) < 2:
                continue
            if any(m.norm == value.norm and _counted(m) == counted for m in s.mentions):
                return True
        return False

    def _same_occasion(self, value: Value, key: Mention) -> bool:
        """Whether ``value`` is a date within a month of the key's that a sentence gives beside a name the key's
        sentence names ("the war ended with the Moscow Peace Treaty on 13 March 1940" against "the treaty was
        signed on 12 March 1940"): the same occasion told another way is no wrong answer."""
        mine, other = key.date, value.mention.date
        if mine is None or other is None or "day" not in (mine.granularity, other.granularity):
            return False
        a, b = mine.as_day(), other.as_day()
        if a is None or b is None or abs((a - b).days) > SAME_OCCASION_DAYS:
            return False
        names = {m.norm for m in key.sent.mentions if m.kind not in ("date", "vague_date", "number", "other")}
        for sid in value.sentences:
            s = self.corpus.sentences[sid]
            if any(m.norm in names for m in s.mentions):
                return True
        return False

    def _typed(self, value: Value, key: Mention, prompt: str) -> bool:
        """Whether ``value`` is an option of the key's fine kind that neither the stem nor the corpus makes true."""
        mine, theirs = key.fine, value.mention.fine
        if (":" in mine or ":" in theirs) and mine != theirs:
            # a king among engineers, an island among towns, a king against a name the article leaves untyped:
            # only names the article (or the place list) types alike
            return False
        if prompt and contains_phrase(prompt, value.text):
            return False  # the stem names it
        if key.date is not None and value.mention.date is not None:
            lo, hi = self._years(key.sent.doc)
            if not lo <= value.mention.date.year <= hi:
                return False  # a year outside the events the article tells
        if key.sent.doc not in value.docs and not any(self._shared_topic(key.sent.doc, d) for d in value.docs):
            return False  # another article's name, on another subject
        return key.kind != "place" or self._place_fits(value, key)

    def _years(self, doc: int) -> tuple[int, int]:
        """The first and last year the document dates anything to."""
        if not self._doc_years:
            years: dict[int, list[int]] = defaultdict(list)
            for m in self.corpus.mentions():
                if m.kind == "date" and m.date is not None:
                    years[m.sent.doc].append(m.date.year)
            self._doc_years = {d: (min(ys), max(ys)) for d, ys in years.items()}
        return self._doc_years.get(doc, (0, 0))

    def _shared_topic(self, a: int, b: int) -> bool:
        """Whether two documents name at least two of the same people or places."""
        if a == b:
            return True
        shared = self._topics.get((a, b))
        if shared is None:  # asked for every option of every question: the names are compared once per pair
            shared = self._topics[(a, b)] = self._count_shared(a, b) >= 2
        return shared

    def _count_shared(self, a: int, b: int) -> int:
        if not self._doc_names:
            for m in self.corpus.mentions():
                if m.kind in ("person", "place"):
                    self._doc_names[m.sent.doc].add(m.norm)
        return len(self._doc_names[a] & self._doc_names[b])

    def _place_fits(self, value: Value, key: Mention) -> bool:
        """A place that holds the key's or lies in it is also true; one that lies outside the region the
        sentence puts the key in ("a site in Washington state") is ruled out by the stem."""
        inside: dict[str, frozenset[str]] = self.corpus.cache.get("inside", {})
        if value.norm in inside.get(key.norm, ()) or key.norm in inside.get(value.norm, ()):
            return False
        holders = inside.get(value.norm)
        if not holders:
            return True
        for m in key.sent.mentions:
            if m is key or m.kind != "place" or m.sub not in ("country", "state", "region"):
                continue
            if key.norm in inside and m.norm not in inside[key.norm]:
                continue  # the key is known to lie elsewhere: the region is not where the sentence puts it
            if m.norm not in holders and not _aliases(m.norm, holders):
                return False
        return True

    def _same_slot(self, value: Value, key: Mention) -> bool:
        """Whether a sentence gives ``value`` the key's role with the same verb (another "X edited the magazine"
        beside "Y edited the magazine") and shares two more words with the key's sentence: also true."""
        slot = _slot(key)
        if slot is None:
            return False
        mine = self._tokens(key.sent) - content_tokens(key.text)
        years = self._sentence_years(key.sent)
        for sid in value.sentences:
            if sid == key.sent.id:
                continue
            s = self.corpus.sentences[sid]
            theirs = self._sentence_years(s)
            if years and theirs and not years & theirs:
                continue  # "met in X in 1311" and "met in Y in 1312" are two occasions
            for m in s.mentions:
                if m.norm == value.norm and _slot(m) == slot and len(mine & (self._tokens(s) - value.tokens)) >= 2:
                    return True
        return False

    def _sentence_years(self, s: Sentence) -> set[int]:
        """The years a sentence gives (``_years_of``), kept: a name's sentences are read for every key it may fit."""
        years = self._years_by_sentence.get(s.id)
        if years is None:
            years = self._years_by_sentence[s.id] = _years_of(s)
        return years

    def _part(self, sent: Sentence) -> tuple[int, int, int]:
        """The stretch of its document a sentence belongs to, as (doc, section, paragraph): its section (from one
        heading to the next; paragraph -1) or, in a document without headings, its paragraph (see _close_by)."""
        if not self._parts:
            # a title alone makes no sections: only a heading after the document's first sentence does
            headed = {
                s.doc for s in self.corpus.sentences[1:] if s.heading and self.corpus.sentences[s.id - 1].doc == s.doc
            }
            section, doc = 0, -1
            years: dict[tuple[int, int, int], list[int]] = defaultdict(list)
            for s in self.corpus.sentences:
                section = 0 if s.doc != doc else section + s.heading
                doc = s.doc
                part = (s.doc, section, -1 if s.doc in headed else s.para)
                self._parts[s.id] = part
                years[part] += [m.date.year for m in s.mentions if m.kind == "date" and m.date is not None]
            self._part_years = dict(years)
        return self._parts[sent.id]

    def _close_by(self, a: Sentence, b: Sentence) -> bool:
        """Whether two sentences are of one section, or of paragraphs side by side in a document without headings."""
        pa, pb = self._part(a), self._part(b)
        return pa[:2] == pb[:2] and abs(pa[2] - pb[2]) <= 1

    def window_of(self, sent: Sentence) -> tuple[int, int] | None:
        """The first and last year the events around the sentence are dated to, or None: those of its part (see
        _part), widened to the parts beside it while they give fewer than WINDOW_YEARS distinct years."""
        doc, section, para = self._part(sent)
        years: set[int] = set()
        for reach in range(WINDOW_REACH + 1):
            if para == -1:
                parts = [(doc, s, -1) for s in range(section - reach, section + reach + 1)]
            else:
                parts = [(doc, section, p) for p in range(para - 1 - reach, para + 2 + reach)]
            years = {y for p in parts for y in self._part_years.get(p, [])}
            if len(years) >= WINDOW_YEARS:
                break
        return (min(years), max(years)) if years else None

    def _fits_the_times(self, value: Value, key: Mention) -> bool:
        """Whether a value swapped into the key's statement belongs to the time the statement tells of: a date
        inside the years its part of the article (see _part) is dated to; a name always written as the key's kind
        and named in that part, or in a sentence dated inside those years. A city named only for the present day,
        or a year from another chapter of a long life, gives the false statement away."""
        window = self.window_of(key.sent)
        other = value.mention
        if key.date is not None and other.date is not None:
            return window is not None and window[0] <= other.date.year <= window[1]
        if key.kind not in _NAMED:
            return True
        if self._kinds.get(value.norm, set()) - {key.kind} or (
            key.kind == "person" and value.norm.split()[-1] in _NOT_PEOPLE
        ):
            return False  # "Victor Verster Prison" read as a person once: no father, whatever the model says
        for sid in value.sentences:  # any one will do: the order does not matter
            s = self.corpus.sentences[sid]
            if s.doc != key.sent.doc:
                continue
            if self._close_by(key.sent, s):
                return True
            years = _years_of(s)
            if window is not None and years and all(window[0] <= y <= window[1] for y in years):
                return True
        return False

    def choose(
        self,
        key: Mention,
        key_text: str,
        n: int = 3,
        exclude: frozenset[str] = frozenset(),
        unsupported_only: bool = False,
        same_article: bool = False,
        prompt: str = "",
    ) -> list[str] | None:
        """Pick ``n`` wrong options for ``key`` or None if the corpus has too few good ones (of its fine kind,
        that neither the ``prompt`` nor the corpus makes true: never padded with others)."""
        if key.kind == "person" and (named_for_a_place(key) or names_a_country(key.norm)):
            return (
                None  # "the parish church of St Michael", "Kenya Colony": a church, a colony, whatever the model read
            )
        pool = self.pools.get(pool_of(key), [])
        sent = key.sent
        key_tokens = content_tokens(key_text)
        key_group = alias_group(key.norm)
        sent_lower = sent.text.lower()
        # a state named in the sentence under another name is no distractor ("Russia" beside "the Soviet Union")
        sent_groups = {g for g in (alias_group(m.norm) for m in sent.mentions) if g is not None}
        other_names = self._name_tokens(sent, key) if key.kind not in ("date", "number") else set()
        key_title = _title_before(key)
        key_years = self.window_of(sent) if key.kind == "person" else None

        def allowed(v: Value) -> bool:
            """Whether ``v`` may be offered for the key: the checks each value of the window needs."""
            if v.norm == key.norm or v.norm in exclude or not _distinct(v.norm, v.tokens, key.norm, key_tokens):
                return False
            group = alias_group(v.norm)
            if group is not None and (group == key_group or group in sent_groups):
                return False
            # Plain substring first: the word-boundary regex only runs when it might match.
            if v.norm in sent_lower and (contains_phrase(sent.text, v.text) or contains_phrase(sent.text, v.norm)):
                return False
            if v.tokens & other_names:
                return False  # "Charles Wyville Thomson" against a prompt that names "Wyville Thomson"
            if key.kind == "group" and (
                related_name(prompt, v.text)
                or state_of_people(prompt, v.text)
                or one_people(v.tokens, key_tokens | _name_words(prompt))
            ):
                # "Ottomans" for "Ottoman Turks"; "Carthaginians" where the stem names Carthage or a Carthaginian
                # ship, "Romans" where it names Rome: the stem rules them out
                return False
            if not self._typed(v, key, prompt) or (key.kind == "person" and not person_like(v)):
                return False
            if self._other_kind(v, key):
                return False
            if ruled_out(self.corpus, key, v.norm, v.mention, v.sentences, prompt, key_years, unsupported_only):
                return False  # the stem's words, the value's other name, kin, era or rank rule it out (see option_fit)
            if part_of_each_other(self.corpus, key, v.norm) or paired(self.corpus, key, v.norm):
                return False  # it holds the key, lies in it, or goes with it: arguably right too
            if key.kind == "place" and (v.with_article * 2 > v.count) != _has_article(key):
                return False  # "the Pacific", "the Commonwealth" are no options against "London"
            if (
                key.number
                and v.mention.number
                and max(key.number, v.mention.number) > MAX_COUNT_FACTOR * min(key.number, v.mention.number)
            ):
                return False  # "126,000" soldiers is no wrong count of "2,000" tanks: a count far off gives itself away
            lk, lv = len(key_text), len(v.text)
            return max(lk, lv) <= MAX_LENGTH_RATIO * max(min(lk, lv), 1)

        # Scores are cheap and the checks are not: values are ranked first, and checked in that order only as
        # far as the choice reads (a few per question, of the window's 60); ``fits`` keeps each verdict.
        ranked: list[tuple[float, int, Value]] = []
        seen: set[str] = set()
        for v in self._window(pool, key):
            if v.full is not None and " " in key_text.strip():
                v = v.full  # "Khrushchev" stands out among full names: the person is offered by the full name
            if v.norm in seen:
                continue
            seen.add(v.norm)
            score = math.log1p(v.count) + (1.0 if sent.doc in v.docs else 0.0) - 0.8 * self.usage[v.norm]
            score += _closeness(key, v.mention)
            if key.kind in ("person", "org"):
                # "Kopp" among "Walter Schtaar", "Kurt Student" stands out: keep the shape of the key.
                score -= 0.7 * abs(len(key_text.split()) - len(v.text.split()))
                if key_title and key_title in v.titles:
                    score += 1.0  # "Major _____": another major first

            if score == float("-inf"):
                continue
            # a cheap, run-independent tie-break that differs from key to key
            ranked.append((score, zlib.crc32(f"{key.norm}\x1f{v.norm}".encode()), v))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        fits: dict[str, bool] = {}

        def scored() -> Iterator[Value]:
            """The values that pass ``allowed``, best first."""
            for _, _, v in ranked:
                verdict = fits.get(v.norm)
                if verdict is None:
                    verdict = fits[v.norm] = allowed(v)
                if verdict:
                    yield v

        chosen: list[Value] = []
        slot = slot_of(key) if unsupported_only else None
        for v in scored():
            if key.kind == "number" and self._another_account(v, key):
                continue
            if key.kind == "date" and self._same_occasion(v, key):
                continue
            if self._same_slot(v, key):
                continue
            if unsupported_only and (
                self.supported(v, sent) or (v.count < 2 and key.date is None) or sent.doc not in v.docs
            ):
                # A swapped-in name the article names once, or only another article names, is foreign to
                # the events told: the false statement would be absurd rather than plausible. A date of the
                # article a few years off is a plausible slip however often it is named.
                continue
            if unsupported_only and not (_plausible_swap(key, v.mention) and self._fits_the_times(v, key)):
                continue
            if slot is not None and self.stated_for_slot(v, key, slot):
                continue
            # In a statement the swapped name must fit the article in front of it ("the Treaty of X"): a name
            # written once with "the" ("the South") reads as a region, not a town, even if once without.
            if same_article and v.with_article != (v.count if _has_article(key) else 0):
                continue
            texts = [key_text] + [render_like(key, c) for c in chosen] + [render_like(key, v)]
            if (
                all(_distinct(v.norm, v.tokens, c.norm, c.tokens) for c in chosen)
                and _length_ok(texts)
                and (alias_group(v.norm) is None or all(alias_group(c.norm) != alias_group(v.norm) for c in chosen))
                and _same_year_free(key, chosen, v)
            ):
                chosen.append(v)
            if len(chosen) == n:
                break
        if len(chosen) < n or (n > 1 and _odd_year_out(key, chosen)):
            return None
        if n > 1:
            chosen = self._no_longest_key(key, key_text, chosen, scored())
        for v in chosen:
            self.usage[v.norm] += 1
        return [render_like(key, v) for v in chosen]


_NAMED = frozenset({"person", "org", "place"})
# Last words of a name that make it a place, a building or a feature, never a person.
_NOT_PEOPLE = (
    FACILITY_WORDS
    | NATURAL_FEATURES
    | ROUTE_AND_OBJECT_WORDS
    | frozenset({"city", "town", "village", "island", "county", "state"})
)
MAX_SWAP_YEARS = 10
MIN_SWAP_YEARS = 3
WINDOW_YEARS = 3  # distinct years that make a window of events to take a swapped date from
WINDOW_REACH = 2  # sections (or paragraphs) either side the window may widen to
MAX_SWAP_FACTOR = 3.0


def route_or_object(norm: str) -> bool:
    """Whether a name's own last word makes it a road, a structure or an object ("Sacred Way", "Bayeux
    Tapestry"): no settlement, region or person."""
    words = norm.split()
    return len(words) > 1 and words[-1] in ROUTE_AND_OBJECT_WORDS


def office(norm: str) -> bool:
    """ "king of jerusalem", "sultan of rum": a title and its realm, an office held by many, not a person's name."""
    words = norm.split()
    return len(words) >= 3 and words[0] in TITLES and words[1] == "of"


def _plausible_swap(key: Mention, other: Mention) -> bool:
    """A false statement must be a plausible slip: a date a few years off, not decades ("born in 1958" of a
    man who led a party in 1949); a count of the same order, not ten times larger. A year must differ by a few
    years, too: "adopted in 1872" for 1873, "died in 209 BC" for 210 BC is a quibble, or even arguably true (a
    decree of one year that took effect the next), not a fact changed; so is a month or a day within the year."""
    if key.date is not None and other.date is not None:
        gap = abs(key.date.year - other.date.year)
        # a month or a day of the same year ("May 1453" for "April 1453") is a quibble few readers could check
        return (MIN_SWAP_YEARS if key.date.granularity == "year" else 1) <= gap <= MAX_SWAP_YEARS
    if key.number and other.number:
        big, small = max(key.number, other.number), min(key.number, other.number)
        return small > 0 and big / small <= MAX_SWAP_FACTOR
    return True


SAME_OCCASION_DAYS = 31
MAX_COUNT_FACTOR = 10.0


def _title_before(m: Mention) -> str:
    """The title written just before a person's name ("Major", "President"), lower case, or ""."""
    if m.kind != "person" or m.first.i <= m.sent.span.start:
        return ""
    before = m.first.nbor(-1)
    return before.lower_.rstrip(".") if before.lower_.rstrip(".") in TITLES else ""


def _slot(m: Mention) -> tuple[str, str] | None:
    """The role a mention plays in its clause: its relation to the verb (through a preposition), and the verb."""
    r = m.root
    if r.dep_ == "pobj" and r.head.dep_ in ("prep", "agent"):
        verb = r.head.head
        return (r.head.lower_, verb.lemma_) if verb.pos_ in ("VERB", "AUX") else None
    if r.dep_ in ("nsubj", "nsubjpass", "dobj") and r.head.pos_ in ("VERB", "AUX") and r.head.lemma_ != "be":
        return (r.dep_, r.head.lemma_)
    return None


def _years_of(s: Sentence) -> set[int]:
    return {m.date.year for m in s.mentions if m.date is not None}


def _aliases(norm: str, names: frozenset[str]) -> bool:
    group = alias_group(norm)
    return group is not None and any(alias_group(n) == group for n in names)


def _counted(m: Mention) -> str | None:
    """The noun a count stands before ("32,000 [women]"), as its lemma."""
    r = m.root
    if r.dep_ in ("nummod", "compound", "quantmod") and r.head.pos_ == "NOUN":
        return str(r.head.lemma_).lower()
    return None


# Last words of names of states and bodies the model reads as people ("Sokoto Caliphate").
_POLITIES = frozenset({"caliphate", "kingdom", "empire", "sultanate", "khanate", "republic", "dynasty", "company"})
_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})


def named_for_a_place(m: Mention) -> bool:
    """A "person" that completes a building's or a parish's name ("the church of St Michael", "the Board of
    Guardians of St James"): the name of a place, not someone to ask about."""
    r = m.root
    return r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lower_ in FACILITY_WORDS | {"parish", "guardians"}


def person_like(v: Value) -> bool:
    """Whether the article's own words let a value the model calls a person stand among people: never written
    with "the" ("the Bosphorus") or in quotation marks (a ship, a tulip, a book), not ending in a word for a
    place or a state, and either given a title or role, named more than once, or doing something in its clause
    (a subject); a name met once as the object of "of" ("the parish of St James") is no one's name."""
    m = v.mention
    last = v.norm.split()[-1] if v.norm.split() else ""
    if v.with_article or last in _NOT_PEOPLE or last in _POLITIES or named_for_a_place(m):
        return False
    if m.first.i > m.sent.span.start and m.first.nbor(-1).text in _QUOTES:
        return False
    return bool(v.titles) or ":" in m.fine or v.count >= 2 or m.root.dep_ in ("nsubj", "nsubjpass", "appos", "dobj")


def _has_article(m: Mention) -> bool:
    return m.first.i > m.sent.span.start and m.first.nbor(-1).lower_ == "the"


def _fits(key: Mention, key_text: str, values: list[Value]) -> bool:
    texts = [key_text] + [render_like(key, v) for v in values]
    if not _length_ok(texts):
        return False
    for i, a in enumerate(values):
        for b in values[i + 1 :]:
            if not _distinct(a.norm, a.tokens, b.norm, b.tokens):
                return False
    return True


def render_like(key: Mention, v: Value) -> str:
    """Write a value the way the key is written (a date in the key's style)."""
    if key.date is not None and v.mention.date is not None:
        date = v.mention.date
        if date.year > 0 and key.date.year > 0:
            # "1500 CE" among "1498", "1502": a year of our era takes the key's marker, or none, so that no
            # option stands out by its form
            date = replace(date, era=key.date.era)
        return date.render(key.date.style)
    return v.text


# Words two different dates or counts share without being one ("June 1846" and "June 1847", "6.5 million" and
# "8.5 million"): an overlap in these says nothing about two options being aliases of one value.
_VALUE_WORDS = frozenset(m.lower() for m in MONTHS) | {"thousand", "million", "billion", "hundred"}


def _distinct(norm: str, tokens: set[str], key_norm: str, key_tokens: set[str]) -> bool:
    if norm in key_norm or key_norm in norm:
        return False
    return not {t for t in tokens & key_tokens if not t.isdigit() and t not in _VALUE_WORDS}


def one_people(tokens: set[str], key_tokens: set[str]) -> bool:
    """Whether two names of peoples share a word in any of its forms ("ottomans" and "ottoman turks", "carthage"
    and "carthaginians": the same first six letters at least)."""
    return any(
        a == b or same_word(a, b) or (len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6])
        for a in tokens
        for b in key_tokens
    )


def _name_words(text: str) -> set[str]:
    """The capitalised words of a text, lower case, but its first."""
    words = text.split()
    return {w.strip(".,;:?!\"'()").lower() for w in words[1:] if w[:1].isupper()}


def _length_ok(texts: list[str]) -> bool:
    lengths = [len(t) for t in texts]
    return max(lengths) <= MAX_LENGTH_RATIO * max(min(lengths), 1)


def _closeness(key: Mention, other: Mention) -> float:
    if key.date is not None and other.date is not None:
        gap = abs(key.date.year - other.date.year)
        if key.date.granularity == "year" and gap == 0:
            return float("-inf")
        return -min(gap, 60) / 15.0
    if key.number is not None and other.number is not None and key.number > 0 and other.number > 0:
        return -abs(math.log10(key.number) - math.log10(other.number))
    return 0.0


def _odd_year_out(key: Mention, chosen: list[Value]) -> bool:
    """Whether a day or month key is the only option outside the one year all the others share (an amnesty of
    11 July 1880 among three days of 1871): the odd one out is the answer, unread."""
    if key.date is None or key.date.granularity == "year":
        return False
    years = {c.mention.date.year for c in chosen if c.mention.date is not None}
    return len(years) == 1 and key.date.year not in years


def _same_year_free(key: Mention, chosen: list[Value], v: Value) -> bool:
    """Year options must be distinct years: 1933 beside 1933 would be two keys."""
    if key.date is None or v.mention.date is None:
        return True
    years = {key.date.year} | {c.mention.date.year for c in chosen if c.mention.date is not None}
    if key.date.granularity == "year":
        return v.mention.date.year not in years
    return render_like(key, v) not in {render_like(key, c) for c in chosen}
