"""Wrong options and swapped facts of the key's own kind, and plausible (texts made up for the tests)."""

from quizapp.generation.distractors import DistractorIndex, pool_of, usable_key

from ._articles import mention as _mention
from ._articles import parsed, sentence


def test_a_swapped_date_stays_within_a_few_years():
    c = parsed(
        "Ruy Mendes was born in Lagos in 1480. Ruy Mendes sailed to Goa in 1510. Ruy Mendes reached Goa in "
        "1511. The fort of Goa fell in 1961. The fort of Goa was rebuilt in 1961. "
        "Ruy Mendes founded a hospital in Cochin in 1515. The hospital of Cochin closed in 1515."
    )
    key = _mention(c, "1480")
    index = DistractorIndex(c)
    got = index.choose(key, "1480", 1, unsupported_only=True, same_article=True)
    assert got != ["1961"]
    assert got is None or abs(int(got[0]) - 1480) <= 10
    # multiple choice may still range wider: plausibility binds only the false statements
    wrong = index.choose(_mention(c, "1510"), "1510", 3)
    assert wrong is not None


def test_buildings_seas_and_name_modifiers_are_no_town_options():
    c = parsed(
        "The treaty was signed at the Mansion House in Bristol. Later the fleet sailed into the Pacific from "
        "Plymouth. The Franklin expedition left Portsmouth in 1845. The fleet returned to Plymouth in 1846. "
        "The mayor of Exeter met the captains in Bristol. Merchants from Exeter sailed to Bristol."
    )
    assert pool_of(_mention(c, "Mansion House")) == "place:facility"
    assert pool_of(_mention(c, "Pacific")) == "place:feature"
    assert not usable_key(_mention(c, "Franklin"))
    key = _mention(c, "Exeter", "mayor")
    wrong = DistractorIndex(c).choose(key, "Exeter", 3) or []
    assert not {"Mansion House", "Pacific", "Franklin"} & set(wrong)


def test_a_name_in_the_prompt_is_no_option():
    c = parsed(
        "Lina Berg led the survey. Professor Karl Lina Berg-Olsen taught at Lund. Erik Holm drew the maps. "
        "Anna Stromberg kept the records. Olof Lind paid the crew. After Lina Berg died in 1890, Erik Holm "
        "edited the report. Anna Stromberg and Olof Lind wrote to Erik Holm."
    )
    s = sentence(c, "edited")
    key = next(m for m in s.mentions if m.text == "Erik Holm")
    wrong = DistractorIndex(c).choose(key, "Erik Holm", 2) or []
    assert all("Berg" not in w for w in wrong)


def test_two_places_in_one_name_are_no_option():
    c = parsed("John Pell died at Frant in Sussex in 1836. He was born at Rye in 1780.")
    both = _mention(c, "Frant in Sussex")  # the model reads the two places as one name
    assert both.kind == "place"
    assert not usable_key(both)


def test_a_place_in_the_possessive_is_no_place_key():
    from quizapp.generation.candidates.multiple_choice import key_ok

    c = parsed("With Lisbon's naval support, the fleet of Genoa sailed to Tunis in 1535.")
    s = c.sentences[-1]
    lisbon = next(m for m in s.mentions if m.text == "Lisbon")
    tunis = next(m for m in s.mentions if m.text == "Tunis")
    assert lisbon.kind == "place"
    assert not key_ok(s, lisbon)
    assert key_ok(s, tunis)


def test_months_of_one_year_and_counts_in_millions_are_different_options():
    c = parsed(
        "The strike began in June 1846. The mills closed in July 1846. The port reopened in March 1847. "
        "The new dock opened in August 1847. The town had about 8.5 million visitors in 1850. "
        "By 1860 the figure had fallen to 6.5 million. Three million came by rail in 1870. "
        "Some two million came by sea in 1880."
    )
    index = DistractorIndex(c)
    months = index.choose(_mention(c, "July 1846"), "July 1846", 3)
    assert months is not None
    assert "June 1846" in months  # same year, another month: a fair wrong option
    counts = index.choose(_mention(c, "8.5 million"), "8.5 million", 3)
    assert counts is not None
    assert "6.5 million" in counts


def test_counts_with_a_scale_word_are_numbers():
    from quizapp.generation.dates import number_variants, parse_number

    assert parse_number("8.5 million") == 8_500_000
    assert parse_number("three million") == 3_000_000
    assert parse_number("1,5 million") == 1_500_000  # a decimal comma, as much of Europe writes it
    assert parse_number("1,300") == 1300
    assert parse_number("one") is None  # a bare word is no count to ask about
    assert parse_number("40 per cent") is None
    assert "8,500,000" in number_variants("8.5 million")
    c = parsed("By 1870 some three million people came by rail. Some 400,000 came by sea in 1880.")
    assert usable_key(_mention(c, "three million"))  # lower case, and a count all the same


def test_a_titled_key_takes_others_of_its_title_first():
    c = parsed(
        "Ada Brant met Karl Ostrow in 1961. Ada Brant and Karl Ostrow met again in 1962. Ruth Calder wrote to "
        "Ada Brant and Karl Ostrow in 1962. Ruth Calder met Hugo Stein and Lena Roth in 1963. Hugo Stein and "
        "Lena Roth left in 1964. Major Emil Varga flew over the island in 1962. Major Otto Lenz was killed "
        "over the island in 1962. Captain Ida Moss flew over the island in 1963. Colonel Jan Falk flew "
        "over the island in 1963."
    )
    key = _mention(c, "Otto Lenz")
    options = DistractorIndex(c).choose(key, key.text, 3)
    assert "Emil Varga" in options  # named once, but a major too
    assert not {"Ada Brant", "Ruth Calder", "Hugo Stein"} & set(options)  # officers only (kinds.py)


def test_a_date_the_same_named_occasion_is_told_with_is_no_wrong_option():
    text = (
        "The war ended with the Treaty of Varna on 13 March 1840. The army crossed the river on 2 January 1840. "
        "The fleet sailed on 9 May 1839. The siege began on 4 October 1839. The Treaty of Varna was signed on "
        "12 March 1840."
    )
    c = parsed(text)
    key = _mention(c, "12 March 1840")
    options = DistractorIndex(c).choose(key, key.text, 3)
    assert options is not None
    assert "13 March 1840" not in options  # the treaty's day told another way
    # a date a month and more away, or of another named thing, may be offered
    assert "2 January 1840" in options


def test_a_count_far_off_the_key_is_no_option():
    far = (
        "The army attacked with 2,000 tanks. It had 450,000 men. The navy had 1,500 boats. The air force had 1,000 "
        "aircraft."
    )

    def options(text):
        c = parsed(text)
        return DistractorIndex(c).choose(_mention(c, "2,000"), "2,000", 3)

    assert options(far) is None  # two counts near it are too few; "450,000" is no third
    assert options(far.replace("450,000 men", "3,000 men")) is not None


def test_a_surname_alone_is_offered_by_the_full_name_against_a_full_name_key():
    c = parsed(
        "Hans Keller led the party in 1955. Keller spoke to the workers in 1956. Keller met the envoys in 1956. "
        "Keller returned to the city in 1958. Keller died in 1960. Maria Weber wrote to the envoys in 1957. "
        "Helen Brooks met the envoys in 1957. Anna Schmidt was shown the photographs in 1962."
    )
    key = _mention(c, "Anna Schmidt")
    options = DistractorIndex(c).choose(key, key.text, 3)
    assert "Keller" not in options  # one word among full names gives itself away
    assert "Hans Keller" in options


def test_a_road_or_an_object_is_no_option_among_places():
    c = parsed(
        "In 170 raiders sacked Attica. In 171 pilgrims gathered at Agrai. In 172 pilgrims gathered at Phaleron. "
        "In 173 pilgrims gathered at Megara. In 174 pilgrims gathered at Thria. "
        "In 175 traders walked along Orvel Road. Orvel Road was paved in 120."
    )
    key = _mention(c, "Attica")
    index = DistractorIndex(c)
    assert index.choose(key, "Attica", 3) is not None
    # four towns and a road: a fifth option would have to be the road, and a road is no place one sacks
    assert "Orvel Road" not in (index.choose(key, "Attica", 5) or [])
