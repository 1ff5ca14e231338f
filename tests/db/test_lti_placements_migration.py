"""The migration that records deep linking placements (lti_placements) and the frame origins of a registration:
up, down and up again."""

from __future__ import annotations

from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from quizapp.extensions import db
from tests.db.test_migrations import empty_database  # noqa: F401 - the fixture

BEFORE = "f09e33acf77f"


def has_table() -> bool:
    return "lti_placements" in inspect(db.engine).get_table_names()


def test_lti_placements_table_up_down_up(empty_database: Flask) -> None:  # noqa: F811
    upgrade(revision=BEFORE)
    assert not has_table()
    upgrade()
    assert has_table()
    columns = {column["name"] for column in inspect(db.engine).get_columns("lti_placements")}
    assert columns == {"id", "platform_id", "deployment_id", "quiz_id", "placed_by_id", "created_at"}
    assert "frame_origins" in {column["name"] for column in inspect(db.engine).get_columns("lti_platforms")}
    [unique] = inspect(db.engine).get_unique_constraints("lti_placements")
    assert unique["column_names"] == ["platform_id", "deployment_id", "quiz_id"]
    db.session.remove()

    downgrade(revision=BEFORE)
    assert not has_table()
    assert "frame_origins" not in {column["name"] for column in inspect(db.engine).get_columns("lti_platforms")}
    upgrade()
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM lti_placements")).scalar() == 0
