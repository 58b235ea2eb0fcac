"""Running a program's ``--smoke-test`` (a copy of the sources, or the built folder) and reading its verdict."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

FAILED = "smoke test failed:"


def run_program(command: list[str], data_dir: Path, *args: str, cwd: Path | None = None,
                **env: str) -> subprocess.CompletedProcess:
    """Run ``command`` with ``args`` offscreen on ``data_dir``; ``env`` adds to (or overrides) the environment."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPLY_LEDGER_DATA_DIR": str(data_dir), **env}
    return subprocess.run([*command, *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=120, env=environment, cwd=cwd)


def one_failure_sentence(done: subprocess.CompletedProcess) -> str:
    """The one line a failed smoke test prints; fails unless it exited 1 with exactly that and no traceback."""
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.startswith(FAILED)]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]
