#!/usr/bin/env bash
# Sets up everything Liaison needs on a Debian/Ubuntu machine: when run as root, the Debian
# packages Qt needs; then a virtual environment in .venv with Liaison and its test tools.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_PACKAGES="libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 \
libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth \
fonts-dejavu-core"
# The report tests read the PDFs back with poppler's pdftotext, pdffonts and pdfinfo; the
# desktop file and the AppStream data are checked with their validators.
TEST_PACKAGES="poppler-utils desktop-file-utils appstream"

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    missing=""
    for package in $QT_PACKAGES $TEST_PACKAGES python3-venv; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing="$missing $package"
    done
    if [ -n "$missing" ]; then
        echo "setup: installing Debian packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    fi
elif [ "$(id -u)" != 0 ]; then
    echo "setup: not root, so no Debian packages installed; Qt needs:"
    echo "  sudo apt-get install $QT_PACKAGES"
    echo "and the report tests need: sudo apt-get install $TEST_PACKAGES"
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: Liaison needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)" >&2
    exit 2
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.liaison-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[test]"
    touch "$stamp"
fi
