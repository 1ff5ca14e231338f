"""Fill-in keys as Moodle grades short answers: a fraction per answer, first match, wildcards, case.

The expectations in the Moodle sections are those of Moodle's own tests (question/type/shortanswer/tests/
question_test.php, test_compare_string_with_wildcard and test_grading), asserted through quizapp's grader.
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.attempts.grading import Grade, GradingError, _fits, grade, key_problem
from quizapp.short_answers import (
    AcceptedAnswer,
    accepted_answers,
    describe_key,
    format_line,
    key_from,
    parse_line,
    percent,
    wildcard_pieces,
)

# Moodle's GIFT test question: {=Frog =%50%Cat =%0%*}
FROG_CAT = ["Frog", {"text": "Cat", "fraction": 0.5}, {"text": "*", "fraction": 0.0}]
# Moodle's test question maker's short answer: frog 100%, toad 80%, * 0%.
FROG_TOAD = ["frog", {"text": "toad", "fraction": 0.8}, {"text": "*", "fraction": 0.0}]


def matches(response: str, pattern: str, *, ignore_case: bool) -> bool:
    """Moodle's compare_string_with_wildcard(response, pattern, ignorecase), through quizapp's grader."""
    return grade("fill_in", [pattern], response, case_sensitive=not ignore_case).correct


# --- Moodle's compare_string_with_wildcard cases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "pattern", "ignore_case", "expected"),
    [
        # Case-sensitive literal matches.
        ("Frog", "Frog", False, True),
        ("Frog", "frog", False, False),
        ("   Frog   ", "Frog", False, True),
        ("Frogs", "Frog", False, False),
        # Case-insensitive literal matches.
        ("Frog", "frog", True, True),
        ("   FROG   ", "Frog", True, True),
        ("Frogs", "Frog", True, False),
        # Case-sensitive wildcard matches.
        ("Frog", "F*og", False, True),
        ("Fog", "F*og", False, True),
        ("   Fat dog   ", "F*og", False, True),
        ("Frogs", "F*og", False, False),
        ("Fg", "F*og", False, False),
        ("frog", "F*og", False, False),
        ("   fat dog   ", "F*og", False, False),
        # Case-insensitive wildcard matches.
        ("Frog", "F*og", True, True),
        ("Fog", "F*og", True, True),
        ("   Fat dog   ", "F*og", True, True),
        ("Frogs", "F*og", True, False),
        ("Fg", "F*og", True, False),
        ("frog", "F*og", True, True),
        ("   fat dog   ", "F*og", True, True),
        # Regular-expression characters are literal; \* is a literal asterisk.
        ("   *   ", "\\*", False, True),
        ("*", "\\*", False, True),
        ("Frog*toad", "Frog\\*toad", False, True),
        ("a", "[a-z]", False, False),
        ("[a-z]", "[a-z]", False, True),
        # Unicode: case folding beyond ASCII, and the two ways of writing é.
        ("ITÁLIE", "Itálie", True, True),
        ("départ", "DÉPART", True, True),
        ("départ", "DÉPART", False, False),
        ("d\u00e9part", "de\u0301part", False, True),
        ("d\u00e9part", "DE\u0301PART", True, True),
        # The classic PHP problem case with "0".
        ("0", "0", False, True),
        ("0", "0*", False, True),
        ("0", "*0", False, True),
        ("0", "*0*", False, True),
        # Many stars.
        ("<em></em>", "*" * 35 + "<em>" + "*" * 35 + "</em>", False, True),
    ],
)
def test_moodles_wildcard_comparisons(response: str, pattern: str, ignore_case: bool, expected: bool) -> None:
    assert matches(response, pattern, ignore_case=ignore_case) is expected


def test_a_punctuation_only_answer_is_matched_only_when_case_matters() -> None:
    # Moodle's "\{}/" against "\{}/", case-blind, matches. quizapp's case-blind comparison forgives punctuation, so
    # an answer of punctuation alone could match nothing and is refused on saving; with case mattering it is exact.
    assert matches("\\{}/", "\\{}/", ignore_case=False)
    assert "letters or digits" in key_problem("fill_in", ["\\{}/"])


def test_moodles_grading_of_its_test_question() -> None:
    assert grade("fill_in", FROG_TOAD, "x") == Grade(0.0, "does not match an accepted answer")
    assert grade("fill_in", FROG_TOAD, "frog") == Grade(1.0, "matches an accepted answer")
    assert grade("fill_in", FROG_TOAD, "toad") == Grade(0.8, "matches an answer worth 80%")


def test_partial_credit_of_moodles_gift_example() -> None:
    assert grade("fill_in", FROG_CAT, "Frog").fraction == 1.0
    assert grade("fill_in", FROG_CAT, "cat") == Grade(0.5, "matches an answer worth 50%")
    assert grade("fill_in", FROG_CAT, "Dog") == Grade(0.0, "does not match an accepted answer")
    assert grade("fill_in", FROG_CAT, " ") == Grade(0.0, "not answered")  # the catch-all never takes a blank


def test_the_first_matching_answer_counts_as_in_moodle() -> None:
    assert grade("fill_in", [{"text": "*", "fraction": 0.0}, "Frog"], "Frog").fraction == 0.0
    assert grade("fill_in", ["Frog", {"text": "F*", "fraction": 0.5}], "Frog").fraction == 1.0
    assert grade("fill_in", [{"text": "F*", "fraction": 0.5}, "Frog"], "Frog").fraction == 0.5
    assert grade("fill_in", ["Frog", {"text": "F*", "fraction": 0.5}], "Fish").fraction == 0.5


# --- quizapp's forgiving comparisons stay full marks ------------------------------------------------------------


def test_a_misspelt_name_keeps_full_marks_before_a_catch_all() -> None:
    key = ["Wellington", {"text": "*", "fraction": 0.0}]
    assert grade("fill_in", key, "Welington") == Grade(1.0, "matches an accepted answer, allowing for spelling")
    assert grade("fill_in", key, "the Duke of Wellington").fraction == 0.0


def test_a_misspelling_of_a_partial_answer_earns_its_fraction() -> None:
    key = ["Napoleon", {"text": "Josephine", "fraction": 0.5}]
    assert grade("fill_in", key, "Josephin") == Grade(0.5, "matches an answer worth 50%, allowing for spelling")


def test_generated_variants_are_all_full_marks() -> None:
    key = ["the Duke of Wellington", "Wellington", "Arthur Wellesley"]
    for response in ("Duke of Wellington", "wellington", "Arthur Welesley"):
        assert grade("fill_in", key, response).correct, response


def test_case_blind_wildcards_forgive_case_and_accents_only() -> None:
    assert grade("fill_in", ["colo*r"], "COLOUR").correct
    assert grade("fill_in", ["colo*r"], "Colôr").correct
    assert not grade("fill_in", ["colo*r"], "discolour").correct
    assert grade("fill_in", ["World War *"], "world  war II").correct
    assert not grade("fill_in", ["World War *"], "World Warsaw").correct


def test_case_sensitive_answers_are_exact_but_for_spaces() -> None:
    key = ["Paris", {"text": "Lyon", "fraction": 0.5}]
    assert grade("fill_in", key, "  Paris ", case_sensitive=True).correct
    assert grade("fill_in", key, "paris", case_sensitive=True).fraction == 0.0
    assert grade("fill_in", key, "Pariss", case_sensitive=True).fraction == 0.0  # no spelling tolerance
    assert grade("fill_in", key, "the Paris", case_sensitive=True).fraction == 0.0
    assert grade("fill_in", key, "Lyon", case_sensitive=True).fraction == 0.5
    assert grade("fill_in", key, "LYON", case_sensitive=True).fraction == 0.0


def test_only_a_fill_in_can_be_case_sensitive() -> None:
    with pytest.raises(GradingError, match="only a fill-in"):
        grade("true_false", True, "true", case_sensitive=True)


def test_many_wildcards_cannot_stall_grading() -> None:
    # A regular expression with this many ".*" backtracks for minutes on a response that almost fits.
    pattern = "*a" * 40 + "*b"
    start = time.perf_counter()
    assert not grade("fill_in", [pattern, "x"], "a" * 300).correct
    assert time.perf_counter() - start < 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab*", max_size=8), st.text(alphabet="ab", max_size=10))
def test_wildcard_fitting_agrees_with_a_regular_expression(pattern: str, text: str) -> None:
    pieces = wildcard_pieces(pattern)
    if len(pieces) < 2:
        return
    regex = ".*".join(re.escape(piece) for piece in pieces)
    assert _fits(text, pieces) is (re.fullmatch(regex, text, re.DOTALL) is not None)


# --- the key's shape ---------------------------------------------------------------------------------------------


def test_a_key_reads_plain_strings_as_full_marks() -> None:
    assert accepted_answers(["a", {"text": "b", "fraction": 0.25}]) == [
        AcceptedAnswer("a", 1.0),
        AcceptedAnswer("b", 0.25),
    ]


@pytest.mark.parametrize(
    "key",
    ["Frog", [3], [{"text": "b"}], [{"text": "b", "fraction": "50"}], [{"text": "b", "fraction": True}],
     [{"text": "b", "fraction": 1.5}], [{"text": "b", "fraction": -0.1}], [{"text": 1, "fraction": 0.5}]],
)  # fmt: skip
def test_a_malformed_key_is_refused(key: object) -> None:
    with pytest.raises(ValueError, match=r"fill-in key|accepted answer|weight"):
        accepted_answers(key)
    assert key_problem("fill_in", key)


def test_the_stored_form_writes_full_marks_as_plain_strings() -> None:
    assert key_from([AcceptedAnswer("a"), AcceptedAnswer("b", 1 / 3), AcceptedAnswer("c", 1.0)]) == [
        "a",
        {"text": "b", "fraction": 0.3333333},
        "c",
    ]


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("Frog", AcceptedAnswer("Frog")),
        ("%50% Cat", AcceptedAnswer("Cat", 0.5)),
        ("%50%Cat", AcceptedAnswer("Cat", 0.5)),
        ("%0% *", AcceptedAnswer("*", 0.0)),
        ("%33.33333% Toad", AcceptedAnswer("Toad", 0.3333333)),
        ("%100% %50% of them", AcceptedAnswer("%50% of them")),
        ("50% of them", AcceptedAnswer("50% of them")),
    ],
)
def test_the_editors_lines(line: str, answer: AcceptedAnswer) -> None:
    parsed = parse_line(line)
    assert parsed.text == answer.text
    assert parsed.fraction == pytest.approx(answer.fraction)
    assert parse_line(format_line(parsed)) == parsed


def test_a_key_reads_as_one_line() -> None:
    assert describe_key(FROG_CAT) == "Frog / Cat (50%) / * (0%)"
    assert percent(0.3333333) == "33.33333"
    assert percent(1.0) == "100"
