"""Valid small files of every format, and a Hypothesis strategy that damages them the way fuzzers do.

Random bytes rarely get past a reader's first check; a valid file with a few bytes flipped, a span
deleted or repeated, a cut, or a token that means something to some format (a PDF keyword, a zip
signature, a DTD, a GIFT brace) reaches deep into each reader. Built in code, nothing read from disk.
"""

from __future__ import annotations

import io
import random
import zipfile

from hypothesis import strategies as st

from quizapp.bank.interchange import export_gift, export_moodle_xml
from quizapp.bank.interchange.qti21_export import export_qti21
from tests.unit.generation.ingest_samples import (
    ARTICLE_PARAGRAPHS,
    FACT_ITEMS,
    article_page,
    build_docx,
    build_pdf,
)
from tests.unit.interchange.samples import plain_questions

TITLE = "How volcanoes form"


def valid_files() -> dict[str, bytes]:
    """One small valid file per ingestion format (the keys are the formats)."""
    paragraphs = "\n\n".join(ARTICLE_PARAGRAPHS)
    items = "\n".join(f"- {item}" for item in FACT_ITEMS)
    markdown = (
        f"---\ntitle: {TITLE}\n---\n\n# {TITLE}\n\n{paragraphs}\n\n## Types\n\n{items}\n\n"
        "> A quoted line with a [link](https://example.org).\n\n"
        "| Type | Slope |\n|---|---|\n| Shield | gentle |\n"
    )
    first, second, third = ARTICLE_PARAGRAPHS
    pdf = build_pdf([[(TITLE, 18), first, "", second], [third, "", *FACT_ITEMS]])
    docx = build_docx(
        [("Heading 1", TITLE), *(("Normal", text) for text in ARTICLE_PARAGRAPHS),
         *(("List Bullet", item) for item in FACT_ITEMS)],
        table=[["Type", "Slope"], ["Shield", "gentle"]], header="Science Site", title=TITLE,
    )  # fmt: skip
    return {
        "txt": f"{TITLE}\n\n{paragraphs}\n\nTypes\n\n{items}\n".encode(),
        "md": markdown.encode(),
        "html": article_page().encode(),
        "pdf": pdf,
        "docx": docx,
    }


def valid_imports() -> dict[str, bytes]:
    """A small valid GIFT and Moodle XML file and QTI 2.1 package, as the exporters write them."""
    questions = plain_questions()
    return {
        "gift": export_gift(questions).encode(),
        "moodle_xml": export_moodle_xml(questions),
        "qti21": export_qti21(questions),
    }


def sample_mutations() -> list[tuple[str, str, bytes]]:
    """(kind, file name, bytes): the valid files and four plain-random mutations of each (not Hypothesis:
    the same list in any process, so a child process can rebuild it and a subprocess can bound it)."""
    generator = random.Random(7)
    files = [("ingest", f"seed.{fmt}", data) for fmt, data in valid_files().items()]
    files += [(kind, f"seed.{kind}", data) for kind, data in valid_imports().items()]
    for kind, name, data in list(files):
        for number in range(4):
            damaged = bytearray(data)
            for _ in range(3):
                where = generator.randrange(len(damaged))
                damaged[where : where + generator.randrange(1, 40)] = generator.randbytes(generator.randrange(0, 8))
            files.append((kind, f"{number}-{name}", bytes(damaged)))
    return files


# Bytes that mean something to one format or another: markup, PDF syntax, zip and BOM signatures,
# entity declarations, GIFT and Markdown syntax, broken UTF-8, line breaks of every kind.
TOKENS = [
    b"\x00", b"\xff", b"\xc3", b"\xe2\x80", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\n\n", b"\x0c", b"\xe2\x80\xa8",
    b"<", b">", b"</p>", b"<div>" * 40, b"<!--", b"-->", b"<![CDATA[", b"]]>", b"&amp;", b"&#0;", b"&nope;",
    b"<!DOCTYPE x [<!ENTITY a 'bbbb'>]>", b'<!ENTITY x SYSTEM "file:///etc/passwd">', b"&a;",
    b"%PDF-1.7", b"obj", b"endobj", b"stream\n", b"endstream", b"xref", b"trailer", b"startxref", b"/Length 99999",
    b" R ", b"<<", b">>", b"[", b"]", b"(", b")", b"\\", b"/FlateDecode", b"Tj", b"BT", b"ET", b"Do",
    b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06",
    b"{", b"}", b"~", b"=", b"#", b"->", b"::", b"%50%", b"[html]", b"// [tag:", b"$CATEGORY:",
    b"# ", b"> " * 30, b"- " * 30, b"```", b"](", b"|---|", b"By ", b"1," * 20, b"=" * 40,
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` after one to four mutations: flipped bits, a token inserted or written over, a span
    deleted or repeated, the file cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(0, len(data) - 1)))
        span = draw(st.integers(1, 64))
        operation = draw(st.sampled_from(["flip", "insert", "overwrite", "delete", "repeat", "cut", "random"]))
        if operation == "flip" and data:
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif operation == "insert":
            data[where:where] = draw(st.sampled_from(TOKENS))
        elif operation == "overwrite":
            token = draw(st.sampled_from(TOKENS))
            data[where : where + len(token)] = token
        elif operation == "delete":
            del data[where : where + span]
        elif operation == "repeat":
            data[where:where] = data[where : where + span] * draw(st.integers(2, 50))
        elif operation == "cut":
            del data[where:]
        else:
            data[where:where] = draw(st.binary(min_size=1, max_size=span))
    return bytes(data)


@st.composite
def mutated_docx_part(draw: st.DrawFn, seed: bytes, main_part: str = "word/document.xml") -> bytes:
    """A zip package (a Word file, a QTI package) that stays intact but one XML part (most often ``main_part``)
    is mutated: the zip layer stays valid, so the damage reaches the reader and the XML parser."""
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = sorted(name for name in parts if name.endswith((".xml", ".rels")))
    name = draw(st.one_of(st.just(main_part), st.sampled_from(xml)))
    parts[name] = draw(mutated(parts[name]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return out.getvalue()
