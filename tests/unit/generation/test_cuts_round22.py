from quizapp.generation.analysis import parse_corpus
from quizapp.generation.clauses import statement
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import get_nlp

from ._articles import clean


def _statement(text):
    c = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(c)
    return statement(c.sentences[-1])[0]


def test_fronted_adverb_that_bounds_the_claim_is_kept():
    # without "Digitally" or "Nominally" the statement claims more than the text does
    assert _statement("Digitally, at least, the scattered archive of Velm is whole again.").startswith("Digitally")
    assert _statement("Nominally, the khan of Orsk ruled the whole valley until 1420.").startswith("Nominally")


def test_fronted_comment_adverb_is_still_dropped():
    assert _statement("Ironically, the khan of Orsk ruled the whole valley until 1420.").startswith("The khan")


def _mention(text, words):
    c = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(c)
    return next(m for s in c.sentences for m in s.mentions if m.text == words)


def test_opening_participle_taken_into_a_name_keys_nothing():
    from quizapp.generation.distractors import usable_key

    text = 'The rebels took Velm in 1853. Renamed Kessala, the "Holy Port", it remained their capital for a decade.'
    assert not usable_key(_mention(text, "Renamed Kessala"))


def test_name_word_ending_like_a_participle_is_no_participle():
    from quizapp.generation.distractors import opens_with_participle

    text = "The envoys of the United States were received in Velm. United States troops sent envoys to Velm in 1853."
    assert not opens_with_participle(_mention(text, "United States"))
