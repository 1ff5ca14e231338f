"""Whatever goes in, ingestion ends in a consistent CleanDocument or an IngestError, nothing else."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.generation.ingest import ingest
from quizapp.generation.types import FORMATS, CleanDocument, DocumentInput, IngestError

from .ingest_samples import ARTICLE_PARAGRAPHS, FACT_ITEMS, article_page, assert_consistent, build_docx, build_pdf

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines that mix article text, chrome and markup of every format, to assemble plausible documents.
LINES = [
    *ARTICLE_PARAGRAPHS,
    *FACT_ITEMS,
    "How volcanoes form",
    "Lava cools fast.",
    "",
    "",
    "# Heading",
    "- [Home](/)",
    "* item",
    "> quoted",
    "| a | b |",
    "|---|---|",
    "```",
    "<div><p>Para</p>",
    "</div>",
    "<script>x()</script>",
    "<h1>Title",
    "Home | News | Contact",
    "By Jane Doe | 3 min read",
    "Author : 🕔05.05.2020 📕3.308",
    "© 2024 Example Ltd. All rights reserved.",
    "Share on Facebook",
    "de:Vulkan",
    "Navigation",
    "  • Earth (https://example.org/earth)",
    "https://example.org",
    "Tags: a, b",
    "Was this page helpful?",
    "\u00a0\u200b\t",
    "tec-",
    "tonic plates",
]


def outcome(document: DocumentInput) -> CleanDocument | None:
    """Ingest ``document``: a consistent CleanDocument, or None after a proper IngestError."""
    failure: IngestError | None = None
    try:
        doc = ingest(document)
    except IngestError as error:
        failure = error
    if failure is not None:
        assert failure.filename == document.name
        assert failure.reason
        assert "\n" not in str(failure)
        return None
    assert_consistent(doc)
    return doc


@FUZZ
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(FORMATS), declared=st.booleans())
def test_arbitrary_bytes(data, fmt, declared):
    outcome(DocumentInput(f"upload.{fmt}", data, fmt if declared else None))


@FUZZ
@given(text=st.text(max_size=2000), fmt=st.sampled_from(FORMATS))
def test_arbitrary_text(text, fmt):
    outcome(DocumentInput(f"upload.{fmt}", text))


@FUZZ
@given(lines=st.lists(st.sampled_from(LINES), max_size=40), fmt=st.sampled_from(("txt", "md", "html")))
def test_documents_assembled_from_content_chrome_and_markup(lines, fmt):
    text = "\n".join(lines)
    doc = outcome(DocumentInput(f"page.{fmt}", text))
    # In a text file or a Markdown code block, a script tag is just words shown to the reader.
    if doc is not None and (fmt == "html" or (fmt == "md" and "```" not in lines)):
        assert "<script>" not in doc.text
        assert "x()" not in doc.text


@cache
def valid_files() -> dict[str, bytes]:
    return {
        "pdf": build_pdf([["How volcanoes form", "", *ARTICLE_PARAGRAPHS], ["Lava cools fast.", "2"]]),
        "docx": build_docx([("Heading 1", "Volcanoes"), ("Normal", ARTICLE_PARAGRAPHS[0])]),
        "html": article_page().encode(),
    }


@FUZZ
@given(
    fmt=st.sampled_from(("pdf", "docx", "html")),
    edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=8)), max_size=12),
    cut=st.floats(0.05, 1),
)
def test_damaged_real_files(fmt, edits, cut):
    data = bytearray(valid_files()[fmt])
    for where, replacement in edits:
        position = int(where * len(data))
        data[position : position + len(replacement)] = replacement
    outcome(DocumentInput(f"damaged.{fmt}", bytes(data[: max(1, int(len(data) * cut))])))
