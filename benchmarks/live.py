"""300 phones in one live session: polling cost, latency, and how fast "next" reaches the last phone.

    .venv/bin/python benchmarks/live.py [--phones 300] [--database postgresql|sqlite] [--workers 5]
        [--questions 3] [--seconds 10] [--idle 15]

1. Builds a fresh database (PostgreSQL, or a SQLite file) with a teacher and a quiz of ``--questions``
   multiple-choice questions; serves the app with gunicorn (sync workers) on a free local port.
2. The teacher logs in and starts a live session over HTTP; ``--phones`` guests join it over HTTP (join page,
   then the form with a nickname), each with its own cookies, as a phone would. None of this is measured.
3. Idle: every phone polls ``/live/<id>/state`` once a second (each at its own phase, with If-None-Match, as
   live.js does) for ``--idle`` seconds while nothing changes. The server's CPU in that window (gunicorn and
   PostgreSQL, from /proc) per poll and as a share of the machine's cores is the polling cost.
4. Questions: the teacher presses "next"; each phone, seeing the new version, shows the question the state
   carries (as live.js does; it fetches its panel only when the state carries none or it answered already; once
   the question closed it shows the result the state carries, and fetches its panel only if there is none),
   answers after a random 1 s to 80% of the countdown, and keeps polling; once the countdown is over (the
   server closes the question when the next poll comes), the teacher presses "next" again. For each "next":
   how long until the last phone had the new question on screen.
5. Throughput against the ceiling in this same run (wrk when installed, else Python threads): /healthz, the
   state endpoint answering 304, and answering 200; ratios to /healthz, and the server's CPU per request of
   each (so polling CPU per request is also given as a ratio to /healthz's).

Only 127.0.0.1 is ever contacted; every loop is bounded in count and time; the database and the server are
removed at the end. The client runs on the same cores as the server: on a two-core machine its threads take
a share of the CPU that the figures do not count as the server's.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import exam_surge
import requests
from exam_surge import (
    PASSWORD,
    TOKEN,
    build_content,
    drop_database,
    free_port,
    machine_cpu,
    make_database,
    percentile,
    python_throughput,
    stop_server,
    wrk_throughput,
)

ROOT = Path(__file__).resolve().parents[1]
HARD_LIMIT_S = 600
VERSION = re.compile(r'data-live-version="(\d+)"')
PAGE_TOKEN = re.compile(r'data-csrf="([^"]+)"')
CHOICE = re.compile(r'name="q\d+-choice"[^>]*value="([^"]+)"')


class Stats:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.status: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.errors: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()

    def record(self, step: str, seconds: float, status: int | None) -> None:
        with self.lock:
            if status is None:
                self.errors[step] += 1
                return
            self.latency[step].append(seconds)
            self.status[step][status] += 1
            if status >= 400 and not (step == "answer" and status == 409):
                self.errors[step] += 1


class Phone:
    """One guest's phone: polls once a second, fetches its panel on a new version, answers each question once."""

    def __init__(self, base: str, live_id: int, session: requests.Session, stats: Stats, rng: random.Random) -> None:
        self.base = base
        self.live_id = live_id
        self.session = session
        self.stats = stats
        self.rng = rng
        self.etag: str | None = None
        self.version: int | None = None
        self.shown: dict[int, float] = {}  # question index -> when its panel was on screen
        self.answer_at: float | None = None
        self.answer_index: int | None = None
        self.token: str | None = None
        self.choices: list[str] = []
        self.answered: set[int] = set()
        self.seconds = 10.0

    def _get(self, step: str, path: str, **kwargs: object) -> requests.Response | None:
        started = time.perf_counter()
        try:
            response = self.session.get(self.base + path, timeout=30, **kwargs)  # type: ignore[arg-type]
        except requests.RequestException:
            self.stats.record(step, 0, None)
            return None
        self.stats.record(step, time.perf_counter() - started, response.status_code)
        return response

    def poll(self) -> None:
        headers = {"Accept": "application/json"}
        if self.etag:
            headers["If-None-Match"] = self.etag
        response = self._get("poll", f"/live/{self.live_id}/state", headers=headers)
        if response is None or response.status_code != 200:
            return
        self.etag = response.headers.get("ETag")
        state = response.json()
        if state["version"] == self.version:
            return
        self.version = state["version"]
        index = state["index"]
        # As live.js does: an open question the phone has not answered comes in the state itself.
        if state["state"] == "question" and state.get("question") and index not in self.answered:
            self._show(index, state["question"], state["seconds_left"])
            return
        # As live.js does: once the question closed (or the session ended) the state carries this phone's result.
        if state["state"] in ("reveal", "ended") and state.get("result") is not None:
            self.stats.record("result", 0, 200)
            return
        panel = self._get("panel", f"/live/{self.live_id}/play/panel")
        if panel is None or panel.status_code != 200:
            return
        if state["state"] == "question" and "data-live-answer" in panel.text:
            match = TOKEN.search(panel.text)
            self.token = match.group(1) if match else self.token
            self._show(index, panel.text, state["seconds_left"])

    def _show(self, index: int, html: str, left: float | None) -> None:
        """The question is on screen: plan the answer after 1 s to 80% of the time left."""
        self.shown.setdefault(index, time.perf_counter())
        self.choices = CHOICE.findall(html)
        self.answer_index = index
        self.answer_at = time.perf_counter() + self.rng.uniform(1.0, max(1.0, 0.8 * (left or self.seconds)))

    def answer_if_due(self) -> None:
        if self.answer_at is None or time.perf_counter() < self.answer_at or not (self.token and self.choices):
            return
        index, self.answer_at = self.answer_index, None
        self.answered.add(index)
        data = {"csrf_token": self.token, "index": str(index), f"q{index}-choice": self.rng.choice(self.choices)}
        started = time.perf_counter()
        try:
            response = self.session.post(
                f"{self.base}/live/{self.live_id}/answer", data=data, headers={"Accept": "application/json"}, timeout=30
            )
        except requests.RequestException:
            self.stats.record("answer", 0, None)
            return
        self.stats.record("answer", time.perf_counter() - started, response.status_code)

    def run(self, stop: threading.Event, phase: float) -> None:
        next_poll = time.perf_counter() + phase
        while not stop.is_set():
            self.answer_if_due()
            now = time.perf_counter()
            if now >= next_poll:
                self.poll()
                next_poll += 1.0
                if next_poll < time.perf_counter():  # fell behind (an overloaded server): skip, do not burst
                    next_poll = time.perf_counter() + 1.0
            stop.wait(min(0.05, max(0.0, next_poll - time.perf_counter())))


def log_in_teacher(base: str) -> requests.Session:
    s = requests.Session()
    token = TOKEN.search(s.get(f"{base}/login", timeout=30).text).group(1)
    done = s.post(
        f"{base}/login",
        data={"username": "bench_teacher", "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    if done.status_code != 302:
        raise SystemExit("the teacher could not log in")
    return s


def start_session(base: str, teacher: requests.Session, quiz_id: int, seconds: int) -> tuple[int, str]:
    page = teacher.get(f"{base}/live/new/{quiz_id}", timeout=30).text
    data = {"seconds": str(seconds), "allow_guests": "y", "show_names": "y", "csrf_token": TOKEN.search(page).group(1)}
    done = teacher.post(f"{base}/live/new/{quiz_id}", data=data, allow_redirects=False, timeout=30)
    if done.status_code != 302:
        raise SystemExit(f"the session could not start: {done.status_code}")
    live_id = int(done.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    projector = teacher.get(f"{base}/live/{live_id}", timeout=30).text
    code = re.search(r'class="live-code[^"]*"[^>]*>([A-Z0-9]+)<', projector).group(1)
    return live_id, code


def join(base: str, code: str, n: int) -> tuple[requests.Session, str]:
    s = requests.Session()
    token = TOKEN.search(s.get(f"{base}/live/join?code={code}", timeout=30).text).group(1)
    done = s.post(
        f"{base}/live/join",
        data={"code": code, "nickname": f"Phone {n:03d}", "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    if done.status_code != 302:
        raise SystemExit(f"phone {n} could not join: {done.status_code}")
    play = s.get(requests.compat.urljoin(base + "/live/join", done.headers["Location"]), timeout=30)
    return s, PAGE_TOKEN.search(play.text).group(1)  # the play page's token, which live.js puts in each question


def control(base: str, teacher: requests.Session, live_id: int, action: str) -> None:
    page = teacher.get(f"{base}/live/{live_id}", timeout=30).text
    token = TOKEN.search(page).group(1)
    done = teacher.post(
        f"{base}/live/{live_id}/control",
        data={"action": action, "csrf_token": token},
        allow_redirects=False,
        timeout=30,
    )
    if done.status_code != 302:
        raise SystemExit(f"control {action} failed: {done.status_code}")


def measured_throughput(url: str, seconds: int, headers: dict[str, str], server_pid: int) -> tuple[float, float]:
    """(requests/s, server CPU ms per request) of one URL for ``seconds``."""
    before = machine_cpu(server_pid)
    if shutil.which("wrk"):
        rate = wrk_throughput(url, seconds, headers)
    else:
        session = requests.Session()
        session.headers.update(headers)
        rate = python_throughput(url, seconds, 16, session=session)
    after = machine_cpu(server_pid)
    server = (after["gunicorn"] - before["gunicorn"]) + (after["database"] - before["database"])
    return rate, server * 1000 / max(1.0, rate * seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--database", default="postgresql", choices=("postgresql", "sqlite"))
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--questions", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10, help="countdown of each question")
    parser.add_argument("--idle", type=int, default=15, help="seconds of polling with nothing changing")
    args = parser.parse_args()
    deadline = time.monotonic() + HARD_LIMIT_S
    exam_surge.COUNT_POSTGRES = args.database == "postgresql"
    url = make_database(args.database)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = None
    stop = threading.Event()
    try:
        print(f"setting up a {args.questions}-question quiz ...", flush=True)
        quiz_id = build_content(url, 0, args.questions)
        env = dict(
            os.environ,
            DATABASE_URL=url,
            FLASK_SECRET_KEY="bench-secret-" + uuid.uuid4().hex,
            QUIZAPP_ENV="production",
            # Every phone comes from 127.0.0.1: the per-address join limit is a whole school's here.
            FLASK_RATELIMIT_LIVE_JOIN='["100000/hour", "100000/hour"]',
        )
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        server = subprocess.Popen(
            [gunicorn, "-w", str(args.workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
            cwd=ROOT,
            env=env,
        )
        for _ in range(100):
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)

        teacher = log_in_teacher(base)
        live_id, code = start_session(base, teacher, quiz_id, args.seconds)
        with ThreadPoolExecutor(max_workers=16) as pool:
            joined = list(pool.map(lambda n: join(base, code, n), range(args.phones)))
        print(f"{args.phones} phones joined session {live_id} (code {code})", flush=True)

        stats = Stats()
        rng = random.Random(7)
        phones = [Phone(base, live_id, s, stats, random.Random(rng.random())) for s, _ in joined]
        for phone, (_, token) in zip(phones, joined, strict=True):
            phone.seconds = args.seconds
            phone.token = token
        threads = [
            threading.Thread(target=phone.run, args=(stop, n / args.phones), daemon=True)
            for n, phone in enumerate(phones)
        ]
        for thread in threads:
            thread.start()
        time.sleep(2)  # every phone has its first answer (and ETag)

        # Idle polling: nothing changes, every poll is a 304.
        idle_stats_before = len(stats.latency["poll"])
        cpu_before = machine_cpu(server.pid)
        time.sleep(args.idle)
        cpu_after = machine_cpu(server.pid)
        polls = len(stats.latency["poll"]) - idle_stats_before
        idle_poll_latency = stats.latency["poll"][idle_stats_before:]
        used = {name: cpu_after[name] - cpu_before[name] for name in cpu_before}
        server_cpu = used["gunicorn"] + used["database"]
        cores = os.cpu_count() or 1

        # Questions: "next", answers within the countdown, closed by the server's clock, "next" again.
        reach: list[float] = []
        for index in range(args.questions):
            if time.monotonic() > deadline:
                raise SystemExit("stopped: the run took longer than the hard limit")
            pressed = time.perf_counter()
            control(base, teacher, live_id, "next")
            time.sleep(args.seconds + 2.5)
            seen = [phone.shown.get(index) for phone in phones]
            missing = sum(1 for moment in seen if moment is None)
            last = max((moment for moment in seen if moment is not None), default=float("nan"))
            reach.append(last - pressed)
            print(
                f"question {index + 1}: last phone showed it {last - pressed:.2f} s after next"
                + (f" ({missing} phones never did)" if missing else ""),
                flush=True,
            )
        control(base, teacher, live_id, "next")  # past the last question: the session ends
        stop.set()
        for thread in threads:
            thread.join(timeout=5)

        print(
            f"\nlive session: {args.phones} phones polling once a second, {args.workers} gunicorn sync workers, "
            f"{args.database}"
        )
        print(
            f"idle polling ({args.idle} s, every answer 304): {polls} polls, {polls / args.idle:.0f} req/s, "
            f"server CPU {server_cpu:.2f} s (gunicorn {used['gunicorn']:.2f}, database {used['database']:.2f}) = "
            f"{server_cpu * 1000 / max(1, polls):.2f} ms per poll = {server_cpu / (cores * args.idle):.1%} of "
            f"{cores} cores (aim <= 15%); client {used['client']:.2f} s; "
            f"poll p50 {percentile(idle_poll_latency, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(idle_poll_latency, 0.99) * 1000:.0f} ms"
        )
        print(f"{'step':<8}{'requests':>9}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'errors':>8}  statuses")
        print(f"results carried in the state (no panel fetched): {sum(stats.status['result'].values())}")
        for step in ("poll", "panel", "answer"):
            values = stats.latency.get(step, [])
            statuses = ", ".join(f"{code_}: {n}" for code_, n in sorted(stats.status[step].items()))
            print(
                f"{step:<8}{len(values):>9}{percentile(values, 0.5) * 1000:>8.0f}"
                f"{percentile(values, 0.95) * 1000:>8.0f}{percentile(values, 0.99) * 1000:>8.0f}"
                f"{stats.errors.get(step, 0):>8}  {statuses}"
            )
        print(
            "next -> last phone shows the question: "
            + ", ".join(f"{seconds:.2f} s" for seconds in reach)
            + f" (worst {max(reach):.2f} s; aim <= 1.5 s)"
        )

        # Throughput and CPU per request beside /healthz, in this run.
        seat = joined[0][0].cookies.get(f"livep{live_id}")
        cookie = {"Cookie": f"livep{live_id}={seat}"}
        etag = phones[0].etag or ""
        client = "wrk (2 threads, 16 connections, 5 s each)" if shutil.which("wrk") else "Python threads (slower)"
        healthz, healthz_cpu = measured_throughput(f"{base}/healthz", 5, {}, server.pid)
        unchanged, unchanged_cpu = measured_throughput(
            f"{base}/live/{live_id}/state", 5, {**cookie, "If-None-Match": etag}, server.pid
        )
        changed, changed_cpu = measured_throughput(f"{base}/live/{live_id}/state", 5, cookie, server.pid)
        print(f"\nthroughput, {client}:")
        print(f"  /healthz       {healthz:7.0f} req/s, server CPU {healthz_cpu:.2f} ms/request (ceiling)")
        print(
            f"  state 304      {unchanged:7.0f} req/s = {unchanged / healthz:.2f} x healthz, "
            f"{unchanged_cpu:.2f} ms/request = {unchanged_cpu / healthz_cpu:.1f} x healthz's"
        )
        print(
            f"  state 200      {changed:7.0f} req/s = {changed / healthz:.2f} x healthz, "
            f"{changed_cpu:.2f} ms/request = {changed_cpu / healthz_cpu:.1f} x healthz's"
        )
        print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    finally:
        stop.set()
        stop_server(server)
        drop_database(url)


if __name__ == "__main__":
    main()
