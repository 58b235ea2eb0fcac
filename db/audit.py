"""回头看 over a whole ledger, and the timeline of one proposal, read from a store."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator

from db.as_of import known
from db.followup import deadline_rules, load_proposal_files
from db.store import Store
from desktop.core.audit import (
    Finding,
    StatedFigure,
    TimelineEvent,
    build_timeline,
    find_contradictions,
    find_figure_conflicts,
    indicator_key,
)
from desktop.core.errors import LedgerError
from desktop.core.handling import ProposalFile
from desktop.core.records import PROPOSAL_KINDS
from desktop.core.units import normalize


def audit_ledger(store: Store, as_of: dt.date, *, progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> list[Finding]:
    """Every contradiction in the ledger as of a date (see :mod:`desktop.core.audit`).

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    files = load_proposal_files(store, as_of, progress=progress, is_cancelled=is_cancelled)
    found = find_contradictions(files, as_of, deadline_rules(store), store.get_setting("result_class.classes"))
    return found + find_figure_conflicts(stated_figures(store, as_of))


_PROPOSAL_COLUMNS = ("r.id AS reply_id, r.doc_number, p.id AS proposal_id, p.session, p.kind AS proposal_kind,"
                     " p.number")
_JOINS = ("JOIN commitments c ON c.id = t.commitment_id JOIN replies r ON r.id = c.reply_id"
          " LEFT JOIN proposals p ON p.id = r.proposal_id")


def stated_figures(store: Store, as_of: dt.date, *, targets_in: str | None = None) -> Iterator[StatedFigure]:
    """The measured figures (evidence given as an exact figure) and the baselines letters state, known on the date.

    Args:
        targets_in: a table of target ids to keep to (``scope_targets`` during an export); None: all.
    """
    for _, figure in _stated_figures(store, as_of, targets_in, None):
        yield figure


_FIGURE_BATCH = 5000  # figures handed to the rules at a time (whole indicators, so a batch may hold more)
_KEYS_AT_ONCE = 1000


def figure_conflicts(store: Store, as_of: dt.date, *, targets_in: str, keys_table: str) -> list[Finding]:
    """:func:`desktop.core.audit.find_figure_conflicts` over the figures of :func:`stated_figures`, without holding
    them all: the rules compare figures of the same indicator (by its key, :func:`desktop.core.audit.indicator_key`)
    and of the same kind (measured figures among themselves, baselines among themselves), so the figures are read in
    the order of their indicator's key, kind by kind, and handed to the rules a few thousand at a time, each
    indicator whole. The findings are those of one pass over every figure, in the same order.

    Args:
        targets_in: a table of the target ids to keep to (``scope_targets`` during an export).
        keys_table: an empty temporary table (indicator TEXT PRIMARY KEY, figure_key TEXT NOT NULL) it fills with
            each indicator's key (a table cannot be made or dropped while the caller's cursors read).
    """
    indicators = store.conn.execute(f"SELECT DISTINCT indicator FROM targets WHERE id IN (SELECT id FROM {targets_in})")
    while chunk := list(itertools.islice(indicators, _KEYS_AT_ONCE)):
        store.conn.executemany(f"INSERT INTO {keys_table} (indicator, figure_key) VALUES (?, ?)",
                               [(row[0], indicator_key(row[0])) for row in chunk])
    found: list[Finding] = []
    batch: list[StatedFigure] = []
    last: tuple[str | None, str] | None = None
    for key, figure in _stated_figures(store, as_of, targets_in, keys_table):
        if (key, figure.kind) != last and len(batch) >= _FIGURE_BATCH:
            found.extend(find_figure_conflicts(batch))
            batch = []
        last = (key, figure.kind)
        batch.append(figure)
    found.extend(find_figure_conflicts(batch))
    found.sort(key=lambda f: (f.proposal_label, f.date or dt.date.max, f.kind, f.subject_id or 0))  # as the rules do
    return found


def _stated_figures(store: Store, as_of: dt.date, targets_in: str | None, keys_table: str | None
                    ) -> Iterator[tuple[str | None, StatedFigure]]:
    """The figures of :func:`stated_figures`, measured ones first; with ``keys_table``, each kind in the order of
    its indicator's key (read from that table), each with that key."""
    scope = f" AND t.id IN (SELECT id FROM {targets_in})" if targets_in else ""
    key_column = ", k.figure_key" if keys_table else ", NULL AS figure_key"
    key_join = f" JOIN {keys_table} k ON k.indicator = t.indicator" if keys_table else ""
    order = " ORDER BY k.figure_key" if keys_table else ""
    day = as_of.isoformat()
    evidence = store.conn.execute(
        f"SELECT e.id AS subject_id, t.indicator, e.value, e.unit, e.as_of_date AS day, t.cumulative,"
        f" e.publisher, e.source_title, {_PROPOSAL_COLUMNS}{key_column} FROM evidence e"
        f" JOIN targets t ON t.id = e.target_id {_JOINS}{key_join} WHERE e.value IS NOT NULL AND e.comparator = '='"
        f" AND {known('evidence', 'e')} AND {known('replies', 'r')}{scope}{order}", (day, day))
    for row in evidence:
        figure = _figure("evidence", "evidence", row, row["value"], row["unit"])
        if figure is not None:
            yield row["figure_key"], figure
    baselines = store.conn.execute(
        f"SELECT t.id AS subject_id, t.indicator, t.cumulative, t.kind, t.value, t.unit, t.baseline_value,"
        f" t.baseline_unit, coalesce(t.baseline_date, r.reply_date) AS day, NULL AS publisher,"
        f" NULL AS source_title, {_PROPOSAL_COLUMNS}{key_column} FROM targets t {_JOINS}{key_join}"
        f" WHERE (t.baseline_value IS NOT NULL OR (t.kind = 'baseline' AND t.value IS NOT NULL))"
        f" AND coalesce(t.baseline_date, r.reply_date) IS NOT NULL AND {known('replies', 'r')}{scope}{order}",
        (day,))
    for row in baselines:
        if row["baseline_value"] is not None:
            value, unit = row["baseline_value"], row["baseline_unit"] if row["baseline_unit"] is not None \
                else row["unit"]
        else:
            value, unit = row["value"], row["unit"]
        figure = _figure("baseline", "targets", row, value, unit)
        if figure is not None:
            yield row["figure_key"], figure


def _figure(kind: str, table: str, row, value: float, unit: str | None) -> StatedFigure | None:
    try:
        normalized, base = normalize(value, unit or "")
    except (ValueError, ArithmeticError):
        return None
    if row["proposal_id"] is not None:
        proposal = f"{row['session']}{PROPOSAL_KINDS.get(row['proposal_kind'], '')}{row['number']}"
    else:
        proposal = row["doc_number"] or f"答复#{row['reply_id']}"
    source = "，".join(part for part in (row["publisher"], row["source_title"]) if part)
    return StatedFigure(kind=kind, indicator=row["indicator"], value=float(normalized), unit=base,
                        date=dt.date.fromisoformat(row["day"]), proposal_label=proposal,
                        proposal_id=row["proposal_id"], subject_table=table, subject_id=row["subject_id"],
                        reply_id=row["reply_id"], reply_label=row["doc_number"] or f"答复#{row['reply_id']}",
                        cumulative=None if row["cumulative"] is None else bool(row["cumulative"]), source=source)


def proposal_timeline(store: Store, proposal_id: int, as_of: dt.date) -> tuple[ProposalFile, list[TimelineEvent]]:
    """One proposal's file and its timeline as of a date.

    Raises:
        LedgerError: when the proposal does not exist.
    """
    files = load_proposal_files(store, as_of, proposal_ids=[proposal_id])
    if not files or files[0].proposal is None:
        raise LedgerError(f"Proposal #{proposal_id} does not exist; reload the list.", code="not_found",
                          table="proposals", id=proposal_id)
    return files[0], build_timeline(files[0], as_of, deadline_rules(store))
