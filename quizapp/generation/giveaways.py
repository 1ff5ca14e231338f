"""Give-aways across one document's set of questions: the title, other prompts, and too many date keys.

A guard looks at one question; these rules look at a question beside the document's title and beside the
questions already kept for the same document. The ranker (rank.select) applies the set-level ones as it keeps
questions, best first, so that of two questions that give each other away the better one stays.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from .analysis import NAME_JOINERS
from .candidates.name_forms import east_asian_family_names
from .dates import parse_date
from .textutil import BLANK, contains_phrase, content_tokens, dictionary_word

TEXT_KEY_TYPES = ("multiple_choice", "fill_in")
MAX_QUESTIONS_PER_KEY = 2
# A key serves one question where the set has another to ask instead: a second question on the same answer comes
# back only where the set would otherwise fall short (rank.select).
PREFERRED_QUESTIONS_PER_KEY = 1
# A set of more than this many asks each answer once (reader 10: "same answer as question 2"): a second choice or
# fill-in question on one answer fills only a thin set.
SHARED_KEY_MAX_SET = 5
MAX_DATE_SHARE = 0.4
# The share is of a full set: an article that gives few other keys still asks this many of its dates (the year of
# its central event), rather than none while its set stays short of the cap (rank.select).
MIN_DATE_KEYS = 2

_CENTURY = re.compile(
    r"^(?:(?:in|by|from|the)\s+)*(?:(?:early|late|mid-?)\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?(?:st|nd|rd|th))[\s-]century(?:\s+(?:BC|BCE|AD|CE))?$",
    re.I,
)
_SEASON_OR_MONTH = re.compile(
    r"^(?:(?:in|on|by|from|the)\s+)*(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|winter|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b",
    re.I,
)
_RANGE = re.compile(r"\s*(?:[-\u2013]|\bto\b|\band\b)\s*")
_WHEN_STEM = re.compile(
    r"^(?:according to [^,]{1,80},\s*)?(?:when\b|(?:in\s+)?(?:what|which)\s+(?:year|century|decade)\b)", re.I
)
_WORD = re.compile(r"\w+")  # split at apostrophes and hyphens, as whole-word matching does
_TIME_BLANK = re.compile(rf"\b(?:in|by|since|until|from|after|before|c\.)\s+{BLANK}", re.I)


@lru_cache(maxsize=8192)  # asked of every key and its parts by several guards
def _one_date(text: str) -> bool:
    t = text.strip(" ,.")
    return bool(
        parse_date(t)
        or parse_date(re.sub(r"^(?:c\.|ca\.|about|around|from|between)\s+", "", t, flags=re.I))
        or _CENTURY.match(t)
        or _SEASON_OR_MONTH.match(t)
        or re.fullmatch(r"(?:the\s+)?(?:early\s+|late\s+|mid-)?\d{3}0s", t, re.I)
    )


def is_date_key(key: str, prompt: str = "") -> bool:
    """Whether a key is a date (a year, day, month, decade, century or a range of them) or is asked for as one
    ('When ...?', 'In what year ...?', a bare number after 'in _____')."""
    key = key.strip()
    if _one_date(key) or (all(_one_date(part) for part in _RANGE.split(key) if part) and _RANGE.search(key)):
        return True
    if _WHEN_STEM.match(prompt.strip()):
        return True
    return bool(re.fullmatch(r"\d{1,4}", key) and _TIME_BLANK.search(prompt))


def key_in_title(key: str, title: str) -> str | None:
    """The title's words that give a key away, or None: a student reads the title. A key gives itself away when
    at least half of its content words stand in the title, in any of their forms ("Hammurabi" or "King
    Hammurabi" under "The Code of Hammurabi", "Phoenicians" under "The Phoenician Alphabet", not "Babylon")."""
    if not title:
        return None
    # a year is no content word, yet "In _____, Vesuvius erupted" under "... Pompeii before 79 AD" is answered
    years = re.findall(r"\d{2,}", key)
    if years and all(y in re.findall(r"\d+", title) for y in years):
        return ", ".join(years)
    mine = content_tokens(" ".join(_WORD.findall(key)))
    if not mine:
        return None
    words = set(_WORD.findall(title.lower()))
    shown = {w for w in mine if w in words or any(same_word(w, t) for t in words)}
    if shown and 2 * len(shown) >= len(mine):
        return ", ".join(sorted(shown))
    return None


def same_word(a: str, b: str) -> bool:
    """Two forms of one word: "Phoenicians" under "The Phoenician Alphabet", "Egypt" under "Egyptian Tombs"
    (one a prefix of the other, differing by an ending of at most four letters, the shorter of five or more)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 4


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def related_name(prompt: str, key: str) -> str | None:
    """A name of the prompt built on a name of the key ("Alexandria" for "Alexander the Great", "Ptolemaic" for
    "Ptolemy", "Egyptians" for "Egypt"), or the last name of a longer key alone ("the Gaillard Cut" for "David
    Gaillard"): it points at the answer as surely as the name itself."""
    last = key.split()[-1] if len(key.split()) > 1 else ""
    if len(last) >= 5 and _NAME_WORD.fullmatch(last) and re.search(rf"\b{re.escape(last)}\b", prompt):
        return last
    for name in _NAME_WORD.findall(key):
        if len(name) < 5:
            continue
        stem = name if len(name) <= 6 else name[: max(6, len(name) - 2)]
        for word in _NAME_WORD.findall(prompt):
            if word != name and word.startswith(stem):
                return word
    return None


# A name word in any script of Latin letters: "Paranoá", "Zeng", "Hong" (the ASCII _NAME_WORD stops at "á").
_ANY_NAME_WORD = re.compile(r"(?<![\w'])[A-Z][^\W\d_]{2,}(?![\w'])")


def shared_name_word(prompt: str, key: str, others: tuple[str, ...] = ()) -> str | None:
    """A proper name word of a longer key printed whole in the prompt ("Lake Paranoá" for "Paranoá River", "Zeng
    Guoquan" for "Zeng Guofan"): the stem spells half the answer. Words the dictionary knows ("River", "Lake")
    do not count, nor (for a choice) a word some other option also carries, which singles nothing out."""
    words = key.split()
    if len(words) < 2:
        return None
    # A first word before another name is a given name ("James" of "James Bentley" beside "James Scobie"), save
    # a family name written first ("Zeng Guofan" beside "Zeng Guoquan").
    given = _given_name_first(words) and words[0] not in east_asian_family_names()
    for word in _ANY_NAME_WORD.findall(key):
        if _common_word(word) or (given and word == words[0]):
            continue
        if any(re.search(rf"(?<![\w']){re.escape(word)}(?![\w'])", o) for o in others):
            continue
        if re.search(rf"(?<![\w']){re.escape(word)}(?![\w'])", prompt):
            return word
    return None


# The head of a polity's or a firm's name ("Maurya Empire", "Song Dynasty"): a common noun the dictionary may not
# list, never a family name after a given name.
POLITY_HEADS = frozenset(
    {"empire", "dynasty", "kingdom", "sultanate", "caliphate", "khanate", "republic", "company", "shogunate"}
)


def _given_name_first(words: list[str]) -> bool:
    """Whether a name's first word may be a given name: another word of the name is no common word nor the head of
    a polity ("Maurya Empire" has no given name)."""
    return any(not _common_word(w) and w.lower() not in POLITY_HEADS for w in words[1:])


def name_built_on(prompt: str, key: str) -> str | None:
    """A name of the prompt that a name word of the key begins, or that begins one ("Fordlândia" for "Ford Motor
    Company", "Tunis" for "Tunisia"): the stem spells the answer's root. The shorter has four letters or more and
    the longer is no word of the dictionary ("Eastern" is no name built on "East"); a given name before a family
    name does not count ("Johnson" beside "John Smith")."""
    words = key.split()
    given = _given_name_first(words)
    prompt_words = _ANY_NAME_WORD.findall(prompt.replace(BLANK, " "))
    for word in _ANY_NAME_WORD.findall(key):
        if len(word) < 4 or (given and word == words[0] and word not in east_asian_family_names()):
            continue
        for other in prompt_words:
            short, long = sorted((word, other), key=len)
            if short != long and len(short) >= 4 and long.startswith(short) and not dictionary_word(long.lower()):
                return other
    return None


_DECADE_KEY = re.compile(r"^(?:the\s+)?(\d{2,3})0s$", re.I)


def decade_key(key: str) -> bool:
    """Whether a key is a bare decade ("1840s", "the 860s")."""
    return bool(_DECADE_KEY.match(key.strip()))


def year_of_decade(prompt: str, key: str) -> str | None:
    """A year of the key's decade that the prompt prints ("famines struck ... in 1843–1844" for "1840s"): the stem
    dates the answer itself."""
    m = _DECADE_KEY.match(key.strip())
    if not m:
        return None
    year = re.search(rf"(?<![\d.,]){m.group(1)}\d(?![\d,]|\d*s\b)", prompt)
    return year.group(0) if year else None


# Connectors of names that many names share ("Ibn Khaldūn" beside "Qalʿat Ibn Salāma"): the words that join a
# longer name, and those that open one.
_NAME_PARTICLES = NAME_JOINERS | {"abu", "ben", "bint", "san", "santa", "saint"}


def _common_word(word: str) -> bool:
    w = word.lower()
    return w in STOP_WORDS or w in _NAME_PARTICLES or dictionary_word(w)


@cache
def states_of_people() -> dict[str, tuple[str, ...]]:
    """A people's name, lower case ("french") -> the names of its state ("France"), from the curated demonyms."""
    table = resources.files("quizapp.generation").joinpath("data/demonyms.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in table.splitlines():
        if "=" not in line or line.startswith("#"):
            continue
        people, states = line.split("=", 1)
        out[people.strip().lower()] = tuple(s.strip() for s in states.split("|") if s.strip())
    return out


def state_of_people(prompt: str, key: str) -> str | None:
    """The name of the key people's own state in the prompt ("grants rights to the _____" beside "the United
    States" for "Americans"): it names the answer as surely as the people's own name."""
    bare = key[4:] if key.lower().startswith("the ") else key
    for state in states_of_people().get(bare.lower(), ()):
        if contains_phrase(prompt, state):
            return state
    return None


@cache
def nationality_words() -> dict[str, tuple[str, ...]]:
    """A place's name, lower case ("scotland") -> the words for its people and what is theirs ("Scottish",
    "Scots"), from the curated tables of nationalities and of demonyms."""
    out: dict[str, list[str]] = defaultdict(list)
    table = resources.files("quizapp.generation").joinpath("data/nationalities.txt").read_text(encoding="utf-8")
    for line in table.splitlines():
        if "=" not in line or line.startswith("#"):
            continue
        place, words = line.split("=", 1)
        out[place.strip().lower()] += [w.strip() for w in words.split("|") if w.strip()]
    for people, states in states_of_people().items():
        for state in states:
            out[state.lower()].append(people.title())
    return {place: tuple(dict.fromkeys(words)) for place, words in out.items()}


def people_word(prompt: str, key: str) -> str | None:
    """A word of the prompt for the key place's people or what is theirs ("Scottish merchants" for "Scotland",
    "the Dutch" for "the Netherlands"): it names the place as surely as its name. Matched with its capital, as
    such words are written ("Poles" is no "poles")."""
    bare = key[4:] if key.lower().startswith("the ") else key
    for word in nationality_words().get(bare.strip().lower(), ()):
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", prompt):
            return word
    return None


class KeyIndex:
    """The keys and prompts of questions kept so far, per document, indexed by word so that asking whether a
    new question gives one away (or is given away) costs about the length of its prompt, not the set's size."""

    def __init__(self) -> None:
        self.uses: dict[tuple[int, str], int] = defaultdict(int)
        self.answers: set[tuple[int, str]] = set()  # the keys a choice or fill-in question asks for, per document
        self.keys_by_word: dict[tuple[int, str], list[str]] = defaultdict(list)
        self.prompts_by_word: dict[tuple[int, str], list[str]] = defaultdict(list)
        self.text_keys: dict[int, int] = defaultdict(int)
        self.date_keys: dict[int, int] = defaultdict(int)

    @staticmethod
    def _anchor(key: str) -> str:
        # Its longest word: rarer than "the" or "of", so few prompts are filed under it.
        return max(_WORD.findall(key.lower()), key=len, default="")

    def conflict(
        self,
        doc: int,
        type_: str,
        prompt: str,
        key: str,
        names: tuple[str, ...] = (),
        limit: int = MAX_QUESTIONS_PER_KEY,
    ) -> str | None:
        """Why a question (of document ``doc``) may not join the kept ones, or None. ``prompt`` is all the question
        prints (an ordering's items too); ``names`` are the other answers its key is accepted as ("Cook" beside
        "James Cook"): a kept question whose key is any of them has the same answer; ``limit`` is how many
        questions one answer may serve."""
        for name in dict.fromkeys(n.lower() for n in (key, *names) if n):
            if self.uses[(doc, name)] >= limit:
                return f"key '{key}' already serves {limit} question{'s' if limit > 1 else ''}"
        for w in sorted(set(_WORD.findall(prompt.lower()))):
            for kept in self.keys_by_word.get((doc, w), ()):
                if contains_phrase(prompt, kept):
                    return f"prints the key '{kept}' of another question"
        if key and type_ in TEXT_KEY_TYPES:
            first = self._anchor(key)
            for other in self.prompts_by_word.get((doc, first), ()):
                if contains_phrase(other, key):
                    return f"its key '{key}' stands in another prompt"
        return None

    def same_answer(self, doc: int, key: str, names: tuple[str, ...] = ()) -> bool:
        """Whether a kept choice or fill-in question of document ``doc`` asks for the same answer: a true-or-false
        statement about it shares a name, not an answer."""
        return any((doc, n.lower()) in self.answers for n in (key, *names) if n)

    def date_cap_reached(self, doc: int, type_: str, prompt: str, key: str) -> bool:
        """Whether one more date key would make dates more than MAX_DATE_SHARE of the document's choice and
        fill-in keys (so the share never passes it, whatever comes after)."""
        if type_ not in TEXT_KEY_TYPES or not is_date_key(key, prompt):
            return False
        return self.date_keys[doc] + 1 > MAX_DATE_SHARE * (self.text_keys[doc] + 1)

    def below_date_floor(self, doc: int) -> bool:
        """Whether document ``doc`` has fewer than MIN_DATE_KEYS date keys kept."""
        return self.date_keys[doc] < MIN_DATE_KEYS

    def add(self, doc: int, type_: str, prompt: str, key: str, names: tuple[str, ...] = ()) -> None:
        for name in dict.fromkeys(n.lower() for n in (key, *names) if n):
            self.uses[(doc, name)] += 1
            if type_ in TEXT_KEY_TYPES:
                self.answers.add((doc, name))
        for w in set(_WORD.findall(prompt.lower())):
            self.prompts_by_word[(doc, w)].append(prompt)
        if key and type_ in TEXT_KEY_TYPES:
            self.keys_by_word[(doc, self._anchor(key))].append(key)
            self.text_keys[doc] += 1
            self.date_keys[doc] += is_date_key(key, prompt)
