"""Coverage-guided fuzzing of ingestion and the question importers with atheris (libFuzzer for Python).

    .venv/bin/pip install -e '.[fuzz]'          # atheris; wheels exist for CPython on x86-64 Linux
    .venv/bin/python fuzz/ingest_atheris.py --format pdf -max_total_time=300
    .venv/bin/python fuzz/ingest_atheris.py --format docx-xml -max_total_time=300 corpus/docx-xml

Formats: txt, md, html, pdf, docx (the input is the whole file), docx-xml (the input is the main XML
part, wrapped in a valid Word package so the mutations reach python-docx and the reader rather than
the zip check), pdf-content (the input is a page's drawing instructions, wrapped in a valid PDF), gift,
moodle_xml. Everything after the options is libFuzzer's: ``-max_total_time``, ``-timeout`` (seconds for
one input; default 20), ``-rss_limit_mb`` (default 1500), a corpus directory (default: a fresh one
seeded with the valid files the test suite builds).

A finding is any exception other than IngestError / InterchangeError (libFuzzer writes the input to
``crash-*``), an input slower than ``-timeout`` (``timeout-*``) or one over the memory limit
(``oom-*``). Replay one with ``--format FMT crash-...``. Not part of the test suite: a developer runs it
for as long as they like; what it finds becomes a case in tests/fuzz/hostile_files.py.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Coverage is measured in the modules imported here; the readers and the libraries they import lazily
# are imported here too so that libFuzzer sees their branches.
with atheris.instrument_imports(include=["quizapp", "pypdf", "docx", "markdown_it", "defusedxml"]):
    import docx  # noqa: F401
    import markdown_it  # noqa: F401
    import pypdf  # noqa: F401

    from quizapp.bank.interchange import InterchangeError, import_gift, import_moodle_xml
    from quizapp.generation.ingest import docx_reader, html_reader, ingest, markdown_reader, pdf_reader  # noqa: F401
    from quizapp.generation.types import DocumentInput, IngestError

from tests.fuzz.hostile_files import document_xml, docx_with, pages_pdf, pdf_stream
from tests.fuzz.mutations import valid_files, valid_imports

INGEST_FORMATS = ("txt", "md", "html", "pdf", "docx")
FORMATS = (*INGEST_FORMATS, "docx-xml", "pdf-content", "gift", "moodle_xml")
_DEFAULTS = {"-timeout": "20", "-rss_limit_mb": "1500"}


def reader(fmt: str) -> Callable[[bytes], None]:
    """The function one fuzz input goes through; our own errors are the expected outcome, not findings."""

    def read_file(data: bytes) -> None:
        with contextlib.suppress(IngestError):
            ingest(DocumentInput(f"fuzz.{fmt}", data, fmt))

    def read_main_part(data: bytes) -> None:
        reader("docx")(docx_with({"word/document.xml": data}))

    def read_page_content(data: bytes) -> None:
        reader("pdf")(pages_pdf(pdf_stream(data), 1))

    def import_file(data: bytes) -> None:
        with contextlib.suppress(InterchangeError):
            (import_gift if fmt == "gift" else import_moodle_xml)(data)

    if fmt in INGEST_FORMATS:
        return read_file
    if fmt == "docx-xml":
        return read_main_part
    if fmt == "pdf-content":
        return read_page_content
    return import_file


def seeds(fmt: str) -> list[bytes]:
    files = {**valid_files(), **valid_imports()}
    if fmt == "docx-xml":
        paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in ("Canal", "The canal was dug."))
        return [document_xml(paragraphs)]
    if fmt == "pdf-content":
        return [b"BT /F1 18 Tf 72 800 Td (Canal) Tj ET BT /F1 11 Tf 72 770 Td (The canal was dug.) Tj ET"]
    return [files[fmt]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0], add_help=False)
    parser.add_argument("--format", choices=FORMATS, required=True)
    options, libfuzzer = parser.parse_known_args()
    given = {arg.split("=")[0] for arg in libfuzzer}
    libfuzzer += [f"{flag}={value}" for flag, value in _DEFAULTS.items() if flag not in given]
    if not any(not arg.startswith("-") for arg in libfuzzer):
        corpus = Path(tempfile.mkdtemp(prefix=f"quizapp-fuzz-{options.format}-"))
        for number, seed in enumerate(seeds(options.format)):
            (corpus / f"seed-{number}").write_bytes(seed)
        libfuzzer.append(str(corpus))
        print(f"corpus: {corpus}", flush=True)
    atheris.Setup([sys.argv[0], *libfuzzer], reader(options.format))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
