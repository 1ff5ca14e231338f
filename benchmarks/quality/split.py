"""The fixed rule that splits the quality set into a test half and a development half.

    .venv/bin/python benchmarks/quality/split.py [DIR ...]

Each article's id is its file name without the extension (``07-hanseatic-league``). All ids are sorted by
``sha256("quizapp-quality-split-v1:" + id)`` written in hex; the first half, rounded down, is the test half and the
rest the development half. The rule was committed before any article was written and before any tuning, so
neither the articles nor the generator could be fitted to it. DIR defaults to ``articles/`` beside this file;
give more directories to split articles kept elsewhere together with them. Files whose names are not
``NN-slug.ext`` (a README) are not articles. Prints both lists.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
VERSION = 28
# The number of the first article written for each version. Version 1's test half was burnt on 2026-12-06 (its
# sheets were read while tuning began: see README.md); from version 2 on, every article of an earlier version is
# development material, and the articles written for the version, after the burn, are its test half, whole.
FIRST_NUMBER = {
    1: 1,
    2: 25,
    3: 37,
    4: 49,
    5: 67,
    6: 79,
    7: 91,
    8: 103,
    9: 115,
    10: 127,
    11: 139,
    12: 151,
    13: 163,
    14: 175,
    15: 187,
    16: 199,
    17: 211,
    18: 223,
    19: 235,
    20: 247,
    21: 259,
    22: 271,
    23: 283,
    24: 295,
    25: 307,
    26: 319,
    27: 343,
    28: 355,
}
# An article's file: NN-slug (NNN-slug from 100 on) and an extension. Anything else (a README) is not one.
ARTICLE_NAME = re.compile(r"(\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*)\.[a-z]+")


def salt(version: int = VERSION) -> str:
    """The text put before an id when it is hashed: one per version of the split."""
    return f"quizapp-quality-split-v{version}:"


def split_key(article_id: str, version: int = VERSION) -> str:
    """The hex sha256 that places an id in the order of the split."""
    return hashlib.sha256((salt(version) + article_id).encode("utf-8")).hexdigest()


def split(ids: Iterable[str], version: int = VERSION) -> tuple[list[str], list[str]]:
    """(test, development).

    Version 1: the ids sorted by their split key; the first half, rounded down, is the test half. Later versions:
    the articles written for the version (numbered from ``FIRST_NUMBER[version]``) are the test half; all others
    are development.
    """
    unique = sorted(set(ids))
    if version == 1:
        ordered = sorted(unique, key=lambda article_id: split_key(article_id, version))
        cut = len(ordered) // 2
        return sorted(ordered[:cut]), sorted(ordered[cut:])
    fresh = [i for i in unique if article_number(i) >= FIRST_NUMBER[version]]
    return fresh, [i for i in unique if i not in fresh]


def article_number(article_id: str) -> int:
    """The number an id starts with: 7 for ``07-hanseatic-league``, 101 for ``101-...``."""
    return int(article_id.partition("-")[0])


def article_id(path: Path) -> str | None:
    """The id of an article file (its name without the extension), or None for a file that is not an article."""
    match = ARTICLE_NAME.fullmatch(path.name)
    return match.group(1) if match and path.is_file() else None


def article_ids(directories: Iterable[Path]) -> list[str]:
    """The ids of the article files in the directories; other files and missing directories are skipped."""
    ids: set[str] = set()
    for directory in directories:
        if not Path(directory).is_dir():
            continue
        ids.update(i for i in map(article_id, Path(directory).iterdir()) if i is not None)
    return sorted(ids)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directories", nargs="*", type=Path, default=[ARTICLES])
    args = parser.parse_args(argv)
    ids = article_ids(args.directories)
    test, development = split(ids)
    print(f"split v{VERSION} of {len(ids)} articles")
    print(f"test ({len(test)}):")
    for article_id in test:
        print(f"  {article_id}")
    print(f"development ({len(development)}):")
    for article_id in development:
        print(f"  {article_id}")


if __name__ == "__main__":
    main()
