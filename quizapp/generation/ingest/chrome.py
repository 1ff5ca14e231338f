"""Remove page chrome (menus, link lists, banners, bylines, footers) from a document's pieces.

Rules look at general signals only: how much of a line is links or URLs, how
long it is, whether it reads like a sentence, and a short list of phrases every
web interface uses (chrome_patterns). A piece is stripped either on its own
(a cookie banner, a copyright line) or because of what surrounds it (a short
line inside a run of links, everything after a wiki's interlanguage links).
Real content is protected by the same signals: sentences without links never
form part of a link run, and one-word headings are stripped only next to chrome.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from quizapp.generation.ingest import chrome_patterns as cp
from quizapp.generation.ingest.lines import ends_sentence
from quizapp.generation.ingest.pieces import Piece

_SENTENCE_MIN_WORDS = 4
_LONG_LINE_WORDS = 12
_SHORT_WORDS = 6
_LINK_SHARE = 0.5
_ALL_LINK_SHARE = 0.9
_CONTENT_MAX_LINK_SHARE = 0.3
# After a tail trigger, the rest is chrome when real paragraphs make up at most this share of it.
_TAIL_CONTENT_SHARE = 0.2
_TOC_TITLE_WORDS = 15
_WORD = re.compile(r"[\w'’-]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class _Line:
    piece: Piece
    key: str
    words: int
    link_share: float
    sentence: bool
    reason: str | None = None

    @property
    def linkish(self) -> bool:
        return self.link_share >= _LINK_SHARE

    @property
    def short(self) -> bool:
        return self.words <= _SHORT_WORDS and not self.sentence

    @property
    def content(self) -> bool:
        """A piece that reads like article prose: kept, a sentence, few links."""
        return self.reason is None and self.sentence and self.link_share < _CONTENT_MAX_LINK_SHARE

    @property
    def ui_phrase(self) -> bool:
        return _is_interface(self.key)


def strip_chrome(pieces: list[Piece]) -> tuple[list[Piece], list[str]]:
    """Split ``pieces`` into what a reader of the article sees and the chrome removed, both in order."""
    lines = [_describe(piece) for piece in pieces]
    for line in lines:
        line.reason = line.piece.chrome or _line_rule(line)
    _timeline_rule(lines)
    _section_rule(lines)
    _apparatus_rule(lines)
    _link_runs(lines)
    _menu_runs(lines)
    _weak_neighbours(lines)
    _tail_rule(lines)
    kept = [line.piece for line in lines if line.reason is None]
    stripped = [line.piece.text for line in lines if line.reason is not None]
    return kept, stripped


def _describe(piece: Piece) -> _Line:
    text = piece.text
    words = len(text.split())
    url_chars = sum(len(match) for match in cp.URL.findall(text))
    link_share = min(1.0, (url_chars + piece.link_chars) / max(1, len(text)))
    if cp.LABELLED_LINK.match(text):
        link_share = 1.0
    sentence = (words >= _SENTENCE_MIN_WORDS and ends_sentence(text)) or words >= _LONG_LINE_WORDS
    return _Line(piece, _key(text), words, link_share, sentence)


def _is_interface(key: str) -> bool:
    return key in cp.UI_PHRASES or key in cp.WEAK_UI_PHRASES


def _key(text: str) -> str:
    """``text`` as a phrase to look up: lower case, without bullets, icons or end punctuation."""
    return " ".join(_strip_edges(text.lower()).split())


def _strip_edges(text: str) -> str:
    """``text`` without the characters that are not letters or digits at either end.

    A loop, not the regex ``[\\W_]+$``: searched for, that retries from every character of a run of
    punctuation, and 800 KB of backticks took 31 seconds.
    """
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _line_rule(line: _Line) -> str | None:
    """The reason a piece is chrome by itself, or None."""
    for rule in _LINE_RULES:
        reason = rule(line)
        if reason:
            return reason
    return None


def _interlanguage(line: _Line) -> str | None:
    text = line.piece.text
    if cp.INTERLANGUAGE.match(text) and text.split(":", 1)[0] not in cp.NOT_LANGUAGE_CODES and not ends_sentence(text):
        return "interlanguage link"
    return None


def _ui_phrase(line: _Line) -> str | None:
    return "interface text" if line.key in cp.UI_PHRASES else None


def _footer(line: _Line) -> str | None:
    return "footer" if line.words <= 40 and cp.COPYRIGHT.search(line.piece.text) else None


def _cookie(line: _Line) -> str | None:
    text = line.piece.text
    if line.words <= 80 and cp.COOKIE.search(text) and cp.COOKIE_CONTEXT.search(text):
        return "cookie banner"
    return None


def _byline(line: _Line) -> str | None:
    text = line.piece.text
    if line.words > 20:
        return None
    dated = bool(cp.DATE.search(text) or cp.READ_META.search(text))
    if cp.BYLINE_LABEL.match(text):
        return "byline"
    if (cp.BYLINE_PREFIX.match(text) or cp.BY_NAME.match(text)) and (dated or not ends_sentence(text)):
        return "byline"
    if line.words <= 12 and cp.READ_META.search(text):
        return "byline"
    return None


def _date_line(line: _Line) -> str | None:
    text = line.piece.text
    if line.words > 12 or not cp.DATE.search(text):
        return None
    rest = cp.DATE_FILLER.sub("", cp.DATE.sub("", text))
    return "date line" if not re.search(r"\w", rest) else None


# A timeline: this many date lines, each over a sentence of its own, are the heads of its entries.
_TIMELINE_DATES = 3
# a year or decade alone on a line ("1559", "c. 1640", "1620s-1630s"), which no rule takes for chrome
_YEAR_LINE = re.compile(r"^(?:c\.\s?)?\d{3,4}s?(?:\s?[\u2013-]\s?\d{2,4}s?)?:?$")


def _timeline_rule(lines: list[_Line]) -> None:
    """A date alone on a line is a page's date stamp, unless the page is a timeline: dates that each head a
    paragraph of prose ("1559" over "The naturalist ... sees a tulip"), several of them, are what the entries
    are dated by, and the questions on the entries need them."""
    heads = [
        line
        for line, after in pairwise(lines)
        if (line.reason == "date line" or (line.reason is None and _YEAR_LINE.match(line.piece.text.strip())))
        and not line.piece.chrome
        and after.reason is None
        and after.sentence
        and not after.linkish
    ]
    if len(heads) >= _TIMELINE_DATES:
        for line in heads:
            line.reason = None


def _tags(line: _Line) -> str | None:
    """'Tags: a, b, c' - a label, then short items (not 'Tag: the field that holds...')."""
    label = cp.TAGS.match(line.piece.text)
    if not label or line.words > 40:
        return None
    items = [item for item in cp.TAG_SEPARATOR.split(line.piece.text[label.end() :]) if item]
    return "tag list" if all(len(item.split()) <= 4 and not ends_sentence(item) for item in items) else None


def _table_of_contents(line: _Line) -> str | None:
    """Entries of a table of contents: 'Title . . . . 12', one or several on a line."""
    parts = cp.TOC_LEADER.split(line.piece.text)
    if len(parts) < 2:
        return None
    titles = [parts[0]]
    for part in parts[1:]:
        page = cp.TOC_PAGE.match(part)
        if not page and part.strip():
            return None
        titles.append(part[page.end() :] if page else "")
    if titles[-1].strip() or not all(len(title.split()) <= _TOC_TITLE_WORDS for title in titles):
        return None
    return "table of contents"


# "1 The town 2 Discovery and excavation 3 The building": a table of contents run into one line, entries numbered
# from 1 without leaders or page numbers (as a PDF's or a wiki's text copies it).
_NUMBERED_ENTRY = re.compile(r"(?:^|\s)(\d{1,2})\s+(?=[A-Z])")
_NUMBERED_CONTENTS_ENTRIES = 3


def _numbered_contents(line: _Line) -> str | None:
    """Section titles numbered 1, 2, 3 ... on one line, no sentence among them."""
    text = line.piece.text.strip()
    numbers = [int(m.group(1)) for m in _NUMBERED_ENTRY.finditer(text)]
    if len(numbers) < _NUMBERED_CONTENTS_ENTRIES or numbers != list(range(1, len(numbers) + 1)):
        return None
    if not text.startswith("1 ") or re.search(r"[.;:!?]", text):
        return None
    titles = _NUMBERED_ENTRY.split(text)[2::2]
    return "table of contents" if all(len(title.split()) <= _TOC_TITLE_WORDS for title in titles) else None


def _share(line: _Line) -> str | None:
    tokens = [token.lower() for token in _WORD.findall(line.piece.text)]
    if not 0 < len(tokens) <= 15 or not all(token in cp.SHARE_WORDS for token in tokens):
        return None
    # A lone network name may be a heading of an article about it; a lone "Share" or "Tweet" is a button.
    signals = cp.SHARE_SIGNALS.intersection(tokens)
    if (len(tokens) > 1 and signals) or signals & {"share", "tweet"}:
        return "share buttons"
    return None


def _newsletter(line: _Line) -> str | None:
    text = line.piece.text
    if line.words <= 40 and cp.NEWSLETTER.search(text) and cp.NEWSLETTER_CONTEXT.search(text):
        return "newsletter box"
    if (line.words <= 12 and cp.SUBSCRIBE_START.match(text)) or (line.words <= 20 and cp.EMAIL_FORM.search(text)):
        return "newsletter box"
    return None


def _helpful(line: _Line) -> str | None:
    return "feedback widget" if line.words <= 12 and cp.HELPFUL.match(line.piece.text) else None


def _separated_menu(line: _Line) -> str | None:
    """Breadcrumbs (Home › News › Story) and one-line menus (Home | About | Contact).

    Short items separated by bars are also what a table row looks like, and arrows also chain
    the steps of a process, so those need an interface word among the items to count as chrome.
    """
    text = line.piece.text
    if line.sentence and ends_sentence(text):
        return None
    for separator, reason, needs_interface in (
        (cp.BREADCRUMB_SEPARATOR, "breadcrumb", False),
        (cp.ARROW_SEPARATOR, "breadcrumb", True),
        (cp.MENU_SEPARATOR, "menu", True),
    ):
        parts = [part.strip() for part in separator.split(text) if part.strip()]
        if len(parts) < 3 or not all(
            len(part.split()) <= 5 and _HAS_LETTER.search(part) and not ends_sentence(part) for part in parts
        ):
            continue
        if not needs_interface or any(_is_interface(_key(part)) for part in parts):
            return reason
    return None


def _link(line: _Line) -> str | None:
    if line.link_share >= _ALL_LINK_SHARE or (line.linkish and not line.sentence):
        return "link"
    return None


def _decoration(line: _Line) -> str | None:
    return "decoration" if not re.search(r"\w", line.piece.text) else None


_LINE_RULES: tuple[Callable[[_Line], str | None], ...] = (
    _interlanguage,
    _ui_phrase,
    _footer,
    _cookie,
    _byline,
    _date_line,
    _tags,
    _table_of_contents,
    _numbered_contents,
    _share,
    _newsletter,
    _helpful,
    _separated_menu,
    _link,
    _decoration,
)


def _section_rule(lines: list[_Line]) -> None:
    """'Related articles' and the like: the heading and the teasers under it, up to the next paragraph."""
    index = 0
    while index < len(lines):
        if lines[index].key not in cp.SECTION_HEADINGS:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].content:
            end += 1
        for follower in lines[index + 1 : _spare_heading(lines, index + 1, end)]:
            follower.reason = follower.reason or "related links"
        index = end


def _apparatus_rule(lines: list[_Line]) -> None:
    """'References', 'Notes', 'Further reading': the heading and everything under it, up to the next heading."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.piece.kind != "heading" or line.key not in cp.APPARATUS_HEADINGS:
            index += 1
            continue
        line.reason = line.reason or "references and notes"
        index += 1
        while index < len(lines) and lines[index].piece.kind != "heading":
            lines[index].reason = lines[index].reason or "references and notes"
            index += 1


def _link_runs(lines: list[_Line]) -> None:
    """A run of short lines and links, at least half of them links, is a menu or a link list.

    The run is stripped from its first to its last link, with the short lines among them,
    and with the non-heading lines just before the first link (a menu's category label).
    A heading just before the links or a line just after them is more likely the title of
    what follows or precedes (the page title under the top menu), and is left to other rules.
    """
    for start, end in _runs(lines, lambda line: line.reason is not None or line.linkish or line.short):
        run = lines[start:end]
        links = [index for index, line in enumerate(run, start) if line.linkish]
        if len(links) >= 2 and len(links) * 2 >= len(run):
            first = links[0]
            while first > start and lines[first - 1].piece.kind != "heading":
                first -= 1
            for line in lines[first : links[-1] + 1]:
                line.reason = line.reason or "link list"


def _menu_runs(lines: list[_Line]) -> None:
    """Three or more short lines in a row, among them a sure interface phrase ('Skip to content',
    'Privacy policy') or two interface words ('Home', 'Search'), are a menu without links.
    Headings are not part of such a run: the page title often follows the top menu."""
    for start, end in _runs(lines, lambda line: line.short and not line.linkish and line.piece.kind != "heading"):
        run = lines[start:end]
        sure = any(line.key in cp.UI_PHRASES for line in run)
        if len(run) >= 3 and (sure or sum(1 for line in run if line.ui_phrase) >= 2):
            for line in run:
                line.reason = line.reason or "menu"


def _weak_neighbours(lines: list[_Line]) -> None:
    """One-word interface labels ('Home', 'Search', 'Yes') go when they stand next to chrome.

    One sweep down and one up, so a run of such labels next to chrome goes whichever side it is on.
    """
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for index in order:
            line = lines[index]
            neighbour = index - order.step
            if (
                line.reason is None
                and line.key in cp.WEAK_UI_PHRASES
                and 0 <= neighbour < len(lines)
                and lines[neighbour].reason is not None
            ):
                line.reason = "interface text"


def _tail_rule(lines: list[_Line]) -> None:
    """From interlanguage links or a 'Navigation' heading on, a page that is mostly link-list chrome
    (at least half its lines already chrome or links, hardly any prose) is all chrome."""
    count = len(lines)
    content_after = [0] * (count + 1)
    total_after = [0] * (count + 1)
    chrome_after = [0] * (count + 1)
    for index in range(count - 1, -1, -1):
        line = lines[index]
        size = len(line.piece.text)
        total_after[index] = total_after[index + 1] + size
        content_after[index] = content_after[index + 1] + (size if line.content else 0)
        chrome_after[index] = chrome_after[index + 1] + (line.reason is not None or line.linkish)
    for index, line in enumerate(lines):
        if not (line.reason == "interlanguage link" or line.key in cp.TAIL_HEADINGS):
            continue
        rest = count - index - 1
        mostly_chrome = chrome_after[index + 1] * 2 >= rest
        little_prose = content_after[index + 1] <= _TAIL_CONTENT_SHARE * total_after[index + 1]
        if mostly_chrome and little_prose:
            for follower in lines[index:]:
                follower.reason = follower.reason or "navigation"
            return


def _runs(lines: list[_Line], member: Callable[[_Line], bool]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate(lines):
        if member(line):
            if start is None:
                start = index
        elif start is not None:
            runs.append((start, index))
            start = None
    if start is not None:
        runs.append((start, len(lines)))
    return runs


def _spare_heading(lines: list[_Line], start: int, end: int) -> int:
    """Where a chrome run really ends: a plain short line closing it, right before a paragraph, is
    that paragraph's heading (a page title after the top menu), so it is left out of the run."""
    if end < len(lines) and lines[end].content and end - 1 >= start:
        last = lines[end - 1]
        if last.reason is None and last.piece.kind == "heading" and not last.linkish:
            return end - 1
    return end
