"""Backups and restore that cannot lose a ledger, the automatic daily backups, and the witness at close.

- A backup is written with SQLite's online backup API to a temporary file beside the target, checked
  (complete, SQLite's integrity check), made a single self-contained file, and renamed into place only then.
  It gets the permissions the user's umask gives new files.
- A restore first inspects the backup: an empty, half-written, damaged or foreign file, or one from a newer
  version, is refused; a backup of another ledger, an older one (the live history holds it and more) or one
  whose data no longer matches its history is refused unless the caller insists (``force``). It says what it
  replaces (counts before → after), keeps the live file as a backup, and copies through SQLite so that a kill
  half-way leaves the old ledger.
- When the app closes on a ledger it writes the chain head to the witness file and, at most once a day, a
  backup into the data folder, keeping the newest ``backup.keep`` of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db.connection import (
    SCHEMA_VERSION,
    check_sqlite_header,
    connect,
    explain_os_error,
    explain_sqlite_error,
    schema_version,
)
from db.verify import (
    Finding,
    anchor_findings,
    chain_head,
    data_tables,
    is_ledger,
    verify_ledger,
)
from desktop.core.anchor import Anchor, anchor_from_witness, witness_path, write_witness
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.tempfiles import create_beside, fsync_folder, remove_stale_beside

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

_PAGES_PER_STEP = 256
_AUTO_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")


# ----------------------------------------------------------------------------------------------- backup
def write_backup(conn: sqlite3.Connection, target: Path, *, progress: Progress | None = None,
                 is_cancelled: IsCancelled | None = None) -> Path:
    """Copy the database of ``conn`` to ``target`` (replacing it only with a complete, checked copy).

    Raises:
        LedgerError: the folder is missing or read-only, the disk is full, or the copy fails its check.
        Cancelled: ``is_cancelled()`` said so; nothing is left at ``target``.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise LedgerError(f"The folder '{target.parent}' does not exist; create it or choose another place for the "
                          "backup.", code="backup_folder_missing", path=str(target))
    if target.is_dir():
        raise LedgerError(f"'{target}' is a folder; give the backup a file name.", code="backup_target_is_folder",
                          path=str(target))
    remove_stale_beside(target)
    try:
        temp = create_beside(target)
    except OSError as error:
        raise _write_error(error, target) from error
    try:
        _copy_and_check(conn, temp, target, progress, is_cancelled)
        os.replace(temp, target)
        fsync_folder(target.parent)
    except BaseException as error:
        _remove_with_journal(temp)
        if isinstance(error, sqlite3.Error | OSError) and not isinstance(error, LedgerError):
            raise _write_error(error, target) from error
        raise
    logger.info("backed up to %s", target)
    return target


def _copy_and_check(conn: sqlite3.Connection, temp: Path, target: Path, progress: Progress | None,
                    is_cancelled: IsCancelled | None) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if is_cancelled and is_cancelled():
            raise Cancelled()
        if progress:
            progress(total - remaining, total)

    dest = sqlite3.connect(temp, isolation_level=None)
    try:
        conn.backup(dest, pages=_PAGES_PER_STEP, progress=step)
        # A backup is one self-contained file: no WAL beside it that a copy or a rename could leave behind.
        dest.execute("PRAGMA journal_mode = DELETE")
        problems = [row[0] for row in dest.execute("PRAGMA integrity_check") if row[0] != "ok"]
        source_is_ledger = is_ledger(conn)
        copy_is_ledger = is_ledger(dest)
    finally:
        dest.close()
    if problems or source_is_ledger != copy_is_ledger:
        raise LedgerError(f"The backup written to '{target}' failed its check ({(problems or ['no ledger'])[0]}); "
                          "nothing was kept. Check the disk and try again.", code="backup_check_failed",
                          path=str(target))
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())


def _remove_with_journal(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            logger.info("could not remove %s", leftover, exc_info=True)


def _write_error(error: BaseException, target: Path) -> LedgerError:
    if isinstance(error, LedgerError):
        return error
    known = (explain_os_error(error, target) if isinstance(error, OSError) and not isinstance(error, sqlite3.Error)
             else explain_sqlite_error(error, target))
    if known is not None:
        if known.code in ("disk_full", "disk_io"):
            return LedgerError(f"There is no room to write the backup '{target}' (the disk is full); nothing was "
                               "written. Free some space and try again.", code="disk_full", path=str(target))
        return known
    return LedgerError(f"The backup '{target}' could not be written ({error}); nothing was written.",
                       code="backup_write_failed", path=str(target))


# ----------------------------------------------------------------------------------------------- inspecting
RECORD_TABLES = ("proposals", "replies", "feedback", "commitments", "targets", "evidence", "reminders",
                 "source_documents", "suggestions", "contacts")


@dataclass
class LedgerFacts:
    """What a restore needs to know of one ledger file."""

    path: Path
    schema: int
    head: Anchor
    counts: dict[str, int]
    findings: list[Finding] = field(default_factory=list)


def check_complete(path: Path) -> None:
    """Refuse an empty file, a file that is not SQLite, and one shorter than its header says (half-written)."""
    check_sqlite_header(path)
    with path.open("rb") as handle:
        header = handle.read(100)
    size = path.stat().st_size
    page_size = int.from_bytes(header[16:18], "big") if len(header) >= 18 else 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big") if len(header) >= 32 else 0
    counted = len(header) >= 96 and header[24:28] == header[92:96]  # the page count is valid
    if len(header) < 100 or not page_size or size % page_size or (counted and pages * page_size > size):
        raise LedgerError(f"'{path}' is half-written: it is {size} bytes, shorter than the database it says it "
                          "holds; choose a complete backup.", code="backup_incomplete", path=str(path))


def ledger_facts(path: Path, *, full_check: bool = True) -> LedgerFacts:
    """Open a ledger file read-only and collect its version, chain head, counts and (optionally) its problems.

    Raises:
        LedgerError: the file is empty, half-written, damaged, not a ledger, or from a newer version.
    """
    check_complete(path)
    conn = connect(path, read_only=True)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check") if row[0] != "ok"]
        if problems:
            raise LedgerError(f"'{path}' is damaged or half-written (SQLite says: {problems[0]}); choose another "
                              "backup.", code="backup_incomplete", path=str(path))
        if not is_ledger(conn):
            raise LedgerError(f"'{path}' is a SQLite file but not a Reply Ledger database; choose a backup of the "
                              "ledger.", code="backup_foreign", path=str(path))
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise LedgerError(f"The backup '{path}' was written by a newer Reply Ledger (schema {version}); update "
                              "the application before restoring it.", code="db_too_new", path=str(path),
                              version=version, supported=SCHEMA_VERSION)
        tables = set(data_tables(conn))
        counts = {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                  for table in RECORD_TABLES if table in tables}
        findings = verify_ledger(conn).findings if full_check else []
        return LedgerFacts(path, version, chain_head(conn, source=str(path)), counts, findings)
    except sqlite3.DatabaseError as error:
        raise LedgerError(f"'{path}' is damaged or half-written ({error}); choose another backup.",
                          code="backup_incomplete", path=str(path)) from error
    finally:
        conn.close()


@dataclass
class RestorePlan:
    """A restore, looked at before it is made: what it replaces and why it may be a mistake.

    ``concerns`` are reasons to stop (another ledger, older than the live one, problems found); a restore with
    concerns is made only when forced.
    """

    backup: LedgerFacts
    live: LedgerFacts | None
    concerns: list[tuple[str, str]] = field(default_factory=list)

    def count_lines(self) -> list[str]:
        """'targets: 13 → 0', one line per kind of record that either file holds."""
        before = self.live.counts if self.live else {}
        after = self.backup.counts
        return [f"{table}: {before.get(table, 0)} → {after.get(table, 0)}" for table in RECORD_TABLES
                if before.get(table, 0) or after.get(table, 0)]

    def history_line(self) -> str:
        before = f"{self.live.head.rows} changes" if self.live else "no file"
        return f"history: {before} → {self.backup.head.rows} changes"


def plan_restore(backup: Path, live: Path) -> RestorePlan:
    """Inspect a backup and the live ledger it would replace.

    Raises:
        LedgerError: the backup is missing, empty, half-written, damaged, not a ledger, or from a newer version.
    """
    backup, live = Path(backup), Path(live)
    if not backup.exists():
        raise LedgerError(f"The backup '{backup}' does not exist; check the path.", code="db_missing",
                          path=str(backup))
    if backup.resolve() == live.resolve():
        raise LedgerError(f"'{backup}' is the ledger itself; choose a backup file.", code="restore_same_file",
                          path=str(backup))
    facts = ledger_facts(backup)
    live_facts = ledger_facts(live, full_check=False) if live.exists() and live.stat().st_size else None
    plan = RestorePlan(facts, live_facts)
    if facts.findings:
        plan.concerns.append(("backup_problems", f"the backup fails {len(facts.findings)} check(s), the first: "
                              f"{facts.findings[0].message}"))
    if live_facts is not None and live_facts.head.rows:
        if facts.head.ledger_id and facts.head.ledger_id != live_facts.head.ledger_id:
            plan.concerns.append(("backup_other_ledger", "the backup is of another ledger (its history starts "
                                  "differently)"))
        else:
            with contextlib.closing(connect(live, read_only=True)) as conn:
                holds_backup = not anchor_findings(conn, facts.head)
            lost = live_facts.head.rows - facts.head.rows
            if holds_backup and lost > 0:
                plan.concerns.append(("backup_older", f"the backup is older than the ledger: restoring it undoes "
                                      f"the {lost} change(s) made since"))
            elif not holds_backup:
                plan.concerns.append(("backup_diverged", "the backup and the ledger went separate ways (the ledger's "
                                      "history does not hold the backup's last change)"))
    return plan


@dataclass(frozen=True)
class RestoreOutcome:
    path: Path
    kept: Path | None
    counts: dict[str, int]


def restore(plan: RestorePlan, live: Path, *, force: bool = False, keep_folder: Path | None = None) -> RestoreOutcome:
    """Replace the live ledger with the backup of ``plan``, keeping the live file as a backup first.

    Raises:
        LedgerError: ``restore_refused`` when the plan has concerns and ``force`` is false (nothing changed),
            or the live file cannot be kept or written.
    """
    live = Path(live)
    if plan.concerns and not force:
        reasons = "; ".join(text for _, text in plan.concerns)
        raise LedgerError(f"Not restoring '{plan.backup.path}' over '{live}': {reasons}. Nothing was changed; "
                          "restore it anyway only if that is what you want (restore --force).",
                          code="restore_refused", path=str(plan.backup.path), reasons=reasons)
    kept = None
    if plan.live is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = keep_folder or live.parent
        with contextlib.closing(connect(live, read_only=True)) as current:
            kept = write_backup(current, folder / f"{live.name}.before-restore-{stamp}.bak")
    source = connect(plan.backup.path, read_only=True)
    try:
        dest = connect(live)
        try:
            source.backup(dest, pages=_PAGES_PER_STEP)
        finally:
            dest.close()
    except sqlite3.Error as error:
        known = explain_sqlite_error(error, live)
        raise (known or LedgerError(f"'{live}' could not be restored ({error}); the ledger is as it was"
                                    + (f" and also kept as '{kept}'." if kept else "."),
                                    code="restore_failed", path=str(live))) from error
    finally:
        source.close()
    after = ledger_facts(live, full_check=False)
    logger.info("restored %s from %s (kept %s)", live, plan.backup.path, kept)
    return RestoreOutcome(live, kept, after.counts)


# ----------------------------------------------------------------------------------------------- automatic
def ledger_backup_folder(root: Path, ledger: Path) -> Path:
    """Where the automatic backups of one ledger file go: a folder of its own under ``root``."""
    resolved = str(Path(ledger).resolve())
    return root / f"{Path(ledger).stem}-{hashlib.sha256(resolved.encode('utf-8')).hexdigest()[:8]}"


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in a ledger's backup folder, oldest first."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _AUTO_NAME.match(p.name)),
                  key=lambda p: _AUTO_NAME.match(p.name).group("stamp"))  # type: ignore[union-attr]


def automatic_backup(conn: sqlite3.Connection, ledger: Path, root: Path, keep: int, *,
                     now: dt.datetime | None = None) -> Path | None:
    """At most one backup a day into the ledger's backup folder, keeping the newest ``keep``.

    Returns the new backup, or None when none was due (one today already, nothing changed, or ``keep`` is 0).
    """
    if keep <= 0:
        return None
    now = now or dt.datetime.now()
    folder = ledger_backup_folder(root, ledger)
    existing = automatic_backups(folder)
    if existing:
        newest = existing[-1]
        stamp = _AUTO_NAME.match(newest.name).group("stamp")  # type: ignore[union-attr]
        if stamp[:8] == now.strftime("%Y%m%d"):
            return None
        try:
            with contextlib.closing(connect(newest, read_only=True)) as previous:
                unchanged = chain_head(previous).head == chain_head(conn).head
        except LedgerError:
            unchanged = False
        if unchanged:
            return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{Path(ledger).stem}-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    write_backup(conn, target)
    for old in automatic_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
        logger.info("removed the old automatic backup %s", old)
    return target


@dataclass(frozen=True)
class CloseOutcome:
    witness: Path | None
    backup: Path | None


def close_ledger(conn: sqlite3.Connection, ledger: Path, data_folder: Path, backups_root: Path,
                 keep: int) -> CloseOutcome:
    """What the app does when it closes a ledger: write the witness, then the daily backup when due.

    Failures are logged and do not stop the closing (the ledger itself is safe either way).
    """
    witness = None
    backup = None
    try:
        witness = witness_path(data_folder)
        write_witness(witness, ledger, chain_head(conn))
    except (OSError, LedgerError, sqlite3.Error):
        logger.exception("the witness of %s could not be written", ledger)
        witness = None
    try:
        backup = automatic_backup(conn, ledger, backups_root, keep)
    except (OSError, LedgerError, sqlite3.Error):
        logger.exception("the automatic backup of %s could not be written", ledger)
    return CloseOutcome(witness, backup)


def witness_findings(conn: sqlite3.Connection, ledger: Path, data_folder: Path) -> list[Finding]:
    """Does the ledger still hold the chain head the witness recorded when the app last closed on it?"""
    path = witness_path(data_folder)
    if not path.exists():
        return []
    try:
        anchor = anchor_from_witness(path, ledger, chain_head(conn).ledger_id)
    except LedgerError as error:
        if error.code == "anchor_missing":
            return []
        return [Finding("anchor", error.message)]
    return anchor_findings(conn, anchor)


def update_witness(conn: sqlite3.Connection, ledger: Path, data_folder: Path) -> None:
    """After a deliberate restore the witness follows the restored ledger (only if it knew the ledger)."""
    path = witness_path(data_folder)
    if not path.exists():
        return
    try:
        anchor_from_witness(path, ledger)
    except LedgerError:
        return
    write_witness(path, ledger, chain_head(conn))
