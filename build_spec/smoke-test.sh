#!/bin/sh
# Smoke-test a built or installed program (build_spec/smoke-test.sh dist/reply-ledger-VERSION/reply-ledger,
# or /usr/bin/reply-ledger): on a fresh data folder in Chinese, in English and in the system's language
# (Chinese), then on the demo ledger. Each run checks resources, migrations and the translation and opens the
# window offscreen; any failure stops with the program's one-sentence reason and exit status 1.
set -eu
PROGRAM=$1
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export REPLY_LEDGER_DATA_DIR="$WORK/data" QT_QPA_PLATFORM=offscreen

expect() {  # expect TEXT OUTPUT: fail unless OUTPUT holds TEXT
    case "$2" in
        *"$1"*) echo "$2" ;;
        *) echo "smoke test failed: '$1' is not in the output: $2" >&2; exit 1 ;;
    esac
}

"$PROGRAM" --version
expect "建议提案 0 件" "$("$PROGRAM" --smoke-test --lang zh_CN)"
expect "0 proposals" "$("$PROGRAM" --smoke-test --lang en)"
# The system language: Chinese (LC_CTYPE stays UTF-8 where no zh_CN locale is generated, as in CI).
expect "建议提案 0 件" "$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=zh_CN.UTF-8 LC_CTYPE=C.UTF-8 "$PROGRAM" --smoke-test)"
"$PROGRAM" demo --db "$WORK/demo.sqlite3"
expect "建议提案 1 件，答复 1 件，承诺事项 15 项" "$("$PROGRAM" --smoke-test --lang zh_CN --db "$WORK/demo.sqlite3")"
echo "smoke test passed: $PROGRAM"
