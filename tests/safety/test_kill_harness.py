"""Crash safety, measured: SIGKILL a child process at a random moment of an operation, then check the ledger.

Operations: ``import`` (30 letters, one transaction each), ``import-ledger`` (an exported workbook of 1 500
targets into an empty ledger, one transaction), ``export`` (the audit workbook), ``backup`` (an online copy) and a
burst of edits (saves, new and deleted evidence, each its own transaction). After every kill:

- ``verify`` passes (integrity, links, the chain, every row against its history);
- the operation's records are all there or none: each letter with its reply and all its suggestions, the whole
  workbook or nothing of it;
- nothing half-written is at the target path: the workbook or backup there is complete, or there is none;
- temporary files are cleaned up on the next start: the killed run's temporary folder is gone once ``verify``
  has run, and the next export or backup to the same target leaves nothing beside it.

The default run kills each operation once. ``pytest -m slow tests/safety/test_kill_harness.py -s`` kills each of
them 12 times (60 kills) while it writes (from the moment its file or temporary file appears to its end) and
prints the figures; ``REPLY_LEDGER_KILLS`` changes the number per operation.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.letters import SMALL_LETTER

_EDITS = textwrap.dedent("""
    import dataclasses, datetime as dt, random, sys
    from db import Store
    from desktop.core.records import Evidence, Target
    random.seed(int(sys.argv[2]))
    with Store.open(sys.argv[1], actor="burst") as store:
        ids = [row[0] for row in store.conn.execute("SELECT id FROM targets ORDER BY id LIMIT 200")]
        for step in range(int(sys.argv[3])):
            target = store.get(Target, random.choice(ids))
            if step % 3 == 0:
                store.save(Evidence(target_id=target.id, as_of_date=dt.date(2022, 1, 1) + dt.timedelta(days=step),
                                    value=float(step), unit=target.unit, source_title="burst"))
            elif step % 7 == 0:
                for evidence in store.list(Evidence, "source_title = 'burst'", limit=1):
                    store.delete(Evidence, evidence.id)
            else:
                store.save(dataclasses.replace(target, value=(target.value or 0) + 1))
""")


@dataclass
class Tally:
    """What the kills of one operation found."""

    kills: int = 0
    finished_first: int = 0
    failures: list[str] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    stale_cleaned: int = 0

    def line(self, name: str) -> str:
        seen = ", ".join(f"{key}: {count}" for key, count in sorted(self.outcomes.items()))
        return (f"{name}: {self.kills} kills ({seen}); {self.stale_cleaned} killed runs' temporary folders removed "
                f"at the next start; failures: {len(self.failures)}")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *args]


def _run(command: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def _kill_during(command: list[str], env: dict[str, str], delay: float, folder: Path | None = None) -> bool:
    """Start ``command`` and SIGKILL it ``delay`` seconds after it starts writing (a new file appears in
    ``folder``; with no folder, after its start); False when it finished before."""
    names = {p.name for p in folder.iterdir()} if folder is not None else set()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while folder is not None and process.poll() is None and not {p.name for p in folder.iterdir()} - names:
        time.sleep(0.005)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    done = _run(command, env)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - started


def _count(db: Path, sql: str) -> int:
    with contextlib.closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchone()[0]


def _run_folders(data: Path) -> list[Path]:
    root = data / "tmp"
    return [p for p in root.iterdir() if p.is_dir()] if root.exists() else []


def _write_letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        text = (SMALL_LETTER.replace("第12号", f"第{300 + number}号").replace("第045号", f"第{400 + number}号")
                .replace("1500个", f"{1500 + number}个"))
        path = folder / f"letter_{number:02d}.txt"
        path.write_text(text + "另外，到2023年底新增充电站30座。\n" * (number % 5), encoding="utf-8")
        paths.append(path)
    return paths


class Harness:
    """Ledgers, letters and a workbook built once; every trial works on fresh copies of them."""

    def __init__(self, root: Path, targets: int, letters: int, edits: int, workbook_targets: int) -> None:
        self.root = root
        self.edits = edits
        self.data = root / "data"
        self.data.mkdir(parents=True)
        self.env = {**os.environ, "REPLY_LEDGER_DATA_DIR": str(self.data), "PYTHONPATH": str(REPO)}
        self.ledger = root / "ledger.sqlite3"
        done = _run([sys.executable, "bench/generate_ledger.py", str(self.ledger), "--targets", str(targets)],
                    self.env)
        assert done.returncode == 0, done.stderr
        small = root / "small.sqlite3"
        done = _run([sys.executable, "bench/generate_ledger.py", str(small), "--targets", str(workbook_targets)],
                    self.env)
        assert done.returncode == 0, done.stderr
        self.workbook = root / "ledger.xlsx"
        assert _run(_cli("export", "--db", str(small), "-o", str(self.workbook)), self.env).returncode == 0
        self.letters = _write_letters(root / "letters", letters)
        reference = root / "reference.sqlite3"
        done = _run(_cli("import", *map(str, self.letters), "--db", str(reference), "--accept"), self.env)
        assert done.returncode == 0, done.stderr
        with contextlib.closing(sqlite3.connect(reference)) as conn:
            # Per letter (by its hash): the records its import creates.
            self.per_letter = {sha: counts for sha, *counts in conn.execute(
                "SELECT s.sha256, count(DISTINCT r.id), count(DISTINCT c.id), count(DISTINCT t.id) FROM "
                "source_documents s LEFT JOIN replies r ON r.source_document_id = s.id LEFT JOIN commitments c ON "
                "c.reply_id = r.id LEFT JOIN targets t ON t.commitment_id = c.id GROUP BY s.id")}
            self.reference_proposals = conn.execute("SELECT count(*) FROM proposals").fetchone()[0]
        empty = root / "empty.sqlite3"
        assert _run(_cli("import-ledger", str(self.workbook), "--db", str(empty)), self.env).returncode == 0
        self.workbook_counts = (_count(empty, "SELECT count(*) FROM proposals"),
                                _count(empty, "SELECT count(*) FROM targets"),
                                _count(empty, "SELECT count(*) FROM history"))
        self.tallies: dict[str, Tally] = {}
        self.durations: dict[str, float] = {}
        self.writing_from: dict[str, float] = {}

    def fresh_copy(self, name: str) -> Path:
        target = self.root / "trial" / name
        target.parent.mkdir(exist_ok=True)
        for leftover in target.parent.iterdir():
            leftover.unlink()
        with contextlib.closing(sqlite3.connect(self.ledger)) as source, \
                contextlib.closing(sqlite3.connect(target)) as dest:
            source.backup(dest)
        return target

    # ----------------------------------------------------------------- one trial per operation
    def command(self, operation: str, trial: int) -> tuple[list[str], Path, Path | None]:
        """The command to kill, the ledger it works on, and the file it writes (if any)."""
        folder = self.root / "trial"
        if operation == "import":
            folder.mkdir(exist_ok=True)
            db = folder / "letters.sqlite3"
            for leftover in folder.iterdir():
                leftover.unlink()
            return _cli("import", *map(str, self.letters), "--db", str(db), "--accept"), db, None
        if operation == "import-ledger":
            folder.mkdir(exist_ok=True)
            for leftover in folder.iterdir():
                leftover.unlink()
            db = folder / "moved-in.sqlite3"
            return _cli("import-ledger", str(self.workbook), "--db", str(db)), db, None
        db = self.fresh_copy("ledger.sqlite3")
        if operation == "export":
            out = folder / "audit.xlsx"
            return _cli("export", "--db", str(db), "-o", str(out)), db, out
        if operation == "backup":
            out = folder / "copy.sqlite3"
            return _cli("backup", "--db", str(db), "-o", str(out)), db, out
        return [sys.executable, "-c", _EDITS, str(db), str(trial), str(self.edits)], db, None

    def check(self, operation: str, db: Path, out: Path | None, tally: Tally) -> None:
        before = {p.name for p in _run_folders(self.data)}
        done = _run(_cli("verify", "--db", str(db)), self.env)  # also the next start: stale folders go
        # Killed while it was still creating the file, the command leaves no ledger (or an empty file): nothing.
        is_ledger = db.exists() and db.stat().st_size > 0 and _count(
            db, "SELECT count(*) FROM sqlite_master WHERE name = 'history'") > 0
        if is_ledger and done.returncode != 0:
            tally.failures.append(f"{operation}: verify failed: {done.stdout[-400:]} {done.stderr[-400:]}")
        after = {p.name for p in _run_folders(self.data)}
        tally.stale_cleaned += len(before - after)
        if after:
            tally.failures.append(f"{operation}: temporary folders left after the next start: {sorted(after)}")
        getattr(self, "_check_" + operation.replace("-", "_"))(db, out, tally)

    def _check_import(self, db: Path, out: Path | None, tally: Tally) -> None:
        if not db.exists() or not db.stat().st_size or _count(
                db, "SELECT count(*) FROM sqlite_master WHERE name = 'source_documents'") == 0:
            tally.outcomes["no letter yet"] += 1
            return
        with contextlib.closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            found = {sha: counts for sha, *counts in conn.execute(
                "SELECT s.sha256, count(DISTINCT r.id), count(DISTINCT c.id), count(DISTINCT t.id) FROM "
                "source_documents s LEFT JOIN replies r ON r.source_document_id = s.id LEFT JOIN commitments c ON "
                "c.reply_id = r.id LEFT JOIN targets t ON t.commitment_id = c.id GROUP BY s.id")}
            proposals = conn.execute("SELECT count(*) FROM proposals").fetchone()[0]
        for sha, counts in found.items():
            if counts != self.per_letter.get(sha):
                tally.failures.append(f"import: letter {sha[:8]} is partly imported: {counts}, whole is "
                                      f"{self.per_letter.get(sha)}")
        if proposals != len(found):
            tally.failures.append(f"import: {proposals} proposals for {len(found)} letters")
        tally.outcomes[f"{len(found) // 10 * 10}-{len(found) // 10 * 10 + 9} letters in"] += 1

    def _check_import_ledger(self, db: Path, out: Path | None, tally: Tally) -> None:
        if not db.exists() or not db.stat().st_size or _count(
                db, "SELECT count(*) FROM sqlite_master WHERE name = 'proposals'") == 0:
            tally.outcomes["none (no ledger yet)"] += 1
            return
        counts = (_count(db, "SELECT count(*) FROM proposals"), _count(db, "SELECT count(*) FROM targets"),
                  _count(db, "SELECT count(*) FROM history"))
        if counts == (0, 0, 0):
            tally.outcomes["none"] += 1
        elif counts == self.workbook_counts:
            tally.outcomes["all"] += 1
        else:
            tally.failures.append(f"import-ledger: partly imported {counts}, whole is {self.workbook_counts}")

    def _check_export(self, db: Path, out: Path | None, tally: Tally) -> None:
        from openpyxl import load_workbook

        assert out is not None
        if out.exists():
            try:
                workbook = load_workbook(out, read_only=True)
                complete = any(p.name == "ReplyLedger.history.head" for p in workbook.custom_doc_props)
                workbook.close()
            except Exception as error:  # a half-written workbook is exactly what must not be there
                tally.failures.append(f"export: the workbook at the target is broken: {error!r}")
                return
            tally.outcomes["complete workbook" if complete else "workbook without anchor"] += 1
        else:
            tally.outcomes["no workbook"] += 1
        leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".audit.xlsx.")]
        tally.outcomes["temporary file left by the kill"] += bool(leftovers)
        out.unlink(missing_ok=True)
        done = _run(_cli("export", "--db", str(db), "-o", str(out)), self.env)  # the next export cleans up
        if done.returncode != 0:
            tally.failures.append(f"export: the next export failed: {done.stderr}")
        left = sorted(p.name for p in out.parent.iterdir() if p.name.startswith("."))
        if left:
            tally.failures.append(f"export: temporary files left after the next export: {left}")

    def _check_backup(self, db: Path, out: Path | None, tally: Tally) -> None:
        assert out is not None
        if out.exists():
            done = _run(_cli("verify", "--db", str(out)), self.env)
            if done.returncode != 0:
                tally.failures.append(f"backup: the backup at the target does not verify: {done.stdout[-300:]}"
                                      f"{done.stderr[-300:]}")
            tally.outcomes["complete backup"] += 1
            return
        tally.outcomes["no backup"] += 1
        leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".copy.sqlite3.")]
        tally.outcomes["temporary file left by the kill"] += bool(leftovers)
        done = _run(_cli("backup", "--db", str(db), "-o", str(out)), self.env)
        if done.returncode != 0:
            tally.failures.append(f"backup: the next backup failed: {done.stderr}")
        left = sorted(p.name for p in out.parent.iterdir() if p.name.startswith("."))
        if left:
            tally.failures.append(f"backup: temporary files left after the next backup: {left}")

    def _check_edits(self, db: Path, out: Path | None, tally: Tally) -> None:
        saves = _count(db, "SELECT count(*) FROM history WHERE actor = 'burst'")
        tally.outcomes[f"{saves // 100 * 100}+ saves"] += 1

    # ----------------------------------------------------------------- the loop
    def measure(self, operation: str) -> tuple[float, float]:
        """How long an uninterrupted run takes, and when it starts writing (its file or temporary file appears)."""
        if operation not in self.durations:
            command, db, out = self.command(operation, 0)
            folder = db.parent
            names = {p.name for p in folder.iterdir()}
            started = time.monotonic()
            process = subprocess.Popen(command, cwd=REPO, env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE, text=True)
            while process.poll() is None:
                if operation not in self.writing_from and {p.name for p in folder.iterdir()} - names:
                    self.writing_from[operation] = time.monotonic() - started
                time.sleep(0.01)
            self.durations[operation] = time.monotonic() - started
            assert process.returncode == 0, process.stderr.read() if process.stderr else ""
            self.writing_from.setdefault(operation, 0.0)
            if out is not None:
                out.unlink(missing_ok=True)
        return self.writing_from[operation], self.durations[operation]

    def kill(self, operation: str, kills: int, rng: random.Random,
             window: tuple[float, float] | None = None) -> Tally:
        """Kill ``operation`` ``kills`` times, at a moment drawn from ``window`` (seconds after its start; by
        default anywhere in the time an uninterrupted run takes, its start-up included)."""
        tally = self.tallies.setdefault(operation, Tally())
        watch = window is None
        if window is None:  # while it writes: from its first file to its end
            writing, duration = self.measure(operation)
            window = (0.0, duration - writing)
        low, high = window
        attempts = 0
        while tally.kills < kills and attempts < kills * 8:
            attempts += 1
            command, db, out = self.command(operation, attempts)
            # A run that finished before its kill makes the next ones come sooner.
            delay = rng.uniform(low, high) * 0.8 ** tally.finished_first
            if not _kill_during(command, self.env, delay, db.parent if watch else None):
                tally.finished_first += 1
                continue
            tally.kills += 1
            self.check(operation, db, out, tally)
        return tally


OPERATIONS = ("import", "import-ledger", "export", "backup", "edits")


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Harness:
    return Harness(tmp_path_factory.mktemp("kills"), targets=300, letters=8, edits=400, workbook_targets=300)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_one_kill_each(harness: Harness, operation: str) -> None:
    # Soon after start-up (~0.6 s here), when the work has begun: the slow run covers the whole span. A command
    # that starts and finishes sooner (a backup of this small ledger takes a few tenths of a second) is killed
    # within the time an uninterrupted run takes.
    _, duration = harness.measure(operation)
    window = (min(0.7, 0.5 * duration), min(1.2, 0.9 * duration))
    tally = harness.kill(operation, 1, random.Random(f"default-{operation}"), window=window)
    assert tally.kills == 1
    assert tally.failures == []


@pytest.mark.slow
def test_sixty_kills(tmp_path_factory: pytest.TempPathFactory) -> None:
    per_operation = int(os.environ.get("REPLY_LEDGER_KILLS", "12"))
    harness = Harness(tmp_path_factory.mktemp("kills"), targets=6000, letters=30, edits=3000,
                      workbook_targets=1500)
    rng = random.Random(os.environ.get("REPLY_LEDGER_KILL_SEED", "kills"))
    for operation in OPERATIONS:
        harness.kill(operation, per_operation, rng)
    report = [harness.tallies[op].line(op) for op in OPERATIONS]
    total = sum(t.kills for t in harness.tallies.values())
    print("\n" + "\n".join(report) + f"\ntotal: {total} kills; uninterrupted runs (writing from … to): "
          + ", ".join(f"{op} {harness.writing_from[op]:.1f}–{harness.durations[op]:.1f} s" for op in OPERATIONS))
    failures = [f for t in harness.tallies.values() for f in t.failures]
    assert total >= 5 * per_operation
    assert failures == []
