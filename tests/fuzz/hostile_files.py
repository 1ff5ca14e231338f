"""Hostile files, built in code: what an attacker (or a very unlucky teacher) could upload or import.

Each case names the file as it is uploaded, builds its bytes, and says what a safe outcome is: a
document (the file is odd but readable) or an error whose reason matches ``match``. The bounded
runner (bounded.py) checks time and memory; the upload tests send the same files through the app.
Builders are cached: several tests share the bigger files.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from tests.fuzz.zip_builder import Entry, deflated, repeated, write_zip
from tests.unit.generation.ingest_samples import _pdf_file as _pdf
from tests.unit.generation.ingest_samples import build_docx, build_many_pages_pdf, build_pdf

Kind = Literal["ingest", "gift", "moodle_xml"]
ARTICLE = (
    "The canal was dug between 1790 and 1796 to carry coal from the valley mines to the river port. "
    "Its locks lifted boats sixty metres over eleven kilometres."
)
W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class Hostile:
    """One attack: ``expect`` is the safe outcome; an error's reason must match ``match`` (a regex)."""

    name: str
    filename: str
    build: Callable[[], bytes]
    expect: Literal["document", "error"]
    match: str = ""
    kind: Kind = "ingest"
    # Text that must never reach the result (what an external entity would have pulled in).
    forbidden: str = ""
    # Text the document must hold (decoded right, nothing lost).
    contains: str = ""

    @property
    def family(self) -> str:
        return self.name.split("-", 1)[0]


# --- Word files -----------------------------------------------------------------------------------------------


@cache
def _docx_parts() -> dict[str, bytes]:
    """The parts of a real one-paragraph Word file (python-docx's template)."""
    with zipfile.ZipFile(io.BytesIO(build_docx([("Normal", ARTICLE)]))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f"<w:document {W_NAMESPACE}><w:body>{body}</w:body></w:document>"
    ).encode()


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_with(replaced: dict[str, bytes], big: Entry | None = None, **options: object) -> bytes:
    parts = {**_docx_parts(), **replaced}
    entries = [deflated(name, data) for name, data in parts.items() if big is None or name != big.name]
    if big is not None:
        entries.append(big)
    return write_zip(entries, **options)  # type: ignore[arg-type]


_BOMB_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NAMESPACE}><w:body>'.encode()
_BOMB_TAIL = b"</w:body></w:document>"
_MEGABYTE = 1_000_000


def _bomb_entry(megabytes: int) -> Entry:
    chunk = (_paragraph("a") * (_MEGABYTE // len(_paragraph("a")) + 1)).encode()[:_MEGABYTE]
    chunk = chunk[: chunk.rfind(b"</w:p>") + len(b"</w:p>")]
    return repeated("word/document.xml", _BOMB_HEAD, chunk, megabytes, _BOMB_TAIL, crc=False)


@cache
def docx_zip_bomb() -> bytes:
    """word/document.xml expands to 3 GB of paragraphs from a 3 MB file; the sizes are written honestly."""
    return docx_with({}, _bomb_entry(3000))


@cache
def docx_zip_bomb_lying() -> bytes:
    """The same stream, but both headers claim document.xml is 2 KB: whoever trusts them inflates 3 GB."""
    return docx_with({}, _bomb_entry(3000), declared_sizes={"word/document.xml": 2000})


@cache
def docx_overlapping_entries() -> bytes:
    """60,000 directory records share one 10 MB entry's data: 600 GB from a few megabytes."""
    media = repeated("word/media/image1.png", b"", bytes(_MEGABYTE), 10, b"")
    return docx_with({}, media, shared=60_000)


def _plausible_xml(megabytes: int) -> Entry:
    """Ordinary paragraphs, compressed about 16 times (like real Word XML): no single check of the
    archive's numbers flags them; only a size cap keeps the XML parser from getting the whole of it."""
    sentences = [f"Sentence {n} says the canal locks lifted boats {n} metres." for n in range(400)]
    chunk = "".join(_paragraph(s) for s in sentences).encode()
    return repeated("word/document.xml", _BOMB_HEAD, chunk, megabytes * _MEGABYTE // len(chunk), _BOMB_TAIL)


@cache
def docx_190mb_xml() -> bytes:
    """190 MB of paragraphs in 12 MB: took over a minute and 1.5 GB before the archive's size was capped."""
    return docx_with({}, _plausible_xml(190))


@cache
def docx_60mb_xml() -> bytes:
    """Under the archive's total cap, over the cap on XML the parser is given."""
    return docx_with({}, _plausible_xml(60))


@cache
def docx_90mb_media() -> bytes:
    """A real document plus 90 MB of "media" compressed 20 times: under every cap, loaded whole by python-docx."""
    noise = bytes(range(256)) * 4 + bytes(19 * 1024)  # a 20 KB block that deflates about 20 times
    parts = _docx_parts()
    # Referenced from the document, so python-docx loads it (it ignores parts nothing points to).
    relation = (
        b'<Relationship Id="rId99" Target="media/image1.jpeg" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
    )
    rels = parts["word/_rels/document.xml.rels"].replace(b"</Relationships>", relation + b"</Relationships>")
    image = repeated("word/media/image1.jpeg", b"\xff\xd8", noise, 90 * _MEGABYTE // len(noise), b"")
    return docx_with({"word/_rels/document.xml.rels": rels}, image)


@cache
def docx_many_paragraphs() -> bytes:
    """60,000 short numbered paragraphs: more blocks than any article."""
    body = "".join(_paragraph(f"Item {n}.") for n in range(60_000))
    return docx_with({"word/document.xml": document_xml(body)})


_LAUGHS = (
    "<!DOCTYPE w:document [<!ENTITY a0 'ha'>"
    + "".join(f"<!ENTITY a{n} '{f'&a{n - 1};' * 10}'>" for n in range(1, 10))
    + "]>"
)


def docx_billion_laughs() -> bytes:
    return docx_with({"word/document.xml": document_xml(_paragraph("&a9;"), _LAUGHS)})


def docx_billion_laughs_after_comment() -> bytes:
    """The DTD after a 10 KB comment: a check that only looks at the first few KB misses it."""
    prolog = "<!--" + " " * 10_000 + "-->" + _LAUGHS
    return docx_with({"word/document.xml": document_xml(_paragraph("&a9;"), prolog)})


def docx_xxe() -> bytes:
    prolog = "<!--" + " " * 10_000 + '--><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return docx_with({"word/document.xml": document_xml(_paragraph(ARTICLE) + _paragraph("&x;"), prolog)})


def docx_laughs_in_styles() -> bytes:
    styles = _docx_parts()["word/styles.xml"]
    declaration_end = styles.index(b"?>") + 2
    return docx_with({"word/styles.xml": styles[:declaration_end] + _LAUGHS.encode() + styles[declaration_end:]})


def docx_deep_nesting() -> bytes:
    depth = 100_000
    body = "<w:sdt><w:sdtContent>" * depth + _paragraph(ARTICLE) + "</w:sdtContent></w:sdt>" * depth
    return docx_with({"word/document.xml": document_xml(body)})


def docx_truncated() -> bytes:
    data = build_docx([("Normal", ARTICLE)] * 50)
    return data[: len(data) // 2]


def docx_random_after_magic() -> bytes:
    return b"PK\x03\x04" + bytes((n * 7919 + 13) % 256 for n in range(50_000))


# --- PDF ----------------------------------------------------------------------------------------------------


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
)
_TEXT_OPERATIONS = b"BT /F1 11 Tf 72 800 Td (Lava cools fast and the ash falls far away.) Tj ET\n"


def pdf_stream(data: bytes, *, flate: bool = False) -> bytes:
    filters = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def pages_pdf(content: bytes, pages: int) -> bytes:
    """``pages`` pages that all draw the same content stream (object 4)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, content]
    first = len(objects) + 1
    objects += [_PAGE] * pages
    kids = b" ".join(b"%d 0 R" % n for n in range(first, first + pages))
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    return _pdf(objects)


def _compressed_stream(chunk: bytes, times: int) -> bytes:
    entry = repeated("stream", b"", chunk, times, b"", crc=False)
    # A zlib stream is the raw deflate data between a two-byte header and the Adler-32 of what it expands to;
    # pypdf does not check the checksum, so a zero Adler keeps the builder from walking the expanded bytes.
    return pdf_stream(b"\x78\xda" + entry.compressed + b"\0\0\0\0", flate=True)


_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _spelled(number: int) -> str:
    # Words, not digits: lines that differ only in their numbers are taken for running headers.
    return " ".join(_DIGIT_WORDS[int(digit)] for digit in str(number))


@cache
def pdf_2000_pages() -> bytes:
    """2,000 pages (the most we read), each with its own two lines of text."""
    pages = [
        [f"Barge {_spelled(n)} carried coal from the valley mines", f"to the river port on day {_spelled(n)}."]
        for n in range(2000)
    ]
    return build_pdf(pages)


@cache
def pdf_100k_pages() -> bytes:
    return build_many_pages_pdf(100_000)


def pdf_million_kids() -> bytes:
    """One page referenced a million times from the page tree: a 8 MB file claiming a million pages."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, pdf_stream(_TEXT_OPERATIONS), _PAGE]
    objects[1] = b"<< /Type /Pages /Kids [" + b"5 0 R " * 1_000_000 + b"] /Count 1000000 >>"
    return _pdf(objects)


@cache
def pdf_flate_bomb() -> bytes:
    """A page whose content stream inflates from 1 MB to 1 GB."""
    return pages_pdf(_compressed_stream(_operations(_MEGABYTE), 1_000), 1)


def _operations(size: int) -> bytes:
    return _TEXT_OPERATIONS * (size // len(_TEXT_OPERATIONS))


@cache
def pdf_heavy_shared_content() -> bytes:
    """2,000 pages sharing one content stream of 70 MB of text operators, under every per-stream limit pypdf has
    (75 MB inflated, 2 million operands): each page costs a full parse, so the file costs 2,000 of them."""
    return pages_pdf(_compressed_stream(_operations(_MEGABYTE), 70), 2000)


@cache
def pdf_spread_content() -> bytes:
    """2,000 pages sharing one 100 KB stream: no page is heavy, together they are 200 MB of instructions."""
    return pages_pdf(pdf_stream(_operations(100_000)), 2000)


def _form_pdf(page_content: bytes, form_content: bytes) -> bytes:
    """One page whose resources name form X1 (object 5), a form that may draw X1 in turn."""
    form = pdf_stream(form_content).replace(
        b"<< /Length", b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 842] "
                       b"/Resources << /Font << /F1 3 0 R >> /XObject << /X1 5 0 R >> >> /Length")  # fmt: skip
    page = _PAGE.replace(b"/Font << /F1 3 0 R >> >>", b"/Font << /F1 3 0 R >> /XObject << /X1 5 0 R >> >>")
    catalog = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>", _FONT]
    return _pdf([*catalog, pdf_stream(page_content), form, page])


def pdf_form_drawn_5000_times() -> bytes:
    """A 135 KB page that draws one 100 KB form 5,000 times (pypdf's own cap): 500 MB of instructions."""
    return _form_pdf(b"/X1 Do\n" * 5000, _operations(100_000))


def pdf_recursive_form() -> bytes:
    """A form XObject that draws itself: text extraction that follows it never ends unless it counts."""
    return _form_pdf(b"/X1 Do", b"BT /F1 11 Tf 72 800 Td (Lava.) Tj ET /X1 Do")


def pdf_deep_page_tree() -> bytes:
    depth = 5000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (level + 3))
    objects.append(b"<< /Type /Page /MediaBox [0 0 612 842] >>")
    return _pdf(objects)


def pdf_page_tree_loop() -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]
    )


def pdf_nested_arrays() -> bytes:
    return pages_pdf(pdf_stream(b"[" * 200_000 + b"]" * 200_000 + b" BT /F1 11 Tf 72 800 Td (Lava.) Tj ET"), 1)


def pdf_truncated() -> bytes:
    data = build_pdf([[ARTICLE]] * 20)
    return data[: len(data) // 2]


# --- Web pages, Markdown, plain text --------------------------------------------------------------------------


def _page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head><title>Canal</title>{head}</head><body>{body}</body></html>".encode()


def html_nested_divs() -> bytes:
    return _page("<div>" * 100_000 + f"<p>{ARTICLE}</p>" + "</div>" * 100_000)


def html_unclosed_inline() -> bytes:
    return _page("<b><i><span>" * 100_000 + ARTICLE)


def html_nested_tables() -> bytes:
    return _page("<table><tr><td>" * 20_000 + ARTICLE + "</td></tr></table>" * 20_000)


def html_one_line_10mb() -> bytes:
    sentence = "The canal carried coal to the port. "
    return _page("<p>" + sentence * (10_000_000 // len(sentence)) + "</p>")


def html_many_paragraphs() -> bytes:
    return _page("".join(f"<p>Paragraph {n} about the canal.</p>" for n in range(60_000)))


def html_many_attributes() -> bytes:
    attributes = " ".join(f'data-a{n}="{n}"' for n in range(200_000))
    return _page(f"<p {attributes}>{ARTICLE}</p>")


def html_unclosed_comment() -> bytes:
    return _page(f"<p>{ARTICLE}</p><!--" + "x" * 2_000_000)


def html_entities() -> bytes:
    return _page(f"<p>{ARTICLE}</p><p>" + "&amp;&lt;&#x41;&eacute;" * 250_000 + "</p>")


def html_billion_laughs() -> bytes:
    laughs = _LAUGHS.replace("w:document", "html")
    return laughs.encode() + f"<html><body><p>{ARTICLE}</p><p>&a9;</p></body></html>".encode()


def html_xxe() -> bytes:
    doctype = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return (doctype + f"<html><body><p>{ARTICLE}</p><p>&x;</p></body></html>").encode()


def md_nested_quotes() -> bytes:
    return (">" * 50_000 + " " + ARTICLE).encode()


def md_nested_lists() -> bytes:
    # "- - - item" opens a list inside a list item on one line: 50,000 levels in 100 KB.
    return ("- " * 25_000 + "1. " * 25_000 + f"item\n\n{ARTICLE}\n").encode()


def markdown_pathologies(scale: int = 1) -> dict[str, tuple[str, str, str]]:
    """Inputs that made CommonMark parsers quadratic or exponential (after commonmark's pathological test
    list), at a third of the size used there (``scale=3``: the full size, which fuzz/hostile_report.py
    runs). Each with the outcome it has: most are read, some are all link markup (so all page chrome)."""
    n = scale
    return {
        "nested-emphasis": ("*a **a " * 10_000 * n + "b" + " a** a*" * 10_000 * n, "document", ""),
        "emphasis-closers": ("a_ " * 20_000 * n, "document", ""),
        "emphasis-openers": ("_a " * 20_000 * n, "document", ""),
        "link-closers": ("a]" * 20_000 * n, "document", ""),
        "link-openers": ("[a" * 20_000 * n, "document", ""),
        "mismatched-emphasis": ("*a_ " * 16_000 * n, "document", ""),
        "closers-multiple-of-3": ("a**b" + "c* " * 16_000 * n, "document", ""),
        "link-openers-emphasis-closers": ("[ a_" * 16_000 * n, "document", ""),
        "bracket-paren": ("[ (](" * 26_000 * n, "error", "nothing is left"),
        "image-brackets": ("![[]()" * 26_000 * n, "error", "nothing is left"),
        "nested-brackets": ("[" * 16_000 * n + "a" + "]" * 16_000 * n, "document", ""),
        "backticks": ("".join("e" + "`" * k for k in range(1, 800 * n)), "document", ""),
        "unclosed-link-angle": ("[a](<b" * 10_000 * n, "document", ""),
        "unclosed-link": ("[a](b" * 10_000 * n, "document", ""),
        "unclosed-comments": ("</" + "<!--" * 33_000 * n, "error", "nothing is left"),
        "references": ("".join(f"[{k}]: u\n" for k in range(16_000 * n)) + "[0] " * 16_000 * n, "document", ""),
        "tables": ("| a |\n|---|\n" + "| b |\n" * 16_000 * n, "document", ""),
        "nul-bytes": (("abc\u0000de\u0000" * 3_000 * n) + "\n\n" + ARTICLE, "error", "not text"),
    }


def md_front_matter_spaces() -> bytes:
    return b"---\ntitle: Canal" + b" " * 1_000_000 + b"locks\n---\n\n" + ARTICLE.encode()


def txt_one_line_no_spaces() -> bytes:
    return b"a" * 5_000_000


def txt_million_lines() -> bytes:
    return b"Canal.\n" * 999_000


def txt_many_paragraphs() -> bytes:
    return b"".join(b"Paragraph %d about the canal.\n\n" % n for n in range(300_000))


def txt_rules_and_urls() -> bytes:
    # Lines the chrome and wrap rules test with regular expressions, at the worst length for them.
    return (("=" * 5000 + "\n" + "https://" + "a" * 5000 + "\n" + "-" * 4999 + "x\n") * 200).encode()


# Lines that sent a chrome rule's regular expression into catastrophic backtracking (each found by
# fuzz/regex_pumps.py or by the hostile runs, each a few seconds or hours before the fix).
REDOS_LINES = {
    "byline-capitals": "By " + "A" * 100_000 + "!",
    "read-meta-commas": "1," * 200_000,
    "punctuation-run": "`" * 1_000_000 + "a",
}


ENCODED_TEXTS: dict[str, tuple[str, bytes, str]] = {
    # name: (file name, bytes, text the document must contain)
    "utf16-bom": ("canal.txt", ARTICLE.encode("utf-16"), "coal from the valley"),
    "utf16-no-bom": ("canal.txt", ARTICLE.encode("utf-16-le"), "coal from the valley"),
    "utf16-be-html": (
        "canal.html",
        b"\xfe\xff" + f"<html><body><p>{ARTICLE}</p></body></html>".encode("utf-16-be"),
        "coal from the valley",
    ),
    "latin1": ("canal.txt", ("Café de la Gare. " + ARTICLE).encode("latin-1"), "Café de la Gare"),
    "cp1252-quotes": ("canal.md", ("“Quoted” canal — " + ARTICLE).encode("cp1252"), "“Quoted” canal — "),
    "invalid-utf8": (
        "canal.txt",
        "Çanal in ŁódŹ ".encode() * 20 + b"\xff\xfe\xc3" + ARTICLE.encode(),
        "coal from the valley",
    ),
    "utf32-bom": ("canal.txt", ARTICLE.encode("utf-32"), "coal from the valley"),
}


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def ingest_cases(scale: int = 1) -> list[Hostile]:
    """Every hostile upload; names start with the format family they attack. ``scale`` multiplies the
    Markdown pathologies (see :func:`markdown_pathologies`)."""
    html_as_pdf = f"<html><body><p>{ARTICLE}</p></body></html>".encode()
    return [
        Hostile("docx-zip-bomb-3gb", "bomb.docx", docx_zip_bomb, "error", "zip bomb"),
        Hostile("docx-zip-bomb-lying-sizes", "bomb.docx", docx_zip_bomb_lying, "error", "damaged"),
        Hostile("docx-overlapping-entries", "bomb.docx", docx_overlapping_entries, "error", "zip bomb"),
        Hostile("docx-190mb-plausible-xml", "long.docx", docx_190mb_xml, "error", "expand to 190 MB"),
        Hostile("docx-60mb-plausible-xml", "long.docx", docx_60mb_xml, "error", "at most 30 MB"),
        Hostile("docx-90mb-media", "photos.docx", docx_90mb_media, "document", contains="valley mines"),
        Hostile("docx-60k-paragraphs", "list.docx", docx_many_paragraphs, "error", "over 50,000 paragraphs"),
        Hostile("docx-billion-laughs", "laughs.docx", docx_billion_laughs, "error", "entities"),
        Hostile(
            "docx-billion-laughs-after-comment", "laughs.docx", docx_billion_laughs_after_comment, "error", "entities"
        ),
        Hostile("docx-xxe-etc-passwd", "xxe.docx", docx_xxe, "error", "entities", forbidden="root:"),
        Hostile("docx-billion-laughs-in-styles", "laughs.docx", docx_laughs_in_styles, "error", "styles.xml"),
        Hostile("docx-100k-nested-elements", "deep.docx", docx_deep_nesting, "error", "damaged"),
        Hostile("docx-not-a-zip", "notes.docx", lambda: ARTICLE.encode(), "error", "not a Word document"),
        Hostile("docx-truncated", "cut.docx", docx_truncated, "error", "not a Word document"),
        Hostile("docx-random-after-zip-magic", "noise.docx", docx_random_after_magic, "error", "not a Word document"),
        Hostile("pdf-2000-pages", "book.pdf", pdf_2000_pages, "document", contains="Barge zero carried coal"),
        Hostile("pdf-100k-pages", "book.pdf", pdf_100k_pages, "error", "100000 pages; at most 2000"),
        Hostile("pdf-million-kids", "kids.pdf", pdf_million_kids, "error", "more than 2000 pages"),
        Hostile("pdf-flate-bomb-1gb", "bomb.pdf", pdf_flate_bomb, "error", "no extractable text"),
        Hostile("pdf-70mb-stream-on-2000-pages", "heavy.pdf", pdf_heavy_shared_content, "error", "too much to read"),
        Hostile("pdf-100kb-stream-on-2000-pages", "spread.pdf", pdf_spread_content, "error", "too much to read"),
        Hostile("pdf-form-drawn-5000-times", "form.pdf", pdf_form_drawn_5000_times, "error", "too much to read"),
        Hostile("pdf-5000-deep-page-tree", "deep.pdf", pdf_deep_page_tree, "error", "tangled"),
        Hostile("pdf-page-tree-loop", "loop.pdf", pdf_page_tree_loop, "error", "damaged"),
        Hostile("pdf-form-draws-itself", "form.pdf", pdf_recursive_form, "document"),
        Hostile("pdf-200k-nested-arrays", "arrays.pdf", pdf_nested_arrays, "error", "nested too deeply"),
        Hostile("pdf-truncated", "cut.pdf", pdf_truncated, "error", "damaged"),
        Hostile("pdf-named-but-html", "paper.pdf", lambda: html_as_pdf, "error", "not a PDF"),
        Hostile("pdf-named-but-text", "paper.pdf", lambda: ARTICLE.encode(), "error", "not a PDF"),
        Hostile("pdf-empty", "empty.pdf", lambda: b"", "error", "empty"),
        Hostile("html-100k-nested-divs", "deep.html", html_nested_divs, "document"),
        Hostile("html-300k-unclosed-inline-tags", "deep.html", html_unclosed_inline, "document"),
        Hostile("html-20k-nested-tables", "tables.html", html_nested_tables, "document"),
        Hostile("html-10mb-one-line", "line.html", html_one_line_10mb, "document", contains="coal to the port"),
        Hostile("html-60k-paragraphs", "many.html", html_many_paragraphs, "error", "at most 50,000"),
        Hostile("html-200k-attributes", "attrs.html", html_many_attributes, "document"),
        Hostile("html-unclosed-2mb-comment", "comment.html", html_unclosed_comment, "document"),
        Hostile("html-1m-entities", "entities.html", html_entities, "document"),
        Hostile("html-billion-laughs", "laughs.html", html_billion_laughs, "document", forbidden="hahahaha"),
        Hostile("html-xxe-etc-passwd", "xxe.html", html_xxe, "document", forbidden="root:"),
        Hostile("html-empty", "empty.html", lambda: b"", "error", "empty"),
        Hostile("md-50k-nested-quotes", "deep.md", md_nested_quotes, "document"),
        Hostile("md-50k-nested-lists", "deep.md", md_nested_lists, "document"),
        Hostile("md-1mb-link-openers", "links.md", lambda: b"[a" * 500_000, "document"),
        Hostile("md-front-matter-1mb-spaces", "front.md", md_front_matter_spaces, "document", contains="Canal locks"),
        *(
            Hostile(f"md-{name}", f"{name}.md", _constant(text.encode()), expect, match)  # type: ignore[arg-type]
            for name, (text, expect, match) in markdown_pathologies(scale).items()
        ),
        Hostile("txt-5mb-one-word", "word.txt", txt_one_line_no_spaces, "document"),
        Hostile("txt-999k-lines", "lines.txt", txt_million_lines, "error", "at most 200,000"),
        Hostile("txt-300k-paragraphs", "many.txt", txt_many_paragraphs, "error", "at most 200,000"),
        Hostile("txt-long-rules-and-urls", "rules.txt", txt_rules_and_urls, "document"),
        *(
            Hostile(f"txt-redos-{name}", f"{name}.txt", _constant(line.encode()), "document")
            for name, line in REDOS_LINES.items()
        ),
        Hostile("txt-nul-bytes", "nul.txt", lambda: ARTICLE.encode().replace(b" ", b"\0"), "error", "not text"),
        Hostile("txt-empty", "empty.txt", lambda: b"", "error", "empty"),
        Hostile("txt-bom-only", "bom.txt", lambda: b"\xef\xbb\xbf", "error", "whitespace"),
        *(
            Hostile(f"txt-{name}", filename, _constant(data), "document", contains=text)
            for name, (filename, data, text) in ENCODED_TEXTS.items()
        ),
    ]


# --- GIFT and Moodle XML --------------------------------------------------------------------------------------

GIFT_QUESTION = "::Canal::When was the canal finished? {=1796 ~1790 ~1812}\n\n"
_QUIZ_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _moodle_question(text: str = "When was the canal finished?") -> str:
    return (
        f'<question type="multichoice"><name><text>Canal</text></name>'
        f'<questiontext format="html"><text>{text}</text></questiontext>'
        '<answer fraction="100"><text>1796</text></answer><answer fraction="0"><text>1790</text></answer>'
        "</question>"
    )


def _quiz(body: str, prolog: str = "") -> bytes:
    return (_QUIZ_HEAD + prolog + f"<quiz>{body}</quiz>").encode()


def gift_cases() -> list[Hostile]:
    def case(name: str, build: Callable[[], bytes], expect: Literal["document", "error"], match: str = "") -> Hostile:
        return Hostile(f"gift-{name}", f"{name}.gift", build, expect, match, kind="gift")

    return [
        # A stray brace costs its question alone, as in Moodle: it is left out, saying where and why.
        case("unclosed-brace", lambda: b"::A:: Question {=a ~b\n\n" + GIFT_QUESTION.encode(), "document"),
        case("stray-closing-brace", lambda: b"::A:: Question } =a ~b\n", "document"),
        case("second-brace", lambda: b"::A:: Question {=a ~b {=c}\n", "document"),
        case("over-the-size-limit", lambda: GIFT_QUESTION.encode() * 100_000, "error", "at most"),
        case("100k-questions", lambda: b"Q{T}\n\n" * 100_000, "error", "at most 5000"),
        case("4mb-prompt", lambda: b"::Big:: " + b"word " * 800_000 + b"{T}\n", "document"),
        case(
            "tag-openers-in-comment", lambda: b"// " + b"[tag:" * 800_000 + b"\n" + GIFT_QUESTION.encode(), "document"
        ),
        case("million-answers", lambda: b"Q {=a " + b"~b " * 1_000_000 + b"}\n", "document"),
        case("million-escapes", lambda: b"Q " + b"\\{" * 1_000_000 + b" {T}\n", "document"),
        case("unclosed-title", lambda: b"::" + b"x" * 2_000_000 + b" {T}\n", "document"),
        case("deep-html-prompt", lambda: b"[html]" + b"<b>" * 500_000 + b"Canal? {T}\n", "document"),
        case("100k-lines-in-one-question", lambda: b"Q\n" * 100_000 + b"{T}\n", "document"),
        case("binary", lambda: bytes(range(256)) * 100, "error", "binary|not UTF-8"),
        case("utf16-bom", lambda: GIFT_QUESTION.encode("utf-16"), "document"),
        case("latin1", lambda: "::Café:: Où? {=Paris ~Lyon}\n".encode("latin-1"), "document"),
        case("nul-bytes", lambda: GIFT_QUESTION.encode().replace(b" ", b"\0"), "error", "binary"),
        case("empty", lambda: b"", "error", "no questions"),
    ]


_XML_LAUGHS = (
    "<!DOCTYPE quiz [<!ENTITY a0 'ha'>" + "".join(f"<!ENTITY a{n} '{f'&a{n - 1};' * 10}'>" for n in range(1, 10)) + "]>"
)


def moodle_cases() -> list[Hostile]:
    def case(
        name: str,
        build: Callable[[], bytes],
        expect: Literal["document", "error"],
        match: str = "",
        forbidden: str = "",
    ) -> Hostile:
        return Hostile(f"xml-{name}", f"{name}.xml", build, expect, match, kind="moodle_xml", forbidden=forbidden)

    big = "x" * 100_000
    return [
        case("billion-laughs", lambda: _quiz(_moodle_question("&a9;"), _XML_LAUGHS), "error", "entities"),
        case(
            "quadratic-blowup",
            lambda: _quiz(_moodle_question("&b;" * 100_000), f'<!DOCTYPE quiz [<!ENTITY b "{big}">]>'),
            "error",
            "entities",
        ),
        case(
            "xxe-etc-passwd",
            lambda: _quiz(_moodle_question("&x;"), '<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
            "error",
            "entities",
            forbidden="root:",
        ),
        case(
            "external-dtd",
            lambda: _quiz(_moodle_question(), '<!DOCTYPE quiz SYSTEM "file:///etc/passwd">'),
            "error",
            "DTD",
        ),
        case(
            "parameter-entities",
            lambda: _quiz(_moodle_question(), '<!DOCTYPE quiz [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'),
            "error",
            "entities",
        ),
        case("undefined-entity", lambda: _quiz(_moodle_question("&nope;")), "error", "not well-formed"),
        case(
            "100k-nested-in-text",
            lambda: _quiz(_moodle_question("<b>" * 100_000 + "Canal?" + "</b>" * 100_000)),
            "document",
        ),
        case(
            "100k-nested-root",
            lambda: (_QUIZ_HEAD + "<a>" * 100_000 + "</a>" * 100_000).encode(),
            "error",
            "not a Moodle XML",
        ),
        case("600k-questions", lambda: _quiz("<question/>" * 600_000), "error", "at most 5000"),
        case("million-empty-elements", lambda: _quiz(_moodle_question() + "<x/>" * 1_500_000), "document"),
        case("15mb-text-node", lambda: _quiz(_moodle_question("canal " * 2_500_000)), "document"),
        case(
            "100k-answers",
            lambda: _quiz(
                '<question type="multichoice"><questiontext><text>Q</text></questiontext>'
                + '<answer fraction="0"><text>a</text></answer>' * 100_000
                + "</question>"
            ),
            "document",
        ),
        case(
            "utf16-declared-latin1",
            lambda: (f'<?xml version="1.0" encoding="ISO-8859-1"?><quiz>{_moodle_question()}</quiz>').encode("utf-16"),
            "document",
        ),
        case(
            "invalid-utf8",
            lambda: _quiz(_moodle_question("Canal \xff?")).replace("\xff".encode(), b"\xff"),
            "error",
            "not valid",
        ),
        case("not-xml", lambda: b"This is not XML at all.", "error", "not well-formed"),
        case("wrong-root", lambda: b"<html><body>quiz</body></html>", "error", "not a Moodle XML"),
        case("empty", lambda: b"", "error", "empty"),
    ]


def import_cases() -> list[Hostile]:
    return gift_cases() + moodle_cases()


def find(name: str) -> Hostile:
    cases = {case.name: case for case in ingest_cases() + import_cases()}
    return cases[name]


def reason_matches(case: Hostile, message: str) -> bool:
    return bool(re.search(case.match, message))
