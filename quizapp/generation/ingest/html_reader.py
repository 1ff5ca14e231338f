"""A web page saved as HTML: our walker reads its blocks, trafilatura says which are the main content.

html_walker reads every visible block of the page in order, with its kind
(heading, paragraph, list item), its link text, and a chrome reason when the
markup names it furniture (``<nav>``, a cookie banner class...). trafilatura
then judges which blocks form the article: blocks it left out become chrome
("outside the main content"), and a guess from a class name is overruled for
blocks it kept. When trafilatura finds nothing, or keeps the whole page, the
markup's own hints and the chrome rules decide alone. Working from the walker's
blocks keeps headings and list items apart even where trafilatura merges them,
and lists what was removed in page order.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from quizapp.generation.ingest.html_walker import walk_html
from quizapp.generation.ingest.pieces import Kind, Piece, ReaderOutput
from quizapp.generation.ingest.whitespace import clean_line

OUTSIDE_MAIN_CONTENT = "outside the main content"
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||–|—|::|-|·)\s+")
_BLOCK_XML = frozenset({"list", "table", "graphic"})
_WORD = re.compile(r"\w+")
# A block counts as kept when trafilatura's text contains it; a long block also when nearly all
# of its words are there (trafilatura drops footnote marks and the like from inside paragraphs).
_FUZZY_MIN_WORDS = 8
_FUZZY_SHARE = 0.85
# Searching the extraction for each short block is linear in its size; a page of thousands of menu
# entries around a long article would make it quadratic. Past this many characters searched, a
# short block counts as kept only when it is exactly one of the extracted blocks.
_SEARCH_BUDGET = 200_000_000
# When trafilatura keeps this share of the page it has not told main content from furniture.
_NO_SELECTION_SHARE = 0.95
# Past this size trafilatura skips its second-opinion extractors, which would take minutes.
_FAST_EXTRACTION_FROM = 1_000_000
# Pages with more elements than this are left to the walker: trafilatura slows down badly on them.
_MAX_TREE_SIZE = 100_000


def read_html(html: str, max_blocks: int | None = None) -> ReaderOutput:
    """Split an HTML page into pieces; blocks outside the main content are marked as chrome.

    A page of more than ``max_blocks`` blocks comes back as the walker read it, without asking
    trafilatura (seconds on such a page), for the caller to refuse.
    """
    page = walk_html(html)
    named = page.first_h1 or _page_title(page.title)
    if max_blocks is not None and len(page.pieces) > max_blocks:
        return ReaderOutput(pieces=page.pieces, title=named)
    extracted = _extract_main_content(html)
    if not extracted:
        return ReaderOutput(pieces=page.pieces, title=named)
    kept = _kept_by_extraction(page.pieces, extracted)
    if not any(kept):
        # The walker saw nothing trafilatura kept (markup only a full parser makes sense of).
        return ReaderOutput(pieces=extracted, title=named)
    page_chars = sum(len(piece.text) for piece in page.pieces)
    kept_chars = sum(len(piece.text) for piece, keep in zip(page.pieces, kept, strict=True) if keep)
    if kept_chars < _NO_SELECTION_SHARE * page_chars:
        for piece, keep in zip(page.pieces, kept, strict=True):
            if not keep:
                piece.chrome, piece.weak_hint = piece.chrome or OUTSIDE_MAIN_CONTENT, False
            elif piece.weak_hint:
                piece.chrome, piece.weak_hint = None, False
    return ReaderOutput(pieces=page.pieces, title=named)


def _page_title(title: str | None) -> str | None:
    """A ``<title>`` without the site name that pages append after a separator."""
    if not title:
        return None
    return _TITLE_SEPARATOR.split(title)[0].strip() or title


def _kept_by_extraction(page: list[Piece], extracted: list[Piece]) -> list[bool]:
    """For each page block, whether trafilatura's extraction holds it."""
    blocks = {piece.text for piece in extracted}
    joined = "\n".join(piece.text for piece in extracted)
    vocabulary = set(_WORD.findall(joined.lower()))
    budget = _SEARCH_BUDGET
    kept: list[bool] = []
    for piece in page:
        if piece.text in blocks:
            kept.append(True)
            continue
        words = _WORD.findall(piece.text.lower())
        if len(words) >= _FUZZY_MIN_WORDS:
            kept.append(sum(word in vocabulary for word in words) >= _FUZZY_SHARE * len(words))
        else:
            budget -= len(joined)
            kept.append(budget > 0 and _contains_phrase(joined, piece.text))
    return kept


def _contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words ('Home' is not in 'Homer')."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() and phrase[0].isalnum()) and not (after.isalnum() and phrase[-1].isalnum()):
            return True
        start = text.find(phrase, start + 1)
    return False


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # The caller enforces its own size limit; trafilatura's own would silently return nothing.
    config.set("DEFAULT", "MAX_FILE_SIZE", str(10**10))
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _extract_main_content(html: str) -> list[Piece]:
    import trafilatura

    try:
        xml = trafilatura.extract(
            html,
            output_format="xml",
            include_links=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_formatting=False,
            favor_recall=True,
            deduplicate=False,
            with_metadata=False,
            fast=len(html) > _FAST_EXTRACTION_FROM,
            max_tree_size=_MAX_TREE_SIZE,
            config=_trafilatura_config(),
        )
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError, KeyError, etree.LxmlError):
        return []
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError:
        return []
    main = root.find("main")
    return _xml_pieces(main) if main is not None else []


def _xml_pieces(main: Any) -> list[Piece]:
    """Pieces from trafilatura's XML: ``head`` headings, ``p`` paragraphs, list ``item``s, table ``row``s."""
    pieces: list[Piece] = []
    pending = list(reversed(main))
    while pending:
        element = pending.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            pending.extend(reversed(element))
        elif tag == "item":
            _add(pieces, element, "list_item")
            pending.extend(reversed([child for child in element if child.tag == "list"]))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_inline_text(cell) for cell in row if cell.tag == "cell"]
                text = " | ".join(text for text, _ in cells if text)
                pieces.append(Piece(text, "paragraph", sum(links for _, links in cells)))
        elif tag == "quote" and any(child.tag in ("p", "list", "head") for child in element):
            pending.extend(reversed(element))
        elif tag == "head":
            _add(pieces, element, "heading")
        elif tag and tag != "graphic":
            _add(pieces, element, "paragraph")
    return [piece for piece in pieces if piece.text]


def _add(pieces: list[Piece], element: Any, kind: Kind) -> None:
    text, links = _inline_text(element)
    pieces.append(Piece(text, kind, min(links, len(text))))


def _inline_text(element: Any) -> tuple[str, int]:
    """The text of ``element`` and its inline children (nested lists excluded), and how much is link text."""
    parts: list[str] = []
    links = 0
    in_link = 0
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            if node is not element and node.tag in _BLOCK_XML:
                walker.skip_subtree()
                continue
            if node.tag == "lb":
                parts.append(" ")
            in_link += node.tag == "ref"
            parts.append(node.text or "")
            if in_link:
                links += len((node.text or "").strip())
        else:
            if node is element:
                break
            if node.tag == "ref":
                in_link -= 1
            parts.append(node.tail or "")
            if in_link:
                links += len((node.tail or "").strip())
    return clean_line("".join(parts)), links
