"""Canvas Classic Quizzes' QTI 1.2 package: the layout and item metadata Canvas reads."""

from __future__ import annotations

import io
import zipfile

import pytest
from defusedxml.ElementTree import fromstring

from quizapp.bank.interchange import InterchangeError
from quizapp.bank.interchange.canvas_qti import CANVAS_TYPES, export_canvas_qti
from quizapp.bank.interchange.writers import QuestionGroup

from .samples import awkward_questions, plain_questions

NS = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def _open(data: bytes) -> tuple[dict[str, bytes], str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assessment = next(name for name in files if name.endswith(".xml") and "/" in name and "meta" not in name)
    return files, assessment


def _metadata(item) -> dict[str, str]:
    return {
        f.findtext(f"{NS}fieldlabel"): f.findtext(f"{NS}fieldentry") or "" for f in item.iter(f"{NS}qtimetadatafield")
    }


def test_the_package_holds_manifest_assessment_and_canvas_settings() -> None:
    files, assessment = _open(export_canvas_qti(plain_questions(), title="Rome"))
    assert set(files) == {"imsmanifest.xml", assessment, assessment.rsplit("/", 1)[0] + "/assessment_meta.xml"}
    manifest = fromstring(files["imsmanifest.xml"])
    cp = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
    hrefs = {f.get("href") for f in manifest.iter(f"{cp}file")}
    assert hrefs == set(files) - {"imsmanifest.xml"}
    assert next(r.get("type") for r in manifest.iter(f"{cp}resource")) == "imsqti_xmlv1p2"
    meta = fromstring(files[assessment.rsplit("/", 1)[0] + "/assessment_meta.xml"])
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}points_possible") == "6"


def test_every_item_carries_canvas_metadata_and_a_right_answer() -> None:
    questions = [{**q, "id": n, "points": 2} for n, q in enumerate(plain_questions() + awkward_questions(), 1)]
    files, assessment = _open(export_canvas_qti(questions, title="Rome"))
    root = fromstring(files[assessment])
    items = list(root.iter(f"{NS}item"))
    assert len(items) == len(questions)
    for item, question in zip(items, questions, strict=True):
        meta = _metadata(item)
        assert meta["question_type"] == CANVAS_TYPES[question["type"]]
        assert meta["points_possible"] == "2"
        assert meta["assessment_question_identifierref"]
        scores = [s.text for s in item.iter(f"{NS}setvar")]
        if question["type"] in ("matching", "ordering"):
            rows = item.findall(f".//{NS}response_lid")
            assert len(rows) == len(question["answer"])
            assert sum(float(s) for s in scores) == pytest.approx(100)
        else:
            assert scores == ["100"]


def test_choice_scores_the_right_option_only() -> None:
    files, assessment = _open(export_canvas_qti(plain_questions()[:1], title="Rome"))
    item = next(fromstring(files[assessment]).iter(f"{NS}item"))
    labels = {lab.get("ident"): lab.findtext(f"{NS}material/{NS}mattext") for lab in item.iter(f"{NS}response_label")}
    right = item.findtext(f".//{NS}respcondition/{NS}conditionvar/{NS}varequal")
    assert labels[right] == "Nicomedia"
    assert _metadata(item)["original_answer_ids"].split(",") == list(labels)


def test_fill_in_lists_every_accepted_answer_and_ordering_becomes_positions() -> None:
    files, assessment = _open(export_canvas_qti(plain_questions()[3:5], title="Rome"))
    fill_in, ordering = fromstring(files[assessment]).iter(f"{NS}item")
    assert [v.text for v in fill_in.iter(f"{NS}varequal")] == ["753", "753 BC"]
    rows = [r.findtext(f"{NS}material/{NS}mattext") for r in ordering.findall(f".//{NS}response_lid")]
    assert rows == ["Position 1", "Position 2", "Position 3"]


def test_a_quiz_rule_becomes_a_question_group() -> None:
    group = QuestionGroup("Two emperors", 2, 3.0, plain_questions()[:4])
    files, assessment = _open(export_canvas_qti(plain_questions()[:1], title="Rome", groups=[group]))
    section = next(s for s in fromstring(files[assessment]).iter(f"{NS}section") if s.get("title") == "Two emperors")
    assert section.findtext(f".//{NS}selection_number") == "2"
    assert section.findtext(f".//{NS}points_per_item") == "3"
    assert len(section.findall(f"{NS}item")) == 4
    meta = fromstring(files[assessment.rsplit("/", 1)[0] + "/assessment_meta.xml"])
    assert meta.findtext("{http://canvas.instructure.com/xsd/cccv1p0}points_possible") == "7"


def test_an_invalid_question_is_named() -> None:
    with pytest.raises(InterchangeError, match="question 1"):
        export_canvas_qti([{"type": "multiple_choice", "prompt": "x", "options": ["a"], "answer": "a"}], title="t")


def test_a_question_fixed_and_in_a_pool_gets_an_ident_per_place() -> None:
    questions = [{**q, "id": n} for n, q in enumerate(plain_questions()[:2], start=1)]
    group = QuestionGroup("Both", 1, 1.0, questions)
    files, assessment = _open(export_canvas_qti(questions, title="Rome", groups=[group, group]))
    idents = [item.get("ident") for item in fromstring(files[assessment]).iter(f"{NS}item")]
    assert len(idents) == 6
    assert len(set(idents)) == 6


def test_the_quiz_identifier_follows_the_key_not_the_title() -> None:
    first = _open(export_canvas_qti(plain_questions()[:1], title="Rome", key="quiz-12"))[1]
    renamed = _open(export_canvas_qti(plain_questions()[:1], title="Rome, revised", key="quiz-12"))[1]
    assert first == renamed == "quizapp_quiz_quiz-12/quizapp_quiz_quiz-12.xml"


def test_the_assessment_has_the_structure_canvas_reads() -> None:
    from pathlib import Path

    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "schemas" / "qti12_canvas.rng")))
    questions = [{**q, "id": n} for n, q in enumerate(plain_questions() + awkward_questions(), 1)]
    group = QuestionGroup("Random", 2, 2.0, questions[:3])
    files, assessment = _open(export_canvas_qti(questions, title="Rome", groups=[group]))
    tree = etree.fromstring(files[assessment])
    assert schema.validate(tree), schema.error_log
    broken = files[assessment].replace(
        b"<fieldlabel>points_possible</fieldlabel>", b"<fieldlabel>points</fieldlabel>", 1
    )
    assert not schema.validate(etree.fromstring(broken))
