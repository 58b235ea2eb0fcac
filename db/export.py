"""Gathering the audit workbook's data from the store, with filters, and writing it.

Everything is read inside one read transaction, so the workbook shows one consistent moment even while the app
saves. The records in scope are collected into temporary tables (ids only), which keeps each later query a
simple indexed ``IN (SELECT ...)`` however many targets there are.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from db.as_of import KIND_NAMES, known, later
from db.audit import figure_conflicts
from db.followup import deadline_rules, load_proposal_files
from db.rows import from_row
from db.status import id_list, promise_dates
from db.store import Store
from desktop.core.anchor import chain_line
from desktop.core.audit import Finding, find_contradictions
from desktop.core.audit_files import StreamedAudit
from desktop.core.errors import Cancelled, LedgerError
from desktop.core.records import (
    TARGET_STATES,
    Commitment,
    Contact,
    Evidence,
    Feedback,
    HistoryEntry,
    Proposal,
    Reminder,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.status import judge_groups
from desktop.core.xlsx_export import (
    EvidenceLine,
    ExportFilters,
    ExportResult,
    LedgerSnapshot,
    reply_label,
    write_workbook,
)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

# Share of the progress bar for loading and judging; writing the workbook takes the rest.
_GATHER_SHARE = 200
_PROGRESS_SCALE = 1000
_SCOPE_TABLES = ("proposals", "replies", "commitments", "targets", "evidence", "feedback", "reminders", "proposers",
                 "contacts")


def parse_state(value: str | None) -> str | None:
    """A target state given as its code (at_risk) or its Chinese label (有风险).

    Raises:
        LedgerError: for anything else.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text in TARGET_STATES:
        return text
    for code, label in TARGET_STATES.items():
        if text == label:
            return code
    choices = ", ".join(f"{code} ({label})" for code, label in TARGET_STATES.items())
    raise LedgerError(f"'{value}' is not a state; use one of {choices}.", code="state_invalid", value=value)


def export_ledger(store: Store, path: str | Path, *, as_of: dt.date | None = None,
                  filters: ExportFilters | None = None, generated_at: dt.datetime | None = None,
                  progress: Progress | None = None, is_cancelled: IsCancelled | None = None) -> ExportResult:
    """Write the audit workbook of the store (or the filtered part of it) as of a date.

    Everything in it is of that day: proposals received or assigned later, replies, ratings, contacts and evidence
    dated later are left out (with what hangs on a later reply), and the summary counts what was left out.

    Raises:
        LedgerError: the target cannot be written (see :func:`desktop.core.xlsx_export.write_workbook`).
        Cancelled: the user cancelled; no file was written or changed.
    """
    as_of = as_of or dt.date.today()
    filters = filters or ExportFilters()
    generated_at = generated_at or dt.datetime.now().astimezone()

    def gather_progress(done: int, total: int) -> None:
        if progress:
            progress(int(_GATHER_SHARE * done / max(total, 1)), _PROGRESS_SCALE)

    def write_progress(done: int, total: int) -> None:
        if progress:
            share = _PROGRESS_SCALE - _GATHER_SHARE
            progress(_GATHER_SHARE + int(share * done / max(total, 1)), _PROGRESS_SCALE)

    began = not store.conn.in_transaction
    if began:
        store.dialect.begin_read(store.conn)
    cursors: list[Any] = []
    try:
        snapshot = gather_snapshot(store, as_of, filters, generated_at=generated_at, progress=gather_progress,
                                   is_cancelled=is_cancelled, cursors=cursors)
        return write_workbook(path, snapshot, progress=write_progress, is_cancelled=is_cancelled)
    finally:
        for cursor in cursors:  # a cursor still reading keeps the temporary tables locked
            cursor.close()
        _drop_scope(store)
        if began and store.conn.in_transaction:
            store.conn.execute("COMMIT")


def gather_snapshot(store: Store, as_of: dt.date, filters: ExportFilters, *, generated_at: dt.datetime,
                    progress: Progress | None = None, is_cancelled: IsCancelled | None = None,
                    cursors: list[Any] | None = None) -> LedgerSnapshot:
    """Collect the records in scope. Targets, evidence and history stay in the database: the snapshot reads them
    through open cursors (added to ``cursors``, for the caller to close), one commitment at a time, so memory
    does not grow with their number. Write the workbook before anything else runs on the store's connection.

    Without filters the 回头看 findings are found as the target rows stream past (:mod:`desktop.core.audit_files`):
    ``findings`` is then a function the workbook calls once it has written them. A filtered export reads each
    proposal's whole file again, as the rules look past the filter (a reply's other units' promises)."""
    cursors = cursors if cursors is not None else []
    left_out = _build_scope(store, filters, as_of)
    if filters.state:
        left_out.update(_narrow_to_state(store, as_of, filters.state, promise_dates(store), None, is_cancelled))

    def scoped_list(cls: type, table: str, order_by: str = "id") -> list:
        return store.list(cls, f"id IN (SELECT id FROM scope_{table})", order_by=order_by)

    proposals = scoped_list(Proposal, "proposals", "session, kind, number, id")
    proposal_order = {p.id: index for index, p in enumerate(proposals)}
    replies = scoped_list(Reply, "replies")
    replies.sort(key=lambda r: (proposal_order.get(r.proposal_id, len(proposal_order)), r.is_reanswer,
                                r.reply_date or dt.date.max, r.id))
    _order_commitments(store, replies)
    by_id = {p.id: p for p in proposals}
    reply_names = {r.id: reply_label(r, by_id.get(r.proposal_id)) for r in replies}
    feedback = scoped_list(Feedback, "feedback", "feedback_date, id")
    contacts = scoped_list(Contact, "contacts", "contact_date, id")
    contacts.sort(key=lambda c: (proposal_order.get(c.proposal_id, len(proposal_order)), c.contact_date, c.id))
    count = store.conn.execute(
        "SELECT (SELECT count(*) FROM scope_targets),"
        " (SELECT count(*) FROM scope_commitments c WHERE NOT EXISTS"
        "  (SELECT 1 FROM scope_targets st JOIN targets t ON t.id = st.id WHERE t.commitment_id = c.id)),"
        " (SELECT count(*) FROM scope_evidence), (SELECT count(*) FROM scope_reminders)").fetchone()
    history_where = _history_scope() if filters.active else ""
    history_count = store.conn.execute(f"SELECT count(*) FROM history {history_where}").fetchone()[0]
    rules, classes = deadline_rules(store), store.get_setting("result_class.classes")
    evidence = _evidence(store, as_of, cursors)
    # Each commitment's promise date is its reply's, noted as the commitments stream past (no map of them all).
    starts = _PromiseDates()
    commitments = starts.noting(_commitments(store, cursors))
    findings: list[Finding] | Callable[[], list[Finding]]
    if filters.active:
        groups = judge_groups(commitments, _targets(store, cursors), evidence, as_of, starts)
        findings = _findings(store, as_of, proposal_order, progress, is_cancelled)
    else:  # 回头看 from the records and judgements of 承诺与指标, found as that sheet streams past
        audit = StreamedAudit(proposals, replies, feedback, contacts, as_of, rules, classes)
        groups = audit.groups(judge_groups(commitments, _targets(store, cursors), audit.evidence(evidence), as_of,
                                           starts))

        # Found now, while little else is held: the figures of every target in scope are grouped in memory.
        conflicts = _figure_conflicts(store, as_of)

        def findings() -> list[Finding]:
            return audit.findings() + conflicts
    target_names = TargetNames(store, reply_names)
    facts = RecordFacts(store)
    chain = store.chain_head()  # read in the same transaction as the records
    return LedgerSnapshot(
        as_of=as_of, generated_at=generated_at, filters=filters, office_name=store.get_setting("office.name"),
        generated_by=store.actor, result_classes=classes,
        rules=rules, proposals=proposals, replies=replies, feedback=feedback, contacts=contacts,
        groups=groups, commitment_facts=facts.commitments, target_facts=facts.targets,
        target_row_count=count[0] + count[1], evidence=_evidence_lines(store, cursors, facts),
        evidence_count=count[2], reminders=_reminders(store, cursors, target_names, facts), reminder_count=count[3],
        target_names=target_names, sources=_sources(store), history=_history(store, history_where, cursors, facts),
        history_count=history_count,
        findings=findings, left_out=left_out,
        chain=chain, notes=[("变更记录链", chain_line(chain))],  # for `verify --anchor` later
    )


_AUDIT_BATCH = 25  # proposals per 回头看 pass: each pass holds only its proposals' records


def _findings(store: Store, as_of: dt.date, proposal_order: dict[int | None, int], progress: Progress | None,
              is_cancelled: IsCancelled | None) -> list[Finding]:
    """回头看 findings about the records in scope, found a batch of proposals at a time, in the order of the
    建议 sheet (``proposal_order``: proposal id → place), as the unfiltered export finds them."""
    ids = [row[0] for row in store.conn.execute("SELECT id FROM scope_proposals ORDER BY id")]
    rules = deadline_rules(store)
    classes = store.get_setting("result_class.classes")
    in_scope = {table: {row[0] for row in store.conn.execute(f"SELECT id FROM scope_{table}")}
                for table in ("replies", "commitments", "targets", "feedback")}
    found: list[Finding] = []
    for start in range(0, len(ids), _AUDIT_BATCH):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        files = load_proposal_files(store, as_of, proposal_ids=ids[start:start + _AUDIT_BATCH])
        found.extend(f for f in find_contradictions(files, as_of, rules, classes)
                     if f.subject_table not in in_scope or f.subject_id in in_scope[f.subject_table])
        if progress:
            progress(min(start + _AUDIT_BATCH, len(ids)), len(ids))
    found.sort(key=lambda finding: proposal_order.get(finding.proposal_id, len(proposal_order)))  # stable
    found.extend(_figure_conflicts(store, as_of))
    if progress:
        progress(1, 1)
    return found


def _figure_conflicts(store: Store, as_of: dt.date) -> list[Finding]:
    """Figures of the targets in scope that contradict each other, over all of them."""
    store.conn.execute("DELETE FROM scope_figure_keys")
    return figure_conflicts(store, as_of, targets_in="scope_targets", keys_table="scope_figure_keys")


def _order_commitments(store: Store, replies: list[Reply]) -> None:
    """Record the display order of the commitments in scope (by reply, then place in the letter) in scope_order,
    so that commitments, targets and evidence are read back in that order, one at a time."""
    execute = store.conn.execute
    execute("DELETE FROM scope_order")
    execute("DELETE FROM scope_reply_order")
    store.conn.executemany("INSERT INTO scope_reply_order (id, ord) VALUES (?, ?)",
                           ((r.id, index) for index, r in enumerate(replies)))
    execute("INSERT INTO scope_order (id, ord) SELECT c.id, row_number() OVER"
            " (ORDER BY ro.ord, coalesce(c.quote_start, 1e18), c.id) FROM commitments c"
            " JOIN scope_reply_order ro ON ro.id = c.reply_id WHERE c.id IN (SELECT id FROM scope_commitments)")


def _commitments(store: Store, cursors: list[Any]) -> Iterator[tuple[Commitment, dt.date | None]]:
    """The commitments in scope in display order, each with its promise date (its reply's date)."""
    rows = _cursor(cursors, store, "SELECT c.*, r.reply_date AS promise_date FROM commitments c"
                                   " JOIN scope_order o ON o.id = c.id JOIN replies r ON r.id = c.reply_id"
                                   " ORDER BY o.ord")
    for row in rows:
        day = row["promise_date"]
        yield from_row(Commitment, row), dt.date.fromisoformat(day) if isinstance(day, str) else day


class _PromiseDates(Mapping[int, dt.date]):
    """The promise date of the commitment being judged (:func:`desktop.core.status.judge_groups` asks for it while
    it judges that commitment's targets): noted as the commitments stream past, so no map of every commitment's
    date is held."""

    def __init__(self) -> None:
        self._noted: tuple[int | None, dt.date | None] = (None, None)

    def noting(self, stream: Iterator[tuple[Commitment, dt.date | None]]) -> Iterator[Commitment]:
        for commitment, day in stream:
            self._noted = (commitment.id, day)
            yield commitment

    def __getitem__(self, commitment_id: int) -> dt.date:
        noted_id, day = self._noted
        if noted_id != commitment_id or day is None:
            raise KeyError(commitment_id)
        return day

    def __bool__(self) -> bool:
        return True  # it always stands for every commitment's date, though it holds one at a time

    def __iter__(self) -> Iterator[int]:
        return iter(())  # dates are only looked up, never listed

    def __len__(self) -> int:
        return 0


_TARGET_ORDER = "o.ord, coalesce(t.quote_start, 1e18), t.id"


def _targets(store: Store, cursors: list[Any]) -> Iterator[Target]:
    rows = _cursor(cursors, store,
        "SELECT t.* FROM targets t JOIN scope_order o ON o.id = t.commitment_id"
        f" WHERE t.id IN (SELECT id FROM scope_targets) ORDER BY {_TARGET_ORDER}")
    return (from_row(Target, row) for row in rows)


def _evidence(store: Store, as_of: dt.date, cursors: list[Any]) -> Iterator[Evidence]:
    """Evidence known on the date, in target order (what the judgements read)."""
    rows = _cursor(cursors, store,
        "SELECT e.* FROM evidence e JOIN targets t ON t.id = e.target_id JOIN scope_order o"
        f" ON o.id = t.commitment_id WHERE {known('evidence', 'e')} AND t.id IN (SELECT id FROM scope_targets)"
        f" ORDER BY {_TARGET_ORDER}, e.as_of_date, e.id", (as_of.isoformat(),))
    return (from_row(Evidence, row) for row in rows)


def _evidence_lines(store: Store, cursors: list[Any], facts: RecordFacts) -> Iterator[EvidenceLine]:
    """All evidence in scope, in target order, with its target's indicator (the 佐证 sheet); the commitment it
    measures comes along (its title and reply), so naming it asks the database nothing more."""
    rows = _cursor(cursors, store,
        "SELECT e.*, t.indicator AS target_indicator, t.commitment_id AS target_commitment,"
        " c.title AS commitment_title, c.reply_id AS commitment_reply FROM evidence e"
        " JOIN targets t ON t.id = e.target_id JOIN scope_order o ON o.id = t.commitment_id"
        " JOIN commitments c ON c.id = t.commitment_id"
        f" WHERE e.id IN (SELECT id FROM scope_evidence) ORDER BY {_TARGET_ORDER}, e.as_of_date, e.id")
    note = facts.commitments.note
    for row in rows:
        note(row["target_commitment"], (row["commitment_title"], row["commitment_reply"]))
        yield EvidenceLine(from_row(Evidence, row), row["target_indicator"], row["target_commitment"])


def _reminders(store: Store, cursors: list[Any], names: TargetNames, facts: RecordFacts) -> Iterator[Reminder]:
    """Reminders in scope by due date; the target or commitment a reminder is about comes with it (a target's
    indicator and commitment, a commitment's title and reply), so naming it asks the database nothing more."""
    rows = _cursor(cursors, store,
        "SELECT r.*, t.indicator AS target_indicator, c.id AS named_commitment, c.title AS commitment_title,"
        " c.reply_id AS commitment_reply, sc.id AS commitment_in_scope FROM reminders r"
        " LEFT JOIN targets t ON r.subject_table = 'targets' AND t.id = r.subject_id"
        " LEFT JOIN commitments c ON c.id = CASE WHEN r.subject_table = 'commitments' THEN r.subject_id"
        " ELSE t.commitment_id END LEFT JOIN scope_commitments sc ON sc.id = c.id"
        " WHERE r.id IN (SELECT id FROM scope_reminders) ORDER BY r.due_date, r.id")
    for row in rows:
        if row["target_indicator"] is not None:
            commitment = None if row["named_commitment"] is None else (row["commitment_title"],
                                                                         row["commitment_reply"])
            names.note(row["subject_id"], row["target_indicator"], commitment)
        elif row["commitment_in_scope"] is not None and row["subject_table"] == "commitments":
            facts.commitments.note(row["subject_id"], (row["commitment_title"], row["commitment_reply"]))
        yield from_row(Reminder, row)


class TargetNames(Mapping[int, str]):
    """The names of the targets reminders refer to (reply｜commitment｜indicator), looked up as the reminder rows
    ask for them: the reminders stream past, so their names are not all held at once. The reminder being written
    brings its target's indicator and commitment along (:meth:`note`); other targets (those a 回头看 finding names)
    are read when asked for."""

    def __init__(self, store: Store, reply_names: dict[int | None, str]) -> None:
        self._store = store
        self._reply_names = reply_names
        # (target id, indicator, (commitment title, reply id) or None when the commitment is gone)
        self._noted: tuple[int, str, tuple[str, int | None] | None] | None = None

    def note(self, target_id: int, indicator: str, commitment: tuple[str, int | None] | None) -> None:
        """The target the next lookup is most likely about, as the reminders' query read it."""
        self._noted = (target_id, indicator, commitment)

    def __getitem__(self, target_id: int) -> str:
        noted = self._noted
        if noted is not None and noted[0] == target_id:
            indicator, commitment = noted[1], noted[2]
        else:
            row = self._store.conn.execute(
                "SELECT t.indicator, c.title, c.reply_id, c.id FROM targets t"
                " LEFT JOIN commitments c ON c.id = t.commitment_id WHERE t.id = ?", (target_id,)).fetchone()
            if row is None:
                raise KeyError(target_id)
            indicator, commitment = row[0], (None if row[3] is None else (row[1], row[2]))
        if commitment is None:
            raise KeyError(target_id)
        title, reply_id = commitment
        reply_name = self._reply_names.get(reply_id) or _reply_name(self._store, reply_id)
        return f"{reply_name}｜{title}｜{indicator}"  # as target_label and commitment_label name it

    def __iter__(self) -> Iterator[int]:
        return iter(())  # names are only looked up, never listed

    def __len__(self) -> int:
        return 0


_FACTS_HELD = 4096  # facts looked up one at a time are kept up to this many, then forgotten


class ScopedFacts(Mapping[int, tuple]):
    """A few columns of the records of one kind in scope, looked up as they are asked for and never all held:
    the row noted last (the stream being written brought it along), else the rows loaded for the chunk being
    written (:meth:`load`), else one query. A record out of scope has no facts (KeyError)."""

    def __init__(self, store: Store, columns: str, table: str) -> None:
        self._store = store
        self._select = f"SELECT x.id, {columns} FROM {table} x JOIN scope_{table} s ON s.id = x.id WHERE x.id"
        self._known: dict[int, tuple | None] = {}
        self._noted: tuple[int, tuple] | None = None

    def note(self, record_id: int, facts: tuple) -> None:
        self._noted = (record_id, facts)

    def load(self, record_ids: set[int]) -> dict[int, tuple | None]:
        """Read the facts of these records at once (those out of scope are known to have none) and return them;
        the ones loaded before are forgotten."""
        known: dict[int, tuple | None] = dict.fromkeys(record_ids)
        if record_ids:
            rows = self._store.conn.execute(f"{self._select} IN ({self._store.dialect.json_ids()})",
                                            (id_list(record_ids),))
            for row in rows:
                known[row[0]] = tuple(row[1:])
        self._known = known
        return known

    def __getitem__(self, record_id: int) -> tuple:
        noted = self._noted
        if noted is not None and noted[0] == record_id:
            return noted[1]
        known = self._known
        if record_id in known:
            facts = known[record_id]
        else:
            row = self._store.conn.execute(f"{self._select} = ?", (record_id,)).fetchone()
            facts = None if row is None else tuple(row[1:])
            if len(known) >= _FACTS_HELD:
                known.clear()
            known[record_id] = facts
        if facts is None:
            raise KeyError(record_id)
        return facts

    def __iter__(self) -> Iterator[int]:
        return iter(())  # facts are only looked up, never listed

    def __len__(self) -> int:
        return 0


class RecordFacts:
    """What the workbook names commitments and targets in scope by: a commitment's title and reply, a target's
    indicator and commitment."""

    def __init__(self, store: Store) -> None:
        self.commitments = ScopedFacts(store, "x.title, x.reply_id", "commitments")
        self.targets = ScopedFacts(store, "x.indicator, x.commitment_id", "targets")

    def load_for(self, entries: list[HistoryEntry]) -> None:
        """Load the facts of the commitments and targets a chunk of 变更记录 names: the records changed, those
        their rows link to, and the commitments of those targets."""
        targets: set[int] = set()
        commitments: set[int] = set()
        for entry in entries:
            if entry.table_name == "targets":
                targets.add(entry.row_id)
            elif entry.table_name == "commitments":
                commitments.add(entry.row_id)
            for row in (entry.before, entry.after):
                if row:
                    target, commitment = row.get("target_id"), row.get("commitment_id")
                    if isinstance(target, int):
                        targets.add(target)
                    if isinstance(commitment, int):
                        commitments.add(commitment)
        loaded = self.targets.load(targets)
        commitments.update(facts[1] for facts in loaded.values() if facts is not None)
        self.commitments.load(commitments)


def _reply_name(store: Store, reply_id: int) -> str:
    reply = store.get(Reply, reply_id)
    if reply is None:
        return f"答复#{reply_id}"
    return reply_label(reply, store.get(Proposal, reply.proposal_id) if reply.proposal_id else None)


def _build_scope(store: Store, filters: ExportFilters, as_of: dt.date) -> dict[str, int]:
    """Fill scope_<table> with the ids of the records the export covers; returns how many records were left
    out because they are dated after the as-of date (by kind: 建议, 答复, 评价, 见面沟通, 佐证)."""
    _drop_scope(store)
    execute = store.conn.execute
    for table in _SCOPE_TABLES:
        execute(f"CREATE TEMP TABLE scope_{table} (id INTEGER PRIMARY KEY)")
    execute("CREATE TEMP TABLE scope_order (id INTEGER PRIMARY KEY, ord INTEGER NOT NULL)")
    execute("CREATE TEMP TABLE scope_reply_order (id INTEGER PRIMARY KEY, ord INTEGER NOT NULL)")
    execute("CREATE TEMP TABLE scope_figure_keys (indicator TEXT PRIMARY KEY, figure_key TEXT NOT NULL)")
    clauses: list[str] = []
    named: dict[str, object] = {}
    if filters.session:
        clauses.append(store.dialect.contains("p.session", ":session"))
        named["session"] = filters.session
    if filters.year:
        clauses.append("CAST(substr(coalesce(p.assigned_date, p.received_date, p.reply_due_date), 1, 4) AS INTEGER)"
                       " = :year")
        named["year"] = int(filters.year)
    unit_commitments = ""
    if filters.unit:
        # A unit's ledger: proposals it leads or co-handles, answers, or holds a commitment of.
        clauses.append(f"(p.lead_unit = :unit OR {store.dialect.json_array_has('p.co_units', ':unit')}"
                       " OR EXISTS (SELECT 1 FROM replies r WHERE r.proposal_id = p.id AND r.replying_unit = :unit)"
                       " OR EXISTS (SELECT 1 FROM replies r JOIN commitments c ON c.reply_id = r.id"
                       " WHERE r.proposal_id = p.id AND c.responsible_unit = :unit))")
        named["unit"] = filters.unit
        # Its commitments: those it is responsible for (unnamed: the replying unit's, else the lead unit's).
        unit_commitments = (" AND coalesce(c.responsible_unit, (SELECT r2.replying_unit FROM replies r2"
                            " WHERE r2.id = c.reply_id), (SELECT p2.lead_unit FROM replies r3 JOIN proposals p2"
                            " ON p2.id = r3.proposal_id WHERE r3.id = c.reply_id)) = :unit")
    where = " AND ".join(clauses)
    execute(f"INSERT INTO scope_proposals SELECT p.id FROM proposals p {'WHERE ' + where if where else ''}", named)
    day = as_of.isoformat()
    left_out: dict[str, int] = {}
    # What did not exist yet on the as-of date is left out: proposals received (else assigned) later, and replies
    # dated later with everything that hangs on them (their commitments, targets, ratings and reminders).
    left_out[KIND_NAMES["proposals"]] = _left_out(store, "proposals", day)
    orphans = "" if filters.active else " OR proposal_id IS NULL"
    execute("INSERT INTO scope_replies SELECT id FROM replies WHERE proposal_id IN (SELECT id FROM scope_proposals)"
            + orphans)
    left_out[KIND_NAMES["replies"]] = _left_out(store, "replies", day)
    execute("INSERT INTO scope_commitments SELECT c.id FROM commitments c WHERE c.reply_id IN"
            f" (SELECT id FROM scope_replies){unit_commitments}", {"unit": filters.unit} if filters.unit else {})
    left_out.update(_fill_children(store, as_of))
    return left_out


def _left_out(store: Store, table: str, day: str) -> int:
    """Drop the records of a scope table dated after the as-of date (:mod:`db.as_of`); returns how many there
    were."""
    cursor = store.conn.execute(f"DELETE FROM scope_{table} WHERE id IN (SELECT id FROM {table} WHERE "
                                f"{later(table)})", (day,))
    return max(cursor.rowcount, 0)


def _fill_children(store: Store, as_of: dt.date) -> dict[str, int]:
    execute = store.conn.execute
    for table in ("targets", "evidence", "feedback", "reminders", "proposers", "contacts"):
        execute(f"DELETE FROM scope_{table}")
    execute("INSERT INTO scope_targets SELECT id FROM targets"
            " WHERE commitment_id IN (SELECT id FROM scope_commitments)")
    return _fill_leaves(store, as_of)


def _fill_leaves(store: Store, as_of: dt.date) -> dict[str, int]:
    execute = store.conn.execute
    for table in ("evidence", "feedback", "reminders", "proposers", "contacts"):
        execute(f"DELETE FROM scope_{table}")
    day = as_of.isoformat()
    execute("INSERT INTO scope_evidence SELECT id FROM evidence WHERE target_id IN (SELECT id FROM scope_targets)")
    execute("INSERT INTO scope_feedback SELECT id FROM feedback WHERE reply_id IN (SELECT id FROM scope_replies)")
    execute("INSERT INTO scope_contacts SELECT id FROM contacts WHERE proposal_id IN (SELECT id FROM scope_proposals)")
    left_out = {KIND_NAMES[table]: _left_out(store, table, day) for table in ("evidence", "feedback", "contacts")}
    execute("INSERT INTO scope_proposers SELECT id FROM proposers"
            " WHERE proposal_id IN (SELECT id FROM scope_proposals)")
    unscoped = store.conn.execute("SELECT (SELECT count(*) FROM scope_proposals) = (SELECT count(*) FROM proposals)"
                                  " AND (SELECT count(*) FROM scope_targets) = (SELECT count(*) FROM targets)"
                                  ).fetchone()[0]
    subjects = " OR ".join(f"(subject_table = '{table}' AND subject_id IN (SELECT id FROM scope_{table}))"
                           for table in ("proposals", "replies", "commitments", "targets", "feedback"))
    execute(f"INSERT INTO scope_reminders SELECT id FROM reminders WHERE {subjects}"
            + (" OR subject_table IS NULL" if unscoped else ""))
    return left_out


def _narrow_to_state(store: Store, as_of: dt.date, state: str, starts: dict[int, dt.date],
                     progress: Progress | None, is_cancelled: IsCancelled | None) -> dict[str, int]:
    """Keep the targets judged ``state`` (and target-less commitments in it), then what they belong to.

    One streaming pass judges everything in scope and keeps only the ids that match.
    """
    execute = store.conn.execute
    commitments = store.list(Commitment, "id IN (SELECT id FROM scope_commitments)", order_by="id")
    store.conn.executemany("INSERT INTO scope_order (id, ord) VALUES (?, ?)",
                           ((c.id, c.id) for c in commitments))
    keep_targets: list[tuple[int]] = []
    keep_bare: list[tuple[int]] = []
    total = len(commitments)
    cursors: list[Any] = []
    groups = judge_groups(commitments, _targets(store, cursors), _evidence(store, as_of, cursors), as_of, starts)
    try:
        for done, group in enumerate(groups, start=1):
            if is_cancelled and done % 500 == 1 and is_cancelled():
                raise Cancelled()
            if progress and done % 500 == 0:
                progress(done, total)
            if group.targets:
                keep_targets.extend((t.id,) for t, j in group.targets if j.state == state)
            elif group.judgement.state == state:
                keep_bare.append((group.commitment.id,))
    finally:
        for cursor in cursors:
            cursor.close()
    execute("CREATE TEMP TABLE keep_ids (id INTEGER PRIMARY KEY)")
    try:
        store.conn.executemany("INSERT INTO keep_ids VALUES (?)", keep_targets)
        execute("DELETE FROM scope_targets WHERE id NOT IN (SELECT id FROM keep_ids)")
        execute("DELETE FROM keep_ids")
        store.conn.executemany("INSERT INTO keep_ids VALUES (?)", keep_bare)
        execute("DELETE FROM scope_commitments WHERE id NOT IN (SELECT commitment_id FROM targets WHERE id IN"
                " (SELECT id FROM scope_targets)) AND id NOT IN (SELECT id FROM keep_ids)")
    finally:
        execute("DROP TABLE keep_ids")
    execute("DELETE FROM scope_replies WHERE id NOT IN (SELECT reply_id FROM commitments WHERE id IN"
            " (SELECT id FROM scope_commitments))")
    execute("DELETE FROM scope_proposals WHERE id NOT IN (SELECT proposal_id FROM replies WHERE id IN"
            " (SELECT id FROM scope_replies) AND proposal_id IS NOT NULL)")
    return _fill_leaves(store, as_of)


def _drop_scope(store: Store) -> None:
    for table in (*_SCOPE_TABLES, "order", "reply_order", "figure_keys"):
        store.conn.execute(f"DROP TABLE IF EXISTS scope_{table}")


def _history_scope() -> str:
    parts = [f"(table_name = '{table}' AND row_id IN (SELECT id FROM scope_{table}))" for table in _SCOPE_TABLES]
    return "WHERE " + " OR ".join(parts)


def _cursor(cursors: list[Any], store: Store, sql: str, params: tuple = ()) -> Any:
    cursor = store.conn.execute(sql, params)
    cursors.append(cursor)
    return cursor


_HISTORY_CHUNK = 500  # change-log entries read, and their records named, at a time


def _history(store: Store, where: str, cursors: list[Any], facts: RecordFacts) -> Iterator[HistoryEntry]:
    """The change log in order, each entry's JSON parsed once; columns by position (the log is the export's
    longest sheet, and looking each column up by name costs more than the rest of the read). It is read a chunk at
    a time, and the commitments and targets a chunk names are looked up together before its entries are passed
    on (no name of every record is held)."""
    loads = json.loads
    rows = _cursor(cursors, store, "SELECT id, at, actor, table_name, row_id, action, before, after, prev_hash, hash"
                                   f" FROM history {where} ORDER BY id")
    while True:
        chunk = [HistoryEntry(entry_id, at, actor, table_name, row_id, action, loads(before) if before else None,
                              loads(after) if after else None, prev_hash, hash_)
                 for entry_id, at, actor, table_name, row_id, action, before, after, prev_hash, hash_
                 in itertools.islice(rows, _HISTORY_CHUNK)]
        if not chunk:
            return
        facts.load_for(chunk)
        yield from chunk


def _sources(store: Store) -> dict[int, SourceDocument]:
    """Source documents without their content (the workbook names them; it does not carry the files)."""
    rows = store.conn.execute("SELECT id, sha256, file_name, kind, title, publisher, doc_date, url"
                              " FROM source_documents")
    return {row["id"]: from_row(SourceDocument, row) for row in rows}


_YEAR = re.compile(r"^\d{4}$")


def parse_year(value: str | None) -> int | None:
    """A --year value such as 2021.

    Raises:
        LedgerError: when it is not a four-digit year.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if not _YEAR.match(text):
        raise LedgerError(f"'{value}' is not a year; write it as 2021.", code="year_invalid", value=value)
    return int(text)
