#!/usr/bin/env bash
# The bundle's smoke test: run from a copy in another folder (with a space in its name), in a
# bare environment (no virtual environment, no PYTHONPATH, a new home folder), it prints its
# version, makes a demo office in the user's data folder, prints a delegation's briefing
# (Hebrew text: python-bidi and the fonts), opens the app offscreen on the office and closes
# it, finds the first window when started a second time, and writes nothing into its own
# folder.
#
#     bash scripts/bundle_smoke.sh [dist/liaison]
set -euo pipefail
cd "$(dirname "$0")/.."
source_bundle="${1:-dist/liaison}"
if [ ! -x "$source_bundle/liaison" ]; then
    echo "bundle_smoke: no bundle at $source_bundle (build it with: bash scripts/bundle.sh)" >&2
    exit 2
fi
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' crm/__init__.py)
work=$(mktemp -d)
first_pid=""
cleanup() {
    if [ -n "$first_pid" ]; then kill "$first_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
bundle="$work/Liaison folder"
cp -a "$source_bundle" "$bundle"
program="$bundle/liaison"
touch "$work/before"
sleep 1  # find -newer below compares whole seconds on some file systems

# Nothing of the project's Python on any path: the bundle brings its own. QUIT_AFTER_MS and
# LANGUAGE (default en) may be set for one call; every call ends after three minutes at most.
run() {
    env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 LANGUAGE="${LANGUAGE:-en}" \
        TMPDIR="$work" QT_QPA_PLATFORM=offscreen \
        ${QUIT_AFTER_MS:+LIAISON_QUIT_AFTER_MS=$QUIT_AFTER_MS} \
        timeout 180 "$program" "$@"
}
step() { printf 'bundle_smoke: %s\n' "$*"; }
fail() { printf 'bundle_smoke: FAILED: %s\n' "$*" >&2; exit 1; }
mkdir -p "$work/home"

step "liaison --version"
out=$(run --version)
[ "$out" = "liaison $version" ] || fail "--version printed '$out', expected 'liaison $version'"

step "liaison demo (into the default database, in the user's data folder)"
run demo --office leipzig >"$work/demo.out"
office="$work/home/.local/share/Liaison/liaison.sqlite"  # platformdirs' folder on Linux
[ -s "$office" ] || fail "the demo office is not in the user's data folder ($office)"

step "liaison briefing Herzliya"
run briefing Herzliya --db "$office" -o "$work/briefing.pdf" >"$work/briefing.out"
[ "$(head -c 5 "$work/briefing.pdf")" = "%PDF-" ] || fail "the briefing is not a PDF"
if command -v pdfinfo >/dev/null 2>&1; then
    pages=$(pdfinfo "$work/briefing.pdf" | sed -n 's/^Pages: *//p')
    [ "${pages:-0}" -ge 1 ] || fail "pdfinfo finds no pages in the briefing"
    pdffonts "$work/briefing.pdf" | grep -q "NotoSansHebrew" \
        || fail "the briefing has no Hebrew font (fonts or python-bidi missing)"
    step "  a PDF of $pages pages with the Hebrew font embedded"
else
    step "  a PDF (pdfinfo is not installed: pages not counted)"
fi

step "the app, offscreen, in German, opened and closed"
LANGUAGE=de QUIT_AFTER_MS=300 run --db "$office" 2>"$work/app.err" \
    || { cat "$work/app.err" >&2; fail "the app did not open and close"; }
for milestone in "language [0-9.]+ de qt-catalog=yes" "window-shown" "data-shown"; do
    grep -Eq "liaison-startup $milestone" "$work/app.err" \
        || { cat "$work/app.err" >&2; fail "the app did not report: $milestone"; }
done
grep "liaison-startup window-shown" "$work/app.err" | grep -q "heavy=-" \
    || { cat "$work/app.err" >&2; fail "the database layer loaded before the window showed"; }

step "a second start on the same database brings the first window forward"
QUIT_AFTER_MS=4000 run --db "$office" 2>"$work/first.err" &
first_pid=$!
for _ in $(seq 1 600); do
    grep -q "liaison-startup data-shown" "$work/first.err" 2>/dev/null && break
    kill -0 "$first_pid" 2>/dev/null || break
    sleep 0.1
done
grep -q "liaison-startup data-shown" "$work/first.err" \
    || { cat "$work/first.err" >&2; fail "the first window did not open"; }
run --db "$office" 2>"$work/second.err" \
    || { cat "$work/second.err" >&2; fail "the second start failed"; }
grep -q "already open" "$work/second.err" \
    || { cat "$work/second.err" >&2; fail "the second start opened a window of its own"; }
wait "$first_pid" || fail "the first window did not close cleanly"
first_pid=""
grep -q "liaison-startup activated" "$work/first.err" \
    || { cat "$work/first.err" >&2; fail "the first window was not asked to come forward"; }

step "nothing written into the bundle"
changed=$(find "$bundle" -newer "$work/before" | head -5)
[ -z "$changed" ] || fail "the bundle's folder was written to: $changed"

step "passed ($(du -sh "$source_bundle" | cut -f1) in $source_bundle)"
