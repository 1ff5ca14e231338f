"""Text cleaning shared by the formats: plain text to and from the HTML that Moodle stores."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Markers that cannot occur in cleaned text, used while rebuilding lines from HTML.
_HARD = "\x01"  # a line break the author asked for (<br>, or a newline in Moodle's auto-format)
_SOFT = "\x02"  # a block boundary (<p>, <div>, <li>…): a line break unless at the edge
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "td"}
    | {"th", "tr", "ul"}
)
_INVISIBLE = frozenset({"script", "style", "head", "template", "noscript"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_AROUND_SOFT = re.compile(r" ?\x02[\x02 ]*")


# Control characters that are not whitespace (those become spaces instead), surrogates, and the two
# non-characters XML 1.0 cannot carry; no quiz text needs any of them.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _drop_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def clean_line(text: str) -> str:
    """One line of text: control characters dropped, every run of whitespace made one space, trimmed."""
    return " ".join(_drop_controls(text).split())


def clean_block(text: str) -> str:
    """Text that may span lines: each line cleaned like :func:`clean_line`, blank edges dropped."""
    lines = [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


class _TextParser(HTMLParser):
    def __init__(self, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_newlines = keep_newlines
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        elif tag == "br":
            self.parts.append(_HARD)
        elif tag in _BLOCKS:
            self.parts.append(_SOFT)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <script/> opens nothing, so it must not start hiding what follows.
        if tag not in _INVISIBLE:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "br":  # browsers read a stray </br> as <br>
            self.parts.append(_HARD)
        elif tag in _BLOCKS:
            self.parts.append(_SOFT)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        data = data.replace(_HARD, "").replace(_SOFT, "")
        if self.keep_newlines:
            data = data.replace("\r\n", "\n").replace("\r", "\n").replace("\n", _HARD)
        self.parts.append(data)


def html_to_text(markup: str, *, keep_newlines: bool = False) -> str:
    """Plain text of an HTML fragment: tags dropped (scripts and styles with their content),
    entities decoded, whitespace collapsed as a browser would, <br> and block ends as line breaks.

    ``keep_newlines`` reads Moodle's auto-format, where a newline in the source is a line break.
    """
    if "<" not in markup and "&" not in markup:
        # Nothing to parse: the same result as below, without the parser's cost on every option of a big file.
        return clean_block(markup if keep_newlines else _HTML_SPACE.sub(" ", markup))
    parser = _TextParser(keep_newlines)
    try:
        parser.feed(markup)
        parser.close()
        joined = "".join(parser.parts)
    except AssertionError:
        # html.parser asserts on some malformed declarations (<![x[); fall back to a plain tag strip.
        joined = html.unescape(re.sub(r"<[^>]*>", " ", markup))
    joined = _HTML_SPACE.sub(" ", joined)
    joined = _AROUND_SOFT.sub(_SOFT, joined).strip(" " + _SOFT).replace(_SOFT, "\n").replace(_HARD, "\n")
    return clean_block(joined)


def text_to_html(text: str) -> str:
    """HTML showing ``text`` exactly: special characters escaped, line breaks as <br>."""
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))
