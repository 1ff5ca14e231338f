"""Showing a moment to a reader: one ``<time>`` element, written in UTC, shown in the reader's zone by script.

The server does not know the reader's time zone, and guessing it from the request is wrong for
anyone travelling or on a school proxy. So every page writes the moment in UTC, machine-readable
in ``datetime`` and readable as text ("07 December 2026, 09:30 UTC"); ``static/local-time.js`` rewrites
the text in the browser's own zone and keeps the UTC text as the element's title. Without script
the reader still sees a correct time, marked UTC.

Templates use the filter: ``{{ quiz.closes_at|when }}`` (date and time), ``|when('date')``,
``|when('time')``. Pure apart from ``markupsafe``: tests call ``time_element`` with plain values.
"""

from __future__ import annotations

from datetime import UTC, datetime

from markupsafe import Markup, escape

# The UTC text shown without script; the script uses the same three styles (data-style) with Intl.
STYLES = {
    "datetime": "%d %B %Y, %H:%M UTC",
    "date": "%d %B %Y",
    "time": "%H:%M UTC",
}


def as_utc(moment: datetime) -> datetime:
    """The moment in UTC; a naive value is read as UTC, the only clock the app stores."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def time_element(moment: datetime | None, style: str = "datetime") -> Markup:
    """``<time datetime="...Z" data-local="style">UTC text</time>``; an empty string for no moment."""
    if moment is None:
        return Markup("")
    if style not in STYLES:
        raise ValueError(f"unknown time style {style!r}; use one of {', '.join(STYLES)}")
    utc = as_utc(moment).replace(microsecond=0)
    stamp = utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    text = utc.strftime(STYLES[style])
    return Markup('<time datetime="{}" data-local="{}">{}</time>').format(stamp, style, escape(text))
