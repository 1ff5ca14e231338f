"""The last look at a prompt's form: what a teacher would have to correct before printing it.

The quality benchmark counts malformed prompts with its own code (benchmarks/quality/signs.py) so that the
measure does not share the generator's blind spots; this is the generator's own check, written to the same
rules, and run as a guard on every question it returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from lemminflect import getInflection, getLemma

from .dates import MONTH_PATTERN

_OPENERS = {")": "(", "]": "[", "}": "{"}
# Words a question never ends on: the phrase they begin was cut off ("What did he give to the?").
_CUT_OFF = frozenset(
    ["the", "a", "an", "and", "or", "but", "nor", "than", "whose", "its", "their", "our", "your", "my", "his", "very"]
)
_PREPOSITIONS = frozenset(
    ["in", "on", "at", "of", "to", "for", "with", "by", "from", "into", "about", "as", "during", "after", "before"]
)
_DETERMINER = r"(?:the|a|an)"
_DOUBLED = re.compile(
    rf"\b{_DETERMINER}\s+(?:the|a|an|this|these|those|his|its|their)\b|\b(?:this|these|those|his|its|their)\s+"
    rf"{_DETERMINER}\b",
    re.I,
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\s*\?")
_SPACE_THEN_MARK = re.compile(r"\s[,.;:!?%)\]}]")
_QUOTE_INSIDE_WORD = re.compile(r"[^\W\d_][\"\u201c\u201d][^\W\d_]")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s")
_WH_QUESTION = re.compile(
    r"^(?:according to [^,]{1,80},\s*)?(?:why|how|when|where|who|whom|which|what)\s+(?:\w+\s+)?"
    r"(?:did|do|does|was|were|is|are|had|has|have|can|could|would|should|will)\b",
    re.I,
)
# An abbreviation cut after its last letter: "in 331 B.C" (the parser took the full stop for the sentence's).
# "In which century were in particular, the tables compiled?": an aside set off by two commas, cut so that only its
# second is left (at the start of a prompt an aside needs none before it)
_STRANDED_ASIDE = re.compile(
    r"(?<=[\w'’])\s(?:in particular|for example|for instance|above all|in turn|however|moreover|in fact|"
    r"of course|at least|in effect),\s",
    re.I,
)
# "When did the decisive push come, come to Frombork ...?": a verb of another clause taken for the main verb's
# pair, and both put in the question's form
_DOUBLED_ACROSS_COMMA = re.compile(r"\b([^\W\d_]{2,}), \1\b", re.I)
_CUT_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){1,3}[A-Za-z](?![\w.])")


def _quotes_unbalanced(prompt: str) -> bool:
    if prompt.count('"') % 2:
        return True
    depth = 0
    for ch in prompt:
        depth += (ch == "\u201c") - (ch == "\u201d")
        if depth < 0:
            return True
    return depth != 0 or bool(re.search(r"\u2018(?![^\u2019]*\u2019)", prompt))


def _brackets_unbalanced(prompt: str) -> bool:
    open_: list[str] = []
    for ch in prompt:
        if ch in "([{":
            open_.append(ch)
        elif ch in _OPENERS and (not open_ or open_.pop() != _OPENERS[ch]):
            return True
    return bool(open_)


def _stranded_before_question_mark(prompt: str) -> bool:
    start = re.sub(r"^according to [^,]{1,80},\s*", "", prompt.strip().lower())
    for m in _LAST_WORD.finditer(prompt):
        word = m.group(1).lower()
        if word in _CUT_OFF:
            return True
        # "What was he king of?" is English; "When did the war begin in?" is not: the wh-word took its place.
        if word in _PREPOSITIONS and re.match(r"(?:when|why|how|in (?:what|which) year)\b", start):
            return True
        if word in ("in", "on", "at", "during") and start.startswith("where"):
            return True
    return False


def _question_runs_on(prompt: str) -> bool:
    """ "When was the envoy received in 1685; the ambassador received at Versailles?": a semicolon outside quotes
    joins a second statement that the question does not ask about, and the inversion seldom fits both."""
    unquoted = re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\([^)]*\)", "", prompt)
    return prompt.rstrip().endswith("?") and ";" in unquoted


# "In 1902, the railway now lies within ...": a timeline's date written in front of a sentence that speaks of today
_OPENING_DATE = re.compile(
    r"^(?:In|On|By|From|Around|About|After|Before|Until)\s[^,()]{0,30}\b\d{3,4}\b[^,()]{0,15},\s"
)
# "now" before the verb of the clause, not "the name now used for ...", which is as true of the past
_NOW = re.compile(r"\b(?:now|today)\s(?:is|are|has|have|lies|stands|remains)\b", re.I)


def _dated_now(prompt: str) -> bool:
    return bool(_OPENING_DATE.match(prompt)) and bool(_NOW.search(re.sub(r"\([^)]*\)", "", prompt)))


# "passed to Spring 1627 Hybertsson's assistant": a timeline's date label run into the name after it, the date left
# inside a noun phrase where no preposition takes it ("in spring 1627" would)
_DATE_IN_NOUN_PHRASE = re.compile(
    rf"\b(?:to|of|for|with|at|from|the|a|an)\s(?:(?:[Ee]arly|[Ll]ate|[Mm]id-)\s?)?"
    rf"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|{MONTH_PATTERN})\s\d{{3,4}}\s[A-Z]"
)


def _lowercase_start(prompt: str) -> bool:
    body = prompt.lstrip(" \"'\u201c\u2018([")
    return bool(body[:1]) and body[0].isalpha() and body[0].islower()


FORM_CHECKS: dict[str, Callable[[str], bool]] = {
    "unbalanced quotes": _quotes_unbalanced,
    "unbalanced brackets": _brackets_unbalanced,
    "a cut-off word before '?'": _stranded_before_question_mark,
    "a doubled determiner": lambda p: bool(_DOUBLED.search(p)),
    "not in sentence case": _lowercase_start,
    "a space before punctuation": lambda p: bool(_SPACE_THEN_MARK.search(p)),
    "a quotation mark glued to a word": lambda p: bool(_QUOTE_INSIDE_WORD.search(p)),
    "a question ending in a full stop": lambda p: bool(
        _WH_QUESTION.match(_NUMBERED.sub("", p.strip())) and p.rstrip().endswith(".")
    ),
    "an exercise number left at the front": lambda p: bool(_NUMBERED.match(p.strip())),
    "an abbreviation cut short": lambda p: bool(_CUT_ABBREVIATION.search(p)),
    "an aside that lost its first comma": lambda p: bool(_STRANDED_ASIDE.search(p)),
    "a word doubled across a comma": lambda p: bool(_DOUBLED_ACROSS_COMMA.search(p)),
    "a question run on past a semicolon": _question_runs_on,
    "a date of the past put before 'now'": _dated_now,
    "a date run into a noun phrase": lambda p: bool(_DATE_IN_NOUN_PHRASE.search(p)),
}


def form_problems(prompt: str) -> list[str]:
    """What is wrong with a prompt's form (names from FORM_CHECKS); empty when it is well formed."""
    return list(_form_problems(prompt))


@lru_cache(maxsize=8192)  # the guards read a candidate twice (before its options are chosen and after), one prompt
def _form_problems(prompt: str) -> tuple[str, ...]:
    return tuple(name for name, check in FORM_CHECKS.items() if check(prompt))


# A quotation that ends the sentence keeps its own full stop: "... renamed Tokyo, "Eastern Capital."." has two.
_DOUBLE_STOP = re.compile(r"([.!?])([\"\u201d\u2019'])\.$")


# A sentence that ends on an abbreviation or an initial keeps its stop: "... takes the name John I.." has two.
_STOP_AFTER_STOP = re.compile(r"(?<![.])\.\.$")


# A day takes "on", a month or a year "in": "In November 4, 1825" and "in 4 November 1825" were written from a date
# that came without its preposition.
_IN_BEFORE_DAY = re.compile(rf"\b([Ii])n (?={MONTH_PATTERN} \d{{1,2}}(?![\d:])|\d{{1,2}} {MONTH_PATTERN}\b)")


# "What few dispute is that X": a pseudo-cleft copied from an essay's opening reads as a riddle in a stem; said
# plainly it is "Few dispute that X". Only a subject of a few words and one verb (no preposition after it: "What
# the sources agree on is that" has no plain form by moving words); "What is clear is that X" -> "It is clear that X"
_PSEUDO_CLEFT = re.compile(r"^What ((?:[a-z]+ ){0,2}[a-z]+) ([a-z]+) (?:is|was) that (?=\S)")
_CLEFT_ADJECTIVE = re.compile(r"^What (?:(is|was) (clear|certain|known|undisputed|striking)) (?:is|was) that (?=\S)")


# "When were the first finds made, when a local man struck bronze?": a "when" clause of the sentence left in a
# question that asks when; the question asks its main clause, and the clause after it reads as a second question
_SECOND_WHEN = re.compile(r"^((?:According to [^,?]{1,80},\s)?When\s[^?]*?[a-z)])(?:,\s|\s)when\s[^?]*\?$")


def _one_when(prompt: str) -> str:
    m = _SECOND_WHEN.match(prompt)
    return prompt if m is None else m.group(1) + "?"


def _unclefted(prompt: str) -> str:
    m = _CLEFT_ADJECTIVE.match(prompt)
    if m is not None:
        return f"It {m.group(1)} {m.group(2)} that " + prompt[m.end() :]
    m = _PSEUDO_CLEFT.match(prompt)
    if m is None or not _present_verb(m.group(2)) or m.group(1).split()[0] in ("is", "was", "do", "does", "did"):
        return prompt
    subject = m.group(1)
    return f"{subject[:1].upper()}{subject[1:]} {m.group(2)} that " + prompt[m.end() :]


def _present_verb(word: str) -> bool:
    """A verb's present form ("dispute", "doubts"), not a preposition or a participle."""
    lemma = next(iter(getLemma(word, upos="VERB")), "")
    return bool(lemma) and any(word in getInflection(lemma, tag=tag) for tag in ("VBP", "VBZ"))


def mend(prompt: str) -> str:
    """The prompt with what cutting a sentence leaves behind mended where the mend is certain (a doubled full stop
    after a closing quotation, an abbreviation or an initial; "in" before a day); what cannot be mended is left to
    the form check."""
    prompt = _one_when(_unclefted(_STOP_AFTER_STOP.sub(".", _DOUBLE_STOP.sub(r"\1\2", prompt.rstrip()))))
    return _IN_BEFORE_DAY.sub(lambda m: "On " if m.group(1) == "I" else "on ", prompt)
