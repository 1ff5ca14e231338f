"""Fair accepted answers (quality v10): the full name without its title, the first of numbered rulers, the content
of a shell noun but never the shell alone, the name before a gathering's class noun."""

from quizapp.generation.candidates.fill_in_answers import other_answers

from .test_fill_in_answers import _fill_ins

TEXT = (
    "In January 1770, Captain Orren Vask's ships Harrow and Lantern reached Kelsby, the first recorded contact. "
    "In February 1771, Vask was killed at Marrow Bay after a dispute over a stolen boat. "
    "In 1790, Tarsin of Ostergau Island conquered Velm and Dask and won the Battle of Harl. "
    "In 1801, Tarsin I died at Kelsby. "
    "In 1810, Tarsin II and Queen Mera died of fever in Lisbon. "
    "In 1820, Tarsin III issued the first laws. "
    "A 2019 study of soils near the great mound found no evidence of the flooding that the erosion hypothesis "
    "predicted. Proposed explanations include flooding, drought and erosion upstream. "
    "At the Pellingford Show at Marrow Hall, prize sheep struggled to breathe."
)


def _answers(text: str, key: str, kind: str, nth: int = 0) -> list[str]:
    """The other answers of a blank on the ``nth`` sentence holding ``key``."""
    _, ctx = _fill_ins(text)
    sent = [s for s in ctx.corpus.sentences if key in s.text][nth]
    base, at = sent.span[0].idx, sent.text.find(key)
    first = next(t for t in sent.span if t.idx - base == at)
    last = [t for t in sent.span if t.idx - base < at + len(key)][-1]
    return other_answers(ctx.corpus, sent, key, first, last, kind)


def test_a_surname_blank_accepts_the_full_name_without_its_title():
    assert "Orren Vask" in _answers(TEXT, "Vask", "person", nth=1)


def test_the_unnumbered_first_ruler_accepts_his_bare_name_and_number_one():
    assert {"Tarsin", "Tarsin I"} <= set(_answers(TEXT, "Tarsin of Ostergau Island", "person"))


def test_an_unnumbered_ruler_after_a_numbered_one_is_not_read_as_the_first():
    text = "In 1790, Tarsin II died of fever in Lisbon. In 1795, Tarsin of Ostergau Island conquered Velm. "
    text += "In 1801, Tarsin I died at Kelsby."
    assert "Tarsin" not in _answers(text, "Tarsin of Ostergau Island", "person")


def test_a_shell_noun_is_never_accepted_alone_but_its_content_is():
    answers = _answers(TEXT, "erosion hypothesis", "term")
    assert "hypothesis" not in answers
    assert {"erosion", "erosion theory"} <= set(answers)


def test_the_content_of_a_shell_noun_needs_the_article_to_write_it_alone():
    text = "The erosion hypothesis predicted floods. Scholars tested the erosion hypothesis in 2019."
    assert "erosion" not in _answers(text, "erosion hypothesis", "term")


def test_the_name_before_a_gatherings_class_noun_is_accepted():
    assert "Pellingford" in _answers(TEXT, "Pellingford Show", "event")
    text = "At the Pellingford Show, sheep fell ill. The Pellingford Market closed in 1953."
    assert "Pellingford" not in _answers(text, "Pellingford Show", "event")  # the name holds another thing too


def test_a_country_someone_moves_to_accepts_the_one_city_of_it_the_article_names():
    text = (
        "The most famous story about the scholar Idris Varn concerns his move to Egypt. "
        "The caliph, who ruled from Cairo, invited him to tame the river."
    )
    assert "Cairo" in _answers(text, "Egypt", "place")
    two = text + " Later he taught for a year in Alexandria."
    assert "Cairo" not in _answers(two, "Egypt", "place")  # which city, the article leaves open
    ruled = "In 1798 the general invaded Egypt. He entered Cairo in July."
    assert "Cairo" not in _answers(ruled, "Egypt", "place")  # an invasion of a country is not of its city


def test_a_ruler_or_a_gathering_the_model_took_for_a_place_gets_the_same_forms():
    assert {"Tarsin", "Tarsin I"} <= set(_answers(TEXT, "Tarsin of Ostergau Island", "place"))
    assert "Pellingford" in _answers(TEXT, "Pellingford Show", "place")
    assert _answers(TEXT, "Marrow Hall", "place") == []  # a place's own name keeps its kind word
