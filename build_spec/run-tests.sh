#!/bin/sh
# Set everything up, run the linter, build the installable program once (build_spec/build.sh: the folder, its
# smoke test on a fresh data folder and on the demo, the .tar.gz and the .deb), install the .deb with dpkg -i
# and smoke-test /usr/bin/reply-ledger, then run the whole test suite (offscreen, no screen needed), including
# the tests of the built program. Any failure stops the run.
set -eu
cd "$(dirname "$0")/.."
sh build_spec/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m ruff check .
sh build_spec/build.sh
sh build_spec/install-deb.sh
VERSION=$(.venv/bin/python -c 'from desktop import __version__; print(__version__)')
REPLY_LEDGER_BUNDLE="$PWD/dist/reply-ledger-$VERSION" .venv/bin/python -m pytest "$@"
