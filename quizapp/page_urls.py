"""The URLs and tags every page repeats, built once per process instead of on every render.

A question page called ``url_for`` about twenty times, most of them for the same static files and navigation
links on every page, and Bootstrap-Flask's ``load_css``/``load_js`` (config lookups, SRI attributes and more
``url_for`` calls) each time it was shown: with the session and CSRF checks the largest per-request work that
gives the same answer every time. Such a URL depends only on the endpoint, the static file's name and the
path the app is mounted under (``request.script_root``), so it is kept per (mount path, endpoint, file) for
the life of the process. A URL whose arguments are all whole numbers (an attempt's id and a question's
position: a question page builds seven such URLs, about 3% of its CPU) is built once per endpoint and argument
names with stand-in numbers, and later calls put their numbers in the stand-ins' places: the converters
(``int``, ``<id:>``, ``<index:>``) write a number as its digits, and a query argument is written the same way.
Calls with any other argument (``next=``, ``_anchor``, ``_external``) and calls outside a request are built
each time, as before.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, has_request_context, request
from markupsafe import Markup

# Far more than the templates' distinct constant URLs; a bound all the same, whatever mount paths a server sees.
MAX_KEPT = 1000
# Stand-ins for the numbers of a numbered URL: within every id's range, and unlike anything else in a URL.
_STAND_IN = 2_147_400_000


class PageUrls:
    """``url_for`` for templates: the constant URLs remembered, every other one built by Flask."""

    def __init__(self, app: Flask) -> None:
        self.build = app.url_for
        self.kept: dict[tuple[str, str, str | None], str] = {}
        # (mount path, endpoint, argument names) -> the URL cut at its numbers: text, name, text, name, ..., text
        self.numbered: dict[tuple[str, str, tuple[str, ...]], tuple[str, ...] | None] = {}

    def __call__(self, endpoint: str, **values: Any) -> str:
        constant = not values or (len(values) == 1 and "filename" in values)
        if endpoint.startswith(".") or not has_request_context():
            return self.build(endpoint, **values)
        if not constant:
            if all(type(value) is int and value >= 0 for value in values.values()):
                return self._numbered(endpoint, values)
            return self.build(endpoint, **values)
        key = (request.script_root, endpoint, values.get("filename"))
        url = self.kept.get(key)
        if url is None:
            url = self.build(endpoint, **values)
            if len(self.kept) < MAX_KEPT:
                self.kept[key] = url
        return url

    def _numbered(self, endpoint: str, values: dict[str, int]) -> str:
        key = (request.script_root, endpoint, tuple(sorted(values)))
        if key in self.numbered:
            parts = self.numbered[key]
        else:
            parts = self._cut(endpoint, key[2])
            if len(self.numbered) < MAX_KEPT:
                self.numbered[key] = parts
        if parts is None:  # a URL the stand-ins could not be found in once each: built every time
            return self.build(endpoint, **values)
        pieces = list(parts)
        for i in range(1, len(pieces), 2):
            pieces[i] = str(values[pieces[i]])
        return "".join(pieces)

    def _cut(self, endpoint: str, names: tuple[str, ...]) -> tuple[str, ...] | None:
        stand_ins = {name: str(_STAND_IN + i) for i, name in enumerate(names)}
        url = self.build(endpoint, **{name: int(number) for name, number in stand_ins.items()})
        if any(url.count(number) != 1 for number in stand_ins.values()):
            return None
        parts: list[str] = []
        start = 0
        for place, name in sorted((url.index(number), name) for name, number in stand_ins.items()):
            parts += [url[start:place], name]
            start = place + len(stand_ins[name])
        parts.append(url[start:])
        return tuple(parts)


class KeptBootstrapTags:
    """Bootstrap-Flask's template object with ``load_css()`` and ``load_js()`` (called without arguments, as
    base.html does) remembered per mount path; everything else is Bootstrap-Flask's own."""

    def __init__(self, bootstrap: Any) -> None:
        self.bootstrap = bootstrap
        self.kept: dict[tuple[str, str], Markup] = {}

    def _kept(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Markup:
        make = getattr(self.bootstrap, name)
        if args or kwargs or not has_request_context():
            return make(*args, **kwargs)  # type: ignore[no-any-return]
        key = (request.script_root, name)
        tags = self.kept.get(key)
        if tags is None:
            tags = make()
            if len(self.kept) < MAX_KEPT:
                self.kept[key] = tags
        return tags  # type: ignore[no-any-return]

    def load_css(self, *args: Any, **kwargs: Any) -> Markup:
        return self._kept("load_css", args, kwargs)

    def load_js(self, *args: Any, **kwargs: Any) -> Markup:
        return self._kept("load_js", args, kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.bootstrap, name)


def init_page_urls(app: Flask) -> None:
    """Give the app's templates the remembering ``url_for`` and Bootstrap tags (after Bootstrap-Flask's init)."""
    app.jinja_env.globals["url_for"] = PageUrls(app)
    app.jinja_env.globals["bootstrap"] = KeptBootstrapTags(app.jinja_env.globals["bootstrap"])
