"""The option checks of benchmarks/quality/options_check.py (texts made up for the tests)."""

from collections import Counter

from tests.unit.generation._articles import parsed
from tests.unit.quality_scripts import load_script

check = load_script("options_check")
kind_votes, off_kind = check.kind_votes, check.off_kind


def test_an_option_named_mostly_as_another_kind_is_off():
    votes = {
        "osric hale": Counter(person=3),
        "dunmere": Counter(place=4, person=1),  # a town the model once read as a man
        "velani": Counter(group=2),
        "brother anselm": Counter(person=2, place=1),
    }
    assert off_kind("Osric Hale", ["Dunmere", "the Velani", "Brother Anselm"], votes) == ["Dunmere", "the Velani"]
    # a key or option the article never names whole is not judged
    assert off_kind("1402", ["Dunmere"], votes) == []
    assert off_kind("Osric Hale", ["Jarl Tove"], votes) == []


def test_the_models_shrug_sets_no_kind_but_is_no_vote_for_one():
    votes = {
        "kelby": Counter(other=4, place=1),
        "arnholt": Counter(place=2),
        "old norse": Counter(other=3),
        "ulla vint": Counter(person=2),
    }
    # the key's kind is what the model did call it, however often it shrugged
    assert off_kind("Kelby", ["Arnholt", "Ulla Vint"], votes) == ["Ulla Vint"]
    # an option it never gave a kind is no place either
    assert off_kind("Arnholt", ["Old Norse"], votes) == ["Old Norse"]
    # nor is a key it never gave a kind judged
    assert off_kind("Old Norse", ["Arnholt", "Ulla Vint"], votes) == []


def test_the_votes_count_every_mention_of_a_name():
    c = parsed(
        "The Velani farmed the upper valley for three centuries. "
        "The Velani traded furs with the merchants of Dunmere. "
        "In 1402 the cleric Osric Hale travelled from Dunmere to the valley. "
        "Osric Hale found the farms of the Velani empty."
    )
    votes = kind_votes(c)
    assert votes["osric hale"]["person"] == 2
    assert votes["dunmere"]["place"] == 2
    assert off_kind("Osric Hale", ["Dunmere"], votes) == ["Dunmere"]


def test_the_stems_word_for_the_people_of_the_key_citys_country():
    prompt = "In 1702 the envoy Tarik Bey visited _____ and saw French printing houses."
    assert check.country_people_word(prompt, "Paris", ["Cairo", "Venice", "Istanbul"]) == "French"
    # another French city among the options: the word no longer picks the key
    assert check.country_people_word(prompt, "Paris", ["Lyon", "Venice", "Istanbul"]) is None


def test_the_pools_refuse_another_coarse_or_fine_kind():
    kinds = {
        "amit sen": ["person", "person:writer"],
        "ravi das": ["person", "person:writer"],
        "lal kuthi": ["other", "thing"],  # "the play Lal Kuthi"
        "tamadan": ["place", ""],
        "qurgan": ["place", ""],
        "latin europe": ["place", "place:region"],
    }
    refused = check.refused_by_kind
    assert refused("Amit Sen", "Lal Kuthi", kinds)
    assert not refused("Amit Sen", "Ravi Das", kinds)
    assert refused("Tamadan", "Latin Europe", kinds)
    assert not refused("Tamadan", "Qurgan", kinds)
    assert not refused("Tamadan", "Jarl Tove", kinds)  # a name the article never names whole is not judged


def test_name_kinds_reads_the_kinds_the_analysis_gives():
    c = parsed(
        "In 1860 the writer Tarun Basu published the Bengali play Lal Kuthi. The historian Amit Sen studied it in "
        "1966. Traders from Central Asia came in 1010."
    )
    kinds = check.name_kinds(c)
    assert kinds["lal kuthi"][0] != "person"
    assert kinds["central asia"] == ["place", "place:region"]
