"""Round 10 (issue #15): a place's or a ruler's fuller and shorter names, accepted for a fill-in where the article
gives them and names nothing else by them (texts made up for the tests)."""

from quizapp.generation.candidates.base import Candidate, Context
from quizapp.generation.candidates.fill_in import fill_in_candidates, term_counts
from quizapp.generation.candidates.name_forms import geographic_forms, place_long_form, ruler_forms
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed


def _settled(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with their accepted answers worked out, as the ranker has them (they wait until then)."""
    for c in candidates:
        c.settle()
    return candidates


def test_a_place_is_accepted_with_and_without_the_word_for_its_kind():
    corpus = parsed("The new avenue ran south towards the Veldrun River. In 1650 a bridge was built over the Veldrun.")
    assert geographic_forms(corpus, 0, "Veldrun River") == ["Veldrun"]
    lake = parsed("The traders crossed Lake Osmira in 1402. Osmira froze in the winter of 1408.")
    assert geographic_forms(lake, 0, "Osmira") == ["Lake Osmira"]
    assert geographic_forms(lake, 0, "Lake Osmira") == ["Osmira"]


def test_a_kind_word_stays_where_the_bare_name_is_common_or_names_another_place():
    corpus = parsed("Ships sailed the Red Sea in 1500. The Veldrun River and the Veldrun Delta flooded in 1510.")
    assert geographic_forms(corpus, 0, "Red Sea") == []  # "Red" alone names no sea
    assert geographic_forms(corpus, 0, "Veldrun River") == []  # "Veldrun" would name the delta too
    islands = parsed("Recruiters sailed to the Tarrow Islands in 1870.")
    assert geographic_forms(islands, 0, "Tarrow Islands") == []  # an island group is no name without its word


def test_a_city_named_short_is_accepted_by_its_long_name_the_article_gives():
    corpus = parsed("The court moved to Porto do Sal in 1808. Crowds filled the streets of Porto for days.")
    assert place_long_form(corpus, 0, "Porto") == ["Porto do Sal"]
    two = parsed("Porto do Sal was the capital. Porto da Lua was a fishing town.")
    assert place_long_form(two, 0, "Porto") == []  # which of the two, the short name does not say


def test_a_ruler_is_accepted_with_and_without_title_and_number():
    corpus = parsed("Shah Tahmor I ruled Veldmark from 1588. In 1598 Tahmor moved his court to Osmira.")
    assert ruler_forms(corpus, 0, "Tahmor") == ["Tahmor I", "Shah Tahmor", "Shah Tahmor I"]
    assert ruler_forms(corpus, 0, "Shah Tahmor I") == ["Tahmor I", "Tahmor", "Shah Tahmor"]


def test_a_rulers_number_or_bare_name_is_not_accepted_where_it_could_name_another():
    corpus = parsed("Shah Tahmor I ruled Veldmark from 1588. Tahmor moved his court in 1598. Under Tahmor II it fell.")
    assert ruler_forms(corpus, 0, "Tahmor") == ["Shah Tahmor"]  # which number, the article does not say
    assert ruler_forms(corpus, 0, "Tahmor I") == ["Shah Tahmor I"]  # "Tahmor" alone would name the second too
    other = parsed("Osric III fled to Veldmark in 1850. Osric Bellamy had invaded it in 1800.")
    assert ruler_forms(other, 0, "Osric III") == []


def test_the_fill_in_accepts_the_rivers_name_alone():
    corpus = parsed(
        "Shah Tahmor ruled Veldmark from 1588. "
        "In 1602 a long avenue was laid out running south towards the Veldrun River. "
        "In 1650 a bridge with twenty arches was built over the Veldrun River by the governor of Osmira."
    )
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    keys = {c.key: c.draft.answer for s in corpus.sentences for c in _settled(fill_in_candidates(ctx, s, counts))}
    assert keys["Veldrun River"] == ["Veldrun River", "Veldrun"]


def test_a_ruler_named_bare_before_any_later_numbered_one_is_the_first_of_the_name():
    text = "In 1571 Tahmor was born at Herat. Shah Tahmor I died in 1629. Under Tahmor II the palace was finished."
    corpus = parsed(text)
    born = corpus.documents[0].text.find("Tahmor was born")
    assert "Tahmor I" in ruler_forms(corpus, 0, "Tahmor", born)
    after = corpus.documents[0].text.find("the palace")  # a bare "Tahmor" after "Tahmor II" could be either
    assert "Tahmor I" not in ruler_forms(corpus, 0, "Tahmor", after)
