"""Gathering the follow-up picture: one file per proposal with its replies, ratings, promises and evidence.

Used by the handling state, the audit (回头看), the timeline and the reminders. Loads each table once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from db.as_of import known
from db.status import judge_ledger
from db.store import Store
from desktop.core.deadlines import DeadlineRules
from desktop.core.handling import ProposalFile
from desktop.core.records import Commitment, Contact, Evidence, Feedback, Proposal, Reply, Target


def deadline_rules(store: Store) -> DeadlineRules:
    """The office's deadline rules from its settings."""
    return DeadlineRules.from_settings(store.all_settings())


def load_proposal_files(store: Store, as_of: dt.date, *, proposal_ids: list[int] | None = None,
                        known_only: bool = False, progress: Callable[[int, int], None] | None = None,
                        is_cancelled: Callable[[], bool] | None = None) -> list[ProposalFile]:
    """One file per proposal (and one per reply recorded without a proposal), promises judged as of a date.

    Evidence dated after the as-of date is left out, as the judgements leave it out. With ``known_only`` the rest
    of what did not exist yet on that day is left out too, by the rule of the audit workbook (:mod:`db.as_of`):
    proposals received later, replies dated later with their commitments, targets and ratings, later ratings and
    contacts.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    day = (as_of.isoformat(),)

    def dated(table: str, where: str = "", params: tuple = ()) -> tuple[str, tuple]:
        """``where`` narrowed to the records known on the day when only those are wanted."""
        if not known_only:
            return where, params
        return " AND ".join(part for part in (where, known(table)) if part), (*params, *day)

    if proposal_ids is None:
        proposals = store.list(Proposal, *dated("proposals"), order_by="assigned_date, id")
        replies = store.list(Reply, *dated("replies"), order_by="reply_date, id")
    else:
        marks = ", ".join("?" for _ in proposal_ids)
        proposals = store.list(Proposal, *dated("proposals", f"id IN ({marks})", tuple(proposal_ids)),
                               order_by="assigned_date, id")
        replies = store.list(Reply, *dated("replies", f"proposal_id IN ({marks})", tuple(proposal_ids)),
                             order_by="reply_date, id")
    if known_only:  # the replies of a proposal that did not exist yet did not either
        shown = {p.id for p in proposals}
        replies = [r for r in replies if r.proposal_id is None or r.proposal_id in shown]
    reply_ids = [reply.id for reply in replies]
    if proposal_ids is None:
        feedback = store.list(Feedback, *dated("feedback"), order_by="feedback_date, id")
        contacts = store.list(Contact, *dated("contacts"), order_by="contact_date, id")
        commitments = store.list(Commitment, order_by="reply_id, coalesce(quote_start, 1e18), id")
        targets = store.list(Target, order_by="commitment_id, coalesce(quote_start, 1e18), id")
        evidence = store.list(Evidence, known("evidence"), day, order_by="target_id, as_of_date, id")
    else:
        reply_marks = ", ".join("?" for _ in reply_ids)
        marks = ", ".join("?" for _ in proposal_ids)
        feedback = store.list(Feedback, *dated("feedback", f"reply_id IN ({reply_marks})", tuple(reply_ids)),
                              order_by="feedback_date, id")
        contacts = store.list(Contact, *dated("contacts", f"proposal_id IN ({marks})", tuple(proposal_ids)),
                              order_by="contact_date, id")
        commitments = store.list(Commitment, f"reply_id IN ({reply_marks})", tuple(reply_ids),
                                 order_by="reply_id, coalesce(quote_start, 1e18), id")
        commitment_ids = tuple(c.id for c in commitments)
        commitment_marks = ", ".join("?" for _ in commitment_ids)
        targets = store.list(Target, f"commitment_id IN ({commitment_marks})", commitment_ids,
                             order_by="commitment_id, coalesce(quote_start, 1e18), id")
        evidence = store.list(
            Evidence, f"{known('evidence')} AND target_id IN (SELECT id FROM targets WHERE commitment_id IN "
            f"({commitment_marks}))", (*day, *commitment_ids), order_by="target_id, as_of_date, id")
    status = judge_ledger(store, as_of, commitment_ids=None if proposal_ids is None else [c.id for c in commitments],
                          progress=progress, is_cancelled=is_cancelled)

    files: dict[int, ProposalFile] = {p.id: ProposalFile(proposal=p) for p in proposals}
    file_of_reply: dict[int, ProposalFile] = {}
    orphans: list[ProposalFile] = []
    for reply in replies:
        file = files.get(reply.proposal_id) if reply.proposal_id is not None else None
        if file is None:
            file = ProposalFile(proposal=None)
            orphans.append(file)
        file.replies.append(reply)
        file_of_reply[reply.id] = file
    for item in feedback:
        if item.reply_id in file_of_reply:
            file_of_reply[item.reply_id].feedback.append(item)
    for contact in contacts:
        if contact.proposal_id in files:
            files[contact.proposal_id].contacts.append(contact)
    file_of_commitment: dict[int, ProposalFile] = {}
    for commitment in commitments:
        file = file_of_reply.get(commitment.reply_id)
        if file is not None:
            file.commitments.append(commitment)
            file.commitment_states[commitment.id] = status.commitments[commitment.id]
            file_of_commitment[commitment.id] = file
    file_of_target: dict[int, ProposalFile] = {}
    for target in targets:
        file = file_of_commitment.get(target.commitment_id)
        if file is not None:
            file.targets.append(target)
            file.target_states[target.id] = status.targets[target.id]
            file_of_target[target.id] = file
    by_target: dict[int, list[Evidence]] = defaultdict(list)
    for item in evidence:
        by_target[item.target_id].append(item)
    for target_id, items in by_target.items():
        if target_id in file_of_target:
            file_of_target[target_id].evidence.extend(items)
    return [*files.values(), *orphans]
