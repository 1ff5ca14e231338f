"""Stems cut from a sentence that tell its time twice or lean on a sentence before (round 24; texts made up for the
tests): a timeline entry's date is not written before a sentence that counts its own time from it ("Over the
following decades") or gives its own day ("arrested on 6 July"), and "A second pressure", "Another reform",
"X replied", "Y went further" make no question on their own."""

from __future__ import annotations

from quizapp.generation.dangling import dangling_phrase, unanswered_reply
from quizapp.generation.definites import resolve_context

from ._articles import parsed, sentence

CHRONOLOGY = (
    "1702: Duke Anselm of Varro becomes governor of Orvel. Over the following decades he builds a new harbour "
    "and funds it with a salt tax.\n"
    "3-4 May 1711: Mayor Hendrik Stoel is arrested on 3 May and sent to the fortress of Kell.\n"
    "1715: The cloth hall burns down."
)


def test_a_time_counted_from_the_entry_date_takes_the_date_in_it():
    c = parsed(CHRONOLOGY)
    s = sentence(c, "harbour")
    prompt, _ = resolve_context(
        c, [s], "Over the following decades Duke Anselm builds a new harbour and funds it with a _____.", "salt tax"
    )
    assert "In 1702, over" not in prompt
    assert prompt.startswith("Over the decades after 1702, Duke Anselm")


def test_a_day_of_its_own_takes_only_the_year_of_its_entry():
    c = parsed(CHRONOLOGY)
    s = sentence(c, "arrested")
    prompt, _ = resolve_context(
        c, [s], "3-4 May 1711: Mayor Hendrik Stoel is arrested on 3 May and sent to the fortress of _____.", "Kell"
    )
    assert prompt.startswith("In 1711, Mayor Hendrik Stoel")
    assert "3-4 May" not in prompt
    # another day than the entry's is another event: the entry's date stays
    prompt, _ = resolve_context(
        c, [s], "3-4 May 1711: Mayor Hendrik Stoel is arrested after the riot of 28 April and sent to _____.", "Kell"
    )
    assert prompt.startswith("On 3-4 May 1711, Mayor Hendrik Stoel")


def test_a_subject_counted_on_from_an_earlier_one_leans_on_it():
    c = parsed(
        "The guilds of Orvel resented the salt tax. A second grievance came from the cost of the war with Varro. "
        "Another complaint concerned the duke's soldiers."
    )
    s = sentence(c, "second grievance")
    assert dangling_phrase(s, "A second grievance came from the cost of the _____ with Varro.") == "A second grievance"
    s = sentence(c, "Another complaint")
    assert dangling_phrase(s, s.text) == "Another complaint"
    first = parsed("The first grievance came from the salt tax. A guild of weavers met in 1702.")
    assert dangling_phrase(sentence(first, "weavers"), "A guild of weavers met in _____.") is None


def test_a_reply_or_going_further_with_no_one_answered_leans_on_a_sentence_before():
    c = parsed(
        "The historian Ada Venn argued that the tax caused the revolt. Tomas Reel replied that the harvest failed. "
        "Ida Marr went further, arguing that the guilds planned it. Reel replied to Venn in a review."
    )
    s = sentence(c, "harvest")
    assert dangling_phrase(s, "Tomas Reel replied that the _____ failed.") == "replied"
    # what the reply holds is a claim of its own: asked as an argument, not as an answer to someone unnamed
    argued = unanswered_reply(s, "Tomas Reel replied that the _____ failed.")
    assert argued == "Tomas Reel argued that the _____ failed."
    s = sentence(c, "went further")
    assert dangling_phrase(s, "Ida Marr went further, arguing that the _____ planned it.") == "went further"
    s = sentence(c, "review")
    assert dangling_phrase(s, "Reel replied to Venn in a _____.") is None
    initials = parsed("The historian Ada Venn blamed the tax. A. T. Reel replied that the harvest failed.")
    s = sentence(initials, "harvest")
    assert dangling_phrase(s, "A. T. Reel replied that the _____ failed.") == "replied"  # an initial ends no sentence


def test_a_past_form_that_is_another_verbs_present_is_put_in_the_past_in_a_chronology():
    c = parsed(
        "1702: Duke Anselm of Varro becomes governor of Orvel.\n"
        "1706: Hendrik Stoel and other weavers found the Orvel Brotherhood, a guild that seeks lower taxes."
    )
    s = sentence(c, "Brotherhood")
    prompt, _ = resolve_context(
        c,
        [s],
        "1706: Hendrik Stoel and other weavers found the _____, a guild that seeks lower taxes.",
        "Orvel Brotherhood",
    )
    assert prompt == "In 1706, Hendrik Stoel and other weavers founded the _____, a guild that sought lower taxes."
