"""What reading a PDF's pages may spend: drawing instructions parsed, characters read, and time.

pypdf needs 1.5-3 s of CPU per megabyte of (decompressed) drawing instructions, and parses them
again each time they are drawn: a stream shared by many pages, or a form XObject drawn thousands of
times, multiplies the work without growing the file. The budget charges each page's own streams
before pypdf parses them, and each form before every time it is drawn, so a crafted file is refused
within a few seconds instead of keeping the upload busy for minutes.
"""

from __future__ import annotations

import time
from typing import Any

# An ordinary text page has 5-20 KB of instructions, so this is a few hundred pages; without it a
# 0.5 MB file whose 2,000 pages share one 70 MB stream (within each of pypdf's own limits) kept the
# reader busy for minutes, and a 135 KB page drawing a 100 KB form 5,000 times took 11 s and more.
MAX_CONTENT_BYTES = 3_000_000
# Characters of text read from all pages: about five novels.
MAX_CHARACTERS = 5_000_000
# The last resort, checked between pages and as instructions are read: a crafted PDF can be slow in
# ways the limits above do not count, and a teacher's upload must not outlive the web server's timeout.
TIME_BUDGET_SECONDS = 25.0
_TIME_CHECK_EVERY = 1000
_FORM_DEPTH = 8


class OverBudget(Exception):
    """Reading must stop; the message says why, for the teacher."""


class Budget:
    """The running totals for one document of ``count`` pages."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.content = 0
        self.characters = 0
        self.operations = 0
        self.started = time.monotonic()

    def check_time(self, number: int) -> None:
        if time.monotonic() - self.started > TIME_BUDGET_SECONDS:
            raise OverBudget(f"the PDF takes too long to read (stopped at page {number + 1} of {self.count})")

    def add_content(self, number: int, size: int) -> None:
        self.content += size
        if self.content > MAX_CONTENT_BYTES:
            raise OverBudget(
                f"the PDF's pages hold too much to read: over {MAX_CONTENT_BYTES // 1_000_000} MB of drawing "
                f"instructions by page {number + 1} of {self.count} (upload only the pages you need)"
            )

    def add_text(self, number: int, text: str) -> None:
        self.characters += len(text)
        if self.characters > MAX_CHARACTERS:
            raise OverBudget(
                f"the PDF has more than {MAX_CHARACTERS:,} characters of text (stopped at page {number + 1} "
                f"of {self.count}); upload only the pages you need"
            )

    def watcher(self, number: int, page: Any) -> Any:
        """A ``visitor_operand_before`` for pypdf that charges each form before it is drawn and checks the time."""
        forms = form_sizes(page)
        largest = max(forms.values(), default=0)

        def before(operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
            self.operations += 1
            if self.operations % _TIME_CHECK_EVERY == 0:
                self.check_time(number)
            if operator == b"Do" and largest:
                # A name the page's resources do not hold belongs to a nested form: charge the largest.
                name = operands[0] if operands else None
                self.add_content(number, forms.get(name, largest))

        return before


def content_size(page: Any) -> int:
    """The page's own decompressed content streams, in bytes (0 when they cannot be read: the page is
    skipped later). A stream shared by several pages counts on each, because pypdf parses it for each."""
    try:
        contents = page.get("/Contents")
        if contents is None:
            return 0
        contents = contents.get_object()
        streams = contents if isinstance(contents, list) else [contents]
        return sum(len(stream.get_object().get_data()) for stream in streams)
    except RecursionError:
        raise
    except Exception:  # a broken stream: extraction will skip the page
        return 0


def form_sizes(page: Any) -> dict[Any, int]:
    """Size of every form XObject the page can draw, by resource name: the page's own forms, and the
    forms those draw (a few levels down). Images and other XObjects are not parsed and count 0."""
    sizes: dict[Any, int] = {}
    seen: set[int] = set()
    pending = [(page, 0)]
    while pending:
        holder, depth = pending.pop()
        for name, form, size in _forms_of(holder):
            if id(form) in seen:
                continue
            seen.add(id(form))
            sizes[name] = max(size, sizes.get(name, 0))
            if depth < _FORM_DEPTH:
                pending.append((form, depth + 1))
    return sizes


def _forms_of(holder: Any) -> list[tuple[Any, Any, int]]:
    """(name, form, decompressed size) of the readable forms in ``holder``'s resources; damaged ones are
    left out, as pypdf skips them when drawing."""
    try:
        xobjects = list(holder["/Resources"]["/XObject"].get_object().items())
    except Exception:  # no resources, or damaged ones: nothing to draw from here
        return []
    sized = ((name, reference, _form_size(reference)) for name, reference in xobjects)
    return [(name, reference.get_object(), size) for name, reference, size in sized if size is not None]


def _form_size(reference: Any) -> int | None:
    """The decompressed size of a form XObject; None for another XObject or an unreadable one (drawing skips it)."""
    try:
        xobject = reference.get_object()
        return len(xobject.get_data()) if xobject.get("/Subtype") == "/Form" else None
    except RecursionError:
        raise
    except Exception:  # an unreadable form draws nothing
        return None
