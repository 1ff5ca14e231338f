"""Options a student rules out without knowing anything (issue #15, round 7; texts made up for the tests)."""

import pytest

from quizapp.generation.option_fit import drop_nationality, ruled_out, stem_nationality

from ._articles import mention, parsed


def _sentences(corpus, norm: str) -> set[int]:
    return {m.sent.id for m in corpus.mentions() if m.norm == norm}


def _out(corpus, key, norm: str, prompt: str = "", years=None, swap: bool = False) -> bool:
    value = next(m for m in corpus.mentions() if m.norm == norm)
    return ruled_out(corpus, key, norm, value, _sentences(corpus, norm), prompt, years, swap)


def test_the_article_says_what_a_name_is_through_an_apposition_or_a_building():
    c = parsed(
        "Some historians, notably Varro Quill, doubted the story in 1901. "
        "In 1520 Pope Linus issued the bull Surge Domine against the preacher. "
        "In 1515 the Pope raised money for St Aldo's Basilica in Rome. "
        "In July 1562 the Franciscan friar Diego Landez burned the books."
    )
    assert mention(c, "Diego Landez").fine == "person:cleric"  # no option among twentieth-century scholars
    assert mention(c, "Varro Quill").fine == "person:writer"  # a historian among the actors
    assert mention(c, "Surge Domine").fine == "thing"  # a papal bull, no person
    assert all(m.fine == "thing" for m in c.mentions() if m.norm.startswith("st aldo"))  # a church's name


# (why, text, key, ruled out, kept, years the key's part tells of, a false statement's swap)
CASES = [
    (
        "a person's other name is the same person",
        "Tomas Brek, who for most of his life used the name Jan Vell, was a writer. "
        "In 1760 Brek married Ada Moor in Kelby. In 1762 Brek met Carl Aske and Piet Lund in Orsk.",
        "Ada Moor", ["jan vell"], ["carl aske"], None, False,
    ),
    (
        "a relative named in passing is no option against someone unrelated, nor her sister listed after her",
        "In 1792 Tomas Brek married Ada Moor in Kelby. They had two daughters, Mira Brek and Lena Brek. "
        "In 1794 Brek met Carl Aske and Piet Lund in Orsk.",
        "Ada Moor", ["mira brek", "lena brek"], ["carl aske"], None, False,
    ),
    (
        "a twentieth-century founder is no option among early explorers",
        "In 1595 Alvar Mendes reached the islands. In 1642 Abel Haas reached the bay. "
        "In 1973 Ben Fenn founded a voyaging society.",
        "Abel Haas", ["ben fenn"], ["alvar mendes"], (1595, 1642), False,
    ),
    (
        "a birth year after the person's first deeds: born the year he became a monk",
        "Martin Lode was born in 1483 in Eisfeld. In 1505 Lode became a monk at Erfurt. "
        "In 1517 Lode wrote his theses. In 1521 Lode was summoned to Worms. In 1470 the abbey was founded.",
        "1483", ["1505", "1521"], ["1470"], None, False,
    ),
    (
        "a birth told in a clause ('Galileo, born in Pisa in 1564, taught ...') is bound alike",
        "Galen Pirro, born in Pisa in 1564, taught mathematics. In 1592 Galen Pirro moved to Padua. "
        "In 1610 Galen Pirro saw the moons of Jupiter. In 1543 the book was printed.",
        "1564", ["1610"], ["1543"], None, False,
    ),
    (
        "a year of another era: 1837 among options for 185 BCE",
        "In 185 BCE the last ruler was killed at Orsk. In 1837 the ruins were found. In 201 BCE Orsk fell.",
        "185 BCE", ["1837"], ["201 bce"], None, False,
    ),
    (
        "a foreigner swapped in reads as absurd: 'unusually for a tsar, Karl Vasa was fascinated by ships'",
        "In 1697 Peter Romanov studied ships in Kelby. In 1700 the young Swedish king Karl Vasa crushed an army "
        "at Narva. In 1703 Peter Romanov met Ivan Petrov at Orsk.",
        "Peter Romanov", ["karl vasa"], ["ivan petrov"], None, True,
    ),
    (
        "a place the model read as a person: 'Genoese Galata' of 'behind Galata'",
        "In 1453 the ships were dragged behind Galata into the harbour. Genoese Galata had already submitted. "
        "In 1451 Halil Pasha met Zaganos Pasha at Edirne. Halil Pasha opposed the siege.",
        "Halil Pasha", ["genoese galata"], ["zaganos pasha"], None, False,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("why", "text", "key", "out", "kept", "years", "swap"), CASES, ids=[c[0] for c in CASES])
def test_options_a_student_rules_out_unread(why, text, key, out, kept, years, swap):
    c = parsed(text)
    k = mention(c, key)
    assert [n for n in out if _out(c, k, n, years=years, swap=swap)] == out, why
    assert [n for n in kept if _out(c, k, n, years=years, swap=swap)] == []


def test_only_a_birth_is_bound_by_the_deeds_after_it():
    c = parsed("Martin Lode was born in 1483 in Eisfeld. In 1505 Lode became a monk. In 1517 Lode wrote his theses.")
    assert _out(c, mention(c, "1483"), "1505")
    assert not _out(c, mention(c, "1517"), "1505")


def test_the_stems_nationality_must_be_shared_or_dropped():
    c = parsed(
        "In 1642 the Dutch navigator Abel Haas reached the bay. In 1722 the Dutch explorer Jacob Rogge reached "
        "the island. In 1767 the English captain Samuel Wall reached the lagoon."
    )
    key = mention(c, "Jacob Rogge")
    prompt = "In 1722 the Dutch explorer _____ reached the island."
    assert stem_nationality(key, prompt) == "dutch"
    assert _out(c, key, "samuel wall", prompt)
    assert not _out(c, key, "abel haas", prompt)
    looser = drop_nationality(prompt, "dutch")
    assert looser == "In 1722 the explorer _____ reached the island."
    assert not _out(c, key, "samuel wall", looser)
    assert drop_nationality("He was a Dutch explorer _____.", "dutch") is None  # "an explorer" would be needed


def test_a_place_outside_the_stems_region_is_no_option():
    c = parsed(
        "In 1529 the army turned back at Vienna, the limit of its expansion in central Europe. "
        "In 1534 it took Baghdad. In 1521 it took Belgrade."
    )
    key = mention(c, "Vienna")
    prompt = "Which city marks the limit of its expansion in central Europe?"
    assert _out(c, key, "baghdad", prompt)
    assert not _out(c, key, "belgrade", prompt)
    assert not _out(c, key, "baghdad", "Which city marks the limit of its expansion?")


def test_a_ruler_is_not_swapped_into_the_place_of_one_he_appoints():
    c = parsed(
        "In 1520 Sultan Aldric Vane took the throne at Kelby. In 1523 Aldric Vane appointed Bertil Marr grand "
        "vizier. In 1538 Pasha Osric Tull was appointed chief architect. In 1540 Osric Tull met Bertil Marr."
    )
    key = mention(c, "Pasha Osric Tull")
    assert _out(c, key, "aldric vane", swap=True)  # "the sultan is appointed chief architect" is absurd
    assert _out(c, key, "aldric vane")  # as an option too: the sultan appoints, he is not appointed
    assert not _out(c, key, "bertil marr", swap=True)


def test_a_place_the_stem_says_was_taken_from_a_holder_must_be_tied_to_it():
    c = parsed(
        "In 1521 the army captured Belgrade from the Kingdom of Hungary. In 1541 the sultan annexed Buda; central "
        "Hungary became a province. In 1543 the fleet besieged Nice. In 1516 the army took Aleppo."
    )
    key = mention(c, "Belgrade")
    prompt = "In 1521 the army captured _____ from the Kingdom of Hungary."
    assert _out(c, key, "nice", prompt)  # "captured Nice from the Kingdom of Hungary" is out at a glance
    assert not _out(c, key, "buda", prompt)
    assert not _out(c, key, "nice", "In 1521 the army captured _____.")


def test_a_city_abroad_is_no_option_among_the_stems_cities_of_one_country():
    c = parsed(
        "The envoy travelled to Lyon in 1601 and to Paris in 1603. "
        "In 1605 he visited Milan. In 1607 he visited Marseille."
    )
    key = mention(c, "Lyon")
    prompt = "The envoy travelled to _____ in 1601 and to Paris in 1603."
    assert _out(c, key, "milan", prompt)  # an Italian city among French stops
    assert not _out(c, key, "marseille", prompt)
    assert not _out(c, key, "milan", "The envoy travelled to _____ in 1601.")  # no city of the stem to go by
    # Paris of France, of Texas or of Idaho: a key of several countries says none
    assert not _out(c, mention(c, "Paris"), "milan", "The envoy travelled to Lyon in 1601 and to _____ in 1603.")


# (why, text, key, stem, ruled out, kept): the stem's class noun beside the blank asks the same of every option
STEM_CASES = [
    (
        "a count or a king among popes",
        "In 1208 Pope Linus Vane blamed Count Raymond Orme for the murder. In 1213 King Peter Asko died at Muret. "
        "In 1320 Bishop Jacques Fell, the future Pope Clement Ardo, questioned the villagers. "
        "In 1229 Pope Gregor Hale founded the inquisition. Raymond Orme submitted in 1229.",
        "Clement Ardo", "In 1320 Bishop Jacques Fell, the future Pope _____, questioned the villagers.",
        ["raymond orme", "peter asko"], ["gregor hale"],
    ),
    (
        "an inland city where the stem asks for a port; one ships sail from is a port",
        "In 1905 a branch line opened from Derat to the Mediterranean port of Haifa. "
        "The railway ran from Damascus to Medina. Pilgrims came to Damascus in 1908. "
        "Ships sailed from Beirut to Alexandria in 1910.",
        "Haifa", "In 1905 a branch line opened from Derat to the Mediterranean port of _____.",
        ["damascus"], ["beirut"],
    ),
    (
        "a man where the stem asks for a woman",
        "In 1792 Tomas Brek married Ada Moor, an Englishwoman from Kelby. In 1780 Carl Aske sailed to Orsk. "
        "Queen Lena Vasa received Brek in 1789.",
        "Ada Moor", "In 1792 Tomas Brek married _____, an Englishwoman from Kelby.",
        ["carl aske"], ["lena vasa"],
    ),
    (
        "a newspaper or a club where the stem asks for a store; another store stays",
        "In 1889 Tom Rale was co-owner of the Union Grocery, a store that competed with a white-owned business. "
        "Nell Orde wrote for the Dalby Herald, a newspaper in Chicago. In 1913 she founded the Orde Club, a "
        "women's club. In 1890 Ben Lyle opened the Baxter Emporium, a store on Beale Street.",
        "Union Grocery", "In 1889 Tom Rale was co-owner of the _____, a store that competed with a white-owned "
        "business.",
        ["dalby herald", "orde club"], ["baxter emporium"],
    ),
    (
        "a god or a prince where the stem asks for a historian",
        "The historian Paul Brant doubted the story in 1990. The god Ahurvan was said to favour the king. "
        "Prince Bardal was killed in 522 BC. The historian Amy Kuhrt studied the relief in 1995.",
        "Paul Brant", "Many historians, including _____, have treated the story with caution.",
        ["ahurvan"], ["amy kuhrt"],
    ),
    (
        "a cook where the stem asks who documented the past; an archaeologist stays",
        "In 1977 the cook Ali Marn fell ill in Merka. The historian Sanjay Bhatt documented the use of force in "
        "the campaign. The archaeologist Lena Ruud dug at Merka in 1990.",
        "Sanjay Bhatt", "Who documented the use of force in the campaign?",
        ["ali marn"], ["lena ruud"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("why", "text", "key", "stem", "out", "kept"), STEM_CASES, ids=[c[0] for c in STEM_CASES])
def test_the_stems_class_noun_binds_every_option(why, text, key, stem, out, kept):
    c = parsed(text)
    k = mention(c, key)
    assert [n for n in out if _out(c, k, n, stem)] == out, why
    assert [n for n in kept if _out(c, k, n, stem)] == []
    assert [n for n in out if _out(c, k, n, "In 1900 _____ was seen.")] == []  # no class noun to go by


def test_a_name_holding_a_countrys_name_is_no_person():
    from quizapp.generation.option_fit import names_a_country

    c = parsed(
        "In 1910 the governor Osric Hale built a road to the coast. "
        "In 1921 the Rivers Protectorate became Kenya Colony. "
        "The bishop Tomas Vell visited the farms of Norse Greenland in 1350."
    )
    key = mention(c, "Osric Hale")
    assert names_a_country("kenya colony")
    assert names_a_country("norse greenland")
    assert not names_a_country("louis of france")  # joined by a particle: a person
    assert not names_a_country("kenya")  # one word: the place itself, other rules judge it
    assert _out(c, key, "tomas vell") is False
    # offered as a person, a colony or a place the vote read as one is ruled out
    assert ruled_out(c, key, "kenya colony", key, {0}, "", None)
