"""Anchors: the head of a ledger's history chain, kept outside the database file.

The history is hash-chained, so an edited or removed row in the middle shows. What the file alone cannot show
is a cut tail (the last rows removed) or a chain rebuilt from scratch by someone who has the file and the code:
both give a chain that is intact in itself. An anchor, written down elsewhere when the chain was at a given
length, catches both: the chain must still hold that row with that hash.

Anchors live in exported workbooks (document properties and one line in 汇总), in every backup (the backup's
own history), and in the witness file of the data folder, written each time the app closes.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import LedgerError

logger = logging.getLogger(__name__)

WITNESS_FILE_NAME = "witness.json"
# Custom document properties of an exported workbook.
PROPERTY_LAST_ROW = "ReplyLedger.history.last_row"
PROPERTY_HEAD = "ReplyLedger.history.head"
PROPERTY_ROWS = "ReplyLedger.history.rows"
PROPERTY_LEDGER = "ReplyLedger.ledger_id"


@dataclass(frozen=True)
class Anchor:
    """The chain at one moment: its last row's id and hash, and how many rows it had.

    ``ledger_id`` is the hash of the ledger's first history row: it tells one ledger from another.
    ``source`` says where the anchor was read from, for messages.
    """

    last_row: int
    head: str
    rows: int
    ledger_id: str = ""
    written_at: str = ""
    source: str = ""

    def describe(self) -> str:
        when = f" on {self.written_at}" if self.written_at else ""
        return f"{self.source or 'the anchor'} (history row {self.last_row}, {self.rows} rows{when})"


def chain_line(anchor: Anchor) -> str:
    """The line the audit workbook's summary shows (变更记录链): enough to check the ledger against it later."""
    return f"共{anchor.rows}条变更，末条#{anchor.last_row}，哈希 {anchor.head}"


def workbook_properties(anchor: Anchor) -> dict[str, str]:
    """The custom document properties that carry an anchor in a workbook."""
    return {PROPERTY_LAST_ROW: str(anchor.last_row), PROPERTY_HEAD: anchor.head, PROPERTY_ROWS: str(anchor.rows),
            PROPERTY_LEDGER: anchor.ledger_id}


def set_workbook_anchor(workbook: Any, anchor: Anchor) -> None:
    """Write the anchor into the custom document properties of a workbook being written (xlsxwriter)."""
    for name, value in workbook_properties(anchor).items():
        workbook.set_custom_property(name, value)


def anchor_from_workbook(path: Path) -> Anchor:
    """The anchor an exported workbook carries.

    Raises:
        LedgerError: the file is not a workbook written by ``export``, or carries no anchor.
    """
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise LedgerError(f"'{path}' is not a readable workbook; give an exported workbook, a backup or the "
                          "witness file.", code="anchor_unreadable", path=str(path)) from error
    try:
        values = {prop.name: str(prop.value) for prop in workbook.custom_doc_props}
        created = workbook.properties.created
    finally:
        workbook.close()
    if PROPERTY_HEAD not in values:
        raise LedgerError(f"The workbook '{path}' carries no history anchor (it was not written by this version of "
                          "export); export the ledger again or use a backup.", code="anchor_missing", path=str(path))
    try:
        return Anchor(last_row=int(values[PROPERTY_LAST_ROW]), head=values[PROPERTY_HEAD],
                      rows=int(values.get(PROPERTY_ROWS, values[PROPERTY_LAST_ROW])),
                      ledger_id=values.get(PROPERTY_LEDGER, ""),
                      written_at=created.isoformat(timespec="seconds") if created else "",
                      source=f"the workbook '{path.name}'")
    except (KeyError, ValueError) as error:
        raise LedgerError(f"The history anchor in '{path}' is damaged; use another workbook or a backup.",
                          code="anchor_unreadable", path=str(path)) from error


# ----------------------------------------------------------------------------------------------- witness file
def witness_path(folder: Path) -> Path:
    return folder / WITNESS_FILE_NAME


def _ledger_key(ledger: Path) -> str:
    return str(Path(ledger).resolve())


def write_witness(path: Path, ledger: Path, anchor: Anchor) -> None:
    """Record a ledger's chain head in the witness file (one entry per ledger file), replacing it atomically."""
    entries = _read_witness_entries(path) if path.exists() else {}
    entry = asdict(anchor)
    entry.pop("source", None)
    entry["written_at"] = anchor.written_at or dt.datetime.now().astimezone().isoformat(timespec="seconds")
    entries[_ledger_key(ledger)] = entry
    text = json.dumps({"format": 1, "ledgers": entries}, ensure_ascii=False, indent=1, sort_keys=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_witness_entries(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["ledgers"]
        if not isinstance(entries, dict):
            raise TypeError("ledgers is not an object")
        return entries
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise LedgerError(f"The witness file '{path}' is damaged or not a witness file; use an exported workbook "
                          "or a backup instead.", code="anchor_unreadable", path=str(path)) from error


def anchor_from_witness(path: Path, ledger: Path, ledger_id: str = "") -> Anchor:
    """The witness entry of a ledger: the one for its file, else the one for the same ledger id.

    Raises:
        LedgerError: the witness is damaged or holds no entry for this ledger.
    """
    entries = _read_witness_entries(path)
    entry = entries.get(_ledger_key(ledger))
    if entry is None and ledger_id:
        entry = next((e for e in entries.values() if e.get("ledger_id") == ledger_id), None)
    if entry is None:
        raise LedgerError(f"The witness file '{path}' holds nothing about the ledger '{ledger}' (the app has not "
                          "closed on it yet); use an exported workbook or a backup.", code="anchor_missing",
                          path=str(path))
    try:
        return Anchor(last_row=int(entry["last_row"]), head=str(entry["head"]), rows=int(entry["rows"]),
                      ledger_id=str(entry.get("ledger_id", "")), written_at=str(entry.get("written_at", "")),
                      source=f"the witness file '{path}'")
    except (KeyError, ValueError, TypeError) as error:
        raise LedgerError(f"The witness file '{path}' is damaged; use an exported workbook or a backup.",
                          code="anchor_unreadable", path=str(path)) from error
