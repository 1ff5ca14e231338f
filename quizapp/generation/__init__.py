"""Question generation: documents in, question drafts out. Pure Python; no Flask, no database.

from quizapp.generation import generate, DocumentInput
result = generate([DocumentInput("treaty.txt", text)])
"""

from quizapp.question_types import QUESTION_TYPES

from .contract import validate_draft
from .pipeline import generate
from .report import quality_report
from .types import (
    Block,
    CleanDocument,
    Disagreement,
    DocumentInput,
    GenerationReport,
    GenerationResult,
    IngestError,
    QuestionDraft,
    Source,
)

__all__ = [
    "QUESTION_TYPES",
    "Block",
    "CleanDocument",
    "Disagreement",
    "DocumentInput",
    "GenerationReport",
    "GenerationResult",
    "IngestError",
    "QuestionDraft",
    "Source",
    "generate",
    "quality_report",
    "validate_draft",
]
