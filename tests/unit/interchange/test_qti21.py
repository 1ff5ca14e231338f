"""QTI 2.1 packages: valid against the specification's structure, read back to the same questions, hostile
packages refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from quizapp.bank.interchange import InterchangeError, normalise_question
from quizapp.bank.interchange.packages import zip_package
from quizapp.bank.interchange.qti21_export import MAP_RESPONSE, MATCH_CORRECT, export_qti21
from quizapp.bank.interchange.qti21_import import import_qti21
from quizapp.bank.interchange.writers import QuestionGroup

from .samples import awkward_questions, plain_questions

SCHEMAS = Path(__file__).parent / "schemas"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"


def _schema(name: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMAS / name)))


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _questions() -> list[dict]:
    return [{**q, "id": n} for n, q in enumerate(plain_questions() + awkward_questions(), start=1)]


def _check_references(item: etree._Element) -> None:
    """What the schema cannot say: the interaction answers a declared response, the correct response names the
    interaction's choices, and the processing is one of the standard templates."""
    declarations = {d.get("identifier"): d for d in item.iter(f"{QTI}responseDeclaration")}
    interactions = [e for e in item.iter() if str(e.tag).endswith("Interaction")]
    assert len(interactions) == 1
    interaction = interactions[0]
    declaration = declarations[interaction.get("responseIdentifier")]
    choices = {c.get("identifier") for c in interaction.iter(f"{QTI}simpleChoice", f"{QTI}simpleAssociableChoice")}
    correct = [v.text for v in declaration.iter(f"{QTI}value")]
    assert correct
    if declaration.get("baseType") == "identifier":
        assert set(correct) <= choices
    if declaration.get("baseType") == "directedPair":
        assert all(set(pair.split(" ")) <= choices for pair in correct)
    template = item.find(f"{QTI}responseProcessing").get("template")
    assert template == (MAP_RESPONSE if declaration.find(f"{QTI}mapping") is not None else MATCH_CORRECT)
    assert len(choices) == len(list(interaction.iter(f"{QTI}simpleChoice", f"{QTI}simpleAssociableChoice")))


def test_every_item_and_the_manifest_are_valid_qti21() -> None:
    groups = [QuestionGroup("Random emperors", 2, 2.0, _questions()[:3])]
    files = _members(export_qti21(_questions(), title="Rome", groups=groups))
    items, manifest = _schema("qti21_item.rng"), _schema("imscp_manifest.rng")
    manifest_tree = etree.fromstring(files["imsmanifest.xml"])
    assert manifest.validate(manifest_tree), manifest.error_log
    hrefs = [f.get("href") for f in manifest_tree.iter("{http://www.imsglobal.org/xsd/imscp_v1p1}file")]
    assert set(hrefs) == set(files) - {"imsmanifest.xml"}
    kinds = []
    for name in hrefs:
        tree = etree.fromstring(files[name])
        assert items.validate(tree), (name, items.error_log)
        if name.startswith("items/"):
            _check_references(tree)
            kinds.append(next(str(e.tag)[len(QTI) :] for e in tree.iter() if str(e.tag).endswith("Interaction")))
    assert set(kinds) == {"choiceInteraction", "textEntryInteraction", "orderInteraction", "matchInteraction"}
    test = etree.fromstring(files["test.xml"])
    selection = test.find(f".//{QTI}selection")
    assert selection.get("select") == "2"


def test_the_schema_refuses_what_the_specification_refuses() -> None:
    """The checker is not a rubber stamp: a wrong cardinality or a missing attribute fails it."""
    files = _members(export_qti21(plain_questions()[:1]))
    item = next(v for k, v in files.items() if k.startswith("items/"))
    schema = _schema("qti21_item.rng")
    assert schema.validate(etree.fromstring(item))
    assert not schema.validate(etree.fromstring(item.replace(b'cardinality="single"', b'cardinality="one"', 1)))
    assert not schema.validate(etree.fromstring(item.replace(b' maxChoices="1"', b"")))


@pytest.mark.parametrize("question", plain_questions() + awkward_questions(), ids=lambda q: q["type"])
def test_every_type_survives_a_round_trip(question) -> None:
    result = import_qti21(export_qti21([question]))
    assert result.skipped == []
    assert result.questions == [normalise_question(question)]


def test_fill_in_accepts_every_answer_through_the_mapping() -> None:
    question = plain_questions()[3]
    files = _members(export_qti21([question]))
    item = etree.fromstring(next(v for k, v in files.items() if k.startswith("items/")))
    keys = [e.get("mapKey") for e in item.iter(f"{QTI}mapEntry")]
    assert keys == question["answer"]
    assert {e.get("caseSensitive") for e in item.iter(f"{QTI}mapEntry")} == {"false"}


def test_the_same_questions_give_the_same_package() -> None:
    assert export_qti21(_questions()) == export_qti21(_questions())


def _package(item: str, manifest_type: str = "imsqti_item_xmlv2p1") -> bytes:
    manifest = (
        '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"><organizations/><resources>'
        f'<resource identifier="r1" type="{manifest_type}" href="i.xml"><file href="i.xml"/></resource>'
        "</resources></manifest>"
    )
    return zip_package({"imsmanifest.xml": manifest.encode(), "i.xml": item.encode()})


def test_an_item_of_another_kind_is_left_out_and_listed() -> None:
    essay = (
        '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="e" title="Essay" '
        'adaptive="false" timeDependent="false"><responseDeclaration identifier="RESPONSE" cardinality="single" '
        'baseType="string"/><itemBody><extendedTextInteraction responseIdentifier="RESPONSE"/></itemBody>'
        "</assessmentItem>"
    )
    result = import_qti21(_package(essay))
    assert result.questions == []
    assert "extendedTextInteraction has no quizapp question type" in result.skipped[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not a zip package"),
        (zip_package({"other.xml": b"<a/>"}), "no imsmanifest.xml"),
        (zip_package({"imsmanifest.xml": b"<manifest"}), "not well-formed"),
        (
            zip_package({"imsmanifest.xml": b'<!DOCTYPE m [<!ENTITY a "aaaa">]><manifest>&a;</manifest>'}),
            "declares a DTD",
        ),
        (_package("<x/>", manifest_type="webcontent"), "lists no QTI 2.1 items"),
        (zip_package({"imsmanifest.xml": b"\0" * 3_000_000}), "compressed more than"),
    ],
)
def test_a_refused_package_says_why(data: bytes, message: str) -> None:
    with pytest.raises(InterchangeError, match=message):
        import_qti21(data)


def test_a_damaged_compressed_member_is_refused_not_a_crash() -> None:
    """Found by the mutation fuzzer: a deflate stream broken inside a member raised zlib.error."""
    package = bytearray(export_qti21(plain_questions()))
    start = package.index(b"imsmanifest.xml") + len("imsmanifest.xml")
    package[start + 5 : start + 25] = b"\x00" * 20  # inside the manifest's compressed bytes
    with pytest.raises(InterchangeError, match="damaged or encrypted"):
        import_qti21(bytes(package))
