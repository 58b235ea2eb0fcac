#!/bin/sh
# Set up a fresh Debian/Ubuntu machine for Reply Ledger: the system libraries Qt needs, Chinese fonts,
# a virtual environment in .venv with the project and its test tools, and the compiled translation.
# Safe to run again: it only installs what is missing.
set -eu
cd "$(dirname "$0")/.."

# What PySide6's Qt libraries and its xcb/offscreen platform plugins link against on Debian 12, plus fonts
# for Chinese text and Xvfb for machines without a screen.
APT_PACKAGES="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 fonts-noto-cjk xvfb xauth"

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
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
.venv/bin/pyside6-lrelease -silent resources/translations/reply_ledger_zh_CN.ts \
    -qm resources/translations/reply_ledger_zh_CN.qm
