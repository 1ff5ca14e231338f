"""A phrase whose noun or complement the sentence left to its neighbours, which a question cannot carry alone.

"The first was begun in 1011" (the first what?), "The most extreme, James Davenport, led ..." (the most extreme
of whom?), "Gaius Turranius, the first known holder, ..." (of which office?), "Ford announced a response" (to
what?): each leans on a sentence before. Cut out into a question, it reads as a riddle. Where the sentence itself
does not give the noun or the complement, no question restates the phrase.
"""

from __future__ import annotations

import re
from typing import Any

from .analysis import Sentence
from .lexicon import ORDINAL_WORDS
from .textutil import capitalise, contains_phrase, tokens_text

_ORDINALS = frozenset(ORDINAL_WORDS) | {"last"}
# Nouns that name one side of a relation ("holder" of an office, "response" to an event): without the other side
# ("of the office", "to the strike") they say nothing a reader without the article can place
_RELATIONAL = frozenset(
    {"holder", "successor", "predecessor", "incumbent", "heir", "response", "reply", "reaction", "discovery"}
)
# What completes a phrase: "the first to cross", "the largest of the guilds", "the holder of the office"
_COMPLEMENTS = frozenset({"prep", "relcl", "acl", "xcomp", "advcl", "poss"})


# Nouns a count announces a list of ("Two pressures changed British policy. First, ..."): the sentences after
# say which, and the count alone names nothing
_LISTED = frozenset(
    {"pressure", "factor", "reason", "cause", "development", "change", "problem", "issue", "force", "motive"}
    | {"consideration", "concern", "aim", "goal", "principle", "idea", "feature", "stage", "phase", "step"}
)
_COUNTS = frozenset({"two", "three", "four", "five", "six", "several", "2", "3", "4", "5", "6"})


def dangling_phrase(sent: Sentence, prompt: str) -> str | None:
    """The first phrase of ``sent`` kept in ``prompt`` whose noun or complement is missing ("The first", "the
    most extreme", "the first known holder", "a response", "two pressures"), or None."""
    for t in sent.tokens:
        phrase = _nounless(t) or _incomplete(t) or _counted(t) or _one_more(t) or _answering(t) or _unmatched(t)
        if phrase and contains_phrase(prompt, phrase) and not _told_in_prompt(prompt, phrase):
            if re.search(rf"{re.escape(phrase)}\s*[:\u2013\u2014]", prompt, re.I):
                continue  # "a different theme: power passed to the officials": told after it
            return phrase
    return None


def lead_in_dropped(sent: Sentence, prompt: str) -> str:
    """The prompt without a lead-in before a colon that leans on an earlier sentence, where the clause after the
    colon stands alone ("The first stresses outside attack: Mongol armies invaded in _____." -> "Mongol armies
    invaded in _____."): the lead-in is "The first" / "The second" / any dangling phrase, and the sentence's main
    verb and its subject both come after the colon. Otherwise the prompt as it was."""
    head, colon, rest = prompt.partition(": ")
    if not colon or ":" in rest or "_____" in head or len(head.split()) > 12:
        return prompt
    words = head.split()
    ordinal = words[0] == "The" and len(words) > 1 and words[1].lower() in _ORDINALS | {"former", "latter"}
    if not ordinal and dangling_phrase(sent, head) is None:
        return prompt
    marks = [t for t in sent.tokens if t.text == ":"]
    if len(marks) != 1 or sent.span.doc[sent.span.start : marks[0].i].text.strip() != head.strip():
        return prompt  # the lead-in as the sentence has it: a false statement's changed fact is never dropped
    root = sent.span.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if root.i < marks[0].i or subject is None or subject.left_edge.i < marks[0].i or root.tag_ not in _FINITE:
        return prompt
    return capitalise(rest)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})

# Nouns of a view or a reason, which historians number in a list ("Two explanations exist. The second explanation
# stresses ..."): counted from one the question does not show, they read as "one" of them
_VIEWS = frozenset(
    {"explanation", "theory", "view", "interpretation", "account", "model", "school", "approach", "argument"}
    | {"hypothesis", "reading", "answer", "reason", "cause", "factor", "suggestion", "proposal"}
)


def counted_view(sent: Sentence, prompt: str) -> str:
    """The prompt with an opening "The second explanation" / "The third reason" (a view counted from one before,
    with no "of ..." saying whose) written as "One explanation"; otherwise the prompt as it was."""
    tokens = sent.tokens
    if len(tokens) < 3 or tokens[0].lower_ != "the" or tokens[1].lower_ not in _LATER_ORDINALS:
        return prompt
    noun = tokens[2]
    if (
        noun.lemma_.lower() not in _VIEWS
        or noun.tag_ != "NN"
        or noun.dep_ not in ("nsubj", "nsubjpass")
        or any(c.dep_ in ("prep", "poss") for c in noun.children)
    ):
        return prompt
    opening = f"{tokens[0].text} {tokens[1].text} {noun.text}"
    if not prompt.startswith(opening):
        return prompt
    return f"One {noun.text}" + prompt[len(opening) :]


def _told_in_prompt(prompt: str, phrase: str) -> bool:
    """Whether the prompt gives the sentence before the phrase's ("... seven larger pieces are labelled A to G.
    The largest, Fragment A, ..."): what the phrase leans on is there."""
    at = prompt.lower().find(phrase.lower())
    # an initial's full stop ("A. G. Hopkins replied") ends no sentence
    return at > 0 and re.search(r"(?<!\b[A-Z])[.;:]\s", prompt[:at]) is not None


def _ranking(t: Any) -> bool:
    """An ordinal or superlative adjective ("first", "largest", "most extreme")."""
    return t.pos_ == "ADJ" and (
        t.lower_ in _ORDINALS or t.tag_ == "JJS" or any(c.lower_ in ("most", "least") for c in t.children)
    )


def _nounless(t: Any) -> str | None:
    """ "The first" / "The most extreme" standing as a noun phrase: "the" before it, and a verb or a comma after it
    (not "the first to cross", "the largest of the guilds", "the first section")."""
    if not _ranking(t) or t.i + 1 >= len(t.doc) or any(c.dep_ in _COMPLEMENTS for c in t.children):
        return None
    nxt = _after_bracket(t)
    if nxt is None:
        return None
    if not (nxt.text == "," or (nxt.pos_ in ("VERB", "AUX") and nxt.dep_ != "amod")):
        return None
    start = t.i - 1
    if start >= 0 and t.doc[start].lower_ in ("most", "least"):
        start -= 1
    if start < t.sent.start or t.doc[start].lower_ != "the":
        return None
    return tokens_text(t.doc[start : t.i + 1])


def _after_bracket(t: Any) -> Any:
    """The token after ``t``, past a bracket that follows it ("The first (1768-1771) observed ..."), or None."""
    nxt = t.nbor(1)
    if nxt.text != "(":
        return nxt
    close = next((u for u in t.doc[nxt.i : t.sent.end] if u.text == ")"), None)
    return t.doc[close.i + 1] if close is not None and close.i + 1 < t.sent.end else None


def _incomplete(t: Any) -> str | None:
    """ "the first known holder", "a response": a relational noun with no complement ("of the office", "to the
    strike"), and with "the" or "a" before it."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in _RELATIONAL or t.ent_type_:
        return None
    if any(c.dep_ in ("prep", "poss", "compound") for c in t.children):
        return None  # "a response that made headlines" still does not say to what
    if t.dep_ == "nsubj" and t.head.lemma_ == "be" and any(c.dep_ in ("ccomp", "attr") for c in t.head.children):
        return None  # "The most startling discovery was that the face had been repainted": the sentence says it
    det = next((c for c in t.children if c.dep_ == "det" and c.lower_ in ("the", "a", "an")), None)
    return tokens_text(t.doc[det.i : t.i + 1]) if det is not None else None


def _counted(t: Any) -> str | None:
    """ "two pressures", "three main reasons": a count of things the sentence does not list (no "of ...", no
    colon after it) nor otherwise say."""
    if t.tag_ != "NNS" or t.lemma_.lower() not in _LISTED:
        return None
    count = next((c for c in t.children if c.dep_ == "nummod" and c.lower_ in _COUNTS), None)
    if count is None or any(c.dep_ in _COMPLEMENTS or c.dep_ == "appos" for c in t.children):
        return None
    if ":" in t.doc[t.i : t.sent.end].text:
        return None  # "two reasons: the cost and the distance"
    return tokens_text(t.doc[count.i : t.i + 1])


# Ordinals that say one came before: "A second pressure came from the war" (after which first?)
_LATER_ORDINALS = frozenset(ORDINAL_WORDS) - {"first"}


def _one_more(t: Any) -> str | None:
    """ "Another reform", "A second pressure", "a further grievance": a noun counted on from one an earlier
    sentence named, standing as the sentence's subject, where the reader of the question has not met the first."""
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("nsubj", "nsubjpass") or t.ent_type_:
        return None
    det = next((c for c in t.children if c.dep_ == "det" and c.i < t.i), None)
    if det is None:
        return None
    if det.lower_ == "another":
        return tokens_text(t.doc[det.i : t.i + 1])
    if det.lower_ not in ("a", "an"):
        return None
    ordinal = next(
        (c for c in t.children if c.dep_ == "amod" and (c.lower_ in _LATER_ORDINALS or c.lower_ == "further")), None
    )
    return tokens_text(t.doc[det.i : t.i + 1]) if ordinal is not None and det.i < ordinal.i else None


# Verbs that answer or go beyond someone the sentence does not name: "Hendel replied that ...", "Barker went further"
_ANSWERING = frozenset({"reply", "respond", "retort", "counter"})


_ARGUE = {"VBD": "argued", "VBN": "argued", "VBZ": "argues", "VBP": "argue", "VB": "argue", "VBG": "arguing"}


def unanswered_reply(sent: Sentence, prompt: str) -> str:
    """ "Hendel replied that the script was older": a reply that says what it holds (a "that" clause) and not to
    whom is a claim of its own, asked as "argued" ("Hendel argued that ..."); other replies stay, for
    dangling_phrase to refuse."""
    for t in sent.tokens:
        if _answering(t) != t.text or t.tag_ not in _ARGUE:
            continue
        if not any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in t.children):
            continue
        found = list(re.finditer(rf"(?<![\w'-]){re.escape(t.text)}(?![\w'-])", prompt))
        if len(found) == 1:
            m = found[0]
            prompt = prompt[: m.start()] + _ARGUE[t.tag_] + prompt[m.end() :]
    return prompt


def _answering(t: Any) -> str | None:
    """ "replied" / "went further" with no "to ..." or "than ..." saying to whom or beyond whom: the sentence
    answers one before it."""
    if t.pos_ != "VERB" or any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "than") for c in t.children):
        return None
    if t.lemma_.lower() in _ANSWERING:
        return t.text
    further = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ in ("further", "farther")), None)
    if t.lemma_.lower() == "go" and further is not None and further.i == t.i + 1:
        if any(c.dep_ == "prep" and c.lower_ == "than" for c in further.children):
            return None
        return tokens_text(t.doc[t.i : further.i + 1])
    return None


# Comparisons that need a standard ("a different model": different from which?) and things a sentence announces for
# the next to tell ("faced a problem.": which?)
_COMPARING = frozenset({"different", "similar", "comparable", "contrasting", "opposite"})
_STANDARDS = frozenset({"from", "to", "than", "as", "with"})
_ANNOUNCED = frozenset({"problem", "difficulty", "dilemma", "challenge", "choice", "question", "obstacle"})


def _unmatched(t: Any) -> str | None:
    """ "a very different model", "A similar dispute" with no "from/to/than ..." anywhere after the adjective, or a
    sentence ending on "faced a problem." with nothing saying which: one side of a comparison, or an announcement,
    whose other side is another sentence."""
    if t.pos_ != "NOUN" or t.tag_ != "NN" or t.ent_type_:
        return None
    det = next((c for c in t.children if c.dep_ == "det" and c.i < t.i), None)
    if det is None or det.lower_ not in ("a", "an"):
        return None
    comparing = next((c for c in t.children if c.dep_ == "amod" and c.lower_ in _COMPARING and c.i > det.i), None)
    if comparing is not None:
        main = t.head.pos_ in ("VERB", "AUX") and t.head.dep_ in ("ROOT", "conj", "ccomp")
        if main and t.head.dep_ != "ROOT":
            # "where other texts have a different ending", "while others took a similar view": a clause set
            # against the one it hangs on
            main = not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in t.head.children)
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr") or not main:
            return None  # "nouns end in -e where other texts have a different ending": the main clause is the standard
        if any(c.dep_ == "prep" for c in comparing.children):
            return None  # "a model different from Kolata's"
        for u in t.doc[comparing.i + 1 : t.sent.end]:
            if u.text in (":", ";"):
                break
            if u.lower_ in _STANDARDS and u.pos_ in ("ADP", "SCONJ"):
                return None  # "a similar dispute to the one over ...", "a different view from his teacher's"
        return tokens_text(t.doc[det.i : t.i + 1])
    if t.lemma_.lower() not in _ANNOUNCED or t.dep_ != "dobj" or list(t.children) != [det]:
        return None
    end = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
    if end is None or end.text not in (".", ":"):
        return None
    return tokens_text(t.doc[det.i : t.i + 1])
