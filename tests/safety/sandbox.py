"""Run a command on a full disk or a read-only file or folder, for real, in a private mount namespace.

``unshare -m`` (with ``-r`` for a user without root) gives the child its own mounts: a tiny tmpfs that fills up,
or a read-only bind mount over a file or folder. Root is not stopped by file permissions, a read-only mount
stops everyone. The mounts vanish with the child; what the test needs to see afterwards (dump hashes of
databases, folder listings) is collected inside and returned as JSON.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import REPO

_DRIVER = r'''
import contextlib, hashlib, json, os, sqlite3, subprocess, sys
spec = json.loads(sys.argv[1])
for mount in spec.get("mounts", []):
    if mount["kind"] == "tmpfs":
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={mount['size']}", "tmpfs", mount["target"]], check=True)
    else:
        subprocess.run(["mount", "--bind", mount["target"], mount["target"]], check=True)
for source, target in spec.get("copy", []):
    with open(source, "rb") as src, open(target, "wb") as dst:
        dst.write(src.read())
fill = spec.get("fill")
if fill:
    filler = os.path.join(fill["folder"], "filler")
    with open(filler, "wb", buffering=0) as out:
        with contextlib.suppress(OSError):
            while True:
                out.write(b"\0" * 4096)
    os.truncate(filler, os.path.getsize(filler) - fill["leave"])
for mount in spec.get("mounts", []):
    if mount["kind"] == "ro":
        subprocess.run(["mount", "-o", "remount,bind,ro", mount["target"]], check=True)
done = subprocess.run(spec["run"], capture_output=True, text=True, cwd=spec["cwd"])

def dump(path):
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()

then = [subprocess.run(command, capture_output=True, text=True, cwd=spec["cwd"]) for command in spec.get("then", [])]
result = {"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
          "then": [{"code": t.returncode, "stdout": t.stdout, "stderr": t.stderr} for t in then],
          "dumps": {path: dump(path) for path in spec.get("dump", [])},
          "listing": {folder: sorted(os.listdir(folder)) for folder in spec.get("list", [])}}
print(json.dumps(result))
'''


@functools.cache
def _unshare_prefix() -> list[str] | None:
    if not shutil.which("unshare") or not sys.platform.startswith("linux"):
        return None
    prefix = ["unshare", "-m"] + ([] if os.geteuid() == 0 else ["-r"])
    try:
        probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return prefix if probe.returncode == 0 else None


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *args]


def run_sandboxed(spec: dict[str, Any]) -> dict[str, Any]:
    """Run ``spec["run"]`` after the mounts of ``spec``; returns its exit code, output, dump hashes, listings."""
    prefix = _unshare_prefix()
    if prefix is None:
        pytest.skip("needs Linux mount namespaces (unshare -m) to make a full disk or a read-only mount")
    spec = {"cwd": str(REPO), **spec}
    for key in ("dump", "list"):
        spec[key] = [str(p) for p in spec.get(key, [])]
    spec["mounts"] = [{**m, "target": str(m["target"])} for m in spec.get("mounts", [])]
    spec["copy"] = [[str(a), str(b)] for a, b in spec.get("copy", [])]
    if spec.get("fill"):
        spec["fill"] = {**spec["fill"], "folder": str(spec["fill"]["folder"])}
    done = subprocess.run([*prefix, sys.executable, "-c", _DRIVER, json.dumps(spec)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])

