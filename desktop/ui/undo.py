"""Undo and redo of what was written to the ledger: edits (one record or many at once), creation and deletion.

A command is pushed after its change was written; undo writes the earlier state back through the store, so the
history keeps every step (the change, its undo, and a redo are all history rows): nothing is erased from the audit
trail. A deletion keeps the deleted rows (:class:`db.store.Snapshot`) and undo puts them back with their ids, so
that edits made before it can still be undone afterwards. One stack serves one open ledger.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db import Store
from db.store import Snapshot
from desktop.core.errors import LedgerError
from desktop.core.records import Record

logger = logging.getLogger(__name__)

Written = Callable[[Sequence[Record]], None]
Failed = Callable[[LedgerError], None]


class LedgerCommand(QUndoCommand):
    """A change already written when pushed (push() calls redo(), which then does nothing the first time).

    ``on_written`` receives the records written by an undo or redo (empty when records were removed or put back,
    which may touch anything); ``on_failed`` an error that made the step impossible (the step is dropped).
    """

    def __init__(self, store: Store, text: str, on_written: Written, on_failed: Failed) -> None:
        super().__init__(text)
        self._store = store
        self._on_written = on_written
        self._on_failed = on_failed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], Sequence[Record]]) -> None:
        try:
            written = step()
        except LedgerError as error:  # e.g. a record was deleted meanwhile: the step cannot be replayed
            logger.warning("cannot undo or redo %s: %s", self.text(), error)
            self.setObsolete(True)
            self._on_failed(error)
            return
        self._on_written(written)

    def apply(self) -> Sequence[Record]:
        raise NotImplementedError

    def revert(self) -> Sequence[Record]:
        raise NotImplementedError


class SaveRecordsCommand(LedgerCommand):
    """Edits of one or more records, saved together (a cell, a form, or a bulk change of many rows)."""

    def __init__(self, store: Store, pairs: Sequence[tuple[Record, Record]], label: str, on_written: Written,
                 on_failed: Failed) -> None:
        if len(pairs) == 1:
            text = QCoreApplication.translate("UndoCommands", "edit of {record}").format(record=label)
        else:
            count = len(pairs)
            text = QCoreApplication.translate("UndoCommands", "change of %n record(s)", None, count)
        super().__init__(store, text, on_written, on_failed)
        self._pairs = list(pairs)
        # The version each record has after this step's last write: undo and redo write over exactly that one,
        # so a save by someone else since then is refused (a conflict) rather than silently undone.
        self._versions = [getattr(after, "version", None) for _before, after in self._pairs]

    def _write(self, records: Sequence[Record]) -> Sequence[Record]:
        written = self._store.save_many(dataclasses.replace(record, version=version)  # type: ignore[type-var]
                                        for record, version in zip(records, self._versions, strict=True))
        self._versions = [getattr(record, "version", None) for record in written]
        return written

    def apply(self) -> Sequence[Record]:
        return self._write([after for _before, after in self._pairs])

    def revert(self) -> Sequence[Record]:
        return self._write([before for before, _after in self._pairs])


class CreateRecordsCommand(LedgerCommand):
    """New records: undo deletes them (with a history row each), redo puts them back with the same ids."""

    def __init__(self, store: Store, records: Sequence[Record], label: str, on_written: Written,
                 on_failed: Failed) -> None:
        if len(records) == 1:
            text = QCoreApplication.translate("UndoCommands", "creation of {record}").format(record=label)
        else:
            count = len(records)
            text = QCoreApplication.translate("UndoCommands", "creation of %n record(s)", None, count)
        super().__init__(store, text, on_written, on_failed)
        self._records = [(type(record), record.id) for record in records]  # type: ignore[attr-defined]
        self._snapshot: Snapshot | None = None

    def revert(self) -> Sequence[Record]:
        self._snapshot = self._store.delete_many(self._records)  # type: ignore[arg-type]
        return []

    def apply(self) -> Sequence[Record]:
        if self._snapshot is not None:
            self._store.restore(self._snapshot)
        return []


class DeleteRecordsCommand(LedgerCommand):
    """A deletion (one record or many, with what belonged to them): undo puts everything back with its ids."""

    def __init__(self, store: Store, records: Sequence[tuple[type[Record], int]], snapshot: Snapshot, label: str,
                 on_written: Written, on_failed: Failed) -> None:
        if len(records) == 1:
            text = QCoreApplication.translate("UndoCommands", "deletion of {record}").format(record=label)
        else:
            count = len(records)
            text = QCoreApplication.translate("UndoCommands", "deletion of %n record(s)", None, count)
        super().__init__(store, text, on_written, on_failed)
        self._records = list(records)
        self._snapshot = snapshot

    def revert(self) -> Sequence[Record]:
        self._store.restore(self._snapshot)
        return []

    def apply(self) -> Sequence[Record]:
        self._snapshot = self._store.delete_many(self._records)
        return []
