#!/bin/sh
# Build the installable program from a checkout, in one command:
#   dist/reply-ledger-VERSION/                      the one-folder program (run dist/reply-ledger-VERSION/reply-ledger)
#   dist/reply-ledger-VERSION-linux-x86_64.tar.gz   the same folder, packed
#   dist/reply-ledger_VERSION_amd64.deb             installs /opt/reply-ledger, /usr/bin/reply-ledger, menu entry, icon
#   dist/reply-ledger-VERSION.files                 the folder's file list (the same for the same commit)
# It sets up what the build needs (build_spec/setup.sh, with PyInstaller from the `build` extra), compiles the
# translation, freezes the app, smoke-tests the built program on a fresh data folder and on the demo, and packs it.
set -eu
cd "$(dirname "$0")/.."
sh build_spec/setup.sh
PY=.venv/bin/python
VERSION=$($PY -c 'from desktop import __version__; print(__version__)')
# Archives are dated by the commit, not by the clock, so that a rebuild of the same commit is the same.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
export SOURCE_DATE_EPOCH
.venv/bin/pyside6-lrelease -silent resources/translations/reply_ledger_zh_CN.ts \
    -qm resources/translations/reply_ledger_zh_CN.qm
$PY build_spec/icons.py build/icons
FOLDER=dist/reply-ledger-$VERSION
rm -rf "$FOLDER" build/pyinstaller
# A fixed hash seed makes the byte code PyInstaller writes the same on every build.
PYTHONHASHSEED=0 $PY -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    build_spec/reply_ledger.spec
$PY build_spec/smoke_test.py "$FOLDER/reply-ledger"
rm -f dist/reply-ledger-"$VERSION"-linux-*.tar.gz dist/reply-ledger_"$VERSION"_*.deb
$PY build_spec/package.py "$FOLDER"
echo "Built (sizes in MiB):"
du -sm "$FOLDER" dist/reply-ledger-"$VERSION"-linux-*.tar.gz dist/reply-ledger_"$VERSION"_*.deb
