"""One commit point per request: views write through services and never commit themselves.

``QuizFlask.dispatch_request`` calls ``finish_request`` with the view's response:

- a request that may write (any method but GET/HEAD/OPTIONS, or a GET view marked ``@writes_on_get``) and
  wrote (flushed objects, or ran an INSERT/UPDATE/DELETE through the session) is committed when its response
  is not an error (below 400), and rolled back when it is; one that wrote nothing is left as it is;
- any other request is a read: whatever it changed is rolled back, and the fault is logged (raised under
  ``TESTING``, so a test finds a GET view that writes without saying so).

A view raising an exception commits nothing: the error handlers (``quizapp.errors``) roll back. A commit that
fails (a lock, a dropped connection) raises inside the dispatch, so those handlers answer it too (503).

``@writes_on_get`` also makes SQLite begin the request's transactions for writing (``quizapp.database``), as
POST requests do: a read transaction cannot become a write once another writer has committed.

Two helpers cover what views still need: ``undo_on(...)`` rolls back a domain error's half-done work and
flashes its message (a redirect after a refused action is not an error status, so the commit point alone
would keep that work); ``commit_now()`` commits early where the request must see its writes committed before
it goes on (a job handed to the worker, a conflict answered with 409 after the attempt was closed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import Flask, current_app, flash, request
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from werkzeug.wrappers import Response

from quizapp.database import open_transaction
from quizapp.exceptions import DomainError
from quizapp.extensions import db

F = TypeVar("F", bound=Callable[..., object])

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITES_ON_GET = "writes_on_get"
_WROTE = "quizapp_wrote"  # session.info key: the current transaction sent changes to the database


class UndeclaredWrite(RuntimeError):
    """A GET view changed the database without ``@writes_on_get``; its changes were rolled back."""


def writes_on_get(view: F) -> F:
    """Declare that a GET view may write (closing an overdue attempt, bringing practice cards up to date)."""
    setattr(view, WRITES_ON_GET, True)
    return view


def request_may_write() -> bool:
    """True when the current request may change the database: by its method, or by its view's declaration."""
    if request.method not in READ_METHODS:
        return True
    view = current_app.view_functions.get(request.endpoint or "")
    return bool(getattr(view, WRITES_ON_GET, False))


def _changed(session: Session) -> bool:
    return bool(
        session.info.get(_WROTE)
        or session.new
        or session.deleted
        or any(session.is_modified(instance) for instance in session.dirty)
    )


def commit_now() -> None:
    """Commit what the request wrote so far; refused (rolled back) in a request that may not write."""
    if not request_may_write():
        _refuse_undeclared()
    db.session.commit()


def finish_request(response: Response) -> Response:
    """The commit point: commit a writing request's success, roll back everything else."""
    session = db.session()
    if not _changed(session):
        return response  # a read: its transaction ends with the request (Flask-SQLAlchemy removes the session)
    if not request_may_write():
        _refuse_undeclared()
    elif response.status_code >= 400:
        session.rollback()
    else:
        session.commit()
    return response


def _refuse_undeclared() -> None:
    db.session.rollback()
    message = f"{request.method} {request.endpoint} changed the database without @writes_on_get; rolled back"
    current_app.logger.error(message)
    if current_app.testing:
        raise UndeclaredWrite(message)


@dataclass
class Step:
    """What ``undo_on`` saw: the domain error that undid the block, if one did."""

    error: Exception | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def status_code(self) -> int:
        """The status to answer with: the domain error's own (400 for an unreadable file)."""
        return int(getattr(self.error, "status_code", 400))


@contextmanager
def undo_on(
    *errors: type[Exception], category: str | None = "danger", passing: tuple[type[Exception], ...] = ()
) -> Iterator[Step]:
    """Run a block of service calls; on one of ``errors`` (DomainError when none are named) roll its work back,
    flash the message under ``category`` (none when None) and carry on after the block with ``step.failed``.

    Errors of ``passing`` go on to the error handlers (another user's object must stay a plain 404).
    """
    step = Step()
    caught: tuple[type[Exception], ...] = errors or (DomainError,)
    try:
        yield step
    except passing:
        raise
    except caught as error:
        db.session.rollback()
        step.error = error
        if category is not None:
            flash(str(error), category)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    open_transaction(session)  # a GET reading in autocommit writes inside a transaction


def _mark_flushed(session: Session, _context: Any) -> None:
    session.info[_WROTE] = True


def _mark_statement(state: ORMExecuteState) -> None:
    if not state.is_select:  # an INSERT, UPDATE or DELETE statement (or text, counted as a write to be safe)
        open_transaction(state.session)
        state.session.info[_WROTE] = True
    elif getattr(state.statement, "_for_update_arg", None) is not None:
        open_transaction(state.session)  # a row lock in autocommit would end with its own statement


def _forget_writes(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # the outermost transaction ended: committed or rolled back
        session.info.pop(_WROTE, None)


_listening = False


def init_transactions(app: Flask) -> None:
    """Track flushes and write statements so that the commit point sees writes already sent to the database.

    Statements run on ``session.connection()`` directly are not seen: use it for reading only.
    """
    global _listening
    if not _listening:
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _mark_flushed)
        event.listen(Session, "do_orm_execute", _mark_statement)
        event.listen(Session, "after_transaction_end", _forget_writes)
        _listening = True
