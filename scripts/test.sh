#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's Chromium), then lint and run the whole suite:
# every database test on SQLite and on a fresh PostgreSQL database, browser tests in Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh dev

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's Chromium for the browser tests, and PgBouncer for the test of PostgreSQL behind it.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/pgbouncer ]; then
  echo "Installing Debian's Chromium and PgBouncer for the tests..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium pgbouncer >/dev/null
fi

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432; trying to start it..."
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# Two workers on this two-core kind of machine; each makes its own databases.
# The slowest tests are printed so a slower suite shows where the time went.
exec .venv/bin/python -m pytest -n auto --durations=40 "$@"
