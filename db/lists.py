"""The record lists of the app: which rows match a filter, in which order, and their values page by page.

Lists of a real office's data (100 000 targets) are never loaded whole. :func:`list_keys` returns only the
ordered row keys, filtered and sorted in SQL; :func:`fetch_rows` reads the values of the few rows on screen.
Search goes through the full-text index (``search_index``) with the same rules as :meth:`Store.search`.

Each list has a *kind*: ``proposals``, ``replies``, ``commitments`` (one row per target, plus one row for each
commitment without targets; the key is the target id, or minus the commitment id), ``evidence`` and
``reminders``.

How the lists stay fast (``bench/list_views.py``): the keys are read from the list's main table alone, joined to
other tables only when a filter or the sort needs them, and ordered by an index (empty values are read by a second
query rather than sorted last, which an index cannot do). The commitments list reads its keys from
``commitment_list`` (schema 4), which keeps each row's sort values and latest evidence, so that a page of rows is
read by primary key.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.search import SEARCH_CODES, search_terms
from db.store import Store
from desktop.core.deadlines import DeadlineRules, computed_reply_deadline

# SQLite allows 32 766 bound parameters; fetches stay far below that.
_CHUNK = 500

# Above this many search matches a server reads the list's rows in one pass rather than looking each match up.
MANY_MATCHES = 2000


@dataclass(frozen=True)
class ListFilter:
    """What the user narrowed a list to; empty fields do not filter.

    ``year`` is the year of the list's date (deadline, reply date, as-of date or due date), ``date_from`` and
    ``date_to`` bound that same date (both included).
    """

    text: str = ""
    unit: str | None = None
    year: int | None = None
    session: str | None = None
    state: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return self == ListFilter()


@dataclass(frozen=True)
class ListSpec:
    """How one list is read: its main table, row key, columns and the expressions filters and sorts use.

    ``source`` is the main table with its alias (each row of the list is one of its rows); ``joins`` are the
    (alias, JOIN clause) pairs the columns read, in order. Reading the keys joins only those whose alias a filter
    or the sort names (or a later join needs): every join is to a row that exists (a foreign key) or a LEFT JOIN,
    so leaving one out never changes which rows the list has.
    """

    kind: str
    source: str
    key: str
    columns: Mapping[str, str]
    joins: tuple[tuple[str, str], ...] = ()
    unit: str | None = None
    date: str | None = None
    session: str | None = None
    state: str | None = None
    sort: Mapping[str, str] = field(default_factory=dict)
    default_sort: tuple[str, bool] = ("id", False)
    # (search kind, SQL expression of that kind's record id) pairs: a row matches when any of them matches.
    search: tuple[tuple[str, str], ...] = ()
    # Extra text columns matched with instr() (records the search index does not cover).
    search_text: tuple[str, ...] = ()


_LEAD_PROPOSER = ("(SELECT name FROM proposers WHERE proposers.proposal_id = p.id"
                  " ORDER BY position, id LIMIT 1)")

SPECS: dict[str, ListSpec] = {
    "proposals": ListSpec(
        kind="proposals",
        source="proposals p",
        key="p.id",
        columns={
            "id": "p.id", "kind": "p.kind", "session": "p.session", "number": "p.number", "title": "p.title",
            "lead_proposer": _LEAD_PROPOSER, "lead_unit": "p.lead_unit", "assigned_date": "p.assigned_date",
            "reply_due_date": "coalesce(p.extended_due_date, p.reply_due_date)", "state": "p.state",
            "key_supervised": "p.key_supervised",
        },
        unit="p.lead_unit", date="coalesce(p.extended_due_date, p.reply_due_date)", session="p.session",
        state="p.state",
        sort={"id": "p.id", "kind": "p.kind", "session": "p.session", "number": "p.number", "title": "p.title",
              "lead_unit": "p.lead_unit", "assigned_date": "p.assigned_date",
              "reply_due_date": "coalesce(p.extended_due_date, p.reply_due_date)", "state": "p.state",
              "key_supervised": "p.key_supervised"},
        default_sort=("assigned_date", True),
        search=(("proposal", "p.id"),),
    ),
    "replies": ListSpec(
        kind="replies",
        source="replies r",
        joins=(("p", "LEFT JOIN proposals p ON p.id = r.proposal_id"),),
        key="r.id",
        columns={
            "id": "r.id", "doc_number": "r.doc_number", "title": "r.title", "addressee": "r.addressee",
            "reply_date": "r.reply_date", "issuing_office": "r.issuing_office", "signer": "r.signer",
            "result_class": "r.result_class", "session": "p.session", "proposal_number": "p.number",
            "proposal_id": "r.proposal_id", "source_document_id": "r.source_document_id",
            # Target suggestions of the reply's letter still waiting for a decision (Review letter again).
            "pending_suggestions": "(SELECT count(*) FROM suggestions s WHERE s.kind = 'target'"
                                   " AND s.state = 'pending' AND s.reply_id = r.id)",
        },
        unit="coalesce(r.replying_unit, r.issuing_office)", date="r.reply_date", session="p.session",
        # Year and serial as fixed-width digits (1 000 000 + year), so that text order is number order.
        sort={"id": "r.id", "doc_number": "r.doc_issuer_code || (1000000 + r.doc_year) || "
              "(1000000000 + r.doc_serial)", "title": "r.title", "addressee": "r.addressee",
              "reply_date": "r.reply_date", "issuing_office": "r.issuing_office", "signer": "r.signer",
              "result_class": "r.result_class", "session": "p.session", "proposal_number": "p.number"},
        default_sort=("reply_date", True),
        search=(("reply", "r.id"),),
    ),
    "commitments": ListSpec(
        kind="commitments",
        source="commitment_list l",
        joins=(("c", "JOIN commitments c ON c.id = l.commitment_id"),
               ("t", "LEFT JOIN targets t ON t.id = l.target_id"),
               ("r", "LEFT JOIN replies r ON r.id = l.reply_id"),
               ("p", "LEFT JOIN proposals p ON p.id = r.proposal_id"),
               ("e", "LEFT JOIN evidence e ON e.id = l.latest_evidence_id")),
        key="l.row_key",
        columns={
            "commitment_id": "l.commitment_id", "target_id": "l.target_id", "title": "c.title",
            "responsible_unit": "c.responsible_unit", "indicator": "t.indicator", "comparator": "t.comparator",
            "value": "t.value", "value_high": "t.value_high", "unit": "t.unit",
            "value_normalized": "t.value_normalized", "unit_normalized": "t.unit_normalized", "deadline": "l.deadline",
            "deadline_text": "coalesce(t.deadline_text, c.deadline_text)", "kind": "t.kind",
            "cumulative": "t.cumulative", "baseline_value": "t.baseline_value", "baseline_unit": "t.baseline_unit",
            "manual_state": "c.manual_state", "doc_number": "r.doc_number", "reply_id": "c.reply_id",
            "latest_value": "e.value", "latest_unit": "e.unit", "latest_date": "e.as_of_date",
        },
        unit="l.responsible_unit", date="l.deadline", session="p.session",
        sort={"title": "l.title", "responsible_unit": "l.responsible_unit", "indicator": "l.indicator",
              "comparator": "l.comparator", "value": "l.value_normalized", "unit": "l.unit",
              "deadline": "l.deadline", "kind": "l.kind", "doc_number": "l.doc_number", "id": "l.commitment_id"},
        default_sort=("deadline", False),
        # A target's row has the target's id as key and target_id; matches are looked up by target_id, whose
        # index holds the deadline (schema 8), so that sorting them in the default order reads no table row.
        search=(("commitment", "l.commitment_id"), ("target", "l.target_id")),
    ),
    "evidence": ListSpec(
        kind="evidence",
        source="evidence e",
        joins=(("t", "JOIN targets t ON t.id = e.target_id"),
               ("c", "JOIN commitments c ON c.id = t.commitment_id"),
               ("r", "LEFT JOIN replies r ON r.id = c.reply_id"),
               ("p", "LEFT JOIN proposals p ON p.id = r.proposal_id")),
        key="e.id",
        columns={
            "id": "e.id", "target_id": "e.target_id", "indicator": "t.indicator", "commitment": "c.title",
            "value": "e.value", "unit": "e.unit", "achieved": "e.achieved", "comparator": "e.comparator",
            "as_of_date": "e.as_of_date", "source_title": "e.source_title", "publisher": "e.publisher",
            "source_date": "e.source_date", "recorded_by": "e.recorded_by",
        },
        unit="c.responsible_unit", date="e.as_of_date", session="p.session",
        sort={"id": "e.id", "indicator": "t.indicator", "commitment": "c.title", "value": "e.value_normalized",
              "unit": "e.unit", "as_of_date": "e.as_of_date", "source_title": "e.source_title",
              "publisher": "e.publisher", "source_date": "e.source_date", "recorded_by": "e.recorded_by"},
        default_sort=("as_of_date", True),
        search=(("target", "t.id"), ("commitment", "c.id")),
        search_text=("e.source_title", "e.publisher", "e.quote", "e.notes"),
    ),
    "reminders": ListSpec(
        kind="reminders",
        source="reminders m",
        key="m.id",
        columns={
            "id": "m.id", "kind": "m.kind", "title": "m.title", "due_date": "m.due_date", "state": "m.state",
            "snoozed_until": "m.snoozed_until", "lead_days": "m.lead_days", "subject_table": "m.subject_table",
            "subject_id": "m.subject_id",
        },
        date="m.due_date", state="m.state",
        sort={"id": "m.id", "kind": "m.kind", "title": "m.title", "due_date": "m.due_date", "state": "m.state",
              "snoozed_until": "m.snoozed_until"},
        default_sort=("due_date", False),
        search_text=("m.title", "m.note"),
    ),
}


@dataclass(frozen=True)
class FilterChoices:
    """The values a list's filters can take, from the data."""

    units: list[str]
    years: list[int]
    sessions: list[str]


def spec(kind: str) -> ListSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown list kind {kind!r}") from None


def _where(store: Store, list_spec: ListSpec, flt: ListFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.unit is not None and list_spec.unit:
        clauses.append(f"{list_spec.unit} = ?")
        params.append(flt.unit)
    if flt.session is not None and list_spec.session:
        clauses.append(f"{list_spec.session} = ?")
        params.append(flt.session)
    if flt.state is not None and list_spec.state:
        clauses.append(f"{list_spec.state} = ?")
        params.append(flt.state)
    if list_spec.date:
        # Year and range compare ISO text, so an index on the date column stays usable.
        if flt.year is not None:
            clauses.append(f"{list_spec.date} BETWEEN ? AND ?")
            params.extend([f"{flt.year:04d}-01-01", f"{flt.year:04d}-12-31"])
        if flt.date_from is not None:
            clauses.append(f"{list_spec.date} >= ?")
            params.append(flt.date_from.isoformat())
        if flt.date_to is not None:
            clauses.append(f"{list_spec.date} <= ?")
            params.append(flt.date_to.isoformat())
    terms = search_terms(flt.text)
    if terms:
        alternatives: list[str] = []
        many_matches = False
        if list_spec.search and store.dialect.union_for_or:
            # A server's trigram index returns the rows of every kind and checks each one's text: read it once,
            # not once per kind and per ordered read, and look each kind's matches up by the id's index.
            matched = _matching_ids(store, terms, [search_kind for search_kind, _ in list_spec.search])
            # Thousands of matches are found faster by one pass over the list's rows against a hash of the ids
            # than by as many index lookups; a few, the other way round (bench/README.md, the server's list).
            many_matches = sum(len(ids) for ids in matched.values()) > MANY_MATCHES
            for search_kind, id_expr in list_spec.search:
                if matched[search_kind]:
                    alternatives.append(f"{id_expr} IN ({store.dialect.json_ids()})")
                    params.append(json.dumps(matched[search_kind]))
            if not alternatives and not list_spec.search_text:
                alternatives.append("1 = 0")
        elif list_spec.search:
            # SQLite answers each kind from its FTS5 index in a subquery faster than from a list of ids.
            match, match_params = store.dialect.search_clause(store.conn, terms)
            for search_kind, id_expr in list_spec.search:
                # Each kind's matches are looked up by the id's index; never a test of every row against the index.
                alternatives.append(f"{id_expr} IN (SELECT rowid / 8 FROM search_index WHERE {match}"
                                    f" AND rowid % 8 = {SEARCH_CODES[search_kind]})")
                params.extend(match_params)
        if list_spec.search_text:
            text = " || ' ' || ".join(f"coalesce({column}, '')" for column in list_spec.search_text)
            contains = store.dialect.contains(f"lower({text})", "lower(?)")
            alternatives.append("(" + " AND ".join(contains for _ in terms) + ")")
            params.extend(terms)
        if len(alternatives) > 1 and store.dialect.union_for_or and not many_matches:
            # Each alternative on its own reads its matches by index; OR'd together, a server reads every row.
            parts = [f"SELECT {list_spec.key} FROM {_source(list_spec, part)} WHERE {part}" for part in alternatives]
            clauses.append(f"{list_spec.key} IN ({' UNION '.join(parts)})")
        else:
            clauses.append("(" + " OR ".join(alternatives) + ")")
    return clauses, params


def _matching_ids(store: Store, terms: Sequence[str], kinds: Sequence[str]) -> dict[str, list[int]]:
    """The ids of the records of each kind whose indexed text holds every term (one read of the search index)."""
    match, match_params = store.dialect.search_clause(store.conn, terms)
    codes = {SEARCH_CODES[kind]: kind for kind in kinds}
    wanted = ", ".join(str(code) for code in sorted(codes))
    found: dict[str, list[int]] = {kind: [] for kind in kinds}
    for rowid in _column(store, f"SELECT rowid FROM search_index WHERE {match} AND rowid % 8 IN ({wanted})",
                         match_params):
        found[codes[rowid % 8]].append(rowid // 8)
    return found


def _source(list_spec: ListSpec, used: str = "", *, every_join: bool = False) -> str:
    """The FROM clause: the main table and the joins that ``used`` (SQL text) names, or every join."""
    needed: list[str] = []
    for alias, clause in reversed(list_spec.joins):
        if every_join or re.search(rf"\b{alias}\.", used):
            needed.append(clause)
            used += " " + clause  # a join may need an earlier one
    return " ".join([list_spec.source, *reversed(needed)])


def _column(store: Store, sql: str, params: Sequence[Any]) -> list[Any]:
    """The first column of a query's rows (plain tuples: no row objects for 100 000 keys)."""
    return store.dialect.first_column(store.conn, sql, params)


def list_keys(store: Store, kind: str, flt: ListFilter = ListFilter(), sort: str | None = None,
              descending: bool = False, *, states: Mapping[int, str] | None = None) -> list[int]:
    """The keys of the rows that match ``flt``, in order.

    Args:
        kind: the list (see the module docstring).
        flt: the filter; ``flt.state`` on a list whose state is judged outside SQL (commitments, evidence)
            uses ``states``, a map from row key to state code (rows missing from it have no state).
        sort: a column name of the list's ``sort`` map, or ``"state"`` (ordered by ``states``); None for the
            list's default order. Empty values sort last; ties keep the key order.
        descending: reverse the order (empty values still last).
    """
    list_spec = spec(kind)
    clauses, params = _where(store, list_spec, flt)
    sort_name, descending_default = list_spec.default_sort
    if sort is None:
        sort, descending = sort_name, descending_default
    by_state = sort == "state" and "state" not in list_spec.sort
    expr = list_spec.sort.get(sort if not by_state else sort_name) or list_spec.key
    direction = "DESC" if descending and not by_state else "ASC"
    key = list_spec.key
    source = _source(list_spec, " ".join([*clauses, expr]))
    where = " AND ".join(clauses) or "1 = 1"
    if expr == key:
        keys = _column(store, f"SELECT {key} FROM {source} WHERE {where} ORDER BY {key} {direction}", params)
    elif search_terms(flt.text):
        # A search's matches are sorted apart from the index anyway: one read (empty values last) instead of two,
        # each of which would look the matches up again.
        keys = _column(store, f"SELECT {key} FROM {source} WHERE {where}"
                              f" ORDER BY ({expr} IS NULL), {expr} {direction}, {key} {direction}", params)
    else:
        # Rows with a value in the index's order, then the empty ones: two ordered reads, no sort of every row.
        keys = _column(store, f"SELECT {key} FROM {source} WHERE {where} AND {expr} IS NOT NULL"
                              f" ORDER BY {expr} {direction}, {key} {direction}", params)
        keys += _column(store, f"SELECT {key} FROM {source} WHERE {where} AND {expr} IS NULL"
                               f" ORDER BY {key} {direction}", params)
    if flt.state is not None and not list_spec.state:
        known = states or {}
        keys = [key for key in keys if known.get(key) == flt.state]
    if by_state:
        known = states or {}
        order = {state: rank for rank, state in enumerate(STATE_ORDER)}
        missing = len(order)
        keys.sort(key=lambda key: order.get(known.get(key, ""), missing), reverse=descending)
    return keys


# Worst first when sorting by state, as an auditor reads the list.
STATE_ORDER = ("overdue", "missed", "at_risk", "on_track", "met", "no_data")


def fetch_rows(store: Store, kind: str, keys: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The column values of the rows with these keys (keys that no longer exist are missing from the result)."""
    list_spec = spec(kind)
    columns = ", ".join(f"{expr} AS {name}" for name, expr in list_spec.columns.items())
    source = _source(list_spec, every_join=True)
    rows: dict[int, dict[str, Any]] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = list(keys[start:start + _CHUNK])
        sql = (f"SELECT {list_spec.key} AS row_key, {columns} FROM {source}"
               f" WHERE {list_spec.key} IN ({', '.join('?' * len(chunk))})")
        for row in store.conn.execute(sql, chunk):
            values = dict(row)
            rows[values.pop("row_key")] = values
    if kind == "proposals":
        _add_computed_reply_due(store, rows.values())
    return rows


def _add_computed_reply_due(store: Store, rows: Iterable[dict[str, Any]]) -> None:
    """A proposal without a recorded reply deadline shows the one its assignment date gives, and how."""
    rules: DeadlineRules | None = None
    for values in rows:
        if values.get("reply_due_date") or not values.get("assigned_date"):
            continue
        rules = rules or DeadlineRules.from_settings(store.all_settings())
        computed = computed_reply_deadline(dt.date.fromisoformat(values["assigned_date"]), rules)
        values["reply_due_computed"] = computed.date.isoformat()
        values["reply_due_explanation"] = computed.explanation


def filter_choices(store: Store, kind: str) -> FilterChoices:
    """Units, years and sessions that occur in a list, for its filter menus."""
    list_spec = spec(kind)
    units: list[str] = []
    years: list[int] = []
    sessions: list[str] = []
    conn = store.conn
    if kind in ("commitments", "evidence"):
        # Evidence is filtered by its commitment's unit; the commitments' units (an index) are the menu.
        units = [r[0] for r in conn.execute("SELECT DISTINCT responsible_unit FROM commitments"
                                            " WHERE responsible_unit IS NOT NULL ORDER BY 1")]
    if kind == "evidence":
        years = [int(r[0]) for r in conn.execute("SELECT DISTINCT substr(as_of_date, 1, 4) FROM evidence ORDER BY 1")]
    elif list_spec.unit or list_spec.date:
        if list_spec.unit and kind != "commitments":
            units = [r[0] for r in conn.execute(f"SELECT DISTINCT {list_spec.unit}"
                                                f" FROM {_source(list_spec, list_spec.unit)}"
                                                f" WHERE {list_spec.unit} IS NOT NULL ORDER BY 1")]
        if list_spec.date:
            years = [int(r[0]) for r in conn.execute(f"SELECT DISTINCT substr({list_spec.date}, 1, 4)"
                                                     f" FROM {_source(list_spec, list_spec.date)}"
                                                     f" WHERE {list_spec.date} IS NOT NULL ORDER BY 1")]
    if list_spec.session:
        sessions = [r[0] for r in conn.execute("SELECT DISTINCT session FROM proposals ORDER BY 1")]
    return FilterChoices(units=units, years=years, sessions=sessions)


def record_labels(store: Store, kind: str, text: str = "", *, limit: int = 50,
                  include: Iterable[int] = ()) -> list[tuple[int, str]]:
    """(id, label) of records a form can link to, newest first, narrowed by a search text.

    ``kind`` is ``proposals``, ``replies``, ``commitments`` or ``targets``; ids in ``include`` are always listed
    (the form's current value), whatever the text.
    """
    labels = {
        "proposals": ("proposals p", "p.id", "p.session || ' ' || p.number || ' ' || p.title", "proposal"),
        "replies": ("replies r", "r.id", "coalesce(r.doc_number, '#' || r.id) || ' ' || coalesce(r.title, '')",
                    "reply"),
        "commitments": ("commitments c", "c.id", "c.title || coalesce(' (' || c.deadline_text || ')', '')",
                        "commitment"),
        "targets": ("targets t JOIN commitments c ON c.id = t.commitment_id", "t.id",
                    "t.indicator || ' — ' || c.title", "target"),
    }
    if kind not in labels:
        raise ValueError(f"unknown record kind {kind!r}")
    source, key, label, search_kind = labels[kind]
    found: dict[int, str] = {}
    wanted = [int(i) for i in include]
    if wanted:
        sql = f"SELECT {key}, {label} FROM {source} WHERE {key} IN ({', '.join('?' * len(wanted))})"
        found.update((row[0], row[1]) for row in store.conn.execute(sql, wanted))
    terms = search_terms(text)
    params: list[Any] = []
    sql = f"SELECT {key}, {label} FROM {source}"
    if terms:
        match, params = store.dialect.search_clause(store.conn, terms)
        sql += (f" WHERE {key} IN (SELECT rowid / 8 FROM search_index WHERE {match}"
                f" AND rowid % 8 = {SEARCH_CODES[search_kind]})")
    sql += f" ORDER BY {key} DESC LIMIT ?"
    params.append(int(limit))
    for row in store.conn.execute(sql, params):
        found.setdefault(row[0], row[1])
    return list(found.items())
