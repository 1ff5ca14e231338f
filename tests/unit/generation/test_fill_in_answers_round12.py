"""Fill-in answer lists that take a fair answer, and a realm no blank should ask (quality v11, round 12)."""

from quizapp.generation.candidates.fill_in_answers import _variant_names
from quizapp.generation.candidates.name_forms import (
    people_named_as_place,
    people_word_forms,
    without_initials,
)
from quizapp.generation.worth import place_given_away

from ._articles import parsed
from .test_fill_in_answers import _fill_ins

FIRM = (
    "Late on a Saturday in 1911, the workday at the Rhomboid Waist Company was nearly over. "
    "Rhomboid was among the largest makers of blouses in the city. "
    "The Rhomboid Fire killed 146 workers. "
    "The Dutch East India Company traded with the Dutch in 1700."
)


def test_a_bodys_distinctive_first_word_is_accepted_where_the_article_uses_it_alone():
    keys, _ = _fill_ins(FIRM)
    assert "Rhomboid" in keys["Rhomboid Waist Company"]
    assert "Dutch" not in keys.get("Dutch East India Company", [])  # a people's name


def test_a_name_is_accepted_without_its_middle_initial():
    keys, _ = _fill_ins("The commission was chaired by State Senator Oskar T. Brannel with Hugo Vess in 1911.")
    assert "Oskar Brannel" in keys["Oskar T. Brannel"]
    both = frozenset({"oskar t. brannel", "oskar h. t. brannel"})
    assert without_initials("Oskar T. Brannel", both) == []  # "Oskar Brannel" would name two men


def test_a_regnal_name_takes_the_one_title_the_article_gives_rulers():
    text = (
        "In 1704 Pope Clement XI condemned the rites; Benedict XIV confirmed the ban in 1742. "
        "Pope Urban VIII had allowed them in 1630."
    )
    keys, _ = _fill_ins(text)
    assert "Pope Benedict XIV" in keys["Benedict XIV"]
    mixed = text + " King Louis XIV sent an envoy in 1685."
    keys, _ = _fill_ins(mixed)
    assert "Pope Benedict XIV" not in keys["Benedict XIV"]  # two kinds of ruler: no title says which
    # The title is found after any word, not only at an even word of the text ("When King ...").
    keys, _ = _fill_ins(text + " When King Louis XIV sent an envoy in 1685, the rites were debated.")
    assert "Pope Benedict XIV" not in keys["Benedict XIV"]


def test_a_peoples_plural_and_adjective_forms_are_accepted():
    assert {"Mayas", "Mayans", "Mayan people"} <= set(people_word_forms("Maya"))
    assert people_word_forms("Chinese") == ["Chinese people"]  # no plural in "-s"
    assert people_word_forms("Tavrians") == []  # a plural name: its singular is accepted already
    c = parsed("Unlike the Maya, the people of Velora built no pyramids in 300.\n\nThe Velora region was dry.")
    assert people_named_as_place(c, 0, "Maya", "the")
    c = parsed("Unlike the Maya, the people of Velora built no pyramids.\n\nFarmers lived in the Maya long ago.")
    assert not people_named_as_place(c, 0, "Maya", "the")  # written after "in": a place


def test_a_countrys_other_common_names_are_accepted_one_way():
    keys, _ = _fill_ins("In 1608 a Velorese embassy reached the Dutch Republic and was received at The Hague.")
    assert {"Netherlands", "Holland"} <= set(keys["Dutch Republic"])
    assert "Dutch Republic" not in _variant_names().get("holland", [])


def test_the_realm_after_a_rulers_title_and_name_is_given_away():
    c = parsed(
        "Her father accepted an invitation from King Charles V of France in 1368. "
        "The merchants of France sold wool to Flanders in 1370."
    )
    realms = [place_given_away(c, s, m) for s in c.sentences for m in s.mentions if m.text == "France"]
    assert realms[0]
    assert "ruler" in realms[0]
    assert realms[1] is None


def test_a_one_way_line_adds_to_a_names_group_and_replaces_nothing():
    # "United Kingdom" is in a two-way group (UK, U.K.) and on a one-way line (Britain): it keeps both
    assert {"UK", "U.K.", "Britain", "Great Britain"} <= set(_variant_names()["united kingdom"])
    assert "United Kingdom" in _variant_names()["uk"]
    assert "United Kingdom" not in _variant_names().get("britain", [])
