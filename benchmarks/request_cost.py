"""What one request costs, route by route: CPU ms in the app and in PostgreSQL, and SQL statements.

    .venv/bin/python benchmarks/request_cost.py [--requests 400] [--questions 20] [--database postgresql|sqlite]
        [--sql] [--profile ROUTE]

Wall-clock load tests are noisy on a shared two-core machine, CPU time less so (other work still slows
the caches and the shared cores: up to 2x here), counts not at all. This drives the app in
process through Flask's test client (production settings, rate limits on but lifted as in the surge) on a
fresh PostgreSQL database (or SQLite file) holding the surge benchmark's exam, and for each route prints per request:

- app CPU ms: ``time.process_time`` of this process, in the least disturbed of 5 batches (the test
  client's own cost is in it: read /healthz as that floor);
- PG CPU ms: user + system time of the database's server processes, from /proc (clock ticks, so only
  meaningful over many requests); on SQLite the database works inside this process, so it is in app CPU;
- queries: statements sent, counted with SQLAlchemy's ``before_cursor_execute`` event;
- Python calls: function calls counted by cProfile, exact whatever the load, so the best figure to compare
  two versions of the code on a busy machine.

``--sql`` also prints the statements of one request of each route, ``--profile ROUTE`` a sampling profile
(pyinstrument) of one route. The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exam_surge import PASSWORD, TOKEN, build_content, drop_database, make_database
from sqlalchemy import create_engine, event, text

from quizapp import create_app
from quizapp.extensions import db

ROOT = Path(__file__).resolve().parents[1]

TICK_S = 1 / os.sysconf("SC_CLK_TCK")
BATCHES = 5
CALL_SAMPLE = 20
LIFTED = ["10000000/minute", "10000000/minute"]  # a list, as production's settings are: parsed and counted


class Statements:
    """Counts (and optionally keeps) the SQL statements an engine sends."""

    def __init__(self) -> None:
        self.count = 0
        self.keep: list[str] | None = None

    def __call__(self, _conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        self.count += 1
        if self.keep is not None:
            self.keep.append(" ".join(statement.split())[:160])


class NoServer:
    """SQLite has no server processes: its work is in this process's CPU time."""

    def sample(self) -> dict[int, float]:
        return {}

    @staticmethod
    def used(_before: dict[int, float], _after: dict[int, float]) -> float:
        return 0.0

    def dispose(self) -> None:
        pass


class ServerCpu:
    """CPU seconds used so far by the server processes of one database (not this monitor's own)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)
        self.name = url.rsplit("/", 1)[1]
        self.own = None

    def _pids(self) -> list[int]:
        with self.engine.connect() as c:
            if self.own is None:
                self.own = c.scalar(text("SELECT pg_backend_pid()"))
            rows = c.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = :name"), {"name": self.name})
            return [pid for (pid,) in rows if pid != self.own]

    def sample(self) -> dict[int, float]:
        seconds = {}
        for pid in self._pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the backend ended in between
            seconds[pid] = (int(fields[11]) + int(fields[12])) * TICK_S
        return seconds

    @staticmethod
    def used(before: dict[int, float], after: dict[int, float]) -> float:
        return sum(value - before.get(pid, 0.0) for pid, value in after.items())

    def dispose(self) -> None:
        self.engine.dispose()


@dataclass
class Row:
    route: str
    app_ms: float
    pg_ms: float
    queries: float
    calls: float
    wall_ms: float


def measure(
    name: str,
    call: Callable[[int], object],
    n: int,
    statements: Statements,
    server: ServerCpu | NoServer,
    *,
    setup: Callable[[int], object] | None = None,
) -> Row:
    """The route's costs per request. ``setup(i)`` runs before each request, unmeasured.

    The requests run in BATCHES; app CPU and wall time are the least disturbed batch's (other work on the
    machine only ever adds), PG CPU is the mean over all (its clock ticks are too coarse for a minimum).
    """
    for i in range(min(20, n)):  # warm caches, pools and templates
        if setup:
            setup(i)
        call(i)
    per_batch = max(1, n // BATCHES)
    app_cpu, wall = [], []
    pg = 0.0
    queries = 0
    for batch in range(BATCHES):
        batch_cpu = batch_wall = 0.0
        for i in range(per_batch):
            if setup:
                setup(n + batch * per_batch + i)
            pg_before = server.sample()
            q0, c0, w0 = statements.count, time.process_time(), time.perf_counter()
            call(n + batch * per_batch + i)
            batch_cpu += time.process_time() - c0
            batch_wall += time.perf_counter() - w0
            queries += statements.count - q0
            # Ticks are counted where they fall, so the sum over many short windows is unbiased.
            pg += server.used(pg_before, server.sample())
        app_cpu.append(batch_cpu / per_batch)
        wall.append(batch_wall / per_batch)
    total = BATCHES * per_batch
    calls = 0
    for i in range(CALL_SAMPLE):
        if setup:
            setup(2 * n + i)
        profiler = cProfile.Profile()
        profiler.runcall(call, 2 * n + i)
        calls += pstats.Stats(profiler).total_calls  # type: ignore[attr-defined]
    return Row(name, 1000 * min(app_cpu), 1000 * pg / total, queries / total, calls / CALL_SAMPLE, 1000 * min(wall))


def profile(call: Callable[[int], None], n: int) -> None:
    """A sampling profile of ``n`` requests (pyinstrument: cProfile inflates templates about fivefold)."""
    try:
        from pyinstrument import Profiler
    except ImportError:  # pip install -e '.[dev]' brings it
        profiler = cProfile.Profile(time.process_time)  # CPU time: waiting on the database is not cost
        profiler.runcall(lambda: [call(i) for i in range(n)])
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
        return
    sampler = Profiler(interval=0.0002)
    with sampler:
        for i in range(n):
            call(i)
    print(sampler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total"))


def show_statements(routes: list[tuple[str, Callable[[int], None]]], statements: Statements) -> None:
    statements.keep = []
    for name, call in routes:
        statements.keep.clear()
        call(0)
        print(f"\n{name}:")
        for line in statements.keep:
            print(f"  {line}")
    statements.keep = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="measured requests per route")
    parser.add_argument("--questions", type=int, default=20, help="questions in the exam")
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--sql", action="store_true", help="print the statements of one request per route")
    parser.add_argument("--profile", metavar="ROUTE", help="sample-profile this route (a name below)")
    args = parser.parse_args()

    url = make_database(args.database)
    try:
        print(f"building a {args.questions}-question exam on a fresh {args.database} database ...", flush=True)
        quiz_id = build_content(url, 1, args.questions)
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SECRET_KEY": "cost-" + uuid.uuid4().hex,
                "PRODUCTION": True,
                "RATELIMIT_LOGIN": LIFTED,
                "RATELIMIT_AUTOSAVE": LIFTED,
            }
        )
        run(app, url, quiz_id, args)
    finally:
        drop_database(url)


def run(app, url: str, quiz_id: int, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    n, questions = args.requests, args.questions
    client = app.test_client()
    token = TOKEN.search(client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"username": "s0000", "password": PASSWORD, "csrf_token": token})
    token = TOKEN.search(client.get(f"/quizzes/{quiz_id}").get_data(as_text=True)).group(1)  # a new login, a new token
    started = client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": token})
    attempt_id = int(re.search(r"/attempts/(\d+)", started.headers["Location"]).group(1))
    json_headers = {"X-CSRFToken": token, "Accept": "application/json"}

    def ok(response) -> None:  # type: ignore[no-untyped-def]
        if response.status_code >= 400:
            raise SystemExit(f"{response.request.path}: {response.status_code} {response.get_data(as_text=True)[:300]}")

    def fields(i: int) -> dict[str, str]:
        # The exam alternates: even positions are multiple choice, odd ones true/false.
        return {"choice": ("true", "false")[i % 2]} if i % questions % 2 else {"choice": str(i % 4)}

    routes: list[tuple[str, Callable[[int], None]]] = [
        ("/healthz", lambda i: ok(client.get("/healthz"))),
        ("signed-in JSON", lambda i: ok(client.get("/csrf-token"))),  # the floor of any signed-in request
        ("dashboard", lambda i: ok(client.get("/"))),
        ("quiz start page", lambda i: ok(client.get(f"/quizzes/{quiz_id}"))),
        ("question page", lambda i: ok(client.get(f"/attempts/{attempt_id}/q/{i % questions}"))),
        (
            "autosave",
            lambda i: ok(
                client.post(
                    f"/attempts/{attempt_id}/autosave",
                    json={"position": i % questions, "fields": fields(i)},
                    headers=json_headers,
                )
            ),
        ),
    ]

    # Start and submit need a fresh attempt each time: one's setup is the other's call.
    fresh: list[int] = []

    def start(_i: int) -> None:
        response = client.post(f"/quizzes/{quiz_id}/start", data={"csrf_token": token})
        ok(response)
        fresh.append(int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1)))

    def submit(_i: int) -> None:
        ok(client.post(f"/attempts/{fresh.pop()}/submit", data={"csrf_token": token}))

    statements = Statements()
    server = NoServer() if url.startswith("sqlite") else ServerCpu(url)
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", statements)
    rows = [measure(name, call, n, statements, server) for name, call in routes]
    if args.sql:
        show_statements(routes, statements)
    if args.profile:
        # "start" is profiled with the submit that lets the next start make a fresh attempt: both show.
        profiled = dict(routes, start=lambda i: (start(i), submit(i)))
        if args.profile not in profiled:
            raise SystemExit(f"--profile: one of {', '.join(profiled)}")
        profile(profiled[args.profile], n)
    fresh.append(attempt_id)  # a start resumes the attempt in progress: each one follows a submit
    rows.append(measure("start", start, n // 4, statements, server, setup=lambda i: fresh and submit(i)))
    while fresh:
        submit(0)
    rows.append(measure("submit", submit, n // 4, statements, server, setup=start))
    server.dispose()

    print(
        f"\nper request, {n} requests each ({n // 4} for start and submit), {questions}-question exam, {args.database}"
    )
    print(
        f"{'route':<18}{'app CPU ms':>11}{'PG CPU ms':>11}{'queries':>9}{'Python calls':>14}"
        f"{'wall ms':>9}{'x healthz':>10}"
    )
    floor = rows[0].app_ms
    for row in rows:
        print(
            f"{row.route:<18}{row.app_ms:>11.2f}{row.pg_ms:>11.2f}{row.queries:>9.1f}{row.calls:>14,.0f}"
            f"{row.wall_ms:>9.2f}{floor / (row.app_ms + row.pg_ms):>10.2f}"
        )
    print(f"load average {os.getloadavg()[0]:.2f} (wall ms is noisy under load; CPU ms much less so)")
    print("x healthz: /healthz's CPU over the route's app + PG CPU, a CPU-bound estimate of the throughput ratio")


if __name__ == "__main__":
    main()
