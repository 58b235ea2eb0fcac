"""Gathering a proposal's dossier (:mod:`desktop.core.dossier`): finding the proposal by its number, and its
whole handling as of a date."""

from __future__ import annotations

import datetime as dt
import re

from db.audit import proposal_timeline
from db.followup import deadline_rules
from db.store import Store
from desktop.core.dossier import Dossier
from desktop.core.errors import LedgerError
from desktop.core.handling import judge_handling
from desktop.core.records import Proposal


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number).lstrip("0") or "0"


def find_proposal_by_number(store: Store, number: str, session: str | None = None) -> Proposal:
    """The proposal with this number (第021号, 021 and 21 are the same), in ``session`` when given.

    Raises:
        LedgerError: no proposal has the number, or several sessions have one and no session was given.
    """
    wanted = _digits(number)
    candidates = [p for p in store.list(Proposal, order_by="session, id") if _digits(p.number) == wanted]
    if session:
        candidates = [p for p in candidates if p.session == session.strip()]
    if not candidates:
        where = f" in the session '{session}'" if session else ""
        raise LedgerError(f"No proposal numbered '{number}'{where} is in the ledger; check the number (and the "
                          "session).", code="proposal_not_found", number=number, session=session or "")
    sessions = sorted({p.session for p in candidates})
    if len(candidates) > 1:
        raise LedgerError(f"Several proposals are numbered '{number}' (sessions: {'、'.join(sessions)}); name the "
                          "session too.", code="proposal_ambiguous", number=number, sessions="、".join(sessions))
    return candidates[0]


def load_dossier(store: Store, proposal_id: int, as_of: dt.date) -> Dossier:
    """Everything the dossier of a proposal shows, judged as of a date.

    Raises:
        LedgerError: the proposal does not exist.
    """
    file, events = proposal_timeline(store, proposal_id, as_of)
    rules = deadline_rules(store)
    ids = {reply.source_document_id for reply in file.replies} | {item.source_document_id for item in file.evidence}
    ids.discard(None)
    sources: dict[int, str] = {}
    if ids:
        marks = ", ".join("?" for _ in ids)
        for row in store.conn.execute(f"SELECT id, file_name, title FROM source_documents WHERE id IN ({marks})",
                                      tuple(ids)):
            sources[row[0]] = row[1] if not row[2] or row[2] == row[1] else f"{row[1]}（{row[2]}）"
    return Dossier(file=file, timeline=events, handling=judge_handling(file, as_of, rules), as_of=as_of,
                   rules=rules, sources=sources)
