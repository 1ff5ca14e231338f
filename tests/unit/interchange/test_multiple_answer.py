"""Choose all that apply (multiple_answer, Moodle's multiple choice with several right options) in the packaged
formats: each writer and the QTI 2.1 reader on the canonical shape, and a package read back whole."""

from __future__ import annotations

from defusedxml.ElementTree import fromstring
from lxml import etree

from quizapp.bank.interchange import anki_export, canvas_qti, qti21_export, qti21_import
from quizapp.bank.interchange.packages import zip_package

from .test_qti21 import SCHEMAS, _check_references

CHOOSE_ALL = {
    "type": "multiple_answer",
    "prompt": "Which of these were Roman emperors?",
    "options": ["Augustus", "Hannibal", "Trajan", "Pericles"],
    "answer": [["Augustus", 0.3333333], ["Hannibal", -1.0], ["Trajan", 0.6666667], ["Pericles", 0.0]],
    "explanation": "Hannibal was Carthaginian, Pericles Athenian.",
    "tags": [],
    "title": "",
}
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


def test_qti21_maps_each_option_to_its_fraction_and_reads_it_back() -> None:
    xml, kind = qti21_export.item_xml(CHOOSE_ALL, "quizapp_q_1", qti21_export._ITEM_WRITERS["multiple_answer"])
    assert kind == "choiceInteraction"
    tree = etree.fromstring(xml.encode())
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "qti21_item.rng")))
    assert schema.validate(tree), schema.error_log
    _check_references(tree)
    assert tree.find(f".//{QTI}choiceInteraction").get("maxChoices") == "0"
    mapped = {e.get("mapKey"): e.get("mappedValue") for e in tree.iter(f"{QTI}mapEntry")}
    assert mapped == {"C1": "0.3333333", "C2": "-1", "C3": "0.6666667", "C4": "0"}
    assert [v.text for v in tree.iter(f"{QTI}value") if v.text.startswith("C")] == ["C1", "C3"]
    item = fromstring(xml.encode())
    choices = qti21_import._choices(item.find(f".//{QTI}choiceInteraction"))
    declaration = item.find(f"{QTI}responseDeclaration")
    back = qti21_import._multiple_answer(choices, declaration, ["C1", "C3"])
    assert back == {"type": "multiple_answer", "options": CHOOSE_ALL["options"], "answer": CHOOSE_ALL["answer"]}


def _package_of(item: bytes) -> bytes:
    return zip_package(
        {
            "imsmanifest.xml": (
                b'<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><organizations/><resources>'
                b'<resource identifier="r" type="imsqti_item_xmlv2p1" href="i.xml"><file href="i.xml"/></resource>'
                b"</resources></manifest>"
            ),
            "i.xml": item,
        }
    )


def test_a_multiple_response_package_reads_back_as_choose_all_that_apply() -> None:
    item = qti21_export.item_xml(CHOOSE_ALL, "q1", qti21_export._ITEM_WRITERS["multiple_answer"])[0]
    result = qti21_import.import_qti21(_package_of(item.encode()))
    assert result.skipped == []
    [question] = result.questions
    assert (question["type"], question["options"], question["answer"]) == (
        "multiple_answer",
        CHOOSE_ALL["options"],
        CHOOSE_ALL["answer"],
    )


def test_a_single_choice_naming_two_right_choices_is_left_out_and_says_why() -> None:
    single = {**CHOOSE_ALL, "type": "multiple_choice", "answer": "Augustus"}
    item = qti21_export.item_xml(single, "q1", qti21_export._ITEM_WRITERS["multiple_choice"])[0]
    two_right = item.replace("<value>C1</value>", "<value>C1</value><value>C3</value>", 1)
    assert two_right != item
    result = qti21_import.import_qti21(_package_of(two_right.encode()))
    assert result.questions == []
    assert "exactly one right choice" in result.skipped[0]


def test_canvas_writes_multiple_answers_with_the_options_worth_marks_as_right() -> None:
    answer_ids, presentation, processing = canvas_qti._ITEM_WRITERS["multiple_answer"](CHOOSE_ALL, "q1")
    assert 'rcardinality="Multiple"' in presentation
    assert canvas_qti.CANVAS_TYPES["multiple_answer"] == "multiple_answers_question"
    condition = fromstring(f"<x>{processing}</x>").find("respcondition/conditionvar/and")
    right = [v.text for v in condition.findall("varequal")]
    wrong = [v.text for v in condition.findall("not/varequal")]
    assert right == [answer_ids[0], answer_ids[2]]
    assert wrong == [answer_ids[1], answer_ids[3]]


def test_anki_asks_to_choose_all_that_apply() -> None:
    front = anki_export._FRONT_WRITERS["multiple_answer"](CHOOSE_ALL)
    assert "Choose all that apply" in front
    assert "<li>Trajan</li>" in front
