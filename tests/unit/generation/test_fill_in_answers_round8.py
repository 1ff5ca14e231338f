"""Round 8 (issue #15): fill-in answers a fair teacher accepts, and blanks that test something (texts made up
for the tests)."""

from quizapp.generation.candidates.base import Candidate, Context
from quizapp.generation.candidates.fill_in import fill_in_candidates, fit_article, term_counts
from quizapp.generation.candidates.fill_in_answers import other_answers, without_nationality
from quizapp.generation.distractors import DistractorIndex

from ._articles import parsed


def _settled(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with their accepted answers worked out, as the ranker has them (they wait until then)."""
    for c in candidates:
        c.settle()
    return candidates


def _fill_ins(text: str) -> tuple[dict[str, list[str]], Context]:
    corpus = parsed(text)
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    return {c.key: c.draft.answer for s in corpus.sentences for c in _settled(fill_in_candidates(ctx, s, counts))}, ctx


def test_the_other_spelling_the_article_gives_is_accepted_however_it_gives_it():
    keys, _ = _fill_ins(
        "Veldhaven (usually spelled Veldhafen in English) was a port on the Drava coast. "
        "In 1622 the port of Veldhaven was burned by pirates from Ostergau. "
        "Marrow Island (also Marro Island) lay off the coast. "
        "In 1640 Marrow Island was settled by fishermen from Ostergau. "
        "Brandmoor, or Brandmor, was the old capital of the coast. "
        "In 1650 Brandmoor was taken by the armies of Duke Anselm."
    )
    found = {k: v for k, v in keys.items() if k in ("Veldhaven", "Marrow Island", "Brandmoor")}
    assert found, keys
    wanted = {"Veldhaven": "Veldhafen", "Marrow Island": "Marro Island", "Brandmoor": "Brandmor"}
    for key, answers in found.items():
        assert wanted[key] in answers, (key, answers)


def test_an_events_name_without_its_peoples_adjective_is_accepted():
    corpus = parsed("The Ostrian Civil War ruined the merchants of Veldmark in 1862.")
    assert without_nationality(corpus, 0, "Ostrian Civil War") == ["Civil War", "the Civil War"]
    assert without_nationality(corpus, 0, "First World War") == []  # "First" is no people's adjective
    both = parsed("The Ostrian Civil War began in 1862. The Veldish Civil War began in 1870.")
    assert without_nationality(both, 0, "Ostrian Civil War") == []  # "Civil War" would name either


def test_an_answer_with_its_own_article_is_dropped_where_the_stem_keeps_one():
    answers = ["Civil War", "the Civil War", "War Between the States"]
    assert fit_article("The _____ made it impossible.", answers) == ["Civil War", "War Between the States"]
    assert fit_article("In 1861 _____ began.", answers) == answers


def test_a_blank_on_a_describing_word_and_a_noun_is_refused():
    keys, ctx = _fill_ins(
        "The reforms cut across the Samoan system of chiefly authority in 1923. "
        "The governor despised chiefly authority and the village councils. "
        "The customs barrier of Veldmark was torn down in 1420. "
        "The customs barrier was rebuilt by the merchants in 1424. "
        "In 1858 Veldmark signed the unequal treaties with Ostergau. "
        "The unequal treaties opened the ports of Veldmark to the merchants of Ostergau. "
        "Ostergau revised the unequal treaties in 1899."
    )
    assert "chiefly authority" not in keys
    assert "unequal treaties" in keys  # an adjective and a noun the article keeps using: its own term
    assert "customs barrier" in keys  # two nouns: a term the article keeps using
    assert ctx.rejected["adjective_blank"] >= 1


def test_the_head_alone_is_accepted_where_a_name_in_the_stem_says_whose():
    c = parsed(
        "In 1921 Veldmark's new government handed the painters the walls. "
        "The old governments of the coast had paid nothing."
    )
    sent = next(s for s in c.sentences if "handed" in s.text)
    first, last = (next(t for t in sent.tokens if t.text == w) for w in ("new", "government"))
    assert "government" in other_answers(c, sent, "new government", first, last, "term")
    plain = parsed("In 1921 the new government handed the painters the walls. The old governments had paid nothing.")
    sent = next(s for s in plain.sentences if "handed" in s.text)
    first, last = (next(t for t in sent.tokens if t.text == w) for w in ("new", "government"))
    assert "government" not in other_answers(plain, sent, "new government", first, last, "term")  # which one?
