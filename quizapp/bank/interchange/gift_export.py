"""Write questions in Moodle's GIFT format.

Texts are written in Moodle's default format when they are safe there, else the
question is written in ``[html]`` with the text HTML-escaped, so Moodle shows the
characters themselves (``<``, ``&``), not markup. Tags go in a ``// [tag:name]``
comment, as Moodle's own GIFT export writes them and as Moodle reads them back.

An ordering question is written in the syntax of Moodle's ordering question type,
``{>N ALL VERTICAL <GRADING> SHOW none`` and one item a line, in the right order
(Moodle's own ordering fixtures; quizapp's older files wrote it as matching marked
``// quizapp: ordering``, which is still read). Moodle's GIFT reader misreads one
grading type, LONGEST_ORDERED_SUBSET (a slip in its pattern makes it the first
item), so for that one Moodle XML carries it across. Choose all that apply is
``{~%50%A ~%50%B ~%-100%C}``: no ``=`` in the block, which is how Moodle knows it
(an ``=`` inside an option is written ``&#61;`` in html for that reason). A short
answer containing ``->`` cannot be written (Moodle would read the block as
matching), so such a question is replaced by a comment saying so. A short answer's
weight is written as Moodle writes it (``=%50%Cat``); that case matters in a short
answer, which GIFT cannot say, goes in a ``// quizapp: case-sensitive`` comment that
:func:`import_gift` reads back (Moodle reads the question as case-blind). Matching
options come back as the pairs' right-hand values followed by the distractors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from quizapp.short_answers import accepted_answers, percent

from .gift_import import CASE_MARK
from .text import text_to_html
from .types import InterchangeError, label, normalise_question

_WEIGHT_LIKE = re.compile(r"%-?\d+(?:\.\d+)?%")
_ESCAPES = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:"})


def export_gift(questions: Iterable[Mapping[str, Any]]) -> str:
    """GIFT text for the questions, one block each, in the order given.

    Raises InterchangeError naming the question when a dict is not a valid question.
    """
    blocks = ["// Questions exported from quizapp in Moodle's GIFT format.\n"]
    for number, question in enumerate(questions, start=1):
        try:
            canonical = normalise_question(question)
        except ValueError as err:
            name = label(str(question.get("title") or ""), str(question.get("prompt") or ""))
            raise InterchangeError(f"question {number} {name}: {err}") from None
        blocks.append(_question(canonical, number))
    return "\n".join(blocks)


def escape(text: str) -> str:
    """GIFT's escaping: a backslash before ``~ = # { } :`` and itself; a line break as ``\\n``."""
    return text.translate(_ESCAPES).replace("\n", "\\n")


def _needs_html(text: str) -> bool:
    # Moodle's default format reads < and & as markup, a leading [ as a format name, a leading // as a comment.
    return "<" in text or "&" in text or text.startswith(("[", "//"))


def _question(q: dict[str, Any], number: int) -> str:
    qtype = q["type"]
    accepted = accepted_answers(q["answer"]) if qtype == "fill_in" else []
    if any("->" in a.text for a in accepted):
        return (
            f"// Not exported: question {number} {label(q['title'], q['prompt'])}: "
            "GIFT cannot hold a short answer containing '->'.\n"
        )
    comments = []
    if q["tags"]:
        comments.append("// " + " ".join(f"[tag:{t.replace(']', chr(92) + ']')}]" for t in q["tags"]))
    if q["case_sensitive"]:
        comments.append(f"// {CASE_MARK}: GIFT cannot say that case matters; Moodle reads this as case-blind")
    # Texts Moodle reads in the question's format: one needing html puts the whole question in html.
    lefts = [left for left, _ in q["answer"]] if qtype == "matching" else []
    shown = q["options"] if qtype in ("multiple_choice", "multiple_answer") else []
    formatted = [q["prompt"], q["explanation"], *lefts, *shown, *(q["answer"] if qtype == "ordering" else [])]
    # A left side cannot hold "->" (Moodle splits there), but in html it can be written "-&gt;"; nor can an
    # option of a multiple-answer question hold "=" (Moodle would read one right answer), written "&#61;".
    html = (
        any(_needs_html(t) for t in formatted)
        or any("->" in left for left in lefts)
        or (qtype == "multiple_answer" and any("=" in option for option in shown))
    )

    def text(value: str) -> str:
        if not html:
            return escape(value)
        body = text_to_html(value)
        if qtype == "multiple_answer":
            body = body.replace("=", "&#61;")
        return escape(("[html]" if body.startswith("[") else "") + body)

    head = f"::{escape(q['title'])}::" if q["title"] else ""
    head += ("[html]" if html else "") + escape(text_to_html(q["prompt"]) if html else q["prompt"])
    general = f"####{text(q['explanation'])}" if q["explanation"] else ""
    if qtype == "true_false":
        return "\n".join([*comments, f"{head} {{{'TRUE' if q['answer'] else 'FALSE'}{general}}}", ""])
    if qtype == "ordering":
        grading = q["grading"].upper()
        lines = [*comments, f"{head} {{>{len(q['answer'])} ALL VERTICAL {grading} SHOW none"]
        # An item has a line of its own, and a line starting "//" is a comment: its slash goes as an html entity
        # (such an item put the question in html above).
        lines += [f"\t{re.sub('^//', '&#47;/', text(item))}" for item in q["answer"]]
        if general:
            lines.append(f"\t{general}")
        return "\n".join([*lines, "}", ""])
    lines = [*comments, head + " {"]
    if qtype == "multiple_answer":
        for option, fraction in q["answer"]:
            written = text(option)
            lines.append(f"\t~{_gift_weight(fraction, written)}{written}")
    elif qtype == "multiple_choice":
        for option in q["options"]:
            written = text(option)
            if option == q["answer"]:
                lines.append(f"\t={written}")
            else:
                # A wrong option that begins like a weight gets an explicit 0% so its text is kept whole.
                lines.append(f"\t~{'%0%' if _WEIGHT_LIKE.match(written) else ''}{written}")
    elif qtype == "fill_in":
        for answer in accepted:
            # Moodle reads a leading weight and then a leading [format] off a short answer; explicit ones protect it.
            weight = (
                "" if answer.full_marks and not _WEIGHT_LIKE.match(answer.text) else f"%{percent(answer.fraction)}%"
            )
            lines.append(f"\t={weight}{'[moodle]' if answer.text.startswith('[') else ''}{escape(answer.text)}")
    else:
        lines += [f"\t={text(left)} -> {escape(right)}" for left, right in q["answer"]]
        rights = {right for _, right in q["answer"]}
        lines += [f"\t= -> {escape(o)}" for o in q["options"] if o not in rights]
    if general:
        lines.append(f"\t{general}")
    lines += ["}", ""]
    return "\n".join(lines)


def _gift_weight(fraction: float, written: str) -> str:
    """Moodle's GIFT weight for a fraction: ``%50%``, ``%-100%``, ``%33.33333%``; nothing for 0, as Moodle writes
    it, unless the option's text itself begins like a weight (then ``%0%`` keeps it whole)."""
    percent = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    if percent in ("0", "-0"):
        return "%0%" if _WEIGHT_LIKE.match(written) else ""
    return f"%{percent}%"
