"""The other answers a fill-in accepts: forms of the same word, and the other names of the same thing.

Only what names the key's own thing is added: the head noun alone where the article itself uses it alone for
that thing and for nothing else; the other number; British or American spelling; a name's short form or
abbreviation where the article uses it; the well-known other names of major events, states and institutions
(``data/name_variants.txt``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Any

from breame.spelling import get_american_spelling, get_british_spelling
from spacy.lang.en.stop_words import STOP_WORDS

from ..analysis import Corpus, Sentence, norm_key
from ..distractors import one_people, usable_key
from ..gazetteer import containers, place_class
from ..giveaways import states_of_people
from ..lexicon import EVENT_WORDS, FACILITY_WORDS, LAW_WORDS, PEERAGES, TITLES
from ..textutil import plural_of, zipf
from .fill_in_members import activity_for_undertaking, members_named, part_owned_forms, state_as_party
from .name_forms import (
    SHARED_GIVEN_NAME_ZIPF,
    TITLE_QUALIFIERS,
    geographic_forms,
    iberian_short_names,
    name_part_alone,
    occurrences,
    people_named_as_place,
    people_word_forms,
    place_long_form,
    regnal_title,
    ruler_forms,
    without_great,
    without_initials,
    without_inner_numeral,
)

# A head noun the article never writes alone is still a fair answer when it is specific enough by itself
# ("actors" for "kabuki actors": Zipf 4.4), not when it is as common as "rate" (5.1) or "office" (5.4).
SPECIFIC_HEAD_ZIPF = 4.5
# Modifiers that pick out one thing among others of its kind ("air corridors", "the city's walls").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Words that may open a capitalised run without being part of the name ("In Rome", "The Salt War").
_RUN_OPENERS = frozenset({"the", "in", "at", "on", "by", "from", "during", "after", "before", "when", "while", "under"})
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of|the|and|for|de|la|le|von|van|du|des|der|[A-Z][\w'’.-]*))*"
_BRACKETED = re.compile(rf"(?P<a>{_NAME})\s*\((?P<b>[^()]{{1,60}})\)")
# "X, also known as Y", "X (known in Europe as Y)", "X, also spelled Y": the article gives X another name.
# Any adverb may qualify it ("usually spelled Y in English", "more commonly written Y").
_ALSO_CALLED = re.compile(
    rf"(?P<a>{_NAME}),?\s+\(?(?:(?:also|often|sometimes|more|most|[a-z]+ly)\s+){{0,2}}"
    r"(?:known(?:\s+(?:in|to|among)(?:\s+[A-Z][\w'’-]*){1,2})?\s+as|called|spelled|spelt|written|rendered)"
    rf"\s+(?:the\s+)?(?P<b>{_NAME})"
)
# "Krakatau (also Krakatoa)", "Krakatau (or Krakatoa)": a name alone in brackets after "also" or "or". And "Siam, or
# Thailand,": a name, a comma and "or" before another name closed by punctuation, not the end of a list ("A, B, or C").
_ALSO_BRACKETED = re.compile(rf"(?P<a>{_NAME})\s*\((?:also|or)\s+(?:the\s+)?(?P<b>{_NAME})\)")
# "Fernando Po (now Bioko)", "Batavia (today Jakarta)", "Siam, now Thailand,", "Constantinople, today's Istanbul":
# the name the same place had before or has since.
_RENAMED = r"(?:now|today|today's|formerly|modern|modern-day|present-day|later)"
# A state of the past is not the state on its land today: "Songhay Empire, present-day Mali" says where, and the
# empire had no other name.
POLITY_WORDS = frozenset(
    {"Empire", "Kingdom", "Sultanate", "Caliphate", "Khanate", "Emirate", "Dynasty", "Republic", "Confederacy"}
)
_NOW_BRACKETED = re.compile(rf"(?P<a>{_NAME})\s*\({_RENAMED},?\s+(?:the\s+)?(?P<b>{_NAME})\)")
_NOW_COMMA = re.compile(rf"(?<![\w'’-])(?P<a>{_NAME}),\s+{_RENAMED}\s+(?:the\s+)?(?P<b>{_NAME})(?=[,;.)])")
_COMMA_OR = re.compile(rf"(?<!,\s)(?<![\w'’-])(?P<a>{_NAME}),\s+or\s+(?:the\s+)?(?P<b>{_NAME})(?=[,;.)])")
_ABBREVIATION = re.compile(r"^[A-Z](?:\.?[A-Z&]){1,7}\.?$")


def other_answers(corpus: Corpus, sent: Sentence, key: str, first: Any, last: Any, kind: str) -> list[str]:
    """Answers besides the key as written (``key``, spanning tokens ``first``..``last`` of ``sent``)."""
    out: list[str] = []
    if kind == "term":
        out += _number_forms(corpus, sent, first, last)
        out += (
            shell_content(corpus, sent.doc, first, last)
            or _head_alone(corpus, sent, first, last)
            or _named_by_class(first, last)
        )
        out += substance_of_form(corpus, sent.doc, first, last)
        out += modifier_alternative(corpus.documents[sent.doc].text, key)
        out += office_other_names(corpus, sent.doc, key)
        out += activity_for_undertaking(corpus, sent.doc, first, last) + part_owned_forms(key)
    else:
        out += _short_forms(corpus, sent.doc, key)
        if kind == "place" and state_as_party(last):
            out += _people_of().get(_folded(key), [])
        if kind == "place":
            out += geographic_forms(corpus, sent.doc, key) + place_long_form(corpus, sent.doc, key)
            out += city_gone_to(corpus, sent.doc, key, first)
            # a name the model took for a place: "the Smithfield Show", "Kamehameha of Hawaiʻi Island"
            out += distinctive_part(corpus, sent.doc, key)
            before = first.doc[first.i - 1].text if first.i > 0 else ""
            if people_named_as_place(corpus, sent.doc, key, before):
                out += people_word_forms(key)
        if kind in ("place", "org") and _person_of_realm(corpus, sent.doc, key):
            # "Kamehameha of Hawaiʻi Island" read as a place, "Aristarchus of Samothrace" as a body
            out += bare_person_name(corpus, sent.doc, key, sent.start)
        if kind == "person":
            fuller = (
                person_full_name(corpus, sent.doc, key)
                or _fuller_name(corpus, sent.doc, key)
                or name_continued(corpus, sent.doc, key)
                or name_with_epithet(corpus, sent.doc, key)
            )
            out += fuller + [name for f in fuller for name in without_title(f)]
            out += bare_person_name(corpus, sent.doc, key, sent.start) + double_surname(corpus, sent.doc, key)
            out += patronymic_forms(corpus, sent.doc, key) + iberian_short_names(corpus, sent.doc, key)
            also = tuple(bracketed_names(corpus, sent.doc, key) + _aliases(corpus, sent.doc).get(norm_key(key), []))
            out += given_before_patronymic(corpus, sent.doc, key, also) + without_nickname(key)
            parts = name_part_alone(corpus, sent.doc, key, also)
            out += without_honorific(corpus, sent.doc, key) + parts + titled_part(corpus, sent.doc, key, parts)
            out += ruler_forms(corpus, sent.doc, key, sent.start) + regnal_title(corpus, sent.doc, key)
            persons = mention_norms(corpus, sent.doc, "person")
            out += [short for name in [key, *fuller] for short in without_initials(name, persons)]
        elif kind in ("org", "event", "law"):  # not "Central Asia" for "Asia": another place
            out += _fuller_name(corpus, sent.doc, key)
        if kind in ("org", "event", "law") or (kind == "place" and body_taken_for_place(corpus, sent.doc, key)):
            made_by = law_named_after(corpus, sent.doc, key)
            out += made_by + [v for law in made_by for v in _variant_names().get(_folded(law), [])]
        if kind in ("org", "event", "law"):
            out += distinctive_part(corpus, sent.doc, key)
        if kind in ("org", "event", "law", "place"):
            out += named_short(corpus, sent.doc, key) + without_great(corpus, sent.doc, key)
        if kind == "org":
            out += first_word_alone(corpus, sent.doc, key) + named_after_leader(corpus, sent, key)
        if kind == "event":
            out += without_nationality(corpus, sent.doc, key) + without_ordinal(corpus, sent.doc, key)
        if kind == "group":
            out += people_forms(corpus, sent.doc, key)
    if kind != "term":
        out += town_of_building(corpus, sent.doc, key, first) + church_named_short(key)
        # "Gustav II Adolf", whatever kind the model read the name as
        out += without_inner_numeral(corpus, sent.doc, key)
    out += _aliases(corpus, sent.doc).get(norm_key(key), [])
    out += members_named(corpus, sent.doc, first, last)
    if kind != "place":  # "Conakry (Guinea)" says where, not another name; "Edo ('estuary')" what it meant
        out += bracketed_names(corpus, sent.doc, key) + translated_names(corpus, sent.doc, key)
    else:  # "Delagoa Bay (Maputo Bay)": a bracketed name of the same class of place is its other name
        out += [b for b in bracketed_names(corpus, sent.doc, key) if same_class_of_place(key, b)]
    # "Sultan Mehmed II" is the table's "Mehmed II" with his title
    out += [v for name in [key, *without_title(key)] for v in _variant_names().get(_folded(name), [])]
    out += [s for v in [key, *out] for s in _spellings(v)]
    out += [s for v in [key, *out] for s in latin_letters(v)]
    return list(dict.fromkeys(v for v in out if v.strip() and v != key))


# Where a building stands: after these, its town answers "where" as truly as the building does.
_LOCATING = frozenset({"in", "at"})


def town_of_building(corpus: Corpus, doc: int, key: str, first: Any) -> list[str]:
    """ "Frombork" for "grave in Frombork Cathedral": after "in" or "at", a building named by its town and its
    kind ("Velm Cathedral", "Reading Gaol") is also answered by the town, where the article names that town alone
    as a place (he "lived in Frombork"). Not elsewhere: "_____ was built in 1388" asks for the building."""
    words = key.split()
    if len(words) < 2 or words[-1].lower() not in FACILITY_WORDS or first.i == 0:
        return []
    if first.doc[first.i - 1].lower_ not in _LOCATING:
        return []
    town = " ".join(words[:-1])
    return [town] if norm_key(town) in mention_norms(corpus, doc, "place") else []


# Buildings of worship: "Christ Church Cathedral" is the church Christ Church made a cathedral, one building under
# either name ("London Bridge Station" is not London Bridge: a station and a bridge are two buildings).
WORSHIP_BUILDINGS = frozenset({"church", "cathedral", "abbey", "chapel", "minster", "basilica", "mosque", "temple"})


def church_named_short(key: str) -> list[str]:
    """ "Christ Church" for "Christ Church Cathedral", "Velm Abbey" for "Velm Abbey Church": a church's name that
    is itself the name of a church, before the word saying what the church is now."""
    words = key.split()
    if len(words) < 3 or not words[0][:1].isupper():
        return []
    if words[-1].lower() in WORSHIP_BUILDINGS and words[-2].lower() in WORSHIP_BUILDINGS:
        return [" ".join(words[:-1])]
    return []


_QUOTE = "['‘’\"“”]"


def modifier_alternative(text: str, key: str) -> list[str]:
    """ "childbed fever" for "puerperal fever" where the article writes "puerperal or 'childbed' fever": a term
    whose modifier the article gives another word for, in quotes, before the same head, is named by either. Without
    the quotes "red or blue team" offers two things, not two names of one."""
    words = key.split()
    if len(words) != 2 or not all(w.isalpha() for w in words):
        return []
    lowered, modifier = text.lower(), words[0].lower()
    if f"{modifier} or " not in lowered and not any(q + modifier in lowered for q in "'‘’\"“”"):
        return []  # neither pattern can match: no scan of the whole text for each term
    mod, head = (re.escape(w) for w in words)
    other = rf"{_QUOTE}([A-Za-z][\w-]*){_QUOTE}"
    found = {
        m.group(1)
        for pattern in (
            rf"\b{mod}\s+or\s+{other}\s+{head}\b",
            rf"\b([A-Za-z][\w-]*)\s+or\s+{_QUOTE}{mod}{_QUOTE}\s+{head}\b",
        )
        for m in re.finditer(pattern, text, re.I)
    }
    return [f"{w} {words[1]}" for w in sorted(found) if w.lower() != words[0].lower()]


# Verbs and nouns of going somewhere: "his move to Egypt", "she fled to France", "they sailed to China".
_GOING = frozenset(
    {"move", "go", "travel", "flee", "return", "emigrate", "sail", "come", "migrate", "journey", "retire", "relocate"}
)


def city_gone_to(corpus: Corpus, doc: int, key: str, first: Any) -> list[str]:
    """ "Cairo" for "his move to Egypt": where the blank is a country someone goes to and the article names one
    city of that country and no other, the student who names the city names where he went."""
    prep = first.doc[first.i - 1] if first.i > 0 else None
    if prep is None or prep.lower_ not in ("to", "into") or prep.head.lemma_.lower() not in _GOING:
        return []
    country = norm_key(key)
    if place_class(country) != "country":
        return []
    cities = {
        m.text
        for s in corpus.document_sentences(doc)
        for m in s.mentions
        if m.kind == "place" and place_class(m.norm) == "city" and country in containers(m.norm)
    }
    return sorted(cities) if len({norm_key(c) for c in cities}) == 1 else []


# Class nouns of a named event, treaty or assembly ("the Battle of X", "the Diet of X"): the name after "of" is what
# tells it from every other of its class.
NAMED_BY_PLACE = frozenset({*LAW_WORDS, *EVENT_WORDS, "Council", "Diet", "Synod", "Sack", "Fall"})
# Works named after their hero ("the Epic of Gilgamesh", "the Song of Roland"): the hero's name names the work, as a
# place's names a battle.
NAMED_BY_HERO = frozenset({"Epic", "Song", "Saga", "Tale", "Legend", "Lay", "Romance", "Ballad"})
# A word this common in English ("Britain" 4.7, "Union" 5.1, "Independence" 4.6) names more than the event alone: "the
# Battle of Britain", "the Act of Union". A rarer one ("Vienna" 4.0, "Nantes" 2.8, "Gingindlovu") names it.
DISTINCTIVE_ZIPF = 4.5
_OF_NAME = re.compile(r"^(?:the\s+)?(?P<cls>[A-Z][a-z]+)\s+of\s+(?P<part>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


def distinctive_part(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Gingindlovu" for "Battle of Gingindlovu", "Amasya" for "Peace of Amasya", "Pellingford" for "Pellingford
    Show": the name that tells an event, a gathering or a treaty from the others of its class, where it is rare
    enough to name nothing else and the article names no other thing by it ("the Siege of X" beside "the Battle of
    X", "the X Market" beside "the X Show")."""
    text = corpus.documents[doc].text
    m = _OF_NAME.match(key)
    named_by = NAMED_BY_PLACE | NAMED_BY_HERO
    if m is None or m["cls"] not in named_by:
        after = _NAME_OF_CLASS.match(key)
        if after is None or not _rare_name(after["part"]):
            return []
        part = after["part"]
        others = set(re.findall(rf"(?<![\w'’-]){re.escape(part)}\s+([A-Z][\w'’-]*)", text)) - {after["cls"]}
        return [] if others else [part]
    part = m["part"]
    if not _rare_name(part):
        return []
    if m["cls"] in NAMED_BY_HERO and len(occurrences(text, part)) > len(occurrences(text, f"{m['cls']} of {part}")):
        return []  # the article uses the hero's name for more than the work: whether alone it names the work is
        # named_short's to say ("The Velmor runs to fifty chapters", not "the Velmor scrolls")
    classes = set(re.findall(rf"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?{re.escape(part)}(?![\w'’-])", text))
    return [part] if not classes & named_by - {m["cls"]} else []


# A word this common in English ("union" 5.1, "commonwealth" 4.3) is a common noun before it is a town's name.
COMMON_WORD_ZIPF = 4.0


def body_taken_for_place(corpus: Corpus, doc: int, key: str) -> bool:
    """ "the Union", "the Commonwealth" taken for a place: a name of common English words that the article writes
    after "the" wherever it stands alone (not after "of" in a longer name) names a body, not a town; the place list
    knows a town of every such name ("Union, New Jersey"), so it cannot say."""
    name = re.sub(r"^the\s+", "", key, flags=re.I)
    if not all(zipf(w) >= COMMON_WORD_ZIPF for w in norm_key(name).split()):
        return False
    text = corpus.documents[doc].text
    before = [text[max(0, at - 4) : at].lower() for at in occurrences(text, name)]
    return bool(before) and all(b.endswith(("the ", "of ")) for b in before) and any(b == "the " for b in before)


def law_named_after(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Treaty of Union" for "Union": the one law the article names after the body or the state it made ("the Act
    of Federation", "the Treaty of Union"); a student who names the union by the treaty that made it is right. Not
    where the article names two such laws, or the key's name stands in another name of its class ("the Battle of
    X" beside "the Treaty of X")."""
    text = corpus.documents[doc].text
    name = re.sub(r"^the\s+", "", key, flags=re.I)
    if not name[:1].isupper():
        return []
    named = {
        (m.group(0), m.group(1))
        for m in re.finditer(rf"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?{re.escape(name)}(?![\w'’-])", text)
        if m.group(1) in NAMED_BY_PLACE
    }
    laws = {law for law, cls in named if cls in LAW_WORDS}
    return sorted(laws) if len(laws) == 1 and len(named) == 1 else []


def named_short(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Genji" for "Tale of Genji": the name after "of" where the article itself calls the thing "the Genji" (the
    name, after "the", heading its own noun phrase: "the Genji runs to fifty-four chapters"). Not for a law: "the
    Union" is the body the Treaty of Union made, not the treaty."""
    m = _OF_NAME.match(key)
    if m is None or m["cls"] in LAW_WORDS:
        return []
    part = m["part"].split()
    called = (
        t
        for s in corpus.document_sentences(doc)
        for t in s.tokens
        if t.text == part[-1] and t.dep_ not in ("compound", "amod", "poss") and t.i >= len(part)
    )
    for t in called:
        start = t.i - len(part) + 1
        before = [w.lower_ for w in t.doc[max(0, start - 2) : start]]
        # "the Genji", not "the Tale of the Genji": the name alone, after its article
        if [w.text for w in t.doc[start : t.i + 1]] == part and before[-1:] == ["the"] and before[:1] != ["of"]:
            return [m["part"]]
    return []


# Class nouns a name goes before ("the Smithfield Show", "the Peterloo Massacre", "the Dreyfus Affair"): the name is
# what tells the gathering or the event from every other of its class.
NAMED_BEFORE_CLASS = frozenset(
    {*EVENT_WORDS, "Show", "Fair", "Exhibition", "Exposition", "Festival", "Affair", "Incident", "Riot", "Riots"}
)
_NAME_OF_CLASS = re.compile(
    rf"^(?:the\s+)?(?P<part>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?P<cls>{'|'.join(sorted(NAMED_BEFORE_CLASS))})$"
)


# What is named after a body without being another body: "the Rhomboid Fire", "the Enron Scandal".
NAMED_AFTER_BODY = frozenset({*EVENT_WORDS, "Fire", "Strike", "Scandal", "Disaster", "Collapse", "Trial"})
# The last words of a firm's or a society's name, which its first word stands for ("the Rhomboid Company").
BODY_WORDS = frozenset(
    {"Company", "Corporation", "Bank", "Works", "Mills", "Mill", "Factory", "Firm", "Society", "Association", "Trust"}
)
_NAME_WORD_AFTER = re.compile(r"[ \t]+[A-Z]")
_WORD_STARTS = re.compile(r"^(?:the\s+)?([A-Z][\w'’-]+)\s+\S")


def named_after_leader(corpus: Corpus, sent: Sentence, key: str) -> list[str]:
    """ "Reed Commission" for "Yellow Fever Commission" sent "under Major Walter Reed": a body the article also names
    by the surname of a person the key's sentence names, before the same last word."""
    words = key.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return []
    text = corpus.documents[sent.doc].text
    surnames = {m.text.split()[-1] for m in sent.mentions if m.kind == "person"} - set(words)
    return sorted(f"{s} {words[-1]}" for s in surnames if occurrences(text, f"{s} {words[-1]}"))


def first_word_alone(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Rhomboid" for "Rhomboid Waist Company": the first word of a body's name, where the article itself names
    the body by it alone ("Rhomboid was among the firms"), it is rare enough to name nothing else, and no person,
    people, place or other body of the article holds it ("Dutch" of "Dutch East India Company" names a people); an
    event named after the body ("the Rhomboid Fire") names it too."""
    m = _WORD_STARTS.match(key)
    if m is None or key.split()[-1] not in BODY_WORDS:
        return []
    if not _rare_name(m.group(1)) or _PEOPLES_ADJECTIVE.match(m.group(1)):
        return []
    word = m.group(1)
    text = corpus.documents[doc].text
    alone = [
        at
        for at in (h.start() for h in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text))
        if not _NAME_WORD_AFTER.match(text, at + len(word))
    ]
    others = {
        mn.norm
        for s in corpus.document_sentences(doc)
        for mn in s.mentions
        if mn.kind in ("person", "group", "place", "org")
        and word.lower() in mn.norm.split()
        and mn.norm.split()[-1].capitalize() not in NAMED_AFTER_BODY
    }
    return [word] if alone and not others - {norm_key(key), word.lower()} else []


def _rare_name(part: str) -> bool:
    """A name no word of which is as common in English as "Britain" or "Union" (DISTINCTIVE_ZIPF)."""
    return all(zipf(w.lower()) < DISTINCTIVE_ZIPF for w in part.split())


# "the American Civil War", "the Spanish Civil War": a people's adjective (by its ending) before an event's name of
# two words or more; "Seven Years' War" or "First World War" keep their first word, which is no people's.
_PEOPLES_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:an|ish|ese|ch|ic|i)$")


def without_nationality(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Civil War" and "the Civil War" for "American Civil War": the event's name without the people it belongs
    to, where the article names no other event by the same words ("the English Civil War" beside it)."""
    words = re.sub(r"^the\s+", "", key, flags=re.I).split()
    if len(words) < 3 or not _PEOPLES_ADJECTIVE.match(words[0]) or words[-1] not in EVENT_WORDS:
        return []
    rest = " ".join(words[1:])
    text = corpus.documents[doc].text
    qualifiers = set(re.findall(rf"([A-Z][\w'’-]*)\s+{re.escape(rest)}(?![\w'’-])", text)) - {words[0], "The"}
    return [] if qualifiers else [rest, f"the {rest}"]


# The ordinals that tell wars of one name apart ("First Opium War", "Second Punic War").
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")
_ORDINAL_NAME = re.compile(rf"^(?:the\s+)?(?:{'|'.join(_ORDINALS)})\s+(?P<rest>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+)$")


def without_ordinal(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Opium War" for "First Opium War": the name without its ordinal, where the article names no other war of
    that name ("the Second Opium War") and the name is rare enough to say which wars ("World War" is no name)."""
    m = _ORDINAL_NAME.match(key)
    if m is None or m["rest"].split()[-1] not in EVENT_WORDS or not _rare_name(m["rest"].split()[0]):
        return []
    rest = m["rest"]
    text = corpus.documents[doc].text
    numbered = set(re.findall(rf"\b({'|'.join(_ORDINALS)})\s+{re.escape(rest)}(?![\w'’-])", text))
    return [rest, f"the {rest}"] if len(numbered) <= 1 else []


# "Grágás ("Grey Goose")", "Grágás, meaning 'Grey Goose',", "Grágás (literally 'grey goose')": the article's own
# translation of a name, in quotation marks right after it.
_GLOSS_AFTER = re.compile(
    r"(?:\s*\(\s*(?:(?:meaning|literally|lit\.)\s+)?|,?\s+(?:meaning|literally)\s+)"
    r"[\"“‘'](?P<b>[^\"“”‘’'()]{1,40}?)[,.]?[\"”’']"
)
GLOSS_WORDS = 5


def translated_names(corpus: Corpus, doc: int, key: str) -> list[str]:
    """The translation the article gives a name ("Grey Goose" for "Grágás"): the words it quotes in brackets, or
    after "meaning" or "literally", right after the key; a student who answers in English names the same thing."""
    return list(corpus.kept("translated_names", (doc, key), lambda: _translated_names(corpus.documents[doc].text, key)))


def _translated_names(text: str, key: str) -> list[str]:
    # each place the key stands, then the gloss matched right there: not a pattern tried at every character
    found = [
        m["b"].strip()
        for at in occurrences(text, key)
        if (m := _GLOSS_AFTER.match(text, at + len(key))) is not None and len(m["b"].split()) <= GLOSS_WORDS
    ]
    return list(dict.fromkeys(f for f in found if f and norm_key(f) != norm_key(key)))


_BRACKETED_NAME = r"\s*\((?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\)"
_NAME_BEFORE = r"(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*\("


def same_class_of_place(key: str, other: str) -> bool:
    """Whether two names of two words or more share the word that says what kind of place they name ("Delagoa
    Bay" and "Maputo Bay", "Lake Nyasa" and "Lake Malawi"), where "Conakry (Guinea)" says where the place is."""
    a, b = key.split(), other.split()
    if len(a) < 2 or len(b) < 2 or norm_key(key) == norm_key(other):
        return False
    return a[-1].lower() == b[-1].lower() or a[0].lower() == b[0].lower()


def bracketed_names(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Mandinka" for "Malinke" where the article writes "the Malinke (Mandinka) chiefdoms": a name alone in
    brackets right after the key is the same thing's other name (the prompt drops the brackets)."""
    return list(corpus.kept("bracketed_names", (doc, key), lambda: _bracketed_names(corpus.documents[doc].text, key)))


def _bracketed_names(text: str, key: str) -> list[str]:
    if key not in text:
        return []
    found = []
    if re.search(rf"{re.escape(key)}\s*\(", text):  # a literal start: scanned fast, where the lookbehind is not
        found += [m["b"] for m in re.finditer(rf"(?<![\w'’-]){re.escape(key)}{_BRACKETED_NAME}", text)]
    # "Y (X)" read the other way: the key in brackets is the other name of the one before it. The pattern starts at
    # every capital of the text; most keys are never bracketed, so look for the bracket first.
    if f"{key})" in text:
        found += [_trim(m["b"]) for m in re.finditer(rf"(?<![\w'’-]){_NAME_BEFORE}{re.escape(key)}\)", text)]
    found += foreign_bracketed(text, key)
    return [b for b in dict.fromkeys(found) if not _ABBREVIATION.match(b)]  # abbreviations: ``_aliases``


# What a bracket right after the key holds (past a closing quote: '"dual faith" (dvoeverie)'), no digits or colon.
_BRACKET_AFTER = re.compile(r"[\"”’']?\s*\((?P<b>[^()\d:;,]{1,50})\)")
# A word English text all but never uses ("dvoeverie" 0, "Français" 2.6 against "des" 4.3): the bracket gives the
# thing's name in its own language, not an English gloss ("mainly", "now").
FOREIGN_WORD_ZIPF = 3.0
FOREIGN_NAME_WORDS = 4


def foreign_bracketed(text: str, key: str) -> list[str]:
    """ "Code civil des Français" for "French Civil Code", "dvoeverie" for "dual faith": the name in its own
    language the article gives in brackets right after the key. One word, or words led by a capital (not "née
    Smith"), of which one at least is foreign to English."""
    found = []
    for at in occurrences(text, key):
        m = _BRACKET_AFTER.match(text, at + len(key))
        if m is None:
            continue
        words = m["b"].split()
        if not words or len(words) > FOREIGN_NAME_WORDS or (len(words) > 1 and not words[0][:1].isupper()):
            continue
        if any(zipf(w.lower()) < FOREIGN_WORD_ZIPF for w in words) and words[0][:1].isalpha():
            found.append(" ".join(words))
    return found


def _other_number(corpus: Corpus, doc: int, head: Any) -> str:
    """The head noun in the other number: the singular of a plural; the plural of a singular only where the
    article writes it (so a mass noun, "stained glass", gets no "glasses")."""
    if head.tag_ == "NNS" and head.lemma_.lower() != head.lower_:
        return str(head.lemma_)
    if head.tag_ != "NN":
        return ""
    plural = plural_of(head.text)
    return plural if corpus.kept("written", (doc, plural), lambda: _written(corpus.documents[doc].text, plural)) else ""


def _written(text: str, word: str) -> bool:
    """Whether the text writes the word, in any case, as a word of its own."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I) is not None


def _number_forms(corpus: Corpus, sent: Sentence, first: Any, last: Any) -> list[str]:
    """The term with its head in the other number: "west tower" for "west towers"."""
    other = _other_number(corpus, sent.doc, last)
    return [" ".join([*(t.text for t in first.doc[first.i : last.i]), other])] if other else []


def _modifiers(token: Any) -> tuple[str, ...]:
    return tuple(c.lower_ for c in token.lefts if c.dep_ in _MODIFIER_DEPS or (c.dep_ == "poss" and c.pos_ != "PRON"))


# A noun written alone without a determiner that picks out which ("reach verdicts", "a microscope") speaks of the
# kind in general, not of the key's own things: it is no sign that the head alone names them.
GENERIC_USE = "<generic>"
_INDEFINITE = frozenset({"a", "an", "any", "some", "no", "every", "each", "another", "such", "many", "most", "all"})


def _definite(noun: Any) -> bool:
    """ "the corridors", "his microscopes", "26 microscopes": a determiner, owner or count says which ones."""
    return any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in _INDEFINITE for c in noun.children)


def _head_uses(corpus: Corpus) -> dict[tuple[int, str], set[tuple[str, ...]]]:
    """(document, noun lemma) -> the modifier sets the noun stands with there; () is the noun alone."""
    uses = corpus.cache.get("head_uses")
    if uses is None:
        uses = defaultdict(set)
        for s in corpus.sentences:
            for t in s.tokens:
                if t.pos_ == "NOUN":
                    uses[(s.doc, t.lemma_.lower())].add(_modifiers(t) or (() if _definite(t) else (GENERIC_USE,)))
                elif t.pos_ == "PROPN":  # "the Treaty of Amity": a named one is another thing of the kind
                    uses[(s.doc, t.lemma_.lower())].add(("<name>",))
        corpus.cache["head_uses"] = uses
    return uses


# Shell nouns (Schmid 2000): a noun that only frames the content its modifier gives ("the deforestation hypothesis",
# "the containment policy"). Alone it names nothing a student has to know ("hypothesis" fits any such blank), so it
# is never accepted alone; its content is, where the article writes the content alone.
SHELL_NOUNS = frozenset(
    {
        "hypothesis",
        "theory",
        "thesis",
        "explanation",
        "interpretation",
        "view",
        "model",
        "argument",
        "idea",
        "doctrine",
        "principle",
        "policy",
        "movement",
        "school",
        "debate",
        "controversy",
        "question",
        "problem",
        "approach",
        "method",
        "system",
    }
)
# Shell nouns a student uses for one another: "the deforestation theory" is the deforestation hypothesis.
_SHELL_SYNONYMS = ("hypothesis", "theory", "thesis")


def shell_head(first: Any, last: Any) -> bool:
    """Whether the term is a noun (or name) before a shell noun: "deforestation hypothesis", "Domino theory"."""
    return (
        last.i > first.i
        and last.lemma_.lower() in SHELL_NOUNS
        and all(t.pos_ in ("NOUN", "PROPN") for t in first.doc[first.i : last.i])
    )


def shell_content(corpus: Corpus, doc: int, first: Any, last: Any) -> list[str]:
    """ "deforestation" and "deforestation theory" for "deforestation hypothesis": the content of a shell noun, where
    the article writes it without the shell ("deforestation upstream"), and the same content with the shell's usual
    synonym."""
    if not shell_head(first, last):
        return []
    content = first.doc[first.i : last.i].text
    text = corpus.documents[doc].text
    alone = re.search(rf"(?<![\w'’-]){re.escape(content)}(?![\w'’-])(?!\s+{re.escape(last.text)})", text, re.I)
    if alone is None:
        return []
    synonyms = [f"{content} {w}" for w in _SHELL_SYNONYMS if last.lower_ in _SHELL_SYNONYMS and w != last.lower_]
    return [content, *synonyms]


def _head_alone(corpus: Corpus, sent: Sentence, first: Any, last: Any) -> list[str]:
    """ "corridors" for "air corridors", where the article says no other corridors: it also says "the corridors", or
    the head is specific enough alone ("actors" for "kabuki actors")."""
    if shell_head(first, last):
        return []  # "hypothesis" for "deforestation hypothesis": the frame, not the answer
    if last.lemma_.lower() in GENERAL_NOUNS:
        return []  # "people" for "enslaved people": any blank on people takes it
    if zipf(last.lower_) >= SPECIFIC_HEAD_ZIPF and alone_in_other_number(corpus, sent.doc, last):
        # "dual faith" beside "the testing of the faiths": a common noun the article writes alone only in the other
        # number names there another thing (faiths are religions, faith a belief), so alone it is no answer
        return []
    if zipf(last.lower_) < SPECIFIC_HEAD_ZIPF and only_states_said(corpus, sent.doc, first, last):
        # "seabed" for "exposed seabed" beside "the dried seabed": a participle says what befell the one thing, not
        # which of several
        other = _other_number(corpus, sent.doc, last)
        return [last.text, *([other] if other else []), *states_written(corpus, sent.doc, last)]
    own = _modifiers(last)
    before = tuple(t.lower_ for t in first.doc[first.i : last.i])
    describing = tuple(c.lower_ for c in last.lefts if c.dep_ == "amod" and c.pos_ == "ADJ")
    if before and describing == before and owned_by_name(last):
        # only an adjective ("new government"): a noun before the head says which kind ("mortality rate")
        return [last.text]
    if not own or own != before:
        return []  # the key is not exactly the head and its own modifiers
    seen = _head_uses(corpus).get((sent.doc, last.lemma_.lower()), set())
    if (GENERIC_USE,) in seen:
        # "reach verdicts" beside one "majority verdicts": the noun alone speaks of the kind, not of the key's
        # things. Where the article names the key's kind again and again ("kabuki actors"), "actors" is its
        # shorthand for them.
        if _kind_written(corpus, sent.doc, last.lemma_.lower(), own) < 2:
            return []
        seen = (seen - {(GENERIC_USE,)}) | {()}
    if any(use and not set(own) <= set(use) for use in seen):
        # also with another modifier ("north tower", "west towers"): ambiguous; "favourite kabuki actors" keeps the
        # key's own modifier, so it is the same kind of actor
        return []
    if () not in seen and (
        zipf(last.lower_) >= SPECIFIC_HEAD_ZIPF or any(t.pos_ != "NOUN" for t in first.doc[first.i : last.i])
    ):
        # never alone in the article: only a specific noun after a noun that classifies it ("kabuki actors"), not
        # a word as common as "rate", nor a head an adjective qualifies ("final assault")
        return []
    other = _other_number(corpus, sent.doc, last)
    return [last.text, other] if other else [last.text]


# General nouns (Halliday and Hasan 1976, "Cohesion in English" 6.4): a noun that says only that the thing is a
# human, a thing, a place or a matter. Alone it answers every blank of its class, so it is never an answer alone.
GENERAL_NOUNS = frozenset(
    {"people", "person", "man", "woman", "child", "boy", "girl", "creature", "thing", "object", "stuff", "business"}
    | {"affair", "matter", "place", "question", "idea"}
)


def alone_in_other_number(corpus: Corpus, doc: int, head: Any) -> bool:
    """Whether the document writes the head noun alone and definite ("the faiths"), and only in the number the key
    does not have ("dual faith")."""
    alone = [
        t for t in _tokens_by_lemma(corpus, doc).get(head.lemma_.lower(), []) if not _modifiers(t) and _definite(t)
    ]
    return bool(alone) and all(t.tag_ != head.tag_ for t in alone)


def _participle(token: Any) -> bool:
    """A past participle before a noun: "exposed", and "dried", which the tagger reads as an adjective."""
    return token.dep_ == "amod" and (token.tag_ == "VBN" or _verb_in_ed(token.lower_))


# "dried" from "dry", "drained" from "drain"; not "sacred" ("sacr") nor "red".
VERB_STEM_ZIPF = 3.0


def _verb_in_ed(word: str) -> bool:
    if len(word) < 5 or not word.endswith("ed"):
        return False
    stems = (word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ied") else "")
    return any(s and zipf(s) >= VERB_STEM_ZIPF for s in stems)


def only_states_said(corpus: Corpus, doc: int, first: Any, last: Any) -> bool:
    """Whether the key is a noun after past participles only ("exposed seabed") and the document writes that noun
    with no other modifier anywhere ("the dried seabed", "a vanished seabed")."""
    if last.i == first.i or not all(_participle(t) for t in first.doc[first.i : last.i]):
        return False
    for t in _tokens_by_lemma(corpus, doc).get(last.lemma_.lower(), []):
        if t.pos_ != "NOUN":
            return False  # a name holds the word ("Seabed Authority")
        if any(not _participle(c) for c in t.lefts if c.dep_ in _MODIFIER_DEPS or c.dep_ == "poss"):
            return False
    return True


def states_written(corpus: Corpus, doc: int, head: Any) -> list[str]:
    """The noun with each participle the document writes before it ("dried seabed", "exposed seabed")."""
    return list(
        dict.fromkeys(
            f"{c.lower_} {t.text}"
            for t in _tokens_by_lemma(corpus, doc).get(head.lemma_.lower(), [])
            if t.tag_ == head.tag_
            for c in t.lefts
            if _participle(c)
        )
    )


def _kind_written(corpus: Corpus, doc: int, lemma: str, own: tuple[str, ...]) -> int:
    """How often the document writes the noun with the key's own modifiers ("kabuki actors", "favourite kabuki
    actors")."""

    def count() -> int:
        return sum(1 for t in _tokens_by_lemma(corpus, doc).get(lemma, ()) if set(own) <= set(_modifiers(t)))

    return corpus.kept("kind_written", (doc, lemma, own), count)


def _tokens_by_lemma(corpus: Corpus, doc: int) -> dict[str, list[Any]]:
    """The document's tokens by lower-case lemma: one pass over its sentences serves every key's count, where
    each had read every token's lemma again."""

    def index() -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {}
        for s in corpus.document_sentences(doc):
            for t in s.tokens:
                out.setdefault(t.lemma_.lower(), []).append(t)
        return out

    return corpus.kept("tokens_by_lemma", doc, index)


def owned_by_name(head: Any) -> bool:
    """ "Mexico's _____", "the _____ of Alvaro Obregon": a name in the stem says whose, so the head noun alone
    ("government" for "new government") picks out the same thing as the key."""
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN" and c.i < head.i:
            return True
        of_name = c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i
        if of_name and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children):
            return True
    return False


# "the chemical element curium", "the title ngola": a word as common as "element" (Zipf 4.6) or "title" (5.1) before
# one as rare as "curium" or "ngola" (under 3) says what kind of thing the rare word names, and the rare word alone
# names it: a student who writes "curium" is right.
CLASS_NOUN_ZIPF = 4.0
NAMED_ZIPF = 3.0


def _named_by_class(first: Any, last: Any) -> list[str]:
    """ "curium" and "element curium" for "chemical element curium": the rare name after its class noun."""
    if last.i == first.i:
        return []
    before = first.doc[last.i - 1]
    if before.pos_ != "NOUN" or not before.is_alpha or not last.is_alpha or last.tag_ == "NNS":
        return []  # a plural is a kind of thing ("compound microscopes"), not a name after its class
    if zipf(before.lower_) < CLASS_NOUN_ZIPF or zipf(last.lower_) >= NAMED_ZIPF:
        return []
    return [last.text, f"{before.text} {last.text}"] if before.i > first.i else [last.text]


# Nouns for the form a substance comes in ("cocoa beans", "tea leaves", "cotton bales"): the substance's name alone
# names the same goods, not another thing of the kind (unlike "salt mine" or "cotton mills").
FORM_NOUNS = frozenset(
    {"bean", "seed", "leaf", "pod", "grain", "nut", "berry", "kernel", "bale", "ingot", "nugget", "fibre", "fiber"}
)


def substance_of_form(corpus: Corpus, doc: int, first: Any, last: Any) -> list[str]:
    """ "cocoa" for "cocoa beans": the substance before a noun of its form (``FORM_NOUNS``), where the article
    itself writes the substance as a noun alone ("farmers grew cocoa"), not only before another noun."""
    nouns = ("NOUN", "PROPN")  # a rare crop's name ("kola") is often tagged a name
    if last.i != first.i + 1 or last.lemma_.lower() not in FORM_NOUNS or first.pos_ not in nouns:
        return []
    word = first.lower_
    alone = any(
        t.lower_ == word and t.pos_ in nouns and t.dep_ not in ("compound", "amod")
        for s in corpus.document_sentences(doc)
        for t in s.tokens
    )
    return [first.text] if alone else []


def surname_shared(corpus: Corpus, doc: int, key: str) -> bool:
    """Another person of the article has the key's last name ("Ptolemy" of two Ptolemies): the last name alone
    does not say which one is meant."""
    words = key.split()
    if len(words) < 2:
        return False
    surname = words[-1].lower()
    own = norm_key(key).split()
    return any(
        n.split()[-1:] == [surname] and not _same_name(n.split(), own) for n in mention_norms(corpus, doc, "person")
    )


def _same_name(a: list[str], b: list[str]) -> bool:
    """One name is the other's tail ("de lesseps" of "ferdinand de lesseps"): the same person, named shorter."""
    n = min(len(a), len(b))
    return a[-n:] == b[-n:]


def _short_forms(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Kalach" for "Kalach-na-Donu": the first part of a hyphenated name, where the article writes it alone and
    no other name holds it."""
    part = key.split("-")[0]
    if part == key or len(part) < 3 or not part[:1].isupper():
        return []
    text = corpus.documents[doc].text
    alone = re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text)
    others = {n for n in mention_norms(corpus, doc) if part.lower() in n.split()}
    if alone is None or others - {part.lower(), norm_key(key)}:
        return []
    return [part]


_WORDS_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){1,3})$")
# A person's given names before a surname with its particle ("Diego de Landa", "Ferdinand de Lesseps").
PARTICLES = frozenset({"de", "da", "di", "del", "della", "do", "dos", "du", "van", "von", "der", "den", "la", "le"})
_GIVEN_BEFORE = re.compile(
    rf"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){{1,2}}(?:(?:{'|'.join(sorted(PARTICLES))})[ \t]+){{0,2}})$"
)


def person_full_name(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Diego de Landa" for "Landa", "Ferdinand de Lesseps" for "De Lesseps": the one fuller name of the same
    person the article writes (a capitalised particle at the front of a sentence matched in any case), checked to
    be a person's name there. A student who writes the full name is right."""
    return list(corpus.kept("person_full_name", (doc, key), lambda: _person_full_name(corpus, doc, key)))


def _person_full_name(corpus: Corpus, doc: int, key: str) -> list[str]:
    text = corpus.documents[doc].text
    persons = mention_norms(corpus, doc, "person")
    found = set()
    for hit in re.finditer(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])", text, re.I):
        before = _GIVEN_BEFORE.search(text, max(0, hit.start() - 60), hit.start())
        if before is None:
            continue
        full = _trim(before.group(1).strip() + " " + hit.group(0))
        words = full.split()
        if len(words) > len(key.split()) and words[0].lower() not in STOP_WORDS and norm_key(full) in persons:
            found.add(full)
    return sorted(found) if len(found) == 1 else []


def particle_forms(key: str) -> list[str]:
    """ "Lesseps" and "de Lesseps" for "Ferdinand de Lesseps" or "De Lesseps": the surname with and without its
    particle, as people write it. A capitalised particle after the first belongs to the surname: "La Hire" and "de
    La Hire" for "Philippe de La Hire", never "Hire"."""
    words = key.split()
    at = next((i for i, w in enumerate(words[:-1]) if w.lower() in PARTICLES), None)
    if at is None or (at == 0 and not words[0][:1].isupper()):
        return []
    tail = words[at:]
    bare = tail[1:]
    while len(bare) > 1 and bare[0] in PARTICLES:  # "van der Berg": lower-case particles go, "La" stays
        bare = bare[1:]
    return [" ".join([tail[0].lower(), *tail[1:]]), " ".join(bare)]


# The particles of a father's or a clan's name ("Usman dan Fodio", "Abd al-Malik ibn Marwan", "Ahmad ould Daddah"):
# the particle with the name after it is how people call the man ("dan Fodio", "ibn Marwan"). "ben" and "wa" only
# in lower case: capitalised they may be a given name.
PATRONYMIC_PARTICLES = frozenset({"dan", "bin", "ibn", "ben", "bint", "ould", "wa", "ag", "arap"})
_ANY_CASE_PATRONYMICS = frozenset({"bin", "ibn", "bint", "ould", "arap"})
# The Arabic article joined to a name ("al-Biruni", "el-Din"): a student may leave it off.
ARTICLE_PREFIX = re.compile(r"^(?:al|el|an|ar|as|ad|ash|at|az)-(?=[A-Z])", re.I)


def patronymic_forms(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "dan Fodio" for "Usman dan Fodio", "ibn Marwan" for "Abd al-Malik ibn Marwan", "Biruni" for "Abu Rayhan
    al-Biruni": the father's or clan's name with its particle, and a last name without the Arabic article joined to
    it where the article writes it so, as people name the man. Not the particle's name alone where it opens the key
    ("Ibn Battuta" is the key's own short form already)."""
    words = key.split()
    out = []
    for i, w in enumerate(words[1:-1], start=1):
        particle = w in PATRONYMIC_PARTICLES or w.lower() in _ANY_CASE_PATRONYMICS
        if particle and words[i + 1][:1].isupper():
            out.append(" ".join(words[i:]))
            break
    last = words[-1] if len(words) > 1 else ""
    bare = ARTICLE_PREFIX.sub("", last)
    # "Biruni" where the article itself writes it so ("Hind" of "Kitab al-Hind" is no name), or where a kunya opens
    # the key ("Abu Bakr al-Karaji"): then the key is a man's name, and its last word his nisba, "Karaji"
    kunya = (words[0].lower() in _KUNYA and len(words) > 2) or words[0].lower() in _ARABIC_GIVEN
    if bare != last and not _compound_name(words[-2], last) and (kunya or _written(corpus.documents[doc].text, bare)):
        out.append(bare)
    return out


# "Abu" ("father of"), "Umm" ("mother of"): a kunya opens only a person's name.
_KUNYA = frozenset({"abu", "abū", "umm"})
# The commonest given names of the Arabic world, so borne by many that a man is named by his nisba ("Muhammad
# al-Maghili" is "al-Maghili", "Maghili"), as a kunya says the name is a man's.
_ARABIC_GIVEN = frozenset(
    {"muhammad", "mohammed", "muhammed", "ahmad", "ahmed", "ali", "umar", "uthman", "hasan", "husayn", "ibrahim"}
)


def _patronymic_at(words: list[str]) -> int | None:
    """Where the first particle of a father's name stands in the name's words (not first), or None."""
    for i, w in enumerate(words[1:-1], start=1):
        if (w in PATRONYMIC_PARTICLES or w.lower() in _ANY_CASE_PATRONYMICS) and words[i + 1][:1].isupper():
            return i
    return None


def given_before_patronymic(corpus: Corpus, doc: int, key: str, also: tuple[str, ...] = ()) -> list[str]:
    """ "Usman" for "Usman dan Fodio", "Koitalel" for "Koitalel Arap Samoei": the one word before the particle of
    a father's name is the man's own given name, his name as people call him, where no other name of the article
    holds it (``also``: the article's other names for him, "Shehu Usman", hold it as his). The model's reading of
    the word alone as a body ("Usman begins a career") is the man misread, not another thing; a place of that name
    is another thing. A given name as common as "Ali" names too many men."""
    words = key.split()
    at = _patronymic_at(words)
    if at != 1:
        return []
    given = words[0]
    if not given[:1].isupper() or given.lower().rstrip(".") in TITLES or zipf(given.lower()) >= SHARED_GIVEN_NAME_ZIPF:
        return []
    own = {w for name in (key, *also) for w in norm_key(name).split()}
    word = norm_key(given)
    for s in corpus.document_sentences(doc):
        for m in s.mentions:
            names = m.norm.split()
            if word not in names:
                continue
            if m.norm == word and m.kind != "place":
                continue
            if not set(names) <= own or m.kind not in ("person", "org"):
                return []
    return [given]


# A nickname in quotes inside a name: Henrik "Hein" Jacobsson.
_NICKNAME = re.compile(r"^(?P<given>.+?)\s+[\"“‘'](?P<nick>[^\"”’']+)[\"”’']\s+(?P<rest>.+)$")


def without_nickname(key: str) -> list[str]:
    """ "Henrik Jacobsson" and "Hein Jacobsson" for 'Henrik "Hein" Jacobsson': the name without the nickname the
    article quotes inside it, and the nickname with the surname, as he was called; not the nickname alone."""
    m = _NICKNAME.match(key)
    if m is None or not m["nick"][:1].isupper() or not m["rest"][:1].isupper():
        return []
    return [f"{m['given']} {m['rest']}", f"{m['nick']} {m['rest']}"]


# "Abd al-Malik" ("servant of the King"), "Salah al-Din" ("righteousness of the faith"): a compound name, whose
# article binds its two words; "Malik" or "Din" alone is no one's name.
_COMPOUND_FIRST = frozenset({"abd", "abdul", "abu"})
_COMPOUND_LAST = frozenset({"din", "dīn", "dawla", "daula", "mulk", "islam"})


def _compound_name(before: str, word: str) -> bool:
    return before.lower() in _COMPOUND_FIRST or ARTICLE_PREFIX.sub("", word).lower() in _COMPOUND_LAST


def particle_surname(key: str) -> bool:
    """ "Philippe de La Hire": a capitalised particle before the last word makes the surname two words ("La
    Hire"), which names the man alone however common its last word."""
    words = key.split()
    return len(words) >= 3 and words[-2].lower() in PARTICLES and words[-2][:1].isupper()


# What may follow a given name in the rest of the same person's name: particles and capitalised words, on one line.
_NAME_TAIL = re.compile(rf"((?:[ \t]+(?:{'|'.join(sorted(PARTICLES))}))*(?:[ \t]+[A-Z][\w'’-]*)+)")


def name_continued(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Jan van Eyck" for "Jan": the one longer name of a person the article writes that starts with the key (the
    article names the man by his given name once it has named him in full). Not where two people of the article
    start so ("Jan van Eyck" beside "Jan Brueghel"): the given name alone does not say which one."""
    if not key[:1].isupper() or key.lower().rstrip(".") in TITLES:
        return []
    persons = mention_norms(corpus, doc, "person")
    text = corpus.documents[doc].text
    found = {
        norm_key(full): full
        for at in occurrences(text, key)
        if (tail := _NAME_TAIL.match(text, at + len(key))) is not None
        for full in [_trim(key + tail.group(1))]
        if norm_key(full) in persons and len(full.split()) > len(key.split())
    }
    starting = {p for p in persons if p.startswith(norm_key(key) + " ")}
    return list(found.values()) if len(found) == 1 and starting <= set(found) else []


# An epithet or a father's name after a person's name: "Erik the Red", "Abd al-Malik ibn Marwan".
_NAMED_AFTER = re.compile(r"((?:[ \t]+(?:the|ibn|bin|bint)[ \t]+[A-Z][\w'’-]*)+)")


def name_with_epithet(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Erik the Red" for "Erik", "Abd al-Malik ibn Marwan" for "Abd al-Malik": the one fuller form the article
    writes of the person's name with an epithet or a father's name after it, which the model seldom reads as one
    name. A student who writes it is right."""
    text = corpus.documents[doc].text
    found = {
        key + tail.group(1)
        for at in occurrences(text, key)
        if (tail := _NAMED_AFTER.match(text, at + len(key))) is not None
    }
    return sorted(found) if len(found) == 1 else []


def _fuller_name(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Legislative Council" for "Council": the one longer name the article writes that ends in the key; a
    student who writes the full name is right."""
    text = corpus.documents[doc].text
    found = set()
    at = text.find(key)
    while at != -1:  # a scan per occurrence of the key, not a pattern over the whole text: the key is rare
        end = at + len(key)
        if end == len(text) or not (text[end].isalnum() or text[end] == "-"):
            before = _WORDS_BEFORE.search(text, max(0, at - 80), at)
            if before is not None:
                found.add(_trim(before.group(1).strip()))
        at = text.find(key, at + 1)
    found = {f"{head} {key}" for head in found if head and head.split()[0].lower() not in STOP_WORDS}
    if len(found) > 1:
        # "the Lahore Congress" beside "the Indian National Congress": a place before the key names a meeting or a
        # branch held there, not the body's own name
        places = mention_norms(corpus, doc, "place")
        found = {f for f in found if norm_key(f[: -len(key)]) not in places}
    return sorted(found) if len(found) == 1 else []


def mention_norms(corpus: Corpus, doc: int, kind: str | None = None) -> frozenset[str]:
    """The names (normalised) the document's mentions give, of one kind or all: kept on the corpus, as every
    fill-in key of a person or organisation asks, and reading them means going through every sentence."""
    kept: dict[tuple[int, str | None], frozenset[str]] = corpus.cache.setdefault("mention_norms", {})
    found = kept.get((doc, kind))
    if found is None:
        found = frozenset(
            m.norm for s in corpus.document_sentences(doc) for m in s.mentions if kind is None or m.kind == kind
        )
        kept[(doc, kind)] = found
    return found


# "King Chulalongkorn of Siam", "Alexander the Great", "Charles the Bold, Duke of Burgundy": a title before the name,
# the realm after "of", an epithet after "the".
_OF_REALM = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$")
_EPITHET = re.compile(r"\s+the\s+[A-Z][\w'’-]*$")


def without_title(name: str) -> list[str]:
    """ "James Cook" for "Captain James Cook", "Richard Thomas" for "Rear Admiral Richard Thomas": a person's name
    without the titles before it, as a student writes it."""
    words = name.split()
    at = 0
    while at < len(words) - 1 and (words[at].lower().rstrip(".") in TITLES or words[at] in TITLE_QUALIFIERS):
        at += 1
    return [" ".join(words[at:])] if at > 0 and words[at][:1].isupper() else []


def _person_of_realm(corpus: Corpus, doc: int, key: str) -> bool:
    """ "Kamehameha of Hawaiʻi Island" read as a place: a name before "of <place>" that a person of the article
    bears ("Kamehameha II") is a ruler with his realm."""
    core = _OF_REALM.sub("", key)
    if core == key or not core[:1].isupper():
        return False
    bare = norm_key(core)
    people = mention_norms(corpus, doc, "person")
    return any(n == bare or re.fullmatch(rf"{re.escape(bare)} [ivx]{{1,5}}", n) for n in people)


def bare_person_name(corpus: Corpus, doc: int, key: str, at: int | None = None) -> list[str]:
    """ "Chulalongkorn" and "King Chulalongkorn" for "King Chulalongkorn of Siam", "Alexander" for "Alexander the
    Great": the name without its title, realm or epithet, as people call the person, where nothing else the article
    names holds that name ("Charles VIII" beside "Charles the Bold"). Where only numbered rulers of the name hold it
    ("Tarsin II", "Tarsin III") and the key, at offset ``at`` of the text, comes before all of them but the first,
    the key is the first of the name: "Tarsin" and "Tarsin I" (where the article writes it) name him."""
    core = _EPITHET.sub("", _OF_REALM.sub("", key))
    words = core.split()
    title = words[0] if len(words) > 1 and words[0].lower().rstrip(".") in TITLES else ""
    bare = " ".join(words[1:] if title else words)
    if not bare or bare == key or not bare[:1].isupper() or bare.lower().rstrip(".") in TITLES:
        return []  # "Duke" of "Duke of Burgundy" is the title, no name
    own = {norm_key(key), norm_key(bare), norm_key(core)}
    holders = {
        n for n in mention_norms(corpus, doc) if re.search(rf"(?<![\w'’-]){re.escape(norm_key(bare))}(?![\w'’-])", n)
    }
    numbered = {h for h in holders - own if re.fullmatch(rf"{re.escape(norm_key(bare))} [ivx]{{1,5}}", h)}
    if holders - own - numbered:
        return []
    first = ""
    if numbered:
        text = corpus.documents[doc].text
        later = [m.start() for m in re.finditer(rf"(?<![\w'’-]){re.escape(bare)} (?!I\b)[IVX]{{1,5}}\b", text)]
        if at is None or any(start <= at for start in later):
            return []
        first = f"{bare} I" if re.search(rf"(?<![\w'’-]){re.escape(bare)} I\b", text) else ""
    names = [bare, core] if title and core != key else [bare]
    return [*names, first] if first else names


# Ottoman and Persian honorifics written after the name ("Ibrahim Pasha", "Hüsrev Bey", "Mustafa Agha").
HONORIFICS_AFTER = frozenset({"Pasha", "Paşa", "Bey", "Agha", "Ağa", "Efendi", "Effendi"})


def without_honorific(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Ibrahim" for "Ibrahim Pasha": the name without the honorific after it, where no other person of the
    article holds that name ("Ibrahim Bey" beside him)."""
    words = key.split()
    if len(words) < 2 or words[-1] not in HONORIFICS_AFTER:
        return []
    bare = " ".join(words[:-1])
    holders = {n for n in mention_norms(corpus, doc, "person") if n.split()[: len(words) - 1] == norm_key(bare).split()}
    return [] if holders - {norm_key(key), norm_key(bare)} else [bare]


# A generational suffix is no surname ("Martin Luther King Jr.").
_SUFFIXES = frozenset({"jr", "sr", "junior", "senior"})


def double_surname(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "Rodrigues Alves" for "Francisco de Paula Rodrigues Alves": a name of four words or more with a particle is
    an Iberian one, given names then two surnames, and the two surnames are its usual short form."""
    words = key.split()
    if len(words) < 4 or not any(w in PARTICLES for w in words[1:-2]):
        return []
    tail = words[-2:]
    if any(w.lower() in PARTICLES or w.lower().rstrip(".") in _SUFFIXES or not w[:1].isupper() for w in tail):
        return []
    short = " ".join(tail)
    others = {n for n in mention_norms(corpus, doc) if norm_key(short) in n} - {norm_key(key), norm_key(short)}
    return [] if others else [short]


def _aliases(corpus: Corpus, doc: int) -> dict[str, list[str]]:
    """norm -> the other names the article gives the same thing: an abbreviation in brackets ("North Atlantic
    Treaty Organization (NATO)"), "X, also known as Y", or the name before or since ("Fernando Po (now Bioko)")."""
    cached: dict[int, dict[str, list[str]]] = corpus.cache.setdefault("aliases", {})
    if doc in cached:
        return cached[doc]
    out: dict[str, list[str]] = defaultdict(list)
    text = corpus.documents[doc].text
    pairs = [(m["a"], m["b"].strip()) for m in _BRACKETED.finditer(text)]
    pairs = [_abbreviated(a, b) for a, b in pairs if _ABBREVIATION.match(b) or _ABBREVIATION.match(a)]
    pairs += [
        (_trim(m["a"]), _sentence_end(m["b"]))
        for m in _ALSO_CALLED.finditer(text)
        if _names_itself(text, m) and not _calls_it(m)
    ]
    pairs += [(_trim(m["a"]), m["b"]) for pattern in (_ALSO_BRACKETED, _COMMA_OR) for m in pattern.finditer(text)]
    pairs += [
        (_trim(m["a"]), m["b"])
        for pattern in (_NOW_BRACKETED, _NOW_COMMA)
        for m in pattern.finditer(text)
        if not POLITY_WORDS & set(m["a"].split() + m["b"].split())
    ]
    for a, b in pairs:
        if a and b and norm_key(a) != norm_key(b):
            out[norm_key(a)].append(b)
            out[norm_key(b)].append(a)
    cached[doc] = out
    return out


# "an invasion of Venezuela known as the Admirable Campaign": the name before "known as" is the object of a
# preposition, and what is known by the other name is the noun the phrase hangs on, not the name.
_HANGS_ON = re.compile(r"\b(?:of|in|into|at|from|to|by|for|with|on|against)\s+$")
# "the town of X, known as Y": after "of" the comma's "known as" still names X (the town is X). After a preposition
# of place ("a neighbourhood at X, known as Y") it names the noun before: the neighbourhood, not X.
_PLACED_BY = re.compile(r"\b(?:in|into|at|near|from|to|outside|inside|within|beside|by)\s+$")


def _names_itself(text: str, m: re.Match[str]) -> bool:
    """Whether "X known as Y" gives X's other name (not that of a noun X completes; "the town of X, known as Y"
    with its comma names X, "a quarter at X, known as Y" the quarter)."""
    before = text[max(0, m.start() - 12) : m.start()]
    comma = m.group(0)[len(m["a"]) :].lstrip().startswith(",")
    if comma:
        return _PLACED_BY.search(before) is None
    return _HANGS_ON.search(before) is None


_BARE_CALLED = re.compile(r"^\s+called\b")


def _calls_it(m: re.Match[str]) -> bool:
    """ "Arnold Toynbee called the Muqaddimah ...": a bare "called" after a name (no comma, no "also") is the
    name's own verb, and the name is whoever calls, not another name of the thing called."""
    return _BARE_CALLED.match(m.group(0)[len(m["a"]) :]) is not None


def _sentence_end(run: str) -> str:
    """The name up to the end of its sentence ("Admirable Campaign. During it" -> "Admirable Campaign")."""
    return re.split(r"(?<=[a-z])[.!?]\s", run, maxsplit=1)[0].rstrip(".")


# A word that ends a sentence: "Ostergau." before "Marrow Island (also ...)", not "St." or "J." of a name.
_SENTENCE_END = re.compile(r"^[A-Za-z]*[a-z][A-Za-z]{2,}[.!?]$")


def _trim(run: str) -> str:
    words = run.split("\n")[-1].split()  # a name never runs on from the line above (a heading)
    ends = [i for i, w in enumerate(words[:-1]) if _SENTENCE_END.match(w)]
    words = words[ends[-1] + 1 :] if ends else words  # nor from the sentence before
    while len(words) > 1 and words[0].lower() in _RUN_OPENERS:
        words.pop(0)
    return " ".join(words)


def _abbreviated(name: str, short: str) -> tuple[str, str]:
    """The name an abbreviation stands for: the shortest tail of the capitalised run whose initials it spells."""
    if _ABBREVIATION.match(name):
        return short, name
    letters = re.sub(r"[^A-Z]", "", short)
    words = name.split()
    for i in range(len(words)):
        tail = words[i:]
        if "".join(w[0] for w in tail if w[:1].isupper()) == letters:
            return " ".join(tail), short
    return _trim(name), short


@cache
def _variant_names() -> dict[str, list[str]]:
    """norm -> the other names of the group that holds it, from the curated table."""
    table = resources.files("quizapp.generation").joinpath("data/name_variants.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}

    def add(name: str, others: list[str]) -> None:  # a name in a group and on a one-way line keeps both
        known = out.setdefault(_folded(name), [])
        known += [n for n in others if n not in known]

    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if ">" in line:  # one way: the key on the left accepts the names on the right, not the reverse
            key, others = line.split(">", 1)
            add(key.strip(), [n.strip() for n in others.split("|") if n.strip()])
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        for name in names:
            add(name, [n for n in names if n != name])
    return out


@cache
def _people_of() -> dict[str, list[str]]:
    """folded state name -> its people's name with the article ("the British"), from the curated table."""
    table = resources.files("quizapp.generation").joinpath("data/demonyms.txt").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for line in table.splitlines():
        if "=" not in line or line.startswith("#"):
            continue
        people, states = line.split("=", 1)
        for state in states.split("|"):
            out[_folded(state.strip())] = [f"the {people.strip()}"]
    return out


def people_forms(corpus: Corpus, doc: int, key: str) -> list[str]:
    """Other ways to write a people acting ("Marenese", "the Marenese"): with and without "the", the singular of a
    plural name ("Nabataean" for "Nabataeans"), and the state's name where the document names it too ("France" for
    "the French", from the curated table of demonyms)."""
    bare = key[4:] if key.lower().startswith("the ") else key
    forms = [bare, f"the {bare}"]
    if bare.endswith("s") and not bare.endswith("ss") and len(bare) > 4:
        single = bare[:-1]
        forms += [single, f"the {single}"]
    names = mention_norms(corpus, doc, "place")
    forms += [state for state in states_of_people().get(bare.lower(), ()) if norm_key(state) in names]
    forms += people_word_forms(bare)
    # the article's other names for the same people: "the Ottomans" for "the Ottoman Turks"
    mine = set(norm_key(bare).split())
    forms += [
        m.text
        for s in corpus.document_sentences(doc)
        for m in s.mentions
        if m.kind == "group"
        and m.norm != norm_key(bare)
        and one_people(set(m.norm.split()), mine)
        and usable_key(m)  # a people named as one: not "Mexican" of "Mexican art" for "Indigenous Mexicans"
    ]
    return [f for f in forms if f != key]


def _folded(name: str) -> str:
    """The table's lookup form: accents go too, as a key may be written "Krakow" or "Kraków"."""
    decomposed = unicodedata.normalize("NFKD", norm_key(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def titled_part(corpus: Corpus, doc: int, key: str, parts: list[str]) -> list[str]:
    """ "Skúli Bárðarson" and "Earl Skúli" for "Earl Skúli Bárðarson": the name without its title, and the title
    before a part of the name that is his short name (``parts``) where the article itself writes the two together."""
    title, *name = key.split()
    if title.lower().rstrip(".") not in TITLES | PEERAGES or len(name) < 2:
        return []
    text = corpus.documents[doc].text
    return [" ".join(name)] + [f"{title} {p}" for p in parts if p != title and occurrences(text, f"{title} {p}")]


# Letters English writes otherwise, which no accent folding reaches: "Þórðarson" is "Thordarson" in English books.
_LATIN = str.maketrans({"Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o"})


def latin_letters(text: str) -> list[str]:
    """ "Sturla Thordarson" for "Sturla Þórðarson": a name with letters English does not use (thorn, eth, ash,
    the slashed o), written in the Latin letters English uses for them, its accents dropped."""
    if text == text.translate(_LATIN):
        return []
    folded = unicodedata.normalize("NFKD", text.translate(_LATIN))
    return ["".join(c for c in folded if not unicodedata.combining(c))]


def _spellings(text: str) -> list[str]:
    """The British or American spelling ("programme" / "program", "defence" / "defense"), word by word."""
    words = text.split()
    changed = []
    for w in words:
        other = get_american_spelling(w)
        other = get_british_spelling(w) if other == w.lower() else other
        if other != w.lower() and w[:1].isupper():
            other = other[:1].upper() + other[1:]
        changed.append(other if other != w.lower() else w)
    return [" ".join(changed)] if changed != words else []


# "A replaces B as party leader", "B is replaced as first secretary by A", "A succeeded B as abbot": both people
# held the office, one after the other. An office is lower-case words up to a preposition, "and" or punctuation.
_WORD = r"[^\W\d_][\w'’-]*"
_OFFICE_END = r"(?=\s+(?:by|and|in|on|at|after|until|from|for)\b|\s*[,.;:)\n])"
_OFFICE = rf"(?:the\s+)?(?P<office>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){{0,3}}?){_OFFICE_END}"
_REPLACES = re.compile(
    rf"(?P<a>{_WORD})\s+(?:replaces|replaced|succeeds|succeeded)\s+(?:{_WORD}\s+){{0,2}}?(?P<b>{_WORD})\s+as\s+{_OFFICE}"
)
_REPLACED_BY = re.compile(
    rf"(?P<b>{_WORD})\s+(?:is|was|had\s+been)\s+(?:replaced|succeeded)\s+as\s+{_OFFICE}"
    rf"\s+by\s+(?P<a>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
)
# Two offices the same people held in turn, two of them or more, are one office under two names; one person
# holding both may have held two offices.
SHARED_HOLDERS = 2


def office_other_names(corpus: Corpus, doc: int, key: str) -> list[str]:
    """ "first secretary" and "party first secretary" for "party leader", where the article says "Gierek replaces
    Gomulka as party leader", "Gierek is replaced as party first secretary by Kania" and "Jaruzelski replaces Kania
    as party leader": the other name of an office two of whose holders the article also names under it, and that
    name without a word the key shares ("party")."""
    holders = _office_holders(corpus, doc)
    mine = holders.get(key.lower())
    if not mine:
        return []
    out = []
    for office, people in holders.items():
        if office == key.lower() or len(people & mine) < SHARED_HOLDERS:
            continue
        words = office.split()
        out.append(office)
        if len(words) > 2 and words[0] in key.lower().split():
            out.append(" ".join(words[1:]))
    return out


def _office_holders(corpus: Corpus, doc: int) -> dict[str, set[str]]:
    """Office (lower case, without "the") -> the surnames the article says held it, by its replacements."""

    def read() -> dict[str, set[str]]:
        text = corpus.documents[doc].text
        out: dict[str, set[str]] = defaultdict(set)
        for pattern in (_REPLACES, _REPLACED_BY):
            for m in pattern.finditer(text):
                a = _surname_of(m["a"])
                if a and m["b"][:1].isupper():
                    out[m["office"]] |= {a, m["b"]}
        return dict(out)

    return corpus.kept("office_holders", doc, read)


def _surname_of(run: str) -> str:
    """The last capitalised word of the name that opens the run ("Kell" of "Tomas Kell in"), or nothing."""
    words = run.split()
    n = next((i for i, w in enumerate(words) if not w[:1].isupper()), len(words))
    return words[n - 1] if n else ""
