#!/usr/bin/env bash
# Sets everything up and starts Liaison on the Leipzig demo office.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
demo_db="${LIAISON_DEMO_DB:-$HOME/.local/share/Liaison/leipzig-demo.sqlite}"
mkdir -p "$(dirname "$demo_db")"
if [ ! -f "$demo_db" ]; then
    .venv/bin/liaison demo --office leipzig --db "$demo_db"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
    if command -v xvfb-run >/dev/null 2>&1 && [ -n "${LIAISON_XVFB:-}" ]; then
        exec xvfb-run -a .venv/bin/liaison --db "$demo_db"
    fi
    echo "demo: there is no screen here (DISPLAY is not set). The demo office is in $demo_db;" >&2
    echo "      start Liaison from a desktop session with: .venv/bin/liaison --db $demo_db" >&2
    exit 2
fi
exec .venv/bin/liaison --db "$demo_db"
