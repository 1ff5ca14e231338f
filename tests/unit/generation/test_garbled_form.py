"""Text garbled on its way to a stem, and stems that cannot be read alone: raw timeline labels, present tense in a
past chronology, verbless lines, blanks inside hyphenated words, words run together where a clause was cut, the
degree word and comma of a stated purpose, "fled" from nowhere, "the order" of someone unnamed.
(Texts made up for the tests.)"""

from __future__ import annotations

import pytest

from quizapp.generation.candidates.base import Context
from quizapp.generation.candidates.causes import _claim, causes_of
from quizapp.generation.clauses import cloze_tokens, elliptical, root_clause
from quizapp.generation.definites import resolve_context
from quizapp.generation.distractors import DistractorIndex
from quizapp.generation.syntax import _invert, wh_adjunct
from quizapp.generation.tense import past_question
from quizapp.generation.textutil import tokens_text
from quizapp.generation.timeline import adverbial, raw_label, verbless_line

from ._articles import parsed, sentence

CHRONICLE = (
    "C. 1064: Harold travels to Orvel with six ships.\n"
    "30 Sep 1520 - Anselm becomes duke in Varro after the death of his father.\n"
    "1903, 3 November - The merchants of Orvel declare their town free of all tolls.\n"
    "29 May 1555 - Peace of Brisk with the Margrave; the guild keeps its cloth hall.\n"
    "1494 - Anselm is born in Varro, the only son of the old duke."
)


@pytest.mark.parametrize(
    ("label", "phrase"),
    [
        ("C. 2200 BCE", "In about 2200 BCE"),
        ("30 Sep 1520", "On 30 September 1520"),
        ("1903, 3 November", "On 3 November 1903"),
        ("1905, late", "In late 1905"),
        ("By 1109", "By 1109"),
    ],
)
def test_labels_a_chronology_writes_in_other_ways_read_as_adverbials(label, phrase):
    assert adverbial(label) == phrase


@pytest.mark.parametrize(
    ("words", "prompt", "key", "expected", "expected_problem"),
    [
        (
            "Harold travels",
            "C. 1064: Harold travels to _____ with six ships.",
            "Orvel",
            "In about 1064, Harold travels to _____ with six ships.",
            # the label reads as a sentence, but "travels", which the parser takes for a noun, stays in the
            # present: a dated statement in the present is refused
            "a dated statement left in the present tense",
        ),
        (
            "becomes duke",
            "30 Sep 1520 - Anselm becomes duke in _____ after the death of his father.",
            "Varro",
            "On 30 September 1520, Anselm became duke in _____ after the death of his father.",
            None,
        ),
        (
            "declare their town",
            "_____, 3 November - The merchants of Orvel declare their town free of all tolls.",
            "1903",
            "On 3 November _____, the merchants of Orvel declared their town free of all tolls.",
            None,
        ),
    ],
)
def test_a_label_at_the_head_of_a_stem_becomes_a_sentence(words, prompt, key, expected, expected_problem):
    c = parsed(CHRONICLE)
    out, problem = resolve_context(c, [sentence(c, words)], prompt, key)
    assert problem == expected_problem
    assert out == expected


def test_a_label_run_into_the_question_is_refused():
    c = parsed(CHRONICLE)
    s = sentence(c, "becomes duke")
    _, problem = resolve_context(c, [s], "Where does 30 Sep 1520 - Anselm become duke?", "Varro")
    assert problem is not None
    assert raw_label("_____, 15 August - The ship makes the first crossing.")
    assert not raw_label("The war (1914 \u2013 1918) ended the guild's trade.")


def test_a_line_whose_first_statement_has_no_verb_makes_no_question():
    c = parsed(CHRONICLE)
    assert verbless_line(sentence(c, "Peace of Brisk"))
    assert not verbless_line(sentence(c, "becomes duke"))
    # a verb with its subject is a statement, even where the parser tags it as a base form
    c = parsed("21 October 1096 \u2013 The knights of Varro, allies of the duke, destroy the Orvel bridge near Brisk.")
    assert not verbless_line(sentence(c, "destroy"))


def test_a_question_from_a_dated_line_in_the_present_asks_in_the_past():
    c = parsed(CHRONICLE + "\n\nToday the cloth hall is a museum of the guild.")
    out, _ = resolve_context(c, [sentence(c, "is born")], "Where is Anselm born?", "Varro")
    assert out == "In 1494, where was Anselm born?"
    today, _ = resolve_context(c, [sentence(c, "Today")], "What is the cloth hall today?", "a museum")
    assert today == "What is the cloth hall today?"
    assert past_question("When does the guild open its hall?") == "When did the guild open its hall?"
    assert past_question("Anselm is born in _____.") == "Anselm is born in _____."


def test_a_present_verb_dated_by_a_year_on_it_asks_in_the_past():
    c = parsed("The old duke ruled Varro for forty years. In 1509 Duke Anselm defeats his brother at Brisk.")
    out, _ = resolve_context(c, [sentence(c, "defeats")], "Where does Duke Anselm defeat his brother?", "")
    assert out == "Where did Duke Anselm defeat his brother?"


def test_a_common_word_the_parser_ran_into_the_label_loses_its_capital():
    c = parsed(
        "c. 1000 CE - Voyagers reach the Society Islands in central East Polynesia.\n"
        "c. 1200 CE - Later voyagers settle the Orvel Islands."
    )
    s = sentence(c, "Voyagers reach")
    out, _ = resolve_context(
        c, [s], "C. 1000 CE - Voyagers reach the _____ in central East Polynesia.", "Society Islands"
    )
    assert out == "In about 1000 CE, voyagers reached the _____ in central East Polynesia."


def test_a_blank_never_splits_a_hyphenated_word():
    c = parsed("Oral traditions of Orvel remember later two-way voyages between the islands.")
    s = sentence(c, "two-way")
    way = next(t for t in s.span if t.text == "way")
    voyages = next(t for t in s.span if t.text == "voyages")
    assert cloze_tokens(list(s.span), way, voyages) is None
    assert cloze_tokens(list(s.span), voyages, voyages) is not None


def test_words_either_side_of_a_cut_keep_a_space():
    c = parsed("The duke gave Orvel (the river town), in 1620, a new charter. The guild was pleased.")
    s = sentence(c, "duke gave")
    removed = {t.i for t in s.span if t.text in ("in", "1620") or (t.text == "," and t.i > s.span.start + 5)}
    assert _invert(s, removed, "When") == "When did the duke give Orvel (the river town) a new charter?"


def test_a_verb_after_a_cut_clause_goes_with_it():
    c = parsed(
        "In 1949 the western lands became the Republic of Varro (West Varro), and the eastern land became "
        "the Republic of Orvel (East Orvel), ruled by the Unity Party of Orvel."
    )
    text = tokens_text(root_clause(sentence(c, "western lands")))
    assert "ruled" not in text
    assert text.endswith("the Republic of Varro (West Varro)")


def test_a_stated_purpose_keeps_its_degree_word_and_its_comma():
    c = parsed(
        "The guild of Orvel was founded in 1340. Digging began in 1748 under Anselm of Varro, Duke of Brisk, "
        "mainly in order to find statues for the royal collections."
    )
    ctx = Context(c, DistractorIndex(c))
    (cause,) = [x for x in causes_of(c, sentence(c, "Digging began")) if x.family == "purpose"]
    assert cause.lead == "mainly"
    assert cause.set_off

    claim = _claim(ctx, sentence(c, "Digging began"), cause)
    assert claim is not None
    assert "Duke of Brisk, mainly in order to find statues" in claim.draft.prompt


def test_fled_from_nowhere_is_not_a_statement_alone():
    c = parsed(
        "Many people left Orvel for the free cities. In July 1761 alone about 3,000 people fled. "
        "In 1762 the duke fled to Varro."
    )
    assert elliptical(sentence(c, "people fled"))
    assert not elliptical(sentence(c, "fled to Varro"))


def test_the_order_of_an_unnamed_action_is_refused_unless_the_prompt_tells_it():
    c = parsed(
        "The guild of Orvel kept its privileges until 1760. Duke Anselm of Varro ordered the expulsion of the guild "
        "from all his lands in 1767, and the order was carried out in Brisk in 1768 by Governor Hendrik Stoel."
    )
    s = sentence(c, "order was carried")
    _, problem = resolve_context(c, [s], "The order was carried out in _____ in 1768.", "Brisk")
    assert problem is not None
    whole = "Duke Anselm of Varro ordered the expulsion of the guild of Orvel, and the order was carried out in _____."
    _, problem = resolve_context(c, [s], whole, "Brisk")
    assert problem is None


def test_a_past_and_a_present_verb_on_one_subject_make_no_question():
    c = parsed("1042: Anselm, later called the Builder, becomes duke of Orvel. He rules until 1066.")
    s = sentence(c, "Builder")
    removed = {t.i for t in s.span if t.text in ("In", "1042", ",") and t.i < s.span.start + 4}
    assert _invert(s, removed, "When") is None  # not "When did Anselm, later call the Builder, becomes duke?"


def test_a_pluperfect_is_asked_with_did():
    c = parsed(
        "The guild of Orvel grew rich on the river trade. "
        "In 1576 the merchant Anselm Varr had founded the town of Brisk on the coast. "
        "In 1590 the bridge at Brisk had been built by the guild."
    )
    s = sentence(c, "had founded")
    year = next(m for m in s.mentions if m.text == "1576")
    assert wh_adjunct(s, year) == "When did the merchant Anselm Varr found the town of Brisk on the coast?"
    s = sentence(c, "had been built")
    year = next(m for m in s.mentions if m.text == "1590")
    assert wh_adjunct(s, year) == "When had the bridge at Brisk been built by the guild?"


STATEMENTS = (
    "1513 - Anselm becomes governor of Orvel in the west.\n"
    "1100 BCE - Settlers reach Orvel. The cemetery at Brisk, found in 2003, holds the oldest graves of the island.\n"
    "1541 - Suleiman annexes Buda; central Hungary becomes an Ottoman province.\n"
    "1560 - Anselm builds a hall at Varro, which still stands today."
)


def test_a_dated_statement_in_the_present_is_put_in_the_past():
    c = parsed(STATEMENTS)
    out, _ = resolve_context(
        c, [sentence(c, "becomes governor")], "1513 - Anselm becomes governor of _____ in the west.", "Orvel"
    )
    assert out == "In 1513, Anselm became governor of _____ in the west."
    out, _ = resolve_context(
        c,
        [sentence(c, "builds")],
        "1560 - Anselm builds a hall at _____, which still stands today.",
        "Varro",
    )
    assert out == "In 1560, Anselm built a hall at _____, which still stands today."


def test_a_present_fact_keeps_the_statement_as_it_is():
    # (a verb misread as a noun, "Suleiman annexes Buda", is put in the past with the others since round 9: see
    # test_context_round9)
    c = parsed(STATEMENTS)
    prompt = "The cemetery at Brisk, found in _____, holds the oldest graves of the island."
    assert resolve_context(c, [sentence(c, "cemetery")], prompt, "2003")[0] == prompt


def test_a_dated_statement_that_cannot_be_put_in_the_past_makes_no_question():
    # "fall" is a verb and a noun here: past_statement leaves both, and "In 1620, prices fall" reads as a slip
    c = parsed("1620 - Prices fall sharply after the fall of Orvel to the raiders.\n1622 - Anselm builds a hall.")
    out, problem = resolve_context(
        c, [sentence(c, "Prices")], "1620 - Prices fall sharply after the fall of _____ to the raiders.", "Orvel"
    )
    assert problem == "a dated statement left in the present tense", out


def test_a_present_fact_with_no_date_of_its_own_is_not_refused_for_its_tense():
    # "refers ... in 1120" is dated on its verb, but the stone still refers to it today: no date leads the prompt
    c = parsed("1650 - Builders finish the temple at Varro. One stone at Varro even refers to a flood in 1120.")
    prompt = "One stone at _____ even refers to a flood in 1120."
    _, problem = resolve_context(c, [sentence(c, "flood")], prompt, "Varro")
    assert problem != "a dated statement left in the present tense"
