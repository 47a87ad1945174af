#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run pytest. Arguments go to pytest as they
# are, e.g. `bash scripts/test.sh -x -k doelen` or `bash scripts/test.sh -m "not browser"`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/_setup.sh
source scripts/_setup.sh

ensure_uv
ensure_python_deps
ensure_chromium
ensure_node_tools

if [ ! -d ../shared/data ]; then
    # The build reads its sources from beside the project; say so before pytest fails in a fixture.
    printf 'let op: ../shared/data niet gevonden naast %s; tests die een database bouwen zullen falen\n' \
        "$(pwd)" >&2
fi

mkdir -p artifacts
log "Tests draaien (pytest -q -n 2 $*)"
# No stdin in CI: make sure nothing under pytest can wait for a keyboard.
exec uv run pytest -q -n 2 "$@" </dev/null
