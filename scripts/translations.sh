#!/usr/bin/env bash
# Extract every translatable string from crm/ and ui/, merge it into the catalogs, compile them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=resources/translations
.venv/bin/pybabel extract --no-location --sort-output --project=Liaison --version=0.1 \
    -k _ -k N_ -k ngettext:1,2 -k pgettext:1c,2 -o "$out/liaison.pot" crm ui >/dev/null
# German, English and Swedish are complete (a test checks it).
for lang in de en sv; do
    if [ -f "$out/$lang/LC_MESSAGES/liaison.po" ]; then
        .venv/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -i "$out/liaison.pot" -d "$out" -D liaison -l "$lang" >/dev/null
    else
        .venv/bin/pybabel init -i "$out/liaison.pot" -d "$out" -D liaison -l "$lang" >/dev/null
    fi
done
.venv/bin/python scripts/fill_english.py "$out/en/LC_MESSAGES/liaison.po"
.venv/bin/pybabel compile -d "$out" -D liaison --statistics
