"""Stems that read as English and stand alone; a second question on a sentence only if neither gives the other
away (texts made up for the tests)."""

from types import SimpleNamespace

from quizapp.generation.candidates import Candidate
from quizapp.generation.rank import gives_away
from quizapp.generation.syntax import wh_question
from quizapp.generation.types import QuestionDraft

from ._articles import parsed, sentence


def _wh(text, key):
    c = parsed(text)
    s = c.sentences[-1]
    m = next(m for m in s.mentions if m.text == key)
    return wh_question(s, m)


def test_a_passive_conjunct_is_cut_from_a_do_question():
    q = _wh("The Danish botanist Jens Holm died on board on 13 September 1775 and was buried at sea.",
            "13 September 1775")
    assert q is None or "was buried" not in q
    assert q is None or q.startswith("When did")


def test_an_active_conjunct_is_cut_from_a_passive_question():
    q = _wh("The Guild of Saint Brendan was founded by Aodh Breslin in 1412 and led the weavers of Sligo for a "
            "century.", "1412")
    assert q == "When was the Guild of Saint Brendan founded by Aodh Breslin?"


def test_a_name_at_the_end_of_a_longer_title_is_a_fragment():
    c = parsed("The official Report on the Scientific Results of the Voyage of the Petrel was printed in 50 volumes.")
    frag = [m for m in c.mentions() if "Scientific Results" in m.text]
    assert frag
    assert all(m.fragment for m in frag)


def _cand(prompt, key, sid=1):
    draft = QuestionDraft(type="fill_in", prompt=prompt, answer=[key])
    return Candidate(draft, key, [SimpleNamespace(id=sid, para=0, doc=0)], 0.5, "", f"{sid}:{key}")


def test_a_second_question_on_a_sentence_must_not_show_the_first_answer():
    a = _cand("In 1412 _____ founded the guild, and in 1430 the guild built a hall in Sligo.", "Aodh Breslin")
    b = _cand("In 1412 Aodh Breslin founded the guild, and in 1430 the guild built a hall in _____.", "Sligo")
    c = _cand("When did the guild build a hall in Sligo?", "1430")
    d = _cand("Who founded the guild in 1412?", "Aodh Breslin")
    assert gives_away(a, b)
    assert gives_away(b, c)
    assert not gives_away(c, d)


def test_a_bare_title_is_no_role_to_match():
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.matching import pairs_of
    from quizapp.generation.distractors import DistractorIndex

    c = parsed("Governor Hugh Clifford opened the harbour in 1921. Thomas Pryce, the chief engineer of the port, built "
               "the harbour wall in 1923.")
    ctx = Context(c, DistractorIndex(c))
    roles = {p.left: p.right for s in c.sentences for p in pairs_of(ctx, s) if p.kind == "person"}
    assert "Hugh Clifford" not in roles
    assert roles.get("Thomas Pryce") == "Chief engineer of the port"


def test_ordering_items_name_what_earlier_sentences_named():
    from quizapp.generation.candidates.base import Context
    from quizapp.generation.candidates.ordering import event_of
    from quizapp.generation.distractors import DistractorIndex

    c = parsed("The Weavers' Party of Sligo was founded by Aodh Breslin in 1412. The party's first congress met in "
               "Galway in 1420.")
    ctx = Context(c, DistractorIndex(c))
    event = event_of(ctx, sentence(c, "congress"))
    assert event is not None
    assert event.text.startswith("The Weavers' Party of Sligo's first congress met in Galway")


def test_a_cut_conjunct_takes_its_trailing_phrase_along():
    q = _wh("Anna Holm was elected to the council of Ribe in 1892 and became mayor of Ribe in 1905, the first woman "
            "to hold the office.", "1892")
    assert q == "When was Anna Holm elected to the council of Ribe?"
