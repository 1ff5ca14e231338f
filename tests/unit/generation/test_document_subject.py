"""The document's subject, from its title, written into prompts that speak of it without naming it; framing lines
and openers that point back give no question. (Texts made up for the tests.)"""

from __future__ import annotations

import pytest

from quizapp.generation.definites import resolve_context
from quizapp.generation.placeholders import pointing_opener
from quizapp.generation.setting import document_subject
from quizapp.generation.source_form import not_a_statement
from quizapp.generation.textutil import anaphora_problem

from ._articles import parsed, sentence

CANAL = (
    "Surveyors mapped a route from the Varn to Lake Osel in 1790. The canal was meant to carry grain. "
    "Work began in 1794, after the council of Dorrel raised a loan. "
    "The first section, twelve miles between Dorrel and Kess, opened to barges in 1797. "
    "Merchants called the Orlan Canal a wonder of the age, and tolls on the canal paid off the loan by 1810."
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("THE ORLAN CANAL: A TIMELINE, 1790-1850", "the Orlan Canal"),  # the body's own capitals and article
        ("Orlan Canal (1790–1850)", "the Orlan Canal"),
        ("Ships of the Sea: Questions Answered", None),  # no name the body repeats
    ],
)
def test_the_subject_is_the_titles_name_as_the_body_writes_it(title, expected):
    c = parsed(CANAL, titles=(title,))
    subject = document_subject(c, 0)
    assert (subject.text if subject else None) == expected


def test_a_title_that_asks_a_question_names_no_subject():
    # the body says "the crash" often: the question's last word would pass for the head word of a name
    body = "The crash came in 1637. Prices fell after the crash. The crash ruined the traders of Haarlem."
    c = parsed(body, titles=("Did Tulip Prices Really Crash?",))
    assert document_subject(c, 0) is None  # else "the traders of Did Tulip Prices Really Crash" is written in


def test_a_capital_that_opens_a_sentence_names_no_subject():
    c = parsed(
        "Sixty years on, the town of Kess still sings of it. Sixty years on was the motto.", titles=("Sixty years on",)
    )
    assert document_subject(c, 0) is None


@pytest.mark.parametrize(
    ("words", "prompt", "expected"),
    [
        ("Work began", "Work began in _____, after the council of Dorrel raised a loan.",
         "Work on the Orlan Canal began in _____, after the council of Dorrel raised a loan."),
        ("first section", "In 1797, the first section, twelve miles between Dorrel and Kess, opened to barges.",
         "In 1797, the first section of the Orlan Canal, twelve miles between Dorrel and Kess, opened to barges."),
        # the prompt names the subject already: nothing to write in
        ("Merchants called", "Merchants called the Orlan Canal a wonder of the _____.",
         "Merchants called the Orlan Canal a wonder of the _____."),
    ],
)  # fmt: skip
def test_the_subject_is_written_into_a_part_or_work_the_prompt_leaves_unnamed(words, prompt, expected):
    c = parsed(CANAL, titles=("The Orlan Canal",))
    assert resolve_context(c, [sentence(c, words)], prompt) == (expected, None)


def test_no_subject_is_written_in_for_an_article_on_something_not_built():
    text = CANAL.replace("Orlan Canal", "Orlan Treaty")
    c = parsed(text, titles=("The Orlan Treaty",))
    prompt = "Work began in _____, after the council of Dorrel raised a loan."
    assert resolve_context(c, [sentence(c, "Work began")], prompt) == (prompt, None)


def test_a_plural_definite_of_a_referring_kind_is_resolved_or_refused():
    c = parsed(
        "Spanish ships reached the Velde archipelago in 1565. "
        "In 1571 Diego Legaro made Porta the capital of the islands."
    )
    _, problem = resolve_context(
        c, [sentence(c, "capital")], "When did Diego Legaro make Porta the capital of the islands?"
    )
    assert problem is not None
    assert "the islands" in problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Either way, the flood changed how the people of Kess thought about rivers.", True),
        ("Nor did the council of Kess pay for the dam.", True),
        ("In that case, the council of Kess would pay for the dam.", False),  # cut from the prompt instead
        ("In Kess, the council paid for the dam in 1801.", False),
    ],
)
def test_an_opener_that_points_back_leaves_the_sentence_saying_nothing_alone(text, expected):
    c = parsed("The river Varn flooded Kess in 1800. " + text)
    assert pointing_opener(sentence(c, "council" if "council" in text else "rivers")) is expected


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("In this way, the council of Kess paid for the dam in 1801.", True),
        ("Amid these floods, the council of Kess paid for the dam in 1801.", True),
        ("That summer, the council of Kess paid for the dam.", False),  # a time: dated from the sentence before
        ("Because of these floods, the council of Kess paid for the dam.", False),  # a cause: the why questions'
        ("Maps of this river, drawn by Varo, show the dam of Kess.", False),  # the subject's words, no opener
    ],
)
def test_a_fronted_phrase_that_points_back_is_cut_from_the_body(text, cut):
    from quizapp.generation.clauses import body_tokens

    c = parsed("The river Varn flooded Kess in 1800. " + text)
    s = sentence(c, text[:12])
    body = " ".join(t.text for t in body_tokens(s))
    assert body.startswith(text.split(",")[0].split()[0]) is not cut


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Getting grain to Kess across the Varn was never the problem.", True),
        ("Silver was the key.", True),
        ("Varo was the first mayor of Kess.", False),  # of Kess: the sentence says of what
        ("Kess had few horses before 1800; mules from the hills were the main exception.", False),  # the clause before
        ("In 1801 the townsmen marched through Kess chanting 'we are the people'.", False),  # inside a quotation
    ],
)
def test_a_bare_definite_predicate_says_nothing_alone(text, expected):
    from quizapp.generation.placeholders import bare_predicate

    c = parsed("The river Varn flooded Kess in 1800. " + text)
    assert bare_predicate(sentence(c, text[:12])) is expected


def test_a_pronoun_inside_a_nouns_phrase_is_not_that_noun():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(
        "In 1966 the stockmen of Kess walked off the station. "
        "The writer Piet Varo's book about it, The Lost Station, appeared in 1968."
    )
    s = sentence(c, "book about")
    assert stand_alone(c, s, "The writer Piet Varo's book about it, The Lost Station, appeared in 1968.") is None


def test_a_headlines_indirect_question_is_not_a_statement():
    c = parsed(
        "How the town of Kess dug a canal from the Varn to Lake Osel, and what came of it.\n\n"
        "The town of Kess dug a canal from the Varn to Lake Osel between 1794 and 1801."
    )
    assert not_a_statement(c, sentence(c, "How the town")) is not None
    assert not_a_statement(c, sentence(c, "between 1794")) is None


def test_a_title_in_capitals_is_written_in_as_the_body_writes_the_name():
    c = parsed(CANAL, titles=("THE ORLAN CANAL: A TIMELINE",))
    prompt, problem = resolve_context(c, [sentence(c, "meant to carry")], "What was the canal meant to carry?")
    assert (prompt, problem) == ("What was the Orlan Canal meant to carry?", None)


def test_an_adjective_that_points_back_leaves_the_definite_unresolved():
    c = parsed(
        "Scholars of Kess read the old tablets with a key found in 1790. "
        "In 1802 the academy of Dorrel tested the new science with four rival translations."
    )
    _, problem = resolve_context(c, [sentence(c, "rival")], "In 1802 the academy of Dorrel tested the new science.")
    assert problem is not None
    assert "the new science" in problem


def test_arriving_with_no_place_says_nothing_alone():
    from quizapp.generation.clauses import elliptical

    c = parsed("The monk Varo arrived around 637 and stayed for years. The monk Varo arrived at Kess around 640.")
    assert elliptical(sentence(c, "stayed"))
    assert not elliptical(sentence(c, "at Kess"))


def test_a_demonstrative_with_words_before_its_noun_is_refused():
    from quizapp.generation.pronouns import stand_alone

    c = parsed("Deaths in Kess rose in 1801. A report of 1803 blamed much of that later excess on a fever.")
    s = sentence(c, "later excess")
    assert stand_alone(c, s, "A report of _____ blamed much of that later excess on a fever.", "1803") is None


def test_there_after_a_sentence_about_a_building_is_not_a_place_it_mentions():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(
        "The amphitheatre, built by the magistrate Varo, is the oldest in the Roman world. "
        "In 59 a brawl there between townsmen and visitors from Kess left many dead."
    )
    s = sentence(c, "brawl")
    out = stand_alone(c, s, "In 59 a brawl there between townsmen and visitors from Kess left many dead.")
    assert out is None or "Roman" not in out  # without the rule: "a brawl in Roman between ..."
    assert out is None or anaphora_problem(out)  # "there" left as it is: the question is refused


def test_a_pronoun_after_a_preposition_is_not_its_verbs_object():
    from quizapp.generation.pronouns import stand_alone

    c = parsed("Fog covered the town of Kess every winter. The novelist Varo had filled Grey Harbour with it.")
    s = sentence(c, "filled")
    # without the rule, "it" reads as the book just before it and the prompt is kept with "it" dangling
    assert stand_alone(c, s, "The novelist Varo had filled Grey Harbour with it.") is None


def test_arriving_with_no_place_leaves_a_second_clause_standing():
    from quizapp.generation.clauses import elliptical

    c = parsed("Traders had arrived in 1543, and monks led by Varo had converted the town of Kess by 1560.")
    assert not elliptical(sentence(c, "Traders"))


def test_a_pronoun_after_a_preposition_may_mean_who_a_possessive_of_the_object_is():
    from quizapp.generation.pronouns import stand_alone

    c = parsed("The collector Piet Varo lived at Kess. Piet Varo took his children with him to search the beaches.")
    s = sentence(c, "his children")
    assert stand_alone(c, s, "Piet Varo took his children with him to search the beaches.") is not None


def test_a_modified_plural_is_a_class_not_a_thing_told_before():
    c = parsed("Digging at Kess began in 1748 under King Varo, to find statues for the royal collections.")
    prompt = "Digging at Kess began in _____ under King Varo, to find statues for the royal collections."
    assert resolve_context(c, [sentence(c, "Digging")], prompt, "1748") == (prompt, None)
