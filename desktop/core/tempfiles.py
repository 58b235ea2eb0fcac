"""Temporary files that a kill cannot leave behind for long.

Files written in place of a target (a workbook, a backup) are first written beside it under a name that carries
the writing process's id, and renamed over the target only when complete. A process killed half-way leaves that
temporary file; the next write to the same target removes the ones whose process is gone. Everything else a
run writes to the temporary folder (openpyxl's streamed sheets, for one) goes to a folder of the run's own in
the data folder, removed when the run ends and, after a kill, at the next start.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

logger = logging.getLogger(__name__)

# ".NAME.PID.RANDOM.SUFFIX", and what SQLite keeps beside such a file while it writes it (-journal, -wal, -shm).
_PART = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]{8}(?P<suffix>\.[\w.]+)(?:-journal|-wal|-shm)?$")
_RUN_FOLDER = re.compile(r"^(?P<pid>\d+)-[0-9a-f]{8}$")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (on systems that cannot tell, assume it does)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def create_beside(target: Path, suffix: str = ".part") -> Path:
    """Create an empty temporary file beside ``target``, with the permissions the umask gives new files.

    ``tempfile.mkstemp`` would create it readable by its owner only, and the rename would keep that.

    Raises:
        OSError: the folder cannot be written.
    """
    while True:
        candidate = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{suffix}")
        try:
            handle = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return candidate


def stale_beside(target: Path) -> list[Path]:
    """Temporary files beside ``target`` left by processes that are gone."""
    found = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _PART.match(entry.name)
        if match and match.group("name") == target.name and not process_alive(int(match.group("pid"))):
            found.append(entry)
    return found


def remove_stale_beside(target: Path) -> int:
    """Remove what killed writers of ``target`` left behind; returns how many files went."""
    removed = 0
    for entry in stale_beside(target):
        try:
            entry.unlink()
            removed += 1
            logger.info("removed %s, left by an interrupted write", entry)
        except OSError:
            logger.info("could not remove %s", entry, exc_info=True)
    return removed


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def remove_stale_run_folders(root: Path) -> int:
    """Remove the run folders under ``root`` whose process is gone; returns how many went."""
    removed = 0
    try:
        entries = list(root.iterdir())
    except OSError:
        return 0
    for entry in entries:
        match = _RUN_FOLDER.match(entry.name)
        if match and entry.is_dir() and not process_alive(int(match.group("pid"))):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
            logger.info("removed %s, left by an interrupted run", entry)
    return removed


@contextlib.contextmanager
def run_temp_folder(root: Path) -> Iterator[Path]:
    """Point Python's temporary folder at a folder of this run's own under ``root`` while the block runs.

    Stale folders of killed runs are removed first; this run's folder is removed at the end.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
        remove_stale_run_folders(root)
        folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
        folder.mkdir()
    except OSError:  # a read-only data folder: keep the system's temporary folder
        logger.info("no temporary folder under %s", root, exc_info=True)
        yield Path(tempfile.gettempdir())
        return
    previous = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(folder, ignore_errors=True)
