#!/bin/sh
# Installs the Debian libraries Qt needs, when they are missing and we run as root.
#   system-deps.sh offscreen   what the tests need (QT_QPA_PLATFORM=offscreen)
#   system-deps.sh window      what a real window needs, Xvfb included
# Prints one sentence and carries on when it cannot install (not root, no apt).
set -eu
OFFSCREEN="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
WINDOW="$OFFSCREEN xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1"
case "${1:-offscreen}" in
    offscreen) wanted=$OFFSCREEN ;;
    window) wanted=$WINDOW ;;
    *) echo "usage: $0 offscreen|window" >&2; exit 2 ;;
esac
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not a Debian system: nothing to do here
missing=""
for package in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in *"ok installed"*) ;; *) missing="$missing $package" ;; esac
done
[ -n "$missing" ] || exit 0
if [ "$(id -u)" != 0 ]; then
    echo "Qt needs these Debian packages, which are missing:$missing; install them with sudo apt-get install$missing" >&2
    exit 0
fi
echo "Installing the libraries Qt needs:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
