"""Mutated valid files of every format end in a document or in our own error, the same way every time.

Ingestion: a CleanDocument that keeps its invariants, or an IngestError naming the file on one line.
Importers: questions in canonical form (or a list of those left out), or an InterchangeError on one
line. Nothing else may escape, and reading the same bytes twice gives the same outcome; a second
process with another hash seed must agree too (set order must not leak into a result).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.bank.interchange import InterchangeError, import_gift, import_moodle_xml, normalise_question
from quizapp.bank.interchange.qti21_import import import_qti21
from quizapp.generation.ingest import ingest
from quizapp.generation.types import FORMATS, DocumentInput, IngestError
from tests.fuzz.bounded import ROOT
from tests.fuzz.mutations import mutated, mutated_docx_part, sample_mutations, valid_files, valid_imports
from tests.unit.generation.ingest_samples import assert_consistent
from tests.unit.interchange.samples import plain_questions

# Modest counts: the suite runs them on every CI run (derandomized there). QUIZAPP_FUZZ_SCALE=50 explores
# fifty times longer on a developer's machine; fuzz/ingest_atheris.py explores with coverage guidance.
SCALE = int(os.environ.get("QUIZAPP_FUZZ_SCALE", "1"))
FUZZ = settings(
    max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
IMPORTERS = {"gift": import_gift, "moodle_xml": import_moodle_xml, "qti21": import_qti21}


@cache
def seeds() -> dict[str, bytes]:
    return valid_files()


@cache
def import_seeds() -> dict[str, bytes]:
    return valid_imports()


def ingest_outcome(document: DocumentInput) -> tuple[Any, ...]:
    """("document", text, blocks, title, stripped, format) or ("error", message); any other exception fails."""
    try:
        doc = ingest(document)
    except IngestError as error:
        refusal = error
    else:
        assert_consistent(doc)
        return ("document", doc.text, doc.blocks, doc.title, doc.stripped, doc.format)
    assert refusal.filename == document.name
    assert refusal.reason
    assert "\n" not in str(refusal)
    return ("error", str(refusal))


def import_outcome(kind: str, data: bytes) -> tuple[Any, ...]:
    """("questions", questions as JSON, skipped) or ("error", message); any other exception fails."""
    try:
        result = IMPORTERS[kind](data)
    except InterchangeError as error:
        refusal = str(error)
    else:
        for question in result.questions:
            assert normalise_question(question) == question
        return ("questions", json.dumps(result.questions, sort_keys=True), tuple(result.skipped))
    assert refusal
    assert "\n" not in refusal
    return ("error", refusal)


def test_the_seeds_are_valid() -> None:
    """Mutations start from files each reader accepts in full."""
    for fmt, data in seeds().items():
        outcome = ingest_outcome(DocumentInput(f"seed.{fmt}", data))
        assert outcome[0] == "document", outcome
        assert "Volcanoes form where magma rises" in outcome[1]
    for kind, data in import_seeds().items():
        outcome = import_outcome(kind, data)
        assert outcome[0] == "questions"
        assert len(json.loads(outcome[1])) == len(plain_questions())


@FUZZ
@given(data=st.data(), fmt=st.sampled_from(FORMATS), declared=st.booleans())
def test_mutated_file(data: st.DataObject, fmt: str, declared: bool) -> None:
    damaged = data.draw(mutated(seeds()[fmt]))
    document = DocumentInput(f"upload.{fmt}", damaged, fmt if declared else None)
    assert ingest_outcome(document) == ingest_outcome(document)


@settings(FUZZ, max_examples=80 * SCALE)
@given(data=st.data())
def test_word_file_with_a_mutated_xml_part(data: st.DataObject) -> None:
    document = DocumentInput("upload.docx", data.draw(mutated_docx_part(seeds()["docx"])))
    assert ingest_outcome(document) == ingest_outcome(document)


@settings(FUZZ, max_examples=100 * SCALE)
@given(data=st.data(), fmt=st.sampled_from(FORMATS), other=st.sampled_from(FORMATS))
def test_one_format_spliced_into_another(data: st.DataObject, fmt: str, other: str) -> None:
    """The head of one format on the body of another (an HTML page named .pdf, a PDF inside a .txt...)."""
    head, tail = seeds()[fmt], seeds()[other]
    cut = data.draw(st.integers(0, len(head)))
    document = DocumentInput(f"upload.{fmt}", head[:cut] + tail[data.draw(st.integers(0, len(tail))) :])
    assert ingest_outcome(document) == ingest_outcome(document)


@settings(FUZZ, max_examples=300 * SCALE)
@given(data=st.data(), kind=st.sampled_from(sorted(IMPORTERS)))
def test_mutated_question_file(data: st.DataObject, kind: str) -> None:
    damaged = data.draw(mutated(import_seeds()[kind]))
    assert import_outcome(kind, damaged) == import_outcome(kind, damaged)


@settings(FUZZ, max_examples=150 * SCALE)
@given(data=st.data())
def test_qti21_package_with_a_mutated_part(data: st.DataObject) -> None:
    """The zip intact, the manifest or an item damaged: questions, a list of those left out, or our own error."""
    damaged = data.draw(mutated_docx_part(import_seeds()["qti21"], main_part="imsmanifest.xml"))
    assert import_outcome("qti21", damaged) == import_outcome("qti21", damaged)


def outcome_digest() -> str:
    """A digest of every sample file's outcome; run in a child process by the test below."""
    digest = hashlib.sha256()
    for kind, name, data in sample_mutations():
        outcome = ingest_outcome(DocumentInput(name, data)) if kind == "ingest" else import_outcome(kind, data)
        digest.update(repr(outcome).encode())
    return digest.hexdigest()


def test_outcomes_do_not_depend_on_the_hash_seed() -> None:
    digests = []
    for hash_seed in ("0", "4242"):
        child = subprocess.run(
            [sys.executable, "-c", "from tests.fuzz.test_mutations import outcome_digest; print(outcome_digest())"],
            env={**os.environ, "PYTHONHASHSEED": hash_seed}, cwd=ROOT, capture_output=True, text=True, timeout=300,
            check=True,
        )  # fmt: skip
        digests.append(child.stdout.strip())
    assert digests[0] == digests[1]
    assert len(digests[0]) == 64
