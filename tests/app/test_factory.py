"""The application factory: configuration order, no side effects, the health check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from quizapp import ConfigurationError, create_app
from quizapp.config import DEFAULT_SECRET_KEY, from_environment, normalise_database_url
from quizapp.extensions import db


def test_default_database_is_sqlite_in_instance_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"TESTING": True})
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    assert uri.startswith("sqlite:///")
    assert Path(uri.removeprefix("sqlite:///")).parent == Path(app.instance_path)


def test_factory_creates_no_tables_and_no_file(tmp_path: Path) -> None:
    target = tmp_path / "untouched.sqlite"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{target}"})
    assert app.name == "quizapp"
    # Nothing connected, nothing created: the schema comes only from `flask db upgrade`.
    assert not target.exists()


def test_environment_overrides_defaults_and_test_config_overrides_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://user@db.example/quiz")
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "1234")
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://user@db.example/quiz"
    assert app.config["MAX_CONTENT_LENGTH"] == 1234
    app = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 99})
    assert app.config["MAX_CONTENT_LENGTH"] == 99


def test_instance_config_sits_between_defaults_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("MAX_CONTENT_LENGTH = 777\nDEMO_TEACHER = 'from_instance'\n")
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "888")
    import flask

    original = flask.Flask.__init__

    def with_instance(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["instance_path"] = str(instance)
        original(self, *args, **kwargs)

    monkeypatch.setattr(flask.Flask, "__init__", with_instance)
    app = create_app({"TESTING": True})
    assert app.config["DEMO_TEACHER"] == "from_instance"
    assert app.config["MAX_CONTENT_LENGTH"] == 888


def test_normalise_database_url() -> None:
    assert normalise_database_url("postgresql://a@b/c") == "postgresql+psycopg://a@b/c"
    assert normalise_database_url("postgresql+psycopg://a@b/c") == "postgresql+psycopg://a@b/c"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert from_environment({"QUIZAPP_ENV": "production"})["PRODUCTION"] is True


def test_production_refuses_default_secret_key() -> None:
    with pytest.raises(ConfigurationError, match="FLASK_SECRET_KEY"):
        create_app({"PRODUCTION": True, "SECRET_KEY": DEFAULT_SECRET_KEY})
    app = create_app({"PRODUCTION": True, "SECRET_KEY": "a-real-long-random-secret"})
    assert app.config["PRODUCTION"] is True


def test_production_warns_when_rate_limits_are_counted_per_worker(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging

    # Alembic's env.py (the migrations other tests run in this process) disables every logger that exists then.
    monkeypatch.setattr(logging.getLogger("quizapp"), "disabled", False)
    secret = {"SECRET_KEY": "a-real-long-random-secret"}
    with caplog.at_level("WARNING", logger="quizapp"):
        create_app({"PRODUCTION": True, "RATELIMIT_STORAGE_URI": "memory://", **secret})
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and r.name == "quizapp"]
    assert len(warnings) == 1
    assert "each worker process counts on its own" in warnings[0]
    assert "FLASK_RATELIMIT_STORAGE_URI=redis://" in warnings[0]
    caplog.clear()
    with caplog.at_level("WARNING", logger="quizapp"):
        create_app({"PRODUCTION": True, "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379", **secret})
        create_app({"PRODUCTION": False, "RATELIMIT_STORAGE_URI": "memory://", **secret})
    assert not [r for r in caplog.records if r.levelname == "WARNING" and r.name == "quizapp"]


def test_wsgi_entry_point_counts_as_production(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import sys

    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.delenv("QUIZAPP_ENV", raising=False)
    sys.modules.pop("wsgi", None)
    with pytest.raises(ConfigurationError):
        importlib.import_module("wsgi")
    monkeypatch.setenv("FLASK_SECRET_KEY", "another-real-secret-value")
    sys.modules.pop("wsgi", None)
    assert importlib.import_module("wsgi").app.config["PRODUCTION"] is True


def test_healthz_is_tiny_and_touches_no_database(tmp_path: Path) -> None:
    # A database URL that cannot work: /healthz must not notice.
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent-dir/x.sqlite"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.data == b"ok\n"
    assert "Set-Cookie" not in response.headers


def test_session_cookie_settings(app) -> None:  # type: ignore[no-untyped-def]
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    # CSRF tokens live as long as the session: an exam longer than an hour must not lose its submit.
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None


@pytest.mark.backends("sqlite")
def test_sqlite_runs_wal_with_foreign_keys(app) -> None:  # type: ignore[no-untyped-def]
    assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_first_upgrade_on_a_fresh_checkout_makes_the_instance_folder(tmp_path: Path) -> None:
    from flask_migrate import upgrade

    target = tmp_path / "instance-not-yet-there" / "quizapp.sqlite"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{target}"})
    assert not target.parent.exists()  # the factory itself makes nothing
    with app.app_context():
        upgrade()
        db.engine.dispose()
    assert target.exists()
