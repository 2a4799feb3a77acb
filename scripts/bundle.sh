#!/usr/bin/env bash
# Builds Liaison's one-folder bundle into dist/liaison/ (PyInstaller, build.spec) and runs its
# smoke test (scripts/bundle_smoke.sh). The folder needs no Python: copy it anywhere and start
# dist/liaison/liaison. Builds for the system it runs on (Linux here; Windows and macOS build
# their own from the same spec).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
stamp=.venv/.liaison-bundle-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ ! -x .venv/bin/pyinstaller ]; then
    .venv/bin/python -m pip install --quiet -e ".[test,bundle]"
    touch "$stamp"
fi
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller build.spec
echo "bundle: built dist/liaison/ in $(($(date +%s) - started)) s, $(du -sh dist/liaison | cut -f1)"
bash scripts/bundle_smoke.sh dist/liaison
