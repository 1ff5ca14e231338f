"""Moodle's ordering grading types and its "choose all that apply" multiple choice, graded as Moodle grades them.

The ordering cases are those of Moodle's own tests (question/type/ordering/tests/question_test.php, the six words
of "Modular Object Oriented Dynamic Learning Environment"); the multiple-answer ones follow
qtype_multichoice_multi_question::grade_response (fractions of the chosen options summed, floor 0, cap 1).
"""

from __future__ import annotations

import math

import pytest

from quizapp.attempts.grading import GradingError, grade, key_problem
from quizapp.question_types import ORDERING_GRADINGS

MOODLE = ["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"]
REVERSED = list(reversed(MOODLE))
FIRST_LAST = ["Environment", "Object", "Oriented", "Dynamic", "Learning", "Modular"]
SHUFFLED = ["Oriented", "Object", "Dynamic", "Learning", "Environment", "Modular"]
ROTATED = ["Object", "Oriented", "Dynamic", "Learning", "Environment", "Modular"]


def fraction(grading: str, response: object) -> float:
    return grade("ordering", MOODLE, response, grading=grading).fraction


@pytest.mark.parametrize("grading", ORDERING_GRADINGS)
def test_every_grading_type_gives_full_marks_for_the_right_order(grading):
    g = grade("ordering", MOODLE, MOODLE, grading=grading)
    assert g.correct
    assert g.detail == "all 6 items in order"


@pytest.mark.parametrize(
    ("grading", "response", "expected"),
    [
        ("absolute_position", REVERSED, 0.0),
        ("absolute_position", FIRST_LAST, 4 / 6),
        ("absolute_position", SHUFFLED, 1 / 6),
        ("all_or_nothing", FIRST_LAST, 0.0),
        ("relative_next_exclude_last", REVERSED, 0.0),
        ("relative_next_exclude_last", FIRST_LAST, 0.6),
        ("relative_next_exclude_last", SHUFFLED, 0.4),
        ("relative_next_include_last", REVERSED, 0.0),
        ("relative_next_include_last", FIRST_LAST, 0.5),
        ("relative_one_previous_and_next", REVERSED, 0.0),
        ("relative_one_previous_and_next", SHUFFLED, 1 / 3),
        ("relative_all_previous_and_next", REVERSED, 0.0),
        ("relative_all_previous_and_next", SHUFFLED, 0.6),
        ("relative_all_previous_and_next", ROTATED, 20 / 30),
        ("longest_ordered_subset", REVERSED, 0.0),
        ("longest_ordered_subset", ROTATED, 5 / 6),
        ("longest_contiguous_subset", REVERSED, 0.0),
        ("longest_contiguous_subset", ROTATED, 5 / 6),
        ("relative_to_correct", REVERSED, 0.4),  # Moodle's own test notes it is generous
        ("relative_to_correct", ROTATED, 20 / 30),
    ],
)
def test_moodle_s_own_cases(grading, response, expected):
    assert math.isclose(fraction(grading, response), expected)


def test_an_ordered_subset_need_not_be_contiguous_but_a_contiguous_one_must_be():
    # A B D C E: the longest ordered subset is A B C E or A B D E (4), the longest contiguous run A B C (3):
    # Moodle appends C to the run A B, as C follows B in the key and comes after it in the answer.
    response = ["Modular", "Object", "Dynamic", "Oriented", "Learning", "Environment"]
    assert math.isclose(fraction("longest_ordered_subset", response), 5 / 6)
    assert math.isclose(fraction("longest_contiguous_subset", response), 3 / 6)
    assert math.isclose(fraction("absolute_position", response), 4 / 6)


def test_no_grading_type_is_the_longest_ordered_subset_as_before():
    assert grade("ordering", MOODLE, ROTATED).fraction == fraction("longest_ordered_subset", ROTATED)
    assert grade("ordering", MOODLE, ROTATED).detail == "5 of 6 items in order"


def test_an_unknown_grading_type_is_a_key_problem():
    with pytest.raises(GradingError):
        grade("ordering", MOODLE, MOODLE, grading="best_guess")
    assert key_problem("ordering", MOODLE, grading="best_guess")
    assert key_problem("ordering", MOODLE, grading="absolute_position") is None


def test_ten_items_grade_like_three():
    key = [f"event {n}" for n in range(1, 11)]
    swapped = [*key[:4], key[5], key[4], *key[6:]]
    assert math.isclose(grade("ordering", key, swapped, grading="absolute_position").fraction, 0.8)
    assert math.isclose(grade("ordering", key, swapped).fraction, 0.9)


def test_an_unfinished_order_earns_only_what_stands_in_place():
    # Modular and Object in place, two items both at position 3, the rest without a position.
    unfinished = {"positions": {"Modular": 1, "Object": 2, "Oriented": 3, "Dynamic": 3}}
    g = grade("ordering", MOODLE, unfinished, grading="absolute_position")
    assert math.isclose(g.fraction, 2 / 6)
    assert g.detail == "unfinished order: 2 of 6 items in their place"
    assert math.isclose(grade("ordering", MOODLE, unfinished, grading="relative_next_exclude_last").fraction, 1 / 5)
    # Every item at one position: none stands alone, nothing earns, whatever the grading type.
    for grading in ORDERING_GRADINGS:
        assert grade("ordering", MOODLE, {"positions": dict.fromkeys(MOODLE, 1)}, grading=grading).fraction == 0


# --- choose all that apply --------------------------------------------------------------------------------------

KEY = [["Rome", 0.5], ["Milan", 0.5], ["Turin", -1.0], ["Genoa", 0.0]]


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (["Rome", "Milan"], 1.0),
        (["Milan", "Rome"], 1.0),
        (["Rome"], 0.5),
        (["Rome", "Genoa"], 0.5),
        (["Rome", "Milan", "Genoa"], 1.0),  # a 0% option costs nothing, as in Moodle
        (["Rome", "Milan", "Turin"], 0.0),  # 0.5 + 0.5 - 1
        (["Rome", "Turin"], 0.0),  # -0.5 floored at 0
        (["Turin"], 0.0),
    ],
)
def test_multiple_answer_sums_the_chosen_fractions_between_0_and_1(chosen, expected):
    assert math.isclose(grade("multiple_answer", KEY, chosen).fraction, expected)


def test_every_option_chosen_is_capped_at_1_and_thirds_make_a_whole():
    generous = [["A", 0.5], ["B", 0.5], ["C", 0.0]]
    assert grade("multiple_answer", generous, ["A", "B", "C"]).correct
    thirds = [["A", 0.3333333], ["B", 0.3333333], ["C", 0.3333333], ["D", -1.0]]
    assert grade("multiple_answer", thirds, ["A", "B", "C"]).correct


def test_the_detail_counts_right_and_wrong_choices():
    assert grade("multiple_answer", KEY, ["Rome", "Turin"]).detail == "1 of 2 right options chosen, 1 wrong"
    assert grade("multiple_answer", KEY, None).detail == "not answered"


@pytest.mark.parametrize("response", [["Rome", "Rome"], ["Naples"], "Rome", [1], {"Rome": True}])
def test_a_forged_multiple_answer_response_is_unreadable(response):
    g = grade("multiple_answer", KEY, response)
    assert g.fraction == 0.0
    assert "could not read the response" in g.detail


@pytest.mark.parametrize(
    "key",
    [
        [["A", 0.5], ["B", 0.4], ["C", 0.0]],  # right options add up to 90%
        [["A", 1.0], ["B", 0.5]],  # 150%
        [["A", 1.5], ["B", -0.5]],  # an option worth more than 100%
        [["A", 1.0], ["A", 0.0]],  # an option twice
        [["A", 1.0]],  # one option
        [["A", True], ["B", 0.0]],
        "A",
    ],
)
def test_a_multiple_answer_key_that_moodle_s_editor_refuses_cannot_be_graded(key):
    assert key_problem("multiple_answer", key)


def test_the_options_shown_must_be_the_key_s():
    assert key_problem("multiple_answer", KEY, options=["Rome", "Milan", "Turin", "Genoa"]) is None
    assert key_problem("multiple_answer", KEY, options=["Rome", "Milan"])
