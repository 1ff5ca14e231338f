"""An event told twice at different dates: a question on one must carry its year (texts made up for the tests)."""

from quizapp.generation.repeats import told_twice

from ._articles import parsed, sentence

VOYAGES = (
    "In 1861 HMS Valiant left Liverpool with the first cable. The cable broke after 200 miles.\n\n"
    "In 1863 HMS Valiant left Liverpool again with a heavier cable. This time the cable reached Halifax."
)


def test_a_deed_the_article_tells_at_two_dates_needs_its_year():
    c = parsed(VOYAGES)
    s = sentence(c, "first cable")
    assert told_twice(c, s, "HMS Valiant left Liverpool with the first cable.")
    assert not told_twice(c, s, "In 1861 HMS Valiant left Liverpool with the first cable.")


def test_what_the_blank_asks_may_be_the_same_both_times():
    # the place is the key: both voyages began there, so the answer is one
    c = parsed(VOYAGES)
    s = sentence(c, "first cable")
    assert not told_twice(c, s, "HMS Valiant left _____ with the first cable.", "Liverpool")


def _twice(text, words, prompt, key=""):
    c = parsed(text)
    return told_twice(c, sentence(c, words), prompt, key)


def test_other_deeds_of_the_same_names_are_not_the_same_event():
    text = (
        "In 1930 the Governor of Lorn banned the Weavers' Union of Tamsa. "
        "In 1936 the Labour government of Lorn recognised the Weavers' Union of Tamsa as lawful."
    )
    assert not _twice(text, "banned", "The Governor of Lorn banned the Weavers' Union of Tamsa in _____.", "1930")


def test_the_same_deed_at_another_place_is_another_event():
    c = parsed("In 1842 Charles Dickens visited Boston. In 1868 Charles Dickens visited Chicago.")
    s = sentence(c, "Boston")
    assert not told_twice(c, s, "Charles Dickens visited Boston.")
    assert told_twice(c, s, "Charles Dickens visited _____.", "Boston")


def test_words_that_tell_the_two_apart_are_enough():
    c = parsed("In 1356 the first general Diet met in Lubeck. In 1669 the last Diet met in Lubeck.")
    s = sentence(c, "first")
    assert not told_twice(c, s, "When did the first general Diet meet in Lubeck?", "1356")


def test_the_same_deed_by_another_named_doer_is_another_event():
    c = parsed("In 1759 Portugal expelled the Society of Jesus. In 1767 Spain expelled the Society of Jesus.")
    s = sentence(c, "Portugal")
    assert not told_twice(c, s, "When did Portugal expel the Society of Jesus?", "1759")
