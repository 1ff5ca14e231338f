"""The apps of one test worker share compiled templates, so a test's new app does not compile them again."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.conftest import app_on


@pytest.mark.backends("sqlite")
def test_a_second_app_renders_a_page_without_compiling_its_templates(
    app: Flask, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert app.test_client().get("/login").status_code == 200

    def compile_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled again")

    with app_on(database_url) as second:
        monkeypatch.setattr(second.jinja_env, "compile", compile_again)
        assert second.test_client().get("/login").status_code == 200
