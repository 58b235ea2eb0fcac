#!/bin/sh
# Set everything up, build a fresh demo database in the user's data folder and open the app on it.
set -eu
cd "$(dirname "$0")/.."
sh build_spec/setup.sh
DEMO_DB=$(.venv/bin/python -c 'from desktop import paths; print(paths.data_dir() / "demo.sqlite3")')
rm -f "$DEMO_DB" "$DEMO_DB-wal" "$DEMO_DB-shm"
.venv/bin/reply-ledger demo --db "$DEMO_DB"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No screen found: running on a virtual screen (Xvfb)."
    exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/reply-ledger --db "$DEMO_DB" "$@"
fi
exec .venv/bin/reply-ledger --db "$DEMO_DB" "$@"
