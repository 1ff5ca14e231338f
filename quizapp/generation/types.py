"""The values that go in and out of the generation package.

Plain dataclasses, so that the rest of the app (and tests) can build and read
them without knowing how the pipeline works inside. Nothing here imports Flask
or SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# File formats the ingestion understands, by the name used in the database.
FORMATS: tuple[str, ...] = ("txt", "md", "html", "pdf", "docx")


class IngestError(ValueError):
    """A file cannot be read as a document: unsupported, unreadable or empty.

    ``str(error)`` is one line that names the file and says why, fit to show a
    teacher or to print from the command line.
    """

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = reason
        super().__init__(f"{filename}: {reason}")


@dataclass(frozen=True)
class DocumentInput:
    """A document as a user hands it over: a name plus bytes or text.

    ``format`` is one of FORMATS; when None it is guessed from the name's
    extension (and the content, where the extension lies).
    """

    name: str
    data: bytes | str
    format: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph or heading of the cleaned text, as offsets into it."""

    start: int
    end: int
    kind: Literal["heading", "paragraph", "list_item"] = "paragraph"


@dataclass(frozen=True)
class CleanDocument:
    """A document after ingestion: the text a reader of the article sees.

    ``text`` keeps the article's own wording (only whitespace and page chrome
    are removed), paragraphs separated by a blank line. Question sources are
    offsets into ``text``. ``stripped`` lists what was removed as page chrome
    (menus, banners, bylines, footers...), each entry one removed line or
    block, so a teacher can see it.
    """

    name: str
    title: str
    format: str
    text: str
    blocks: tuple[Block, ...]
    stripped: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where a question comes from: a sentence of a cleaned document."""

    document: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass
class QuestionDraft:
    """A generated question, before any teacher has seen it.

    ``answer`` by type: multiple_choice, the option string; true_false, a bool;
    fill_in, the list of accepted strings (first is the canonical one);
    ordering, the items in the right order; matching, a list of [left, right].
    ``options`` by type: multiple_choice, the choices in shown order;
    ordering, the items in shown order; matching, the right-hand values in
    shown order; empty for true_false and fill_in.
    """

    type: str
    prompt: str
    answer: Any
    options: list[str] = field(default_factory=list)
    explanation: str = ""
    confidence: float = 0.5
    confidence_reasons: list[str] = field(default_factory=list)
    difficulty: float = 0.5
    sources: list[Source] = field(default_factory=list)
    # What the guards found: each check it passed, and any rewriting done to make it stand alone.
    checks: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "prompt": self.prompt,
            "answer": self.answer,
            "explanation": self.explanation,
            "confidence": round(self.confidence, 3),
            "confidence_reasons": list(self.confidence_reasons),
            "difficulty": round(self.difficulty, 3),
            "sources": [s.to_dict() for s in self.sources],
            "checks": list(self.checks),
        }
        if self.options:
            data["options"] = list(self.options)
        return data


@dataclass
class Disagreement:
    """Two documents state different values for what looks like one fact."""

    topic: str
    claims: list[Source]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "note": self.note, "claims": [c.to_dict() for c in self.claims]}


@dataclass
class GenerationReport:
    """What the pipeline did besides returning questions."""

    documents: list[CleanDocument] = field(default_factory=list)
    candidates: int = 0
    rejected_by_guard: dict[str, int] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [
                {
                    "name": d.name,
                    "title": d.title,
                    "format": d.format,
                    "characters": len(d.text),
                    "stripped": list(d.stripped),
                }
                for d in self.documents
            ],
            "candidates": self.candidates,
            "rejected_by_guard": dict(sorted(self.rejected_by_guard.items())),
            "disagreements": [d.to_dict() for d in self.disagreements],
            "notes": list(self.notes),
        }


@dataclass
class GenerationResult:
    questions: list[QuestionDraft]
    report: GenerationReport
