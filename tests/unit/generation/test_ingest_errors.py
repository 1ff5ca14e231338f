"""Files that cannot be read end in one IngestError with a one-line reason, never another exception."""

from __future__ import annotations

import io
import zipfile

import pytest

from quizapp.generation.ingest import ingest, pipeline, zip_safety
from quizapp.generation.types import DocumentInput, IngestError

from .ingest_samples import (
    assert_consistent,
    block_texts,
    build_docx,
    build_many_pages_pdf,
    build_pdf,
    docx_zip_bomb,
    encrypt_pdf,
)


def fails(name: str, data: bytes | str, match: str, fmt: str | None = None, **options) -> IngestError:
    with pytest.raises(IngestError, match=match) as caught:
        ingest(DocumentInput(name, data, fmt), **options)
    error = caught.value
    assert error.filename == name
    assert "\n" not in str(error)
    return error


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.html", "empty.pdf", "empty.docx"])
def test_empty_file(name):
    fails(name, b"", "the file is empty")


def test_empty_string():
    fails("pasted.txt", "", "the file is empty")


@pytest.mark.parametrize("name", ["blank.txt", "blank.md", "blank.html"])
def test_only_whitespace(name):
    fails(name, b" \n\t\r\n \xc2\xa0\n", "only whitespace")


def test_html_with_only_script_and_style_has_no_text():
    fails(
        "script.html",
        "<html><head><style>p{}</style></head><body><script>var a = 1;</script></body></html>",
        "no readable text",
    )


def test_binary_bytes_named_txt():
    fails("photo.txt", bytes(range(256)) * 4, "not text")


def test_unsupported_extension():
    error = fails("slides.pptx", b"PK\x03\x04", "unsupported file type")
    assert error.reason == "unsupported file type '.pptx'; use .txt, .md, .html, .pdf or .docx"


def test_unsupported_explicit_format():
    fails("notes", b"Lava", "unsupported file type 'rtf'", fmt="rtf")


def test_no_extension_and_unrecognisable_content():
    fails("blob", bytes(range(256)), "no extension")


def test_over_the_size_limit():
    fails("big.txt", b"Lava cools fast. " * 100, "too large", max_bytes=1000)
    fails("big.txt", "Lava cools fast. " * 100, "too large", max_bytes=1000)


def test_a_file_of_more_lines_than_any_article_is_refused(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_LINES", 100)
    fails("log.txt", "line\n" * 200, "201 lines; at most 100")


# PDF


def test_fake_pdf():
    fails("paper.pdf", b"Just some text pretending to be a PDF.", "not a PDF")


def test_pdf_given_as_text():
    fails("paper.pdf", "%PDF-1.4 but as a string", "not a PDF")


def test_corrupt_pdf():
    fails("paper.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n%%EOF", "PDF")


def test_truncated_pdf():
    data = build_pdf([["Lava cools fast and ash falls far away from the vent."]])
    with pytest.raises(IngestError):
        ingest(DocumentInput("cut.pdf", data[: len(data) // 2]))


def test_scanned_pdf_without_text():
    fails("scan.pdf", build_pdf([[], []]), "no extractable text")


def test_encrypted_pdf():
    fails("locked.pdf", encrypt_pdf(build_pdf([["Lava cools fast."]])), "password")


def test_pdf_with_too_many_pages_is_refused_quickly():
    fails("huge.pdf", build_many_pages_pdf(2001), "2001 pages; at most 2000")


# DOCX


def test_docx_that_is_not_a_zip():
    fails("notes.docx", b"This is a plain text file with a .docx name.", "not a Word document")


def test_zip_without_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    fails("notes.docx", out.getvalue(), "not a Word document")


def test_docx_with_broken_xml():
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(build_docx([("Normal", "Lava cools fast.")]))) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for entry in source.infolist():
            data = b"<w:document><w:body><w:p>" if entry.filename == "word/document.xml" else source.read(entry)
            target.writestr(entry, data)
    fails("broken.docx", out.getvalue(), "damaged")


def test_docx_zip_bomb_is_refused_before_it_is_unpacked():
    fails("bomb.docx", docx_zip_bomb(201_000_000), "zip bomb", max_bytes=1_000_000)


def test_docx_entry_compressed_beyond_any_real_document_is_refused(monkeypatch):
    # A bomb under the total cap: caught by its compression ratio alone.
    monkeypatch.setattr(zip_safety, "MAX_UNCOMPRESSED", 10**12)
    fails("bomb.docx", docx_zip_bomb(30_000_000), "compressed .* times")


def test_docx_declaring_xml_entities_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><w:document>&b;</w:document>',
        )
    fails("entities.docx", out.getvalue(), "entities")


# Deep nesting and library failures


def test_html_nested_5000_deep_is_read_without_crashing():
    page = "<html><body>" + "<div>" * 5000 + "<p>Lava cools fast.</p>" + "</div>" * 5000 + "</body></html>"
    doc = ingest(DocumentInput("deep.html", page))
    assert_consistent(doc)
    assert block_texts(doc) == ["Lava cools fast."]


def test_unclosed_inline_tags_5000_deep():
    page = "<html><body><p>" + "<b><i>" * 5000 + "Lava cools fast.</p></body></html>"
    assert ingest(DocumentInput("deep.html", page)).text == "Lava cools fast."


def test_markdown_nested_5000_deep_is_read_without_crashing():
    text = ">" * 5000 + " Lava cools fast.\n\n" + "- " * 3000 + "item\n\nAsh falls far away from the vent."
    doc = ingest(DocumentInput("deep.md", text))
    assert_consistent(doc)
    assert "Ash falls far away from the vent." in doc.text


@pytest.mark.parametrize(
    ("exception", "reason"),
    [
        (RecursionError, "nested too deeply"),
        (MemoryError, "too large to read"),
        (KeyError, r"could not be read \(KeyError\)"),
        (AssertionError, r"could not be read \(AssertionError\)"),
    ],
)
def test_any_library_failure_becomes_an_ingest_error(monkeypatch, exception, reason):
    def explode(name, fmt, data):
        raise exception("deep inside a library")

    monkeypatch.setattr(pipeline, "_read", explode)
    fails("notes.txt", b"Lava cools fast.", reason)
