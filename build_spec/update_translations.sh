#!/bin/sh
# Refresh the translation source from the UI code, then compile it. Run from the repository root.
# New strings appear in resources/translations/reply_ledger_zh_CN.ts as "unfinished": translate them
# (Qt Linguist, or by editing the XML) before committing; a test fails while any is left.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
BIN=$(dirname "$PY")
"$BIN/pyside6-lupdate" $(find desktop/ui -name "*.py" | sort) -ts resources/translations/reply_ledger_zh_CN.ts \
    -source-language en -target-language zh_CN -no-obsolete -locations none
"$BIN/pyside6-lrelease" resources/translations/reply_ledger_zh_CN.ts -qm resources/translations/reply_ledger_zh_CN.qm
