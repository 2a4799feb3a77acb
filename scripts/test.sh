#!/usr/bin/env bash
# Sets everything up and runs the whole test suite, then the linters and the type checker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
.venv/bin/ruff check crm ui tests
.venv/bin/ruff format --check crm ui tests
.venv/bin/mypy
