"""Anki decks: opened as Anki would (a zip holding an SQLite collection), notes, guids and the source on the back."""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import genanki

from quizapp.bank.interchange.anki_export import MODEL_ID, deck_id_for, export_anki

from .samples import awkward_questions, plain_questions


def _notes(data: bytes) -> list[tuple[str, int, list[str], str]]:
    """(guid, model id, fields, tags) of every note in the .apkg."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY id").fetchall()
            decks = db.execute("SELECT decks FROM col").fetchone()[0]
    assert str(deck_id_for("quizapp")) in decks
    return [(guid, mid, flds.split("\x1f"), tags.strip()) for guid, mid, flds, tags in rows]


def _bank() -> list[dict]:
    sources = {1: "Diocletian made Nicomedia his capital in 286.", 4: "Varro dated the founding to 753 BC."}
    return [
        {**q, "id": n, "source": sources.get(n, ""), "source_title": "Rome" if n in sources else ""}
        for n, q in enumerate(plain_questions() + awkward_questions(), start=1)
    ]


def test_one_note_per_question_with_the_source_on_the_back() -> None:
    notes = _notes(export_anki(_bank(), deck_name="quizapp"))
    assert len(notes) == len(_bank())
    assert {mid for _, mid, _, _ in notes} == {MODEL_ID}
    question, answer, explanation, source, ident = notes[0][2]
    assert "Which city was the capital" in question
    assert "<li>Nicomedia</li>" in question
    assert answer == "Nicomedia"
    assert explanation == "Diocletian ruled the east from Nicomedia."
    assert source == "Diocletian made Nicomedia his capital in 286. <cite>(Rome)</cite>"
    assert ident == "1"
    assert "rome" in notes[0][3].split()
    assert "quizapp::multiple_choice" in notes[0][3].split()
    awkward = notes[6][2][0]
    assert "&lt;b&gt;not bold&lt;/b&gt;" in awkward
    assert "<b>" not in awkward


def test_guids_follow_the_question_so_a_second_export_updates_the_notes() -> None:
    first = _notes(export_anki(_bank(), deck_name="quizapp"))
    edited = [{**q, "prompt": q["prompt"] + " (edited)"} for q in _bank()]
    second = _notes(export_anki(edited, deck_name="quizapp"))
    assert [g for g, *_ in first] == [g for g, *_ in second]
    assert [g for g, *_ in first] == [genanki.guid_for("quizapp", n) for n in range(1, len(_bank()) + 1)]
    assert len({g for g, *_ in first}) == len(first)
    assert second[0][2][0] != first[0][2][0]


def test_the_same_bank_gives_the_same_file() -> None:
    assert export_anki(_bank(), deck_name="quizapp") == export_anki(_bank(), deck_name="quizapp")


def test_every_member_of_the_package_carries_the_fixed_date() -> None:
    # The collection was zipped with its temporary file's mtime: exports a second apart differed.
    with zipfile.ZipFile(io.BytesIO(export_anki(_bank(), deck_name="quizapp"))) as apkg:
        assert {info.date_time for info in apkg.infolist()} == {(2026, 1, 1, 0, 0, 0)}
