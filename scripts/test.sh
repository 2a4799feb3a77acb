#!/usr/bin/env bash
# Sets everything up and runs the whole test suite, then the linters and the type checker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# The service, search and command-line tests run on SQLite and again on a real PostgreSQL: a
# throwaway server (scripts/postgres.sh) unless LIAISON_TEST_POSTGRES_URL names one already.
# LIAISON_TEST_POSTGRES=0 skips it; LIAISON_TEST_POSTGRES=required (CI) fails without it.
postgres_dir=""
stop_postgres() {
    if [ -n "$postgres_dir" ]; then
        bash scripts/postgres.sh stop "$postgres_dir" || true
    fi
}
trap stop_postgres EXIT
if [ -z "${LIAISON_TEST_POSTGRES_URL:-}" ] && [ "${LIAISON_TEST_POSTGRES:-1}" != 0 ]; then
    if postgres_dir=$(bash scripts/postgres.sh start); then
        LIAISON_TEST_POSTGRES_URL=$(cat "$postgres_dir/url")
        export LIAISON_TEST_POSTGRES_URL
    elif [ "${LIAISON_TEST_POSTGRES:-}" = required ]; then
        echo "test: PostgreSQL could not be started" >&2
        exit 1
    else
        postgres_dir=""
        echo "test: no PostgreSQL server; the tests run on SQLite only" >&2
    fi
fi
.venv/bin/python -m pytest "$@"
.venv/bin/ruff check crm ui tests
.venv/bin/ruff format --check crm ui tests
.venv/bin/mypy
