"""Hostile texts, and the checks that a page shows them as text: no markup of theirs is live in it.

The checks read the page with an HTML parser and look for what a payload would add if it were not escaped:
a script element with a body, an event-handler attribute, a javascript:/data:/vbscript: URL, a frame or
object, a comment; and, for the template payload, the value 49 where ``{{7*7}}`` was written. They know the
app's own markup: its scripts are files under /static and /bootstrap/static (the CSP allows nothing else).
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

# Each payload carries an id (P01 ...), so a page that shows it can be told apart from one that does not.
PAYLOADS: tuple[str, ...] = (
    '<script>alert("P01")</script>',
    '"><img src=x onerror=alert("P02")>',
    "'><svg/onload=alert('P03')>",
    '</textarea><script>alert("P04")</script>',
    '</title><script>alert("P05")</script>',
    'javascript:alert("P06")',
    "<a href=\"javascript:alert('P07')\">P07</a>",
    "P08{{7*7}}P08 ${7*7} #{7*7} {% print 7*7 %}",
    '<svg><script>alert("P09")</script></svg>',
    "<iframe src=\"javascript:alert('P10')\"></iframe>",
    "\uff1cscript\uff1ealert('P11')\uff1c/script\uff1e",  # fullwidth brackets: must not become < > anywhere
    "<scr\u200bipt>alert('P12')</scr\u200bipt> \u202eP12",  # zero-width space inside, right-to-left override
    '<IMG SRC=JaVaScRiPt:alert("P13")>',
    '<math><mtext></p><script>alert("P14")</script>',
    "<!--P15--><b>P15</b>",
    "<details open ontoggle=alert('P16')>",
    "=cmd|' /C calc'!A0 P17",
    "+1+1 P18",
    "-2+3 P19",
    "@SUM(1+1) P20",
)
TEMPLATE_RENDERED = "P0849P08"  # what P08 becomes if any template engine evaluates it
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"})
_FORBIDDEN_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "math"})
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\u200b]")


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script_start: str | None = None

    def _where(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        shown = " ".join(f"{k}={v!r}" for k, v in attrs)[:160]
        return f"<{tag} {shown}> at line {self.getpos()[0]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"a {tag} element: {self._where(tag, attrs)}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event handler {name}=: {self._where(tag, attrs)}")
            elif name in _URL_ATTRIBUTES and value and _BAD_SCHEME.match(_IGNORED_IN_URLS.sub("", value)):
                self.problems.append(f"a {value.split(':')[0]}: URL: {self._where(tag, attrs)}")
            elif name == "srcdoc" or (name == "http-equiv" and (value or "").lower() == "refresh"):
                self.problems.append(f"{name}=: {self._where(tag, attrs)}")
        if tag == "script":
            source = dict(attrs).get("src") or ""
            if not source.startswith(("/static/", "/bootstrap/static/")):
                self.problems.append(f"a script not from /static: {self._where(tag, attrs)}")
            self._script_start = self._where(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script_start = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_start = None

    def handle_data(self, data: str) -> None:
        if self._script_start and data.strip():
            self.problems.append(f"an inline script body {data.strip()[:80]!r} in {self._script_start}")

    def handle_comment(self, data: str) -> None:
        self.problems.append(f"a comment <!--{data[:60]}--> at line {self.getpos()[0]}")


def unsafe_markup(html: str) -> list[str]:
    """What in this HTML could run script or load another page (empty when nothing)."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    problems = inspector.problems
    if TEMPLATE_RENDERED in html:
        problems.append(f"a template was evaluated: {TEMPLATE_RENDERED!r} in the page")
    for raw in ("<script>alert(", "\uff1cscript", "<scr\u200bipt"):
        if raw.lower() in html.lower() and raw.startswith("<"):
            problems.append(f"the raw text {raw!r} in the page")
    return problems


_NUMBER = re.compile(r"^-?\d+(\.\d+)?%?$")


def formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would run as a formula (text starting with = + - @ tab or CR; numbers are fine)."""
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS) and not _NUMBER.match(cell)]


def zip_members(data: bytes) -> dict[str, bytes] | None:
    """The files of a zip export (QTI packages, Anki decks), or None when ``data`` is not a zip."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def readable_text(data: bytes) -> str:
    """A response's text: the page itself, or every file of a zip export (its SQLite or XML read as UTF-8)."""
    members = zip_members(data)
    if members is None:
        return data.decode("utf-8")
    return "\n".join(content.decode("utf-8", errors="replace") for content in members.values())
