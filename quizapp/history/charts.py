"""Charts drawn on the server as inline SVG: no script, no style attributes, text escaped.

Pure apart from markupsafe (which ships with Flask) to hand templates a ``Markup``. Each chart carries a
``<title>`` and ``<desc>`` named by ``aria-labelledby`` on a ``role="img"`` root, so a screen reader announces the
teacher's title and the description the page writes (which should state the figures in words). The SVG has a
``viewBox`` and ``width="100%"``: it scales to a phone's width; ``.history-chart`` in app.css keeps its height in
proportion. The output depends only on the arguments, so pages can be cached and tests can compare strings.

Colours pass WCAG AA on white: text #343a40 (11.5:1), data #0a58ca (6.4:1, well over the 3:1 for graphics);
grid lines are a light #dee2e6 because the figures are also given as labels.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from markupsafe import Markup, escape

from .stats import Bin

__all__ = ["distribution_svg", "scores_over_time_svg"]

WIDTH = 480
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 48, 24, 24, 48  # room for "100%" on the left, counts above bars, dates below
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM

TEXT_COLOUR = "#343a40"
DATA_COLOUR = "#0a58ca"
GRID_COLOUR = "#dee2e6"
AXIS_COLOUR = "#6c757d"
FONT = 'font-family="system-ui, sans-serif" font-size="14"'

PERCENT_GRID = (0, 25, 50, 75, 100)
MAX_DATE_LABELS = 4
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # not locale-bound

# Characters XML 1.0 forbids (an ElementTree parse or a browser's XML parser would choke on them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


def _text(value: object) -> str:
    """Escaped for both element text and attribute values (markupsafe escapes & < > " ')."""
    return str(escape(_NOT_XML.sub("", str(value))))


def _num(value: float) -> str:
    """Coordinates rounded to 0.1 unit: plenty for a screen, and the same text every time."""
    rounded = round(value, 1)
    return f"{rounded:g}" if rounded != 0 else "0"


def _percent(value: float) -> str:
    return f"{round(value, 1):g}%"


def _chart_id(chart_id: str | None, *parts: object) -> str:
    if chart_id is not None:
        if not _ID.match(chart_id):
            raise ValueError("chart_id must start with a letter and hold only letters, digits, '-' and '_'")
        return chart_id
    digest = hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"chart-{digest}"


def _open(chart_id: str, title: str, description: str, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="history-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT}>',
        f'<title id="{chart_id}-title">{_text(title)}</title>',
        f'<desc id="{chart_id}-desc">{_text(description)}</desc>',
    ]


def _empty(chart_id: str, title: str, description: str) -> Markup:
    parts = _open(chart_id, title, description, 60)
    parts.append(
        f'<text x="{WIDTH // 2}" y="36" text-anchor="middle" fill="{TEXT_COLOUR}" class="history-chart-empty">'
        "No attempts yet</text>"
    )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above went through _text


def _y(fraction: float) -> float:
    """Vertical position of a value that is ``fraction`` of the way up the axis (0 = bottom, 1 = top)."""
    return TOP + PLOT_HEIGHT * (1.0 - fraction)


def _horizontal_grid(values: Iterable[int], top_value: float, label: Callable[[int], str]) -> list[str]:
    parts = [f'<g stroke="{GRID_COLOUR}" stroke-width="1" class="history-chart-grid">']
    parts += [
        f'<line x1="{LEFT}" x2="{LEFT + PLOT_WIDTH}" y1="{_num(_y(v / top_value))}" y2="{_num(_y(v / top_value))}"/>'
        for v in values
    ]
    parts.append("</g>")
    parts.append(f'<g fill="{TEXT_COLOUR}" text-anchor="end" class="history-chart-y-labels">')
    parts += [f'<text x="{LEFT - 6}" y="{_num(_y(v / top_value) + 5)}">{_text(label(v))}</text>' for v in values]
    parts.append("</g>")
    parts.append(
        f'<path d="M{LEFT} {TOP}V{TOP + PLOT_HEIGHT}H{LEFT + PLOT_WIDTH}" fill="none" stroke="{AXIS_COLOUR}"/>'
    )
    return parts


def _date_label(when: datetime, first: datetime, last: datetime) -> str:
    if (last - first).days > 365:
        return f"{MONTHS[when.month - 1]} {when.year}"
    if first.year != last.year:
        return f"{when.day} {MONTHS[when.month - 1]} {when.year}"
    return f"{when.day} {MONTHS[when.month - 1]}"


def scores_over_time_svg(
    points: Sequence[tuple[datetime, float]], *, title: str, description: str, chart_id: str | None = None
) -> Markup:
    """A line chart of percentage scores (0..100) over time, a dot per attempt, in the order of time.

    Scores outside 0..100 are drawn at the nearest edge (their labels keep the real value); a non-finite score
    raises ValueError. Several attempts at the same moment share an x position. ``chart_id`` prefixes the ids of
    the title and description; by default it is derived from the arguments, so give one when a page shows the
    same chart twice. Empty ``points`` give a short "No attempts yet" chart.
    """
    for _, score in points:
        if not math.isfinite(score):
            raise ValueError(f"a score must be a finite percentage, not {score!r}")
    ordered = sorted(points, key=lambda point: point[0])
    chart_id = _chart_id(chart_id, "line", title, description, ordered)
    if not ordered:
        return _empty(chart_id, title, description)

    first, last = ordered[0][0], ordered[-1][0]
    span = (last - first).total_seconds()

    def x_of(when: datetime) -> float:
        if span <= 0:
            return LEFT + PLOT_WIDTH / 2
        return LEFT + PLOT_WIDTH * (when - first).total_seconds() / span

    parts = _open(chart_id, title, description, HEIGHT)
    parts += _horizontal_grid(PERCENT_GRID, 100.0, lambda v: f"{v}%")

    coordinates = [(x_of(when), _y(min(100.0, max(0.0, score)) / 100.0)) for when, score in ordered]
    if len(coordinates) > 1:
        line = " ".join(f"{_num(x)},{_num(y)}" for x, y in coordinates)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{DATA_COLOUR}" stroke-width="2"/>')
    parts.append(f'<g fill="{DATA_COLOUR}" class="history-chart-points">')
    for (when, score), (x, y) in zip(ordered, coordinates, strict=True):
        label = f"{_date_label(when, first, last)}: {_percent(score)}"
        parts.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4"><title>{_text(label)}</title></circle>')
    parts.append("</g>")

    parts.append(f'<g fill="{TEXT_COLOUR}" class="history-chart-x-labels">')
    baseline = _num(TOP + PLOT_HEIGHT + 22)
    if span <= 0:
        parts.append(
            f'<text x="{_num(x_of(first))}" y="{baseline}" text-anchor="middle">'
            f"{_text(_date_label(first, first, last))}</text>"
        )
    else:
        seen: set[str] = set()
        for k in range(MAX_DATE_LABELS):
            fraction = k / (MAX_DATE_LABELS - 1)
            when = first + (last - first) * fraction
            label = _date_label(when, first, last)
            if label in seen:
                continue
            seen.add(label)
            anchor = "start" if k == 0 else "end" if k == MAX_DATE_LABELS - 1 else "middle"
            parts.append(
                f'<text x="{_num(LEFT + PLOT_WIDTH * fraction)}" y="{baseline}" text-anchor="{anchor}">'
                f"{_text(label)}</text>"
            )
    parts.append("</g></svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above went through _text


def _count_step(largest: int) -> int:
    """A 1-2-5 step giving at most five grid lines above zero."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if largest <= 5 * step * factor:
                return step * factor
        step *= 10


def distribution_svg(bins: Sequence[Bin], *, title: str, description: str, chart_id: str | None = None) -> Markup:
    """A bar chart of a score distribution: one bar per bin, its count above it, score boundaries below.

    No bins, or bins that hold no attempt, give a short "No attempts yet" chart. ``chart_id`` as in
    :func:`scores_over_time_svg`.
    """
    chart_id = _chart_id(chart_id, "bars", title, description, list(bins))
    largest = max((b.count for b in bins), default=0)
    if largest == 0:
        return _empty(chart_id, title, description)

    step = _count_step(largest)
    top_value = step * math.ceil(largest / step)
    parts = _open(chart_id, title, description, HEIGHT)
    parts += _horizontal_grid(range(0, top_value + 1, step), float(top_value), str)

    width = PLOT_WIDTH / len(bins)
    gap = min(4.0, width / 5)
    bars = [f'<g fill="{DATA_COLOUR}" class="history-chart-bars">']
    counts = [f'<g fill="{TEXT_COLOUR}" text-anchor="middle" class="history-chart-counts">']
    for i, bin_ in enumerate(bins):
        if bin_.count == 0:
            continue
        x, y = LEFT + i * width + gap / 2, _y(bin_.count / top_value)
        noun = "attempt" if bin_.count == 1 else "attempts"
        bars.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(width - gap)}" height="{_num(TOP + PLOT_HEIGHT - y)}">'
            f"<title>{_text(f'{bin_.label}: {bin_.count} {noun}')}</title></rect>"
        )
        counts.append(f'<text x="{_num(x + (width - gap) / 2)}" y="{_num(y - 4)}">{bin_.count}</text>')
    parts += [*bars, "</g>", *counts, "</g>"]

    # Label the boundaries, thinned so that at most eleven fit under the axis.
    every = math.ceil(len(bins) / 10)
    parts.append(f'<g fill="{TEXT_COLOUR}" text-anchor="middle" class="history-chart-x-labels">')
    baseline = _num(TOP + PLOT_HEIGHT + 20)
    edges = [b.lower for b in bins] + [bins[-1].upper]
    for i in range(0, len(edges), every):
        parts.append(f'<text x="{_num(LEFT + i * width)}" y="{baseline}">{_text(f"{edges[i]:g}")}</text>')
    if (len(edges) - 1) % every:
        parts.append(f'<text x="{_num(LEFT + PLOT_WIDTH)}" y="{baseline}">{_text(f"{edges[-1]:g}")}</text>')
    parts.append(f'<text x="{_num(LEFT + PLOT_WIDTH / 2)}" y="{_num(HEIGHT - 6)}">{_text("Score (%)")}</text>')
    parts.append("</g></svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text above went through _text
