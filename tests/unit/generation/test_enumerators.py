"""A section's or list item's number is no option for a count (a made-up article with numbered sections)."""

from quizapp.generation.distractors import DistractorIndex, enumerator

from ._articles import parsed, sentence

# The only numbers that count things are 26 signs and 40 copies; 1 to 4 number the sections.
SCRIPT = """The Orvan script

1. Origins

The Orvan script was first used by the traders of Kessa in about 900 BCE. Each of its 26 signs stood for a syllable.

2. Spread

The merchant Davor Lenn carried the script to the port of Ulm in 812 BCE. His scribes made 40 copies of the sign list.

3. Decline

The script fell out of use when the kingdom of Kessa was conquered by Tarn in 640 BCE.

4. See also
"""


def test_a_leading_section_number_is_an_enumerator():
    c = parsed(SCRIPT)
    three = next(m for m in sentence(c, "3. Decline").mentions if m.text == "3")
    assert enumerator(three)
    signs = next(m for m in sentence(c, "26 signs").mentions if m.text == "26")
    assert not enumerator(signs)


def test_section_numbers_are_never_options():
    c = parsed(SCRIPT)
    signs = next(m for m in sentence(c, "26 signs").mentions if m.text == "26")
    options = DistractorIndex(c).choose(signs, "26", 2)
    assert not {"1", "2", "3", "4"} & set(options or []), options
