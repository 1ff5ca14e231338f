"""Fill-ins that take the same thing named by its members or its kind (quality, round 19): a state's people where
the state is a party to a dealing, a body's name for its members, and an undertaking named by its activity."""

from quizapp.generation.candidates.fill_in_members import part_owned_forms

from .test_fill_in_answers_fair import _answers


def test_a_state_dealt_with_accepts_its_peoples_name():
    text = "The potters of Velm were active partners in the trade, not merely suppliers to Britain, until 1820."
    assert "the British" in _answers(text, "Britain", "place")
    traded = "In 1790 the merchants of Velm traded with Britain for cloth and guns."
    assert "the British" in _answers(traded, "Britain", "place")
    # a place gone to or passed through is no people
    sailed = "In 1790 the merchants of Velm sailed to Britain with cloth and guns."
    assert "the British" not in _answers(sailed, "Britain", "place")
    road = "In 1790 the merchants of Velm built the road to Britain with their own money."
    assert "the British" not in _answers(road, "Britain", "place")
    went = "In 1790 the first migrants to Britain from Velm sold cloth and guns."
    assert "the British" not in _answers(went, "Britain", "place")


def test_a_bodys_name_for_its_members_is_accepted():
    text = (
        "Almost everything known about Tarsa comes from two Italian Veldine missionaries who were in Ostergau. "
        "The Veldines advised the king to burn her in 1706."
    )
    assert "Veldine" in _answers(text, "Italian Veldine", "term")
    assert {"Veldines", "the Veldines"} <= set(_answers(text, "Veldine missionaries", "term"))
    # the article never names the members by the word alone
    alone = text.replace("The Veldines", "The friars")
    assert "Veldine" not in _answers(alone, "Italian Veldine", "term")


def test_an_undertaking_is_named_by_its_activity():
    text = (
        "In 1800 the council allowed Orlan to survey the road to Velm. "
        "Between 1800 and 1816, Orlan's teams carried out ten survey expeditions covering the coasts of Ostergau. "
        "Many historians stress that the surveys depended on the council."
    )
    assert "surveys" in _answers(text, "survey expeditions", "term")
    # never a verb in the article: the word names a thing, not what the journeys did
    noun_only = text.replace("to survey the road", "to map the road")
    assert "surveys" not in _answers(noun_only, "survey expeditions", "term")


def test_a_controlling_part_of_a_company_is_accepted_by_its_usual_words():
    text = "In 1914 the government of Velm, urged by its navy, bought a majority shareholding in the Orlan Company."
    answers = _answers(text, "majority shareholding", "term")
    assert {"majority stake", "majority share", "controlling stake"} <= set(answers)
    assert part_owned_forms("minority shareholding") == []  # no control: another part


def test_a_peoples_adjective_before_a_person_noun_names_the_people():
    text = "In the first century Veldan traders reached the port of Ostergau with wine and glass."
    assert {"Veldans", "the Veldans"} <= set(_answers(text, "Veldan traders", "term"))
    # before a thing, the adjective names no people
    goods = "In the first century Veldan amphorae reached the port of Ostergau with wine and glass."
    assert "Veldans" not in _answers(goods, "Veldan amphorae", "term")
    # a capital that only opens the sentence names no people
    opening = "Urban traders reached the port of Ostergau with wine and glass in the first century."
    assert "Urbans" not in _answers(opening, "Urban traders", "term")


def test_one_plural_rule_serves_names_and_nouns():
    # the members' name ("Capuchins") and the other number of a head noun come from the same rule
    from quizapp.generation.textutil import plural_of

    assert [plural_of(w) for w in ("Capuchin", "church", "Tory", "survey", "box")] == [
        "Capuchins",
        "churches",
        "Tories",
        "surveys",
        "boxes",
    ]


def test_one_singular_rule_serves_stem_nouns_and_table_headings():
    # a stem's class noun ("historians, including _____") and a table's column heading ("Seasons") share it
    from quizapp.generation.candidates.tables import _singular
    from quizapp.generation.stem_class import stem_class_noun
    from quizapp.generation.textutil import singular_of

    assert [singular_of(w) for w in ("colonies", "churches", "stores", "glass", "gas", "boxes")] == [
        "colony",
        "church",
        "store",
        "glass",
        "gas",
        "box",
    ]
    assert stem_class_noun("Other churches, including _____, kept the old rite.") == "church"
    assert _singular("Trade Routes") == "Trade Route"


def test_the_curated_tables_are_read_without_comments_or_blank_lines():
    from quizapp.generation.datafiles import table_lines

    entries = table_lines("famous_events.txt")
    assert entries
    assert all(e == e.strip() and e and not e.startswith("#") for e in entries)
