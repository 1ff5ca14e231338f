"""The whole database as plain rows: a digest per table, the difference between two states, and a restore.

The sweeps ask "did this request change anything?" of every table at once, and
run one request after another from the same starting state without building
their world again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Integer, Table, delete, insert, select, text, update

from quizapp import schema  # noqa: F401 - every model joins the metadata
from quizapp.extensions import db

Row = tuple[Any, ...]
T = TypeVar("T")

# Values that differ between two runs of the same request by design: clocks, salts, random codes and shuffles.
VOLATILE_COLUMNS = frozenset(
    {
        "password_hash",
        "join_code",
        "option_order",
        "token_hash",
        "prefix",
        "kid",
        "private_key_pem",
        "public_key_pem",
        # A live session's plan of questions holds their shuffled option orders; an answer's seconds are a clock's.
        "questions",
        "seconds_taken",
    }
)


def tables() -> list[Table]:
    return list(db.metadata.sorted_tables)


def digest() -> dict[str, str]:
    """A fingerprint of every table's rows, read in one statement (the sweeps call it after every request)."""
    db.session.rollback()
    if db.engine.dialect.name == "postgresql":
        parts = [
            f"SELECT '{t.name}', md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM {t.name} r"
            for t in tables()
        ]
    else:
        parts = []
        for t in tables():
            row = " || ',' || ".join(f'quote("{c.name}")' for c in t.columns)
            parts.append(
                f"SELECT '{t.name}', (SELECT group_concat(x, '|') FROM (SELECT {row} AS x FROM {t.name} ORDER BY 1))"
            )
    result = {name: hashlib.sha256((value or "").encode()).hexdigest()[:16]
              for name, value in db.session.execute(text(" UNION ALL ".join(parts)))}  # fmt: skip
    db.session.rollback()
    return result


def changed_between(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def _rows(table: Table) -> list[Row]:
    order = list(table.primary_key.columns) or list(table.columns)
    return [tuple(row) for row in db.session.execute(select(table).order_by(*order))]


@dataclass
class DatabaseState:
    rows: dict[str, list[Row]]

    @classmethod
    def take(cls, only: Iterable[str] | None = None) -> DatabaseState:
        """Every row of every table (or of ``only`` these), read in a fresh transaction."""
        db.session.rollback()
        chosen = [t for t in tables() if only is None or t.name in set(only)]
        state = cls({table.name: _rows(table) for table in chosen})
        db.session.rollback()
        return state

    def delta(self, after: DatabaseState) -> dict[str, tuple[list[Row], list[Row]]]:
        """Per table of ``after``: (rows gone, rows new), volatile values masked so that two runs compare equal."""
        result: dict[str, tuple[list[Row], list[Row]]] = {}
        for name in after.rows:
            table = db.metadata.tables[name]
            before_rows = {masked(table, row) for row in self.rows.get(name, [])}
            after_rows = {masked(table, row) for row in after.rows.get(name, [])}
            gone, new = sorted(before_rows - after_rows, key=repr), sorted(after_rows - before_rows, key=repr)
            if gone or new:
                result[name] = (gone, new)
        return result

    def restore(self, only: Iterable[str] | None = None) -> None:
        """Put tables back to exactly these rows, ids and sequences included (``only``: just these tables).

        Row by row: rows added since are deleted, rows gone are inserted again, changed rows are updated.
        Children are deleted before their parents and parents inserted before their children.
        """
        db.session.rollback()
        db.session.expunge_all()
        chosen = [t for t in tables() if only is None or t.name in set(only)]
        for table in reversed(chosen):
            keep = {_key(table, row) for row in self.rows.get(table.name, [])}
            for row in _rows(table):
                if _key(table, row) not in keep:
                    db.session.execute(delete(table).where(*_match(table, row)))
        for table in chosen:
            present = {_key(table, row): row for row in _rows(table)}
            names = [column.name for column in table.columns]
            for row in self.rows.get(table.name, []):
                current = present.get(_key(table, row))
                if current is None:
                    db.session.execute(insert(table).values(dict(zip(names, row, strict=True))))
                elif current != row:
                    db.session.execute(
                        update(table).where(*_match(table, row)).values(dict(zip(names, row, strict=True)))
                    )
        if db.engine.dialect.name == "postgresql":
            _reset_sequences(chosen)
        db.session.commit()
        db.session.expunge_all()


def _key(table: Table, row: Row) -> Row:
    positions = [i for i, column in enumerate(table.columns) if column.primary_key]
    return tuple(row[i] for i in positions)


def _match(table: Table, row: Row) -> list[Any]:
    return [column == value for column, value in zip(table.columns, row, strict=True) if column.primary_key]


class Watch:
    """Requests made one after another from one starting state: what each changed, put back after it."""

    def __init__(self) -> None:
        self.baseline = DatabaseState.take()
        self.baseline_digest = digest()

    def __call__(self, request: Callable[[], T]) -> tuple[T, list[str]]:
        """(what ``request()`` returned, the tables it changed); every table is as at the start again after."""
        before = digest()
        result = request()
        after = digest()
        changed = changed_between(before, after)
        self.put_back(after)
        return result, changed

    def put_back(self, now: dict[str, str] | None = None) -> None:
        self.baseline.restore(changed_between(self.baseline_digest, now or digest()))


def masked(table: Table, row: Row) -> Row:
    """The row with clock times reduced to "set" and random values hidden; None stays None."""
    values = []
    for column, value in zip(table.columns, row, strict=True):
        if value is not None and (isinstance(value, datetime | date) or column.name in VOLATILE_COLUMNS):
            values.append("<set>")
        else:
            values.append(_hashable(value))
    return tuple(values)


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    return value


def _reset_sequences(chosen: Iterable[Table]) -> None:
    # After a restore the next row gets the id it would have got in the first run.
    for table in chosen:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        column = key[0].name
        db.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {table.name}), 0) + 1, false)"
            )
        )
