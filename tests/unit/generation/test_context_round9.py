"""Questions lifted without the context needed to read them (issue #15, round 9): a word that tells again what an
earlier sentence told ("the scene", "the disease"), and "the town" of a place the paragraph named. (Texts made up
for the tests.)"""

from __future__ import annotations

from quizapp.generation.definites import resolve_context

from ._articles import parsed, sentence

TOWNS = (
    "Duke Anselm of Brisk reached Varro, a town on the river Sel, in 1204. "
    "The town had walls of red stone and four gates.\n\n"
    "In 1210 the fleet of Orvel sailed past Varro, a town on the coast, and reached Tesk, a town in the hills. "
    "The town paid a heavy tribute to the admiral.\n\n"
    "Brother Anselm of Brisk signed a treaty with Varro, keeping his rights in the town.\n\n"
    "In 1702 a fever struck the abbey at Varro. "
    "Brother Anselm caught the disease while nursing the monks and died in May 1702.\n\n"
    "Soldiers of the duke beat the weavers at Varro. The chronicler Hugo of Brisk described the scene in his annals."
)


def _resolve(corpus, words, prompt, key):
    return resolve_context(corpus, [sentence(corpus, words)], prompt, key)


def test_a_word_that_tells_again_what_was_told_before_is_refused():
    # read alone, "the disease" and "the scene" say neither which disease nor what scene
    c = parsed(TOWNS)
    prompt = "Brother Anselm caught the disease while nursing the monks and died in _____."
    _, problem = _resolve(c, "caught the disease", prompt, "May 1702")
    assert problem is not None
    assert "the disease" in problem
    _, problem = _resolve(c, "described the scene", "The chronicler _____ described the scene in his annals.", "Hugo")
    assert problem is not None
    assert "the scene" in problem


def test_the_town_is_the_one_town_the_paragraph_named_before():
    c = parsed(TOWNS)
    out, problem = _resolve(c, "walls of red", "The town had walls of red stone and four _____.", "gates")
    assert problem is None
    assert out == "Varro had walls of red stone and four _____."


def test_the_town_stays_unresolved_where_two_towns_or_the_sentence_itself_name_one():
    c = parsed(TOWNS)
    # Varro and Tesk both named just before: either may be meant
    _, problem = _resolve(c, "heavy tribute", "The town paid a heavy tribute to the _____.", "admiral")
    assert problem is not None
    # the sentence names Varro before "the town", which is another (the treaty's other party's)
    prompt = "Brother Anselm of _____ signed a treaty with Varro, keeping his rights in the town."
    _, problem = _resolve(c, "keeping his", prompt, "Brisk")
    assert problem is not None
