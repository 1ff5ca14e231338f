"""A name the model cut from a longer one is no key, so no blank splits a name (issue #15, round 19: "Duncan _____"
for Duncan Campbell Scott, "Barrow upon _____" for Barrow upon Humber)."""

from quizapp.generation.analysis import Mention

from ._articles import parsed, sentence

# Made up for these tests.
TEXT = (
    "Angus Campbell Reid, the chief clerk of the Borders Office from 1901 to 1920, enforced the ban. "
    "Mary Kerr grew up in Stoke upon Tarn in Northumbria and worked there as a weaver. "
    "Yusuf ibn Hasan al-Tarnawi copied the chronicle in Cordoba in 1102. "
    "Sir Walter Dunbar did not annex Northumbria."
)


def _mention(sent_words: str, name: str) -> Mention:
    c = parsed(TEXT)
    return next(m for m in sentence(c, sent_words).mentions if name in m.text)


def test_part_of_a_longer_name_is_a_fragment():
    # the sentence's first word belongs to the name; a joining word ties two proper nouns
    assert _mention("Angus Campbell", "Reid").fragment
    assert _mention("Mary Kerr", "Stoke").fragment
    assert _mention("Yusuf", "Hasan").fragment


def test_a_title_or_a_whole_name_is_not_cut():
    assert not _mention("Sir Walter", "Walter Dunbar").fragment
    assert not _mention("Yusuf", "Cordoba").fragment
    assert not _mention("Mary Kerr", "Northumbria").fragment
