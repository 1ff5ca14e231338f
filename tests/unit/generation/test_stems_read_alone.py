"""Round 16 (issue #15): a stem must be a sentence. A line whose only verb is in brackets makes no question, a verb
of another clause doubled across a comma is caught in the last look, and a present pair of verbs under "did" takes
the base form with its root (texts made up for the tests)."""

from __future__ import annotations

from quizapp.generation.fragments import no_finite_verb
from quizapp.generation.prompt_form import form_problems
from quizapp.generation.syntax import wh_question

from ._articles import mention, parsed, sentence


def test_a_line_whose_only_verb_is_in_brackets_states_nothing():
    c = parsed(
        "Orvel's son Tamsin (reigned 1402-1440). Between about 900 and 600 BCE (the exact span is disputed). "
        "Tamsin (who reigned from 1402) built a harbour at Kelsby. The harbour at Kelsby (since silted up) was large."
    )
    assert no_finite_verb(sentence(c, "son Tamsin").span)
    assert no_finite_verb(sentence(c, "Between about").span)
    assert not no_finite_verb(sentence(c, "built a harbour").span)
    assert not no_finite_verb(sentence(c, "was large").span)


def test_a_word_doubled_across_a_comma_is_malformed():
    assert "a word doubled across a comma" in form_problems("When did the push come, come to Tesk to study?")
    assert not form_problems("When did the push come to Tesk, and who came with it?")


def test_a_present_pair_of_verbs_under_did_both_take_the_base_form():
    c = parsed("In 1402 the traveller Orvel Vask visits Kelsby and describes Tesk as a great market town.")
    prompt = wh_question(sentence(c, "Vask"), mention(c, "1402"))
    assert prompt is not None
    assert "visit Kelsby and describe Tesk" in prompt, prompt


def test_they_for_a_group_named_in_apposition_keeps_the_names():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(
        "The surveyors Mara Venn and Olek Tarr have spent two decades questioning that account. "
        "In 2006 they published new dates from Kelsby beach."
    )
    s = sentence(c, "In 2006")
    out = stand_alone(c, s, s.text, "")
    assert out is not None
    assert "Mara Venn and Olek Tarr published" in out, out


def test_a_question_run_on_past_a_semicolon_is_malformed():
    bad = "When was the envoy Orvel Vask received in 1685; the ambassador Tamsin received at Kelsby?"
    assert "a question run on past a semicolon" in form_problems(bad)
    assert not form_problems("When did Orvel Vask write the letter (dated 3 May; sent 9 May)?")


def test_its_is_never_a_persons_surname():
    from quizapp.generation.pronouns import stand_alone

    c = parsed(
        "The temple was first studied by the archaeologist Julio C. Vask in 1919. "
        "Vask argued that Kelsby was the mother culture of the valley and that its roots lay in the lowlands."
    )
    s = sentence(c, "Vask argued")
    out = stand_alone(c, s, s.text, "")
    assert out is None or "Vask's roots" not in out, out


def test_a_verb_read_as_a_noun_after_and_takes_the_base_form_under_did():
    from quizapp.generation.tense import past_clauses

    c = parsed(
        "1854 - During a civil war, Orvel abolishes the tax paid by farmers and decrees the end of serfdom.\n"
        "1856 - The council passes the Harbour Act."
    )
    s = sentence(c, "abolishes")
    question = "During a civil war, when did Orvel abolish the tax paid by farmers and decrees the end of serfdom?"
    assert "and decree the end" in past_clauses(c, s, question)


def test_a_date_of_the_past_before_now_is_malformed():
    assert "a date of the past put before 'now'" in form_problems("In 1902, the Kelsby railway now lies in Tesk.")
    assert not form_problems("In The Harvest (about 1660, now in Tesk) a woman cuts wheat.")
    assert not form_problems("The Kelsby railway now lies in Tesk.")
    assert not form_problems("In 1596, a diocese was created at Tesk, the name now used for Kelsby.")


def test_a_verb_answering_what_another_sentence_tells_makes_no_question():
    from quizapp.generation.placeholders import placeholder

    c = parsed(
        "In 1956 the Tesk bank withdrew its offer to fund the dam. The Kelsby league stepped in, providing loans. "
        "Orvel Vask, a Tesk physician born in 1813, disagreed. Orvel Vask disagreed with the council about the wells. "
        "The league stepped into the market in 1957."
    )
    assert placeholder(sentence(c, "stepped in,"))
    assert placeholder(sentence(c, "born in 1813"))
    assert not placeholder(sentence(c, "about the wells"))
    assert not placeholder(sentence(c, "into the market"))
