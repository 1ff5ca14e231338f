"""A false statement moves a date only to another date of the article, and only where the date is what the
sentence is about; a year the article never gives makes no false statement (issue #15, round 18)."""

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.open_dates import open_ended
from quizapp.generation.candidates.true_false import true_false_candidates
from quizapp.generation.candidates.year_swaps import core_event
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence

# Made up for these tests: the dated events are two years apart or more than ten, so no year of the article is a
# plausible slip for another (three to ten years off, inside the window).
FERRY = (
    "In 1820 the ferry of Dunmore carried cattle across the river Tarn. "
    "In 1822 the merchants of Dunmore built a toll bridge over the Tarn. "
    "In 1824 the toll bridge of Dunmore burned down. "
    "In 1840 the railway reached Dunmore."
)


def _false_of(words: str, text: str = FERRY) -> list[str]:
    c = parsed(text)
    ctx = Context(c, DistractorIndex(c))
    out = []
    for cand in true_false_candidates(ctx, sentence(c, words)):
        if cand.draft.answer is False and cand.finish is not None and cand.finish():
            out.append(cand.draft.prompt)
    return out


def test_no_year_the_article_never_gives_makes_a_false_statement():
    # no other year of the article lies three to ten years off 1822: "In 1827 the merchants ..." would be false
    # only by a made-up number, the readers' "hair-splitting date swap" (29 rejects, 2 wrong keys, 6 as-is)
    assert _false_of("built a toll bridge") == []


def test_another_year_of_the_article_still_makes_the_false_statement():
    # 1820, four years before the fire, is a year the article gives
    assert _false_of("burned down") == ["In 1820 the toll bridge of Dunmore burned down."]


def test_a_year_with_an_era_that_opens_a_stretch_is_not_moved():
    # "since 37 BCE" stays true of a calendar in use since 45 BCE: the parse hangs "45" on "BCE", not on "since"
    c = parsed("Since 45 BCE, the towns of Veldmark used the old calendar. From 501 BCE Varna elected ten generals.")
    for words in ("Since 45 BCE", "From 501 BCE"):
        key = next(m for m in sentence(c, words).mentions if m.date is not None)
        assert open_ended(key), words
        assert not open_ended(key, blank=True)  # a blank still asks for the year written


# Made up: a bridge article whose side details (a later find) are dated too.
BRIDGE = (
    "In 1820 the ferry of Dunmore carried cattle across the river Tarn. "
    "In 1822 the merchants of Dunmore built a toll bridge over the Tarn. "
    "In 1824 the toll bridge of Dunmore burned down. "
    "In 1832 the archaeologist Edwin Marlow found old coins in the mud of the Tarn. "
    "In 1835 the merchant Joseph Carrow of Dunmore married a weaver's daughter. "
    "Joseph Carrow rebuilt the bridge in 1836. Joseph Carrow paid for its tolls. "
    "In 1840 the railway reached Dunmore."
)


def test_a_date_is_swapped_only_where_it_is_what_the_sentence_is_about():
    # the merchants of Dunmore (named in four sentences) are what the article is about: their year is worth a
    # false statement; an archaeologist named once is a side detail: no false statement on his find
    assert _false_of("built a toll bridge", BRIDGE) != []
    assert _false_of("found old coins", BRIDGE) == []
    assert _false_of("rebuilt the bridge in 1836", BRIDGE) != []  # Carrow, named three times, is a subject too
    # a subject whose word is in the title is the article's subject even when named once
    c = parsed(
        "The guild of weavers in Brackton was founded in 1702. In 1720 the guild built a hall.",
        titles=("The Brackton Guild",),
    )
    ctx = Context(c, DistractorIndex(c))
    key = next(m for m in sentence(c, "built a hall").mentions if m.date is not None)
    assert core_event(ctx, key)
    side = parsed(
        "The guild of weavers in Brackton was founded in 1702. In 1720 the painter Ada Finch drew it.",
        titles=("The Brackton Guild",),
    )
    ctx = Context(side, DistractorIndex(side))
    key = next(m for m in sentence(side, "drew it").mentions if m.date is not None)
    assert not core_event(ctx, key)


# Made up: a side detail that names a town among other towns the article names.
TOWNS = (
    "In 1820 the merchants of Dunmore traded wool with Kelso and Hawick. "
    "In 1822 the merchants of Dunmore built a toll bridge to Kelso. "
    "In 1824 the merchants of Dunmore opened a market at Hawick. "
    "In 1832 the archaeologist Edwin Marlow found old coins at Selkirk. "
    "In 1840 the railway reached Dunmore."
)


def test_a_sentence_whose_date_is_a_side_detail_gives_no_false_statement_at_all():
    # not by its year, and not by its town either: a side detail swapped is still a side detail
    assert _false_of("found old coins", TOWNS) == []
    assert _false_of("built a toll bridge", TOWNS) != []


def test_no_one_else_is_swapped_in_for_who_was_born():
    # "Thomas Hale was born in Dunmore": another person of the article put in the birth is absurd
    text = (
        "In 1790 Thomas Hale founded the Dunmore ferry company. In 1795 Thomas Hale built a dock at Dunmore. "
        "Arthur Penrose was born in Dunmore on 3 May 1801 into a family of ferrymen. "
        "In 1822 Arthur Penrose built a toll bridge over the Tarn. In 1830 the railway reached Dunmore."
    )
    c = parsed(text)
    ctx = Context(c, DistractorIndex(c))
    sent = sentence(c, "was born")
    swaps = [
        cand.draft.confidence_reasons[-1] for cand in true_false_candidates(ctx, sent) if cand.draft.answer is False
    ]
    assert not any("person swapped" in reason for reason in swaps)
