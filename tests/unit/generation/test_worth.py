"""Keys worth asking and keys that are the only right answer (issue #15, round 5; texts made up for the tests).

A blank the words around it give away ("western _____"), the date of a private event or of a minor figure's death,
and a date or count that a bound ("more than 4,000") leaves open make no question of any type.
"""

from quizapp.generation.analysis import parse_corpus
from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.fill_in import fill_in_candidates, term_counts
from quizapp.generation.candidates.multiple_choice import multiple_choice_candidates
from quizapp.generation.candidates.true_false import true_false_candidates
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.entities import repair_kinds
from quizapp.generation.nlp import get_nlp

from ._articles import clean

TEXT = (
    "Spices reached western Europe from the ports of the Levant long before 1400. "
    "The painter Alda Veronese saw a spice market in Brugeton, Flanders. "
    "The guild of Veldmark sent petitions with more than 4,000 signatures to the council in 1721. "
    "Farmers of Veldmark paid more than 300 florins in tolls to the council. "
    "The merchant Henrik Dalberg, who died in 1741, founded the first bank of Veldmark. "
    "In 1752 Marta Kessel married the merchant Jonas Weil in Brugeton. "
    "Marta Kessel opened a printing house in Veldmark in 1755. "
    "Marta Kessel printed the first atlas of Flanders in 1760. "
    "Marta Kessel died in Brugeton in 1771. "
    "The printing house of Marta Kessel closed in 1790."
)


def _keys(text):
    """(type, key) of every multiple-choice, fill-in and false true/false candidate, and the refusals."""
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    counts = term_counts(corpus)
    out = set()
    for s in corpus.sentences:
        for c in multiple_choice_candidates(ctx, s) + fill_in_candidates(ctx, s, counts):
            out.add((c.draft.type, c.key))
        out |= {("true_false", c.key) for c in true_false_candidates(ctx, s) if c.key}
    return out, ctx.rejected


def test_a_place_given_away_by_its_own_words_is_no_key():
    keys, rejected = _keys(TEXT)
    assert not {k for _, k in keys} & {"Europe", "Flanders"}  # "western _____", "Brugeton, _____"
    assert ("multiple_choice", "Brugeton") in keys  # the town itself is the article's to tell
    assert rejected["given_place"] >= 2


def test_a_count_or_date_left_open_by_a_bound_is_no_key():
    keys, rejected = _keys(TEXT)
    # "more than _____ signatures" holds for any smaller count, and another year may have had more than 4,000
    assert not {k for _, k in keys} & {"4,000", "300", "1721"}
    assert ("multiple_choice", "1755") in keys
    assert rejected["bounded_count"] >= 2


def test_private_dates_and_minor_deaths_are_no_key_but_the_subjects_are():
    keys, rejected = _keys(TEXT)
    assert "1741" not in {k for _, k in keys}  # the death of a merchant named once
    assert "1752" not in {k for _, k in keys}  # a wedding, even of the article's own subject
    assert ("multiple_choice", "1771") in keys  # the death of the person the article is about
    # named once: asked, though not as a choice (round 23: no choice on a name the document says once)
    assert "Henrik Dalberg" in {k for _, k in keys}
    assert ("multiple_choice", "Henrik Dalberg") not in keys
    assert rejected["minor_date"] >= 2


def test_the_document_setting_is_no_blank():
    text = (
        "Ostrava was a small kingdom on the Drava. The kings of Ostrava built roads to Castelmar in 1402. "
        "Ostrava traded salt with Tarvik in 1410. Merchants from Ostrava founded a market at Linz in 1415. "
        "The council of Ostrava met at Linz in 1420. Plague reached Ostrava from Tarvik in 1431."
    )
    keys, rejected = _keys(text)
    assert "Ostrava" not in {k for _, k in keys}
    assert {k for _, k in keys} & {"Tarvik", "Linz", "Castelmar"}
    assert rejected["given_place"] >= 1


def test_the_date_of_a_scholars_act_or_a_cited_source_is_no_key():
    text = (
        "Marta Kessel opened a printing house in Veldmark in 1755. Marta Kessel printed an atlas of Flanders in 1760. "
        "Marta Kessel died in Brugeton in 1771. "
        "The historian Pieter Aalst found her account book in Brugeton in 1923. "
        "A new explanation was offered by the economist Ida Brun in 1965. "
        "The traveller Jonas Weil published his account of Veldmark in 1776. "
        "Marta Kessel published her own atlas of Brabant in 1766. "
        "The council of Veldmark banned the atlas in 1768."
    )
    keys, rejected = _keys(text)
    dates = {k for _, k in keys}
    assert not dates & {"1923", "1965"}  # the study of the past
    assert {"1766", "1768", "1776"} <= dates  # the subject's own publication; acts of the story and its time
    assert "Pieter Aalst" not in dates  # who found the source is the study's history too
    assert rejected["historiography"] >= 3
    corpus = parse_corpus([clean("s.txt", "Title\n\n" + text)], get_nlp())
    repair_kinds(corpus)
    ctx = Context(corpus, DistractorIndex(corpus))
    found = next(s for s in corpus.sentences if "account book" in s.text)
    assert not true_false_candidates(ctx, found)  # nor a true statement made of it


def test_a_scholar_inside_the_story_is_part_of_the_history():
    text = (
        "Veldmark rebelled against Brugeton in 1700. Brugeton besieged Veldmark in 1702. The siege ended in 1704. "
        "The historian Pieter Aalst published his account of the siege in 1705. Veldmark was rebuilt in 1710. "
        "Veldmark joined the league in 1712. Brugeton fell in 1715. The town hall of Veldmark burned in 1720."
    )
    keys, rejected = _keys(text)
    assert "1705" in {k for _, k in keys}  # a contemporary's account, told among the events
    assert rejected["historiography"] == 0


def test_a_name_in_a_flourish_from_one_example_to_another_is_no_key():
    text = (
        "In 1750 merchants of Veldmark became rich across the north, from the cloth halls of Brugeton to the "
        "Hanseatic League. The fleet of Veldmark sailed from Brugeton to Danzig in 1751. "
        "In 1752 Jonas Weil marched with the guild, from Brugeton to Ostrel, against the council."
    )
    keys, rejected = _keys(text)
    asked = sorted(key for _, key in keys)
    assert "Hanseatic League" not in asked
    assert rejected["illustrative_range"] >= 1
    assert "Danzig" in asked  # a route is a fact
    assert "Ostrel" in asked  # even set off by a comma
