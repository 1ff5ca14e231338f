"""The URLs and tags every page repeats, built once per process instead of on every render.

A question page called ``url_for`` about twenty times, most of them for the same static files and navigation
links on every page, and Bootstrap-Flask's ``load_css``/``load_js`` (config lookups, SRI attributes and more
``url_for`` calls) each time it was shown: with the session and CSRF checks the largest per-request work that
gives the same answer every time. Such a URL depends only on the endpoint, the static file's name and the
path the app is mounted under (``request.script_root``), so it is kept per (mount path, endpoint, file) for
the life of the process. Calls with any other argument (an attempt's id, ``next=``, ``_external``) and calls
outside a request are built each time, as before.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, has_request_context, request
from markupsafe import Markup

# Far more than the templates' distinct constant URLs; a bound all the same, whatever mount paths a server sees.
MAX_KEPT = 1000


class PageUrls:
    """``url_for`` for templates: the constant URLs remembered, every other one built by Flask."""

    def __init__(self, app: Flask) -> None:
        self.build = app.url_for
        self.kept: dict[tuple[str, str, str | None], str] = {}

    def __call__(self, endpoint: str, **values: Any) -> str:
        constant = not values or (len(values) == 1 and "filename" in values)
        if not constant or endpoint.startswith(".") or not has_request_context():
            return self.build(endpoint, **values)
        key = (request.script_root, endpoint, values.get("filename"))
        url = self.kept.get(key)
        if url is None:
            url = self.build(endpoint, **values)
            if len(self.kept) < MAX_KEPT:
                self.kept[key] = url
        return url


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
