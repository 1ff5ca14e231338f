#!/usr/bin/env bash
# Install, build the SQLite database, import the seed documents with their questions, start the app.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export FLASK_APP=quizapp
.venv/bin/flask db upgrade
.venv/bin/flask seed --publish
# The background worker drafts uploaded documents (and closes overdue attempts); it stops with the app.
.venv/bin/huey_consumer quizapp.jobs.huey --workers 1 --logfile instance/worker.log >/dev/null 2>&1 &
worker=$!
trap 'kill "$worker" 2>/dev/null' EXIT INT TERM
echo "quizapp: open http://127.0.0.1:${PORT:-5000} (Ctrl-C stops it)"
.venv/bin/flask run --host 127.0.0.1 --port "${PORT:-5000}"
