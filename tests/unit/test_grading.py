"""Grading one response: every question type, the fill-in normaliser, practice marks, and properties."""

import ast
import math
import pathlib
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.attempts import grading
from quizapp.attempts.grading import (
    GRADERS,
    Grade,
    GradingError,
    answer_score,
    grade,
    normalise_free_text,
    practice_mark,
    spelling_tolerance,
)
from quizapp.short_answers import has_wildcard

UNREADABLE = "could not read the response"
TYPES = ("multiple_choice", "true_false", "fill_in", "ordering", "matching", "multiple_answer")


def _imported_roots(path: pathlib.Path):
    """(root module, the ImportFrom node or None) for every absolute import in the file; relative ones as None."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield (None if node.level else node.module), node


def test_grading_modules_import_only_the_standard_library_and_rapidfuzz():
    here = pathlib.Path(grading.__file__).parent
    # The fill-in key's shape (quizapp/short_answers.py) is shared with the bank and the importers; it is pure too,
    # as are the ordering formulas and the names of the question types.
    allowed = ("__future__", "rapidfuzz", *sys.stdlib_module_names)
    paths = (
        here / "grading.py",
        here / "normalise_answers.py",
        here / "ordering_scores.py",
        here.parent / "short_answers.py",
    )
    for path in paths:
        for module, node in _imported_roots(path):
            if module is None:  # the sibling normaliser and ordering formulas
                assert node.module in ("normalise_answers", "ordering_scores")
            elif module not in ("quizapp.short_answers", "quizapp.question_types"):
                assert module.split(".")[0] in allowed, (path.name, module)


def test_registry_has_one_grader_per_type():
    assert set(GRADERS) == set(TYPES)


# --- Grade and errors ---------------------------------------------------------------------------


def test_grade_correct_allows_float_rounding():
    assert Grade(1.0, "x").correct
    assert Grade(1 - 1e-12, "x").correct
    assert Grade(0.1 * 3 / 0.3, "x").fraction == 1.0  # a hair above 1 is clamped, not refused
    assert not Grade(0.8, "x").correct
    assert not Grade(0.0, "x").correct


@pytest.mark.parametrize("fraction", [-0.1, 1.1, math.nan])
def test_grade_rejects_fraction_out_of_range(fraction):
    with pytest.raises(ValueError, match="between 0 and 1"):
        Grade(fraction, "x")


def test_grade_is_frozen():
    g = Grade(1.0, "right")
    with pytest.raises(AttributeError):
        g.fraction = 0.5


@pytest.mark.parametrize("qtype", ["essay", "", None, ["multiple_choice"]])
def test_unknown_question_type_raises(qtype):
    with pytest.raises(GradingError, match="unknown question type"):
        grade(qtype, "a", "a")


def test_grading_error_is_a_value_error():
    assert issubclass(GradingError, ValueError)


@pytest.mark.parametrize(
    ("qtype", "answer", "options"),
    [
        ("multiple_choice", None, None),
        ("multiple_choice", "", None),
        ("multiple_choice", 3, None),
        ("multiple_choice", "Rome", ["Paris", "Berlin"]),
        ("multiple_choice", "Rome", "Rome"),
        ("multiple_choice", "Rome", ["Rome", 1]),
        ("true_false", "true", None),
        ("true_false", 1, None),
        ("true_false", None, None),
        ("fill_in", "Rome", None),
        ("fill_in", [], None),
        ("fill_in", ["Rome", 3], None),
        ("fill_in", ["", "  ", "?!"], None),
        ("ordering", ["A"], None),
        ("ordering", ["A", "A", "B"], None),
        ("ordering", ["A", 2], None),
        ("ordering", "ABC", None),
        ("matching", [], None),
        ("matching", [["a", "1"], ["a", "2"]], None),
        ("matching", [["a", "1", "x"]], None),
        ("matching", [["a", 1]], None),
        ("matching", [["a", " "]], None),
        ("matching", {"a": "1"}, None),
        ("matching", [["a", "1"], ["b", "2"]], ["1", "3"]),
    ],
)
def test_malformed_key_raises_whatever_the_response(qtype, answer, options):
    for response in (None, "x", ["x"]):
        with pytest.raises(GradingError):
            grade(qtype, answer, response, options=options)


# --- multiple choice ----------------------------------------------------------------------------

MC_OPTIONS = ["Paris", "Rome", "Berlin", "Vienna"]


def test_multiple_choice_right_and_wrong():
    assert grade("multiple_choice", "Rome", "Rome", options=MC_OPTIONS) == Grade(1.0, "right")
    assert grade("multiple_choice", "Rome", "Paris", options=MC_OPTIONS) == Grade(0.0, "wrong")
    assert grade("multiple_choice", "Rome", "Rome").correct  # options are optional


def test_multiple_choice_compares_option_strings_exactly():
    assert grade("multiple_choice", "Rome", "rome").fraction == 0.0


@pytest.mark.parametrize("response", [None, "", "   ", []])
def test_multiple_choice_not_answered(response):
    assert grade("multiple_choice", "Rome", response, options=MC_OPTIONS) == Grade(0.0, "not answered")


@pytest.mark.parametrize("response", ["Madrid", 1, True, ["Rome"], {"Rome": 1}, 1.5])
def test_multiple_choice_unreadable(response):
    g = grade("multiple_choice", "Rome", response, options=MC_OPTIONS)
    assert g.fraction == 0.0
    assert g.detail.startswith(UNREADABLE)


# --- true / false -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "response", "fraction"),
    [
        (True, True, 1.0),
        (False, False, 1.0),
        (True, False, 0.0),
        (False, True, 0.0),
        (True, "true", 1.0),
        (True, "True", 1.0),
        (False, " FALSE ", 1.0),
        (True, "false", 0.0),
    ],
)
def test_true_false(answer, response, fraction):
    assert grade("true_false", answer, response).fraction == fraction


def test_true_false_not_answered():
    assert grade("true_false", True, None).detail == "not answered"
    assert grade("true_false", True, "").detail == "not answered"


@pytest.mark.parametrize("response", [1, 0, "yes", "1", "t", ["true"], 1.0])
def test_true_false_unreadable(response):
    g = grade("true_false", True, response)
    assert g.fraction == 0.0
    assert g.detail.startswith(UNREADABLE)


# --- fill in ------------------------------------------------------------------------------------


def test_fill_in_right_on_any_variant():
    key = ["Treaty of Rapallo", "Rapallo"]
    assert grade("fill_in", key, "the treaty of Rapallo.") == Grade(1.0, "matches an accepted answer")
    assert grade("fill_in", key, "RAPALLO").correct
    assert grade("fill_in", key, "Rapello") == Grade(1.0, "matches an accepted answer, allowing for spelling")
    assert grade("fill_in", key, "Rapollo treaty") == Grade(0.0, "does not match an accepted answer")


def test_a_fill_in_forgives_a_compound_written_open_or_closed():
    spelt = Grade(1.0, "matches an accepted answer, allowing for spelling")
    assert grade("fill_in", ["exposed lakebed", "lakebed"], "lake bed") == spelt
    assert grade("fill_in", ["Velde Mark"], "Veldemark") == spelt
    assert not grade("fill_in", ["1984"], "19 84").correct


@pytest.mark.parametrize(
    ("key", "response"),
    [
        ("Rapallo", "Rappallo"),  # 7 letters: one edit
        ("Rapallo", "Rpaallo"),  # two letters swapped count as one edit
        ("Kalach-na-Donu", "Kalatch na Donu"),
        ("Peter Schöffer", "Peter Schoffer"),
        ("Peter Schöffer", "Petr Schofer"),  # one edit in each word that is long enough
        ("Constantinople", "Constantinopel"),  # 14 letters: two edits
        ("Xianyang", "Xianjang"),
    ],
)
def test_fill_in_accepts_a_misspelt_name_within_its_length_tolerance(key, response):
    assert grade("fill_in", [key], response).correct


@pytest.mark.parametrize(
    ("key", "response"),
    [
        ("Iraq", "Iran"),  # up to 4 letters: no tolerance
        ("Rapallo", "Rapalllloo"),  # 3 edits
        ("Xianyang", "Xiangyan"),  # 2 edits in 8 letters
        ("Prussia", "Russia"),  # another first letter: another name, not a slip
        ("World War I", "World War II"),  # a short word must be exact
        ("1821", "1822"),  # never for numbers or dates
        ("3 June 1947", "3 June 1946"),
        ("Louis XIV", "Louis XV"),
        ("Treaty of Rapallo", "Rapallo"),  # word for word: no credit for a part
    ],
)
def test_fill_in_spelling_tolerance_has_limits(key, response):
    assert not grade("fill_in", [key], response).correct


def test_spelling_tolerance_scales_with_length():
    assert [spelling_tolerance("x" * n) for n in (1, 4, 5, 8, 9, 20)] == [0, 0, 1, 1, 2, 2]


def test_fill_in_dates_and_numbers():
    assert grade("fill_in", ["16 April 1922"], "1922-04-16").correct
    assert grade("fill_in", ["1.5 million"], "1,500,000").correct
    assert not grade("fill_in", ["16 April 1922"], "April 1922").correct


@pytest.mark.parametrize("response", [None, "", "   \n\t"])
def test_fill_in_not_answered(response):
    assert grade("fill_in", ["Rapallo"], response) == Grade(0.0, "not answered")


def test_fill_in_punctuation_only_never_matches_even_against_an_empty_variant():
    assert grade("fill_in", ["Rapallo", "", "..."], "...").fraction == 0.0
    assert grade("fill_in", ["Rapallo", "", "..."], "?").fraction == 0.0


@pytest.mark.parametrize("response", [42, ["Rapallo"], {"a": "Rapallo"}, True])
def test_fill_in_unreadable(response):
    g = grade("fill_in", ["Rapallo"], response)
    assert g.fraction == 0.0
    assert g.detail.startswith(UNREADABLE)


# --- normaliser ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        # dates, every form
        [
            "16 April 1922",
            "April 16, 1922",
            "16.4.1922",
            "16/4/1922",
            "16-4-1922",
            "1922-04-16",
            "1922/4/16",
            "16th of April 1922",
            "16th of April, 1922",
            "the sixteenth of April 1922",
            "Apr. 16 1922",
            "16 Apr 1922",
            "Sunday, 16 April 1922",
            "16.04.1922",
            "April 16th, 1922",
        ],
        ["1 September 1939", "Sept. 1, 1939", "1 Sep 1939", "1st September 1939", "first of September 1939"],
        ["April 1922", "Apr 1922", "april, 1922", "1922-04", "April of 1922"],
        ["16 April", "April 16", "16th of April", "16.4."],
        ["29 February 2000", "29.2.2000"],
        # numbers
        ["1000", "1,000", "1 000", "1000.0", "one thousand", "a thousand", "1 thousand"],
        ["1.5", "1,5", "1.50", "01.5"],
        ["1500", "1,500", "1 500", "fifteen hundred", "1.5 thousand"],
        ["1500000", "1.5 million", "1,5 million", "1,500,000", "1.500.000", "1 500 000", "1500 thousand"],
        ["1000.5", "1,000.5", "1.000,5", "1 000,5"],
        ["40", "forty", "Forty", "40th", "fortieth"],
        ["42", "forty-two", "forty two", "Forty-second"],
        ["101", "one hundred and one", "a hundred and one", "one hundred one"],
        ["1", "1st", "first", "one", "One"],
        ["21st century", "twenty-first century", "21 century"],
        ["1001 Nights", "A Thousand and One Nights", "one thousand and one nights"],
        ["50%", "50 %", "50 per cent", "fifty percent"],
        # accents, case, articles, punctuation, quotes, dashes
        ["Bažanov", "Bazanov", "BAŽANOV", "bazanov"],
        ["Łódź", "Lodz"],
        ["Ærø", "aero"],
        ["Straße", "strasse"],
        ["Café", "cafe", "CAFÉ", "Cafe\u0301"],
        ["The Treaty of Versailles", "treaty of versailles", "Treaty of Versailles.", "  Treaty   of\tVersailles "],
        ["A Tale of Two Cities", "tale of 2 cities", "A tale of two cities!"],
        ["An Essay", "essay"],
        ["O'Brien", "O’Brien", "OBrien"],
        ["Jean-Paul Sartre", "Jean Paul Sartre", "Jean–Paul Sartre"],
        ["“Liberty”", '"liberty"', "liberty"],
        ["U.S.A.", "USA", "u.s.a", "U. S. A."],
        ["J.R.R. Tolkien", "JRR Tolkien", "J. R. R. Tolkien"],
        ["Marks & Spencer", "Marks and Spencer"],
        ["1914–1918", "1914-1918", "1914 - 1918", "1914 — 1918"],
        ["١٩٢٢", "1922"],
        ["ﬁrst", "first"],  # NFKC ligature
    ],
)
def test_normaliser_joins_equivalent_forms(variants):
    forms = {v: normalise_free_text(v) for v in variants}
    assert len(set(forms.values())) == 1, forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 April 1922", "1922-04-16"),
        ("April 1922", "1922-04"),
        ("16 April", "--04-16"),
        ("1,5 million", "1500000"),
        ("1,500", "1500"),  # a comma before exactly three digits groups thousands
        ("1,50", "1.5"),  # otherwise it is a decimal comma
        ("1,5000", "1.5"),
        ("1.500", "1.5"),  # a single dot is always a decimal point
        ("1.000.000", "1000000"),
        ("007", "7"),
        ("The", "the"),  # an article alone is kept, so it can still be matched
        ("the a b", "b"),
        ("Hundred Years' War", "hundred years war"),  # a bare scale word stays a word
        ("C++", "c + +"),
        ("$1,000", "$ 1000"),
        ("1914-18", "1914 18"),  # a range, not a month
        ("16.4.22", "16 4 22"),  # two-digit years are not read
        ("31 June 1922", "31 1922-06"),  # no such day
        ("29 February 1900", "29 1900-02"),
        ("one two three", "1 2 3"),
        ("nineteen twenty-two", "19 22"),
        ("3.14.15", "3 14 15"),
        ("", ""),
        ("  ?!  ", ""),
    ],
)
def test_normaliser_canonical_forms(text, expected):
    assert normalise_free_text(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1922", "1923"),
        ("Kazan", "Kazakh"),
        ("April 1922", "16 April 1922"),
        ("16 April 1922", "17 April 1922"),
        ("16 April 1922", "16 May 1922"),
        ("16/4/1922", "4/16/1922"),  # numeric dates are read day first only
        ("April 1922", "1922"),
        ("16 April", "16 April 1922"),
        ("1.5", "15"),
        ("1,5", "15"),
        ("1,500", "1.5"),
        ("1.5 million", "1.5"),
        ("1 million", "1 billion"),
        ("second", "seconds"),
        ("forty", "fourteen"),
        ("twenty-one", "twenty"),
        ("Bazanov", "Bazanova"),
        ("Austria", "Australia"),
        ("The Hague", "Hague The"),
        ("may", "May 1922"),
        ("I may go", "I 1922-05 go"),
        ("C++", "C"),
        ("$5", "5"),
        ("often", "of 10"),
        ("Treaty of Rapallo", "Treaty of Versailles"),
        ("North Korea", "South Korea"),
        ("1914-1918", "19141918"),
        ("1,2,3", "123"),
    ],
)
def test_normaliser_keeps_different_answers_apart(a, b):
    assert normalise_free_text(a) != normalise_free_text(b)


def test_normaliser_leaves_ordinary_words_alone():
    text = "Marching in March, we may see tenors often; the attendant's someone"
    assert normalise_free_text(text) == "marching in march we may see tenors often the attendants someone"


def test_normaliser_wants_a_string():
    with pytest.raises(TypeError):
        normalise_free_text(None)


def test_normaliser_is_fast_on_long_input():
    import time

    text = ("one two three 1,000 16 April 1922 " * 2000) + "x" * 10_000
    start = time.perf_counter()
    normalise_free_text(text)
    assert time.perf_counter() - start < 2.0


# --- ordering -----------------------------------------------------------------------------------

KEY5 = list("ABCDE")


@pytest.mark.parametrize(
    ("response", "fraction", "detail"),
    [
        ("ABCDE", 1.0, "all 5 items in order"),
        ("ABDCE", 4 / 5, "4 of 5 items in order"),  # ABCE
        ("BACDE", 4 / 5, "4 of 5 items in order"),  # ACDE
        ("ACBED", 3 / 5, "3 of 5 items in order"),  # ABD / ACE ...
        ("EABCD", 4 / 5, "4 of 5 items in order"),  # ABCD
        ("BADCE", 3 / 5, "3 of 5 items in order"),  # ACE
        ("EDCBA", 0.0, "no items in order"),  # longest run is one item: nothing in order
        ("EDCAB", 2 / 5, "2 of 5 items in order"),  # AB
    ],
)
def test_ordering_partial_credit_longest_ordered_subset(response, fraction, detail):
    g = grade("ordering", KEY5, list(response))
    assert math.isclose(g.fraction, fraction)
    assert g.detail == detail


def test_ordering_two_items():
    assert grade("ordering", ["x", "y"], ["x", "y"]).correct
    assert grade("ordering", ["x", "y"], ["y", "x"]).fraction == 0.0


def test_ordering_accepts_tuples_and_ignores_options():
    assert grade("ordering", ("a", "b", "c"), ("a", "c", "b"), options=["c", "b", "a"]).fraction == pytest.approx(2 / 3)


@pytest.mark.parametrize("response", [None, []])
def test_ordering_not_answered(response):
    assert grade("ordering", KEY5, response) == Grade(0.0, "not answered")


@pytest.mark.parametrize(
    "response",
    [
        "ABCDE",  # a string, not a list
        list("ABCD"),  # an item missing
        list("ABCDEE"),  # too many
        list("ABCDD"),  # a duplicate
        list("ABCDX"),  # an item not in the question
        ["A", "B", "C", "D", 5],  # not a string
        ["A", "B", "C", "D", ["E"]],  # unhashable
        {"A": 1},
        42,
    ],
)
def test_ordering_unreadable(response):
    g = grade("ordering", KEY5, response)
    assert g.fraction == 0.0
    assert g.detail.startswith(UNREADABLE)


# --- matching -----------------------------------------------------------------------------------

PAIRS = [["Rapallo", "1922"], ["Versailles", "1919"], ["Locarno", "1925"], ["Trianon", "1920"]]
RIGHTS = ["1919", "1920", "1922", "1925"]


def test_matching_all_right():
    assert grade("matching", PAIRS, [list(p) for p in reversed(PAIRS)], options=RIGHTS) == Grade(
        1.0, "4 of 4 pairs right"
    )


def test_matching_partial():
    response = [["Rapallo", "1922"], ["Versailles", "1920"], ["Locarno", "1925"], ["Trianon", "1919"]]
    assert grade("matching", PAIRS, response, options=RIGHTS) == Grade(0.5, "2 of 4 pairs right")


def test_matching_partial_response_with_missing_and_none():
    response = [["Rapallo", "1922"], ["Versailles", None], ["Locarno", ""]]
    assert grade("matching", PAIRS, response, options=RIGHTS) == Grade(0.25, "1 of 4 pairs right")


def test_matching_accepts_a_mapping_and_tuples():
    assert grade("matching", PAIRS, {"Rapallo": "1922", "Locarno": "1925"}).fraction == 0.5
    assert grade("matching", [tuple(p) for p in PAIRS], [("Rapallo", "1922")]).fraction == 0.25


def test_matching_right_value_outside_options_is_wrong():
    # 1922 is right, but when the options shown are given, only they count.
    assert grade("matching", [["a", "x"], ["b", "y"]], [["a", "x"], ["b", "z"]], options=["x", "y"]).fraction == 0.5
    assert grade("matching", [["a", "x"], ["b", "y"]], [["a", "x"], ["b", "z"]]).fraction == 0.5


@pytest.mark.parametrize("response", [None, [], {}, [["Rapallo", None], ["Locarno", None]]])
def test_matching_not_answered(response):
    assert grade("matching", PAIRS, response, options=RIGHTS) == Grade(0.0, "not answered")


@pytest.mark.parametrize(
    "response",
    [
        [["Rapallo", "1922"], ["Rapallo", "1919"]],  # a left given twice
        [["Rapallo", "1922"], ["Sevres", "1920"]],  # a left not in the key
        [["Rapallo", "1922", "x"]],  # not a pair
        [["Rapallo", 1922]],  # right not text
        [[1, "1922"]],  # left not text
        [[["Rapallo"], "1922"]],  # unhashable left
        ["Rapallo"],
        "Rapallo=1922",
        42,
    ],
)
def test_matching_unreadable(response):
    g = grade("matching", PAIRS, response, options=RIGHTS)
    assert g.fraction == 0.0
    assert g.detail.startswith(UNREADABLE)


# --- practice mark ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fraction", "checks", "penalty", "mark"),
    [
        (1.0, 0, 10, 1.0),  # submitted without checking: one try
        (1.0, 1, 10, 1.0),
        (1.0, 2, 10, 0.9),
        (1.0, 3, 10, 0.8),
        (0.5, 3, 10, 0.4),
        (1.0, 5, 25, 0.0),
        (1.0, 20, 25, 0.0),  # never negative
        (0.75, 4, 0, 0.75),
        (1.0, 2, 100, 0.0),
        (0.0, 3, 10, 0.0),
        (0.6, 2, 33, 0.402),
    ],
)
def test_practice_mark(fraction, checks, penalty, mark):
    assert practice_mark(fraction, checks, penalty) == pytest.approx(mark)


@pytest.mark.parametrize(("fraction", "checks", "penalty"), [(1.5, 1, 10), (-0.1, 1, 10), (1.0, -1, 10), (1, 1, 101)])
def test_practice_mark_rejects_nonsense(fraction, checks, penalty):
    with pytest.raises(ValueError, match=r"must|cannot"):
        practice_mark(fraction, checks, penalty)


# --- answer score: the one scoring rule of checking, submitting and regrading ----------------------


@pytest.mark.parametrize(
    ("points", "fraction", "practice", "checks", "penalty", "score"),
    [
        (1.0, 1.0, False, 0, 0, 1.0),
        (2.0, 0.5, False, 0, 0, 1.0),
        (1.0, 1.0, False, 3, 50, 1.0),  # an exam counts no checks and no penalty
        (1.0, 1.0, True, 0, 10, 1.0),  # practice, submitted without checking: one try
        (1.0, 1.0, True, 2, 10, 0.9),
        (1.0, 0.5, True, 3, 10, 0.4),
        (1.0, 1.0, True, 20, 25, 0.0),
        # Rounded to 4 places on every path: checking a practice answer used to store 0.26666...
        (1.0, 1 / 3, True, 3, 10, 0.2667),
        (1.0, 2 / 3, False, 0, 0, 0.6667),
        (3.0, 1 / 3, False, 0, 0, 1.0),
        (1.0, 0.6, True, 2, 33, 0.402),
    ],
)
def test_answer_score(points, fraction, practice, checks, penalty, score):
    got = answer_score(points, fraction, practice=practice, checks=checks, penalty_percent=penalty, gave_up=False)
    assert got == score  # exact: the stored number is the rounded one
    assert isinstance(got, float)


@pytest.mark.parametrize(("fraction", "practice", "checks"), [(1.0, True, 1), (0.5, True, 0), (1.0, False, 0)])
def test_an_answer_given_up_scores_nothing_whatever_the_key(fraction, practice, checks):
    # Checking used to reach 0 through a fraction of 0; regrading returned 0 before grading: one rule now.
    assert answer_score(1.0, fraction, practice=practice, checks=checks, penalty_percent=10, gave_up=True) == 0.0


def test_a_score_never_passes_the_points_of_its_question():
    # 0.66666 points rounded up to 0.6667 would break the rule score <= points.
    assert answer_score(0.66666, 1.0, practice=False, checks=0, penalty_percent=0, gave_up=False) == 0.66666


@pytest.mark.parametrize(
    ("points", "fraction"), [(-1.0, 1.0), (math.inf, 1.0), (1.0, 1.5), (1.0, -0.1), (1.0, math.nan)]
)
def test_answer_score_rejects_nonsense(points, fraction):
    with pytest.raises(ValueError, match="must"):
        answer_score(points, fraction, practice=False, checks=0, penalty_percent=0, gave_up=False)


# --- properties ---------------------------------------------------------------------------------

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
item_text = st.text(min_size=1, max_size=20)
label_text = item_text.filter(str.strip)

KEYS = {
    "multiple_choice": ("Rome", MC_OPTIONS),
    "true_false": (True, None),
    "fill_in": (["16 April 1922", "Treaty of Rapallo", "1,5 million"], None),
    "ordering": (KEY5, None),
    "matching": (PAIRS, RIGHTS),
    "multiple_answer": ([["Rome", 0.5], ["Milan", 0.5], ["Turin", -1.0], ["Genoa", 0]], None),
}


@pytest.mark.parametrize("qtype", TYPES)
@settings(max_examples=100, deadline=None)
@given(response=json_like)
def test_grade_never_raises_on_arbitrary_responses(qtype, response):
    answer, options = KEYS[qtype]
    g = grade(qtype, answer, response, options=options)
    assert 0.0 <= g.fraction <= 1.0
    assert isinstance(g.detail, str)
    assert g.detail


@settings(max_examples=100, deadline=None)
@given(response=st.lists(st.sampled_from(KEY5) | item_text, max_size=7))
def test_ordering_never_raises_on_item_lists(response):
    assert 0.0 <= grade("ordering", KEY5, response).fraction <= 1.0


@settings(max_examples=100, deadline=None)
@given(response=st.lists(st.tuples(st.sampled_from([p[0] for p in PAIRS]) | item_text, st.none() | item_text)))
def test_matching_never_raises_on_pair_lists(response):
    assert 0.0 <= grade("matching", PAIRS, response, options=RIGHTS).fraction <= 1.0


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60))
def test_normaliser_never_raises_and_answer_matches_itself(text):
    result = normalise_free_text(text)
    assert isinstance(result, str)
    assert result == result.strip()
    assert "  " not in result
    if result:
        assert grade("fill_in", [text], text).correct


@settings(max_examples=100, deadline=None)
@given(options=st.lists(label_text, min_size=2, max_size=8, unique=True), data=st.data())
def test_multiple_choice_key_grades_full(options, data):
    answer = data.draw(st.sampled_from(options))
    assert grade("multiple_choice", answer, answer, options=options).correct
    assert grade("multiple_choice", answer, answer).correct
    other = data.draw(st.sampled_from([o for o in options if o != answer]))
    assert grade("multiple_choice", answer, other, options=options) == Grade(0.0, "wrong")


@given(answer=st.booleans())
def test_true_false_key_grades_full(answer):
    assert grade("true_false", answer, answer).correct
    assert grade("true_false", answer, str(answer).lower()).correct
    assert grade("true_false", answer, not answer).fraction == 0.0


@settings(max_examples=100, deadline=None)
@given(variants=st.lists(st.text(max_size=30), min_size=1, max_size=4))
def test_fill_in_key_grades_full(variants):
    # a wildcard entry ("*", Moodle's catch-all) matches whatever is typed, though it normalises to nothing
    usable = [v for v in variants if normalise_free_text(v) or has_wildcard(v)]
    if not usable:
        with pytest.raises(GradingError):
            grade("fill_in", variants, "x")
        return
    for variant in usable:
        assert grade("fill_in", variants, variant).correct


@settings(max_examples=100, deadline=None)
@given(key=st.lists(item_text, min_size=2, max_size=8, unique=True), data=st.data())
def test_ordering_key_grades_full_and_any_permutation_is_fair(key, data):
    assert grade("ordering", key, list(key)) == Grade(1.0, f"all {len(key)} items in order")
    shuffled = data.draw(st.permutations(key))
    g = grade("ordering", key, shuffled)
    assert 0.0 <= g.fraction <= 1.0
    assert g.correct == (list(shuffled) == key)
    assert g.fraction == 0.0 or g.fraction >= 2 / len(key)


@settings(max_examples=100, deadline=None)
@given(
    pairs=st.lists(st.tuples(label_text, label_text), min_size=1, max_size=6, unique_by=lambda p: p[0]),
    data=st.data(),
)
def test_matching_key_grades_full(pairs, data):
    rights = data.draw(st.permutations([r for _, r in pairs]))
    response = data.draw(st.permutations([list(p) for p in pairs]))
    assert grade("matching", [list(p) for p in pairs], response, options=rights).correct
    assert grade("matching", pairs, dict(pairs)).correct


@pytest.mark.parametrize(
    ("positions", "fraction", "detail"),
    [
        ({"A": 1, "B": 2, "D": 4}, 3 / 5, "unfinished order: 3 of 5 items in order"),  # C and E without a place
        ({"A": 1, "B": 1, "C": 2, "D": 3}, 2 / 5, "unfinished order: 2 of 5 items in order"),  # A, B share 1
        ({"E": 1, "A": 2}, 0.0, "unfinished order: no items in order"),
    ],
)
def test_an_unfinished_order_is_graded_on_what_is_there(positions, fraction, detail):
    g = grade("ordering", KEY5, {"positions": positions})
    assert math.isclose(g.fraction, fraction)
    assert g.detail == detail


@pytest.mark.parametrize("positions", [{"Z": 1, "A": 2}, {"A": "1"}, {"A": True}, "A1"])
def test_an_unfinished_order_with_foreign_items_or_ranks_is_unreadable(positions):
    assert grade("ordering", KEY5, {"positions": positions}).fraction == 0.0
    assert "could not read the response" in grade("ordering", KEY5, {"positions": positions}).detail


def test_a_key_is_gradeable_exactly_when_its_grader_grades_it():
    from quizapp.attempts.grading import key_problem
    from tests.factories import QUESTIONS

    for spec in QUESTIONS:
        assert key_problem(spec["type"], spec["answer"], options=spec["options"]) is None, spec["type"]
    # Punctuation-only variants normalise to nothing: nothing could ever match them. Moodle's wildcard ``*`` is
    # read as Moodle reads it (any answer), so a key of it alone can be graded.
    assert "letters or digits" in key_problem("fill_in", ["?!"])
    assert "letters or digits" in key_problem("fill_in", ["", "?!", {"text": "...", "fraction": 0.5}])
    assert key_problem("fill_in", ["*"]) is None
    assert key_problem("fill_in", ["*", "?!"]) is None
    assert key_problem("fill_in", ["*", "Hale"]) is None
    # As Moodle's editor requires, one answer must be worth full marks, and it must be one that can match.
    assert "worth full marks" in key_problem("fill_in", [{"text": "Cat", "fraction": 0.5}])
    assert "worth full marks" in key_problem("fill_in", ["?!", {"text": "Cat", "fraction": 0.5}])
    assert "weight" in key_problem("fill_in", [{"text": "Cat", "fraction": 1.5}])
    assert "weight" in key_problem("fill_in", ["Frog", {"text": "Cat", "fraction": -0.5}])
    assert "must be text" in key_problem("fill_in", ["Frog", {"text": "Cat"}])
    assert "only a fill-in" in key_problem("true_false", True, case_sensitive=True)
    assert key_problem("fill_in", ["Frog"], case_sensitive=True) is None
    assert "not among the options" in key_problem("multiple_choice", "D", options=["A", "B", "C"])
    assert "unknown question type" in key_problem("essay", "anything")
    for question_type, key in (("fill_in", ["?!"]), ("multiple_choice", "D")):
        with pytest.raises(GradingError):
            grade(question_type, key, "x", options=["A", "B", "C"])
