"""Undoable saves and crash-proof drafts of the forms.

Every save of an existing record becomes a :class:`SaveRecordCommand` on the window's ``QUndoStack``. Undo
writes the earlier record back through the store, so the history keeps every step (the edit and its undo are
two history rows, and a redo is a third): nothing is ever erased from the audit trail.

While a form has unsaved changes, :class:`DraftStore` keeps what was typed in a small JSON file in the data
folder; after a crash the app offers those forms again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from db import Store
from desktop.core.errors import LedgerError
from desktop.core.records import Record

logger = logging.getLogger(__name__)


class SaveRecordCommand(QUndoCommand):
    """One saved edit of a record. The save has already happened when the command is pushed."""

    def __init__(self, store: Store, before: Record, after: Record, label: str,
                 on_written: Callable[[Record], None], on_failed: Callable[[LedgerError], None]) -> None:
        super().__init__(QCoreApplication.translate("SaveRecordCommand", "edit of {record}").format(record=label))
        self._store = store
        self._before = before
        self._after = after
        self._on_written = on_written
        self._on_failed = on_failed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push() calls redo(); the form saved already
            self._pushed = True
            return
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)

    def _write(self, record: Record) -> None:
        # Undo and redo write over the version this step left; a save by someone else since then is refused.
        record = dataclasses.replace(record, version=getattr(self._after, "version", None))
        try:
            stored = self._store.save(record)
        except LedgerError as error:  # e.g. the record was deleted or changed meanwhile: the step cannot be replayed
            logger.warning("cannot undo or redo an edit: %s", error)
            self.setObsolete(True)
            self._on_failed(error)
            return
        self._after = dataclasses.replace(self._after, version=stored.version)  # type: ignore[attr-defined]
        self._on_written(stored)


@dataclass(frozen=True)
class Draft:
    """Unsaved input of one form."""

    draft_id: str
    kind: str
    record_id: int | None
    title: str
    fields: dict[str, Any]
    saved_at: str


class DraftStore:
    """Drafts of one database's forms, one JSON file each, written atomically."""

    VERSION = 1

    def __init__(self, folder: Path, db_path: Path) -> None:
        self._folder = folder
        self._db = str(Path(db_path).resolve())

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def _path(self, draft_id: str) -> Path:
        return self._folder / f"draft-{draft_id}.json"

    def write(self, draft_id: str, kind: str, record_id: int | None, title: str, fields: dict[str, Any]) -> None:
        data = {"version": self.VERSION, "db": self._db, "kind": kind, "record_id": record_id, "title": title,
                "fields": fields, "saved_at": dt.datetime.now().isoformat(timespec="seconds")}
        path = self._path(draft_id)
        temporary = path.with_suffix(".tmp")
        try:
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            logger.exception("cannot write the draft %s", path)

    def remove(self, draft_id: str) -> None:
        try:
            self._path(draft_id).unlink(missing_ok=True)
        except OSError:
            logger.exception("cannot remove the draft %s", draft_id)

    def pending(self) -> list[Draft]:
        """Drafts of this database, oldest first; unreadable files are logged and skipped."""
        drafts: list[Draft] = []
        for path in sorted(self._folder.glob("draft-*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("db") != self._db:
                    continue
                drafts.append(Draft(draft_id=path.stem.removeprefix("draft-"), kind=data["kind"],
                                    record_id=data.get("record_id"), title=data.get("title") or "",
                                    fields=dict(data.get("fields") or {}), saved_at=data.get("saved_at") or ""))
            except (OSError, ValueError, KeyError, TypeError):
                logger.exception("cannot read the draft %s; it is left in place", path)
        drafts.sort(key=lambda draft: draft.saved_at)
        return drafts
