"""Wrong options that are not wrong (issue #15): a place that holds the key's site or lies in it, a chamber of the
keyed legislature, a value the article pairs with the key. Made-up texts; each test fails without its rule."""

from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.partwhole import chamber, legislature, named_after, paired, part_of_each_other

from ._articles import mention, parsed, sentence


def _choose(corpus, words: str, key_text: str, n: int = 3, swap: bool = False) -> list[str] | None:
    index = DistractorIndex(corpus)
    key = next(m for m in sentence(corpus, words).mentions if m.text == key_text)
    if swap:
        return index.choose(key, key_text, 1, unsupported_only=True, same_article=True)
    return index.choose(key, key_text, n)


def test_the_articles_own_words_say_what_holds_what():
    c = parsed(
        "The Bardo Works, in Kelsby, made steam engines from 1820. Marlow's Grey Abbey was rebuilt in 1701. "
        "The Harbour Guild of Ostrel ran the docks."
    )
    assert part_of_each_other(c, mention(c, "Bardo Works"), "kelsby")  # "X, in Y"
    assert part_of_each_other(c, mention(c, "Kelsby"), "bardo works")  # and the other way round
    assert part_of_each_other(c, mention(c, "Grey Abbey"), "marlow")  # "Y's X"
    assert part_of_each_other(c, mention(c, "Harbour Guild"), "ostrel")  # "X of Y"
    assert not part_of_each_other(c, mention(c, "Bardo Works"), "marlow")


def test_a_place_that_locates_other_sites_is_no_option_against_a_site_the_article_does_not_locate():
    c = parsed(
        "The priests of Amun grew rich at Velmora. The queen's tomb was cut into the cliffs opposite Velmora. "
        "At Dunkar, the queen raised two obelisks for her jubilee. Her ships sailed to Ostrel for incense. "
        "Her armies fought in Kesh. The old capital of Harrab kept its walls. Traders from Ostrel reached Harrab "
        "in 1470 BC. Her father died in Marrow."
    )
    # Dunkar may well lie in Velmora, the place the article locates a tomb by: "Where ...? Velmora" could be right
    wrong = _choose(c, "two obelisks", "Dunkar")
    assert wrong is not None
    assert "Velmora" not in wrong


def test_a_chamber_is_no_wrong_option_against_its_legislature():
    assert legislature("congress")
    assert legislature("the imperial diet")
    assert not legislature("senate")
    assert chamber("the u.s. senate")
    assert chamber("house of commons")
    assert not chamber("congress")
    c = parsed(
        "In 1880 Congress passed a bill on tariffs. The Senate debated the bill for a month. "
        "The High Court struck down the law in 1883. The Farmers' League campaigned against the tariff. "
        "The Grange Society backed the farmers. The Iron Union opposed the bill. "
        "In 1882 Congress passed a new version of the bill, which President Dorn signed. "
        "The Senate passed a resolution in 1890. The Iron Union and the Grange Society met in 1884."
    )
    key = mention(c, "Congress", "new version")
    assert part_of_each_other(c, key, "senate")
    wrong = _choose(c, "new version", "Congress")
    assert wrong is not None
    assert "Senate" not in wrong


def test_no_false_statement_swaps_in_a_value_the_article_pairs_with_the_key():
    c = parsed(
        "In 1540 the king recovered Toledo and Madrid. "
        "In 1556 the rebel general Hosk, who had seized Toledo, was defeated at Valencia by the king. "
        "In 1560 the king built a fort at Madrid. The court moved to Madrid in 1571. The king died at Madrid in 1580. "
        "The rebels burned Valencia in 1550."
    )
    assert paired(c, mention(c, "Toledo", "had seized"), "madrid")
    # "Hosk had seized Madrid" is no safe False: the article says Madrid was taken back with Toledo
    assert _choose(c, "had seized", "Toledo", swap=True) is None


def test_a_copula_and_a_participle_place_a_name_and_the_island_of_names_it():
    c = parsed("Varnok was a trading kingdom centred on the harbour town of Selm on the island of Durra.")
    assert part_of_each_other(c, mention(c, "Varnok"), "durra")  # "X was a N centred ... on the island of Y"
    assert part_of_each_other(c, mention(c, "Varnok"), "selm")  # "on the harbour town of Y"


def test_a_name_identified_with_another_lies_where_the_other_does():
    c = parsed(
        "Tesmar was a river kingdom centred in eastern Durra. "
        "The copper plate names Rakh, king of Golvendra, which is usually identified with Tesmar."
    )
    assert part_of_each_other(c, mention(c, "Golvendra"), "tesmar")
    assert part_of_each_other(c, mention(c, "Golvendra"), "durra")  # Tesmar lies in Durra, so Golvendra does


def test_a_place_named_on_the_keys_holder_is_no_wrong_option():
    c = parsed(
        "Orvin was born in 1802 in Kelbo, a district of Sarn, in the Kingdom of Vaskia. "
        "His ashes were later moved to Sarnhold."
    )
    key = mention(c, "Kelbo")
    assert part_of_each_other(c, key, "sarnhold")  # a town built on "Sarn", which holds Kelbo
    assert not part_of_each_other(c, key, "orvin")


def test_a_name_with_extra_words_is_not_built_on_a_holder():
    assert named_after("sarnhold", "sarn")
    assert not named_after("sarn city", "sarn")  # "Mexico City" holds no port of Mexico
    assert not named_after("sarnhold", "sar")  # too short a stem to tell
