"""Round 24 (issue #15): the point unasked for a passing name (made-up texts).

A fill-in on a name said once in a sentence none of whose names the document names again (round 23's post-hoc
predicate, confirmed on reader 19), a blank on words of a title in quotation marks, and a blank on the second
surname of a Spanish name after "y" (README "Round 24: the point unasked").
"""

from .test_blanks_round23b import _fill_keys

# "Varnholt" and 1871 are named only in their sentence; Brenner's sentence names Varga, whom the article follows.
ASIDE = (
    "In 1868 the physician Imre Varga began to test a vaccine against cholera in Pest. "
    "Varga gave the vaccine to two hundred soldiers in 1869. Otto Brenner attacked Varga's vaccine in 1870. "
    "Disaster struck in 1871 at Varnholt, where twelve patients died after an injection. "
    "Varga's method spread to Vienna in 1874, and Varga defended it in Vienna until his death. "
    "Varga trained many students. Varga wrote a handbook on vaccines. Varga's students worked in Vienna. "
    "Varga died in Vienna."
)


def test_no_blank_on_a_name_said_once_in_a_sentence_the_article_leaves():
    assert "Varnholt" not in _fill_keys(ASIDE, "Disaster struck")
    # a note of four sentences has no thread to leave: its sentences are asked as before
    assert "Varnholt" in _fill_keys(ASIDE.split(" Varga trained")[0], "Disaster struck")


def test_a_name_said_once_beside_a_name_the_article_returns_to_is_still_asked():
    # "Otto Brenner" is said once, but Varga recurs: the sentence is part of the article's thread
    assert "Otto Brenner" in _fill_keys(ASIDE, "Otto Brenner attacked")


TITLE = (
    'In 1982 the historian Anna Kell published an essay titled "Foundation Myths of the Tithe System". '
    "Kell argued that the guild system was a later invention. Kell taught at Leiden, and Kell wrote on Leiden. "
    "The guild system was described by Kell in the essay."
)


def test_no_blank_on_words_of_a_quoted_title():
    assert not any("Myths" in k for k in _fill_keys(TITLE, "published an essay"))


SPANISH = (
    "On 12 May 1850, Tomás Protasio Garza Mercado y Alonso Ribera was born in Tarma, Junín, into a family that "
    "leased land. Mercado studied in Lima, and Mercado later taught in Lima."
)


def test_no_blank_on_the_second_surname_after_y():
    assert not any("Ribera" in k for k in _fill_keys(SPANISH, "was born in Tarma"))
