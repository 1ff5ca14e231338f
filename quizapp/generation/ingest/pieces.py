"""What a reader hands to the chrome rules: the document as a list of pieces."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["heading", "paragraph", "list_item"]


@dataclass
class Piece:
    """One heading, paragraph, list item or loose line of a document, on one line.

    ``link_chars`` counts the characters that were link text in the source markup
    (HTML, Markdown, DOCX); plain text and PDF only have the URLs written out.
    ``chrome`` is set when the reader already knows the piece is page chrome
    (text inside ``<nav>``, a repeated PDF page header); it says why.
    ``weak_hint`` marks a ``chrome`` reason guessed from loose evidence (a class
    name, an ``<aside>``) that a better judge of the main content may overrule.
    """

    text: str
    kind: Kind = "paragraph"
    link_chars: int = 0
    chrome: str | None = None
    weak_hint: bool = False


@dataclass
class ReaderOutput:
    """A reader's result: the pieces in reading order, a title if the format names one,
    and text the reader dropped before the pieces were made (markup outside the main
    content), each entry one removed line or block."""

    pieces: list[Piece]
    title: str | None = None
    dropped: list[str] = field(default_factory=list)
