#!/bin/sh
# Checks the bundle the way a user runs it: no Python on PATH, no virtual environment,
# a fresh home folder, a virtual screen. `make bundle` runs it after building.
#   check-bundle.sh [BUNDLE]      BUNDLE defaults to dist/raci-builder
# It runs the command line (--version, new, check, export to .xlsx and .pdf, import),
# installs the desktop files from the unpacked archive, opens a team in the window under
# xvfb-run and proves it is shown (a screenshot, the window's title on the X server, an
# exit after the first show), hands a second file to the running window as a second
# launch does and a third as a double-click does (gio open), shows the window on Wayland
# when weston is there, and checks what the bundle holds and loads. The screenshot lands in dist/check-bundle/window.png. Exits 1 on the first
# failure, naming it.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
bundle=$(cd "${1:-dist/raci-builder}" && pwd)
program=$bundle/raci
out=$root/dist/check-bundle
[ -x "$program" ] || { echo "check-bundle: no bundle at $bundle; run 'make bundle'" >&2; exit 1; }

fail() { echo "check-bundle: FAILED: $*" >&2; exit 1; }
ok() { echo "  ok  $*"; }

# What this check needs besides the bundle: a virtual screen, xwininfo, and netpbm for the screenshot.
if command -v dpkg-query >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    missing=""
    for package in xvfb xauth x11-utils netpbm; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
    done
    if [ -n "$missing" ]; then
        echo "Installing what the check needs:$missing"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/raci-check-XXXXXX")
window_pid=""
cleanup() {
    [ -z "$window_pid" ] || kill "$window_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
mkdir -p "$work/bin" "$work/home" "$work/run" "$work/fb" "$work/files" "$out"
chmod 700 "$work/run"

# A PATH with the system's programs but no Python: every program of /usr/bin and /bin
# except python*, pip* and pydoc* (and nothing of /usr/local or a virtualenv).
for dir in /usr/bin /bin; do
    for tool in "$dir"/*; do
        name=${tool##*/}
        case "$name" in python*|pip*|pydoc*|py3*|idle*) continue ;; esac
        [ -e "$work/bin/$name" ] || ln -s "$tool" "$work/bin/$name"
    done
done

# Runs a command as a user who downloaded the bundle would: an empty environment but for these.
as_user() {
    env -i PATH="$work/bin" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
        XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache" \
        XDG_RUNTIME_DIR="$work/run" LANG=C.UTF-8 ${DISPLAY:+DISPLAY=$DISPLAY} "$@"
}
as_user sh -c 'command -v python3 || command -v python || command -v pip' >/dev/null 2>&1 \
    && fail "the check's PATH still finds a Python"
ok "PATH holds no Python, no virtual environment is set"

echo "Command line:"
cd "$work/files"
version=$(as_user "$program" --version) || fail "raci --version exited $?"
case "$version" in "raci (RACI Builder) "*) ok "$version" ;; *) fail "raci --version printed: $version" ;; esac
as_user "$program" new --template scrum-team -o team.raci.json >/dev/null || fail "raci new --template scrum-team"
as_user "$program" check team.raci.json > check.txt || fail "raci check exited $? on the scrum-team starter"
ok "raci check: $(tail -n 1 check.txt)"
as_user "$program" check team.raci.json --format json > check.json || fail "raci check --format json exited $?"
grep -q '"findings"' check.json || fail "raci check --format json wrote no findings list"
head -c 300 team.raci.json > cut.raci.json
if as_user "$program" check cut.raci.json > /dev/null 2> cut.txt; then fail "raci check accepted a cut-off file"; fi
grep -q Traceback cut.txt && fail "raci check printed a traceback on a cut-off file"
ok "raci check on a cut-off file: $(head -n 1 cut.txt)"
as_user "$program" export team.raci.json -o x.xlsx >/dev/null || fail "raci export -o x.xlsx exited $?"
[ "$(head -c 2 x.xlsx)" = "PK" ] && grep -aq "xl/workbook.xml" x.xlsx || fail "x.xlsx is not a workbook"
ok "raci export -o x.xlsx ($(wc -c < x.xlsx) bytes)"
as_user "$program" export team.raci.json -o x.pdf >/dev/null || fail "raci export -o x.pdf exited $?"
[ "$(head -c 4 x.pdf)" = "%PDF" ] || fail "x.pdf is not a PDF"
ok "raci export -o x.pdf ($(wc -c < x.pdf) bytes)"
as_user "$program" import x.xlsx -o back.raci.json >/dev/null || fail "raci import x.xlsx exited $?"
as_user "$program" check back.raci.json >/dev/null || fail "the imported team does not check as the exported one"
ok "raci import x.xlsx, and the imported team checks"

echo "Desktop integration (from the unpacked archive):"
archive=$(ls -t "$root"/dist/raci-builder-*-linux-*.tar.gz 2>/dev/null | head -n 1 || true)
desktop=""
if [ -n "$archive" ]; then
    mkdir "$work/unpacked"
    tar -C "$work/unpacked" -xzf "$archive"
    as_user "$work/unpacked/raci-builder/install-desktop.sh" install >/dev/null || fail "install-desktop.sh install exited $?"
    grep -qx "Exec=\"$work/unpacked/raci-builder/raci\" %f" "$work/home/.local/share/applications/raci-builder.desktop" \
        || fail "the menu entry does not start the unpacked raci"
    ok "install-desktop.sh put the menu entry, icons and file type under the user's ~/.local/share"
    if command -v gio >/dev/null 2>&1; then
        kind=$(as_user gio info -a standard::content-type team.raci.json | sed -n 's/.*content-type: //p')
        [ "$kind" = application/x-raci-team ] || fail "team.raci.json is seen as '$kind', not application/x-raci-team"
        as_user gio mime application/x-raci-team | grep -q "Default application.*raci-builder.desktop" \
            || fail "RACI Builder is not the team files' default"
        ok "team.raci.json is an application/x-raci-team file, which RACI Builder opens by default"
        desktop=yes
    fi
else
    echo "  note: no dist/raci-builder-*.tar.gz to unpack; desktop integration not checked"
fi

echo "Window (under xvfb-run, platform xcb):"
cp team.raci.json other.raci.json
cp team.raci.json third.raci.json
cat > "$work/window.sh" <<'WINDOW'
#!/bin/sh
# Runs inside xvfb-run: $1 program, $2 bundle folder, $3 work folder, $4 out folder, $5 "yes" when the
# desktop files are installed.
set -eu
program=$1 bundle=$2 work=$3 out=$4 desktop=${5:-}
fail() { echo "check-bundle: FAILED: $*" >&2; exit 1; }
titles() { xwininfo -root -tree | grep -o '"[^"]*RACI Builder"' || true; }
wait_for_title() {
    tries=0
    until titles | grep -q "$1"; do
        tries=$((tries + 1))
        [ "$tries" -lt 600 ] || fail "no window titled '$1' within 60 s (shown: $(titles | tr '\n' ' '))"
        sleep 0.1
    done
}
# An exit after the first show: the same program, told to quit once its window is shown and built.
# With no file, the window opens a new team from the scrum-team template the bundle carries.
RACI_EXIT_AFTER_SHOWN=1 "$program" > probe.txt 2> probe.err || fail "the window's start exited $? ($(cat probe.err))"
[ "$(cat probe.txt | tr '\n' ' ')" = "shown ready " ] || fail "the window did not report shown and ready: $(cat probe.txt)"
echo "  ok  raci (a new team from the scrum-team template) showed its window and built it, then exited as asked"
# The window as a user sees it, left open.
"$program" team.raci.json 2> window.err &
pid=$!
echo "$pid" > window.pid
wait_for_title "team.raci.json — RACI Builder"
echo "  ok  the X server shows a window titled 'team.raci.json — RACI Builder'"
# Nothing of a Python installation outside the bundle is loaded.
foreign=$(awk '{print $6}' "/proc/$pid/maps" | grep -E '\.(so|py|pyc|zip)' | grep -v "^$bundle/" \
    | grep -iE 'python|site-packages|\.venv|pyenv' | sort -u || true)
[ -z "$foreign" ] || fail "the window loaded files of a Python outside the bundle: $foreign"
echo "  ok  the running window maps no file of a Python outside the bundle"
# A second launch with a file hands it to the running program and exits.
started=$(date +%s)
"$program" other.raci.json 2> second.err || fail "the second launch exited $? ($(cat second.err))"
echo "  ok  a second launch handed over its file and exited (within $(( $(date +%s) - started + 1 )) s)"
wait_for_title "other.raci.json — RACI Builder"
kill -0 "$pid" 2>/dev/null || fail "the first window closed"
echo "  ok  the running program opened other.raci.json in a window of its own"
if [ "$desktop" = yes ]; then
    # What a double-click in the file manager does: the default application for the file's type, with %f.
    gio open third.raci.json || fail "gio open exited $?"
    wait_for_title "third.raci.json — RACI Builder"
    echo "  ok  opening third.raci.json as a file manager does (gio open) showed it in the running program"
fi
sleep 1  # the new window paints
xwdtopnm "$work/fb/Xvfb_screen0" 2>/dev/null | pnmtopng > "$out/window.png" || fail "no screenshot"
echo "  ok  screenshot: $out/window.png"
kill "$pid"
WINDOW
DISPLAY="" as_user xvfb-run -a -s "-screen 0 1280x720x24 -fbdir $work/fb" \
    sh "$work/window.sh" "$program" "$bundle" "$work" "$out" "$desktop" || fail "the window check (above)"
[ ! -s window.err ] || { echo "  note: the window printed on standard error:"; sed 's/^/    /' window.err; }

if command -v weston >/dev/null 2>&1; then
    echo "Window (on a headless Wayland compositor, weston):"
    mkdir -m 700 "$work/wayland"
    XDG_RUNTIME_DIR="$work/wayland" weston --backend=headless-backend.so --socket=raci-check \
        --width=1280 --height=720 > "$work/weston.log" 2>&1 &
    weston_pid=$!
    tries=0
    until [ -S "$work/wayland/raci-check" ] || [ "$tries" -ge 100 ]; do tries=$((tries + 1)); sleep 0.1; done
    shown=$(env -i PATH="$work/bin" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$work/wayland" WAYLAND_DISPLAY=raci-check RACI_EXIT_AFTER_SHOWN=1 \
        "$program" team.raci.json 2>/dev/null | tr '\n' ' ') || true
    kill "$weston_pid" 2>/dev/null || true
    [ "$shown" = "shown ready " ] || fail "the window did not show on Wayland (printed: $shown)"
    ok "raci team.raci.json showed its window on Wayland (platform chosen by Qt from WAYLAND_DISPLAY)"
fi

echo "Contents:"
for needed in _internal/PySide6/Qt/plugins/platforms/libqxcb.so _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so \
        _internal/PySide6/Qt/plugins/imageformats/libqsvg.so _internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so \
        _internal/raci/_data/resources/team-file.schema.json _internal/raci/_data/seeds/catalog.json \
        _internal/raci/_data/templates/scrum-team.raci.json install-desktop.sh share/raci-builder/raci-builder.desktop; do
    [ -e "$bundle/$needed" ] || fail "the bundle lacks $needed"
done
ok "Qt platforms xcb and offscreen, the SVG plugins, the schema, seeds, templates and desktop files are there"
unwanted=$(cd "$bundle" && find . \( -iname '*WebEngine*' -o -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' -o -iname '*Qt63D*' \
    -o -iname 'qml' -o -iname 'translations' -o -name 'libstdc++*' \) -print | head -5)
[ -z "$unwanted" ] || fail "the bundle carries what it never uses: $unwanted"
viewer=${PYI_ARCHIVE_VIEWER:-$root/build/venv/bin/pyi-archive_viewer}
if [ -x "$viewer" ]; then
    modules=$("$viewer" -r -b "$program" 2>/dev/null | sed 's/^ *//')
    for module in pytest _pytest hypothesis pytestqt tkinter PySide6.QtQml PySide6.QtQuick PySide6.QtWebEngineCore; do
        echo "$modules" | grep -qx "$module" && fail "the bundle carries the Python module $module"
    done
    # NumPy comes only with pandas, which needs it; pandas only when the app's import uses it.
    has() { echo "$modules" | grep -qx "$1"; }
    if has pandas; then has numpy || fail "the bundle carries pandas without NumPy"
    else ! has numpy || fail "the bundle carries NumPy, which nothing it runs imports"; fi
    ok "no WebEngine, QML, Quick, 3D, tests or test tools ($(echo "$modules" | wc -l) archive entries looked at)"
else
    ok "no WebEngine, QML, Quick or 3D libraries (Python modules not listed: no pyi-archive_viewer)"
fi
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'readelf -V "$1" 2>/dev/null' _ {} \; \
    | grep -oE 'GLIBC_[0-9]+\.[0-9]+' | sort -uV | tail -n 1)
ok "needs ${glibc:-an unknown} or newer from the system"
echo "Size: $(du -sb "$bundle" | awk '{printf "%.0f MB", $1 / 1e6}') on disk${archive:+, $(wc -c < "$archive" | awk '{printf "%.0f MB", $1 / 1e6}') packed}"
echo "check-bundle: all checks passed"
