"""Round 8 (issue #15): no key that is only part of a date; options of one form and one region (texts made up for
the tests)."""

from quizapp.generation.date_parts import bare_date_part
from quizapp.generation.distractors import Value, render_like
from quizapp.generation.option_fit import ruled_out

from ._articles import mention, parsed


def test_an_era_marker_or_the_day_of_a_month_alone_asks_nothing():
    c = parsed(
        "The lettering suggests a date between about 150 and 100 BC. "
        "1858 (16 Aug) The message of the queen was received at the station."
    )
    era = [m for m in c.mentions() if m.text == "BC"]
    day = [m for m in c.mentions() if m.text == "16"]
    assert era or day
    assert all(bare_date_part(m) for m in era + day)
    assert not any(bare_date_part(m) for m in c.mentions() if m.text in ("1858", "150 and 100"))


def test_every_year_option_takes_the_keys_era_form():
    c = parsed("In 1498 the fleet reached the coast. In 1500 CE the fleet burned the town. In 1502 the ruler paid.")
    key = mention(c, "1502")
    other = next(m for m in c.mentions() if m.date is not None and m.date.year == 1500)
    assert render_like(key, Value(other.norm, other.text, other)) == "1500"


def test_a_place_off_the_continent_of_the_places_the_stem_lists_is_ruled_out():
    c = parsed(
        "Coffeehouses opened in Oxford in 1650, London in 1652 and Paris in 1670. "
        "Coffee came to Cairo and Bristol by sea."
    )
    key = mention(c, "Oxford")
    prompt = "Coffeehouses opened in _____ in 1650, London in 1652 and Paris in 1670."

    def out(norm: str) -> bool:
        value = next(m for m in c.mentions() if m.norm == norm)
        return ruled_out(c, key, norm, value, {value.sent.id}, prompt, None)

    assert out("cairo")  # an African city among European ones
    assert not out("bristol")
    one = parsed("In 1895 Japan took Taiwan from China. Russia watched.")
    key = mention(one, "Taiwan")
    value = mention(one, "Russia")
    # one other place is the actor, not a list the key belongs to
    assert not ruled_out(one, key, "russia", value, {value.sent.id}, "In 1895, Japan took _____.", None)
