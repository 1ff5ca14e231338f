"""Anki decks (.apkg, through genanki): one note per question, the answer and its source sentence on the back.

The note type (model) and each deck have fixed ids, and every note's guid is ``genanki.guid_for("quizapp",
<question id>)``: importing a later export of the same questions into Anki updates those notes (an edited
question shows its new wording) instead of adding copies. Questions without an id (never the case for the bank)
take their guid from their text.

One writer per type (``_FRONT_WRITERS``) lays out the front: the prompt, then the options of a choice, the items
of an ordering in their shown order, the two columns of a matching. The back is the same for every type: the
answer as quizapp shows it, the explanation, and the source sentence quoted (with its document's title).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any

import genanki

from .csv_export import readable_answer
from .packages import zip_package
from .writers import checked_for_export

# Fixed for good: changing them makes Anki treat every later export as a new note type / a new deck.
MODEL_ID = 1_734_560_117
DECK_ID_BASE = 1_800_000_000
# A fixed package date, so the same questions give the same file.
_TIMESTAMP = 1_767_225_600.0  # 2026-01-01T00:00:00Z

MODEL = genanki.Model(
    MODEL_ID,
    "quizapp question",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Explanation"}, {"name": "Source"}, {"name": "Id"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": (
                '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
                '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}'
                '{{#Source}}<blockquote class="source">{{Source}}</blockquote>{{/Source}}'
            ),
        }
    ],
    css=(
        ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
        ".answer { font-weight: bold; }\n.source { color: #555; font-style: italic; }\n"
    ),
    sort_field_index=0,
)


def deck_id_for(name: str) -> int:
    """A deck id that is always the same for the same name (a quiz's, or a teacher's bank)."""
    return DECK_ID_BASE + int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big") % 100_000_000


def note_guid(question: Mapping[str, Any]) -> str:
    """The note's guid: from the question's id, so a later export updates the same note."""
    if question.get("id") is not None:
        return str(genanki.guid_for("quizapp", question["id"]))
    return str(genanki.guid_for("quizapp", "text", question.get("type"), question.get("prompt")))


def export_anki(questions: Iterable[Mapping[str, Any]], *, deck_name: str, deck_key: str | None = None) -> bytes:
    """An .apkg holding one deck named ``deck_name`` (id from ``deck_key``, else the name) with a note per question.

    A question dict may carry ``id`` (for the guid) and ``source`` (the sentence it came from) and ``source_title``.
    Raises InterchangeError naming the question when a dict is not a valid question.
    """
    deck = genanki.Deck(deck_id_for(deck_key or deck_name), deck_name)
    for number, question in enumerate(questions, start=1):
        q, writer = checked_for_export(question, number, _FRONT_WRITERS, "an Anki card")
        source = str(question.get("source") or "")
        title = str(question.get("source_title") or "")
        fields = [
            writer(q),
            _html(readable_answer(q)),
            _html(q["explanation"]),
            (_html(source) + (f" <cite>({escape(title)})</cite>" if title else "")) if source else "",
            str(question.get("id") or ""),
        ]
        tags = [t.replace(" ", "_") for t in q["tags"]] + [f"quizapp::{q['type']}"]
        deck.add_note(genanki.Note(model=MODEL, fields=fields, tags=tags, guid=note_guid(question)))
    out = io.BytesIO()
    genanki.Package(deck).write_to_file(out, timestamp=_TIMESTAMP)
    return _with_fixed_dates(out.getvalue())


def _with_fixed_dates(apkg: bytes) -> bytes:
    """The same archive with every member dated alike.

    genanki adds the collection from a temporary file, so its zip entry carried the moment of writing: two
    exports of one bank a second apart differed in those bytes.
    """
    with zipfile.ZipFile(io.BytesIO(apkg)) as src:
        return zip_package({info.filename: src.read(info) for info in src.infolist()})


def _html(text: str) -> str:
    return "<br>".join(escape(line, quote=False) for line in text.split("\n"))


def _list(items: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{_html(i)}</li>" for i in items) + f"</{tag.split()[0]}>"


def _multiple_choice(q: dict[str, Any]) -> str:
    return _html(q["prompt"]) + _list(q["options"], 'ol type="a"')


def _multiple_answer(q: dict[str, Any]) -> str:
    return _html(q["prompt"]) + "<p><i>Choose all that apply:</i></p>" + _list(q["options"], 'ol type="a"')


def _true_false(q: dict[str, Any]) -> str:
    return _html(q["prompt"]) + "<p><i>True or false?</i></p>"


def _fill_in(q: dict[str, Any]) -> str:
    return _html(q["prompt"])


def _ordering(q: dict[str, Any]) -> str:
    return _html(q["prompt"]) + "<p><i>Put in order:</i></p>" + _list(q["options"])


def _matching(q: dict[str, Any]) -> str:
    lefts = [left for left, _ in q["answer"]]
    return _html(q["prompt"]) + _list(lefts) + "<p><i>with one of:</i></p>" + _list(q["options"])


_FRONT_WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "multiple_choice": _multiple_choice,
    "true_false": _true_false,
    "fill_in": _fill_in,
    "ordering": _ordering,
    "matching": _matching,
    "multiple_answer": _multiple_answer,
}
