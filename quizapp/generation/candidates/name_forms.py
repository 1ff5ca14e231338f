"""The fuller and shorter forms of a place's or a ruler's name that a fair teacher accepts for a fill-in.

A student names a river without the word "River", a city by its long name where the article gives it, a ruler with
or without the title and the regnal number the article gives him. Each form is added only where the article itself
writes it and names nothing else by it, so the form picks out the key's own thing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..analysis import Corpus, norm_key
from ..datafiles import table_lines
from ..gazetteer import containers, place_class
from ..lexicon import TITLES
from ..textutil import zipf

# Words that say what kind of place a name is, after the name ("Zayandeh River") or before it ("Lake Chad"). Not
# "Islands": "Solomon" or "Christmas" alone names someone else.
GEO_AFTER = frozenset(
    {
        "River",
        "Desert",
        "Mountains",
        "Hills",
        "Sea",
        "Ocean",
        "Valley",
        "Plateau",
        "Peninsula",
        "Delta",
        "Basin",
        "Range",
        "Strait",
    }
)
# British usage puts "River" first too ("the River Neva").
GEO_BEFORE = frozenset({"Lake", "Mount", "Mt", "River"})
# A name this common in English ("Red" of "Red Sea", "Black", "Yellow", "Great") is no name alone.
RARE_NAME_ZIPF = 4.5
_W = r"[A-Z][\w'’-]*"
# The particles that join a place's long name ("Rio de Janeiro", "Santiago de Compostela", "Frankfurt am Main").
_PLACE_PARTICLES = r"(?:de|do|da|dos|das|del|della|di|am|an|on|upon|sur|la|el)"
_ROMAN = r"[IVX]{1,5}"
# A word this common in English text ("Paul" 5.0, "John" 5.6) is a given name many people bear: alone it does not
# say which one, even where the article names only one of them.
SHARED_GIVEN_NAME_ZIPF = 4.0


def geographic_forms(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Zayandeh" for "Zayandeh River" and "Zayandeh River" for "Zayandeh": a place's name with and without the
    word for its kind, where the name is rare enough to name it alone and the article gives no other place of that
    name ("the Nile Delta" beside "the Nile River")."""
    words = key.split()
    text = corpus.documents[doc].text
    if len(words) >= 2 and (words[-1] in GEO_AFTER or words[0] in GEO_BEFORE):
        bare = " ".join(words[:-1] if words[-1] in GEO_AFTER else words[1:])
        return [bare] if _rare(bare) and _kinds_of(text, bare) <= {_kind_word(key)} else []
    kinds = _kinds_of(text, key) if _rare(key) else set()
    if len(kinds) != 1 or not kinds <= GEO_AFTER | GEO_BEFORE:
        return []
    (kind,) = kinds
    before = kind in GEO_BEFORE and (kind not in GEO_AFTER or occurrences(text, f"{kind} {key}"))
    return [f"{kind} {key}" if before else f"{key} {kind}"]


def _rare(name: str) -> bool:
    words = name.split()
    return bool(words) and all(w[:1].isupper() and zipf(w.lower()) < RARE_NAME_ZIPF for w in words)


def _kind_word(key: str) -> str:
    words = key.split()
    return words[0] if words[0] in GEO_BEFORE else words[-1]


def _kinds_of(text: str, name: str) -> set[str]:
    """The capitalised words the article writes right after or before the name: its kind words, or the rest of
    another name that holds it ("Nile Delta")."""
    return {w for w, _ in _neighbours(text, name, _NEXT_WORD)} | {
        w for w in _words_before(text, name) if w in GEO_BEFORE
    }


# What follows a name on its line (not across a line: a heading ends there), and the word before it.
_NEXT_WORD = re.compile(rf"[ \t]+({_W})")
_LONG_FORM = re.compile(rf"\s+{_PLACE_PARTICLES}\s+{_W}(?:[ \t]+{_W})?")
_WORD_BEFORE = re.compile(rf"({_W})[ \t]+$")
# Words that make a rank of two words with the title after them ("Prime Minister", "Vice Admiral"): the title alone
# before the name ("Minister Ali Razmara") is half a rank, no name anyone writes.
TITLE_QUALIFIERS = frozenset({"Rear", "Vice", "Grand", "Lord", "High", "Field", "Prime", "Chief", "Deputy"})


def occurrences(text: str, name: str) -> list[int]:
    """Where the name stands as whole words: found with str.find, as the name is rare, not by a pattern scanning
    every character of the article for each key."""
    out, at = [], text.find(name)
    while at != -1:
        end = at + len(name)
        before_ok = at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")
        after_ok = end == len(text) or not (text[end].isalnum() or text[end] in "'’-")
        if before_ok and after_ok:
            out.append(at)
        at = text.find(name, at + 1)
    return out


def _neighbours(text: str, name: str, pattern: re.Pattern[str]) -> list[tuple[str, int]]:
    """What the pattern matches right after each occurrence of the name, with the occurrence's start."""
    found = []
    for at in occurrences(text, name):
        m = pattern.match(text, at + len(name))
        if m is not None:
            found.append((m.group(1) if pattern.groups else m.group(0), at))
    return found


def _words_before(text: str, name: str) -> list[str]:
    return [m.group(1) for at in occurrences(text, name) if (m := _WORD_BEFORE.search(text, max(0, at - 40), at))]


def place_long_form(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Rio de Janeiro" for "Rio": the one longer name the article writes that joins the key to another name by a
    particle; the student who writes the long name names the same city."""
    text = corpus.documents[doc].text
    if re.search(rf"\s{_PLACE_PARTICLES}\s", key):
        return []
    found = {re.sub(r"\s+", " ", key + tail) for tail, _ in _neighbours(text, key, _LONG_FORM)}
    return sorted(found) if len(found) == 1 else []


def ruler_forms(corpus: Corpus, doc: int, key: str, at: int | None = None) -> list[str]:
    """ "Shah Abbas" and "Abbas I" for "Abbas", "Abbas" for "Shah Abbas I": a ruler with and without the title and
    the regnal number the article gives; the name alone only where the article numbers no other ruler of that name
    ("Abbas II" beside "Abbas I"), a number only where it gives just one, or where the key, at offset ``at`` of the
    text, comes before every later-numbered ruler of the name (the first of the name: "Abbas I")."""
    words = key.split()
    title = words[0] if len(words) > 1 and words[0].lower().rstrip(".") in TITLES else ""
    numeral = words[-1] if len(words) > 1 and re.fullmatch(_ROMAN, words[-1]) else ""
    base = " ".join(words[1 if title else 0 : -1 if numeral else len(words)])
    if not base or not base[:1].isupper():
        return []
    text = corpus.documents[doc].text
    # "Constantine V's death": the possessive is the numbered ruler's, not another name holding the bare one
    after = [(re.sub(r"['’]s$", "", w), at) for w, at in _neighbours(text, base, _NEXT_WORD)]
    numerals = {w for w, _ in after if re.fullmatch(_ROMAN, w)}
    number_at = {at: w for w, at in after if w in numerals}
    titles = {
        (m.group(1), number_at.get(at, ""))
        for at in occurrences(text, base)
        if (m := _WORD_BEFORE.search(text, max(0, at - 40), at))
        and m.group(1).lower().rstrip(".") in TITLES
        and not _qualified_title(text, m.start(1))
    } | ({(title, numeral)} if title else set())
    if numeral:
        numerals.add(numeral)
    # "Napoleon Bonaparte" beside "Napoleon III": another name holds the bare one
    others = (numerals - {numeral}) | ({w for w, _ in after} - numerals)
    if numeral:
        names = [f"{base} {numeral}"] + ([] if others or not _bare_regnal_name(text, base, after) else [base])
    else:  # which of several numbered rulers the key is, the article does not say
        names = [base] + ([f"{base} {n}" for n in numerals] if len(numerals) == 1 and not others - numerals else [])
        later = [start for w, start in after if w in numerals - {"I"}]
        if len(numerals) > 1 and "I" in numerals and not others - numerals and at is not None and min(later) > at:
            # "Abbas" born in 1571, before any "Abbas II" is named: the first of the name
            names.append(f"{base} I")
    for name in list(names):
        # the one title the article gives this ruler: with the same number; any, where the name has none
        own = {t for t, n in titles if name == base or (n and name.endswith(f" {n}"))}
        if len(own) == 1:
            names.append(f"{next(iter(own))} {name}")
    return [n for n in dict.fromkeys(names) if norm_key(n) != norm_key(key)]


def _qualified_title(text: str, at: int) -> bool:
    """Whether the title at offset ``at`` is the second word of a rank ("Prime Minister")."""
    m = _WORD_BEFORE.search(text, max(0, at - 20), at)
    return m is not None and m.group(1) in TITLE_QUALIFIERS


def _bare_regnal_name(text: str, base: str, after: list[tuple[str, int]]) -> bool:
    """Whether a numbered ruler's name alone names him: the article writes it without the number, and it is no
    given name many rulers bore ("Paul" of "Paul III", "John Paul" of "John Paul II")."""
    if any(zipf(w.lower()) >= SHARED_GIVEN_NAME_ZIPF for w in base.split()):
        return False
    numbered = {at for w, at in after if re.fullmatch(_ROMAN, w)}
    return any(at not in numbered for at in occurrences(text, base))


_INITIAL = re.compile(r"^[A-Z]\.$")


def without_initials(key: str, persons: frozenset[str]) -> list[str]:
    """ "Robert Wagner" for "Robert F. Wagner": a person's name without the middle initials, as people say it,
    where no other person of the article (``persons``, normalised) comes to the same short name ("George Bush"
    beside "George W. Bush" and "George H. W. Bush")."""
    words = key.split()
    kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))]
    if len(kept) == len(words) or len(kept) < 2 or _INITIAL.match(kept[0]):
        return []
    short = " ".join(kept)
    same = {p for p in persons if " ".join(w for w in p.split() if not re.fullmatch(r"[a-z]\.?", w)) == norm_key(short)}
    return [] if same - {norm_key(key), norm_key(short)} else [short]


# Titles of rulers who bear a regnal number ("Pope Clement XI", "King Louis XIV").
REGNAL_TITLES = frozenset({"pope", "king", "queen", "emperor", "empress", "tsar", "czar", "shah", "sultan", "pharaoh"})


def regnal_title(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Pope Benedict XIV" for "Benedict XIV": a regnal name the article writes without a title takes the one
    ruler's title the article gives every titled ruler, where it gives it to two of them or more ("Pope Clement
    XI", "Pope Francis") and no other ("King Louis XIV" beside them says nothing of the key)."""
    words = key.split()
    if len(words) < 2 or not re.fullmatch(_ROMAN, words[-1]) or words[0].lower() in TITLES:
        return []
    text = corpus.documents[doc].text
    titled = {
        (m.group(1).lower(), m.group(2))
        # The second word in a lookahead: pairs overlap, so "When King Louis" still yields "King Louis".
        for m in re.finditer(rf"(?<![\w'’-])({_W})(?=[ \t]+({_W}))", text)
        if m.group(1).lower() in REGNAL_TITLES
    }
    titles = {t for t, _ in titled}
    if len(titles) != 1 or len(titled) < 2:
        return []
    (title,) = titles
    if _called_otherwise(text, key, title):
        return []
    return [f"{title.capitalize()} {key}"]


def _called_otherwise(text: str, key: str, title: str) -> bool:
    """Whether the article writes the key after another ruler's word ("the Byzantine emperor Michael III" beside
    "Pope Hadrian II", "Pope John VIII"): he holds that office, and the popes' title is not his."""
    for at in occurrences(text, key):
        before = text[max(0, at - 20) : at].split()
        if before and before[-1].lower() in REGNAL_TITLES and before[-1].lower() != title:
            return True
    return False


# A people's adjective in "-n" ("Mayan" of "Maya") is a word of English this common or more.
PEOPLE_ADJECTIVE_ZIPF = 2.0
_NO_PLURAL = re.compile(r"(?:ese|ish|ch|sh|s|x|z)$")


def people_word_forms(name: str) -> list[str]:
    """ "Mayas", "Mayans" and "Mayan people" for "Maya": the plural and the
    adjective forms students write for a people named in the singular, where English has them ("the Chinese"
    has no plural; "Maya" has the adjective "Mayan")."""
    if not name[:1].isupper() or " " in name:
        return []
    if name.endswith("s"):  # "Norwegians": the singular is accepted already, "Norwegian people" adds nothing
        return []
    forms = [f"{name} people"]
    if not _NO_PLURAL.search(name):
        forms.append(f"{name}s")
    if name.endswith("a") and zipf(f"{name.lower()}n") >= PEOPLE_ADJECTIVE_ZIPF:
        forms += [f"{name}ns", f"{name}n people"]
    return forms


# Prepositions that put a place: a name written after them is a place ("in the Crimea"), not a people.
_LOCATIVE = r"(?:in|at|to|from|into|near|across|through|towards|toward|within|around|beyond|throughout|over)"


def people_named_as_place(corpus: Corpus, doc: int, key: str, before: str) -> bool:
    """ "Unlike the Maya": a one-word name the model took for a place, which the place list does not know, that
    has the article "the" before it (``before`` is the word before the key) and that the article never writes
    after a preposition of place, with an adjective in "-n" that English knows: a people."""
    if before.lower() != "the" or " " in key or not key.endswith("a") or place_class(norm_key(key)) is not None:
        return False
    if zipf(f"{key.lower()}n") < PEOPLE_ADJECTIVE_ZIPF:
        return False
    text = corpus.documents[doc].text
    return re.search(rf"\b{_LOCATIVE}\s+(?:the\s+)?{re.escape(key)}(?![\w'’-])", text, re.I) is None


# A word that is one of its neighbours' name, not a name alone: "Giustiniani" in "Giovanni Giustiniani Longo",
# "Ferdinand" in "Ferdinand de Lesseps" (a particle or "the" between), "Shaka" in "Shaka kaSenzangakhona".
_CAPITAL_NEIGHBOUR = re.compile(r"[A-Z][\w'’-]*")
_NAME_AFTER = re.compile(
    r"(?:(?:de|da|di|do|dos|du|del|della|van|von|der|den|la|le|al|el|ibn|bin|ben|the|of)[\s-]+)*[\w'’-]*[A-Z]"
)


def _written_alone(text: str, word: str, key: str) -> bool:
    """Whether the text writes the word as a name by itself at least once: no capitalised word right before it
    (but for a sentence's first word) and no more of a name right after it. Never where a capitalised word not of
    the key stands before it ("Prince Salim" beside "Shaikh Salim Chishti"): another person bears the name."""
    alone = False
    for at in occurrences(text, word):
        before = text[max(0, at - 30) : at].rstrip()
        after = text[at + len(word) :].lstrip(" ")
        prev = before.split()[-1] if before.split() else ""
        sentence_start = not before or before.endswith((".", "!", "?", ":", "\n")) or before[-1:] in '"“(*-'
        if not sentence_start and _CAPITAL_NEIGHBOUR.fullmatch(prev) and prev not in key.split():
            return False
        alone = alone or ((sentence_start or not _CAPITAL_NEIGHBOUR.fullmatch(prev)) and not _NAME_AFTER.match(after))
    return alone


def named_elsewhere(corpus: Corpus, doc: int, part: str, key: str) -> bool:
    """Whether another name of the article holds the part: a name with words not the key's own, or the part
    alone naming something else than a person ("Qin" the state beside "Qin Shi Huangdi")."""
    own, word = set(norm_key(key).split()), norm_key(part)
    return any(
        word in names and (not set(names) <= own or m.kind not in _UNSURE_OR_PERSON)
        for s in corpus.document_sentences(doc)
        for m in s.mentions
        # "Hákon and Skúli" read as one name: each of the two is a name of its own
        for names in (n.split() for n in _COORDINATED.split(m.norm))
    )


# A name the model gave no kind ("Earl Skúli", "Skúli" read as "other") is no other thing: only a place, a body or
# a people is. And " and " joins two names the model read as one.
_UNSURE_OR_PERSON = frozenset({"person", "other"})
_COORDINATED = re.compile(r"\s+(?:and|&)\s+")


def name_part_alone(corpus: Corpus, doc: int, key: str, also: tuple[str, ...] = ()) -> list[str]:
    """ "Giustiniani" for "Giovanni Giustiniani Longo", "Orren" for "Orren Vask": a word of a person's name (not
    its last, which the surname rules weigh) that the article itself writes alone, as his short name, where no other
    name of the article holds it (``also``: the other names the article gives the key's own person, "Shehu Usman"
    for "Usman dan Fodio", hold it as his); a particle, a title or a given name as common as "Paul" is no name."""
    words = key.split()
    if len(words) < 2:
        return []
    text = corpus.documents[doc].text
    own = " ".join([key, *also])
    return [
        w
        for w in words[:-1]
        if w[:1].isupper()
        and len(w) > 2
        and w.lower().rstrip(".") not in TITLES
        and zipf(w.lower()) < SHARED_GIVEN_NAME_ZIPF
        and _written_alone(text, w, own)
        and not named_elsewhere(corpus, doc, w, own)
    ]


# Words of size before a name that leave the same thing named without them: "the Great Rift Valley" is "the Rift
# Valley". Not the compass words ("North Africa" is not "Africa", "Upper Egypt" not "Egypt").
_GREAT = re.compile(r"^(?:the\s+)?(?:Great|Grand)\s+(?P<rest>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$")


def without_great(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Rift Valley" for "Great Rift Valley": the name without "Great" where the article itself writes it so
    (capitalised, not after "Great"), and no other name of the article holds it ("Rift Valley Province")."""
    m = _GREAT.match(key)
    if m is None:
        return []
    rest, text = m["rest"], corpus.documents[doc].text
    alone = [
        at for at in occurrences(text, rest) if not text[max(0, at - 6) : at].rstrip().endswith(("Great", "Grand"))
    ]
    if not alone:
        return []
    own = {norm_key(key), norm_key(rest), norm_key(f"the {rest}")}
    others = {
        n for s in corpus.document_sentences(doc) for n in (m.norm for m in s.mentions) if norm_key(rest) in n
    } - own
    return [] if others else [rest]


# Given names of the Spanish and Portuguese world, where a person bears two surnames, his father's then his
# mother's ("Gabriel García Márquez"): the first surname, alone or with the second, is his usual short name, the
# second alone is not.
@cache
def _iberian_given() -> frozenset[str]:
    return frozenset(_unaccented(w) for w in table_lines("iberian_given_names.txt"))


@cache
def east_asian_family_names() -> frozenset[str]:
    """The commonest family names of China, Korea, Vietnam and Japan, which open a name there: the word after one is
    a given name, which nobody uses alone ("Kuangyin" of "Zhao Kuangyin")."""
    return frozenset(table_lines("east_asian_family_names.txt") + table_lines("japanese_family_names.txt"))


# The Vietnamese are called by the last word of their names ("Diem" of "Ngo Dinh Diem"), never by the family name.
VIETNAMESE_FAMILY_NAMES = frozenset(
    {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Ngo", "Duong", "Ly"}
)


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def iberian_surnames(key: str) -> tuple[str, str] | None:
    """The two surnames of "Rafael Larco Hoyle" (a Spanish or Portuguese given name, then two capitalised names
    that are no given names): ("Larco", "Hoyle"). None for any other name ("Juan Carlos Pérez" has one surname)."""
    words = key.split()
    if len(words) != 3 or _unaccented(words[0]) not in _iberian_given():
        return None
    first, second = words[1], words[2]
    if _unaccented(first) in _iberian_given() or not all(w[:1].isupper() and w.isalpha() for w in (first, second)):
        return None
    return first, second


# The countries where Spanish is spoken, whose people bear the father's surname first. Not Portugal or Brazil: there
# the last surname is the father's ("Rodrigues Alves" is known as Alves), nor Portugal's former colonies.
SPANISH_SPEAKING = frozenset(
    {
        "spain",
        "mexico",
        "peru",
        "argentina",
        "chile",
        "colombia",
        "venezuela",
        "bolivia",
        "ecuador",
        "paraguay",
        "uruguay",
        "cuba",
        "guatemala",
        "honduras",
        "nicaragua",
        "el salvador",
        "costa rica",
        "panama",
        "dominican republic",
        "puerto rico",
    }
)


def spanish_world(corpus: Corpus, doc: int) -> bool:
    """Whether the article names a Spanish-speaking country or a city in one: the setting where a given name
    like "Rafael" opens a Spanish name with two surnames ("Álvaro" in Portuguese Angola opens no such name)."""

    def read() -> bool:
        return any(
            m.kind == "place" and (m.norm in SPANISH_SPEAKING or containers(m.norm) & SPANISH_SPEAKING)
            for s in corpus.document_sentences(doc)
            for m in s.mentions
        )

    return bool(corpus.kept("spanish_world", doc, read))


def iberian_short_names(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Larco Hoyle" and "Larco" for "Rafael Larco Hoyle": both surnames, and the first (the father's) alone,
    where no other name of the article holds it ("Victor Larco Herrera", his father, beside him)."""
    pair = iberian_surnames(key)
    if pair is None or not spanish_world(corpus, doc) or named_elsewhere(corpus, doc, pair[0], key):
        return []
    return [f"{pair[0]} {pair[1]}", pair[0]]


def without_inner_numeral(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Gustav Adolf" for "Gustav II Adolf": a ruler whose regnal number stands inside his name is named as surely
    by the name without it, where the rest is two words or more and the article numbers no other ruler of that
    name ("Gustav III Adolf" beside him)."""
    words = key.split()
    inner = [i for i in range(1, len(words) - 1) if re.fullmatch(_ROMAN, words[i])]
    if len(inner) != 1:
        return []
    (at,) = inner
    before, after = " ".join(words[:at]), " ".join(words[at + 1 :])
    text = corpus.documents[doc].text
    numbered = re.findall(rf"(?<![\w'’-]){re.escape(before)}\s+({_ROMAN})\s+{re.escape(after)}(?![\w'’-])", text)
    if set(numbered) - {words[at]}:
        return []
    return [f"{before} {after}"]
