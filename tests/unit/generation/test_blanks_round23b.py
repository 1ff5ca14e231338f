"""Round 23b (issue #15): fill-ins on a name said once, and the junk their freed slots let in (made-up texts).

A name the model read over a sentence end the splitter missed ("Charles I. He"), an era word glued to the name
after a date ("BCE Pericles"), a name cut short where the sentence prints the rest ("the _____ of Panipat" keyed
"Second Battle"), a reference's "Compare" in an accepted answer, and a name said once that only tags another
noun (README "Round 23: fill-ins on a name said once").
"""

from quizapp.generation import DocumentInput, generate
from quizapp.generation.analysis import crosses_a_sentence_end
from quizapp.generation.candidates import Context, fill_in_candidates
from quizapp.generation.candidates.fill_in import no_apparatus, term_counts
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.source_form import not_a_statement

from ._articles import parsed, sentence

LIFE = (
    "Thomas Wendle was born in Dover, Kent, on 3 May 1580. He studied at Trinity College, Cambridge, and then at "
    "the University of Leiden, the leading law school of Europe, where he was taught by Justus Lipsius, and "
    "graduated as a doctor of law in 1605. Back in London he became counsel to St Thomas's Hospital in 1610 and in "
    "1616 was appointed reader at Gray's Inn. He later served as counsel to James I and Charles I. He died on 9 May "
    "1655."
)

NAMES = (
    "The term was coined by William Gaud, head of the US Agency for International Development, in 1968. "
    "On 5 November 1556, at the Second Battle of Panipat, Mughal forces defeated Hemu. "
    "The revolt was against the rule of the Catholic House of Habsburg. "
    "Karl Marx, in The Civil War in France, praised the Commune. "
    "In 1976 intellectuals founded the Workers' Defence Committee in Warsaw."
)

PASSING = (
    "The rebel Tomas Quispe rose against the governor in 1780. "
    "On 18 November 1780 the bishop of Cusco, Juan Moscoso, excommunicated Quispe. "
    "In 1781 Pedro Valdez captured Quispe near Cusco. "
    "Quispe was executed in Cusco in May 1781."
)


def _fill_keys(text: str, words: str) -> set[str]:
    c = parsed(text)
    ctx = Context(c, DistractorIndex(c))
    return {cand.key for cand in fill_in_candidates(ctx, sentence(c, words), term_counts(c))}


def _mentions(text: str, words: str) -> set[str]:
    return {m.text for m in sentence(parsed(text), words).mentions}


def test_a_name_never_runs_over_a_sentence_end_the_splitter_missed():
    assert not any(". He" in m for m in _mentions(LIFE, "later served as counsel"))
    assert not any("He" in k.split() for k in _fill_keys(LIFE, "later served as counsel"))


ERA = (
    "The assembly met on the Pnyx. In 451/450 BCE Pericles proposed a law that limited citizenship to men whose "
    "mother and father were both Athenian."
)


def test_an_era_word_after_a_date_is_no_part_of_the_name_after_it():
    mentions = _mentions(ERA, "proposed a law")
    assert "BCE Pericles" not in mentions
    assert "Pericles" in mentions
    assert "BCE Pericles" not in _fill_keys(ERA, "proposed a law")


def test_no_blank_on_part_of_a_longer_name_the_sentence_prints():
    assert "US Agency" not in _fill_keys(NAMES, "coined by William Gaud")
    assert "Second Battle" not in _fill_keys(NAMES, "Mughal forces defeated")
    assert "Catholic House" not in _fill_keys(NAMES, "against the rule")
    assert "Civil War" not in _fill_keys(NAMES, "praised the Commune")  # a book's title, "The Civil War in France"
    assert "Defence Committee" not in _fill_keys(NAMES, "intellectuals founded")  # "the Workers' Defence Committee"


def test_a_reference_word_opens_no_name_and_no_accepted_answer():
    assert "John Iliffe" in _mentions("Compare John Iliffe, A Modern History of the Coast.", "Compare John")
    assert no_apparatus(["Iliffe", "John Iliffe", "Compare John Iliffe", "See Iliffe"]) == ["Iliffe", "John Iliffe"]


def test_a_name_said_once_that_only_tags_another_noun_is_no_blank():
    keys = _fill_keys(PASSING, "excommunicated")
    assert "Juan Moscoso" not in keys  # in apposition to "the bishop of Cusco", said once
    keys = _fill_keys(PASSING, "captured Quispe")
    assert "Pedro Valdez" in keys  # said once, but the subject of the verb, not a tag on a noun


DECK = (
    "Building the Crystal Hall. Mary Fenwick explains how the Crystal Hall was built - and why its profits still "
    "pay for a museum today. The Crystal Hall was built in Leeds in 1851 by the engineer Joseph Paxby. "
    "The Crystal Hall closed in 1860. Ibn Rashid explains how dynasties rise and fall. Ibn Rashid wrote in 1377."
)


def test_a_standfirst_whose_writer_explains_how_is_no_statement():
    c = parsed(DECK)
    assert not_a_statement(c, sentence(c, "Mary Fenwick explains")) is not None
    assert not_a_statement(c, sentence(c, "dynasties rise")) is None  # a subject of the article, named again


def test_a_sentence_the_splitter_left_joined_gives_no_question():
    c = parsed(LIFE)
    joined = sentence(c, "later served as counsel")
    assert crosses_a_sentence_end(joined.text)
    drafts = generate([DocumentInput("life.txt", LIFE.encode())]).questions
    assert not any("counsel to James I" in q.prompt for q in drafts)


def test_a_book_title_with_its_article_is_still_a_whole_name():
    c = parsed("Murasaki began writing The Tale of Genji in those years.")
    genji = next(m for m in sentence(c, "Murasaki").mentions if m.text == "Tale of Genji")
    assert not genji.fragment  # "The Tale of Genji" ends with the name; "The Civil War in France" does not


def test_an_era_word_opens_no_accepted_answer():
    assert no_apparatus(["Piye", "King Piye", "BCE King Piye"]) == ["Piye", "King Piye"]
    assert no_apparatus(["250 CE", "250 AD", "AD 250"]) == ["250 CE", "250 AD", "AD 250"]  # a year keeps its era
