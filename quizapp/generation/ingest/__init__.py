"""Document ingestion: turn a teacher's file (txt, md, html, pdf, docx) into clean article text.

Pure library code: no Flask, no database. ``ingest`` returns a CleanDocument or
raises IngestError; ``detect_format`` says which reader a file needs.
"""

from quizapp.generation.ingest.detect import detect_format
from quizapp.generation.ingest.pipeline import ingest

__all__ = ["detect_format", "ingest"]
