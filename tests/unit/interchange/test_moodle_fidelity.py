"""Moodle's ordering, matching-with-distractors and several-right-answers questions, read as Moodle reads them.

The files are Moodle's own test fixtures (question/type/ordering/tests/fixtures, question/format/xml/tests) or
written here in their syntax; each assertion says what Moodle's reader yields for it.
"""

from __future__ import annotations

from quizapp.bank.interchange import export_gift, export_moodle_xml, import_gift, import_moodle_xml

WORDS = ["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"]

# question/type/ordering/tests/fixtures/testquestion.moodle.xml, as Moodle ships it (trimmed of its hints).
ORDERING_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/Test questions</text></category></question>
  <question type="ordering">
    <name><text>dd-ordering 1</text></name>
    <questiontext format="html"><text>Put these words in order.</text></questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>The correct answer is "Modular Object Oriented Dynamic Learning Environment".</p>]]></text>
    </generalfeedback>
    <defaultgrade>1.0000000</defaultgrade>
    <layouttype>HORIZONTAL</layouttype>
    <selecttype>ALL</selecttype>
    <selectcount>2</selectcount>
    <gradingtype>ABSOLUTE_POSITION</gradingtype>
    <showgrading>SHOW</showgrading>
    <answer fraction="1.0000000" format="moodle_auto_format"><text>Modular</text></answer>
    <answer fraction="2.0000000" format="moodle_auto_format"><text>Object</text></answer>
    <answer fraction="3.0000000" format="moodle_auto_format"><text>Oriented</text></answer>
    <answer fraction="4.0000000" format="moodle_auto_format"><text>Dynamic</text></answer>
    <answer fraction="5.0000000" format="moodle_auto_format"><text>Learning</text></answer>
    <answer fraction="6.0000000" format="moodle_auto_format"><text>Environment</text></answer>
  </question>
</quiz>
"""


def test_moodle_s_ordering_fixture_is_read_with_its_six_items_and_grading_type():
    result = import_moodle_xml(ORDERING_XML.encode())
    assert result.skipped == []
    (question,) = result.questions
    assert question["type"] == "ordering"
    assert question["answer"] == WORDS
    assert question["grading"] == "absolute_position"
    assert question["explanation"] == 'The correct answer is "Modular Object Oriented Dynamic Learning Environment".'


def test_the_gift_ordering_syntax_is_read_as_ordering():
    text = "::Moodle::[html]Put these words in order.{>6 ALL VERTICAL RELATIVE_TO_CORRECT SHOW none\n"
    text += "\n".join(WORDS) + "\n}\n"
    (question,) = import_gift(text).questions
    assert question["type"] == "ordering"
    assert question["title"] == "Moodle"
    assert question["prompt"] == "Put these words in order."
    assert question["answer"] == question["options"] == WORDS
    assert question["grading"] == "relative_to_correct"


def test_gift_ordering_keywords_as_moodle_reads_them():
    ten = [f"Event {n}" for n in range(1, 11)]
    cases = {
        ">10 ALL ABS": "absolute_position",  # Moodle's short names
        ">10 EXACT HORIZONTAL REL HIDE": "relative_next_exclude_last",
        ">10 ALL": "relative_next_exclude_last",  # no grading type: Moodle's default
        ">10 ALL VERTICAL LONGEST_ORDERED_SUBSET SHOW none": "longest_ordered_subset",
        ">10 ALL V ALL_OR_NOTHING": "all_or_nothing",
        ">10 RANDOM VERTICAL LONGEST_CONTIGUOUS_SUBSET": "longest_contiguous_subset",  # 10 of 10: all shown
    }
    for header, grading in cases.items():
        (question,) = import_gift("Order them. {" + header + "\n" + "\n".join(ten) + "\n}").questions
        assert (question["answer"], question["grading"]) == (ten, grading), header


def test_an_item_is_never_taken_for_a_keyword():
    # Moodle's pattern lets the layout "V" end inside "Victoria"; quizapp keeps the item whole.
    (question,) = import_gift("Order the monarchs. {>3 ALL\nVictoria\nEdward VII\nGeorge V\n}").questions
    assert question["answer"] == ["Victoria", "Edward VII", "George V"]


def test_a_random_subset_of_the_items_is_left_out_with_its_line_and_why():
    result = import_gift("::A::First {=x ~y}\n\n::Pick::Order three of them. {>3 RANDOM\na\nb\nc\nd\ne\n}\n")
    assert [q["title"] for q in result.questions] == ["A"]
    assert result.skipped == [
        'line 3 "Pick": it shows 3 of its 5 items, chosen anew each attempt (RANDOM); '
        "quizapp shows every item (write ALL to keep them all)"
    ]


def test_ordering_is_written_as_moodle_writes_it_and_comes_back():
    question = {"type": "ordering", "prompt": "Order.", "answer": WORDS, "grading": "relative_one_previous_and_next"}
    text = export_gift([question])
    assert "Order. {>6 ALL VERTICAL RELATIVE_ONE_PREVIOUS_AND_NEXT SHOW none\n\tModular\n" in text
    assert import_gift(text).questions[0]["grading"] == "relative_one_previous_and_next"
    xml = export_moodle_xml([question]).decode()
    assert "<gradingtype>RELATIVE_ONE_PREVIOUS_AND_NEXT</gradingtype>" in xml
    assert "<selecttype>ALL</selecttype>" in xml
    assert import_moodle_xml(xml.encode()).questions[0]["grading"] == "relative_one_previous_and_next"


def test_the_export_states_the_grading_quizapp_uses_not_absolute_position():
    # quizapp grades an ordering question without a stated type by the longest ordered subset.
    question = {"type": "ordering", "prompt": "Order.", "answer": ["a", "b", "c"]}
    assert "<gradingtype>LONGEST_ORDERED_SUBSET</gradingtype>" in export_moodle_xml([question]).decode()


# --- several right answers ------------------------------------------------------------------------------------

MULTI_XML = """<quiz>
  <question type="multichoice">
    <name><text>Emperors</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which were emperors?</p>]]></text></questiontext>
    <single>false</single>
    <answer fraction="33.33333" format="html"><text>Nero</text></answer>
    <answer fraction="33.33333" format="html"><text>Trajan</text></answer>
    <answer fraction="33.33333" format="html"><text>Hadrian</text></answer>
    <answer fraction="-100" format="html"><text>Cicero</text></answer>
    <answer fraction="0" format="html"><text>Sulla</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Half</text></name>
    <questiontext format="html"><text>Half right</text></questiontext>
    <single>false</single>
    <answer fraction="50" format="html"><text>a</text></answer>
    <answer fraction="0" format="html"><text>b</text></answer>
  </question>
</quiz>"""


def test_single_false_is_choose_all_that_apply_with_moodle_s_fractions():
    result = import_moodle_xml(MULTI_XML.encode())
    (emperors,) = result.questions
    assert emperors["type"] == "multiple_answer"
    assert emperors["options"] == ["Nero", "Trajan", "Hadrian", "Cicero", "Sulla"]
    assert emperors["answer"] == [
        ["Nero", 0.3333333],
        ["Trajan", 0.3333333],
        ["Hadrian", 0.3333333],
        ["Cicero", -1.0],
        ["Sulla", 0.0],
    ]
    assert result.skipped == [
        'question 2 "Half": the right options add up to 50%, not 100% (Moodle\'s editor refuses that too)'
    ]


def test_gift_weights_on_several_options_without_an_equals_sign_are_several_answers():
    result = import_gift("Which? {~%50%A ~%50%B ~%-100%C}\n\nOne? {~%100%A ~B}\n\nHalf? {=A ~%50%B ~C}\n")
    several, one = result.questions
    assert several["answer"] == [["A", 0.5], ["B", 0.5], ["C", -1.0]]
    # Moodle: no "=" means single = 0, even with one option at 100%.
    assert one["type"] == "multiple_answer"
    assert one["answer"] == [["A", 1.0], ["B", 0.0]]
    # With "=", one answer: partial credit on a single-answer question is still left out, and said so.
    assert result.skipped == [
        'line 5 "Half?": multiple choice with partial-credit weights is not supported (one option must be worth 100%)'
    ]


def test_several_answers_are_written_with_weights_and_single_false():
    question = {
        "type": "multiple_answer",
        "prompt": "Which?",
        "options": ["A", "B", "C", "a = b"],
        "answer": [["A", 0.5], ["B", 0.5], ["C", -1.0], ["a = b", 0.0]],
    }
    text = export_gift([question])
    assert "\t~%50%A\n\t~%50%B\n\t~%-100%C\n" in text
    assert "=" not in text.split("{", 1)[1].split("}", 1)[0]  # "=" anywhere in the block makes Moodle read one
    assert import_gift(text).questions[0]["answer"] == question["answer"]
    xml = export_moodle_xml([question]).decode()
    assert "<single>false</single>" in xml
    assert '<answer fraction="-100" format="html">' in xml
    assert import_moodle_xml(xml.encode()).questions[0]["answer"] == question["answer"]


# --- matching with distractors ---------------------------------------------------------------------------------

MATCHING_XML = """<quiz>
  <question type="matching">
    <name><text>Rivers</text></name>
    <questiontext format="html"><text>Match each city with its river.</text></questiontext>
    <subquestion format="html"><text>Rome</text><answer><text>Tiber</text></answer></subquestion>
    <subquestion format="html"><text>Paris</text><answer><text>Seine</text></answer></subquestion>
    <subquestion format="html"><text>London</text><answer><text>Thames</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Danube</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Rhine</text></answer></subquestion>
  </question>
</quiz>"""


def test_a_matching_subquestion_without_text_is_a_distractor_both_ways():
    (question,) = import_moodle_xml(MATCHING_XML.encode()).questions
    assert question["answer"] == [["Rome", "Tiber"], ["Paris", "Seine"], ["London", "Thames"]]
    assert question["options"] == ["Tiber", "Seine", "Thames", "Danube", "Rhine"]
    gift = export_gift([question])
    assert "\t= -> Danube\n\t= -> Rhine\n" in gift
    assert import_gift(gift).questions[0]["options"] == question["options"]
    assert import_moodle_xml(export_moodle_xml([question])).questions[0]["options"] == question["options"]
