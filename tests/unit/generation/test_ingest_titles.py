"""The document's title: the line that opens it, not a section heading, a kicker or half a wrapped line."""

from __future__ import annotations

from quizapp.generation.capitals import as_prose, prose_forms
from quizapp.generation.ingest import ingest
from quizapp.generation.types import DocumentInput

from .ingest_samples import build_docx, build_pdf

PROSE = (
    "The lighthouse at Skerryvore was built between 1838 and 1844 on a reef west of Tiree. "
    "Alan Stevenson designed it, and masons cut its granite on the island of Hynish."
)
MORE = "Its light was first lit in 1844 and could be seen for eighteen miles across the open sea."


def title_of(name: str, data: bytes | str) -> str:
    return ingest(DocumentInput(name, data)).title


def test_plain_text_title_over_a_subtitle_line_is_not_joined_to_it_or_passed_over():
    text = (
        f"THE ROCK LIGHT OF SKERRYVORE AND ITS BUILDERS\nA short history\n\n{PROSE}\n\nBuilding on the reef\n\n{MORE}\n"
    )
    doc = ingest(DocumentInput("light.txt", text))
    assert doc.title == "THE ROCK LIGHT OF SKERRYVORE AND ITS BUILDERS"
    assert doc.text.startswith("THE ROCK LIGHT OF SKERRYVORE AND ITS BUILDERS\n\nA short history\n\n")


def test_plain_text_title_followed_by_a_label_beats_the_first_section_heading():
    text = f"Skerryvore Lighthouse\nEncyclopedia entry\n\n{PROSE}\n\nBuilding on the reef\n\n{MORE}\n"
    assert title_of("light.txt", text) == "Skerryvore Lighthouse"


def test_plain_text_kicker_over_the_title_is_passed_over():
    text = f"FEATURES | HISTORY\n\nThe light on the reef: how Skerryvore was built\n\n{PROSE}\n\nThe reef\n\n{MORE}\n"
    assert title_of("light.txt", text) == "The light on the reef: how Skerryvore was built"


def test_pdf_title_wrapped_over_two_lines_is_one_title():
    page = [
        ("The Rock Light of Skerryvore: How a Tower Was", 18),
        ("Raised on the Reef", 18),
        "",
        PROSE,
        "",
        ("Building on the reef", 13, True),
        "",
        MORE,
    ]
    doc = ingest(DocumentInput("light.pdf", build_pdf([page])))
    assert doc.title == "The Rock Light of Skerryvore: How a Tower Was Raised on the Reef"


def test_pdf_title_wrapped_after_circa_is_one_title():
    page = [("Lights of the Hebrides, c.", 18), ("1780-1900", 18), "", PROSE, "", ("The reef", 13, True), "", MORE]
    assert title_of("light.pdf", build_pdf([page])) == "Lights of the Hebrides, c. 1780-1900"


def test_pdf_title_in_capitals_over_its_subtitle_in_the_same_type_stays_apart():
    page = ["SKERRYVORE LIGHTHOUSE (1844)", "A tower on the reef", "", ("EARLY PLANS", 13, True), "", PROSE]
    assert title_of("light.pdf", build_pdf([page])) == "SKERRYVORE LIGHTHOUSE (1844)"


def test_docx_unit_label_over_the_section_heading_gives_the_section():
    blocks = [
        ("Heading 1", "Unit 4: Lights and Harbours of Scotland"),
        ("Heading 2", "4.2 The Rock Light of Skerryvore"),
        ("Normal", PROSE),
        ("Heading 2", "Building on the reef"),
        ("Normal", MORE),
    ]
    assert title_of("light.docx", build_docx(blocks)) == "4.2 The Rock Light of Skerryvore"


def test_html_kicker_over_the_h1_stays_a_kicker():
    body = f"<p>Engineering</p><h1>The Rock Light</h1><p>{PROSE}</p><h2>The reef</h2><p>{MORE}</p>"
    page = f"<html><body>{body}</body></html>"
    assert title_of("light.html", page) == "The Rock Light"


def test_name_copied_from_a_title_in_capitals_is_written_as_the_prose_writes_it():
    text = f"ALAN STEVENSON: THE BUILDER OF SKERRYVORE\n\n{PROSE} NATO was not yet born."
    prose, acronyms = prose_forms([text])
    assert as_prose("Who designed it? Not ALAN STEVENSON.", prose, acronyms) == "Who designed it? Not Alan Stevenson."
    assert as_prose("THE BUILDER OF SKERRYVORE", prose, acronyms) == "The Builder of Skerryvore"
    assert as_prose("NATO and the UN", prose, acronyms) == "NATO and the UN"
