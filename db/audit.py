"""回头看 over a whole ledger, and the timeline of one proposal, read from a store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from db.followup import deadline_rules, load_proposal_files
from db.store import Store
from desktop.core.audit import Finding, TimelineEvent, build_timeline, find_contradictions
from desktop.core.errors import LedgerError
from desktop.core.handling import ProposalFile


def audit_ledger(store: Store, as_of: dt.date, *, progress: Callable[[int, int], None] | None = None,
                 is_cancelled: Callable[[], bool] | None = None) -> list[Finding]:
    """Every contradiction in the ledger as of a date (see :mod:`desktop.core.audit`).

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    files = load_proposal_files(store, as_of, progress=progress, is_cancelled=is_cancelled)
    return find_contradictions(files, as_of, deadline_rules(store), store.get_setting("result_class.classes"))


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
