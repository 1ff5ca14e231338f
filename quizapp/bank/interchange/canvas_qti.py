"""Canvas Classic Quizzes: a QTI 1.2 package laid out as Canvas's own quiz export lays it out.

The zip holds ``imsmanifest.xml``, the assessment (``<id>/<id>.xml``, QTI 1.2 ``questestinterop``) and Canvas's
quiz settings (``<id>/assessment_meta.xml``). Each item carries Canvas's metadata: ``question_type``,
``points_possible``, ``original_answer_ids`` and ``assessment_question_identifierref``; the score variable runs
0..100 and Canvas scales it to the item's points. Canvas → Settings → Import Course Content → "QTI .zip file".

What each quizapp type becomes (one writer per type, in ``_ITEM_WRITERS``):

* multiple_choice → ``multiple_choice_question``; true_false → ``true_false_question`` (options True, False);
* multiple_answer (choose all that apply, where the bank has it) → ``multiple_answers_question``, the options worth
  marks as the right ones (Canvas's own partial credit, not the options' fractions);
* fill_in → ``short_answer_question`` (Canvas's "fill in the blank"), each accepted answer a right answer
  (Canvas compares them ignoring case, but without quizapp's forgiveness of spelling slips, accents or articles);
* matching → ``matching_question``, one row per left-hand side, right-hand values that match nothing kept as
  wrong choices; each row scores its share;
* ordering → Classic Quizzes has no ordering type: written as a ``matching_question`` whose rows are
  "Position 1", "Position 2", … and whose choices are the items, so each item in its place scores its share
  (quizapp grades by the longest run in order, or the question's own grading type, so marks can differ).

The explanation is Canvas's general feedback. A quiz's random rule becomes a question group ("pick N, worth P
points each") holding the rule's pool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _attr

from .keys import exact_answers
from .packages import element, identifier, zip_package
from .text import text_to_html
from .types import default_title
from .writers import QuestionGroup, checked_for_export

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CANVAS_NAMESPACE = "http://canvas.instructure.com/xsd/cccv1p0"

# What Canvas calls each quizapp type (ordering has no Classic Quizzes type of its own: see the module docstring).
CANVAS_TYPES = {
    "multiple_choice": "multiple_choice_question",
    "true_false": "true_false_question",
    "fill_in": "short_answer_question",
    "matching": "matching_question",
    "ordering": "matching_question",
    "multiple_answer": "multiple_answers_question",
}


def export_canvas_qti(
    questions: Iterable[Mapping[str, Any]],
    *,
    title: str,
    description: str = "",
    groups: Sequence[QuestionGroup] = (),
    key: str = "",
) -> bytes:
    """A Canvas QTI .zip: one quiz titled ``title`` with ``questions`` (each may carry ``id`` and ``points``), then
    ``groups`` as question groups. ``key`` names the quiz for Canvas (the same key, the same quiz identifier: an
    import with "overwrite assessment content with matching IDs" replaces it); the title when none is given.
    Raises InterchangeError naming the question when a dict is not a valid question.
    """
    quiz_id = identifier("quizapp", "quiz", key or title)[:60]
    sections = []
    items = [_item(q, n) for n, q in enumerate(questions, start=1)]
    total = sum(points for _, points in items)
    number = len(items)
    for g, group in enumerate(groups, start=1):
        # A question may sit in a fixed place and in pools too: each place gets an ident of its own.
        pool = [
            _item({**q, "points": group.points}, number + k, place=f"g{g}")[0]
            for k, q in enumerate(group.questions, start=1)
        ]
        number += len(group.questions)
        total += group.pick * group.points
        sections.append(_group(group, g, pool))
    assessment = "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<questestinterop xmlns="{QTI_NAMESPACE}">',
            f"  <assessment ident={_attr(quiz_id)} title={_attr(title)}>",
            "    <qtimetadata>",
            _field("cc_maxattempts", "1"),
            "    </qtimetadata>",
            '    <section ident="root_section">',
            *(xml for xml, _ in items),
            *sections,
            "    </section>",
            "  </assessment>",
            "</questestinterop>",
            "",
        ]
    )
    return zip_package(
        {
            "imsmanifest.xml": _manifest(quiz_id).encode("utf-8"),
            f"{quiz_id}/{quiz_id}.xml": assessment.encode("utf-8"),
            f"{quiz_id}/assessment_meta.xml": _meta(quiz_id, title, description, total).encode("utf-8"),
        }
    )


def _html(text: str) -> str:
    return element("mattext", text_to_html(text), texttype="text/html")


def _field(name: str, value: str) -> str:
    return (
        f"      <qtimetadatafield>{element('fieldlabel', name)}"
        f"<fieldentry>{_escape(value)}</fieldentry></qtimetadatafield>"
    )


def _item(question: Mapping[str, Any], number: int, place: str = "") -> tuple[str, float]:
    q, writer = checked_for_export(question, number, _ITEM_WRITERS, "Canvas")
    points = float(question.get("points") or 1.0)
    item_id = identifier("quizapp", "q", question.get("id") or f"n{number}", *([place] if place else []))
    answer_ids, presentation, processing = writer(q, item_id)
    feedback = ""
    if q["explanation"]:
        processing += (
            '<respcondition continue="Yes"><conditionvar><other/></conditionvar>'
            '<displayfeedback feedbacktype="Response" linkrefid="general_fb"/></respcondition>'
        )
        material = f"<material>{_html(q['explanation'])}</material>"
        feedback = f'<itemfeedback ident="general_fb"><flow_mat>{material}</flow_mat></itemfeedback>'
    xml = "\n".join(
        [
            f"      <item ident={_attr(item_id)} title={_attr(q['title'] or default_title(q['prompt']))}>",
            "        <itemmetadata><qtimetadata>",
            _field("question_type", CANVAS_TYPES[q["type"]]),
            _field("points_possible", f"{points:g}"),
            _field("original_answer_ids", ",".join(answer_ids)),
            _field("assessment_question_identifierref", f"{item_id}_bank"),
            "        </qtimetadata></itemmetadata>",
            f"        <presentation><material>{_html(q['prompt'])}</material>{presentation}</presentation>",
            "        <resprocessing><outcomes>"
            '<decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>'
            f"{processing}</resprocessing>",
            f"        {feedback}" if feedback else "",
            "      </item>",
        ]
    )
    return xml, points


def _labels(item_id: str, texts: Sequence[str], prefix: str = "a") -> tuple[list[str], str]:
    ids = [f"{item_id}_{prefix}{k}" for k in range(1, len(texts) + 1)]
    xml = "".join(
        f"<response_label ident={_attr(i)}><material>{_html(text)}</material></response_label>"
        for i, text in zip(ids, texts, strict=True)
    )
    return ids, xml


def _set_score(respident: str, value: str, score: str = "100", action: str = "Set") -> str:
    return (
        f'<respcondition continue="{"No" if action == "Set" else "Yes"}"><conditionvar>'
        f"<varequal respident={_attr(respident)}>{_escape(value)}</varequal></conditionvar>"
        f'<setvar action="{action}" varname="SCORE">{score}</setvar></respcondition>'
    )


def _single_choice(item_id: str, texts: Sequence[str], right: int) -> tuple[list[str], str, str]:
    ids, labels = _labels(item_id, texts)
    presentation = (
        f'<response_lid ident="response1" rcardinality="Single"><render_choice>{labels}</render_choice></response_lid>'
    )
    return ids, presentation, _set_score("response1", ids[right])


def _multiple_choice(q: dict[str, Any], item_id: str) -> tuple[list[str], str, str]:
    return _single_choice(item_id, q["options"], q["options"].index(q["answer"]))


def _true_false(q: dict[str, Any], item_id: str) -> tuple[list[str], str, str]:
    return _single_choice(item_id, ["True", "False"], 0 if q["answer"] else 1)


def _multiple_answer(q: dict[str, Any], item_id: str) -> tuple[list[str], str, str]:
    """Choose all that apply: full marks for ticking every option worth marks and none worth nothing or less
    (Canvas then gives its own partial credit; the options' fractions do not travel)."""
    ids, labels = _labels(item_id, q["options"])
    fractions = dict(q["answer"])
    presentation = (
        '<response_lid ident="response1" rcardinality="Multiple">'
        f"<render_choice>{labels}</render_choice></response_lid>"
    )
    conditions = "".join(
        f'<varequal respident="response1">{i}</varequal>'
        if fractions[option] > 0
        else f'<not><varequal respident="response1">{i}</varequal></not>'
        for i, option in zip(ids, q["options"], strict=True)
    )
    processing = (
        f'<respcondition continue="No"><conditionvar><and>{conditions}</and></conditionvar>'
        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
    )
    return ids, presentation, processing


def _fill_in(q: dict[str, Any], item_id: str) -> tuple[list[str], str, str]:
    presentation = (
        '<response_str ident="response1" rcardinality="Single"><render_fib>'
        '<response_label ident="answer1" rshuffle="No"/></render_fib></response_str>'
    )
    # Canvas's short answers are all or nothing and match literally: entries worth part of the marks, or with a
    # Moodle wildcard, cannot go.
    texts = [text for text, _ in exact_answers(q["answer"], full_marks_only=True)]
    if not texts:
        raise ValueError("Canvas cannot hold this fill-in key: no answer is worth full marks without a wildcard")
    accepted = "".join(f'<varequal respident="response1">{_escape(a)}</varequal>' for a in texts)
    processing = (
        f'<respcondition continue="No"><conditionvar>{accepted}</conditionvar>'
        '<setvar action="Set" varname="SCORE">100</setvar></respcondition>'
    )
    return [f"{item_id}_a{k}" for k in range(1, len(texts) + 1)], presentation, processing


def _rows(item_id: str, pairs: Sequence[tuple[str, str]], choices: Sequence[str]) -> tuple[list[str], str, str]:
    """Canvas's matching layout: a response_lid per row offering every choice; each right row adds its share."""
    choice_ids, labels = _labels(item_id, choices, prefix="m")
    by_text = dict(zip(choices, choice_ids, strict=True))
    row_ids = [f"{item_id}_r{k}" for k in range(1, len(pairs) + 1)]
    # Shares to 4 places, the last row taking the remainder so a fully right answer scores exactly 100.
    shares = [round(100 / len(pairs), 4)] * (len(pairs) - 1)
    shares.append(round(100 - sum(shares), 4))
    presentation = "".join(
        f"<response_lid ident={_attr('response_' + row)}><material>{element('mattext', left)}</material>"
        f"<render_choice>{labels}</render_choice></response_lid>"
        for row, (left, _) in zip(row_ids, pairs, strict=True)
    )
    processing = "".join(
        _set_score("response_" + row, by_text[right], f"{share:g}", action="Add")
        for row, (_, right), share in zip(row_ids, pairs, shares, strict=True)
    )
    return row_ids, presentation, processing


def _matching(q: dict[str, Any], item_id: str) -> tuple[list[str], str, str]:
    return _rows(item_id, [(left, right) for left, right in q["answer"]], q["options"])


def _ordering(q: dict[str, Any], item_id: str) -> tuple[list[str], str, str]:
    positions = [(f"Position {k}", item) for k, item in enumerate(q["answer"], start=1)]
    return _rows(item_id, positions, q["options"])


_ITEM_WRITERS: dict[str, Callable[[dict[str, Any], str], tuple[list[str], str, str]]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "fill_in": _fill_in,
    "matching": _matching,
    "ordering": _ordering,
    "multiple_answer": _multiple_answer,
}


def _group(group: QuestionGroup, number: int, items: list[str]) -> str:
    return "\n".join(
        [
            f"      <section ident={_attr(identifier('quizapp', 'group', number))} title={_attr(group.title)}>",
            "        <selection_ordering><selection>"
            f"<selection_number>{group.pick}</selection_number>"
            f"<selection_extension><points_per_item>{group.points:g}</points_per_item></selection_extension>"
            "</selection></selection_ordering>",
            *items,
            "      </section>",
        ]
    )


def _manifest(quiz_id: str) -> str:
    meta_id = f"{quiz_id}_meta"
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f"<manifest identifier={_attr(quiz_id + '_manifest')} "
            'xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">',
            "  <metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>",
            "  <organizations/>",
            "  <resources>",
            f'    <resource identifier={_attr(quiz_id)} type="imsqti_xmlv1p2">',
            f"      <file href={_attr(f'{quiz_id}/{quiz_id}.xml')}/>",
            f"      <dependency identifierref={_attr(meta_id)}/>",
            "    </resource>",
            f"    <resource identifier={_attr(meta_id)} "
            'type="associatedcontent/imscc_xmlv1p1/learning-application-resource" '
            f"href={_attr(f'{quiz_id}/assessment_meta.xml')}>",
            f"      <file href={_attr(f'{quiz_id}/assessment_meta.xml')}/>",
            "    </resource>",
            "  </resources>",
            "</manifest>",
            "",
        ]
    )


def _meta(quiz_id: str, title: str, description: str, points: float) -> str:
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<quiz identifier={_attr(quiz_id)} xmlns="{CANVAS_NAMESPACE}">',
            f"  {element('title', title)}",
            f"  {element('description', text_to_html(description))}",
            "  <shuffle_answers>true</shuffle_answers>",
            "  <scoring_policy>keep_highest</scoring_policy>",
            "  <quiz_type>assignment</quiz_type>",
            f"  <points_possible>{points:g}</points_possible>",
            "  <show_correct_answers>true</show_correct_answers>",
            "  <allowed_attempts>1</allowed_attempts>",
            "  <available>false</available>",
            "</quiz>",
            "",
        ]
    )
