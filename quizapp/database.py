"""Engine tuning per database: SQLite pragmas and write transactions, PostgreSQL's reads and pool.

SQLite: WAL so readers never wait for the writer; foreign keys on (off by
default there); and a write transaction starts with BEGIN IMMEDIATE, because a
plain BEGIN that reads and then writes fails with "database is locked" most of
the time under concurrent writers (measured, see TRAPS.md), busy timeout or not.

PostgreSQL: a GET (or HEAD, OPTIONS) reads in autocommit, so its statements go alone, without the BEGIN and
ROLLBACK round trips that carried no data (the question page sent 6 round trips for 3 statements). Its first
write, or row lock, opens a transaction first (``open_transaction``), so a GET that writes still commits or
rolls back as one (``quizapp.transactions``). The pool does not ping a connection on every checkout (another
round trip per request): a connection the server dropped fails its request with a 503 that the pages retry
(``is_unavailable``), SQLAlchemy then replaces every older connection of the pool, and ``pool_recycle``
retires connections before a firewall's idle timeout.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from flask import Flask
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

_listening = False
_IDLE = 0  # psycopg.pq.TransactionStatus.IDLE: no transaction open on the server connection

_write_intent: ContextVar[bool] = ContextVar("quizapp_sqlite_write_intent", default=False)
# A GET declared @writes_on_get: it reads until begin_writing says it must write.
_may_begin_writing: ContextVar[bool] = ContextVar("quizapp_may_begin_writing", default=False)
# A read request: the request session's PostgreSQL connection is in autocommit until its first write.
_reads_in_autocommit: ContextVar[bool] = ContextVar("quizapp_reads_in_autocommit", default=False)
_AUTOCOMMIT = "quizapp_autocommit"  # connection record info: this pool connection reads in autocommit


def engine_options(app: Flask) -> dict[str, Any]:
    """Options for create_engine, chosen from the configured URL."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    options: dict[str, Any] = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if url.get_backend_name() == "sqlite":
        options.setdefault("connect_args", {})
        options["connect_args"].setdefault("timeout", app.config["SQLITE_BUSY_TIMEOUT_MS"] / 1000)
    else:
        # No pre-ping: see the module's docstring. Recycling keeps connections younger than idle timeouts.
        options.setdefault("pool_recycle", 1800)
        if app.config.get("PGBOUNCER_TRANSACTION_MODE"):
            options.setdefault("connect_args", {})
            options["connect_args"]["prepare_threshold"] = None
    return options


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def configure_engine(engine: Engine, app: Flask) -> None:
    """Install the per-connection setup on an engine."""
    global _listening
    if not _listening:
        event.listen(Session, "after_begin", _autocommit_reads)
        _listening = True
    if not is_sqlite(engine):
        event.listen(engine, "checkin", _leave_autocommit)
        return
    synchronous = app.config["SQLITE_SYNCHRONOUS"]
    busy_ms = int(app.config["SQLITE_BUSY_TIMEOUT_MS"])
    database = engine.url.database

    @event.listens_for(engine, "do_connect")
    def _make_folder(*_args: Any) -> None:
        # The default file lives in the instance folder, which a fresh checkout does not have yet.
        # Made on the first connection (the first `flask db upgrade`), never by create_app itself.
        if database and database != ":memory:" and not database.startswith("file:"):
            os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")


def set_write_intent(value: bool, *, may_begin_writing: bool = False, autocommit_reads: bool = False) -> None:
    """Mark the current context (request, command) as one that will write, or as a read that may turn into one
    (``begin_writing``); ``autocommit_reads``: a read request, whose PostgreSQL statements run in autocommit
    until its first write."""
    _write_intent.set(value)
    _may_begin_writing.set(may_begin_writing and not value)
    _reads_in_autocommit.set(autocommit_reads and not value)


def _autocommit_reads(session: Session, transaction: Any, connection: Connection) -> None:
    """Session ``after_begin``: a read request's PostgreSQL connection, not yet used, goes into autocommit.

    Set on psycopg's connection itself, not as SQLAlchemy's isolation level: that would need another engine
    (``execution_options``), and caches kept per engine (shown versions, live state) would split in two.
    """
    if transaction.parent is not None or not _reads_in_autocommit.get() or connection.dialect.name != "postgresql":
        return
    dbapi_connection = connection.connection.dbapi_connection
    if dbapi_connection is not None and dbapi_connection.info.transaction_status == _IDLE:
        dbapi_connection.autocommit = True
        connection.connection.info[_AUTOCOMMIT] = True


def _leave_autocommit(dbapi_connection: Any, record: Any) -> None:
    """Pool ``checkin``: the connection goes back as it came (after the pool's rollback, so out of any BEGIN)."""
    if not record.info.pop(_AUTOCOMMIT, False) or dbapi_connection is None:
        return
    if dbapi_connection.info.transaction_status == _IDLE:
        dbapi_connection.autocommit = False
    else:  # the pool's rollback did not get through: psycopg refuses the change; a new connection replaces it
        record.invalidate()


def _in_autocommit(connection: Connection) -> bool:
    return bool(connection.connection.info.get(_AUTOCOMMIT))


def open_transaction(session: Session) -> None:
    """Before a read request's first write or row lock on PostgreSQL: BEGIN on its autocommit connection, so
    that what follows commits or rolls back as one (a lock taken in autocommit would end with its statement).
    Nothing elsewhere: a request that may write, SQLite, a connection already in a transaction."""
    if not _reads_in_autocommit.get():
        return
    connection = session.connection()
    if not _in_autocommit(connection):
        return  # a transaction begun before the request was marked (a test keeping one session open)
    dbapi_connection = connection.connection.dbapi_connection
    if dbapi_connection is not None and dbapi_connection.info.transaction_status == _IDLE:
        connection.exec_driver_sql("BEGIN")


def end_mismatched_transaction(session: Session) -> None:
    """At a write request's start: end a transaction on an autocommit connection that the session kept from an
    earlier read request. Only a caller keeping one app context across requests (the tests) has one; in
    production every request gets a new session, and this asks nothing of the database."""
    if _reads_in_autocommit.get() or not session.in_transaction():
        return
    if _in_autocommit(session.connection()):
        session.rollback()


def begin_writing(session: Any) -> bool:
    """From here the current request writes: True when its read transaction was ended to begin again for writing.

    A GET declared ``@writes_on_get`` reads in a plain transaction, since most of its loads write nothing (an
    attempt page closes an attempt only once it is overdue); beginning every one with BEGIN IMMEDIATE queued the
    whole class's page loads behind each autosave on SQLite. When it must write, SQLite cannot turn the read
    transaction into a write once another writer has committed, so it is ended here (its objects reload when
    next touched) and the next statement begins for writing. The caller decides again on the fresh rows.
    On PostgreSQL, when the request already writes, and outside such a GET (a command, a job, a test calling a
    service), nothing is ended.
    """
    if _write_intent.get() or not _may_begin_writing.get():
        return False
    _write_intent.set(True)
    session = session() if callable(session) else session  # Flask-SQLAlchemy's scoped session, or a Session
    if session.get_bind().dialect.name != "sqlite":
        open_transaction(session)  # PostgreSQL: the autocommit connection begins a transaction here
        return False
    if not session.in_transaction():
        return False
    session.rollback()
    return True


@contextmanager
def writing() -> Iterator[None]:
    """Run a block whose transactions write (CLI commands, background jobs)."""
    token = _write_intent.set(True)
    try:
        yield
    finally:
        _write_intent.reset(token)


def is_lock_error(error: BaseException) -> bool:
    """True for SQLite's "database is locked" and PostgreSQL serialization/lock timeouts."""
    text = str(getattr(error, "orig", error)).lower()
    return "database is locked" in text or "could not serialize" in text or "lock timeout" in text


# SQLSTATE classes after which the same request can succeed a moment later: connection exception (08),
# transaction rollback such as a serialization failure or deadlock (40), insufficient resources such as
# too many connections (53), operator intervention: connection terminated, server shutting down or
# starting up (57P).
_TRANSIENT_SQLSTATES = ("08", "40", "53", "57P")


def is_unavailable(error: BaseException) -> bool:
    """True when the database was unreachable or dropped the connection: worth retrying, not a bug.

    Covers a connection cut mid-request (SQLAlchemy marks it invalidated), a server restarting or
    refusing connections, and a database closed to connections; SQLite's lock errors count too.
    """
    if is_lock_error(error) or getattr(error, "connection_invalidated", False):
        return True
    original = getattr(error, "orig", error)
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate:
        return sqlstate.startswith(_TRANSIENT_SQLSTATES)
    # psycopg raises its connection failures (refused, "not currently accepting connections") without a SQLSTATE.
    return type(original).__module__.startswith("psycopg") and "connection" in str(original).lower()
