"""Options a student cannot rule out by their kind alone (issue #15, round 6; texts made up for the tests)."""

from dataclasses import replace

from quizapp.generation.analysis import Sentence
from quizapp.generation.distractors import DistractorIndex

from ._articles import mention, parsed

TEXT = (
    "In 1101 Aldo Verri was crowned King of Varna at Kelby. In 1102 Marco Pell captured the town of Orsk. "
    "In 1103 Lothar Brenn Aske besieged Kelby. In 1104 Anselm Roth marched to Orsk. "
    "In 1106 Henrik Lisle sailed to Varna. In 1110 traders from Melik came to Brenna."
)


def test_an_office_is_no_option_against_a_persons_name():
    c = parsed(TEXT)
    index = DistractorIndex(c)
    key = mention(c, "Lothar Brenn Aske")
    assert index._other_kind(index.by_norm["king of varna"], key)  # "King of Jerusalem" against a name
    assert not index._other_kind(index.by_norm["marco pell"], key)
    pell = index.by_norm["marco pell"]
    assert index._other_kind(replace(pell, norm="jerusalem", text="Jerusalem"), key)  # a city read as a person


def test_a_persons_first_name_is_no_option_against_a_place():
    c = parsed(TEXT)
    index = DistractorIndex(c)
    key = mention(c, "Melik")
    melik = index.by_norm["melik"]
    # "Aldo", read as a place somewhere, is the first name of Aldo Verri: "sultan of Aldo" is ruled out unread
    assert index._other_kind(replace(melik, norm="aldo", text="Aldo"), key)
    assert not index._other_kind(index.by_norm["orsk"], key)


def test_a_table_row_is_no_sentence():
    c = parsed("Section | Year begun | Route | Main purpose\n\nThe canal reached Kelby in 1605.")
    rows = [s for s in c.sentences if s.table_row]
    assert [s.text for s in rows] == ["Section | Year begun | Route | Main purpose"]
    assert all(isinstance(s, Sentence) for s in rows)


def test_an_office_and_an_ordinal_make_no_matching_pair():
    from quizapp.generation.candidates.matching import _person_pairs

    c = parsed("25 December 1100 - Baldwin I is crowned the first King of Varna in Orsk.")
    assert [p for s in c.sentences for p in _person_pairs(s)] == []  # not "King of Varna -> First"


def test_a_month_is_no_option_against_a_place():
    c = parsed(TEXT + " The feast of Melik fell in Korvion (July-August).")
    index = DistractorIndex(c)
    key = mention(c, "Melik")
    orsk = index.by_norm["orsk"]
    month = replace(orsk, norm="korvion", text="Korvion", mention=mention(c, "Korvion"))
    assert index._other_kind(month, key)  # glossed with months: a time, read as a place
    assert index._other_kind(replace(orsk, norm="boedromion", text="Boedromion"), key)  # a month of Athens
    assert not index._other_kind(orsk, key)


def test_a_name_in_apposition_to_a_thing_is_no_person_to_match():
    from quizapp.generation.candidates.matching import _person_pairs

    c = parsed(
        "According to legend, recorded in the chronicle Harun Bekele, the ruler of Osra, Tafa Mendu, became a "
        "Christian."
    )
    lefts = [p.left for s in c.sentences for p in _person_pairs(s)]
    assert "Harun Bekele" not in lefts  # a book: "Harun Bekele -> Ruler of Osra" would teach a falsehood
