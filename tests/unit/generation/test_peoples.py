"""Peoples, nations and groups as keys (issue #15): texts made up for the tests, on made-up peoples."""

from quizapp.generation import DocumentInput, generate
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.fill_in_answers import people_forms
from quizapp.generation.candidates.multiple_choice import multiple_choice_candidates
from quizapp.generation.distractors import DistractorIndex, people_as_actor, usable_key
from quizapp.generation.kinds import group_class
from quizapp.generation.setting import document_people
from quizapp.generation.syntax import wh_word

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
        "The Marenese later ruled the hills, and the Hadranians took the port."
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
