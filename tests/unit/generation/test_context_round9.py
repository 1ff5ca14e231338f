"""Questions lifted without the context needed to read them (issue #15, round 9): a word that tells again what an
earlier sentence told ("the scene", "the disease"), "the town" of a place the paragraph named, and dated timeline
lines left in the present or with a doubled full stop. (Texts made up for the tests.)"""

from __future__ import annotations

from quizapp.generation.definites import resolve_context
from quizapp.generation.prompt_form import mend
from quizapp.generation.tense import past_question, past_statement

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


CHRONICLE = (
    "1541 - Suleiman annexes Buda; central Hungary becomes an Ottoman province.\n"
    "1853 - Admiral Corvin arrives at Brisk with four warships and demands that Orvel open its ports.\n"
    "1884 - Prices fall by several tenths of a penny; estimates of the exact fall vary.\n"
    "1491 A mission of monks from Brisk arrives. On 3 May King Alban is baptised and takes the name John I."
)


def test_a_present_verb_the_parser_took_for_a_noun_is_put_in_the_past_with_the_others():
    c = parsed(CHRONICLE)
    prompt = "1541 - Suleiman annexes _____; central Hungary becomes an Ottoman province."
    out, _ = _resolve(c, "annexes", prompt, "Buda")
    assert out == "In 1541, Suleiman annexed _____; central Hungary became an Ottoman province."
    # "demands that Orvel open": the base form after a verb of demanding has no tense and stays
    prompt = "1853 - Admiral _____ arrives at Brisk with four warships and demands that Orvel open its ports."
    out, _ = _resolve(c, "demands", prompt, "Corvin")
    assert out == "In 1853, Admiral _____ arrived at Brisk with four warships and demanded that Orvel open its ports."


def test_a_plural_noun_read_as_a_verb_keeps_the_statement_as_it_is():
    c = parsed(CHRONICLE)
    prompt = "1884 - Prices fall by several tenths of a _____; estimates of the exact fall vary."
    out, _ = _resolve(c, "estimates", prompt, "penny")
    assert "fell" not in out
    assert "estimated" not in out


def test_a_date_without_its_comma_still_dates_a_statement_put_in_the_past():
    c = parsed(CHRONICLE)
    # the year written into the sentence's own date ("On 3 May 1491 King ..."), with no comma after it
    out = past_statement(c, sentence(c, "baptised"), "On 3 May 1491 King Alban is baptised and takes the name _____.")
    assert out == "On 3 May 1491 King Alban was baptised and took the name _____."


def test_a_subject_question_in_the_present_asks_in_the_past():
    assert past_question("In 1099, after months of quarrels, who leads the march south?") == (
        "In 1099, after months of quarrels, who led the march south?"
    )
    assert past_question("In 1595, which fleet reaches the islands?") == "In 1595, which fleet reached the islands?"
    assert past_question("Who travels to Rome?") == "Who travels to Rome?"  # two past spellings: left alone


def test_a_statement_ending_on_an_initial_keeps_one_full_stop():
    assert mend("The duke took the name John I..") == "The duke took the name John I."
    assert mend("The duke waited...") == "The duke waited..."
