#!/bin/sh
# Start-up of the bundle against the venv's raci, in turns, on this machine in one run:
# first a real X window under Xvfb, then the offscreen platform. Needs a built bundle.
#   bench-bundle.sh [BUNDLE]      BUNDLE defaults to dist/raci-builder; run from `make bench-bundle`
# Prints benchmarks/run.py's table for each (median and best of 9, and the ratio to the venv).
set -eu
cd "$(dirname "$0")/.."
bundle=$(cd "${1:-dist/raci-builder}" && pwd)
[ -x "$bundle/raci" ] || { echo "bench-bundle: no bundle at $bundle; run 'make bundle'" >&2; exit 1; }
python=${PYTHON:-.venv/bin/python}
status=0
echo "== X window under Xvfb (platform xcb)"
RACI_BUNDLE=$bundle QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x720x24" \
    "$python" benchmarks/run.py "bundle start-up" || status=1
echo "== offscreen"
RACI_BUNDLE=$bundle QT_QPA_PLATFORM=offscreen "$python" benchmarks/run.py "bundle start-up" || status=1
exit $status
