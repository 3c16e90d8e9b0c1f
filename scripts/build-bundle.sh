#!/bin/sh
# Builds the one-folder bundle and its archive (what `make bundle` runs before checking it).
#   build-bundle.sh PYTHON   PYTHON has PyInstaller and the app's dependencies (pip install -e '.[bundle]')
# Writes dist/raci-builder/ (the program, its data and only the Qt parts it uses),
# adds the Linux desktop files and their installer, and packs
# dist/raci-builder-VERSION-linux-ARCH.tar.gz. Prints the sizes.
set -eu
cd "$(dirname "$0")/.."
python=${1:?usage: build-bundle.sh PYTHON}
bundle=dist/raci-builder
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/raci/__init__.py)
archive=dist/raci-builder-$version-linux-$(uname -m).tar.gz

"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/raci.spec

# The desktop integration travels with the bundle: ./install-desktop.sh in the unpacked folder.
share=$bundle/share/raci-builder
mkdir -p "$share"
cp packaging/linux/raci-builder.desktop packaging/linux/raci-builder.xml "$share/"
cp -R packaging/icons/hicolor "$share/"
cp packaging/linux/install-desktop.sh "$bundle/"
cat > "$bundle/README.txt" <<TEXT
RACI Builder $version

  ./raci                      the window, on a new team
  ./raci TEAM.raci.json       the window, on that file
  ./raci --help               the command line: check, export, import...
  ./install-desktop.sh install     adds RACI Builder to the menu and opens *.raci.json files with it
  ./install-desktop.sh uninstall   takes that away again

Needs a 64-bit Linux desktop with glibc 2.35 or newer (Ubuntu 22.04, Debian 12, Fedora 36 or later), X11 or Wayland.
TEXT

rm -f "$archive"
tar -C dist -czf "$archive" raci-builder
megabytes() { awk '{printf "%.0f MB", $1 / 1e6}'; }
echo "Bundle: $bundle ($(du -sb "$bundle" | megabytes) on disk); archive: $archive ($(wc -c < "$archive" | megabytes))"
