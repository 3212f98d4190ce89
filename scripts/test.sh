#!/usr/bin/env bash
# Command 2 of README (and all that .ci/run does): install everything the tests need, then
# run ruff, mypy (strict on docgen/) and the whole pytest suite, wheel install check included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh test
echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/pytest -n 2 -q "$@"
