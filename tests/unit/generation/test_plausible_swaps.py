"""False statements a reader cannot see through or argue with, and orderings worth doing (issue #15): no swap of
an estimate, no month of the same year, a date from the events around the key, a name of the key's kind from the
same stretch of the article; no ordering item whose place is plain (a birth, a listing centuries later)."""

from quizapp.generation.candidates.true_false import approximate, swappable
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed, sentence
from .test_question_types import _ordering_over

# Paragraphs without dates, so that the last paragraph lies well outside the first one's stretch of the article.
_FILLER = "\n\nThe town kept its old markets.\n\nThe river gave fish and salt.\n\nTraders came from far away.\n\n"


def _swap(corpus, words: str, key_text: str) -> list[str] | None:
    index = DistractorIndex(corpus)
    key = next(m for m in sentence(corpus, words).mentions if m.text == key_text)
    return index.choose(key, key_text, 1, unsupported_only=True, same_article=True)


def test_an_approximate_date_is_not_swapped():
    c = parsed(
        "The painter Jan Vell finished The Weaver in about 1658. The painter Jan Vell finished The Reader in 1652. "
        "In 1664 Jan Vell moved to Kelsby."
    )
    about = sentence(c, "The Weaver")
    key = next(m for m in about.mentions if m.text == "1658")
    assert approximate(key)
    assert not swappable(about, key)  # "about 1662" for "about 1658" is no fact changed
    exact = sentence(c, "The Reader")
    assert swappable(exact, next(m for m in exact.mentions if m.text == "1652"))


def test_a_person_read_as_a_place_and_an_adjective_are_not_swapped():
    c = parsed(
        "Bolívar entered Caracas in 1813. Bolívar was born in Caracas. In 1824 Sucre freed Peru from Spanish rule."
    )
    born = sentence(c, "was born")
    bolivar = next(m for m in born.mentions if m.text == "Bolívar")
    if bolivar.kind == "place":  # the small model reads him as a place: "Lima was born in Caracas" would follow
        assert not swappable(born, bolivar)
    freed = sentence(c, "Spanish rule")
    spanish = next(m for m in freed.mentions if m.text == "Spanish")
    spanish.kind = "person"  # whatever kind the repair gives "Spanish" (one article made it an officer)
    assert not swappable(freed, spanish)  # "from Caracas rule"


def test_a_month_is_not_swapped_for_another_month_of_its_year():
    c = parsed(
        "In March 1841 a storm flooded the valley. In June 1841 the council of Kelsby built a bridge. "
        "In October 1843 the miners struck for higher pay. In May 1844 the mayor of Kelsby opened a school."
    )
    assert _swap(c, "built a bridge", "June 1841") == ["October 1843"]  # not March 1841: a quibble


def test_a_swapped_date_comes_from_the_events_around_the_key():
    c = parsed(
        "In 1838 the printer Jonas Wexley opened a shop in Kelsby. In 1842 the shop printed a map of the river Dane. "
        "In 1847 Jonas Wexley sold the shop to his nephew." + _FILLER + "In 1850 a fire destroyed the market hall."
    )
    # 1850 is nearer to 1847, but belongs to events told far from the key's paragraph
    assert _swap(c, "sold the shop", "1847") == ["1842"]


def test_a_swapped_place_is_named_in_the_same_stretch_of_the_article():
    c = parsed(
        "In 1841 the merchant Arthur Penrose opened a bank in Kelsby, a market town. In 1844 the weavers of Marlow "
        "went on strike. In 1846 a flood damaged the mill at Marlow." + _FILLER + "In 1990 the old mill in Whitby "
        "became a museum. Many tourists travel to Whitby. The museum in Whitby has two rooms."
    )
    # Whitby, named more often, is named only for the present day, far from the key's paragraph
    assert _swap(c, "opened a bank", "Kelsby") == ["Marlow"]


def test_a_name_ending_in_a_building_word_is_no_person_to_swap_in():
    c = parsed(
        "Tomas Verey was born in Kelsby in 1901. His father, Jonas Abel Verey, was a teacher at the village school. "
        "In 1931 Tomas Verey joined the union, and Anna Kell led its strikes. Anna Kell spoke at every meeting. "
        "In 1935 Tomas Verey was sent to Harrow Marsh Prison. Harrow Marsh Prison held him for ten years. "
        "Harrow Marsh Prison is now a museum, and Harrow Marsh Prison is open to visitors."
    )
    # the model reads the prison as a person: "His father, Harrow Marsh Prison" would be absurd
    assert _swap(c, "His father", "Jonas Abel Verey") == ["Anna Kell"]


def test_an_ordering_leaves_out_a_birth_and_a_listing_long_after():
    drafts = _ordering_over(
        "The Varden Mill\n\nThe weaver Ruth Calloway was born at Hollinford in 1771. "
        "Ruth Calloway opened the Varden Mill at Hollinford in 1804. "
        "The engineer Amos Pell installed a steam engine at Hollinford in 1811. "
        "The workers of the Varden Mill at Hollinford struck for higher pay in 1826. "
        "In 1998 the Varden Mill at Hollinford became a museum.\n"
    )
    assert drafts
    items = [item for d in drafts for item in d.answer]
    assert not any("born" in item or "museum" in item for item in items)


def test_a_person_tied_to_a_side_is_swapped_only_for_someone_of_that_side():
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.true_false import other_side

    c = parsed(
        "In 1527 the Inca ruler Tupa Yanqui died of a fever at Quito. In 1529 his sons Manco Huari and Titu Atoq "
        "fought a civil war over the throne. In 1530 Titu Atoq defeated Manco Huari near Cuzco. In 1532 a small "
        "Spanish force led by Diego Varela captured the victorious Titu Atoq at Tumbala. In 1533 the Spanish "
        "captain Luis Ortega founded the town of Piura. In 1534 the Spanish governor Pedro Salas arrived at Tumbala. "
        "In 1531 Manco Huari escaped from Cuzco."
    )
    ctx = Context(c, DistractorIndex(c))
    varela = next(m for m in sentence(c, "Spanish force").mentions if m.text == "Diego Varela")
    assert _swap(c, "Spanish force", "Diego Varela") == ["Manco Huari"]  # what the swap took before
    off = other_side(ctx, varela)
    assert {"manco huari", "titu atoq"} <= off  # an Inca prince leading a Spanish force is false at a glance
    assert not {"luis ortega", "pedro salas"} & off
    wrong = ctx.distractors.choose(varela, "Diego Varela", 1, exclude=off, unsupported_only=True, same_article=True)
    assert wrong != ["Manco Huari"]


def test_a_person_dead_by_the_sentences_time_is_not_swapped_in():
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.swap_kinds import dead_then

    c = parsed(
        "In 1690 King Harald Moss made Tomas Verey governor of Kelsby. In 1699 Harald Moss visited Kelsby. "
        "Tomas Verey's early rule coincided with the crisis that followed Harald Moss's death in 1707. In the war "
        "that year he backed the prince Olaf Brand. The victor, Erik Dane, punished Tomas Verey by seizing Kelsby. "
        "In 1708 Tomas Verey joined Olaf Brand and Erik Dane in an alliance."
    )
    ctx = Context(c, DistractorIndex(c))
    punished = sentence(c, "punished")
    # the paragraph's last year is 1707, the year the article has Harald Moss die: "punished Harald Moss" is nonsense
    assert "harald moss" in dead_then(ctx, punished)
    assert "olaf brand" not in dead_then(ctx, punished)
    assert "harald moss" not in dead_then(ctx, sentence(c, "visited Kelsby"))


def test_a_name_the_statement_already_gives_under_another_word_is_not_swapped_in():
    from quizapp.generation.candidates.swap_kinds import names_itself

    # "Britain had no need of British goods": the people's word names the swapped-in state
    assert names_itself("The emperor's reply stated that   had no need of British goods.", "Britain")
    # "a wall since known as the Commune" beside "Communards": a name built on the swapped-in one
    assert names_itself("Communards captured in the cemetery were shot against a wall known as  .", "Commune")
    assert not names_itself("The emperor's reply stated that   had no need of British goods.", "France")
