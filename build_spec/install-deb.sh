#!/bin/sh
# Install the built .deb with dpkg -i (as root, or through sudo) and smoke-test the installed command.
# Usage: sh build_spec/install-deb.sh [dist/reply-ledger_VERSION_ARCH.deb]
set -eu
cd "$(dirname "$0")/.."
VERSION=$(.venv/bin/python -c 'from desktop import __version__; print(__version__)')
DEB=${1:-dist/reply-ledger_${VERSION}_$(dpkg --print-architecture).deb}
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO dpkg -i "$DEB"
.venv/bin/python build_spec/smoke_test.py /usr/bin/reply-ledger
