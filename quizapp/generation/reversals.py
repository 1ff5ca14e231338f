"""A false statement made by reversing the one word that carries a claim's direction ("rose" for "fell",
"accepted" for "rejected", "more expensive" for "cheaper").

The point of a passage is often a claim with no name or date in it to swap: "Trade with the coast declined", "The
council rejected the proposal", "Paper was cheaper than parchment". Its false twin reverses the claim, from a small
table of general English opposites, on the sentence's main verb (or a comparison hung on it) only, and only where
a strict teacher would accept it: not on a hedged, quoted, negated, conditional or modal clause; not where the
sentence or the article elsewhere says something in the reversed direction about the same thing (then the false
statement is arguably true); not on a use of the word whose reverse is an idiom gone wrong ("rose to power" is not
"fell to power", "won the prize" is not "lost the prize").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lemminflect import getInflection

from .analysis import Corpus, Sentence
from .clauses import hedge

# Direction verbs with no object: what went up went down. "decline" only so ("declined to sign" is a refusal).
INTRANSITIVE = {
    "rise": "fall", "fall": "rise", "increase": "decrease", "decrease": "increase", "grow": "shrink",
    "shrink": "grow", "decline": "grow", "expand": "shrink", "improve": "worsen", "worsen": "improve",
    "strengthen": "weaken", "weaken": "strengthen", "fail": "succeed",
}  # fmt: skip
# Verbs with an object: direction ("raised taxes") and stance ("rejected the proposal").
TRANSITIVE = {
    "increase": "reduce", "reduce": "increase", "decrease": "increase", "raise": "lower", "lower": "raise",
    "expand": "reduce", "strengthen": "weaken", "weaken": "strengthen", "support": "oppose", "oppose": "support",
    "favour": "oppose", "favor": "oppose", "accept": "reject", "reject": "accept", "approve": "reject",
    "welcome": "reject", "resist": "welcome", "refuse": "accept", "decline": "accept", "win": "lose",
    "lose": "win",
}  # fmt: skip
# Verbs before "to" and a verb: "refused to sign" / "agreed to sign".
BEFORE_INFINITIVE = {"refuse": "agree", "agree": "refuse", "decline": "agree"}
# What one wins or loses and could as well have lost or won ("won the prize", "lost his life" reverse to nonsense).
CONTESTS = frozenset(
    {
        "battle", "war", "election", "vote", "contest", "match", "race", "siege", "campaign", "case", "struggle",
        "referendum", "duel", "competition", "tournament", "lawsuit", "engagement", "fight", "majority",
    }
)  # fmt: skip

STANCES = frozenset(
    {"support", "oppose", "favour", "favor", "accept", "reject", "approve", "welcome", "resist", "refuse", "decline"}
)
# Who takes a side, where no name says it: a body or a group of people (general English words).
AGENTS = frozenset(
    {
        "council", "assembly", "parliament", "congress", "senate", "government", "party", "church", "court",
        "king", "queen", "emperor", "empress", "pope", "sultan", "shah", "tsar", "people", "noble", "nobility",
        "merchant", "peasant", "worker", "union", "committee", "majority", "minority", "crown", "army", "voter",
        "leader", "bishop", "clergy", "delegate", "legislature", "side", "ruler", "regime", "administration",
        "minister", "ministry", "cabinet", "board", "company", "guild", "city", "state", "colony", "settler",
        "chief", "elder", "monarch", "prince", "governor", "president", "dynasty", "faction", "league", "alliance",
        "citizen", "official", "authority", "landowner", "planter", "farmer", "miner", "soldier", "officer",
    }
)  # fmt: skip
# What a stance on would be a debate among historians, not an event of the story ("reject this view").
IDEAS = frozenset(
    {
        "view", "idea", "theory", "picture", "interpretation", "conclusion", "claim", "argument", "hypothesis",
        "story", "account", "explanation", "reading", "thesis", "estimate", "figure", "date", "identification",
    }
)  # fmt: skip
# What rises and falls, grows and shrinks: amounts, and bodies that grow (general English words).
AMOUNTS = frozenset(
    {
        "price", "cost", "wage", "rent", "tax", "taxation", "tariff", "duty", "toll", "production", "output",
        "yield", "harvest", "population", "trade", "commerce", "demand", "supply", "export", "import", "revenue",
        "income", "profit", "sale", "number", "share", "rate", "value", "level", "volume", "debt", "inflation",
        "unemployment", "spending", "expenditure", "budget", "investment", "interest", "influence", "power",
        "membership", "attendance", "enrolment", "enrollment", "support", "opposition", "tension", "pressure",
        "temperature", "traffic", "fare", "salary", "pay", "wealth", "economy", "industry", "empire", "kingdom",
        "territory", "army", "community", "settlement", "movement", "market", "following", "readership",
        "circulation", "mortality", "literacy", "productivity", "capacity", "stock", "reserve", "crime", "unrest",
        "migration", "immigration", "emigration", "consumption", "relation", "relations", "condition", "prestige",
        "authority", "popularity", "prosperity", "standard", "wool", "grain", "cloth", "silver", "gold",
    }
)  # fmt: skip
# What succeeds or fails: an undertaking (general English words).
EFFORTS = frozenset(
    {
        "uprising", "rebellion", "revolt", "expedition", "attack", "siege", "campaign", "invasion", "plan",
        "attempt", "coup", "mission", "scheme", "project", "venture", "effort", "negotiation", "talks", "offensive",
        "assault", "strike", "reform", "crusade", "raid", "policy",
    }
)  # fmt: skip

# Comparatives (with "than" after them), both ways.
_PAIRS = (
    ("cheaper", "more expensive"), ("larger", "smaller"), ("bigger", "smaller"), ("faster", "slower"),
    ("higher", "lower"), ("stronger", "weaker"), ("richer", "poorer"), ("longer", "shorter"), ("wider", "narrower"),
    ("heavier", "lighter"), ("older", "younger"), ("earlier", "later"), ("easier", "harder"),
    ("wealthier", "poorer"), ("greater", "smaller"), ("more expensive", "cheaper"), ("less expensive", "dearer"),
)  # fmt: skip
COMPARATIVES = dict(_PAIRS)
for _a, _b in _PAIRS:
    COMPARATIVES.setdefault(_b, _a)  # the first pair wins: "smaller" reverses to "larger"

# Words of each direction, to find where the sentence or the article says the reverse of the claim.
UP = frozenset(
    {
        "rise", "increase", "grow", "expand", "strengthen", "raise", "improve", "recover", "revive", "boom",
        "flourish", "double", "triple", "climb", "soar", "surge", "more", "higher", "larger", "greater", "bigger",
        "gain", "growth", "expansion", "rising", "richer", "stronger", "succeed", "success",
    }
)  # fmt: skip
DOWN = frozenset(
    {
        "fall", "decrease", "decline", "shrink", "drop", "collapse", "slump", "dwindle", "weaken", "reduce",
        "lower", "worsen", "fewer", "less", "smaller", "lose", "diminish", "cut", "loss", "reduction", "poorer",
        "weaker", "fail", "failure", "halve", "sink",
    }
)  # fmt: skip
FOR = frozenset(
    {
        "support", "accept", "welcome", "approve", "favour", "favor", "agree", "endorse", "adopt", "ratify",
        "embrace", "back", "win", "victory", "triumph", "approval", "acceptance",
    }
)  # fmt: skip
AGAINST = frozenset(
    {
        "oppose", "reject", "resist", "refuse", "decline", "deny", "veto", "protest", "condemn", "block", "lose",
        "defeat", "opposition", "rejection", "resistance", "refusal",
    }
)  # fmt: skip
_SIDES = ((UP, DOWN), (FOR, AGAINST))

# A clause the text does not assert as a plain fact: a condition, a modal, a wish or a question.
_UNASSERTED = frozenset(
    {"if", "unless", "whether", "would", "could", "might", "may", "should", "must", "can", "will", "shall"}
)
# Adverbs that make the claim partial or a matter of how often: "courts sometimes accepted khipu records" makes
# "sometimes rejected" arguably true as well; "at first" and "initially" announce a change of direction.
_PARTIAL = frozenset(
    {
        "sometimes", "occasionally", "often", "usually", "generally", "mostly", "largely", "partly", "partially",
        "rarely", "seldom", "frequently", "initially", "originally", "mainly", "briefly", "temporarily",
    }
)  # fmt: skip
_NEGATIONS = frozenset(
    {"not", "n't", "never", "no", "nor", "neither", "hardly", "barely", "scarcely", "nothing", "none", "nobody"}
)
_QUOTES = ('"', "\u201c", "\u201d", "\u2018", "\u00ab", "\u00bb")
# The only prepositions "rose" or "fell" may carry to be reversed: a time or a measure. Others make another verb
# of it ("rose to power", "fell into ruin", "rose against the king", "a cone of rock rises over the city"), or an
# amount from and to that the reverse would contradict.
_TIME_PREPS = frozenset({"after", "during", "since", "throughout", "until", "before", "by", "in", "between"})
_WAYS = ("north", "south", "east", "west", "ward", "inland", "abroad", "outward", "upward", "downward")
# A stance carried out in a way that only fits it ("resisted expansion, using war", "accepts overlordship without
# a war", "opposed the plan by marching on the capital"): reversed, the statement is absurd at a glance.
_MANNER_PREPS = frozenset({"by", "without", "with", "through", "despite", "using", "via"})
# Prepositions of a movement or a change between amounts: reversed, "lowers the tax from 2 to 4 per cent".
_MOVING_PREPS = frozenset({"to", "from", "into", "onto", "toward", "towards"})
_TIME_MARKS = frozenset({"after", "before", "until", "till", "when", "once", "while"})
_PEOPLE_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who", "it"})


@dataclass(frozen=True)
class Reversal:
    """The words reversed, as they stand in the sentence, and what replaces them."""

    words: str
    opposite: str
    first: int  # token index (in the document) of the first word reversed
    last: int


def _inflect(lemma: str, tag: str) -> str | None:
    """The opposite verb in the original's form (tense and agreement), by the inflection tables the parse uses."""
    forms = getInflection(lemma, tag=tag)
    return forms[0] if forms else None


def _subject(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _agent(tok: Any | None) -> bool:
    """Whether a subject is someone who takes a stance: a person, a people, a body, a state, or a word for one."""
    if tok is None:
        return False
    if tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or tok.lower_ in _PEOPLE_PRONOUNS:
        return True
    if tok.pos_ == "PROPN" and not tok.is_sent_start:
        return True  # a name; "Maize" opening a sentence is read as one too
    return tok.lemma_.lower() in AGENTS


def _advcl_fits_one_side(verb: Any) -> bool:
    """A clause on the verb that gives a reason, a means or a result ("was rising, because chocolate was becoming
    cheap", "resisted, using war"): it fits the claim's direction only. A time clause ("grew after X described the
    ruins") fits both."""
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        mark = next((g.lower_ for g in c.children if g.dep_ == "mark"), "")
        if mark not in _TIME_MARKS:
            return True
    return False


def _bare_definite(tok: Any) -> bool:
    """ "the seizure", "this plan": a thing named only by pointing back, with nothing of its own."""
    det = [c for c in tok.children if c.dep_ == "det"]
    rest = [c for c in tok.children if c.dep_ not in ("det", "punct")]
    return tok.pos_ == "NOUN" and bool(det) and det[0].lower_ in ("the", "this", "that", "these", "those") and not rest


def _verb_reversal(verb: Any) -> Reversal | None:
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if deps & {"prt", "acomp", "oprd", "ccomp", "dative"} or _subject(verb) is None:
        return None  # "grew up", "grew rich", "fell ill": another verb, or an adjective that does not reverse
    if _advcl_fits_one_side(verb):
        return None
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    passive = "auxpass" in deps or "nsubjpass" in deps
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        if lemma not in BEFORE_INFINITIVE or not any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
            return None
        # "agrees with the commissioners to drain" ("refuses with"), "agreed to return captives, in return for ..."
        if preps or any(c.dep_ == "prep" for c in xcomp.children if c.lower_ in ("in", "for")):
            return None
        opposite = BEFORE_INFINITIVE[lemma]
    elif obj is not None or passive:
        if lemma not in TRANSITIVE:
            return None
        if preps & (_MANNER_PREPS | _MOVING_PREPS):
            return None  # "reduce the kingship to a ceremonial office", "lowers ... from 2 to 4 per cent"
        thing = obj if obj is not None else _subject(verb)
        if thing is None:
            return None
        if lemma in STANCES:
            if not passive and not _agent(_subject(verb)):
                return None  # "Maize supported the growing population": to sustain, not to take a side
            if thing.lemma_.lower() in IDEAS:
                return None  # "Many specialists reject this picture": a debate among historians, not an event
            if not passive and _bare_definite(thing):
                return None  # "approved the seizure": which seizure, the statement alone does not say
            if any(c.dep_ in ("relcl", "acl") for c in thing.children):
                return None  # "approved a programme, which began in 1967": the clause tells how the vote went
        if lemma in ("raise", "lower") and thing.lemma_.lower() not in AMOUNTS:
            return None  # "raised the question", "a body is lowered onto a chassis"
        if lemma in ("win", "lose") and thing.lemma_.lower() not in CONTESTS:
            return None
        opposite = TRANSITIVE[lemma]
    else:
        if lemma not in INTRANSITIVE:
            return None
        subject = _subject(verb)
        # what rises or falls is an amount or a body (trade, prices, the empire), never a person, a named city or a
        # thing ("Rome fell in 476", "Two blows fell", "the equinox was falling around 11 March")
        words = EFFORTS if lemma == "fail" else AMOUNTS
        if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in words:
            return None
        if lemma != "fail" and subject.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
            return None
        if preps - _TIME_PREPS:
            return None
        if any(c.dep_ in ("advmod", "npadvmod") and c.lower_.rstrip("s").endswith(_WAYS) for c in verb.children):
            return None  # "expanded south", "grew westward": a movement, and "shrank south" is nonsense
        opposite = INTRANSITIVE[lemma]
    form = _inflect(opposite, verb.tag_)
    if form is None:
        return None
    return Reversal(verb.text, form, verb.i, verb.i)


def _than(tok: Any) -> Any | None:
    """The "than" of a comparative: after it, in its phrase or next to it ("cheaper than parchment"); not one
    before it ("more than twenty years earlier") nor one of another phrase."""
    for t in tok.subtree:
        if t.lower_ == "than" and t.i > tok.i:
            return t
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt if nxt is not None and nxt.lower_ == "than" else None


def _than_all(than: Any) -> bool:
    """ "longer than any other sultan", "higher than that of any earlier church", "larger than ever": a
    superlative in disguise, whose reverse ("shorter than any other") is absurd at a glance."""
    after = [t.lower_ for t in than.doc[than.i + 1 : min(than.i + 6, len(than.doc))]]
    return any(w in after for w in ("any", "all", "ever", "anyone", "anything", "every", "everything"))


def _comparison_reversal(root: Any) -> Reversal | None:
    """A comparative on the main verb with "than" after it: "was cheaper than", "was more expensive than"."""
    subject = _subject(root)
    for c in root.children:
        if c.dep_ not in ("acomp", "attr", "advmod"):
            continue
        more = next((g for g in c.children if g.dep_ == "advmod" and g.lower_ in ("more", "less")), None)
        if more is not None:
            words = f"{more.text} {c.text}"
            first = more.i
        elif c.tag_ in ("JJR", "RBR"):
            words = c.text
            first = c.i
        else:
            continue
        if c.i != first + len(words.split()) - 1:
            continue
        opposite = COMPARATIVES.get(words.lower())
        if opposite is None and more is not None:
            opposite = f"{'less' if more.lower_ == 'more' else 'more'} {c.text}"
        if words.lower() == "older" and not (subject is not None and subject.ent_type_ == "PERSON"):
            opposite = "more recent"  # "the notion was far older than the city": not "younger"
        than = _than(c)
        if opposite is None or than is None or _than_all(than):
            continue
        return Reversal(words, opposite, first, c.i)
    return None


def unasserted(sent: Sentence) -> str | None:
    """The word that keeps the sentence from asserting its claim as a plain fact (a condition, a modal, a
    negation, a quotation), or None."""
    if any(q in sent.text for q in _QUOTES) or sent.text.rstrip().endswith("?"):
        return "quoted"
    if ";" in sent.text:
        return ";"  # a second clause after it may say the reverse ("temperatures fall ...; the exact cooling")
    for t in sent.tokens:
        lower = t.lower_
        if lower in _UNASSERTED or lower in _NEGATIONS or lower in _PARTIAL or t.dep_ == "neg":
            return lower
    return None


def reversal(sent: Sentence) -> Reversal | None:
    """The reversal of the sentence's main claim, or None where it gives no fair false statement (see the
    module's docstring); the caller checks the article (``stated_elsewhere``)."""
    if unasserted(sent) is not None or hedge(sent) is not None:
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX") for c in root.children):
        return None  # "rose and then fell", "met and rejected": two claims, the reverse of one may be the other's
    if root.lemma_.lower() == "be":
        return _comparison_reversal(root)
    rev = _verb_reversal(root)
    return rev if rev is not None else _comparison_reversal(root)


def _side_of(word: str) -> frozenset[str] | None:
    """The words of the reverse direction of ``word`` (a lemma), or None."""
    for a, b in _SIDES:
        if word in a:
            return b
        if word in b:
            return a
    return None


def _content(tok: Any) -> set[str]:
    """The noun lemmas of a phrase (its head and its compounds and modifiers), for "about the same thing"."""
    return {t.lemma_.lower() for t in tok.subtree if t.pos_ in ("NOUN", "PROPN")}


NEAR = 2  # sentences either side, in the same paragraph, that may say the reverse of the claim without naming it


def _words_of(corpus: Corpus, doc: int) -> list[tuple[int, int, frozenset[str]]]:
    """Each sentence of a document: its id, its paragraph, its words and their lemmas (computed once)."""
    cache: dict[int, list[tuple[int, int, frozenset[str]]]] = corpus.cache.setdefault("reversal_words", {})
    if doc not in cache:
        cache[doc] = [
            (s.id, s.para, frozenset({t.lemma_.lower() for t in s.tokens} | {t.lower_ for t in s.tokens}))
            for s in corpus.sentences
            if s.doc == doc
        ]
    return cache[doc]


def stated_elsewhere(corpus: Corpus, sent: Sentence, rev: Reversal) -> bool:
    """Whether the sentence, or another of its document about the same things (sharing a noun of the main verb's
    subject or object, or near it in its paragraph), has a word of the reversed direction: the false statement
    would then be arguably true ("Trade declined after 1600" beside "Trade with the coast recovered in the 1650s")."""
    doc = sent.span.doc
    words = {doc[i].lemma_.lower() for i in range(rev.first, rev.last + 1)} | {rev.words.lower()}
    if rev.words.lower() in COMPARATIVES:
        words |= set(rev.words.lower().split())
    reverse: set[str] = set()
    for w in words:
        reverse |= _side_of(w) or set()
    reverse |= set(rev.opposite.lower().split()) - {"more", "less"}
    root = sent.root
    about: set[str] = set()
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            about |= _content(c)
    inside = {t.i for t in sent.tokens if rev.first <= t.i <= rev.last}
    if any(t.i not in inside and (t.lemma_.lower() in reverse or t.lower_ in reverse) for t in sent.tokens):
        return True
    for other_id, para, lemmas in _words_of(corpus, sent.doc):
        if other_id == sent.id or not lemmas & reverse:
            continue
        if (para == sent.para and abs(other_id - sent.id) <= NEAR) or about & lemmas:
            return True
    return False
