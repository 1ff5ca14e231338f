"""`flask doctor` names what a deployment is missing: each rule on made-up facts, then the command itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flask import Flask

from quizapp.background import DUPLICATE_PERIODIC_RUN, LAST_PERIODIC_RUN, huey
from quizapp.config import DEFAULT_SECRET_KEY
from quizapp.doctor import OK, PROBLEM, WARNING, Facts, Finding, diagnose

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
HEALTHY = Facts(
    production=True,
    secret_key="a-long-random-value",
    processes=8,
    database_backend="postgresql",
    rate_limit_storage="redis://127.0.0.1:6379",
    queue_backend="redis",
    last_periodic_run={"task": "every_minute", "at": "2026-12-07T11:59:00", "by": "worker-1:77"},
    cookie_secure=True,
    trusted_proxies=1,
    now=NOW,
)


def levels(facts: Facts, topic: str) -> list[str]:
    return [finding.level for finding in diagnose(facts) if finding.topic == topic]


def test_a_healthy_deployment_has_only_good_news() -> None:
    assert {finding.level for finding in diagnose(HEALTHY)} == {OK}


def test_the_default_secret_key_is_a_problem_in_production_and_with_several_processes() -> None:
    assert levels(replace(HEALTHY, secret_key=DEFAULT_SECRET_KEY), "secret key") == [PROBLEM]
    one_dev_process = replace(HEALTHY, secret_key=DEFAULT_SECRET_KEY, production=False, processes=1)
    assert levels(one_dev_process, "secret key") == [WARNING]


def test_rate_limits_in_memory_are_a_problem_with_several_workers_only() -> None:
    assert levels(replace(HEALTHY, rate_limit_storage="memory://"), "rate limits") == [PROBLEM]
    alone = replace(HEALTHY, rate_limit_storage="memory://", production=False, processes=1)
    assert levels(alone, "rate limits") == [WARNING]
    unreachable = replace(HEALTHY, rate_limit_error="Connection refused")
    assert levels(unreachable, "rate limits") == [PROBLEM]


def test_sqlite_under_several_servers_and_a_sqlite_queue_beside_postgresql_are_warned() -> None:
    assert levels(replace(HEALTHY, database_backend="sqlite", queue_backend="sqlite"), "database") == [WARNING]
    assert levels(replace(HEALTHY, queue_backend="sqlite"), "job queue") == [WARNING]
    assert levels(replace(HEALTHY, migrations_behind=True), "database") == [PROBLEM]
    assert levels(replace(HEALTHY, database_error="could not connect"), "database") == [PROBLEM]


def test_no_worker_running_is_a_problem() -> None:
    assert levels(replace(HEALTHY, last_periodic_run=None), "background worker") == [PROBLEM]
    stale = {"task": "every_minute", "at": (NOW - timedelta(minutes=4)).isoformat(), "by": "w:1"}
    assert levels(replace(HEALTHY, last_periodic_run=stale), "background worker") == [PROBLEM]


def test_periodic_tasks_scheduled_twice_are_warned_while_the_news_is_fresh() -> None:
    duplicate = {"task": "every_minute", "at": "2026-12-07T11:58:00", "by": "w-2:9", "ran_by": "w-1:7"}
    found = levels(replace(HEALTHY, duplicate_periodic_run=duplicate), "background worker")
    assert found == [WARNING, OK]
    old = {**duplicate, "at": "2026-12-07T10:00:00"}
    assert levels(replace(HEALTHY, duplicate_periodic_run=old), "background worker") == [OK]


def test_production_behind_a_proxy_without_secure_cookies_or_trusted_proxies_is_warned() -> None:
    found = diagnose(replace(HEALTHY, cookie_secure=False, trusted_proxies=0))
    assert [f.topic for f in found if f.level == WARNING] == ["cookies", "proxy"]


def test_problems_come_first() -> None:
    found = diagnose(replace(HEALTHY, rate_limit_storage="memory://", cookie_secure=False))
    assert found[0] == Finding(PROBLEM, "rate limits", found[0].message)
    assert [f.level for f in found] == sorted((f.level for f in found), key=[PROBLEM, WARNING, OK].index)


def test_the_command_reads_the_running_deployment_and_exits_1_on_a_problem(app: Flask, runner) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(args=["doctor", "--processes", "4"])
    assert result.exit_code == 1
    assert "problem  rate limits: rate limits are counted in memory" in result.output
    assert "problem  background worker: no worker has run the periodic tasks" in result.output
    assert "database: " in result.output
    assert "schema is behind" not in result.output

    huey.put(LAST_PERIODIC_RUN, {"task": "every_minute", "at": datetime.now(UTC).isoformat(), "by": "w:1"})
    huey.put(
        DUPLICATE_PERIODIC_RUN, {"task": "every_minute", "at": datetime.now(UTC).isoformat(), "by": "b", "ran_by": "a"}
    )
    result = runner.invoke(args=["doctor", "--processes", "1"])
    assert "ok       background worker: periodic tasks last run by w:1" in result.output
    assert "scheduled by more than one consumer (a and b)" in result.output


def test_lti_in_frame_without_secure_cookies_is_a_problem_even_outside_production() -> None:
    assert levels(replace(HEALTHY, lti_in_frame=True), "cookies") == []  # Secure: fine
    found = diagnose(replace(HEALTHY, production=False, lti_in_frame=True, cookie_secure=False))
    [problem] = [f for f in found if f.topic == "cookies"]
    assert problem.level == PROBLEM
    assert "FLASK_SESSION_COOKIE_SECURE=true" in problem.message
    assert levels(replace(HEALTHY, production=False, cookie_secure=False), "cookies") == []  # off: nothing to say
