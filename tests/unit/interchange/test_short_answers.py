"""Short answers and names as Moodle's readers yield them (question/format/gift and question/format/xml): a fraction
per answer, the wildcard, ``usecase`` and the question's name are read, kept and written back."""

from __future__ import annotations

import pytest

from quizapp.attempts.grading import grade
from quizapp.bank.interchange import export_gift, export_moodle_xml, import_gift, import_moodle_xml

# The case of Moodle's giftformat_test::test_import_shortanswer_with_general_feedback, with its fractions 1, 0.5, 0.
GIFT_SHORT_ANSWER = """
// question: 666  name: Shortanswer
::Shortanswer::Which is the best animal?{
    =Frog#Good!
    =%50%Cat#What is it with Moodlers and cats?
    =%0%*#Completely wrong
    ####[html]Here is some general feedback!
}
"""

XML_SHORT_ANSWER = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/History</text></category></question>
  <question type="shortanswer">
    <name><text>Canal engineer</text></name>
    <questiontext format="html"><text><![CDATA[<p>Who engineered the Bridgewater Canal?</p>]]></text></questiontext>
    <generalfeedback format="html"><text>James Brindley, for the Duke of Bridgewater.</text></generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <penalty>0.3333333</penalty>
    <hidden>0</hidden>
    <usecase>1</usecase>
    <answer fraction="100" format="moodle_auto_format"><text>Brindley</text>
      <feedback format="html"><text>Yes.</text></feedback></answer>
    <answer fraction="100" format="moodle_auto_format"><text>James Brindley</text></answer>
    <answer fraction="33.33333" format="moodle_auto_format"><text>Duke of Bridgewater</text></answer>
    <answer fraction="0" format="moodle_auto_format"><text>*</text>
      <feedback format="html"><text>No.</text></feedback></answer>
  </question>
  <question type="shortanswer">
    <name><text>Colour</text></name>
    <questiontext format="moodle_auto_format"><text>Spell the word for hue, either way.</text></questiontext>
    <answer fraction="100"><text>colo*r</text></answer>
  </question>
</quiz>
"""


def test_gift_short_answer_keeps_each_answers_fraction_as_moodle_reads_it() -> None:
    result = import_gift(GIFT_SHORT_ANSWER)
    assert result.skipped == []
    (question,) = result.questions
    assert question == {
        "type": "fill_in",
        "prompt": "Which is the best animal?",
        "options": [],
        "answer": ["Frog", {"text": "Cat", "fraction": 0.5}, {"text": "*", "fraction": 0.0}],
        "explanation": "Here is some general feedback!",
        "tags": [],
        "title": "Shortanswer",
        "case_sensitive": False,
    }
    assert grade("fill_in", question["answer"], "cat").fraction == 0.5
    assert grade("fill_in", question["answer"], "dog").fraction == 0.0


@pytest.mark.parametrize(
    ("block", "answer"),
    [
        ("{=*}", ["*"]),
        ("{=colo*r}", ["colo*r"]),
        ("{=%100%Frog =%33.33333%Toad}", ["Frog", {"text": "Toad", "fraction": 0.3333333}]),
        ("{=Frog =%0%Toad}", ["Frog", {"text": "Toad", "fraction": 0.0}]),
        ("{=5 \\* 3}", ["5 \\* 3"]),  # \* is no GIFT escape: it reaches Moodle as a literal asterisk
        ("{Frog}", ["Frog"]),  # text before the first "=" is an answer, as in Moodle
    ],
)
def test_gift_short_answer_blocks(block: str, answer: list[object]) -> None:
    (question,) = import_gift(f"::Q:: Name it. {block}").questions
    assert question["answer"] == answer


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        ("{=Frog =%150%Cat}", "'Cat' is worth 150%; a weight is from 0% to 100%"),
        ("{=Frog =%-50%Cat}", "'Cat' is worth -50%; a weight is from 0% to 100%"),
        ("{=%50%Cat =%0%*}", "no short answer is worth 100%"),
    ],
)
def test_gift_short_answers_that_cannot_be_kept_are_left_out_with_line_and_why(block: str, reason: str) -> None:
    result = import_gift(f"::Fine:: Fine? {{T}}\n\n::Odd:: Name it. {block}\n")
    assert [q["title"] for q in result.questions] == ["Fine"]
    assert len(result.skipped) == 1
    assert result.skipped[0].startswith('line 3 "Odd": ')
    assert reason in result.skipped[0]


def test_moodle_xml_short_answer_keeps_fractions_usecase_and_name() -> None:
    result = import_moodle_xml(XML_SHORT_ANSWER)
    assert result.skipped == []
    engineer, colour = result.questions
    assert engineer["title"] == "Canal engineer"
    assert engineer["case_sensitive"] is True
    assert engineer["answer"] == [
        "Brindley",
        "James Brindley",
        {"text": "Duke of Bridgewater", "fraction": 0.3333333},
        {"text": "*", "fraction": 0.0},
    ]
    assert engineer["explanation"] == "James Brindley, for the Duke of Bridgewater."
    assert colour["title"] == "Colour"
    assert colour["case_sensitive"] is False
    assert colour["answer"] == ["colo*r"]
    assert grade("fill_in", colour["answer"], "Colour").correct


@pytest.mark.parametrize(("usecase", "expected"), [("0", False), ("1", True), ("", False), ("true", True)])
def test_moodle_xml_usecase_values(usecase: str, expected: bool) -> None:
    xml = XML_SHORT_ANSWER.replace("<usecase>1</usecase>", f"<usecase>{usecase}</usecase>")
    assert import_moodle_xml(xml).questions[0]["case_sensitive"] is expected


def test_moodle_xml_fraction_out_of_range_is_left_out_with_why() -> None:
    xml = XML_SHORT_ANSWER.replace('fraction="33.33333"', 'fraction="150"')
    result = import_moodle_xml(xml)
    assert [q["title"] for q in result.questions] == ["Colour"]
    assert result.skipped == [
        """question 1 "Canal engineer": the short answer 'Duke of Bridgewater' is worth 150%; """
        "a fraction is from 0 to 100"
    ]


def test_moodle_xml_export_writes_fractions_usecase_and_name() -> None:
    questions = import_moodle_xml(XML_SHORT_ANSWER).questions
    xml = export_moodle_xml(questions).decode()
    assert "<name>\n      <text>Canal engineer</text>" in xml
    assert "<usecase>1</usecase>" in xml
    assert "<usecase>0</usecase>" in xml
    assert '<answer fraction="33.33333" format="moodle_auto_format">' in xml
    assert '<answer fraction="0" format="moodle_auto_format">\n      <text>*</text>' in xml
    assert import_moodle_xml(xml).questions == questions


def test_gift_export_writes_weights_as_moodle_does_and_reads_back() -> None:
    questions = import_gift(GIFT_SHORT_ANSWER).questions
    gift = export_gift(questions)
    assert "::Shortanswer::Which is the best animal? {\n\t=Frog\n\t=%50%Cat\n\t=%0%*\n" in gift
    assert import_gift(gift).questions == questions


def test_gift_export_of_a_case_sensitive_short_answer_says_so_in_a_comment() -> None:
    questions = import_moodle_xml(XML_SHORT_ANSWER).questions
    gift = export_gift(questions)
    assert "// quizapp: case-sensitive" in gift
    assert "=%33.33333%Duke of Bridgewater" in gift
    again = import_gift(gift).questions
    assert [q["case_sensitive"] for q in again] == [True, False]
    assert again == questions


def test_a_name_is_kept_and_written_back_in_both_formats() -> None:
    question = {
        "type": "true_false",
        "prompt": "The canal opened in 1761.",
        "answer": True,
        "title": "Opening: year {1761}",
    }
    assert import_gift(export_gift([question])).questions[0]["title"] == "Opening: year {1761}"
    assert import_moodle_xml(export_moodle_xml([question])).questions[0]["title"] == "Opening: year {1761}"


def test_a_name_longer_than_moodles_is_shortened_as_moodle_does() -> None:
    (question,) = import_gift("::" + "word " * 100 + ":: Right? {T}").questions
    assert len(question["title"]) <= 255
    assert question["title"].endswith("…")


def test_csv_shows_each_answers_weight() -> None:
    from quizapp.bank.interchange import export_csv

    questions = import_gift(GIFT_SHORT_ANSWER).questions
    assert "Frog | Cat (50%) | * (0%)" in export_csv(questions)
