"""Read a QTI 2.1 content package (a .zip with ``imsmanifest.xml``) into question dicts.

Understood, one reader per interaction (``_READERS``): ``choiceInteraction`` with one right choice
(multiple_choice, or true_false when the two choices say True and False) or a multiple response
(multiple_answer, each option's fraction from the mapping), ``textEntryInteraction`` (fill_in: the
correct response and every mapped key worth marks), ``orderInteraction`` (ordering) and ``matchInteraction``
(matching: the directed pairs of the correct response; choices of the second set that pair with nothing are
distractors). An item with another interaction, several interactions, or a single-choice response naming other
than one right choice is left out and listed. Texts become plain text (tags dropped, ``<br/>`` and blocks as line
breaks); the item's title becomes the title, a ``modalFeedback`` the explanation, the manifest's LOM keywords the
tags.

Every XML file is parsed with defusedxml and no DTD is allowed; the zip is read with :func:`.packages.open_package`'s
limits, in memory only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .keys import entry
from .packages import open_package
from .qti21_export import CP_NAMESPACE, ITEM_RESOURCE, LOM_NAMESPACE, QTI_NAMESPACE, TRUE_FALSE_CHOICES
from .text import clean_line, html_to_text
from .types import MAX_ANSWERS, ImportResult, InterchangeError, label, normalise_question

MAX_QUESTIONS = 5000
_Q = f"{{{QTI_NAMESPACE}}}"
_CP = f"{{{CP_NAMESPACE}}}"
_MD = f"{{{LOM_NAMESPACE}}}"
_INTERACTIONS = (
    "choiceInteraction",
    "textEntryInteraction",
    "orderInteraction",
    "matchInteraction",
    "associateInteraction",
    "extendedTextInteraction",
    "gapMatchInteraction",
    "hotspotInteraction",
    "hottextInteraction",
    "inlineChoiceInteraction",
    "sliderInteraction",
    "uploadInteraction",
    "drawingInteraction",
    "graphicGapMatchInteraction",
    "graphicOrderInteraction",
    "graphicAssociateInteraction",
    "selectPointInteraction",
    "positionObjectInteraction",
    "mediaInteraction",
    "customInteraction",
    "endAttemptInteraction",
)


class _Skip(ValueError):
    """A valid item of a kind the question shape cannot hold."""


def import_qti21(data: bytes) -> ImportResult:
    """The questions of a QTI 2.1 package, in the manifest's order. InterchangeError when the file is refused whole:
    not a zip, over the package limits, no ``imsmanifest.xml``, a malformed or DTD-bearing manifest, no items."""
    files = open_package(data)
    manifest = files.get("imsmanifest.xml")
    if manifest is None:
        raise InterchangeError("the package has no imsmanifest.xml at its root (is it a QTI 2.1 export?)")
    root = _parse(manifest, "imsmanifest.xml")
    resources = [r for r in root.iter(f"{_CP}resource") if r.get("type", "").startswith(ITEM_RESOURCE)]
    if not resources:
        raise InterchangeError("the manifest lists no QTI 2.1 items (resources of type imsqti_item_xmlv2p1)")
    if len(resources) > MAX_QUESTIONS:
        raise InterchangeError(f"the package has {len(resources)} items; at most {MAX_QUESTIONS}")
    result = ImportResult()
    for number, resource in enumerate(resources, start=1):
        href = resource.get("href") or ""
        tags = [clean_line(k.text or "") for k in resource.iter(f"{_MD}langstring") if _is_keyword(resource, k)]
        try:
            if href not in files:
                raise _Skip(f"the manifest names {href or 'no file'}, which the package does not hold")
            item = _parse(files[href], href)
            question = {**_read_item(item), "tags": [t for t in tags if t]}
            result.questions.append(normalise_question(question))
        except InterchangeError as err:
            result.skipped.append(f"item {number} ({href}): {err}")
        except (_Skip, ValueError) as err:
            result.skipped.append(f"item {number} {label(resource.get('identifier') or '', href)}: {err}")
    return result


def _is_keyword(resource: Element, langstring: Element) -> bool:
    return any(langstring in list(k) for k in resource.iter(f"{_MD}keyword"))


def _parse(data: bytes, name: str) -> Element:
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InterchangeError(f"{name} declares a DTD or entities, which QTI files never need") from None
    except (ParseError, ValueError, LookupError) as err:  # LookupError: an encoding Python does not know
        raise InterchangeError(f"{name} is not well-formed XML ({err})") from None


def _text(node: Element | None) -> str:
    """The plain text of an element's content (markup dropped, <br/> and blocks as line breaks)."""
    return "" if node is None else html_to_text(_markup(node))


def _markup(node: Element) -> str:
    """The element's content as HTML with namespaces dropped, for :func:`html_to_text` to read."""
    parts = [escape(node.text or "")]
    for child in node:
        name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if name:
            parts.append(f"<{name}>{_markup(child)}</{name}>" if name != "br" else "<br>")
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def _read_item(item: Element) -> dict[str, Any]:
    if item.tag != f"{_Q}assessmentItem":
        raise _Skip(f"not a QTI 2.1 assessmentItem (<{item.tag.rsplit('}', 1)[-1]}>)")
    body = item.find(f"{_Q}itemBody")
    if body is None:
        raise _Skip("the item has no itemBody")
    interactions = [e for e in body.iter() if e.tag.startswith(_Q) and e.tag[len(_Q) :] in _INTERACTIONS]
    if len(interactions) != 1:
        raise _Skip(f"the item has {len(interactions)} interactions; only items with one are read")
    interaction = interactions[0]
    kind = interaction.tag[len(_Q) :]
    reader = _READERS.get(kind)
    if reader is None:
        raise _Skip(f"{kind} has no quizapp question type")
    declaration = next(
        (
            d
            for d in item.iter(f"{_Q}responseDeclaration")
            if d.get("identifier") == interaction.get("responseIdentifier")
        ),
        None,
    )
    if declaration is None:
        raise _Skip("the interaction has no response declaration")
    correct = [clean_line(v.text or "") for v in declaration.findall(f"{_Q}correctResponse/{_Q}value")]
    question = reader(interaction, declaration, correct)
    question["prompt"] = _prompt(body, interaction)
    question["title"] = clean_line(item.get("title") or "")
    question["explanation"] = "\n".join(_text(f) for f in item.findall(f"{_Q}modalFeedback")).strip()
    return question


def _prompt(body: Element, interaction: Element) -> str:
    """The body's text without the interaction (a fill-in's blank stays where it was, as "_____")."""
    parts = []
    prompt = interaction.find(f"{_Q}prompt")
    for child in body:
        if child is interaction:
            continue
        if interaction in list(child.iter()):
            if interaction.tag == f"{_Q}textEntryInteraction" and _text(child):
                parts.append(_text(child).replace("\n", " "))
            continue
        parts.append(_text(child))
    if prompt is not None:
        parts.append(_text(prompt))
    text = "\n".join(p for p in parts if p)
    if not text and body.text:
        text = clean_line(body.text)
    return text


def _choices(interaction: Element, tag: str = "simpleChoice") -> list[tuple[str, str]]:
    found = [(c.get("identifier") or "", _text(c).replace("\n", " ")) for c in interaction.iter(f"{_Q}{tag}")]
    if len(found) > MAX_ANSWERS:
        raise _Skip(f"the item has {len(found)} choices; at most {MAX_ANSWERS}")
    return found


def _choice(interaction: Element, declaration: Element, correct: list[str]) -> dict[str, Any]:
    choices = _choices(interaction)
    if declaration.get("cardinality") == "multiple":
        return _multiple_answer(choices, declaration, correct)
    if declaration.get("cardinality") != "single" or len(correct) != 1:
        raise _Skip("a single-choice item must name exactly one right choice")
    texts = dict(choices)
    if correct[0] not in texts:
        raise _Skip("the correct response names no choice of the item")
    shown = [text for _, text in choices]
    if len(choices) == 2 and sorted(t.casefold() for t in shown) == sorted(TRUE_FALSE_CHOICES):
        return {"type": "true_false", "options": [], "answer": texts[correct[0]].casefold() == "true"}
    return {"type": "multiple_choice", "options": shown, "answer": texts[correct[0]]}


def _multiple_answer(choices: list[tuple[str, str]], declaration: Element, correct: list[str]) -> dict[str, Any]:
    """Choose all that apply: each option's fraction from the mapping, else full marks shared among the correct
    response's choices."""
    mapped = {e.get("mapKey"): _number(e.get("mappedValue")) for e in declaration.iter(f"{_Q}mapEntry")}
    share = 1 / len(correct) if correct else 0.0
    fractions = [
        [text, max(-1.0, min(1.0, mapped.get(ident, share if ident in correct else 0.0)))] for ident, text in choices
    ]
    return {"type": "multiple_answer", "options": [text for _, text in choices], "answer": fractions}


def _text_entry(interaction: Element, declaration: Element, correct: list[str]) -> dict[str, Any]:
    """The correct response and every mapped key worth marks, in the mapping's order; a key worth part of the
    marks keeps its fraction (a bank without partial credit then leaves the question out, saying so)."""
    fractions: dict[str, float] = {}
    case_sensitive = False
    for e in declaration.iter(f"{_Q}mapEntry"):
        text, value = clean_line(e.get("mapKey") or ""), min(1.0, _number(e.get("mappedValue")))
        if text and value > 0 and text not in fractions:
            fractions[text] = value
            case_sensitive = case_sensitive or e.get("caseSensitive") == "true"
    for text in correct:
        if text:
            fractions.setdefault(text, 1.0)
    if len(fractions) > MAX_ANSWERS:
        raise _Skip(f"the item has {len(fractions)} accepted answers; at most {MAX_ANSWERS}")
    answer = [entry(text, f) for text, f in fractions.items()]
    question: dict[str, Any] = {"type": "fill_in", "options": [], "answer": answer}
    if case_sensitive:
        question["case_sensitive"] = True
    return question


def _order(interaction: Element, declaration: Element, correct: list[str]) -> dict[str, Any]:
    choices = _choices(interaction)
    texts = dict(choices)
    if sorted(correct) != sorted(texts):
        raise _Skip("the correct order does not place every item")
    return {"type": "ordering", "options": [t for _, t in choices], "answer": [texts[c] for c in correct]}


def _match(interaction: Element, declaration: Element, correct: list[str]) -> dict[str, Any]:
    sets = interaction.findall(f"{_Q}simpleMatchSet")
    if len(sets) != 2:
        raise _Skip("a match interaction needs two sets of choices")
    lefts = dict(_choices(sets[0], "simpleAssociableChoice"))
    rights_in_order = _choices(sets[1], "simpleAssociableChoice")
    rights = dict(rights_in_order)
    pairs = []
    for value in correct:
        source, _, target = value.partition(" ")
        if source not in lefts or target not in rights:
            raise _Skip(f"the correct pair {value!r} names no choice of the item")
        pairs.append([lefts[source], rights[target]])
    return {"type": "matching", "options": [t for _, t in rights_in_order], "answer": pairs}


def _number(text: str | None) -> float:
    try:
        return float(text or 0)
    except ValueError:
        return 0.0


_READERS: dict[str, Callable[[Element, Element, list[str]], dict[str, Any]]] = {
    "choiceInteraction": _choice,
    "textEntryInteraction": _text_entry,
    "orderInteraction": _order,
    "matchInteraction": _match,
}
