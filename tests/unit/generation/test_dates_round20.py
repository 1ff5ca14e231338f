"""Dates (quality, round 20): no choice or fill-in on a date beside the point, where the stem already states two
more clauses or appositions and asks only the year of a detail; a date that opens its sentence stays asked."""

from types import SimpleNamespace

from quizapp.generation import generate
from quizapp.generation.candidates.base import Candidate
from quizapp.generation.guards import date_beside_the_point
from quizapp.generation.types import QuestionDraft

from ._articles import clean

DAM = """The Harrow Valley Dam

The Harrow Valley Dam was begun by the engineer Edwin Marsh in 1931 to store the winter floods of the river Teme. In 1938 the dam was finished, and the valley below it flooded for the last time in 1936.

The old weir at Lydbrook, built in 1862 and raised twice afterwards, held back some water for the mills. Marsh had trained in Glasgow, where he worked for the shipbuilder Robert Napier from 1901 to 1910.

In 1947, after long talks, the county council bought the dam from the Teme Water Company. The council opened a park beside the lake in 1952. Floods returned in 1968, when a storm broke the spillway gates."""  # noqa: E501


def _date_questions(text: str) -> dict[str, str]:
    """Each choice or fill-in date key of the text's questions, with its prompt."""
    out = {}
    for q in generate([clean("dam.txt", text)], max_questions=40).questions:
        if q.type == "multiple_choice":
            out[str(q.answer)] = q.prompt
        elif q.type == "fill_in" and q.answer:
            out[str(q.answer[0])] = q.prompt
    return out


def test_a_detail_date_beside_a_stated_point_is_not_asked():
    asked = _date_questions(DAM)
    assert "1862" not in asked  # "The old weir ..., built in _____ and raised twice afterwards, held back ..."
    assert "1938" in asked  # "When was the Harrow Valley Dam finished?": one comma at most, still asked


def _refused(sentence: str, prompt: str, key: str, kind: str = "multiple_choice") -> bool:
    answer: object = [key] if kind == "fill_in" else key
    draft = QuestionDraft(type=kind, prompt=prompt, answer=answer)
    return date_beside_the_point(Candidate(draft, key, [SimpleNamespace(text=sentence)])) is not None  # type: ignore[list-item]


def test_a_date_that_opens_its_sentence_is_asked_however_long_the_stem():
    sentence = "In 1947, after long talks, the county council bought the dam, then near ruin."
    assert not _refused(
        sentence, "In _____, after long talks, the county council bought the dam, then near ruin.", "1947"
    )
    assert not _refused(
        "Around 1631, after a siege, Mara took the town, its old capital.",
        "Around _____, after a siege, Mara took the town, its old capital.",
        "1631",
        "fill_in",
    )
    since = "Since 45 BCE, the towns had used the old calendar, set by the council, without change."
    assert not _refused(since, since.replace("45 BCE", "_____"), "45 BCE", "fill_in")
    decade = "In the 1920s, opposition grew into a movement, which brought together chiefs and traders."
    assert not _refused(decade, decade.replace("1920s", "_____"), "1920s", "fill_in")


def test_the_rule_reads_dates_and_two_commas_only():
    sentence = "The weir, built in 1862 and raised twice, held back water, but not a flood."
    assert _refused(sentence, "The weir, built in _____ and raised twice, held back water, but not a flood.", "1862")
    assert _refused(
        sentence, "The weir, built in _____ and raised twice, held back water, but not a flood.", "1862", "fill_in"
    )
    assert not _refused(sentence, "The weir built in _____ held back water, but not a flood.", "1862")  # one comma
    names = "The weir, built by Hale and raised twice, held back water, but not a flood."
    film = "The 1921 hit Shuffle Along, by two songwriters, showed that such musicals could succeed, critics said."
    assert _refused(film, film.replace("1921", "_____"), "1921")  # a date inside a name's phrase frames nothing
    assert not _refused(names, "The weir, built by _____ and raised twice, held back water, but not a flood.", "Hale")
