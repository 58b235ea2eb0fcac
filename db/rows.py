"""Records as column values and back: how each field is stored, and readers that build records from rows.

Worked out once per record kind (plans cached by class), because reading a big ledger builds hundreds of thousands
of records and an import converts several records per spreadsheet row.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from desktop.core.records import Record

R = TypeVar("R", bound=Record)

# Columns kept out of history rows (large binary content is represented by its hash).
_HISTORY_OMIT = {"content"}
# Fields held in a table of their own (a proposal's signers), not in a column of the record's row.
_NESTED_FIELDS = {"proposers"}


def _field_kinds(cls: type) -> dict[str, type]:
    """Map each dataclass field to the plain type the store converts it to/from."""
    kinds: dict[str, type] = {}
    for name, hint in typing.get_type_hints(cls).items():
        if name in ("TABLE",):
            continue
        is_union = isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union
        options = typing.get_args(hint) if is_union else (hint,)
        options = tuple(typing.get_origin(o) or o for o in options if o is not type(None))
        kinds[name] = options[0] if options else str
    return kinds


_KINDS_CACHE: dict[type, dict[str, type]] = {}


def _kinds(cls: type) -> dict[str, type]:
    if cls not in _KINDS_CACHE:
        _KINDS_CACHE[cls] = _field_kinds(cls)
    return _KINDS_CACHE[cls]


def _to_column(kind: type) -> Callable[[Any], Any] | None:
    """How a (non-None) field value becomes its column value; None when it is stored as it is."""
    if kind is dt.date:
        return _iso_date
    if kind is bool:
        return _as_flag
    if kind in (list, dict):
        return _as_json
    return None


def _iso_date(value: Any) -> Any:
    return value.isoformat()


def _as_flag(value: Any) -> int:
    return int(bool(value))


def _as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


_COLUMN_PLANS: dict[type, tuple[tuple[str, Callable[[Any], Any] | None], ...]] = {}


def to_row(record: Record) -> dict[str, Any]:
    """A record as column values: dates as ISO text, booleans as 0/1, lists and dicts as JSON."""
    cls = type(record)
    plan = _COLUMN_PLANS.get(cls)
    if plan is None:  # worked out once per record kind: the columns in field order, converted how
        kinds = _kinds(cls)
        plan = _COLUMN_PLANS[cls] = tuple((item.name, _to_column(kinds[item.name]))
                                          for item in dataclasses.fields(cls)  # type: ignore[arg-type]
                                          if item.name not in _NESTED_FIELDS)
    row: dict[str, Any] = {}
    for name, convert in plan:
        value = getattr(record, name)
        row[name] = convert(value) if convert is not None and value is not None else value
    return row


def _as_float(value: Any) -> Any:
    return float(value) if value.__class__ is int else value


def _converter(kind: type) -> Callable[[Any], Any] | None:
    """How a stored (non-NULL) value becomes the field's value; None when it is taken as it is."""
    if kind is dt.date:
        return dt.date.fromisoformat
    if kind is bool:
        return bool
    if kind in (list, dict):
        return json.loads
    if kind is float:
        return _as_float
    return None


_ROW_PLANS: dict[tuple[type, tuple[str, ...]], list[tuple[str, int, Callable[[Any], Any] | None]]] = {}


def from_row(cls: type[R], row: Any) -> R:
    """Build a record from a row, turning ISO text back into dates and JSON into lists."""
    keys = tuple(row.keys())
    plan = _ROW_PLANS.get((cls, keys))
    if plan is None:
        # Worked out once per record kind and column list: which column feeds which field, converted how.
        position = {key: index for index, key in enumerate(keys)}
        plan = [(name, position[name], _converter(kind)) for name, kind in _kinds(cls).items()
                if name not in _NESTED_FIELDS and name in position]
        _ROW_PLANS[(cls, keys)] = plan
    index_by_key = isinstance(row, dict)
    values: dict[str, Any] = {}
    for name, index, convert in plan:
        value = row[name] if index_by_key else row[index]
        if value is not None and convert is not None:
            value = convert(value)
        values[name] = value
    return cls(**values)


@dataclasses.dataclass(frozen=True)
class RecordReader:
    """Reads records of one kind from rows that hold exactly :attr:`columns`, in that order.

    Built once per kind (:func:`record_reader`): each row becomes a record through one positional call, which
    is what keeps reading 100 000 targets close to the cost of the query itself.
    """

    cls: type
    columns: tuple[str, ...]
    conversions: tuple[tuple[int, Callable[[Any], Any]], ...]
    nested: tuple[int, ...]
    omitted: frozenset[str] = frozenset()
    _plain_select: str | None = dataclasses.field(default=None, compare=False, repr=False)

    def select_list(self, prefix: str = "") -> str:
        """The SQL select list (columns left out are read as NULL, so their fields stay empty)."""
        if not prefix:
            if self._plain_select is None:  # asked for on every read: built once
                object.__setattr__(self, "_plain_select", ", ".join(
                    "NULL" if column in self.omitted else column for column in self.columns))
            return self._plain_select  # type: ignore[return-value]
        return ", ".join("NULL" if column in self.omitted else f"{prefix}{column}" for column in self.columns)

    def build(self, row: Sequence[Any]) -> Any:
        values = list(row)
        for index, convert in self.conversions:
            value = values[index]
            if value is not None:
                values[index] = convert(value)
        for index in self.nested:
            values.insert(index, [])
        return self.cls(*values)

    def read(self, rows: Iterable[Sequence[Any]]) -> Iterator[Any]:
        build = self.build
        return (build(row) for row in rows)


_READERS: dict[tuple[type, frozenset[str]], RecordReader] = {}


def record_reader(cls: type[R], omit: Iterable[str] = ()) -> RecordReader:
    """The reader of one record kind: its columns in field order, and how each stored value is converted.

    ``omit`` names columns not to read at all (long texts a computation does not need); their fields stay empty,
    so such records are for that computation only, never to be saved or shown.
    """
    key = (cls, frozenset(omit))
    reader = _READERS.get(key)
    if reader is None:
        kinds = _kinds(cls)
        names = [item.name for item in dataclasses.fields(cls)]  # type: ignore[arg-type]
        columns = tuple(name for name in names if name not in _NESTED_FIELDS)
        conversions = tuple((index, convert) for index, name in enumerate(columns)
                            if (convert := _converter(kinds[name])) is not None)
        nested = tuple(index for index, name in enumerate(names) if name in _NESTED_FIELDS)
        reader = _READERS[key] = RecordReader(cls, columns, conversions, nested, key[1])
    return reader


# What json.dumps(..., ensure_ascii=False, sort_keys=True) writes, without making an encoder for every row.
_HISTORY_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def copy_record(record: R) -> R:
    """A shallow copy of a record: what copy.copy gives, without its pickle-protocol detour (an import makes
    several per spreadsheet row)."""
    copied = object.__new__(record.__class__)
    copied.__dict__.update(record.__dict__)
    return copied


def history_json(row: dict[str, Any] | None) -> str | None:
    """A row as its history entry's JSON: sorted keys, large binary content as its SHA-256."""
    if row is None:
        return None
    if _HISTORY_OMIT.isdisjoint(row):  # most tables: nothing to leave out
        return _HISTORY_ENCODER.encode(row)
    kept = {key: value for key, value in row.items() if key not in _HISTORY_OMIT}
    if row.get("content") is not None:
        kept["content_sha256"] = hashlib.sha256(row["content"]).hexdigest()
    return _HISTORY_ENCODER.encode(kept)
