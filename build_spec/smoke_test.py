"""Smoke-test a built or installed program, on Linux and on Windows.

Usage: python build_spec/smoke_test.py PROGRAM
  (dist/reply-ledger-VERSION/reply-ledger, /usr/bin/reply-ledger, or dist\\reply-ledger-VERSION\\reply-ledger-cli.exe)

On a fresh data folder it runs `--smoke-test` in Chinese, in English and (Linux) in the system language set to
Chinese, then writes the demo ledger and smoke-tests it in Chinese. Each run makes the program check its
resources, migrations and translation and open its window offscreen. Any failure stops with exit status 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import APP_NAME, __version__  # noqa: E402

EMPTY_ZH = "建议提案 0 件"
DEMO_ZH = "建议提案 1 件，答复 1 件，承诺事项 15 项"


def run(program: str, *args: str, **env: str) -> str:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    for name, value in env.items():
        if value == "":
            environment.pop(name, None)
    done = subprocess.run([program, *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=environment, timeout=300)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"smoke test failed: {program} {' '.join(args)} exited with status {done.returncode}")
    print(done.stdout.strip())
    return done.stdout


def expect(text: str, output: str) -> None:
    if text not in output:
        raise SystemExit(f"smoke test failed: {text!r} is not in the output {output.strip()!r}")


def main(program: str) -> None:
    with tempfile.TemporaryDirectory(prefix=f"{APP_NAME}-smoke-") as work:
        os.environ["REPLY_LEDGER_DATA_DIR"] = str(Path(work) / "data")
        expect(f"{APP_NAME} {__version__}", run(program, "--version"))
        expect(EMPTY_ZH, run(program, "--smoke-test", "--lang", "zh_CN"))
        expect("0 proposals", run(program, "--smoke-test", "--lang", "en"))
        if sys.platform != "win32":
            # The system language is Chinese; LC_CTYPE stays UTF-8 where no zh_CN locale is generated (CI).
            expect(EMPTY_ZH, run(program, "--smoke-test", LANG="zh_CN.UTF-8", LC_CTYPE="C.UTF-8", LC_ALL="",
                                 LC_MESSAGES="", LANGUAGE=""))
        demo = str(Path(work) / "demo.sqlite3")
        run(program, "demo", "--db", demo)
        expect(DEMO_ZH, run(program, "--smoke-test", "--lang", "zh_CN", "--db", demo))
    print(f"smoke test passed: {program}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__.strip().splitlines()[2])
    main(sys.argv[1])
