"""Gathering the follow-up picture: one file per proposal with its replies, ratings, promises and evidence.

Used by the handling state, the audit (回头看), the timeline and the reminders. Reads each table once (a batch of
proposals at a time when streamed) and judges the promises from what it read.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TypeVar

from db.as_of import known
from db.status import id_list
from db.store import Store
from desktop.core.deadlines import DeadlineRules
from desktop.core.errors import Cancelled
from desktop.core.gc_tuning import collection_paused
from desktop.core.handling import ProposalFile
from desktop.core.records import Commitment, Contact, Evidence, Feedback, Proposal, Reply, Target
from desktop.core.status import judge_group

R = TypeVar("R")


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
    contacts. Each table is read once and the promises are judged from what was read.

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    with collection_paused():
        if proposal_ids is None:
            return list(iter_proposal_files(store, as_of, known_only=known_only, progress=progress,
                                            is_cancelled=is_cancelled))
        return _load_files(store, as_of, proposal_ids, orphans=False, known_only=known_only,
                           is_cancelled=is_cancelled)


FILES_BATCH = 250  # proposals read together when the files are streamed: a few dozen queries per 10 000

# Lean files (``lean=True``) hold what the handling states, the judgements and the reminders read, and nothing
# else: no contacts, no signers, and these columns left unread (their fields stay empty).
_LEAN_OMIT: dict[type, tuple[str, ...]] = {
    Proposal: ("title", "body", "delegation", "received_date", "lead_unit", "co_units", "handling_mode",
               "key_supervised", "text", "notes", "version"),
    Reply: ("issuing_office", "addressee", "signer", "handler", "phone", "cc", "result_class", "published_where",
            "replying_unit", "proposer_id", "text", "source_document_id", "version"),
    Feedback: ("proposer_id", "comments", "version"),
    Commitment: ("quote", "quote_start", "quote_end", "responsible_unit", "deadline_text", "version"),
    Target: ("deadline_text", "baseline_quote", "quote", "quote_start", "quote_end", "source_document_id", "version"),
    # The quote and the source's title stay: judging orders evidence of one day by them.
    Evidence: ("publisher", "source_date", "source_url", "source_document_id", "recorded_by", "notes", "version"),
}


def iter_proposal_files(store: Store, as_of: dt.date, *, batch_size: int = FILES_BATCH, known_only: bool = False,
                        lean: bool = False, progress: Callable[[int, int], None] | None = None,
                        is_cancelled: Callable[[], bool] | None = None) -> Iterator[ProposalFile]:
    """The files of :func:`load_proposal_files` for the whole ledger, a batch of proposals at a time.

    Proposals come in the order of their assignment date, then the files of replies without a proposal; only one
    batch is held in memory. ``lean`` files are for computing states and reminders only, never to be saved or
    shown whole: they hold no contacts and no signers, and their records leave the long texts nothing computed
    from a file reads empty (labels, titles, indicators and the judgements' reasons are all there).

    Raises:
        Cancelled: when ``is_cancelled()`` turns true.
    """
    ids = [row[0] for row in store.conn.execute("SELECT id FROM proposals ORDER BY assigned_date, id")]
    total = len(ids) + 1
    for start in range(0, len(ids), batch_size):
        with collection_paused():
            batch = _load_files(store, as_of, ids[start:start + batch_size], orphans=False, known_only=known_only,
                                lean=lean, is_cancelled=is_cancelled)
        yield from batch
        if progress:
            progress(min(start + batch_size, len(ids)), total)
    with collection_paused():
        batch = _load_files(store, as_of, [], orphans=True, known_only=known_only, lean=lean,
                            is_cancelled=is_cancelled)
    yield from batch
    if progress:
        progress(total, total)


def _load_files(store: Store, as_of: dt.date, proposal_ids: list[int], *, orphans: bool, known_only: bool,
                is_cancelled: Callable[[], bool] | None, lean: bool = False) -> list[ProposalFile]:
    """The files of the given proposals by assignment date (with ``orphans``, the files of replies without one)."""
    if is_cancelled and is_cancelled():
        raise Cancelled()
    day = (as_of.isoformat(),)

    def dated(table: str, where: str, params: tuple) -> tuple[str, tuple]:
        """``where`` narrowed to the records known on the day when only those are wanted."""
        if not known_only:
            return where, params
        return f"{where} AND {known(table)}", (*params, *day)

    def records(cls: type[R], where: str, params: tuple, *, order_by: str) -> list[R]:
        if not lean:
            return store.list(cls, where, params, order_by=order_by)
        return list(store.iter(cls, where, params, order_by=order_by, omit=_LEAN_OMIT[cls]))

    ids = (id_list(proposal_ids),)
    in_ids = f"IN ({store.dialect.json_ids()})"
    if orphans:
        proposals: list[Proposal] = []
        replies = records(Reply, *dated("replies", "proposal_id IS NULL", ()), order_by="reply_date, id")
    else:
        proposals = records(Proposal, *dated("proposals", f"id {in_ids}", ids), order_by="assigned_date, id")
        replies = records(Reply, *dated("replies", f"proposal_id {in_ids}", ids), order_by="reply_date, id")
    if known_only and not orphans:  # the replies of a proposal that did not exist yet did not either
        shown = {p.id for p in proposals}
        replies = [r for r in replies if r.proposal_id in shown]
    reply_ids = (id_list(reply.id for reply in replies),)
    feedback = records(Feedback, *dated("feedback", f"reply_id {in_ids}", reply_ids), order_by="feedback_date, id")
    contacts = [] if lean else store.list(Contact, *dated("contacts", f"proposal_id {in_ids}", ids),
                                          order_by="contact_date, id")
    commitments = records(Commitment, f"reply_id {in_ids}", reply_ids,
                          order_by="reply_id, coalesce(quote_start, 1e18), id")
    commitment_ids = (id_list(commitment.id for commitment in commitments),)
    targets = records(Target, f"commitment_id {in_ids}", commitment_ids,
                      order_by="commitment_id, coalesce(quote_start, 1e18), id")
    evidence = records(Evidence, f"{known('evidence')} AND target_id IN (SELECT id FROM targets WHERE"
                       f" commitment_id {in_ids})", (*day, *commitment_ids), order_by="target_id, as_of_date, id")

    files: dict[int, ProposalFile] = {p.id: ProposalFile(proposal=p) for p in proposals}
    file_of_reply: dict[int, ProposalFile] = {}
    lone: list[ProposalFile] = []
    for reply in replies:
        file = files.get(reply.proposal_id) if reply.proposal_id is not None else None
        if file is None:
            file = ProposalFile(proposal=None)
            lone.append(file)
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
            file_of_commitment[commitment.id] = file
    file_of_target: dict[int, ProposalFile] = {}
    targets_of: dict[int, list[Target]] = defaultdict(list)
    for target in targets:
        targets_of[target.commitment_id].append(target)
        file = file_of_commitment.get(target.commitment_id)
        if file is not None:
            file.targets.append(target)
            file_of_target[target.id] = file
    by_target: dict[int, list[Evidence]] = defaultdict(list)
    for item in evidence:
        by_target[item.target_id].append(item)
    for target_id, items in by_target.items():
        if target_id in file_of_target:
            file_of_target[target_id].evidence.extend(items)
    # Each promise from what was read: its reply's date starts the straight-line path, its targets' evidence comes
    # by date (the order of the read), as judge_groups would judge the same records from the store.
    promised = {reply.id: reply.reply_date for reply in replies}
    for commitment in commitments:
        group = judge_group(commitment, targets_of.get(commitment.id, ()), by_target, as_of,
                            promised.get(commitment.reply_id))
        file = file_of_commitment[commitment.id]
        file.commitment_states[commitment.id] = group.judgement
        for target, judgement in group.targets:
            file.target_states[target.id] = judgement
    return [*files.values(), *lone]
