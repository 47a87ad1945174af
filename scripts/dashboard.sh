#!/usr/bin/env bash
# Start Wijkmonitor on a fresh machine: install what is missing, build the database if there is none,
# then serve the dashboard. PORT (default 8501) and WIJKMONITOR_DB (default data/wijkmonitor.duckdb)
# can be set from outside.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/_setup.sh
source scripts/_setup.sh

ensure_uv
ensure_python_deps

db="${WIJKMONITOR_DB:-data/wijkmonitor.duckdb}"
# The build and the app must agree on the file, so pass it to both explicitly.
export WIJKMONITOR_DB="$db"
if [ ! -s "$db" ]; then
    log "Geen database in $db: bouwen (wijkmonitor build)"
    mkdir -p "$(dirname "$db")"
    uv run wijkmonitor build --db "$db"
fi

port="${PORT:-8501}"
log "Dashboard starten op http://localhost:$port"
exec uv run streamlit run dashboard.py \
    --server.headless true \
    --server.port "$port" \
    --browser.gatherUsageStats false
