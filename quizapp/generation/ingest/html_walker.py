"""Read the visible text of an HTML page, block by block, without building a tree.

A streaming parser (the standard library's) keeps an explicit stack of open
elements, so a page nested thousands of levels deep neither overflows the
recursion limit nor gets cut off the way tree parsers do it. Text inside
script, style and other invisible elements never comes out; text inside page
furniture (``<nav>``, ``<footer>``, a cookie banner...) comes out marked as chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from quizapp.generation.ingest.pieces import Kind, Piece
from quizapp.generation.ingest.whitespace import clean_line

_INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "textarea",
        "button",
        "head",
        "video",
        "audio",
        "map",
    }
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "br",
        "legend",
        "menu",
        "label",
    }
)
_CELLS = frozenset({"td", "th"})
# Start tags that end an open <p>, as the HTML standard lists them.
_P_CLOSERS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    }
)
_HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "del",
        "ins",
    }
)
_ITEM_PASSABLE = _INLINE | {"p", "div", "address"}
_CHROME_TAGS = {"nav": "navigation menu", "form": "form", "menu": "menu"}
_CHROME_ROLES = {
    "navigation": "navigation menu",
    "banner": "page header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "search box",
    "menu": "menu",
    "menubar": "menu",
    "dialog": "dialog",
}
# Class and id words page templates use for furniture. A class saying what a wrapper *has*
# ("has-sidebar", "with-nav") describes the page's state, not the element, so it is ignored.
_CHROME_CLASS_WORDS = {
    "nav": "navigation menu",
    "navbar": "navigation menu",
    "navigation": "navigation menu",
    "menu": "menu",
    "breadcrumb": "breadcrumb",
    "breadcrumbs": "breadcrumb",
    "sidebar": "sidebar",
    "footer": "footer",
    "cookie": "cookie banner",
    "cookies": "cookie banner",
    "consent": "cookie banner",
    "gdpr": "cookie banner",
    "share": "share buttons",
    "sharing": "share buttons",
    "social": "share buttons",
    "newsletter": "newsletter box",
    "subscribe": "newsletter box",
    "signup": "newsletter box",
    "related": "related links",
    "advert": "advertisement",
    "advertisement": "advertisement",
    "ads": "advertisement",
    "ad": "advertisement",
    "promo": "advertisement",
    "sponsored": "advertisement",
    "popup": "dialog",
    "modal": "dialog",
    "comments": "comments",
    "comment": "comments",
    "toolbar": "toolbar",
    "skiplink": "skip link",
    "skip": "skip link",
    "tags": "tag list",
    "byline": "byline",
    "author": "byline",
}
# Class words that name furniture without doubt; the others may also label parts of an article
# (an infobox of "related" facts, a "sidebar" quote) and only count when nothing better decides.
_SURE_CLASS_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "share",
        "sharing",
        "social",
        "newsletter",
        "subscribe",
        "signup",
        "advert",
        "advertisement",
        "ads",
        "ad",
        "sponsored",
        "skiplink",
        "skip",
    }
)
# Small inline elements holding only a bracketed note - a footnote mark "[4]", "[edit]",
# "[citation needed]" - are apparatus of the page, not wording of the article.
_NOTE_TAGS = frozenset({"sup", "span"})
_BRACKETED_NOTE = re.compile(r"^\s*\[\s*[^\[\]]{1,25}\]\s*$")
_STATE_PREFIXES = ("has-", "has_", "with-", "with_", "no-", "no_", "is-", "is_", "show-", "hide-")
_CONTAINERS_NOT_JUDGED = frozenset({"html", "body", "main", "article"})
_CLASS_WORD = re.compile(r"[a-z]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Deeper than this, elements are not tracked any more (their text still is): bounds memory and time.
_MAX_STACK = 5000


@dataclass
class _Open:
    tag: str
    invisible: bool = False
    chrome: str | None = None
    weak: bool = False
    link: bool = False
    heading: bool = False
    item: bool = False
    title: bool = False
    content_root: bool = False
    # Where this element's text starts in the block being gathered (see _NOTE_TAGS).
    mark: tuple[int, int, int] | None = None


@dataclass
class WalkedPage:
    """The visible blocks of a page in order, with its ``<title>`` and first ``<h1>``."""

    pieces: list[Piece] = field(default_factory=list)
    title: str | None = None
    first_h1: str | None = None


def walk_html(html: str) -> WalkedPage:
    """Return the visible text of ``html`` as pieces; furniture pieces carry a chrome reason."""
    walker = _Walker()
    try:
        walker.feed(html)
        walker.close()
    except (AssertionError, ValueError, IndexError):
        pass  # the standard parser gives up on some broken markup; what it read so far stands
    walker.flush()
    return walker.page


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = WalkedPage()
        self.stack: list[_Open] = []
        self.open_count: dict[str, int] = {}
        self.invisible = self.link = self.heading = self.item = self.title = self.content_root = 0
        self.chrome: list[tuple[str, bool]] = []
        self.buffer: list[str] = []
        self.link_chars = 0
        self.kind: Kind | None = None
        self.buffer_chrome: tuple[str, bool] | None = None
        self.buffer_h1 = False
        self.title_parts: list[str] = []
        self.blocks_made = 0

    # Parser callbacks

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        if tag in _BLOCK or tag in _HEADINGS:
            self.flush()
        if tag in _CELLS and "".join(self.buffer).strip():
            self.buffer.append(" | ")
        if tag in _VOID:
            return
        entry = self._describe(tag, dict(attrs))
        if entry.chrome:
            self.flush()
        if len(self.stack) >= _MAX_STACK:
            return
        if tag in _NOTE_TAGS:
            entry.mark = (self.blocks_made, len(self.buffer), self.link_chars)
        self.stack.append(entry)
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        self._count(entry, 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK or tag in _HEADINGS or tag in ("title",):
            self.flush()
        if not self.open_count.get(tag):
            return
        while self.stack:
            entry = self._pop()
            if entry.tag == tag:
                break
        if tag == "title":
            self._take_title()

    def handle_data(self, data: str) -> None:
        if self.title:
            self.title_parts.append(data)
            return
        if self.invisible or not data:
            return
        if not data.strip():
            if self.buffer:
                self.buffer.append(" ")
            return
        if self.kind is None:
            self.kind = "heading" if self.heading else "list_item" if self.item else "paragraph"
            self.buffer_chrome = self._enclosing_chrome()
            if self.heading and self.buffer_chrome and self.buffer_chrome[0] == "page header":
                # A heading in a page header is usually the article's title, not furniture.
                self.buffer_chrome = None
            self.buffer_h1 = self._in_h1()
        self.buffer.append(data)
        if self.link:
            self.link_chars += len(" ".join(data.split()))

    # Blocks

    def flush(self) -> None:
        """Turn the text gathered since the last block boundary into a piece."""
        text = clean_line("".join(self.buffer))
        kind, chrome, h1 = self.kind, self.buffer_chrome, self.buffer_h1
        self.blocks_made += 1
        self.buffer.clear()
        self.kind, self.buffer_chrome, self.buffer_h1 = None, None, False
        links, self.link_chars = self.link_chars, 0
        text = text.strip(" |")
        if not text or kind is None:
            return
        reason, weak = chrome if chrome else (None, False)
        self.page.pieces.append(Piece(text, kind, min(links, len(text)), reason, weak))
        if h1 and self.page.first_h1 is None and not chrome:
            self.page.first_h1 = text

    # Element bookkeeping

    def _describe(self, tag: str, attrs: dict[str, str | None]) -> _Open:
        hidden = "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true"
        hidden = hidden or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))
        entry = _Open(tag, invisible=tag in _INVISIBLE or hidden)
        # An icon's <svg><title> names the icon, not the page.
        entry.title = tag == "title" and not self.open_count.get("svg") and not self.open_count.get("math")
        entry.link = tag == "a"
        entry.heading = tag in _HEADINGS
        entry.item = tag in ("li", "dd", "dt")
        entry.content_root = tag in ("article", "main")
        reason = self._chrome_reason(tag, attrs)
        if reason:
            entry.chrome, entry.weak = reason
        return entry

    def _chrome_reason(self, tag: str, attrs: dict[str, str | None]) -> tuple[str, bool] | None:
        """Why an element is page furniture, and whether that is only a guess (weak)."""
        if tag in _CHROME_TAGS:
            return _CHROME_TAGS[tag], False
        role = (attrs.get("role") or "").lower().strip()
        if role in _CHROME_ROLES:
            return _CHROME_ROLES[role], False
        if tag == "footer":
            return "footer", bool(self.content_root)
        if tag == "header" and not self.content_root:
            return "page header", True
        if tag == "aside":
            return "sidebar", True
        if tag in _CONTAINERS_NOT_JUDGED:
            return None
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        for name in names:
            if name.startswith(_STATE_PREFIXES):
                continue
            for word in _CLASS_WORD.findall(name):
                if word in _CHROME_CLASS_WORDS:
                    return _CHROME_CLASS_WORDS[word], word not in _SURE_CLASS_WORDS
        return None

    def _count(self, entry: _Open, step: int) -> None:
        self.invisible += step * entry.invisible
        self.link += step * entry.link
        self.heading += step * entry.heading
        self.item += step * entry.item
        self.title += step * entry.title
        self.content_root += step * entry.content_root
        if entry.chrome:
            if step > 0:
                self.chrome.append((entry.chrome, entry.weak))
            elif self.chrome:
                self.chrome.pop()

    def _pop(self) -> _Open:
        entry = self.stack.pop()
        self.open_count[entry.tag] -= 1
        if entry.mark and entry.mark[0] == self.blocks_made:
            self._drop_note(entry.mark[1], entry.mark[2])
        if entry.chrome:
            self.flush()
        self._count(entry, -1)
        return entry

    def _close_implied(self, tag: str) -> None:
        """Close what HTML closes implicitly: the head when the body starts, an open paragraph
        before a block, a list item before the next item, a cell or row before the next one."""
        if self.open_count.get("head") and tag not in _HEAD_CONTENT:
            self._close_open(frozenset({"head"}), passable=None, blockers=frozenset())
        if tag in _P_CLOSERS:
            self._close_open(frozenset({"p"}), passable=_INLINE)
        if tag in _HEADINGS:
            self._close_open(_HEADINGS, passable=_INLINE)
        elif tag == "li":
            self._close_open(frozenset({"li"}), passable=_ITEM_PASSABLE)
        elif tag in ("dt", "dd"):
            self._close_open(frozenset({"dt", "dd"}), passable=_ITEM_PASSABLE)
        elif tag in _CELLS:
            self._close_open(_CELLS, passable=None, blockers=frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close_open(frozenset({"tr"}), passable=None, blockers=frozenset({"table"}))

    def _close_open(
        self, names: frozenset[str], passable: frozenset[str] | None, blockers: frozenset[str] = frozenset()
    ) -> None:
        """Pop up to the nearest open element named in ``names``, looking down the stack only through
        ``passable`` elements (through anything but ``blockers`` when ``passable`` is None)."""
        if not any(self.open_count.get(name) for name in names):
            return
        for depth in range(len(self.stack) - 1, -1, -1):
            tag = self.stack[depth].tag
            if tag in names:
                while len(self.stack) > depth:
                    self._pop()
                return
            if tag in blockers or (passable is not None and tag not in passable):
                return

    def _drop_note(self, start: int, link_chars: int) -> None:
        """Forget the text since ``start`` when it is only a bracketed note."""
        if _BRACKETED_NOTE.match("".join(self.buffer[start:])):
            del self.buffer[start:]
            self.link_chars = link_chars

    def _enclosing_chrome(self) -> tuple[str, bool] | None:
        """The innermost sure furniture around the text, else the innermost guessed one."""
        sure = next((chrome for chrome in reversed(self.chrome) if not chrome[1]), None)
        return sure or (self.chrome[-1] if self.chrome else None)

    def _in_h1(self) -> bool:
        return any(entry.tag == "h1" for entry in reversed(self.stack[-20:]))

    def _take_title(self) -> None:
        title = clean_line("".join(self.title_parts))
        self.title_parts.clear()
        if title and self.page.title is None:
            self.page.title = title
