"""Grading one response to one question, on the server.

Pure: standard library only (and the sibling normaliser, and rapidfuzz for spelling), no Flask, no database. The caller
passes the question's stored key (``answer``), the student's response as mapped from the form,
and for some types the ``options`` shown.

Two kinds of bad input are kept apart:

- a malformed *key* (or an unknown question type) is the app's fault and raises
  :class:`GradingError`, whatever the response;
- a malformed *response* is the request's problem and never raises: it scores 0 with a detail
  saying it could not be read. ``None``, a blank string or an empty list mean "not answered".

Each question type has one grader in :data:`GRADERS`, a registry in the spirit of CTFd's flag
classes: adding a type means adding a function with the :func:`_grader` decorator.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

from quizapp.question_types import DEFAULT_ORDERING_GRADING, ORDERING_GRADINGS
from quizapp.short_answers import accepted_answers, has_wildcard, literal_text, percent, wildcard_pieces

from .normalise_answers import fold_text, normalise_free_text
from .ordering_scores import ordering_counts

__all__ = [
    "GRADERS",
    "Grade",
    "GradingError",
    "answer_score",
    "close_spelling",
    "grade",
    "key_problem",
    "multiple_answer_weights",
    "normalise_free_text",
    "practice_mark",
    "spelling_tolerance",
]

_TOLERANCE = 1e-9


class GradingError(ValueError):
    """The question cannot be graded: unknown type, or a malformed key. Never raised for a bad response."""


@dataclass(frozen=True)
class Grade:
    """The outcome of grading one response: a fraction of the question's marks and a short explanation."""

    fraction: float
    detail: str

    def __post_init__(self) -> None:
        fraction = self.fraction
        if not (isinstance(fraction, int | float) and -_TOLERANCE <= fraction <= 1.0 + _TOLERANCE):
            raise ValueError(f"fraction must be between 0 and 1, not {fraction!r}")
        # Arithmetic may land a hair outside [0, 1]; store a clean float inside it.
        object.__setattr__(self, "fraction", min(1.0, max(0.0, float(fraction))))

    @property
    def correct(self) -> bool:
        """Whether the response earned full marks (allowing for float rounding)."""
        return math.isclose(self.fraction, 1.0, abs_tol=_TOLERANCE)


NOT_ANSWERED = Grade(0.0, "not answered")

GRADERS: dict[str, Callable[..., Grade]] = {}


def _grader(question_type: str) -> Callable[[Callable[..., Grade]], Callable[..., Grade]]:
    def register(function: Callable[..., Grade]) -> Callable[..., Grade]:
        GRADERS[question_type] = function
        return function

    return register


def grade(
    question_type: str,
    answer: Any,
    response: Any,
    *,
    options: Sequence[str] | None = None,
    grading: str | None = None,
    case_sensitive: bool = False,
) -> Grade:
    """Grade ``response`` against the key ``answer`` for a question of ``question_type``.

    ``options`` are the choices shown (multiple choice: the options; matching: the right-hand
    values); when given, a response outside them is not accepted. ``grading`` is an ordering
    question's grading type (one of ``ORDERING_GRADINGS``; ``None`` is the longest ordered subset)
    and means nothing to other types. ``case_sensitive`` is the question's "case matters" setting,
    which only a fill-in question has. Raises :class:`GradingError` for an unknown type or a
    malformed key, never for a malformed response.
    """
    grader = GRADERS.get(question_type) if isinstance(question_type, str) else None
    if grader is None:
        raise GradingError(f"unknown question type {question_type!r}")
    if case_sensitive:
        if question_type != "fill_in":
            raise GradingError("only a fill-in question can be case-sensitive")
        return grade_fill_in(answer, response, options=options, case_sensitive=True)
    if question_type == "ordering":
        return grade_ordering(answer, response, options=options, grading=grading)
    return grader(answer, response, options=options)


def key_problem(
    question_type: str,
    answer: Any,
    *,
    options: Sequence[str] | None = None,
    grading: str | None = None,
    case_sensitive: bool = False,
) -> str | None:
    """Why a key cannot be graded, or ``None`` when it can: the one test of a gradeable key.

    A key is gradeable exactly when its grader grades an unanswered response with it (every grader
    checks the key before it looks at the response), so this can never disagree with :func:`grade`.
    Saving a question (written, edited or imported) calls this, so that no key reaches an attempt
    that grading would refuse: a fill-in key whose answers can match nothing ("?!"), for one, or
    whose answers are all worth less than full marks.
    """
    try:
        grade(question_type, answer, None, options=options, grading=grading, case_sensitive=case_sensitive)
    except GradingError as error:
        return str(error)
    return None


def practice_mark(fraction: float, checks: int, penalty_percent: int) -> float:
    """The mark for a question in practice mode, where every check after the first costs a penalty.

    ``fraction * max(0, 1 - penalty_percent/100 * (checks - 1))``. ``checks`` is how many times the
    student checked the answer; 0 (submitted without checking) counts as one try, like 1.
    """
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction!r}")
    if checks < 0:
        raise ValueError(f"checks cannot be negative, not {checks!r}")
    if not 0 <= penalty_percent <= 100:
        raise ValueError(f"penalty_percent must be between 0 and 100, not {penalty_percent!r}")
    # Whole percents are exact, so 3 checks at 10 % give exactly 0.8 of the fraction.
    kept_percent = max(0, 100 - penalty_percent * max(0, checks - 1))
    return fraction * kept_percent / 100


# Scores are stored to this many decimal places, as attempt totals are.
SCORE_DECIMALS = 4


def answer_score(
    points: float, fraction: float, *, practice: bool, checks: int, penalty_percent: int, gave_up: bool
) -> float:
    """The score one graded answer earns: the one rule for checking, submitting and regrading.

    ``points`` is what the question is worth and ``fraction`` its grade (0 to 1). An answer the student
    gave up on (asked to see the key) scores 0 whatever its response and whatever the key: no key makes
    seeing the answer into giving it. In practice mode the fraction then loses the penalty for its
    ``checks`` (:func:`practice_mark`); elsewhere checks and penalty do not count. The score is
    ``points * fraction`` rounded to :data:`SCORE_DECIMALS` places and never more than ``points``, so the
    same answer gets the same stored number whichever path graded it.
    """
    if not (math.isfinite(points) and points >= 0):
        raise ValueError(f"points must be a number from 0 up, not {points!r}")
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction!r}")
    if gave_up:
        return 0.0
    if practice:
        fraction = practice_mark(fraction, checks, penalty_percent)
    return min(float(points), round(points * fraction, SCORE_DECIMALS))


@_grader("multiple_choice")
def grade_multiple_choice(answer: Any, response: Any, *, options: Sequence[str] | None = None) -> Grade:
    """One right option string; the response is the option string chosen. 1 or 0."""
    if not isinstance(answer, str) or not answer.strip():
        raise GradingError("a multiple-choice key must be a non-empty option string")
    choices = _string_options(options)
    if choices is not None and answer not in choices:
        raise GradingError("the multiple-choice key is not among the options")
    if _blank(response):
        return NOT_ANSWERED
    if not isinstance(response, str):
        return _unreadable("not an option")
    if choices is not None and response not in choices:
        return _unreadable("not one of the options")
    return _all_or_nothing(response == answer)


@_grader("true_false")
def grade_true_false(answer: Any, response: Any, *, options: Sequence[str] | None = None) -> Grade:
    """Key ``True`` or ``False``; the response a bool, or the string "true"/"false" in any case. 1 or 0."""
    if not isinstance(answer, bool):
        raise GradingError("a true/false key must be true or false")
    if _blank(response):
        return NOT_ANSWERED
    if isinstance(response, str):
        response = {"true": True, "false": False}.get(response.strip().lower(), response)
    if not isinstance(response, bool):
        return _unreadable("not true or false")
    return _all_or_nothing(response is answer)


@_grader("fill_in")
def grade_fill_in(
    answer: Any, response: Any, *, options: Sequence[str] | None = None, case_sensitive: bool = False
) -> Grade:
    """A fill-in key (see :mod:`quizapp.short_answers`): accepted answers in order, each with a fraction.

    As in Moodle, the first entry that matches the response gives the grade, and ``*`` in an entry matches any
    run of characters. How a response matches an entry:

    * case-blind (the default): a plain entry when both normalise alike (:func:`normalise_free_text`: case,
      accents, articles, number and date forms are forgiven), or when the response is the entry misspelt within
      :func:`close_spelling`'s tolerance; a wildcard entry when the response fits it, both folded for case and
      accents only (:func:`fold_text`). A misspelling counts before any wildcard listed after its entry, so a
      catch-all ``*`` for no marks never takes a name the key accepts, misspelt;
    * ``case_sensitive`` (Moodle's "case matters"): the text as typed, runs of spaces and the ends forgiven and
      nothing else, as Moodle compares.

    An entry that can match nothing (it normalises to nothing) is ignored; a key with no entry that can match,
    or none worth full marks, is malformed.
    """
    matchers = _fill_in_matchers(answer, case_sensitive)
    if _blank(response):
        return NOT_ANSWERED
    if not isinstance(response, str):
        return _unreadable("not text")
    given = _exact_text(response) if case_sensitive else normalise_free_text(response)
    folded = given if case_sensitive else None  # folded for the wildcards only when the key has one
    tried: list[_FillInMatcher] = []
    for matcher in matchers:
        if matcher.pieces is None and given == matcher.text:
            return _fill_in_grade(matcher.fraction, "")
        if matcher.pieces is not None and folded is None:
            folded = fold_text(response)
        if matcher.pieces is not None and _fits(folded or "", matcher.pieces):
            spelt = _misspelt(given, tried, case_sensitive)
            return spelt or _fill_in_grade(matcher.fraction, "")
        tried.append(matcher)
    return _misspelt(given, tried, case_sensitive) or Grade(0.0, "does not match an accepted answer")


@dataclass(frozen=True)
class _FillInMatcher:
    text: str  # the entry as compared: normalised (case-blind) or as typed (case-sensitive)
    pieces: list[str] | None  # the literal pieces around the wildcards, or None for a plain entry
    fraction: float


def _fill_in_matchers(answer: Any, case_sensitive: bool) -> list[_FillInMatcher]:
    try:
        entries = accepted_answers(answer)
    except ValueError as error:
        raise GradingError(f"a fill-in key must be a list of accepted answers: {error}") from None
    matchers = []
    for entry in entries:
        if has_wildcard(entry.text):
            text = _exact_text(entry.text) if case_sensitive else fold_text(entry.text)
            matchers.append(_FillInMatcher(text, wildcard_pieces(text), entry.fraction))
            continue
        literal = literal_text(entry.text)
        text = _exact_text(literal) if case_sensitive else normalise_free_text(literal)
        if text:  # a variant that normalises to nothing could only ever match a blank
            matchers.append(_FillInMatcher(text, None, entry.fraction))
    if not matchers:
        raise GradingError("a fill-in key needs at least one accepted answer with letters or digits")
    if not any(math.isclose(m.fraction, 1.0, abs_tol=_TOLERANCE) for m in matchers):
        raise GradingError("a fill-in key needs an accepted answer worth full marks")
    return matchers


def _fill_in_grade(fraction: float, how: str) -> Grade:
    if math.isclose(fraction, 1.0, abs_tol=_TOLERANCE):
        return Grade(1.0, "matches an accepted answer" + how)
    if fraction <= _TOLERANCE:
        return Grade(0.0, "does not match an accepted answer")
    return Grade(fraction, f"matches an answer worth {percent(fraction)}%{how}")


def _misspelt(given: str, tried: list[_FillInMatcher], case_sensitive: bool) -> Grade | None:
    """The grade of the first plain entry ``given`` is a misspelling of (never when case matters), or None."""
    if case_sensitive:
        return None
    for matcher in tried:
        if matcher.pieces is None and (close_spelling(given, matcher.text) or spaced_alike(given, matcher.text)):
            return _fill_in_grade(matcher.fraction, ", allowing for spelling")
    return None


def spaced_alike(given: str, accepted: str) -> bool:
    """Whether ``given`` is ``accepted`` with a compound written open or closed ("sea bed" for "seabed", both
    normalised). Never with a digit: "19 84" is no year."""
    if any(c.isdigit() for c in given + accepted):
        return False
    return given != accepted and given.replace(" ", "") == accepted.replace(" ", "")


def _exact_text(text: str) -> str:
    # What Moodle forgives when case matters: Unicode's equivalent forms, the ends; runs of spaces too, as typed
    # answers are compared here after a form field.
    return " ".join(unicodedata.normalize("NFC", text).split())


def _fits(text: str, pieces: list[str]) -> bool:
    """Whether ``text`` is the pieces in order with anything between them (a wildcard between each two).

    Greedy, leftmost search for each middle piece: for ``*`` alone that is exact, and it takes time linear in the
    text for each piece, where a regular expression can backtrack for minutes on a pattern of many wildcards.
    """
    first, *middle, last = pieces
    if len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
        return False
    position, end = len(first), len(text) - len(last)
    for piece in middle:
        found = text.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def spelling_tolerance(word: str) -> int:
    """Edits allowed in a word of this length: none up to 4 letters, 1 up to 8, 2 beyond."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 8 else 2


def close_spelling(given: str, accepted: str) -> bool:
    """Whether ``given`` is ``accepted`` misspelt (both normalised): word for word, each word within its
    :func:`spelling_tolerance` of edits (a letter added, dropped, changed, or two swapped) and with the same
    first letter. Never for anything with a digit: 1821 and 1822 are different answers; and a short word must
    be exact, so "World War I" stays apart from "World War II" and "Iran" from "Iraq"."""
    words, wanted = given.split(), accepted.split()
    if len(words) != len(wanted) or any(c.isdigit() for c in given + accepted):
        return False
    return all(
        w[:1] == a[:1] and OSA.distance(w, a, score_cutoff=spelling_tolerance(a)) <= spelling_tolerance(a)
        for w, a in zip(words, wanted, strict=True)
    )


@_grader("ordering")
def grade_ordering(
    answer: Any, response: Any, *, options: Sequence[str] | None = None, grading: str | None = None
) -> Grade:
    """Items in the right order; the response is the same items in the student's order.

    Graded by the question's ``grading`` type, Moodle's ordering grading types with qtype_ordering's formulas
    (:mod:`.ordering_scores`). Without one, "longest ordered subset", as quizapp always graded: the fraction is
    the length of the longest subsequence of the response whose items keep the key's relative order (not
    necessarily adjacent), divided by the number of items. A longest subset of a single item scores 0, since
    one item alone is never "in order". So for the key ABCDE: ABDCE and BACDE score 4/5, ACBED 3/5, EDCBA 0.
    The response must be a permutation of the key's items, otherwise it cannot be read. ``options`` (the
    shown order) is not needed.

    An unfinished order, ``{"positions": {item: position from 1}}`` (some items without a position, or two at
    one), is graded on what is there: the items that hold a position of their own stand there, the other
    positions are empty and earn nothing; subsets are counted over *all* the items, so an unfinished order
    never earns more than finishing it could.
    """
    if (
        not isinstance(answer, list | tuple)
        or len(answer) < 2
        or not all(isinstance(item, str) for item in answer)
        or len(set(answer)) != len(answer)
    ):
        raise GradingError("an ordering key must be a list of at least two distinct item strings")
    method = DEFAULT_ORDERING_GRADING if grading is None else grading
    if method not in ORDERING_GRADINGS:
        raise GradingError(f"unknown ordering grading type {grading!r}")
    if _blank(response):
        return NOT_ANSWERED
    n = len(answer)
    if isinstance(response, Mapping):
        slots = _unfinished_slots(response.get("positions"), answer)
        if slots is None:
            return _unreadable("not the question's items with positions")
        said = "unfinished order: "
    else:
        if not isinstance(response, list | tuple) or not all(isinstance(item, str) for item in response):
            return _unreadable("not a list of items")
        if len(response) != n or set(response) != set(answer):
            return _unreadable("not the question's items, each once")
        slots, said = list(response), ""
    right, total, counted = ordering_counts(method, answer, slots)
    if right == total and not said:
        return Grade(1.0, f"all {n} items in order")
    if right == 0:
        return Grade(0.0, f"{said}no {counted}")
    return Grade(right / total, f"{said}{right} of {total} {counted}")


def _unfinished_slots(placed: Any, answer: Sequence[str]) -> list[str | None] | None:
    """Each position's item, ``None`` where no item (or more than one) stands; None when unreadable."""
    n = len(answer)
    if (
        not isinstance(placed, Mapping)
        or not set(placed) <= set(answer)
        or not all(isinstance(rank, int) and not isinstance(rank, bool) and 1 <= rank <= n for rank in placed.values())
    ):
        return None
    ranks = list(placed.values())
    slots: list[str | None] = [None] * n
    for item, rank in placed.items():
        if ranks.count(rank) == 1:
            slots[rank - 1] = item
    return slots


@_grader("multiple_answer")
def grade_multiple_answer(answer: Any, response: Any, *, options: Sequence[str] | None = None) -> Grade:
    """Choose all that apply, graded as Moodle's multiple choice with several answers.

    Key: ``[[option, fraction], ...]``, one pair per option, fractions from -1 to 1, the positive ones adding
    up to 1 (Moodle's editor refuses other sums). Response: the options chosen. The fraction is the sum of the
    chosen options' fractions, at least 0 and at most 1 (``qtype_multichoice_multi_question::grade_response``).
    A response naming an option twice or one not in the question cannot be read.
    """
    weights = multiple_answer_weights(answer)
    choices = _string_options(options)
    if choices is not None and choices != set(weights):
        raise GradingError("the options of a multiple-answer key are not the options shown")
    if _blank(response):
        return NOT_ANSWERED
    if not isinstance(response, list | tuple) or not all(isinstance(item, str) for item in response):
        return _unreadable("not a list of options")
    if len(set(response)) != len(response) or not set(response) <= set(weights):
        return _unreadable("not the question's options, each at most once")
    total = math.fsum(weights[option] for option in response)
    # Moodle counts 0.9999999 (three options at 33.33333%) as right.
    fraction = 1.0 if total >= 1 - 1e-6 else max(0.0, total)
    right = sum(1 for option in response if weights[option] > 0)
    wrong = sum(1 for option in response if weights[option] <= 0)
    wanted = sum(1 for weight in weights.values() if weight > 0)
    detail = f"{right} of {wanted} right options chosen" + (f", {wrong} wrong" if wrong else "")
    return Grade(fraction, detail)


def multiple_answer_weights(answer: Any) -> dict[str, float]:
    """A multiple-answer key as option -> fraction; :class:`GradingError` when it cannot be graded."""
    if not isinstance(answer, list | tuple) or len(answer) < 2:
        raise GradingError("a multiple-answer key must list at least two [option, fraction] pairs")
    weights: dict[str, float] = {}
    for pair in answer:
        if not (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and isinstance(pair[0], str)
            and pair[0].strip()
            and isinstance(pair[1], int | float)
            and not isinstance(pair[1], bool)
            and math.isfinite(pair[1])
        ):
            raise GradingError("a multiple-answer key must be [option, fraction] pairs of text and a number")
        if pair[0] in weights:
            raise GradingError(f"the option {pair[0]!r} appears twice in the multiple-answer key")
        if not -1.0 <= pair[1] <= 1.0:
            raise GradingError(f"the option {pair[0]!r} is worth {pair[1]:.0%}; each is worth -100% to 100%")
        weights[pair[0]] = float(pair[1])
    positive = math.fsum(weight for weight in weights.values() if weight > 0)
    if round(positive, 2) != 1:
        raise GradingError(f"the right options add up to {positive:.0%}; they must add up to 100%")
    return weights


@_grader("matching")
def grade_matching(answer: Any, response: Any, *, options: Sequence[str] | None = None) -> Grade:
    """Key: [left, right] pairs; response: the [left, right] pairs the student chose (or a left → right mapping).

    The fraction is right pairs over the key's pairs. A response may be partial: a left that is
    missing, or whose right is ``None`` or blank, is simply not right. A left given twice or not in
    the key, or a pair that is not two strings, makes the response unreadable. When ``options``
    (the right-hand values shown) are given, a right value outside them is wrong.
    """
    key = _matching_key(answer)
    choices = _string_options(options)
    if choices is not None and not set(key.values()) <= choices:
        raise GradingError("a right-hand value of the matching key is not among the options")
    if _blank(response):
        return NOT_ANSWERED
    chosen = _matching_response(response, key)
    if isinstance(chosen, Grade):
        return chosen
    if not chosen:
        return NOT_ANSWERED
    right = sum(1 for left, value in chosen.items() if value == key[left] and (choices is None or value in choices))
    n = len(key)
    return Grade(right / n, f"{right} of {n} pairs right")


def _matching_key(answer: Any) -> dict[str, str]:
    if not isinstance(answer, list | tuple) or not answer:
        raise GradingError("a matching key must be a non-empty list of [left, right] pairs")
    key: dict[str, str] = {}
    for pair in answer:
        # A blank right-hand value could never be chosen: blank means "not answered" in a response.
        if not (
            isinstance(pair, list | tuple) and len(pair) == 2 and all(isinstance(p, str) and p.strip() for p in pair)
        ):
            raise GradingError("a matching key must be a list of [left, right] pairs of non-blank strings")
        if pair[0] in key:
            raise GradingError(f"the left-hand item {pair[0]!r} appears twice in the matching key")
        key[pair[0]] = pair[1]
    return key


def _matching_response(response: Any, key: dict[str, str]) -> dict[str, str] | Grade:
    """The answered pairs as left → right, or an unreadable Grade."""
    if isinstance(response, Mapping):
        pairs: list[Any] = [[left, right] for left, right in response.items()]
    elif isinstance(response, list | tuple):
        pairs = list(response)
    else:
        return _unreadable("not a list of pairs")
    chosen: dict[str, str] = {}
    seen: set[str] = set()
    for pair in pairs:
        if not (isinstance(pair, list | tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            return _unreadable("not a list of pairs")
        left, right = pair
        if left not in key:
            return _unreadable("a left-hand item that is not in the question")
        if left in seen:
            return _unreadable("a left-hand item matched twice")
        seen.add(left)
        if right is None or (isinstance(right, str) and not right.strip()):
            continue
        if not isinstance(right, str):
            return _unreadable("a right-hand value that is not text")
        chosen[left] = right
    return chosen


def _string_options(options: Any) -> set[str] | None:
    if options is None:
        return None
    if isinstance(options, str) or not isinstance(options, Sequence | set | frozenset):
        raise GradingError("options must be a list of strings")
    if not all(isinstance(option, str) for option in options):
        raise GradingError("options must be a list of strings")
    return set(options)


def _blank(response: Any) -> bool:
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    return isinstance(response, list | tuple | Mapping) and len(response) == 0


def _unreadable(why: str) -> Grade:
    return Grade(0.0, f"could not read the response: {why}")


def _all_or_nothing(right: bool) -> Grade:
    return Grade(1.0, "right") if right else Grade(0.0, "wrong")
