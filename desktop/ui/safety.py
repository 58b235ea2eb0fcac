"""Keeping the ledger safe from the window: File › Back up now / Restore…, the notice that another Reply Ledger has
the same file open, the history check against the witness at start, the witness and the daily backup at close,
and the offer to reload a form whose save was refused because someone else saved the record first.

The work itself is in :mod:`db.backups`; this module asks, shows and runs it on the thread pool.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from db import Store
from db.backups import RestorePlan, close_ledger, plan_restore, restore, update_witness, witness_findings, write_backup
from db.connection import connect
from desktop import paths
from desktop.core.errors import LedgerError
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.messages import user_message
from desktop.ui.prompts import Prompter
from desktop.ui.workers import Pool, ProgressRunner

logger = logging.getLogger(__name__)


_TABLE_LABELS = {
    "proposals": QT_TRANSLATE_NOOP("LedgerSafety", "Proposals"),
    "replies": QT_TRANSLATE_NOOP("LedgerSafety", "Replies"),
    "feedback": QT_TRANSLATE_NOOP("LedgerSafety", "Ratings"),
    "commitments": QT_TRANSLATE_NOOP("LedgerSafety", "Commitments"),
    "targets": QT_TRANSLATE_NOOP("LedgerSafety", "Targets"),
    "evidence": QT_TRANSLATE_NOOP("LedgerSafety", "Evidence"),
    "reminders": QT_TRANSLATE_NOOP("LedgerSafety", "Reminders"),
    "source_documents": QT_TRANSLATE_NOOP("LedgerSafety", "Source documents"),
    "suggestions": QT_TRANSLATE_NOOP("LedgerSafety", "Suggestions"),
    "contacts": QT_TRANSLATE_NOOP("LedgerSafety", "Contacts"),
}


class BackupDialogs(QObject):
    """The file choosers of backup and restore (tests give scripted ones)."""

    def backup_target(self, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, self.tr("Back up the ledger"), suggested,
                                              self.tr("Ledgers (*.sqlite3 *.db);;All files (*)"))
        return Path(name) if name else None

    def backup_to_restore(self, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, self.tr("Restore the ledger from a backup"),
                                              str(paths.backups_dir()),
                                              self.tr("Ledgers (*.sqlite3 *.db *.bak);;All files (*)"))
        return Path(name) if name else None


def _notice(parent: QWidget, name: str, text: str) -> QMessageBox:
    """A message that does not block the window (it stays until read)."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("LedgerSafety", "Reply Ledger"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.open()
    return box


class LedgerSafety(QObject):
    """Backup, restore and the guards of one open ledger window.

    Signals:
        restored(object): the ledger was replaced by a backup (the RestoreOutcome); lists must reload.
    """

    restored = Signal(object)

    def __init__(self, window: QWidget, store: Store, *, prompter: Prompter, pool: Pool,
                 dialogs: BackupDialogs | None = None, has_unsaved: Callable[[], bool] = lambda: False) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._prompter = prompter
        self._pool = pool
        self.dialogs = dialogs or BackupDialogs(self)
        self._has_unsaved = has_unsaved
        self.runner: ProgressRunner | None = None
        self.notices: list[QMessageBox] = []
        # Another Reply Ledger with this file open holds the lock; a crashed one's lock is taken over. A server
        # ledger is meant to be open in many windows, and its server keeps it safe: no lock, witness or daily copy.
        self._file = store.path
        self._lock = QLockFile(str(self._file) + ".lock") if self._file is not None else None
        self.other_instance: tuple[int, str] | None = None
        if self._lock is not None:
            self._lock.setStaleLockTime(0)
        if self._lock is not None and not self._lock.tryLock(0):
            info = self._lock.getLockInfo()  # (pid, host, application), or false when it cannot be read
            self.other_instance = (int(info[0]), str(info[1])) if isinstance(info, tuple) and len(info) >= 2 \
                else (0, "")

        self.backup_action = QAction(self.tr("&Back up now…"), window)
        self.backup_action.setObjectName("backUpNowAction")
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), window)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self.restore_from_backup)

    def actions(self) -> list[QAction]:
        return [self.backup_action, self.restore_action]

    # ----------------------------------------------------------------- start and close
    def check_on_open(self) -> list[QMessageBox]:
        """Say that another window has the file open, and whether the history still holds the witness's head."""
        if self.other_instance is not None:
            pid, host = self.other_instance
            self.notices.append(_notice(self._window, "secondInstanceNotice", self.tr(
                "This ledger is already open in another Reply Ledger (process {pid} on {host}). You can both work on "
                "it: a save that meets a change made in the other window is refused, and the form offers to reload "
                "it.").format(pid=pid, host=host or "?")))
        if self._file is None:
            return self.notices
        try:
            findings = witness_findings(self._store.conn, self._file, paths.data_dir())
        except (LedgerError, OSError):
            logger.exception("the witness could not be checked")
            findings = []
        if findings:
            logger.warning("history of %s no longer holds the witness head: %s", self._store.path,
                           findings[0].message)
            self.notices.append(_notice(self._window, "historyNotice", self.tr(
                "The history of this ledger no longer holds the last change it held when Reply Ledger last closed "
                "on it: changes were removed or rewritten outside the app, or an older copy was put in its place. "
                "Run 'reply-ledger verify --anchor' with the witness file, a backup or an exported workbook to see "
                "what changed.")))
        return self.notices

    def on_close(self) -> None:
        """The witness and, at most once a day, a backup into the data folder; then let another window in."""
        if self._file is None:
            return
        try:
            keep = int(self._store.get_setting("backup.keep"))
            close_ledger(self._store.conn, self._store.path, paths.data_dir(), paths.backups_dir(), keep)
        except sqlite3.ProgrammingError:  # the store was closed before the window: nothing to record
            logger.info("%s was closed before its window", self._store.path)
        except Exception:  # closing must go on whatever happens here; the ledger itself is safe
            logger.exception("closing %s: witness or automatic backup failed", self._store.path)
        finally:
            if self._lock is not None and self._lock.isLocked():
                self._lock.unlock()

    # ----------------------------------------------------------------- backup
    @Slot()
    def back_up_now(self) -> ProgressRunner | None:
        suggested = f"{self._store.location.name}-{dt.date.today().isoformat()}.sqlite3"
        folder = self._file.parent if self._file is not None else paths.data_dir()
        target = self.dialogs.backup_target(self._window, str(folder / suggested))
        if target is None:
            return None
        if self._file is not None and target.resolve() == self._file.resolve():
            self._prompter.show_error(self._window, self.tr("A backup cannot replace the ledger itself; choose "
                                                            "another file."))
            return None
        source = self._store.location

        def back_up(progress: Any = None, is_cancelled: Any = None) -> Path:
            if source.path is None:  # a server ledger: a new file with the whole history, checked
                with Store.attach(source) as store:
                    return store.backup_to(target, progress=progress, is_cancelled=is_cancelled)
            with contextlib.closing(connect(source.path, read_only=True)) as conn:
                return write_backup(conn, target, progress=progress, is_cancelled=is_cancelled)

        runner = self._runner(self.tr("Backing up to {file}…").format(file=target.name))
        runner.succeeded.connect(lambda written: self._prompter.show_info(
            self._window, self.tr("The ledger was backed up to {path}.").format(path=written)))
        runner.start(back_up)
        return runner

    # ----------------------------------------------------------------- restore
    @Slot()
    def restore_from_backup(self) -> ProgressRunner | None:
        if self._has_unsaved():
            self._prompter.show_error(self._window, self.tr("Save or close the forms with unsaved changes before "
                                                            "restoring a backup."))
            return None
        if self._file is None:
            self._prompter.show_error(self._window, self.tr(
                "A ledger on the office server is restored by its administrator (with the server's own backups, or "
                "'reply-ledger migrate' into an empty database)."))
            return None
        backup = self.dialogs.backup_to_restore(self._window)
        if backup is None:
            return None
        live = self._store.path

        def inspect(progress: Any = None, is_cancelled: Any = None) -> RestorePlan:
            return plan_restore(backup, live)

        runner = self._runner(self.tr("Checking {file}…").format(file=backup.name))
        runner.succeeded.connect(self._confirm_restore)
        runner.start(inspect)
        return runner

    def restore_question(self, plan: RestorePlan) -> str:
        """What the restore replaces (counts before → after) and why it may be a mistake, in the user's language."""
        before = plan.live.counts if plan.live else {}
        after = plan.backup.counts
        lines = [self.tr("Replace the ledger {live} with the backup {backup}?").format(
            live=self._store.path, backup=plan.backup.path), ""]
        for table, label in _TABLE_LABELS.items():
            if before.get(table, 0) or after.get(table, 0):
                lines.append(f"{QCoreApplication.translate('LedgerSafety', label)}: {before.get(table, 0)} → "
                             f"{after.get(table, 0)}")
        lines.append(self.tr("Changes in the history: {before} → {after}").format(
            before=plan.live.head.rows if plan.live else 0, after=plan.backup.head.rows))
        concerns = {code for code, _ in plan.concerns}
        if concerns:
            lost = (plan.live.head.rows if plan.live else 0) - plan.backup.head.rows
            words = {
                "backup_problems": self.tr("The backup fails {count} of its checks.").format(
                    count=len(plan.backup.findings)),
                "backup_other_ledger": self.tr("The backup is of another ledger."),
                "backup_older": self.tr("The backup is older than the ledger: restoring it undoes the {lost} "
                                        "change(s) made since.").format(lost=lost),
                "backup_diverged": self.tr("The backup and the ledger went separate ways: each holds changes the "
                                           "other does not."),
            }
            lines += ["", self.tr("Be careful:"), *(f"• {words[code]}" for code in words if code in concerns)]
        lines += ["", self.tr("The ledger as it is now is kept beside it as a backup.")]
        return "\n".join(lines)

    @Slot(object)
    def _confirm_restore(self, plan: RestorePlan) -> None:
        if not self._prompter.confirm(self._window, self.tr("Restore from a backup"), self.restore_question(plan)):
            return
        live = self._store.path

        def replace(progress: Any = None, is_cancelled: Any = None) -> Any:
            outcome = restore(plan, live, force=True)  # the user has read the concerns and said yes
            with contextlib.closing(connect(live, read_only=True)) as conn:
                update_witness(conn, live, paths.data_dir())
            return outcome

        runner = self._runner(self.tr("Restoring {file}…").format(file=plan.backup.path.name))
        runner.succeeded.connect(self._on_restored)
        runner.start(replace)

    @Slot(object)
    def _on_restored(self, outcome: Any) -> None:
        self.restored.emit(outcome)
        kept = outcome.kept or "—"
        self._prompter.show_info(self._window, self.tr("The ledger was restored; the ledger as it was is kept as "
                                                       "{kept}.").format(kept=kept))

    # ----------------------------------------------------------------- shared
    def _runner(self, label: str) -> ProgressRunner:
        runner = ProgressRunner(self._window, self._pool, label)
        runner.failed.connect(self._on_failed)
        self.runner = runner
        return runner

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        if isinstance(error, LedgerError):
            self._prompter.show_error(self._window, user_message(error))
        else:
            logger.error("backup or restore failed: %r", error)
            self._prompter.show_error(self._window, self.tr("That did not work; nothing was changed. Details are "
                                                            "in the log."))


class ReloadOffer(QWidget):
    """Beside a form's message when its save was refused as a conflict: reload the record as it is stored now.

    Signals:
        reload_requested(): the user chose to reload (the form's unsaved typing is dropped).
    """

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reloadOffer")
        self.label = QLabel(self.tr("Someone else saved this record after you opened it."), self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("&Reload the saved record"), self)
        self.button.setObjectName("reloadButton")
        self.button.clicked.connect(self.reload_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()
