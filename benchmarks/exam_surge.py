"""A whole class presses Start at once: gunicorn + PostgreSQL or SQLite on 127.0.0.1, bounded in time.

    .venv/bin/python benchmarks/exam_surge.py [--database postgresql|sqlite] [--students 300]
        [--workers 2xcores+1] [--answers 20] [--think 2] [--worker-class sync|gthread --threads N]
    .venv/bin/python benchmarks/exam_surge.py --synchronized [--students 1000] [--database sqlite]

1. Builds a fresh database (a PostgreSQL database, or a SQLite file), a 20-question exam and N students.
2. Serves the app with gunicorn (sync workers by default) on a free local port.
3. Logs every student in, before anything is measured (a class is signed in before the teacher says "start").
4. Surge: the students start the exam within ``--window`` s, autosave every answer (a student takes
   ``--think`` seconds per answer on average, 2 s by default, far quicker than anyone reads a question;
   0 makes it a stress test in which latency only measures the queue) and submit;
   latency per step (p50/p95/p99), requests/s, errors, and answers lost (what each student was told
   was saved, against what the database graded). Then where the cores went (client, gunicorn, the
   database's server processes, from /proc), during the arrival (the window and 2 s more) and the whole surge.
   ``--synchronized`` instead: every student presses Start within one second (a barrier), then every one
   opens the first question the same way; how long until the last one has it, and the server's CPU per
   student for each step (gunicorn and PostgreSQL, from /proc).
5. Throughput, each for a few seconds with the same client: /healthz (the ceiling), a signed-in route that
   does nothing but check the login (the ceiling of every signed-in page), the question page and autosave
   (spread over the attempts of many students, not one attempt's locked row), so their ratios to /healthz can
   be read off. wrk is used when installed (apt-get install wrk), waiting before each run until the
   connections of the last one have left TIME_WAIT (else /healthz runs the machine out of ephemeral ports),
   else a Python client (which then is the bottleneck and flatters the ratios; it says so).

Only 127.0.0.1 is ever contacted; every loop is bounded in count and time; the database and the
server are removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from sqlalchemy import create_engine, select, text

from quizapp import create_app
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.auth import services as accounts
from quizapp.auth.roles import Role
from quizapp.bank.models import Question, QuestionVersion
from quizapp.extensions import db
from quizapp.quizzes.models import Quiz, QuizQuestion
from quizapp.sources.models import SourceDocument, content_hash

ROOT = Path(__file__).resolve().parents[1]

PG_ADMIN = os.environ.get("QUIZAPP_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PASSWORD = "surge password 123"  # noqa: S105 - throwaway accounts in a throwaway database
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
HARD_LIMIT_S = 600


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def make_database(kind: str = "postgresql") -> str:
    if kind == "sqlite":
        return f"sqlite:///{tempfile.mkdtemp(prefix='quizapp-bench-')}/surge.sqlite"
    name = f"quizapp_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def drop_database(url: str) -> None:
    if url.startswith("sqlite:///"):
        shutil.rmtree(Path(url.removeprefix("sqlite:///")).parent, ignore_errors=True)
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def build_content(url: str, students: int, answers: int) -> int:
    """The exam (``answers`` true/false and multiple-choice questions) and the students; returns the quiz id."""
    from flask_migrate import upgrade

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "PASSWORD_HASH_METHOD": "argon2id"})
    with app.app_context():
        upgrade()
        teacher = accounts.create_user(db.session, username="bench_teacher", password=PASSWORD, role=Role.TEACHER)
        text_ = " ".join(f"Fact number {i} happened in {1800 + i}." for i in range(answers))
        document = SourceDocument(
            owner_id=teacher.id,
            title="Bench",
            original_filename="bench.txt",
            format="txt",
            cleaned_text=text_,
            blocks=[],
            stripped=[],
            content_hash=content_hash(text_),
        )
        db.session.add(document)
        quiz = Quiz(
            owner_id=teacher.id,
            title="Surge exam",
            mode="exam",
            visibility="public",
            is_published=True,
            time_limit_minutes=60,
            shuffle_questions=False,
        )
        db.session.add(quiz)
        db.session.flush()
        for i in range(answers):
            question = Question(owner_id=teacher.id, document_id=document.id, status="approved", origin="authored")
            if i % 2:
                version = QuestionVersion(
                    version=1,
                    type="true_false",
                    prompt=f"Fact {i} happened in {1800 + i}.",
                    options=[],
                    answer=True,
                    explanation="",
                )
            else:
                options = [str(1800 + i + d) for d in (0, 1, 2, 3)]
                version = QuestionVersion(
                    version=1,
                    type="multiple_choice",
                    prompt=f"When did fact {i} happen?",
                    options=options,
                    answer=options[0],
                    explanation="",
                )
            question.versions.append(version)
            db.session.add(question)
            db.session.flush()
            quiz.questions.append(QuizQuestion(question_id=question.id, position=i))
        for n in range(students):
            accounts.create_user(db.session, username=f"s{n:04d}", password=PASSWORD, role=Role.STUDENT)
        db.session.commit()
        quiz_id = quiz.id
        db.engine.dispose()
    return quiz_id


class Recorder:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()

    def call(self, step: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            response = fn(*args, timeout=30, **kwargs)
        except requests.RequestException:
            with self.lock:
                self.errors[step] += 1
            return None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latency[step].append(elapsed)
            if response.status_code >= 400:
                self.errors[step] += 1
        return response


def log_in(base: str, n: int, rec: Recorder) -> requests.Session | None:
    """Student n, signed in (before the surge: not measured as part of it)."""
    s = requests.Session()
    page = rec.call("login page", s.get, f"{base}/login")
    if page is None:
        return None
    token = TOKEN.search(page.text).group(1)
    form = {"username": f"s{n:04d}", "password": PASSWORD, "csrf_token": token}
    done = rec.call("log in", s.post, f"{base}/login", data=form, allow_redirects=False)
    return s if done is not None and done.status_code == 302 else None


def press_start(base: str, quiz_id: int, s: requests.Session, rec: Recorder) -> int | None:
    """The quiz page, then Start: the new attempt's id (the redirect is not followed)."""
    quiz_page = rec.call("quiz start page", s.get, f"{base}/quizzes/{quiz_id}")
    if quiz_page is None:
        return None
    token = TOKEN.search(quiz_page.text).group(1)
    started = rec.call(
        "start", s.post, f"{base}/quizzes/{quiz_id}/start", data={"csrf_token": token}, allow_redirects=False
    )
    if started is None or "Location" not in started.headers:
        return None
    return int(re.search(r"/attempts/(\d+)", started.headers["Location"]).group(1))


def student_path(
    base: str,
    quiz_id: int,
    s: requests.Session,
    n: int,
    delay: float,
    answers: int,
    think: float,
    rec: Recorder,
    sent: dict,
) -> None:
    time.sleep(delay)
    attempt_id = press_start(base, quiz_id, s, rec)
    if attempt_id is None:
        return
    question = rec.call("question page", s.get, f"{base}/attempts/{attempt_id}/q/0")
    if question is None:
        return
    token = TOKEN.search(question.text).group(1)
    headers = {"X-CSRFToken": token, "Accept": "application/json"}
    rng = random.Random(n)
    for position in range(answers):
        if think:
            time.sleep(think * rng.uniform(0.5, 1.5))  # reading the question and choosing
        # The exam keeps its order: even positions are multiple choice, odd ones true/false.
        fields = {"choice": rng.choice(["true", "false"])} if position % 2 else {"choice": str(rng.randrange(4))}
        response = rec.call(
            "autosave",
            s.post,
            f"{base}/attempts/{attempt_id}/autosave",
            json={"position": position, "fields": fields},
            headers=headers,
        )
        if response is not None and response.status_code == 200 and response.json().get("ok"):
            sent[(attempt_id, position)] = fields
        if position % 5 == 4:
            rec.call("question page", s.get, f"{base}/attempts/{attempt_id}/q/{position}")
    rec.call(
        "submit", s.post, f"{base}/attempts/{attempt_id}/submit", data={"csrf_token": token}, allow_redirects=False
    )


def synchronized_start(base: str, quiz_id: int, sessions: list[requests.Session], server_pid: int) -> None:
    """Every signed-in student presses Start within one second, then every one opens the first question the
    same way; each step's wall time to the last student, and the server's CPU per student for it."""
    rec = Recorder()
    pages: list[str | None] = [None] * len(sessions)
    pool_size = len(sessions)
    with ThreadPoolExecutor(max_workers=32) as pool:  # the quiz page each student has open: its form's token
        quiz_pages = list(pool.map(lambda s: s.get(f"{base}/quizzes/{quiz_id}", timeout=60).text, sessions))
    tokens = [TOKEN.search(page).group(1) for page in quiz_pages]  # type: ignore[union-attr]

    def wave(act) -> tuple[float, dict[str, float]]:  # type: ignore[no-untyped-def]
        gate = threading.Barrier(pool_size + 1)

        def one(i: int) -> None:
            gate.wait()
            act(i)

        with ThreadPoolExecutor(max_workers=pool_size) as pool:
            futures = [pool.submit(one, i) for i in range(pool_size)]
            time.sleep(0.5)  # every thread parked at the gate
            before = machine_cpu(server_pid)
            began = time.perf_counter()
            gate.wait()
            for future in futures:
                future.result()
        return time.perf_counter() - began, {k: v - before[k] for k, v in machine_cpu(server_pid).items()}

    def start(i: int) -> None:
        s = sessions[i]
        started = rec.call(
            "start", s.post, f"{base}/quizzes/{quiz_id}/start", data={"csrf_token": tokens[i]}, allow_redirects=False
        )
        if started is not None and "Location" in started.headers:
            pages[i] = started.headers["Location"]

    def first_question(i: int) -> None:
        if pages[i]:
            rec.call("first question", sessions[i].get, base + pages[i] if pages[i].startswith("/") else pages[i])

    def healthz(i: int) -> None:
        rec.call("/healthz", sessions[i].get, f"{base}/healthz")

    # The same crowd asks for /healthz first: what a bare request costs on this server under this load, so that
    # the steps can be read as ratios that a busy machine (the client shares its cores) does not inflate.
    bare = ("/healthz", *wave(healthz))
    steps = [("start", *wave(start)), ("first question", *wave(first_question))]
    n = len(sessions)

    def cpu_ms(used: dict[str, float]) -> float:
        return (used["gunicorn"] + used["database"]) * 1000 / n

    print(f"\nsynchronized start: {n} signed-in students press Start within 1 s, then open the first question")
    print(
        f"{'step':<16}{'wall s':>8}{'p50 ms':>8}{'p99 ms':>8}{'errors':>8}{'server CPU ms/student':>24}"
        f"{'x /healthz':>12}"
    )
    for step, seconds, used in (bare, *steps):
        values = rec.latency.get(step, [])
        app_db = f"{cpu_ms(used):.1f} (app {used['gunicorn'] * 1000 / n:.1f}, db {used['database'] * 1000 / n:.1f})"
        print(
            f"{step:<16}{seconds:>8.1f}{percentile(values, 0.5) * 1000:>8.0f}{percentile(values, 0.99) * 1000:>8.0f}"
            f"{rec.errors.get(step, 0):>8}{app_db:>24}{cpu_ms(used) / cpu_ms(bare[2]):>12.1f}"
        )
    total = sum(seconds for _, seconds, _ in steps)
    per_student = sum(cpu_ms(u) for _, _, u in steps)
    print(
        f"every student had the first question after {total:.1f} s; {per_student:.1f} ms of server CPU per student,"
        f" {per_student / cpu_ms(bare[2]):.1f} x /healthz"
    )


def count_lost(url: str, sent: dict) -> tuple[int, int]:
    """Answers the students were told were saved that the graded attempts do not hold."""
    from quizapp.attempts.loading import shown_of
    from quizapp.attempts.responses import read_response

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    lost = ungraded = 0
    with app.app_context():
        rows = {(a.attempt_id, a.position): a for a in db.session.scalars(select(AttemptAnswer))}
        for key, fields in sent.items():
            answer = rows.get(key)
            if answer is None or answer.response != read_response(shown_of(answer), fields):
                lost += 1
            elif answer.graded_at is None:
                ungraded += 1
        ungraded += db.session.scalar(
            select(text("count(*)")).select_from(Attempt).where(Attempt.status == "in_progress")
        )
        db.engine.dispose()
    return lost, ungraded


def python_throughput(
    url: str, seconds: float, threads: int, session: requests.Session | None = None, method: str = "GET", **kwargs
) -> float:
    done = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def loop() -> None:
        nonlocal done
        s = session or requests.Session()
        while time.perf_counter() < stop:
            s.request(method, url, timeout=10, **kwargs)
            with lock:
                done += 1

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return done / seconds


def _proc_cpu(pid: int, with_children: bool = False) -> float:
    """User + system CPU seconds of a process (and of its children it has reaped), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0  # it ended in between
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if with_children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_cpu(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by this process (the client), the gunicorn workers, and the PostgreSQL backends
    serving the benchmark's own database (other helpers' databases on a shared machine are left out; a backend
    that ended in between takes its seconds with it, but the workers keep theirs open): where the cores went."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    return {
        "client": time.process_time(),
        "gunicorn": sum(_proc_cpu(int(pid)) for pid in children),
        # SQLite works inside the gunicorn workers.
        "database": sum(_proc_cpu(pid) for pid in _backends_of(POSTGRES_DATABASE)) if POSTGRES_DATABASE else 0.0,
    }


_ADMIN_ENGINE: list = []


def _backends_of(name: str) -> list[int]:
    if not _ADMIN_ENGINE:
        _ADMIN_ENGINE.append(create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", pool_size=1))
    with _ADMIN_ENGINE[0].connect() as c:
        rows = c.execute(
            text("SELECT pid FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name}
        )
        return [pid for (pid,) in rows]


SAVERS = 16
POSTGRES_DATABASE: str | None = None  # main() names the run's database on PostgreSQL


def autosave_script(savers: list[tuple[requests.Session, int, str, str]], body: str) -> str:
    """A wrk script that sends each autosave to the next student's attempt, with that student's login."""
    rows = ",\n".join(
        f'  {{path = "/attempts/{attempt_id}/autosave", cookie = {json.dumps(cookie)}, token = {json.dumps(token)}}}'
        for _, attempt_id, token, cookie in savers
    )
    return (
        f"local savers = {{\n{rows}\n}}\nlocal body = {json.dumps(body)}\nlocal turn = 0\n"
        "request = function()\n"
        "  turn = turn % #savers + 1\n"
        "  local s = savers[turn]\n"
        '  return wrk.format("POST", s.path, {["Cookie"] = s.cookie, ["X-CSRFToken"] = s.token,\n'
        '    ["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)\n'
        "end\n"
    )


def python_autosave_throughput(
    base: str, savers: list[tuple[requests.Session, int, str, str]], body: str, seconds: float
) -> float:
    done = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def loop(saver: tuple[requests.Session, int, str, str]) -> None:
        nonlocal done
        session, attempt_id, token, _ = saver
        headers = {"Content-Type": "application/json", "X-CSRFToken": token, "Accept": "application/json"}
        while time.perf_counter() < stop:
            session.post(f"{base}/attempts/{attempt_id}/autosave", data=body, headers=headers, timeout=10)
            with lock:
                done += 1

    threads = [threading.Thread(target=loop, args=(saver,)) for saver in savers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done / seconds


def sockets_in_time_wait() -> int:
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        count += sum(1 for row in rows if row.split()[3] == "06")  # TCP_TIME_WAIT
    return count


def drain_time_wait(limit: int = 2000, wait_s: float = 90) -> None:
    """Wait until the last run's connections have left TIME_WAIT: a /healthz run at thousands of requests a
    second left 28,000 behind, and the next run then failed for want of ephemeral ports."""
    stop = time.monotonic() + wait_s
    while sockets_in_time_wait() > limit and time.monotonic() < stop:
        time.sleep(1)


def stop_server(server: subprocess.Popen | None) -> None:
    """Stop the gunicorn the benchmark started, by force when it does not stop within 10 s."""
    if server is None:
        return
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def wrk_throughput(url: str, seconds: int, headers: dict[str, str], script: str | None = None) -> float:
    drain_time_wait()
    args = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    if script:
        args += ["-s", script]
    out = subprocess.run([*args, url], capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument(
        "--synchronized",
        action="store_true",
        help="every student presses Start within one second (then opens the first question); no surge",
    )
    parser.add_argument("--students", type=int, default=300)
    # gunicorn's advice; a worker waiting on the database leaves its core to another.
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"), help="gunicorn worker class")
    parser.add_argument("--threads", type=int, default=1, help="threads per gthread worker")
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--window", type=float, default=10.0, help="seconds over which the students press Start")
    parser.add_argument(
        "--think",
        type=float,
        default=2.0,
        help="mean seconds a student takes per answer (0: every request straight after the last, a stress test)",
    )
    parser.add_argument(
        "--client-threads",
        type=int,
        default=0,
        help="client threads (default: one per student, so that every student starts within the window)",
    )
    args = parser.parse_args()
    deadline = time.monotonic() + HARD_LIMIT_S

    global POSTGRES_DATABASE
    url = make_database(args.database)
    POSTGRES_DATABASE = url.rsplit("/", 1)[1] if args.database == "postgresql" else None
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    try:
        print(f"setting up {args.students} students and a {args.answers}-question exam ...", flush=True)
        quiz_id = build_content(url, args.students, args.answers)
        env = dict(
            os.environ,
            DATABASE_URL=url,
            FLASK_SECRET_KEY="bench-secret-" + uuid.uuid4().hex,
            QUIZAPP_ENV="production",
            # Every simulated student comes from 127.0.0.1: the per-address login limit is a whole school's here.
            FLASK_RATELIMIT_LOGIN='["100000/minute", "10/minute"]',
            # The throughput phase saves as fast as it can from one account; the limit would turn it into 429s.
            FLASK_RATELIMIT_AUTOSAVE='["10000000/minute", "10000000/minute"]',
        )
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        server = subprocess.Popen(
            [
                gunicorn,
                "-w",
                str(args.workers),
                "-k",
                args.worker_class,
                "--threads",
                str(args.threads),
                "-b",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "--timeout",
                "60",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
        )
        for _ in range(100):
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)

        # The class signs in first, outside every measured window.
        rec = Recorder()
        with ThreadPoolExecutor(max_workers=32) as pool:
            signed_in = list(pool.map(lambda n: log_in(base, n, rec), range(args.students)))
        sessions = [s for s in signed_in if s is not None]
        if len(sessions) < args.students:
            raise SystemExit(f"only {len(sessions)} of {args.students} students could log in")
        if args.synchronized:
            synchronized_start(base, quiz_id, sessions, server.pid)
            return

        rec = Recorder()
        sent: dict = {}
        cpu_before = machine_cpu(server.pid)
        began = time.perf_counter()
        # The arrival: while the class starts (the window and 2 s more), is the machine saturated?
        arrival_s = args.window + 2
        arrival: dict[str, float] = {}
        sampler = threading.Timer(arrival_s, lambda: arrival.update(machine_cpu(server.pid)))
        sampler.start()
        # With fewer threads than students, student 65 could only start when one of the first 64 had finished:
        # the arrivals would no longer be "within the window" and latency would measure the client's queue.
        with ThreadPoolExecutor(max_workers=args.client_threads or args.students) as pool:
            for n, session in enumerate(sessions):
                delay = args.window * n / args.students
                pool.submit(student_path, base, quiz_id, session, n, delay, args.answers, args.think, rec, sent)
        surge_seconds = time.perf_counter() - began
        cpu_after = machine_cpu(server.pid)
        if time.monotonic() > deadline:
            raise SystemExit("stopped: the surge took longer than the hard limit")
        lost, ungraded = count_lost(url, sent)
        total_requests = sum(len(v) for v in rec.latency.values())

        threads = f" of {args.threads} threads" if args.worker_class == "gthread" else ""
        print(
            f"\nsurge: {args.students} students starting within {args.window:g} s, {args.think:g} s per answer, "
            f"{args.workers} gunicorn {args.worker_class} workers{threads}, {args.database}, {surge_seconds:.1f} s"
        )
        print(f"{'step':<16}{'requests':>9}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}")
        for step in ("quiz start page", "start", "question page", "autosave", "submit"):
            values = rec.latency.get(step, [])
            print(
                f"{step:<16}{len(values):>9}{len(values) / surge_seconds:>8.1f}"
                f"{percentile(values, 0.5) * 1000:>8.0f}{percentile(values, 0.95) * 1000:>8.0f}"
                f"{percentile(values, 0.99) * 1000:>8.0f}{rec.errors.get(step, 0):>8}"
            )
        print(
            f"all steps: {total_requests} requests, {total_requests / surge_seconds:.0f} req/s, "
            f"{sum(rec.errors.values())} errors; answers saved {len(sent)}, lost {lost}, left ungraded {ungraded}"
        )

        sampler.cancel()
        cores = os.cpu_count() or 1
        spans = [("the surge", cpu_after, surge_seconds)]
        if arrival:
            spans.insert(0, (f"the first {arrival_s:g} s", arrival, arrival_s))
        for label, sample, seconds in spans:
            used = {name: sample[name] - cpu_before[name] for name in cpu_before}
            print(
                f"CPU during {label}: {', '.join(f'{name} {cpu:.1f} s' for name, cpu in used.items())}; "
                f"{sum(used.values()):.1f} of the {cores * seconds:.0f} CPU-seconds {cores} cores had "
                f"({sum(used.values()) / (cores * seconds):.0%})"
            )

        # Throughput against the ceiling, measured in this same run. Autosave goes to the attempts of
        # SAVERS students in turn: on one attempt every save would wait for the one before on its locked row.
        savers = []
        for session in sessions[:SAVERS]:
            attempt_id = press_start(base, quiz_id, session, Recorder())
            if attempt_id is None:
                raise SystemExit("could not start the throughput attempts")
            token = TOKEN.search(session.get(f"{base}/attempts/{attempt_id}/q/0").text).group(1)
            cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())
            savers.append((session, attempt_id, token, cookie))
        s, attempt_id, token, cookie = savers[0]
        page_url = f"{base}/attempts/{attempt_id}/q/0"
        body = json.dumps({"position": 0, "fields": {"choice": "1"}})
        if shutil.which("wrk"):
            client = "wrk (2 threads, 16 connections, 5 s each)"
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
                lua.write(autosave_script(savers, body))
            headers = {"Cookie": cookie}
            healthz = wrk_throughput(f"{base}/healthz", 5, {})
            signed_in = wrk_throughput(f"{base}/csrf-token", 5, headers)
            page = wrk_throughput(page_url, 5, headers)
            save = wrk_throughput(f"{base}/attempts/{attempt_id}/autosave", 5, {}, lua.name)
            os.unlink(lua.name)
        else:
            client = "Python threads (wrk not installed: the client limits these figures)"
            healthz = python_throughput(f"{base}/healthz", 5, 16)
            signed_in = python_throughput(f"{base}/csrf-token", 5, 16, session=s)
            page = python_throughput(page_url, 5, 16, session=s)
            save = python_autosave_throughput(base, savers, body, 5)
        print(f"\nthroughput, {client}:")
        print(f"  /healthz        {healthz:8.0f} req/s (ceiling)")
        print(f"  signed in       {signed_in:8.0f} req/s = {signed_in / healthz:.2f} x healthz (login check only)")
        print(f"  question page   {page:8.0f} req/s = {page / healthz:.2f} x healthz (aim >= 0.30)")
        print(f"  autosave        {save:8.0f} req/s = {save / healthz:.2f} x healthz (aim >= 0.20)")
        # Other work on the machine takes cores from the server and the client alike: say how much there was.
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    finally:
        stop_server(server)
        drop_database(url)


if __name__ == "__main__":
    main()
