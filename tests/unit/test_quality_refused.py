"""How benchmarks/quality/refused.py reads the answers a reader's note says are refused."""

import sys
from types import ModuleType

import pytest

from tests.unit.quality_scripts import QUALITY, load_script


@pytest.fixture(scope="module")
def refused() -> ModuleType:
    sys.path.insert(0, str(QUALITY))  # refused imports its neighbours measure and split as the script does
    try:
        return load_script("refused")
    finally:
        sys.path.remove(str(QUALITY))


def test_answers_in_backticks_are_read(refused: ModuleType) -> None:
    note = "The fair short form `dan Fodio` (and `Usman`) is refused, while bare `Fodio` is accepted."
    assert refused.named_refusals(note, ["Usman dan Fodio"]) == ["dan Fodio", "Usman"]


def test_answers_in_double_quotes_are_read_and_the_key_left_out(refused: ModuleType) -> None:
    note = 'Only "puerperal fever" accepted; "childbed fever", the article\'s own synonym, is refused'
    assert refused.named_refusals(note, ["puerperal fever"]) == ["childbed fever"]


def test_answers_a_note_asks_to_accept_or_add_are_read(refused: ModuleType) -> None:
    assert refused.named_refusals("Accept `Velm` too; otherwise fair", ["Velm Empire"]) == ["Velm"]
    note = "Accepted answers too narrow: add `al-Veldani` and `Veldani`"
    assert refused.named_refusals(note, ["Muhammad al-Veldani"]) == ["al-Veldani", "Veldani"]
    # "add" asks for a rewording where the note does not speak of answers
    assert refused.named_refusals('Cannot be read alone: add "to the river trade"', ["Velm"]) == []
