"""The split rule of the quality set (benchmarks/quality/split.py), fixed before any article existed."""

import hashlib

from tests.unit.quality_scripts import load_script

split = load_script("split")


def test_ids_sorted_by_salted_sha256_first_half_rounded_down_is_test():
    ids = ["01-a", "02-b", "03-c", "04-d", "05-e"]
    ordered = sorted(ids, key=lambda i: hashlib.sha256(f"quizapp-quality-split-v1:{i}".encode()).hexdigest())
    test, development = split.split(ids, 1)
    assert test == sorted(ordered[:2])
    assert development == sorted(ordered[2:])
    assert split.split(["01-a"]) == ([], ["01-a"])


def test_the_salt_has_a_version():
    assert split.salt(1) == "quizapp-quality-split-v1:"
    assert split.split_key("01-a", 2) == hashlib.sha256(b"quizapp-quality-split-v2:01-a").hexdigest()


def test_only_files_named_nn_slug_are_articles(tmp_path):
    for name in ("07-hanseatic-league.md", "12-galileo-trial.pdf", "README.txt", ".07-hidden.md", "7-short.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "08-a-directory.d").mkdir()
    assert split.article_ids([tmp_path, tmp_path / "missing"]) == ["07-hanseatic-league", "12-galileo-trial"]


def test_version_2_tests_on_the_articles_written_after_the_burn() -> None:
    ids = ["01-a", "24-b", "25-c", "36-d"]
    assert split.split(ids, 2) == (["25-c", "36-d"], ["01-a", "24-b"])
    assert split.split([*ids, "37-e"], 3) == (["37-e"], ["01-a", "24-b", "25-c", "36-d"])
    assert split.split([*ids, "37-e", "49-f"], 4) == (["49-f"], ["01-a", "24-b", "25-c", "36-d", "37-e"])
    assert split.split(ids) == split.split(ids, split.VERSION)


def test_version_7_counts_ids_of_three_digits_by_their_whole_number(tmp_path) -> None:
    for name in ("90-benin.md", "91-a.txt", "102-b.pdf", "1000-too-long.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    ids = split.article_ids([tmp_path])
    assert ids == ["102-b", "90-benin", "91-a"]
    assert split.split(ids, 7) == (["102-b", "91-a"], ["90-benin"])
