"""Contacts with proposers in the store: listed by proposal and date, and imported from a list all or nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from db.store import Store
from desktop.core.contacts import ContactProblem, ContactRow
from desktop.core.records import Contact, Proposal


@dataclass(frozen=True)
class ContactLine:
    """A contact with the label of its proposal, for lists."""

    contact: Contact
    proposal_label: str


def list_contacts(store: Store, *, proposal_id: int | None = None, as_of: dt.date | None = None) -> list[ContactLine]:
    """Contacts by date (those of one proposal, or all), each with its proposal's label; none after ``as_of``."""
    clauses, params = [], []
    if proposal_id is not None:
        clauses.append("proposal_id = ?")
        params.append(proposal_id)
    if as_of is not None:
        clauses.append("contact_date <= ?")
        params.append(as_of.isoformat())
    contacts = store.list(Contact, " AND ".join(clauses), params, order_by="contact_date, id")
    ids = sorted({c.proposal_id for c in contacts})
    labels: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for proposal in store.list(Proposal, f"id IN ({', '.join('?' for _ in chunk)})", chunk):
            labels[proposal.id or 0] = proposal.label
    return [ContactLine(c, labels.get(c.proposal_id, f"建议#{c.proposal_id}")) for c in contacts]


@dataclass(frozen=True)
class ContactsImported:
    created: int
    already_there: int  # the same proposal, date, way and participants were recorded before


def find_proposal_for(store: Store, row: ContactRow) -> Proposal | list[Proposal] | None:
    """The proposal a row names: by session and number, or by number alone when only one proposal has it.
    A list when the number alone is ambiguous."""
    if row.session:
        return store.find_proposal(row.session, row.number, row.kind)
    digits = re.sub(r"\D", "", row.number).lstrip("0") or "0"
    found = [p for p in store.list(Proposal, "kind = ?" if row.kind else "", (row.kind,) if row.kind else ())
             if (re.sub(r"\D", "", p.number).lstrip("0") or "0") == digits]
    if len(found) == 1:
        return found[0]
    return found or None


def import_contacts(store: Store, rows: Sequence[ContactRow], *, dry_run: bool = False
                    ) -> tuple[ContactsImported, list[ContactProblem]]:
    """Record the contacts in one transaction, or none of them when a row names no known proposal.

    A contact recorded before (same proposal, date, way and participants) is not recorded twice.
    Returns what was done and the problems (nothing is written when there are any, or on a dry run).
    """
    problems: list[ContactProblem] = []
    planned: list[Contact] = []
    for row in rows:
        found = find_proposal_for(store, row)
        if isinstance(found, list):
            problems.append(ContactProblem(row.row, "建议", f"'{row.reference}' matches {len(found)} proposals of "
                                           "different sessions; add a 届次 column or write the full name.",
                                           "contacts_proposal_ambiguous"))
        elif found is None:
            problems.append(ContactProblem(row.row, "建议", f"The proposal '{row.reference}' is not in the ledger; "
                                           "import or add it first, or correct the name.", "contacts_proposal_unknown"))
        else:
            planned.append(Contact(proposal_id=found.id or 0, contact_date=row.contact.contact_date,
                                   method=row.contact.method, participants=row.contact.participants,
                                   notes=row.contact.notes))
    if problems:
        return ContactsImported(0, 0), problems
    created = already = 0
    with store.transaction():
        seen = {(c.proposal_id, c.contact_date, c.method, c.participants or "") for c in store.list(Contact)}
        for contact in planned:
            key = (contact.proposal_id, contact.contact_date, contact.method, contact.participants or "")
            if key in seen:
                already += 1
                continue
            seen.add(key)
            if not dry_run:
                store.save(contact)
            created += 1
    return ContactsImported(created, already), []
