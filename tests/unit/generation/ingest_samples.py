"""Small documents built in code for the ingestion tests: PDFs, Word files, zip bombs, web pages."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

import docx
from pypdf import PdfReader, PdfWriter

from quizapp.generation.types import FORMATS, CleanDocument

# A PDF line: its text, or (text, font size), or (text, font size, bold); "" leaves a blank line's gap.
PdfItem = str | tuple[str, float] | tuple[str, float, bool]

BODY_SIZE = 11.0


def assert_consistent(doc: CleanDocument) -> None:
    """The invariants every CleanDocument keeps, whatever went in."""
    assert doc.format in FORMATS
    assert doc.text
    assert doc.text == doc.text.strip()
    assert doc.blocks
    assert "\n\n\n" not in doc.text
    assert doc.title
    assert doc.title == doc.title.strip()
    assert "\n" not in doc.title
    assert "\n\n".join(doc.text[b.start : b.end] for b in doc.blocks) == doc.text
    for block in doc.blocks:
        piece = doc.text[block.start : block.end]
        assert piece
        assert piece == piece.strip()
        assert "\n" not in piece
        assert block.kind in ("heading", "paragraph", "list_item")
    assert all(isinstance(entry, str) and entry for entry in doc.stripped)


def block_texts(doc: CleanDocument, kind: str | None = None) -> list[str]:
    """The text of each block (of one kind, if given), in order."""
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def build_pdf(pages: Sequence[Sequence[PdfItem]]) -> bytes:
    """A minimal valid PDF: Helvetica text lines placed top-down on each page, with a correct xref table.

    Each page draws its lines from the top; a font size of 18 makes a heading, an empty
    string adds the vertical gap that separates paragraphs.
    """
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, written once the page objects are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids: list[int] = []
    for page in pages:
        operations = ["BT"]
        y = 800.0
        for item in page:
            text, size, bold = _pdf_item(item)
            if not text:
                y -= BODY_SIZE + 4
                continue
            font = "/F2" if bold else "/F1"
            operations.append(f"{font} {size:g} Tf 1 0 0 1 72 {y:g} Tm ({_pdf_escape(text)}) Tj")
            y -= size + 4
        operations.append("ET")
        stream = "\n".join(operations).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % kid for kid in kids) + b"] /Count %d >>" % len(kids)
    return _pdf_file(objects)


def _pdf_item(item: PdfItem) -> tuple[str, float, bool]:
    if isinstance(item, str):
        return item, BODY_SIZE, False
    if len(item) == 2:
        return item[0], item[1], False
    return item  # type: ignore[return-value]


def _pdf_file(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def build_many_pages_pdf(count: int) -> bytes:
    """A PDF of ``count`` pages that all share one tiny content stream (cheap to build and to open)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length 44 >>\nstream\nBT /F1 11 Tf 72 800 Td (Page text.) Tj ET    \nendstream",
    ]
    first_page = len(objects) + 1
    for _ in range(count):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    kids = b" ".join(b"%d 0 R" % number for number in range(first_page, first_page + count))
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count
    return _pdf_file(objects)


def encrypt_pdf(data: bytes, password: str = "secret") -> bytes:
    """The same PDF, readable only with ``password`` (RC4, which pypdf handles without extra libraries)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def build_docx(
    blocks: Sequence[tuple[str, str]],
    table: Sequence[Sequence[str]] = (),
    header: str = "",
    title: str = "",
) -> bytes:
    """A Word file from (style, text) pairs, e.g. ("Heading 1", "Volcanoes"), ("List Bullet", "Lava"),
    optionally followed by a table, with a page header and a title in the document properties."""
    document = docx.Document()
    for style, text in blocks:
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if title:
        document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_zip_bomb(expanded_bytes: int = 300_000_000) -> bytes:
    """A zip that passes for a .docx (it has word/document.xml) but expands to ``expanded_bytes``.

    The big entry is zeros written in chunks, so building it takes little memory.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        padding = zipfile.ZipInfo("word/media/padding.bin")
        padding.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(padding, "w", force_zip64=True) as entry:
            chunk = bytes(1_000_000)
            for _ in range(expanded_bytes // len(chunk)):
                entry.write(chunk)
    return out.getvalue()


ARTICLE_PARAGRAPHS = (
    "Volcanoes form where magma rises through cracks in the Earth's crust. Most of them sit along the edges "
    "of tectonic plates, where plates pull apart or push together.",
    "When a volcano erupts, it can release ash, gas and lava. Ash clouds can travel thousands of kilometres "
    "and disrupt air traffic for days.",
    "Scientists watch active volcanoes with seismometers and satellites, because small earthquakes and a "
    "swelling of the ground often come before an eruption.",
)
FACT_ITEMS = (
    "Shield volcanoes have gentle slopes built from runny lava.",
    "Stratovolcanoes are steep and made of layers of ash and lava.",
    "Cinder cones are small and form around a single vent.",
)
SHORT_PARAGRAPH = "Lava cools fast."


def article_page() -> str:
    """A web page with an article inside the usual furniture: menu, cookie banner, byline, share bar,
    related links, newsletter box, footer, and a script and style that must never show."""
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    items = "".join(f"<li>{text}</li>" for text in FACT_ITEMS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>How volcanoes form | Science Site</title>
<script>window.secretTracker = "SCRIPT-TEXT-MUST-NOT-SHOW";</script>
<style>.banner {{ content: "STYLE-TEXT-MUST-NOT-SHOW"; }}</style></head>
<body>
<header class="site-header"><a href="/">Science Site</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/earth">Earth</a></li><li><a href="/space">Space</a></li>
<li><a href="/about">About us</a></li></ul></nav></header>
<div id="cookie-consent">We use cookies to improve your experience on our website. <button>Accept all</button></div>
<main><article>
<h1>How volcanoes form</h1>
<p class="byline">By Jane Doe | 3 min read</p>
{paragraphs}
<h2>Types</h2>
<p>{SHORT_PARAGRAPH}</p>
<ul>{items}</ul>
<div class="share"><a href="https://facebook.com/share">Share on Facebook</a> <a href="https://x.com/share">Tweet</a></div>
<p>Tags: volcanoes, geology, earth science</p>
</article>
<aside><h3>Related articles</h3><ul><li><a href="/earthquakes">How earthquakes happen</a></li>
<li><a href="/tsunamis">Why tsunamis form</a></li></ul></aside>
<section class="newsletter"><h3>Subscribe to our newsletter</h3><p>Get the best science stories in your inbox.</p>
</section></main>
<footer><p>© 2024 Science Site. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script>console.log("SCRIPT-TEXT-MUST-NOT-SHOW")</script>
</body></html>"""
