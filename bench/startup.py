"""Start time of the built program against `python -m desktop`, measured in the same run.

What it measures: the wall time of `--smoke-test --lang zh_CN` on the demo ledger (start the process, check the
installation, load the translation, open the main window offscreen and fill it, print the counts, exit), for
the built program and for `python -m desktop` from the checkout, alternately, and their medians.

Usage: .venv/bin/python bench/startup.py [PROGRAM] [--runs N]
  PROGRAM defaults to dist/reply-ledger-VERSION/reply-ledger (build it with `sh build_spec/build.sh`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop import APP_NAME, __version__  # noqa: E402


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="?", type=Path, default=REPO / "dist" / f"{APP_NAME}-{__version__}" / APP_NAME)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPLY_LEDGER_DATA_DIR": str(Path(work) / "data")}
        demo = str(Path(work) / "demo.sqlite3")
        subprocess.run([str(args.program), "demo", "--db", demo], check=True, capture_output=True, env=env)
        smoke = ["--smoke-test", "--lang", "zh_CN", "--db", demo]
        commands = {"built program": [str(args.program), *smoke],
                    "python -m desktop": [sys.executable, "-m", "desktop", *smoke]}
        for command in commands.values():  # warm the file cache once
            _seconds(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(_seconds(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:18} median {medians[name]:.2f} s  (min {min(values):.2f}, max {max(values):.2f}, "
              f"{args.runs} runs)")
    print(f"ratio built / python -m desktop: {medians['built program'] / medians['python -m desktop']:.2f}")


if __name__ == "__main__":
    main()
