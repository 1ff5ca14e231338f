"""Place names (a vote for 'place' when the model is unsure) and aliases of states.

Cities and countries come from GeoNames (cities over 15,000 people), kept in ``data/places.tsv``
(see place_list.py); without that file only the small built-in lists below are used, and entity
repair falls back on the other cues.
"""

from __future__ import annotations

import functools
from importlib import resources

from .place_list import Places, read_places

# Names one state went by in history: options naming the same state twice would be
# two right answers ("Russia" against "the Soviet Union").
ALIAS_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(g)
    for g in (
        {
            "russia",
            "soviet russia",
            "soviet union",
            "ussr",
            "the ussr",
            "russian empire",
            "russian federation",
            "soviets",
            "muscovy",
        },
        {
            "germany",
            "german reich",
            "reich",
            "weimar republic",
            "third reich",
            "german empire",
            "prussia",
            "nazi germany",
            "west germany",
            "east germany",
            "federal republic of germany",
            "frg",
            "gdr",
        },
        {"britain", "great britain", "united kingdom", "uk", "england", "british empire"},
        {"united states", "united states of america", "usa", "us", "u.s.", "america"},
        {"netherlands", "holland", "dutch republic"},
        {"iran", "persia"},
        {"turkey", "ottoman empire", "türkiye"},
        {"austria", "austria-hungary", "habsburg monarchy", "austrian empire"},
        {"czechoslovakia", "czech republic", "czechia", "bohemia"},
        {"china", "people's republic of china", "prc", "qing china"},
        {"japan", "empire of japan"},
        {"sri lanka", "ceylon"},
        {"thailand", "siam"},
        {"myanmar", "burma"},
        {"ethiopia", "abyssinia"},
        {"istanbul", "constantinople", "byzantium"},
        {"st. petersburg", "saint petersburg", "petrograd", "leningrad"},
        {"volgograd", "stalingrad", "tsaritsyn"},
    )
)

_CITY_ALIASES = frozenset(
    {
        "istanbul",
        "constantinople",
        "byzantium",
        "st. petersburg",
        "saint petersburg",
        "petrograd",
        "leningrad",
        "volgograd",
        "stalingrad",
        "tsaritsyn",
    }
)
_BUILTIN_COUNTRIES = frozenset(n for g in ALIAS_GROUPS for n in g) - _CITY_ALIASES | frozenset(
    {
        "france",
        "italy",
        "spain",
        "portugal",
        "poland",
        "sweden",
        "norway",
        "denmark",
        "finland",
        "belgium",
        "switzerland",
        "hungary",
        "romania",
        "bulgaria",
        "greece",
        "serbia",
        "yugoslavia",
        "ukraine",
        "lithuania",
        "latvia",
        "estonia",
        "egypt",
        "india",
        "canada",
        "mexico",
        "brazil",
        "argentina",
        "chile",
        "australia",
    }
)
_CONTINENTS = frozenset(
    {
        "europe",
        "asia",
        "africa",
        "north america",
        "south america",
        "oceania",
        "antarctica",
        "eastern europe",
        "western europe",
        "central europe",
        "the baltics",
        "baltics",
        "scandinavia",
        "the balkans",
        "balkans",
        "middle east",
        "siberia",
    }
)


PLACES_FILE = "data/places.tsv"  # written by scripts/build_places.py


@functools.lru_cache(maxsize=1)
def _places() -> Places | None:
    try:
        return read_places(resources.files("quizapp.generation").joinpath(PLACES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # the place list is optional: entity repair works without it


@functools.lru_cache(maxsize=1)
def _load() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    places = _places()
    if places is None:
        return _BUILTIN_COUNTRIES, _CITY_ALIASES - _BUILTIN_COUNTRIES, frozenset()
    countries = _BUILTIN_COUNTRIES | places.countries
    # States are larger than cities: "California" must not stand against "San Francisco".
    return countries, (places.cities | _CITY_ALIASES) - countries - places.states, places.states


def place_class(norm: str) -> str | None:
    """'country', 'region' (a continent or a larger area), 'state', 'city', or None if not known as a place."""
    countries, cities, states = _load()
    if norm in _CONTINENTS:
        return "region"
    if norm in states:
        return "state"
    if norm in countries:
        return "country"
    if norm in cities:
        return "city"
    return None


def alias_group(norm: str) -> int | None:
    """Index of the alias group a name belongs to, or None."""
    return _ALIAS_INDEX.get(norm)


# name -> the first alias group holding it: every option of every question asks
_ALIAS_INDEX: dict[str, int] = {}
for _i, _group in enumerate(ALIAS_GROUPS):
    for _name in _group:
        _ALIAS_INDEX.setdefault(_name, _i)


def containers(norm: str) -> frozenset[str]:
    """The countries (and US states) a city of the place list lies in, by every city of that name; empty if
    the list does not know it."""
    places = _places()
    return places.containers.get(norm, frozenset()) if places else frozenset()


# Larger areas a stem may put a place in ("in central Europe"), by the continent that holds them.
REGION_CONTINENTS: dict[str, str] = {
    **dict.fromkeys(
        ("europe", "central europe", "eastern europe", "western europe", "northern europe", "southern europe",
         "scandinavia", "the balkans", "balkans", "the baltics", "baltics"),
        "EU",
    ),
    **dict.fromkeys(
        ("asia", "east asia", "central asia", "south asia", "southeast asia", "middle east", "siberia"), "AS"
    ),
    **dict.fromkeys(("africa", "west africa", "east africa", "north africa", "southern africa"), "AF"),
    "north america": "NA",
    "south america": "SA",
    "oceania": "OC",
}  # fmt: skip


# Continents as a name's last word: "Latin Europe", "Central Asia", "Spanish America" are regions, never towns.
CONTINENT_WORDS = frozenset({"europe", "asia", "africa", "america", "americas", "oceania"})


def continents(norm: str) -> frozenset[str]:
    """The continents (GeoNames codes: "EU", "AS" ...) a country or city of the place list lies in, by every
    place of that name; empty if the list does not know it."""
    places = _places()
    return places.continents.get(norm, frozenset()) if places else frozenset()


# "the Americas" and "America" as a continent: a wider area than one GeoNames continent.
_AMERICAS = {"america": frozenset({"NA", "SA"}), "americas": frozenset({"NA", "SA"})}
_UNITED_STATES = "united states"


def lies_in(inner: str, outer: str) -> bool:
    """Whether the place list puts the place ``inner`` (a norm) inside ``outer``: a city in its country or US
    state, a US state in the United States, a city, a state or a country in a continent or a larger area it lies
    in ("New York State" in "North America", "Delhi" in "South Asia"). A place of that name anywhere counts: the
    caller wants to know whether one name may hold the other, and a false statement that swaps in a place holding
    the key, or lying in it, is arguably true (round 27, reader 22)."""
    if inner.endswith(" state") and place_class(inner.removesuffix(" state")) == "state":
        inner = inner.removesuffix(" state")  # "new york state"
    if outer.startswith("the "):
        outer = outer.removeprefix("the ")
    if inner == outer:
        return False
    state = place_class(inner) == "state"
    if outer in containers(inner) or (state and alias_group(outer) == alias_group(_UNITED_STATES)):
        return True
    areas = _AMERICAS.get(outer) or (frozenset({REGION_CONTINENTS[outer]}) if outer in REGION_CONTINENTS else None)
    if areas is None:
        return False
    held = continents(inner) | (frozenset({"NA"}) if state else frozenset())
    return bool(held & areas)
