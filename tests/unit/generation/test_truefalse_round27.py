"""Round 27 (issue #15): false statements of the kinds readers take, and none of the kinds they reject: no place
swapped for one that holds the key or lies in it, and no swap inside a title or a quotation (texts made up for the
tests)."""

from quizapp.generation.candidates import Context, true_false_candidates
from quizapp.generation.candidates.true_false import in_a_title_or_quotation
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.gazetteer import lies_in
from quizapp.generation.partwhole import part_of_each_other

from ._articles import mention, parsed, sentence


def test_the_place_list_puts_a_state_in_its_continent_and_a_city_in_its_country():
    assert lies_in("new york state", "north america")
    assert lies_in("delhi", "india")
    assert lies_in("india", "asia")
    assert not lies_in("north america", "new york state")
    assert not lies_in("agra", "delhi")  # two cities side by side: neither holds the other


def test_a_place_that_holds_the_key_is_no_wrong_value_for_it():
    # "five nations in what is now North America" is true of a league in New York State: never swapped in
    c = parsed(
        "Long before the republic, five nations in what is now New York State formed the Orsk League in 1450. "
        "Traders from North America sailed to Kelsby in 1460."
    )
    key = mention(c, "New York State")
    assert part_of_each_other(c, key, "north america")
    assert not part_of_each_other(c, key, "kelsby")


TITLES = (
    "Tomas Rivel, in Marlow and the Struggle for Wool (1987), placed more weight on trade. "
    'In 1952 Ada Holt published "Letters from Egypt", which sold well in Dunmore. '
    "The war between Marlow and Kelsby (1825) ended in 1828."
)


def test_a_name_inside_a_title_or_a_quotation_is_not_swapped():
    c = parsed(TITLES)
    title = sentence(c, "Struggle for Wool")
    assert in_a_title_or_quotation(title, next(m for m in title.mentions if m.text == "Marlow"))
    quoted = sentence(c, "Letters from")
    assert in_a_title_or_quotation(quoted, next(m for m in quoted.mentions if m.text == "Egypt"))
    assert not in_a_title_or_quotation(quoted, next(m for m in quoted.mentions if m.text == "Dunmore"))
    # two places and a bracketed year, no capitalised word of a title beside them: a fact, not a title
    war = sentence(c, "The war between")
    assert not any(in_a_title_or_quotation(war, m) for m in war.mentions if m.kind == "place")


def _false_keys(words: str) -> list[str]:
    c = parsed(TITLES)
    ctx = Context(c, DistractorIndex(c))
    return [cand.key for cand in true_false_candidates(ctx, sentence(c, words)) if cand.draft.answer is False]


def test_a_place_in_a_title_is_not_swapped_and_its_true_statement_stays():
    # "in Marlow and the Struggle for Wool (1987)": a book, not where Rivel was; "Egypt" inside a quoted title
    assert "Marlow" not in _false_keys("Struggle for Wool")
    assert "Egypt" not in _false_keys("Letters from")
    c = parsed(TITLES)
    ctx = Context(c, DistractorIndex(c))
    assert any(cand.draft.answer is True for cand in true_false_candidates(ctx, sentence(c, "Letters from")))
