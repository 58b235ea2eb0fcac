"""Writing many records at once (a ledger import) without the per-row work of the derived tables.

While a :class:`BulkWrite` is open, its transaction holds a row in ``bulk_write`` (schema 7): the triggers that keep
the search index and ``commitment_list`` skip their work, the store notes every record it writes and keeps its
history rows (hashes chained as usual) to insert them together, and at the end the derived rows of exactly those
records are rebuilt with a few set-based statements, inside the same
transaction. A rollback (a dry run, a crash, a refused import) takes everything back together; no other writer
ever sees the row, so every other save keeps its triggers.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

HISTORY_INSERT = ("INSERT INTO history (at, actor, table_name, row_id, action, before, after, prev_hash, hash)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")

# The texts each kind of record gives the search index, in the order the schema's triggers join them, and the
# kind number of its entries (rowid = id * 8 + kind).
SEARCH_TEXTS: dict[str, tuple[int, tuple[str, ...]]] = {
    "proposals": (1, ("session", "number", "title", "lead_unit", "text", "notes")),
    "replies": (2, ("doc_number", "title", "issuing_office", "addressee", "text")),
    "commitments": (3, ("title", "quote", "responsible_unit", "notes")),
    "targets": (4, ("indicator", "quote", "unit")),
    "source_documents": (5, ("title", "publisher", "file_name", "text")),
}

# The commitments whose list rows a bulk write may have changed: those it wrote or whose targets it wrote (before
# and after the write), those of the targets whose evidence it wrote, and those of the replies it wrote.
_AFFECTED_COMMITMENTS = """
INSERT INTO bulk_write (table_name, row_id)
SELECT 'commitment_list', affected.id FROM (
    SELECT b.row_id AS id FROM bulk_write b WHERE b.table_name = 'list:commitments'
    UNION SELECT t.commitment_id FROM bulk_write b JOIN targets t ON t.id = b.row_id
           WHERE b.table_name = 'list:targets'
    UNION SELECT c.id FROM bulk_write b JOIN commitments c ON c.reply_id = b.row_id
           WHERE b.table_name = 'list:replies'
) affected
"""

# What the schema's triggers keep, built for the affected commitments at once (the same SELECTs as schema 6).
_LIST_REBUILD = (
    "DELETE FROM commitment_list WHERE commitment_id IN "
    "(SELECT row_id FROM bulk_write WHERE table_name = 'commitment_list')",
    """INSERT INTO commitment_list (row_key, commitment_id, target_id, reply_id, title, responsible_unit, deadline,
                                    indicator, comparator, value_normalized, unit, kind, doc_number,
                                    latest_evidence_id)
       SELECT t.id, c.id, t.id, c.reply_id, c.title, c.responsible_unit, coalesce(t.deadline, c.deadline),
              t.indicator, t.comparator, t.value_normalized, t.unit, t.kind, r.doc_number,
              (SELECT e.id FROM evidence e WHERE e.target_id = t.id ORDER BY e.as_of_date DESC, e.id DESC LIMIT 1)
         FROM bulk_write b JOIN commitments c ON c.id = b.row_id JOIN targets t ON t.commitment_id = c.id
              LEFT JOIN replies r ON r.id = c.reply_id
        WHERE b.table_name = 'commitment_list'""",
    """INSERT INTO commitment_list (row_key, commitment_id, reply_id, title, responsible_unit, deadline, doc_number)
       SELECT -c.id, c.id, c.reply_id, c.title, c.responsible_unit, c.deadline, r.doc_number
         FROM bulk_write b JOIN commitments c ON c.id = b.row_id LEFT JOIN replies r ON r.id = c.reply_id
        WHERE b.table_name = 'commitment_list' AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.commitment_id = c.id)""",
)


class BulkWrite:
    """The records one bulk write touched, by table; :meth:`finish` rebuilds their derived rows."""

    def __init__(self, conn: Any, dialect: Any) -> None:
        self.conn = conn
        self.dialect = dialect
        self.touched: dict[str, set[int]] = defaultdict(set)
        self.listed: dict[str, set[int]] = defaultdict(set)  # what the list rows hang on, by 'list:<table>'
        self.replaced: set[tuple[str, int]] = set()  # rows that were there before: their search entries go first
        # The history rows of the writes, in chain order, inserted a thousand at a time between the store's units
        # of writes and at the end (the store drops those of a savepoint rolled back).
        self.history: list[tuple[Any, ...]] = []
        conn.execute("INSERT INTO bulk_write (table_name, row_id) VALUES ('', 0)")

    def wrote(self, table: str, row_id: int, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
        """Note a written row: its own search entry, and the list rows that hang on it before and after."""
        if table in SEARCH_TEXTS:
            self.touched[table].add(row_id)
            if before is not None:
                self.replaced.add((table, row_id))
        if table in ("commitments", "replies"):
            self.listed[f"list:{table}"].add(row_id)
        elif table in ("targets", "evidence"):
            parent, kind = (("commitment_id", "list:commitments") if table == "targets"
                            else ("target_id", "list:targets"))
            for row in (before, after):
                if row is not None and row.get(parent) is not None:
                    self.listed[kind].add(row[parent])

    def flush_history(self, enough: int = 1) -> None:
        """Insert the history rows kept so far, when there are at least ``enough`` (memory stays bounded)."""
        if len(self.history) >= enough:
            self.conn.executemany(HISTORY_INSERT, self.history)
            self.history.clear()

    def finish(self) -> None:
        """Insert the history rows, rebuild the search entries and list rows of every touched record, then end the
        bulk write."""
        self.flush_history()
        rows = [(table, row_id) for touched in (self.touched, self.listed) for table, ids in touched.items()
                for row_id in ids]
        if rows:
            self.conn.executemany("INSERT INTO bulk_write (table_name, row_id) VALUES (?, ?)", rows)
            self.conn.execute(_AFFECTED_COMMITMENTS)
            for statement in _LIST_REBUILD:
                self.conn.execute(statement)
            if self.replaced:  # inserted rows have no entry yet (their triggers skipped it)
                self.conn.executemany("DELETE FROM search_index WHERE rowid = ?",
                                      [(row_id * 8 + SEARCH_TEXTS[table][0],) for table, row_id in self.replaced])
            for table, (kind, columns) in SEARCH_TEXTS.items():
                if self.touched.get(table):
                    self._rebuild_search(table, kind, columns)
        self.conn.execute("DELETE FROM bulk_write")

    def _rebuild_search(self, table: str, kind: int, columns: tuple[str, ...]) -> None:
        touched = f"SELECT row_id FROM bulk_write WHERE table_name = '{table}'"
        body = " || ' ' || ".join(f"coalesce(x.{column}, '')" for column in columns)
        self.conn.execute(self.dialect.search_rebuild_sql(f"x.id * 8 + {kind}", body,
                                                          f"{table} x WHERE x.id IN ({touched})"))
