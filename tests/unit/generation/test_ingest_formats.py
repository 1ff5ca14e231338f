"""Ingestion reads each format into clean text: blocks, headings, list items, title, format detection."""

from __future__ import annotations

import pytest

from quizapp.generation.ingest import detect_format, html_reader, ingest
from quizapp.generation.types import DocumentInput, IngestError

from .ingest_samples import (
    ARTICLE_PARAGRAPHS,
    FACT_ITEMS,
    SHORT_PARAGRAPH,
    article_page,
    assert_consistent,
    block_texts,
    build_docx,
    build_pdf,
)


def read(name: str, data: bytes | str, fmt: str | None = None):
    doc = ingest(DocumentInput(name, data, fmt))
    assert_consistent(doc)
    return doc


# Plain text


def test_plain_text_title_paragraphs_and_blank_line_separation():
    text = "Volcanoes\n\n" + "\n\n\n".join(ARTICLE_PARAGRAPHS) + "\n"
    doc = read("notes.txt", text)
    assert doc.format == "txt"
    assert doc.title == "Volcanoes"
    assert doc.text == "\n\n".join(("Volcanoes", *ARTICLE_PARAGRAPHS))
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph", "paragraph"]
    assert doc.stripped == ()


def test_plain_text_joins_hard_wrapped_lines_and_mends_hyphenation():
    text = (
        "Volcanoes form where magma rises through cracks in the Earth's crust.\n"
        "Most of them sit along the edges of tec-\n"
        "tonic plates, where plates pull apart or push together and the crust\n"
        "breaks.\n"
    )
    doc = read("wrapped.txt", text)
    assert block_texts(doc) == [
        "Volcanoes form where magma rises through cracks in the Earth's crust. Most of them sit along the edges of "
        "tectonic plates, where plates pull apart or push together and the crust breaks."
    ]


def test_plain_text_bullets_become_list_items_without_the_glyph():
    doc = read("list.txt", "Kinds of volcano\n\n" + "\n".join(f"• {item}" for item in FACT_ITEMS))
    assert block_texts(doc, "list_item") == list(FACT_ITEMS)


def test_plain_text_whitespace_is_normalised_inside_a_paragraph():
    doc = read("spaces.txt", "Lava\u00a0 cools \t fast\u200b.\r\n\r\nAsh   falls\u3000far away from the vent.")
    assert doc.text == "Lava cools fast.\n\nAsh falls far away from the vent."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("\ufeffCafé crème is a drink.".encode(), "Café crème is a drink.", id="utf-8 with BOM"),
        pytest.param("Café crème is a drink.".encode("utf-16"), "Café crème is a drink.", id="utf-16 with BOM"),
        pytest.param(b"Caf\xe9 cr\xe8me costs \x80 5.", "Café crème costs € 5.", id="windows-1252"),
        pytest.param(b"Caf\xe9 \x81 na\xefve.", "Café naïve.", id="latin-1 with an undefined byte"),
    ],
)
def test_text_encodings(data, expected):
    assert read("drink.txt", data).text == expected


def test_invalid_utf8_in_a_utf8_file_is_replaced_not_fatal():
    data = "Café crème and naïve résumé are French words. ".encode() + b"\xff\xfe" + " Déjà vu too.".encode()
    doc = read("broken.txt", data)
    assert doc.text.startswith("Café crème and naïve résumé are French words.")
    assert "Déjà vu too." in doc.text


# Markdown


MARKDOWN = """# Volcanoes

Volcanoes form where [magma](https://example.com/magma) rises through the crust. ![A volcano](volcano.png)

## Kinds

- Shield volcanoes have gentle slopes built from runny lava.
- Stratovolcanoes are *steep* and made of `layers` of ash.

1. Magma rises.
2. Pressure builds.

> Lava cools fast.

<script>alert("SCRIPT-TEXT-MUST-NOT-SHOW")</script>

| Volcano | Height |
|---------|--------|
| Etna    | 3,357 m |
"""


def test_markdown_blocks_links_images_lists_and_tables():
    doc = read("volcanoes.md", MARKDOWN)
    assert doc.format == "md"
    assert doc.title == "Volcanoes"
    assert block_texts(doc, "heading") == ["Volcanoes", "Kinds"]
    assert "Volcanoes form where magma rises through the crust." in block_texts(doc)
    assert block_texts(doc, "list_item") == [
        "Shield volcanoes have gentle slopes built from runny lava.",
        "Stratovolcanoes are steep and made of layers of ash.",
        "Magma rises.",
        "Pressure builds.",
    ]
    assert "Lava cools fast." in block_texts(doc)
    assert "Volcano | Height" in block_texts(doc)
    assert "Etna | 3,357 m" in block_texts(doc)
    for absent in ("https://", "volcano.png", "A volcano", "SCRIPT-TEXT", "](", "**", "#"):
        assert absent not in doc.text


def test_markdown_front_matter_gives_the_title_when_there_is_no_heading():
    doc = read("notes.md", "---\ntitle: Notes on lava\nauthor: J. Doe\n---\nLava cools fast. Ash falls far away.\n")
    assert doc.title == "Notes on lava"
    assert doc.text == "Lava cools fast. Ash falls far away."
    assert doc.stripped == ("title: Notes on lava author: J. Doe",)


# HTML


def test_html_page_keeps_the_article_and_drops_the_page_around_it():
    doc = read("page.html", article_page())
    assert doc.format == "html"
    assert doc.title == "How volcanoes form"
    assert block_texts(doc, "heading") == ["How volcanoes form", "Types"]
    assert block_texts(doc, "paragraph") == [*ARTICLE_PARAGRAPHS, SHORT_PARAGRAPH]
    assert block_texts(doc, "list_item") == list(FACT_ITEMS)
    for chrome in (
        "Home",
        "cookies",
        "Jane Doe",
        "Share on",
        "Tags:",
        "Related",
        "How earthquakes",
        "newsletter",
        "©",
        "Privacy",
        "SCRIPT-TEXT",
        "STYLE-TEXT",
    ):
        assert chrome not in doc.text
    assert "We use cookies to improve your experience on our website." in doc.stripped
    assert "© 2024 Science Site. All rights reserved." in doc.stripped


def test_html_without_trafilatura_result_falls_back_to_the_markup(monkeypatch):
    monkeypatch.setattr(html_reader, "_extract_main_content", lambda html: [])
    doc = read("page.html", article_page())
    assert block_texts(doc, "paragraph") == [*ARTICLE_PARAGRAPHS, SHORT_PARAGRAPH]
    assert block_texts(doc, "list_item") == list(FACT_ITEMS)
    assert "How volcanoes form" in block_texts(doc, "heading")
    for chrome in ("Home", "cookies", "Jane Doe", "Share on", "Related", "©", "SCRIPT-TEXT", "STYLE-TEXT"):
        assert chrome not in doc.text


def test_tiny_html_page_keeps_its_one_paragraph_and_drops_the_menu():
    page = (
        "<html><head><title>Lava</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/x'>About</a></nav><p>Lava cools fast.</p>"
        "<footer>© 2024 Site</footer></body></html>"
    )
    doc = read("tiny.html", page)
    assert doc.text == "Lava cools fast."
    assert doc.title == "Lava"
    assert "© 2024 Site" in doc.stripped


def test_html_declared_charset_is_used():
    page = b'<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
    page += b"<body><p>Caf\xe9 cr\xe8me costs \x80 5.</p>"
    doc = read("cafe.html", page)
    assert doc.text == "Café crème costs € 5."


# PDF


def test_pdf_paragraphs_headings_hyphenation_and_page_furniture():
    first = [
        ("Journal of Volcano Studies", 9),
        "",
        ("How volcanoes form", 18),
        "",
        "Volcanoes form where magma rises through cracks in the",
        "Earth's crust. Most of them sit along the edges of tec-",
        "tonic plates, where plates pull apart or push together.",
        "",
        "When a volcano erupts, it can release ash, gas and lava.",
        "Ash clouds can travel thousands of kilometres and dis-",
    ]
    second = [
        ("Journal of Volcano Studies", 9),
        "",
        "rupt air traffic for days.",
        "",
        ("Kinds", 14, True),
        "",
        "• Shield volcanoes have gentle slopes built from",
        "runny lava.",
        "• Cinder cones are small.",
        "",
        "Lava cools fast.",
        "",
        "Page 2 of 2",
    ]
    doc = read("paper.pdf", build_pdf([[*first, "", "1"], second]))
    assert doc.format == "pdf"
    assert doc.title == "How volcanoes form"
    assert block_texts(doc, "heading") == ["How volcanoes form", "Kinds"]
    assert block_texts(doc, "paragraph") == [
        "Volcanoes form where magma rises through cracks in the Earth's crust. Most of them sit along the edges of "
        "tectonic plates, where plates pull apart or push together.",
        "When a volcano erupts, it can release ash, gas and lava. Ash clouds can travel thousands of kilometres "
        "and disrupt air traffic for days.",
        "Lava cools fast.",
    ]
    assert block_texts(doc, "list_item") == [
        "Shield volcanoes have gentle slopes built from runny lava.",
        "Cinder cones are small.",
    ]
    assert doc.stripped == ("Journal of Volcano Studies", "1", "Page 2 of 2")


def test_pdf_title_repeated_as_running_header_stays_on_the_first_page_and_numbered_headings():
    body = ["Volcanoes form where magma rises through cracks in the Earth's crust.", ""]
    pages = [
        [("How volcanoes form", 18), "", ("1. Introduction", 11, True), "", *body, "1"],
        [("How volcanoes form", 9), "", ("2. Eruptions", 11, True), "", "Lava cools fast.", "", "2"],
        [("How volcanoes form", 9), "", "1. Magma rises.", "2. Pressure builds.", "", "3"],
    ]
    doc = read("paper.pdf", build_pdf(pages))
    assert doc.title == "How volcanoes form"
    assert block_texts(doc, "heading") == ["How volcanoes form", "1. Introduction", "2. Eruptions"]
    assert block_texts(doc, "list_item") == ["1. Magma rises.", "2. Pressure builds."]
    assert doc.stripped == ("1", "How volcanoes form", "2", "3")


# DOCX


def test_docx_headings_lists_tables_and_page_header():
    data = build_docx(
        [
            ("Title", "Volcanoes"),
            ("Heading 1", "How they form"),
            ("Normal", ARTICLE_PARAGRAPHS[0]),
            ("Normal", SHORT_PARAGRAPH),
            ("List Bullet", FACT_ITEMS[0]),
            ("List Number", FACT_ITEMS[1]),
        ],
        table=[["Volcano", "Country", "Height"], ["Etna", "Italy", "3,357 m"]],
        header="Science Site - Geology notes",
    )
    doc = read("volcanoes.docx", data)
    assert doc.format == "docx"
    assert doc.title == "Volcanoes"
    assert block_texts(doc, "heading") == ["Volcanoes", "How they form"]
    assert block_texts(doc, "paragraph") == [
        ARTICLE_PARAGRAPHS[0],
        SHORT_PARAGRAPH,
        "Volcano | Country | Height",
        "Etna | Italy | 3,357 m",
    ]
    assert block_texts(doc, "list_item") == [FACT_ITEMS[0], FACT_ITEMS[1]]
    assert doc.stripped == ("Science Site - Geology notes",)


def test_docx_title_property_is_used_without_a_heading():
    doc = read("plain.docx", build_docx([("Normal", ARTICLE_PARAGRAPHS[0])], title="Volcano notes"))
    assert doc.title == "Volcano notes"


# Format detection


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"Lava cools fast.", "txt"),
        ("a.TEXT", b"Lava cools fast.", "txt"),
        ("a.md", b"# Lava", "md"),
        ("a.markdown", b"# Lava", "md"),
        ("a.html", b"<p>Lava</p>", "html"),
        ("a.htm", b"Lava", "html"),
        ("page.txt", b"<!DOCTYPE html><html><body><p>Lava</p></body></html>", "html"),
        ("a.txt", b"<b>bold</b> words in a note", "txt"),
        ("no-extension", b"Lava cools fast.", "txt"),
        ("no-extension", b"<html><body>Lava</body></html>", "html"),
    ],
)
def test_detect_format_from_extension_and_content(name, data, expected):
    assert detect_format(name, data) == expected


def test_detect_format_recognises_real_pdf_and_docx_content():
    assert detect_format("paper.pdf", build_pdf([["Lava cools fast."]])) == "pdf"
    assert detect_format("notes.docx", build_docx([("Normal", "Lava")])) == "docx"
    assert detect_format("renamed.txt", build_pdf([["Lava cools fast."]])) == "pdf"
    assert detect_format("scan", build_docx([("Normal", "Lava")])) == "docx"


def test_unknown_extension_is_refused_with_the_accepted_list():
    with pytest.raises(IngestError) as error:
        detect_format("slides.xyz", b"data")
    assert error.value.filename == "slides.xyz"
    assert error.value.reason == "unsupported file type '.xyz'; use .txt, .md, .html, .pdf or .docx"


def test_explicit_format_overrides_the_extension():
    doc = read("upload.bin", b"# Lava\n\nLava cools fast.", fmt="md")
    assert doc.format == "md"
    assert block_texts(doc, "heading") == ["Lava"]
