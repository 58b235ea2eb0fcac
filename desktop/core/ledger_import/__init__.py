"""Reading an Excel ledger (台账) into records: a foreign, hand-kept ledger, or the audit workbook we export.

The package is split along the steps of a read:

* :mod:`.workbooks` reads the file (.xlsx/.xlsm, .xls, .ods through python-calamine; .csv/.tsv in UTF-8 or GBK)
  into grids of values, with merged ranges filled, after :mod:`.limits` has checked its declared and real sizes;
* :mod:`.vocabulary` knows what headers and words mean (the synonym table :data:`FIELDS`, result classes and
  ratings as offices write them, the ``--mapping`` file);
* :mod:`.foreign` reads every sheet of a hand-kept ledger that looks like one: header row(s), columns, session
  and year, and each row's records; :mod:`.promises` turns its 承诺事项 into targets and its 落实情况 into
  evidence with the letter extractor;
* :mod:`.own_workbook` reads back our own workbook (sheets 建议, 答复, 承诺与指标, 佐证, 提醒), so that export →
  import → export gives the same workbook;
* :mod:`.plan` holds the result, an :class:`ImportPlan`: records grouped by the spreadsheet row they came from,
  keyed by stable keys (session + kind + number of a proposal, the reply's document number) so that importing a
  newer version of the same ledger updates rather than duplicates.

Nothing here writes: ``db.ledger_import`` applies a plan in one transaction.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.ledger_import.limits import ReadLimits
    from desktop.core.ledger_import.plan import ImportPlan

# What the package offers, by the module that holds it. Modules are imported when a name is first used, so that
# the command line's argument parser (which shows the limits) does not import the readers and the extractor.
_EXPORTS = {
    "limits": ("LIMITS", "ReadLimits"),
    "foreign": ("guess_mapping",),
    "plan": ("COMMITMENT_SHEET_FIELDS", "EVIDENCE_SHEET_FIELDS", "FEEDBACK_FIELDS", "LEDGER_TARGET_FIELDS",
             "PROPOSAL_SHEET_FIELDS", "REMINDER_SHEET_FIELDS", "REPLY_SHEET_FIELDS", "TARGET_SHEET_FIELDS",
             "ColumnMatch", "ImportPlan", "PlannedRow", "RowProblem", "SheetPlan", "column_letter", "report_lines",
             "report_path", "write_report"),
    "values": ("number_digits", "parse_deadline", "session_from_title", "short_title", "split_names",
               "year_session_from_title"),
    "vocabulary": ("FIELDS", "FIELDS_BY_KEY", "FIELDS_BY_LABEL", "LedgerField", "Vocabulary", "load_mapping",
                   "match_header", "parse_rating", "parse_result_class"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def read_ledger(path: str | Path, *, mapping: dict[str, Any] | None = None, session: str | None = None,
                strict: bool = True, result_classes: Sequence[Mapping[str, str]] | None = None,
                limits: ReadLimits | None = None, progress: Progress | None = None,
                is_cancelled: IsCancelled | None = None) -> ImportPlan:
    """Read a ledger file into an import plan (nothing is written).

    Args:
        mapping: overrides from :func:`load_mapping`.
        session: the session of every proposal when the ledger does not say (its title rows usually do).
        strict: raise the problems a mapping can fix (no header row, no column for a required field, no
            session); with False they are listed in ``plan.blockers`` instead and no row is read, so that the app
            can show the columns and let the clerk map them.
        result_classes: the office's result classes (setting ``result_class.classes``), onto which words such as
            解决采纳 or 留作参考 are mapped by meaning; the A/B/C/D scheme when not given.

    Raises:
        LedgerError: the file cannot be read (missing, a folder, damaged, too large, not a spreadsheet), or
            (``strict``) no header row / no column for a required field / no session is found.
        Cancelled: ``is_cancelled()`` turned true.
    """
    from desktop.core.ledger_import import limits as limits_module
    from desktop.core.ledger_import.foreign import ForeignLedger
    from desktop.core.ledger_import.own_workbook import OWN_SHEETS, OwnWorkbook
    from desktop.core.ledger_import.vocabulary import Vocabulary
    from desktop.core.ledger_import.workbooks import read_workbook

    mapping = mapping or {}
    limits = limits or limits_module.LIMITS  # read when called, so that a test may lower them
    data = read_workbook(path, limits=limits, is_cancelled=is_cancelled)
    own = set(OWN_SHEETS) <= set(data.sheet_names)
    if own and not mapping.get("fields") and not mapping.get("sheet") and not mapping.get("sheets"):
        plan = OwnWorkbook(data, progress, is_cancelled).read()
    else:
        vocabulary = Vocabulary(result_classes, mapping.get("values"))
        plan = ForeignLedger(data, mapping, session, strict, vocabulary, limits, progress, is_cancelled).read()
    plan.sheets = data.sheet_names
    return plan


__all__ = [
    "COMMITMENT_SHEET_FIELDS",
    "EVIDENCE_SHEET_FIELDS",
    "FEEDBACK_FIELDS",
    "FIELDS",
    "FIELDS_BY_KEY",
    "FIELDS_BY_LABEL",
    "LEDGER_TARGET_FIELDS",
    "LIMITS",
    "PROPOSAL_SHEET_FIELDS",
    "REMINDER_SHEET_FIELDS",
    "REPLY_SHEET_FIELDS",
    "TARGET_SHEET_FIELDS",
    "ColumnMatch",
    "ImportPlan",
    "LedgerField",
    "PlannedRow",
    "ReadLimits",
    "RowProblem",
    "SheetPlan",
    "Vocabulary",
    "column_letter",
    "guess_mapping",
    "load_mapping",
    "match_header",
    "number_digits",
    "parse_deadline",
    "parse_rating",
    "parse_result_class",
    "read_ledger",
    "report_lines",
    "report_path",
    "session_from_title",
    "short_title",
    "split_names",
    "write_report",
    "year_session_from_title",
]
