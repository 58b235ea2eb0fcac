"""Crash-proof drafts of the forms (undo of saved changes is :mod:`desktop.ui.undo`).

While a form has unsaved changes, :class:`DraftStore` keeps what was typed in a small JSON file in the data
folder; after a crash the app offers those forms again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


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

    def __init__(self, folder: Path, ledger: Path | str) -> None:
        """``ledger`` names the ledger the drafts belong to: its file, or its key (``Store.location.key``)."""
        self._folder = folder
        self._db = str(ledger.resolve()) if isinstance(ledger, Path) else ledger

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
