#!/usr/bin/env sh
# Adds Liaison to this user's application menu (no admin rights needed): the desktop file,
# the icon in every size and the AppStream metadata, under ~/.local/share. Run it from the
# unpacked bundle folder, where it lies beside the `liaison` program:
#
#     sh install-desktop-entry.sh            # or: sh install-desktop-entry.sh --remove
#
# The menu entry starts the `liaison` beside this script, wherever the folder was put.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
program="$here/liaison"
resources="$here/_internal/resources"
if [ ! -x "$program" ] || [ ! -d "$resources" ]; then
    echo "install-desktop-entry: run me from the Liaison folder (no liaison program in $here)" >&2
    exit 2
fi
app_id=org.liaison.Liaison
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    rm -f "$data/icons/hicolor/scalable/apps/$app_id.svg"
    echo "Liaison is no longer in the application menu."
    exit 0
fi

mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$resources/icons/app/liaison-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
cp "$resources/icons/app/liaison.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
cp "$resources/linux/$app_id.metainfo.xml" "$data/metainfo/"
# The program's full path, quoted as the desktop entry specification wants it.
quoted=$(printf '%s' "$program" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')
EXEC_LINE="Exec=\"$quoted\"" awk '/^Exec=/ { print ENVIRON["EXEC_LINE"]; next } { print }' \
    "$resources/linux/$app_id.desktop" > "$data/applications/$app_id.desktop"
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$data/applications" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "Liaison is in the application menu (it starts $program)."
