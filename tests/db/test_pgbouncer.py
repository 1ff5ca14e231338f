"""PostgreSQL behind PgBouncer in transaction mode: FLASK_PGBOUNCER_TRANSACTION_MODE keeps psycopg from preparing.

A real PgBouncer (Debian's, installed by scripts/test.sh) pools two clients on one server connection, so each
transaction may land on a connection another client prepared statements on. psycopg 3 prepares a query after its
fifth run; without the setting the second client's prepared statement collides with the first's.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from quizapp import create_app
from tests.support import PG_ADMIN_URL, require_postgresql

PGBOUNCER = "/usr/sbin/pgbouncer"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def pgbouncer_url() -> Iterator[str]:
    require_postgresql()
    if not os.path.exists(PGBOUNCER):
        pytest.fail("PgBouncer is missing: scripts/test.sh installs Debian's pgbouncer")
    admin = make_url(PG_ADMIN_URL)
    port = _free_port()
    # PgBouncer refuses to run as root and runs as postgres, which cannot enter pytest's private tmp folders.
    folder = Path(tempfile.mkdtemp(prefix="quizapp-pgbouncer-"))
    folder.chmod(0o755)
    (folder / "users.txt").write_text(f'"{admin.username}" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"quizapp = host={admin.host} port={admin.port or 5432} dbname={admin.database} user={admin.username}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'users.txt'}\n"
        "pool_mode = transaction\ndefault_pool_size = 1\nmax_client_conn = 20\n"
        f"logfile = {folder / 'pgbouncer.log'}\n"
    )
    if os.geteuid() == 0:
        for path in (folder, *folder.iterdir()):
            shutil.chown(path, "postgres")
    command = [PGBOUNCER, *(["-u", "postgres"] if os.geteuid() == 0 else []), str(folder / "pgbouncer.ini")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        else:
            pytest.fail(f"PgBouncer did not start: {process.stdout.read() if process.stdout else ''}")
        yield f"postgresql+psycopg://{admin.username}@127.0.0.1:{port}/quizapp"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def _two_clients_take_turns(engine_options: dict[str, object], url: str) -> None:
    engine = create_engine(url, pool_size=2, **engine_options)  # type: ignore[arg-type]
    try:
        first, second = engine.connect(), engine.connect()
        for turn in range(8):
            for connection in (first, second):
                with connection.begin():
                    assert connection.execute(text("SELECT :n + 1"), {"n": turn}).scalar_one() == turn + 1
        first.close()
        second.close()
    finally:
        engine.dispose()


def test_without_the_setting_prepared_statements_collide_behind_pgbouncer(pgbouncer_url: str) -> None:
    with pytest.raises(DBAPIError, match="prepared statement"):
        _two_clients_take_turns({}, pgbouncer_url)


def test_the_setting_turns_preparing_off_and_two_clients_share_one_server_connection(pgbouncer_url: str) -> None:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": pgbouncer_url, "PGBOUNCER_TRANSACTION_MODE": True})
    options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["connect_args"] == {"prepare_threshold": None}
    _two_clients_take_turns(options, pgbouncer_url)
