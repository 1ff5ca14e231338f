"""Reading numbers and text from a request: ASCII digits within the database's integer range, text without
control characters; the URL converters match exactly the numbers ``whole_number`` accepts."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.request_args import (
    DB_INT_MAX,
    IdConverter,
    IndexConverter,
    has_control_characters,
    id_arg,
    ids_arg,
    page_arg,
    text_arg,
    whole_number,
)

ODD = ["", " 1", "1 ", "+1", "-1", "1.0", "1e3", "0x1", "²", "１２", "٣", "1\x00", "2147483648", "9" * 5000, "1_000"]


@pytest.mark.parametrize("value", [*ODD, None, True, False, 1.0, [1], {"1": 1}, -1, 2**31, 10**23])
def test_odd_values_are_no_number(value: object) -> None:
    assert whole_number(value) is None
    assert id_arg(value) is None


@pytest.mark.parametrize(("value", "number"), [("0", 0), ("7", 7), ("007", 7), (12, 12), ("2147483647", DB_INT_MAX)])
def test_ascii_digits_and_ints_in_range_are_numbers(value: object, number: int) -> None:
    assert whole_number(value) == number


def test_an_id_starts_at_one() -> None:
    assert id_arg("0") is None
    assert id_arg("1") == 1


def test_a_list_of_ids_with_one_odd_value_is_refused_whole() -> None:
    assert ids_arg(["3", "1"]) == [3, 1]
    assert ids_arg([]) == []
    assert ids_arg(["3", "²"]) is None


@pytest.mark.parametrize(
    ("value", "page"), [(None, 1), ("", 1), ("0", 1), ("²", 1), ("3", 3), ("99999999999999999999", 1), ("500", 100)]
)
def test_a_page_number_is_one_when_odd_and_at_most_the_last(value: object, page: int) -> None:
    assert page_arg(value, last=100) == page


def test_text_loses_its_control_characters() -> None:
    assert text_arg("ca\x00nal\r\n\x1b\x85x ") == "ca nal    x"
    assert text_arg("canal " * 100, max_length=10) == "canal cana"
    assert text_arg(None) == ""
    assert has_control_characters("/x\r\nSet-Cookie: a")
    assert has_control_characters("\x7f")
    assert not has_control_characters("/history?x=1 ²")


@given(st.integers(min_value=-10, max_value=10**11))
def test_the_converters_match_exactly_the_numbers_in_range(number: int) -> None:
    for converter, lowest in ((IdConverter, 1), (IndexConverter, 0)):
        matches = re.fullmatch(converter.regex, str(number)) is not None
        assert matches == (lowest <= number <= DB_INT_MAX)
        if matches:
            assert converter(None).to_python(str(number)) == number  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["2147483646", "2147483647", "2147483648", "2147483650", "2147483700", "9999999999"])
def test_the_converters_bound_is_exact(text: str) -> None:
    assert (re.fullmatch(IdConverter.regex, text) is not None) == (int(text) <= DB_INT_MAX)
