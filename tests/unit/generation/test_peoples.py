"""Peoples, nations and groups as keys (issue #15): texts made up for the tests, on made-up peoples."""

from quizapp.generation import DocumentInput, generate
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.fill_in_answers import people_forms
from quizapp.generation.candidates.multiple_choice import multiple_choice_candidates
from quizapp.generation.distractors import DistractorIndex, one_people, people_as_actor, usable_key
from quizapp.generation.giveaways import state_of_people
from quizapp.generation.kinds import group_class
from quizapp.generation.setting import document_people
from quizapp.generation.syntax import wh_word
from quizapp.generation.worth import habit_of_a_group

from ._articles import mention as _mention
from ._articles import parsed, sentence

# Four peoples who fight over one town, and two religious groups who preach in it.
OASIS = """The Oasis Town of Velora

The town of Velora stood on the caravan road between the coast and the desert. In 1420 the Marenese captured Velora after a siege of three months. The Tavrians had held the town for a century before them. The Marenese controlled the salt trade through the town for forty years. In 1466 the Ostrans sacked Velora and burned its granaries. The Hadranians sent an army to retake the town in 1470, but the Ostrans defeated it at the river crossing. The Marenese returned in 1481 and rebuilt the walls. Later the Tavrians signed a treaty with the Hadranians. The Cathars preached in the town, and the Lutherans founded a school there.
"""  # noqa: E501


def test_a_people_named_as_an_actor_keys_a_question_with_other_peoples_as_options():
    c = parsed(OASIS)
    key = _mention(c, "Ostrans", "sacked")
    assert key.kind == "group"
    assert usable_key(key)
    wrong = DistractorIndex(c).choose(key, key.text, 3)
    assert wrong is not None
    assert set(wrong) == {"Marenese", "Tavrians", "Hadranians"}
    assert wh_word(key) == "Which people"


def test_the_generator_asks_which_people_did_a_thing():
    result = generate([DocumentInput(name="velora.md", data=OASIS)], max_questions=30)
    keyed = [q for q in result.questions if q.type == "multiple_choice" and q.answer == "Marenese"]
    assert keyed
    for q in keyed:
        assert set(q.options) == {"Marenese", "Tavrians", "Ostrans", "Hadranians"}


def test_a_people_as_an_adjective_or_possessive_is_no_key():
    c = parsed(
        "The Marenese traders controlled the salt trade. The Marenese army held the town. "
        "The Ostrans sacked the town in 1466. The Tavrians' king fled to the coast in 1467."
    )
    assert not people_as_actor(_mention(c, "Marenese", "traders"))
    assert not usable_key(_mention(c, "Marenese", "army"))
    assert people_as_actor(_mention(c, "Ostrans"))


def test_a_religious_group_is_no_option_for_a_people():
    assert group_class("cathars") == "group:faith"
    assert group_class("bolsheviks") == "group:party"
    assert group_class("nabataeans") == "group:people"
    c = parsed(OASIS)
    lutherans = _mention(c, "Lutherans")
    assert lutherans.fine == "group:faith"
    assert wh_word(lutherans) == "Which religious group"
    wrong = DistractorIndex(c).choose(_mention(c, "Ostrans", "sacked"), "Ostrans", 3) or []
    assert "Lutherans" not in wrong
    assert "Cathars" not in wrong
    # a religious group has only one other of its kind here: too few options, no question
    assert DistractorIndex(c).choose(lutherans, "Lutherans", 3) is None


def test_the_people_the_document_is_about_is_no_key():
    text = (
        "The Sardanians were a trading people of the southern hills. The Sardanians built terraces on every "
        "slope. In 1210 the Sardanians founded the port of Emmet. The Sardanians traded salt with the Ostrans. "
        "The Sardanians minted silver coins after 1240. The Tavrians conquered the Sardanians in 1302. "
        "The Marenese later ruled the hills, and the Hadranians took the port. "
        "The Tavrians held the hills for a century."  # named twice: no choice on a name said once (round 23)
    )
    c = parsed(text)
    assert document_people(c) == {0: "sardanians"}
    ctx = Context(c, DistractorIndex(c))
    sent = sentence(c, "Tavrians conquered")
    keys = {cand.key for cand in multiple_choice_candidates(ctx, sent)}
    assert "Tavrians" in keys
    assert "Sardanians" not in keys
    assert ctx.rejected["document_people"] == 1


def test_a_people_fill_in_accepts_the_singular_the_article_and_the_state():
    c = parsed("The French besieged the town in 1544. France made peace with Spain in 1559.")
    forms = people_forms(c, 0, "French")
    assert "the French" in forms
    assert "France" in forms
    forms = people_forms(c, 0, "Nabataeans")
    assert {"the Nabataeans", "Nabataean", "the Nabataean"} <= set(forms)
    assert "Spain" not in people_forms(c, 0, "French")


def test_an_adjective_before_a_later_noun_or_the_end_of_a_longer_name_is_no_people_key():
    c = parsed(
        "Aramaic became the language of the Assyrian and later the Persian Empire. "
        "The Second All-Russian Congress of Soviets approved the seizure. The Ostrans sacked the town in 1466."
    )
    assert not people_as_actor(_mention(c, "Assyrian"))
    assert not people_as_actor(_mention(c, "Soviets"))
    assert people_as_actor(_mention(c, "Ostrans"))


def test_another_name_of_the_key_people_or_one_the_stem_rules_out_is_no_option():
    assert one_people({"ottomans"}, {"ottoman", "turks"})
    assert not one_people({"tavrians"}, {"ottoman", "turks"})
    c = parsed(
        "The Ostrans held the coast in 1400. The Tavrians held the hills. The Marenese traded salt. "
        "The Hadranians sent an army. The Dalmirians sank a Tavrian ship in 1420. The Kelvites ruled the river. "
        "The Sardanians fled to the coast."
    )
    key = _mention(c, "Dalmirians")
    index = DistractorIndex(c)
    # four other peoples: all four are options, until the stem names a Tavrian ship
    assert "Tavrians" in (index.choose(key, "Dalmirians", 4) or [])
    assert index.choose(key, "Dalmirians", 4, prompt="Which people sank a Tavrian ship in 1420?") is None


def test_the_state_of_the_key_people_in_the_stem_gives_it_away():
    assert state_of_people("The treaty with the United States granted rights to the _____.", "Americans")
    assert state_of_people("The treaty with France granted rights to the _____.", "the French") == "France"
    assert state_of_people("The treaty with Spain granted rights to the _____.", "French") is None


def test_a_group_doing_what_it_always_does_is_no_key_but_a_dated_event_is():
    c = parsed(
        "The Lutherans sing hymns in German. The Cathars preached in the south. In 1529 the Lutherans founded a "
        "school. The Calvinists built a church in 1541. The Anabaptists fled to the east."
    )
    assert habit_of_a_group(c, sentence(c, "sing hymns"), _mention(c, "Lutherans", "hymns"))
    assert not habit_of_a_group(c, sentence(c, "founded a school"), _mention(c, "Lutherans", "school"))
    assert not habit_of_a_group(c, sentence(c, "preached"), _mention(c, "Cathars"))
    # a timeline told in the present tells events all the same
    told_now = parsed(
        "Harold marches north and surprises the Norwegians. The Normans land at Pevensey. "
        "William builds a castle at Hastings. The English army gathers on the ridge."
    )
    assert not habit_of_a_group(told_now, sentence(told_now, "surprises"), _mention(told_now, "Norwegians"))


def test_one_of_a_people_is_no_people_but_a_collective_name_is():
    c = parsed("A Greek founded the colony in 600 BC. The Burmese sacked the city in 1767. The Dutch traded spices.")
    assert not people_as_actor(_mention(c, "Greek"))
    assert people_as_actor(_mention(c, "Burmese"))
    assert people_as_actor(_mention(c, "Dutch"))


def test_a_people_whose_city_the_stem_names_is_no_option():
    c = parsed(
        "The Ostrans held the coast in 1400. The Tavrians held the hills. The Marenese traded salt. "
        "The Hadranians sent an army. The Dalmirians sank a ship in 1420. The Kelvites ruled the river. "
        "The Velmarians fled to the coast."
    )
    key = _mention(c, "Dalmirians")
    index = DistractorIndex(c)
    assert "Velmarians" in (index.choose(key, "Dalmirians", 4) or [])
    assert index.choose(key, "Dalmirians", 4, prompt="Which people sank a ship of Velmara in 1420?") is None


def test_a_people_fill_in_accepts_the_other_name_the_article_gives_it():
    c = parsed("The Ottoman Turks took the city in 1453. The Ottomans built a fleet in 1460.")
    assert "Ottomans" in people_forms(c, 0, "Ottoman Turks")
