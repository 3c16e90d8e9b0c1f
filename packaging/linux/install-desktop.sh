#!/bin/sh
# Adds RACI Builder to the current user's desktop, or takes it away again.
#   install-desktop.sh install [PROGRAM]   menu entry, icons, and the team-file type (*.raci.json)
#   install-desktop.sh uninstall
# PROGRAM is the `raci` to start (absolute path); in an unpacked bundle it is
# the `raci` beside this script. Files go under $XDG_DATA_HOME (~/.local/share);
# the desktop's caches are refreshed with whichever of update-mime-database,
# update-desktop-database, gtk-update-icon-cache, xdg-mime and gio are present.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -d "$here/share/raci-builder" ]; then      # an unpacked bundle
    files=$here/share/raci-builder
    icons=$files/hicolor
    default_program=$here/raci
else                                            # the source checkout (packaging/linux)
    files=$here
    icons=$here/../icons/hicolor
    default_program=""
fi
data=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}
NAME=raci-builder
TYPE=application/x-raci-team

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications"; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
        gtk-update-icon-cache -q -t -f "$data/icons/hicolor" || true
    fi
}

install_files() {
    program=${1:-$default_program}
    case "$program" in
        "") echo "install-desktop.sh: say which raci to start, e.g. install-desktop.sh install \$PWD/dist/raci-builder/raci" >&2; exit 2 ;;
        /*) ;;
        *) echo "install-desktop.sh: the program must be an absolute path: $program" >&2; exit 2 ;;
    esac
    case "$program" in
        *[\"\`\$\\]*) echo "install-desktop.sh: the path to the program holds a quote, \$ or \\, which a menu entry cannot start: $program" >&2; exit 2 ;;
    esac
    if [ ! -x "$program" ]; then
        echo "install-desktop.sh: $program is not a program that can be run; build it first (make bundle)" >&2
        exit 2
    fi
    mkdir -p "$data/applications" "$data/mime/packages"
    # Exec quoted, so a folder with spaces works; the characters it cannot hold are refused above.
    PROGRAM=$program awk '/^Exec=/ { print "Exec=\"" ENVIRON["PROGRAM"] "\" %f"; next }
        /^TryExec=/ { print "TryExec=" ENVIRON["PROGRAM"]; next } { print }' \
        "$files/$NAME.desktop" > "$data/applications/$NAME.desktop"
    cp "$files/$NAME.xml" "$data/mime/packages/$NAME.xml"
    for folder in "$icons"/*/apps; do
        size=$(basename "$(dirname "$folder")")
        mkdir -p "$data/icons/hicolor/$size/apps"
        cp "$folder"/$NAME.* "$data/icons/hicolor/$size/apps/"
    done
    refresh
    # Make it the team files' default (written to mimeapps.list), so a double-click opens them here.
    if command -v xdg-mime >/dev/null 2>&1; then
        xdg-mime default "$NAME.desktop" "$TYPE"
    elif command -v gio >/dev/null 2>&1; then
        gio mime "$TYPE" "$NAME.desktop" >/dev/null
    fi
    echo "RACI Builder is in the menu, and opens *.raci.json files (starts $program)."
}

uninstall_files() {
    rm -f "$data/applications/$NAME.desktop" "$data/mime/packages/$NAME.xml"
    rm -f "$data"/icons/hicolor/*/apps/$NAME.png "$data"/icons/hicolor/*/apps/$NAME.svg
    if [ -f "$config/mimeapps.list" ]; then
        # Only the line that makes this app the team files' default.
        sed -i "\|^$TYPE=$NAME.desktop;\{0,1\}\$|d" "$config/mimeapps.list"
    fi
    [ -d "$data/mime" ] && refresh || true
    echo "RACI Builder is no longer in the menu."
}

case "${1:-}" in
    install) install_files "${2:-}" ;;
    uninstall) uninstall_files ;;
    *) echo "usage: $0 install [PROGRAM] | uninstall" >&2; exit 2 ;;
esac
