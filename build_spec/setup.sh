#!/bin/sh
# Set up a fresh Debian/Ubuntu machine for Reply Ledger: the system libraries Qt needs, Chinese fonts,
# a virtual environment in .venv with the project, its test tools and PyInstaller (for build_spec/build.sh),
# and the compiled translation.
# Safe to run again: it only installs what is missing.
set -eu
cd "$(dirname "$0")/.."

# The system libraries Qt needs and the Chinese fonts (build_spec/debian-depends.txt, also the .deb's Depends),
# Xvfb for machines without a screen, binutils, which PyInstaller uses on Linux, and PostgreSQL (with pg_trgm):
# the tests start a server of their own from it and run the store, command-line and list tests on it too.
APT_PACKAGES="$(grep -v '^#' build_spec/debian-depends.txt) xvfb xauth binutils postgresql"

if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for package in $APT_PACKAGES; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $package"
        fi
    done
    if [ -n "$missing" ]; then
        if [ "$(id -u)" = 0 ]; then
            SUDO=""
        elif command -v sudo >/dev/null 2>&1; then
            SUDO="sudo"
        else
            echo "Please install these packages as root:$missing" >&2
            exit 1
        fi
        echo "Installing system packages:$missing"
        $SUDO apt-get update -q
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
    fi
else
    echo "Not a Debian-like system: install the Qt 6 runtime libraries and a CJK font yourself." >&2
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Reply Ledger needs Python 3.11 or newer; $("$PYTHON" --version 2>&1) was found." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,build]"
.venv/bin/pyside6-lrelease -silent resources/translations/reply_ledger_zh_CN.ts \
    -qm resources/translations/reply_ledger_zh_CN.qm
