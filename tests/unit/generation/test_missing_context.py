"""Stems that lean on something the reader cannot see (issue #15, round 6; texts made up for the tests)."""

from quizapp.generation.definites import resolve_context
from quizapp.generation.textutil import anaphora_problem

from ._articles import parsed, sentence


def test_a_bare_ordinal_counts_on_from_things_told_before():
    assert anaphora_problem("A fourth, the Codex of Orsk, was found at Kelby in 1970.")
    assert anaphora_problem("A third was built at Kelby in 1601.")
    assert anaphora_problem("A second bridge was built at Kelby in 1601.") is None  # reads alone


def test_the_day_without_saying_which_is_a_day_told_before():
    assert anaphora_problem("The town of Orsk remembers the day as Founders' Day.")
    assert anaphora_problem("On the day of the battle it rained at Orsk.") is None
    assert anaphora_problem("During the day the army of Orsk rested at Kelby.") is None


def test_a_different_view_without_what_it_differs_from_was_told_before():
    assert anaphora_problem("A different approach was offered by the economist Ida Brun in 1965.")
    assert anaphora_problem("In 1702 the guild of Orsk adopted a similar policy.")
    assert anaphora_problem("Ida Brun took a different approach from the guild of Orsk in 1965.") is None
    assert anaphora_problem("The guild of Orsk built a different kind of hall at Kelby in 1601.") is None


LEAGUE = "Governor Aldo Verri refused the League's demands and sent more soldiers to Kelby."
PROMPT = "Who refused the League's demands and sent more soldiers to Kelby?"


def test_a_short_name_in_the_possessive_gets_its_full_name_written_in():
    c = parsed(
        "The miners of Kelby founded the Kelby Reform League in 1854.\n\nThe price of gold fell in 1855.\n\n" + LEAGUE
    )
    assert resolve_context(c, [sentence(c, "refused")], PROMPT, "Aldo Verri") == (
        "Who refused the Kelby Reform League's demands and sent more soldiers to Kelby?",
        None,
    )


def test_a_short_name_whose_full_name_is_not_found_makes_no_question():
    c = parsed("The price of gold fell in 1855.\n\n" + LEAGUE)
    _prompt, problem = resolve_context(c, [sentence(c, "refused")], PROMPT, "Aldo Verri")
    assert problem is not None


def test_a_sentence_the_parser_ends_inside_a_name_is_marked_cut():
    c = parsed(
        "The canal of Kelby opened in 1605. In 2014 the canal was added to the UNESCO World Heritage List.\n\n"
        "1601 - Orsk founded\n1602 - Kelby burnt"
    )
    # the model splits before "World Heritage List."; a timeline's lines end without a stop but on their own line
    assert [s.text for s in c.sentences if s.cut] == ["In 2014 the canal was added to the UNESCO"]


def test_he_is_not_a_name_inside_a_things_of_phrase_nor_through_an_earlier_his():
    from quizapp.generation.pronouns import stand_alone

    # "Marco Pell sold the Orsk estates" would change the fact: the dead man sold nothing
    for middle in ("abandon the war", "abandon his plans"):
        c = parsed(
            f"The death of Marco Pell led the council of Kelby to {middle}, and in 1603 he sold the Orsk "
            "estates to the city of Varna."
        )
        s = sentence(c, "Marco Pell")
        assert stand_alone(c, s, "In 1603 he sold the Orsk estates to the city of Varna.") is None, middle


def test_timeline_lines_run_together_make_no_statement():
    from quizapp.generation.timeline import merged_lines

    c = parsed(
        "Key dates\n\nc. 1583 - Born in Orsk 1622 - Embassy to Kelby; baptised Ana 1624 - Becomes ruler of Orsk\n\n"
        "1601 - The council of Orsk founds a school."
    )
    assert [s.text[:9] for s in c.sentences if merged_lines(s)] == ["c. 1583 -"]
