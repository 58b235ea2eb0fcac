"""`verify`: prove that a ledger's data is what its history says, without writing to it.

Checks, each finding one sentence:
- the storage's integrity and foreign keys (SQLite's checks; on a server, constraints validated, triggers enabled
  and every link row by row);
- the history chain: every row follows the one before it and hashes to what it says;
- the data against the history: replaying the history gives, for every row of every table, the values it holds
  now. A row changed, added or deleted outside the app (with the sqlite3 shell, say) is named: table, row, field,
  the stored value and the value by history. A column a later migration added is read, for history rows written
  before it, as the column's default;
- anchors: the chain still holds the head recorded elsewhere (a workbook, a backup, the witness file).

The connection should be read-only (:meth:`db.Store.open` with ``read_only=True``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.backends import dialect_of
from db.connection import SQLITE_HEADER, connect
from desktop.core.anchor import Anchor, anchor_from_witness, anchor_from_workbook
from desktop.core.errors import Cancelled, LedgerError

GENESIS_HASH = "0" * 64
# Stored values of these columns are represented in history rows by their SHA-256.
_HASHED_COLUMNS = {"content": "content_sha256"}
# Changes shown per table before the rest are counted.
MAX_PROBLEMS_PER_TABLE = 50


@dataclass(frozen=True)
class Finding:
    """One problem found: ``kind`` is integrity, foreign_key, chain, changed, added, deleted or anchor."""

    kind: str
    message: str
    table: str | None = None
    row_id: int | None = None
    field: str | None = None
    stored: Any = None
    by_history: Any = None


@dataclass
class VerifyReport:
    """What :func:`verify_ledger` found; ``ok`` when nothing."""

    history_rows: int = 0
    head: Anchor | None = None
    rows_checked: dict[str, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    anchors_checked: list[Anchor] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def history_hash(prev_hash: str, at: str, actor: str, table_name: str, row_id: int, action: str,
                 before: str | None, after: str | None) -> str:
    """The chain hash of one history row: a change to any stored field or to an earlier row shows."""
    payload = json.dumps([prev_hash, at, actor, table_name, row_id, action, before, after], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_ledger(conn: Any) -> bool:
    return "history" in dialect_of(conn).table_names(conn)


def require_ledger(conn: Any, path: Path) -> None:
    """Raises LedgerError when the database holds no ledger (an empty or foreign SQLite file)."""
    if not is_ledger(conn):
        raise LedgerError(f"'{path}' is a SQLite file but not a Reply Ledger database (it has no history table).",
                          code="db_not_ledger", path=str(path))


def chain_head(conn: Any, source: str = "") -> Anchor:
    """The chain as it stands: last row, its hash, the number of rows and the ledger's id."""
    last = conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
    first = conn.execute("SELECT hash FROM history ORDER BY id LIMIT 1").fetchone()
    rows = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    return Anchor(last_row=last[0] if last else 0, head=last[1] if last else GENESIS_HASH, rows=rows,
                  ledger_id=first[0] if first else "", source=source)


def chain_findings(conn: Any) -> Iterator[Finding]:
    """Broken links of the history chain."""
    prev_hash = GENESIS_HASH
    for row in conn.execute("SELECT id, at, actor, table_name, row_id, action, before, after, prev_hash, hash "
                            "FROM history ORDER BY id"):
        history_id, at, actor, table, row_id, action, before, after, row_prev, row_hash = row
        if row_prev != prev_hash:
            yield Finding("chain", f"History row {history_id} does not follow the row before it; history was edited "
                          "or rows were removed.", "history", history_id)
        expected = history_hash(row_prev, at, actor, table, row_id, action, before, after)
        if expected != row_hash:
            yield Finding("chain", f"History row {history_id} ({table} #{row_id}) was changed after it was written.",
                          "history", history_id)
        prev_hash = row_hash


def anchor_findings(conn: Any, anchor: Anchor) -> list[Finding]:
    """Does the chain still hold the anchor's row with the anchor's hash, and every row before it?"""
    found = conn.execute("SELECT hash FROM history WHERE id = ?", (anchor.last_row,)).fetchone()
    now = chain_head(conn)
    if anchor.last_row == 0:
        return []
    if found is None:
        return [Finding("anchor", f"The history has no row {anchor.last_row}, but {anchor.describe()} recorded it "
                        f"with hash {anchor.head[:16]}…: the history now ends at row {now.last_row} ({now.rows} rows), "
                        "so rows were removed from its end, or this is another ledger.", "history", anchor.last_row)]
    if found[0] != anchor.head:
        return [Finding("anchor", f"History row {anchor.last_row} has hash {found[0][:16]}…, but {anchor.describe()} "
                        f"recorded {anchor.head[:16]}…: the history was rewritten after the anchor was taken, or "
                        "this is another ledger.", "history", anchor.last_row)]
    rows = conn.execute("SELECT count(*) FROM history WHERE id <= ?", (anchor.last_row,)).fetchone()[0]
    if rows != anchor.rows:
        return [Finding("anchor", f"The history holds {rows} rows up to row {anchor.last_row}, but "
                        f"{anchor.describe()} recorded {anchor.rows}: rows were removed.", "history", anchor.last_row)]
    return []


# ----------------------------------------------------------------------------------------------- replay
# Tables that the schema's triggers keep from the records, and the working table of a bulk write (empty outside its
# transaction): no record of their own, so no history either.
DERIVED_TABLES = frozenset({"commitment_list", "bulk_write"})


def data_tables(conn: Any) -> list[str]:
    """Every table that holds records: all but the history, the search index, the schema's own and derived tables."""
    return [name for name in dialect_of(conn).table_names(conn)
            if name not in ("history", "search_index", "ledger_schema") and name not in DERIVED_TABLES]


def _column_defaults(conn: Any, table: str) -> dict[str, Any]:
    return {name: _literal(conn, default) for name, default in dialect_of(conn).column_defaults(conn, table).items()}


def _literal(conn: Any, default: str | None) -> Any:
    if default is None or default.upper() == "NULL":
        return None
    try:
        return json.loads(default)
    except ValueError:
        pass
    if len(default) >= 2 and default[0] == default[-1] == "'":
        return default[1:-1].replace("''", "'")
    return conn.execute(f"SELECT {default}").fetchone()[0]  # an expression; the connection is read-only


def _same(stored: Any, expected: Any) -> bool:
    if isinstance(stored, bool) or isinstance(expected, bool):
        return stored == expected
    if isinstance(stored, int | float) and isinstance(expected, int | float):
        return float(stored) == float(expected) if isinstance(stored, float) or isinstance(expected, float) \
            else stored == expected
    return stored == expected


def _shown(value: Any) -> str:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"


def replay_findings(conn: Any, table: str, rows_checked: dict[str, int]) -> Iterator[Finding]:
    """Compare every row of one table with what its last history row says."""
    columns = _column_defaults(conn, table)
    key = "id" if "id" in columns else "rowid"
    columns.pop("rowid", None)  # a server's stand-in for SQLite's hidden row number: not in the history
    last: dict[int, tuple[int, str, str | None, str, str]] = {}
    for history_id, row_id, action, after, actor, at in conn.execute(
            "SELECT h.id, h.row_id, h.action, h.after, h.actor, h.at FROM history h JOIN "
            "(SELECT max(id) AS id FROM history WHERE table_name = ? GROUP BY row_id) m ON h.id = m.id", (table,)):
        last[row_id] = (history_id, action, after, actor, at)
    count = 0
    for row in conn.execute(f'SELECT {key} AS _key, * FROM "{table}" ORDER BY {key}'):
        count += 1
        row_id = row[0]
        entry = last.pop(row_id, None)
        if entry is None:
            yield Finding("added", f"{table} #{row_id} was added outside the app: no history row records it.",
                          table, row_id)
            continue
        history_id, action, after, actor, at = entry
        if action == "delete" or after is None:
            yield Finding("added", f"{table} #{row_id} exists, but its history says it was deleted (history row "
                          f"{history_id}, by {actor} at {at}): it was put back outside the app.", table, row_id)
            continue
        expected = json.loads(after)
        for name, default in columns.items():
            stored = row[name]
            hashed = _HASHED_COLUMNS.get(name)
            if hashed and (hashed in expected or stored is not None):
                stored = hashlib.sha256(stored).hexdigest() if stored is not None else None
                by_history = expected.get(hashed)
            else:
                by_history = expected.get(name, default)
            if not _same(stored, by_history):
                label = hashed if hashed else name
                yield Finding("changed", f"{table} #{row_id}, field '{label}': stored {_shown(stored)}, by history "
                              f"{_shown(by_history)} (history row {history_id}, by {actor} at {at}): changed "
                              "outside the app.", table, row_id, label, stored, by_history)
    rows_checked[table] = count
    for row_id, (history_id, action, _after, actor, at) in sorted(last.items()):
        if action != "delete":
            yield Finding("deleted", f"{table} #{row_id} is missing, but its history says it exists (history row "
                          f"{history_id}, by {actor} at {at}): it was deleted outside the app.", table, row_id)


def history_tables(conn: Any) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT table_name FROM history ORDER BY table_name")]


def verify_ledger(conn: Any, *, anchors: list[Anchor] | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  is_cancelled: Callable[[], bool] | None = None) -> VerifyReport:
    """Integrity, foreign keys, the chain, every row against its history, and the anchors given.

    Raises:
        Cancelled: ``is_cancelled()`` said so.
    """
    report = VerifyReport()
    tables = data_tables(conn)
    known = set(tables)
    steps = 3 + len(tables) + len(anchors or [])
    done = 0

    def step() -> None:
        nonlocal done
        if is_cancelled and is_cancelled():
            raise Cancelled()
        done += 1
        if progress:
            progress(done, steps)

    dialect = dialect_of(conn)
    report.findings.extend(Finding(kind, message, table, row_id)
                           for kind, message, table, row_id in dialect.integrity_findings(conn))
    step()
    report.findings.extend(Finding(kind, message, table, row_id)
                           for kind, message, table, row_id in dialect.link_findings(conn))
    step()
    report.findings.extend(chain_findings(conn))
    report.head = chain_head(conn)
    report.history_rows = report.head.rows
    step()
    for table in tables:
        shown = 0
        hidden = 0
        for finding in replay_findings(conn, table, report.rows_checked):
            if shown < MAX_PROBLEMS_PER_TABLE:
                report.findings.append(finding)
                shown += 1
            else:
                hidden += 1
        if hidden:
            report.findings.append(Finding("changed", f"{table}: {hidden} more row(s) differ from the history.",
                                           table))
        step()
    for table in history_tables(conn):
        if table not in known:
            report.findings.append(Finding("deleted", f"The history records rows of '{table}', but the table is "
                                           "gone: it was dropped outside the app.", table))
    for anchor in anchors or []:
        report.findings.extend(anchor_findings(conn, anchor))
        report.anchors_checked.append(anchor)
        step()
    return report


# ----------------------------------------------------------------------------------------------- anchors
def read_anchor(path: Path, ledger: Path, ledger_id: str = "") -> Anchor:
    """The anchor a file carries: an exported workbook, a backup of the ledger, or the witness file.

    Raises:
        LedgerError: the file is missing, of another kind, or carries no anchor for this ledger.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except FileNotFoundError as error:
        raise LedgerError(f"The anchor file '{path}' does not exist; check the path.", code="anchor_missing",
                          path=str(path)) from error
    except IsADirectoryError as error:
        raise LedgerError(f"'{path}' is a folder; give an exported workbook, a backup or the witness file.",
                          code="anchor_unreadable", path=str(path)) from error
    except OSError as error:
        raise LedgerError(f"The anchor file '{path}' cannot be read ({error.strerror}).", code="anchor_unreadable",
                          path=str(path)) from error
    if head.startswith(b"PK"):
        return anchor_from_workbook(path)
    if head.startswith(SQLITE_HEADER):
        return anchor_from_backup(path)
    if head.lstrip().startswith(b"{"):
        return anchor_from_witness(path, ledger, ledger_id)
    raise LedgerError(f"'{path}' is neither an exported workbook, a backup nor the witness file; give one of those.",
                      code="anchor_unreadable", path=str(path))


def anchor_from_backup(path: Path) -> Anchor:
    """A backup's own chain head is an anchor for the ledger it was taken from."""
    conn = connect(path, read_only=True)
    try:
        require_ledger(conn, path)
        anchor = chain_head(conn, source=f"the backup '{path.name}'")
        at = conn.execute("SELECT at FROM history WHERE id = ?", (anchor.last_row,)).fetchone()
    finally:
        conn.close()
    return Anchor(anchor.last_row, anchor.head, anchor.rows, anchor.ledger_id, at[0] if at else "", anchor.source)
