#!/bin/sh
# Set everything up, then run the linter and the whole test suite (offscreen, no screen needed).
set -eu
cd "$(dirname "$0")/.."
sh build_spec/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m ruff check .
.venv/bin/python -m pytest "$@"
