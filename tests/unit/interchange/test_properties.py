"""Properties: importers refuse anything with InterchangeError only; export then import gives questions back."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizapp.bank.interchange import (
    ImportResult,
    InterchangeError,
    export_gift,
    export_moodle_xml,
    import_gift,
    import_moodle_xml,
    normalise_question,
)
from quizapp.question_types import ORDERING_GRADINGS

from .samples import shown_as_returned

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUND_TRIP = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text weighted towards what the formats treat specially, plus anything Unicode has.
_SPECIAL = st.sampled_from(
    [*list("{}=~#:-><&;%[]/\\\n \t\"'_$"), "->", "::", "####", "//", "[html]", "&amp;", "<p>", "\\n", "$CATEGORY:"]
)
text = st.lists(st.one_of(_SPECIAL, st.characters(), st.text(max_size=5)), max_size=25).map("".join)
line = text.filter(lambda s: s.strip())


def _import(data, importer) -> tuple[ImportResult | None, str | None]:
    """The result, or the refusal's message; any other exception fails the test."""
    try:
        return importer(data), None
    except InterchangeError as err:
        return None, str(err)


def _gift_like() -> st.SearchStrategy[str]:
    piece = st.sampled_from(["{", "}", "=", "~", "#", "->", "::", "####", "%50%", "T", "\n\n", "\n", "// [tag:a]"])
    return st.lists(st.one_of(piece, text), max_size=30).map("".join)


@FUZZ
@given(st.one_of(st.text(), st.binary(), _gift_like()))
def test_import_gift_raises_only_interchange_error(data):
    result, refusal = _import(data, import_gift)
    if refusal is not None:
        assert "\n" not in refusal
        return
    for question in result.questions:
        assert normalise_question(question) == question


def _xml_like() -> st.SearchStrategy[bytes]:
    element = st.sampled_from(
        [
            '<question type="multichoice">',
            '<question type="truefalse">',
            '<question type="shortanswer">',
            '<question type="matching">',
            '<question type="ordering">',
            '<question type="numerical">',
            "</question>",
            '<questiontext format="html"><text>',
            "</text></questiontext>",
            '<answer fraction="100"><text>',
            '<answer fraction="0"><text>',
            "</text></answer>",
            "<subquestion><text>",
            "</text><answer><text>",
            "</text></answer></subquestion>",
            "<![CDATA[<p>",
            "</p>]]>",
            "<single>false</single>",
            "<tags><tag><text>t</text></tag></tags>",
            "&amp;",
            "&lt;b&gt;",
        ]
    )
    body = st.lists(st.one_of(element, text.map(lambda s: s.replace("<", "").replace("&", ""))), max_size=40)
    return body.map(lambda parts: ("<quiz>" + "".join(parts) + "</quiz>").encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.one_of(st.binary(), st.text().map(lambda s: s.encode("utf-8", "surrogatepass")), _xml_like()))
def test_import_moodle_xml_raises_only_interchange_error(data):
    result, refusal = _import(data, import_moodle_xml)
    if refusal is not None:
        assert "\n" not in refusal
        return
    for question in result.questions:
        assert normalise_question(question) == question


def _valid(question: dict[str, Any]) -> bool:
    try:
        normalise_question(question)
    except ValueError:
        return False
    return True


def _distinct_lines(min_size: int, max_size: int = 5) -> st.SearchStrategy[list[str]]:
    return st.lists(line, min_size=min_size, max_size=max_size, unique_by=lambda s: " ".join(s.split()))


tags = st.lists(
    st.text(st.characters(categories=["L", "N", "Zs", "P", "S", "So"], exclude_characters="\\"), max_size=12)
)


@st.composite
def questions(draw) -> dict[str, Any]:
    qtype = draw(
        st.sampled_from(["multiple_choice", "true_false", "fill_in", "ordering", "matching", "multiple_answer"])
    )
    base = {
        "type": qtype,
        "prompt": draw(line),
        "explanation": draw(text),
        "tags": draw(tags),
        "title": draw(text),
        "options": [],
    }
    if qtype == "multiple_choice":
        options = draw(_distinct_lines(2))
        base.update(options=options, answer=draw(st.sampled_from(options)))
    elif qtype == "true_false":
        base["answer"] = draw(st.booleans())
    elif qtype == "fill_in":
        base["answer"] = draw(_distinct_lines(1))
    elif qtype == "ordering":
        items = draw(_distinct_lines(2))
        base.update(answer=items, options=draw(st.permutations(items)))
        base["grading"] = draw(st.sampled_from(ORDERING_GRADINGS))
    elif qtype == "multiple_answer":
        options = draw(_distinct_lines(2))
        right = draw(st.integers(min_value=1, max_value=len(options)))
        wrong = [draw(st.sampled_from([0.0, -0.5, -1.0])) for _ in options[right:]]
        base.update(
            options=options,
            answer=[[o, 1 / right] for o in options[:right]]
            + [[o, w] for o, w in zip(options[right:], wrong, strict=True)],
        )
    else:
        lefts = draw(_distinct_lines(2))
        rights = draw(st.lists(line, min_size=len(lefts), max_size=len(lefts)))
        base.update(answer=[[left, right] for left, right in zip(lefts, rights, strict=True)])
        base["options"] = draw(st.lists(line, max_size=2)) + rights
    assume(_valid(base))
    return base


@ROUND_TRIP
@given(st.lists(questions(), min_size=1, max_size=4))
def test_moodle_xml_round_trip(bank):
    result = import_moodle_xml(export_moodle_xml(bank))
    assert result.skipped == []
    assert result.questions == [shown_as_returned(normalise_question(q)) for q in bank]


@ROUND_TRIP
@given(st.lists(questions(), min_size=1, max_size=4))
def test_gift_round_trip(bank):
    # GIFT cannot hold a short answer containing "->" (the exporter leaves such a question out, with a comment).
    # Checked on the answer as stored: control characters are dropped then, so "-\x1b>" becomes "->".
    kept = [q for q in bank if not (q["type"] == "fill_in" and any("->" in a for a in normalise_question(q)["answer"]))]
    result = import_gift(export_gift(bank)) if kept else None
    assert result is None or result.skipped == []
    assert (result.questions if result else []) == [shown_as_returned(normalise_question(q)) for q in kept]
