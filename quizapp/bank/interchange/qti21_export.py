"""QTI 2.1 content packages (Blackboard, Brightspace, most item banks): one ``assessmentItem`` per question.

The zip holds ``imsmanifest.xml`` (IMS Content Packaging 1.1, one ``imsqti_item_xmlv2p1`` resource per item,
tags as LOM keywords), ``items/<id>.xml`` per question and, for a quiz, ``test.xml`` (an ``assessmentTest``
whose random rules are sections that select N of their pool). Response processing uses the specification's
standard templates, which every QTI 2.1 player knows.

One writer per type (``_ITEM_WRITERS``):

* multiple_choice, true_false → ``choiceInteraction``, one choice right (true/false: choices ``true``/``false``);
* multiple_answer (choose all that apply, where the bank has it) → ``choiceInteraction`` with any number of
  choices, a mapping giving each option its fraction, the score bounded to 0..1;
* fill_in → ``textEntryInteraction``, a string response whose ``mapping`` gives every accepted answer full marks,
  not case-sensitive (quizapp's forgiveness of spelling slips, accents and articles does not travel);
* ordering → ``orderInteraction`` (ordered identifiers, all or nothing under ``match_correct``);
* matching → ``matchInteraction``, directed pairs mapped to an equal share each, right-hand values that match
  nothing kept as choices.

The explanation is a ``modalFeedback`` shown once the item is answered. :mod:`.qti21_import` reads these packages
back (same questions: type, prompt, options, answer, explanation, tags, title).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .keys import exact_answers
from .packages import element, identifier, zip_package
from .types import default_title
from .writers import QuestionGroup, checked_for_export

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NAMESPACE = "http://www.imsglobal.org/xsd/imscp_v1p1"
LOM_NAMESPACE = "http://www.imsglobal.org/xsd/imsmd_v1p2"
ITEM_RESOURCE = "imsqti_item_xmlv2p1"
TEST_RESOURCE = "imsqti_test_xmlv2p1"
MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"
MAP_RESPONSE = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response"
TRUE_FALSE_CHOICES = ("true", "false")

_Writer = Callable[[dict[str, Any]], tuple[str, str, str, str]]


def export_qti21(
    questions: Iterable[Mapping[str, Any]], *, title: str = "", groups: Sequence[QuestionGroup] = ()
) -> bytes:
    """A QTI 2.1 package of ``questions`` (each may carry ``id``). With a ``title`` (a quiz), the package also holds
    an assessmentTest of the questions in order and then one section per group selecting ``pick`` of its pool.

    Raises InterchangeError naming the question when a dict is not a valid question.
    """
    files: dict[str, bytes] = {}
    resources: list[str] = []
    fixed_refs: list[str] = []
    group_refs: list[list[str]] = []
    number = 0
    batches = [(None, list(questions))] + [(g, g.questions) for g in groups]
    seen: set[str] = set()
    for group, batch in batches:
        refs = fixed_refs if group is None else []
        for question in batch:
            number += 1
            item_id, xml, canonical, interaction = _item(question, number)
            if item_id in seen:  # a question both fixed and in a rule's pool, or listed twice
                refs.append(item_id)
                continue
            seen.add(item_id)
            href = f"items/{item_id}.xml"
            files[href] = xml.encode("utf-8")
            resources.append(_resource(item_id, href, canonical["tags"], interaction))
            refs.append(item_id)
        if group is not None:
            group_refs.append(refs)
    if title:
        test = _test(title, fixed_refs, list(zip(groups, group_refs, strict=True)))
        files["test.xml"] = test.encode("utf-8")
        dependencies = "".join(f"<dependency identifierref={quoteattr(r)}/>" for r in dict.fromkeys(
            [*fixed_refs, *(r for refs in group_refs for r in refs)]))  # fmt: skip
        resources.append(
            f'    <resource identifier="quizapp_test" type="{TEST_RESOURCE}" href="test.xml">'
            f'<file href="test.xml"/>{dependencies}</resource>'
        )
    manifest = "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<manifest xmlns="{CP_NAMESPACE}" xmlns:imsmd="{LOM_NAMESPACE}" identifier="quizapp_package">',
            "  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>",
            "  <organizations/>",
            "  <resources>",
            *resources,
            "  </resources>",
            "</manifest>",
            "",
        ]
    )
    return zip_package({"imsmanifest.xml": manifest.encode("utf-8"), **files})


def _item(question: Mapping[str, Any], number: int) -> tuple[str, str, dict[str, Any], str]:
    q, writer = checked_for_export(question, number, _ITEM_WRITERS, "QTI 2.1")
    item_id = identifier("quizapp", "q", question.get("id") or f"n{number}")
    xml, kind = item_xml(q, item_id, writer)
    return item_id, xml, q, kind


def item_xml(q: dict[str, Any], item_id: str, writer: _Writer) -> tuple[str, str]:
    """(the assessmentItem document, its interaction's name) of a canonical question, by its type's writer."""
    declaration, interaction, template, kind = writer(q)
    feedback = ""
    if q["explanation"]:
        feedback = (
            '  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="NEVER" showHide="hide">'
            f"{_lines(q['explanation'])}</modalFeedback>\n"
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentItem xmlns="{QTI_NAMESPACE}" identifier={quoteattr(item_id)} '
        f'title={quoteattr(q["title"] or default_title(q["prompt"]))} adaptive="false" timeDependent="false">\n'
        f"  {declaration}\n"
        '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
        "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>\n"
        '  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>\n'
        f'  <itemBody><div class="prompt">{_paragraphs(q["prompt"])}</div>{interaction}</itemBody>\n'
        f"  <responseProcessing template={quoteattr(template)}/>\n"
        f"{feedback}"
        "</assessmentItem>\n"
    )
    return xml, kind


def _lines(text: str) -> str:
    """Text as inline content: escaped, line breaks as <br/>."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def _paragraphs(text: str) -> str:
    return f"<p>{_lines(text)}</p>"


def _declaration(cardinality: str, base_type: str, correct: Sequence[str], mapping: str = "") -> str:
    values = "".join(element("value", v) for v in correct)
    correct_response = f"<correctResponse>{values}</correctResponse>" if values else ""
    return (
        f'<responseDeclaration identifier="RESPONSE" cardinality="{cardinality}" baseType="{base_type}">'
        f"{correct_response}{mapping}</responseDeclaration>"
    )


def _choices(texts: Sequence[str], tag: str = "simpleChoice", ids: Sequence[str] | None = None, **extra: str) -> str:
    ids = ids or [f"C{k}" for k in range(1, len(texts) + 1)]
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in extra.items())
    return "".join(
        f"<{tag} identifier={quoteattr(i)}{attrs}>{_lines(t)}</{tag}>" for i, t in zip(ids, texts, strict=True)
    )


def _choice(texts: Sequence[str], right: str, ids: Sequence[str] | None = None) -> tuple[str, str, str, str]:
    ids = ids or [f"C{k}" for k in range(1, len(texts) + 1)]
    interaction = (
        '<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="1">'
        f"{_choices(texts, ids=ids)}</choiceInteraction>"
    )
    return _declaration("single", "identifier", [right]), interaction, MATCH_CORRECT, "choiceInteraction"


def _multiple_choice(q: dict[str, Any]) -> tuple[str, str, str, str]:
    return _choice(q["options"], f"C{q['options'].index(q['answer']) + 1}")


def _fraction(value: float) -> str:
    """A fraction as Moodle keeps it, to 7 decimals, written without a trailing zero (0.3333333, 1, -0.5)."""
    return f"{round(float(value), 7):.10g}"


def _multiple_answer(q: dict[str, Any]) -> tuple[str, str, str, str]:
    """Choose all that apply: a multiple response whose mapping gives each option its fraction, the score bounded
    to 0..1, as Moodle grades it."""
    ids = [f"C{k}" for k in range(1, len(q["options"]) + 1)]
    fractions = dict(q["answer"])
    entries = "".join(
        f'<mapEntry mapKey="{i}" mappedValue="{_fraction(fractions[o])}"/>'
        for i, o in zip(ids, q["options"], strict=True)
    )
    mapping = f'<mapping defaultValue="0" lowerBound="0" upperBound="1">{entries}</mapping>'
    right = [i for i, o in zip(ids, q["options"], strict=True) if fractions[o] > 0]
    interaction = (
        '<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="0">'
        f"{_choices(q['options'], ids=ids)}</choiceInteraction>"
    )
    return _declaration("multiple", "identifier", right, mapping), interaction, MAP_RESPONSE, "choiceInteraction"


def _true_false(q: dict[str, Any]) -> tuple[str, str, str, str]:
    return _choice(["True", "False"], "true" if q["answer"] else "false", ids=list(TRUE_FALSE_CHOICES))


def _fill_in(q: dict[str, Any]) -> tuple[str, str, str, str]:
    # Each literal entry mapped to its fraction; a mapping has no wildcards, so entries with Moodle's * cannot go.
    accepted = exact_answers(q["answer"], full_marks_only=False)
    if not accepted:
        raise ValueError("QTI 2.1 cannot hold this fill-in key: every answer has a wildcard")
    case = "true" if q.get("case_sensitive") else "false"
    entries = "".join(
        f'<mapEntry mapKey={quoteattr(a)} mappedValue="{_fraction(f)}" caseSensitive="{case}"/>' for a, f in accepted
    )
    mapping = f'<mapping defaultValue="0" lowerBound="0" upperBound="1">{entries}</mapping>'
    best = [a for a, f in accepted if f >= 1] or [accepted[0][0]]
    longest = max(len(a) for a, _ in accepted)
    interaction = f'<p><textEntryInteraction responseIdentifier="RESPONSE" expectedLength="{max(10, longest)}"/></p>'
    return _declaration("single", "string", best[:1], mapping), interaction, MAP_RESPONSE, "textEntryInteraction"


def _ordering(q: dict[str, Any]) -> tuple[str, str, str, str]:
    ids = {item: f"C{k}" for k, item in enumerate(q["options"], start=1)}
    interaction = (
        '<orderInteraction responseIdentifier="RESPONSE" shuffle="true">'
        f"{_choices(q['options'], ids=[ids[o] for o in q['options']])}</orderInteraction>"
    )
    correct = [ids[item] for item in q["answer"]]
    return _declaration("ordered", "identifier", correct), interaction, MATCH_CORRECT, "orderInteraction"


def _matching(q: dict[str, Any]) -> tuple[str, str, str, str]:
    lefts = [left for left, _ in q["answer"]]
    left_ids = [f"L{k}" for k in range(1, len(lefts) + 1)]
    right_ids = {right: f"R{k}" for k, right in enumerate(q["options"], start=1)}
    uses = {right: sum(1 for _, r in q["answer"] if r == right) for right in q["options"]}
    pairs = [f"{lid} {right_ids[right]}" for lid, (_, right) in zip(left_ids, q["answer"], strict=True)]
    # Equal shares to 6 places, the last taking the remainder so all pairs right make exactly 1.
    shares = [round(1 / len(pairs), 6)] * (len(pairs) - 1)
    shares.append(round(1 - sum(shares), 6))
    entries = "".join(
        f'<mapEntry mapKey={quoteattr(p)} mappedValue="{share:g}"/>' for p, share in zip(pairs, shares, strict=True)
    )
    mapping = f'<mapping defaultValue="0" lowerBound="0" upperBound="1">{entries}</mapping>'
    left_set = _choices(lefts, "simpleAssociableChoice", ids=left_ids, matchMax="1")
    right_set = "".join(
        f'<simpleAssociableChoice identifier={quoteattr(right_ids[r])} matchMax="{max(1, uses[r])}">'
        f"{_lines(r)}</simpleAssociableChoice>"
        for r in q["options"]
    )
    interaction = (
        f'<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="{len(lefts)}">'
        f"<simpleMatchSet>{left_set}</simpleMatchSet><simpleMatchSet>{right_set}</simpleMatchSet></matchInteraction>"
    )
    return _declaration("multiple", "directedPair", pairs, mapping), interaction, MAP_RESPONSE, "matchInteraction"


_ITEM_WRITERS: dict[str, _Writer] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "fill_in": _fill_in,
    "ordering": _ordering,
    "matching": _matching,
    "multiple_answer": _multiple_answer,
}


def _resource(item_id: str, href: str, tags: Sequence[str], interaction: str) -> str:
    keywords = "".join(
        f'<imsmd:keyword><imsmd:langstring xml:lang="en">{escape(tag)}</imsmd:langstring></imsmd:keyword>'
        for tag in tags
    )
    lom = f"<metadata><imsmd:lom><imsmd:general>{keywords}</imsmd:general></imsmd:lom></metadata>" if tags else ""
    return (
        f'    <resource identifier={quoteattr(item_id)} type="{ITEM_RESOURCE}" href={quoteattr(href)}>'
        f"{lom}<file href={quoteattr(href)}/></resource>"
    )


def _test(title: str, fixed: Sequence[str], groups: Sequence[tuple[QuestionGroup, list[str]]]) -> str:
    def refs(ids: Sequence[str], weight: float | None = None) -> str:
        weights = f'<weight identifier="W" value="{weight:g}"/>' if weight is not None else ""
        return "".join(
            f"<assessmentItemRef identifier={quoteattr(f'ref_{n}_{i}')} href={quoteattr(f'items/{i}.xml')}>"
            f"{weights}</assessmentItemRef>"
            for n, i in enumerate(ids, start=1)
        )

    sections = [
        f'<assessmentSection identifier="fixed" title="Questions" visible="true">{refs(fixed)}</assessmentSection>'
    ] if fixed else []  # fmt: skip
    for number, (group, ids) in enumerate(groups, start=1):
        sections.append(
            f'<assessmentSection identifier="rule_{number}" title={quoteattr(group.title)} visible="true">'
            f'<selection select="{min(group.pick, len(ids)) or 1}"/>{refs(ids, group.points)}</assessmentSection>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<assessmentTest xmlns="{QTI_NAMESPACE}" identifier="quizapp_test" title={quoteattr(title)}>\n'
        '  <testPart identifier="part1" navigationMode="nonlinear" submissionMode="simultaneous">\n'
        f"    {''.join(sections)}\n"
        "  </testPart>\n"
        "</assessmentTest>\n"
    )
