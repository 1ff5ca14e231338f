"""The drop table (benchmarks/quality/drops.py): where a made-up article's sentences and candidates are lost."""

import sys

from tests.unit.quality_scripts import QUALITY, load_script

ARTICLE = """# The Harlow mills

The first mill at Harlow was built by Ann Lee in 1821 beside the river Stort.
It is.
Because the river froze each winter, the weavers of Harlow worked only in summer.
Lee sold the mill to Thomas Reed in 1840, and Reed added a steam engine in 1843.
"""


def test_the_table_counts_skipped_sentences_and_sums_a_total(tmp_path, capsys):
    (tmp_path / "01-harlow-mills.md").write_text(ARTICLE, encoding="utf-8")
    sys.path.insert(0, str(QUALITY))  # drops imports its neighbours measure and split as the script does
    try:
        drops = load_script("drops")
        drops.main(["--half", "all", "--articles", str(tmp_path), "--sentences"])
    finally:
        sys.path.remove(str(QUALITY))
    out = capsys.readouterr().out
    head, row, total = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert head[:7] == ["article", "words", "cap", "kept", "q/1kw", "sentences", "candidates"]
    assert row[0] == "01-harlow-mills"
    assert total[0] == "TOTAL"
    assert row[1:] == total[1:]
    table = dict(zip(head, row, strict=True))
    assert int(table["skip:heading"]) == 1
    assert int(table["skip:length"]) == 1  # "It is." is too short to ask on
    assert int(table["kept"]) >= 1
    assert "[length] It is." in out


def test_the_keys_columns_say_why_a_barren_sentence_keys_nothing(tmp_path, capsys):
    # two measures with their units: the model reads no count in "250 metres", so no name or number keys it
    text = ARTICLE + "The outer wall of the mill yard was about 250 metres long and 11 metres high.\n"
    (tmp_path / "01-harlow-mills.md").write_text(text, encoding="utf-8")
    sys.path.insert(0, str(QUALITY))
    try:
        drops = load_script("drops")
        drops.main(["--half", "all", "--articles", str(tmp_path), "--keys"])
    finally:
        sys.path.remove(str(QUALITY))
    head, row, _ = [line.split("\t") for line in capsys.readouterr().out.splitlines() if "\t" in line]
    table = dict(zip(head, row, strict=True))
    assert int(table["key:kind_other"]) == 2
    assert "key:none_named" not in table  # a count only where a barren sentence names nothing
