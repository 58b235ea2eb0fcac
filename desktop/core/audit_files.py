"""回头看 from the records the audit workbook streams past: no second read of the ledger and no second judging.

The workbook's 承诺与指标 sheet judges every target and commitment from three streams (commitments, targets,
evidence) that come proposal by proposal. :class:`StreamedAudit` sits on those streams: it keeps the current
proposal's targets, evidence and judgements, builds the proposal's file (:class:`desktop.core.handling.ProposalFile`)
when the stream moves on to the next proposal, and finds its contradictions (:func:`desktop.core.audit.
find_contradictions`) with the judgements the sheet showed. Only one proposal's records are held at a time, and the
findings.

It stands for a whole-ledger pass over files read from the store when the export covers every record known on the
as-of date (no filter): the rules read only records known on that date, and those are the records the export holds.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from desktop.core.audit import Finding, find_contradictions
from desktop.core.deadlines import DeadlineRules
from desktop.core.handling import ProposalFile
from desktop.core.records import Contact, Evidence, Feedback, Proposal, Reply, Target
from desktop.core.status import CommitmentGroup


def _by_date(day: dt.date | None, record_id: int | None) -> tuple:
    """The order the store reads a file's dated records in (ORDER BY date, id; undated first, as SQLite sorts)."""
    return (day is not None, day or dt.date.min, record_id or 0)


def _place_in_letter(quote_start: int | None) -> float:
    """Where a record's quote starts (coalesce(quote_start, 1e18), as the store orders them)."""
    return 1e18 if quote_start is None else quote_start


class StreamedAudit:
    """Findings of the proposals in scope, gathered while their commitments are judged.

    Wrap the evidence stream with :meth:`evidence` and the judged groups with :meth:`groups`; the groups must come
    proposal by proposal (all commitments of a proposal together), as the workbook orders them. After the groups
    were read to the end, :meth:`findings` gives the findings of every proposal in the order of ``proposals``.
    """

    def __init__(self, proposals: Sequence[Proposal], replies: Iterable[Reply], feedback: Iterable[Feedback],
                 contacts: Iterable[Contact], as_of: dt.date, rules: DeadlineRules,
                 result_classes: Iterable[dict[str, Any]]) -> None:
        self._proposals = list(proposals)
        self._place = {p.id: index for index, p in enumerate(self._proposals)}
        self._as_of = as_of
        self._rules = rules
        self._classes = list(result_classes)
        self._replies_of: dict[int | None, list[Reply]] = defaultdict(list)
        for reply in sorted(replies, key=lambda r: _by_date(r.reply_date, r.id)):
            self._replies_of[reply.proposal_id].append(reply)
        self._proposal_of_reply = {r.id: r.proposal_id for rs in self._replies_of.values() for r in rs}
        self._feedback_of: dict[int | None, list[Feedback]] = defaultdict(list)
        for item in sorted(feedback, key=lambda f: _by_date(f.feedback_date, f.id)):
            self._feedback_of[item.reply_id].append(item)
        self._contacts_of: dict[int | None, list[Contact]] = defaultdict(list)
        for contact in sorted(contacts, key=lambda c: _by_date(c.contact_date, c.id)):
            self._contacts_of[contact.proposal_id].append(contact)
        self._found: dict[int, list[Finding]] = {}
        self._current: int | None = None
        self._groups: list[CommitmentGroup] = []
        self._evidence_of: dict[int, list[Evidence]] = defaultdict(list)
        self._done = False

    def evidence(self, stream: Iterable[Evidence]) -> Iterator[Evidence]:
        """The evidence stream, passed on unchanged; each item is kept until its proposal's file is built."""
        evidence_of = self._evidence_of
        for item in stream:
            evidence_of[item.target_id].append(item)
            yield item

    def groups(self, stream: Iterable[CommitmentGroup]) -> Iterator[CommitmentGroup]:
        """The judged groups, passed on unchanged; a proposal's findings are found when its last group has passed."""
        for group in stream:
            proposal_id = self._proposal_of_reply.get(group.commitment.reply_id)
            if proposal_id != self._current:
                self._close()
                self._current = proposal_id
            self._groups.append(group)
            yield group
        self._close()
        self._done = True

    def findings(self) -> list[Finding]:
        """Every proposal's findings in the order of the proposals (those without commitments are looked at now).

        Raises:
            RuntimeError: the groups were not read to the end yet.
        """
        if not self._done:
            raise RuntimeError("回头看 findings are asked for before the commitments were all judged")
        found: list[Finding] = []
        for proposal in self._proposals:
            key = proposal.id or 0
            if key not in self._found:
                self._found[key] = self._find(self._file(proposal, []))
            found.extend(self._found.pop(key))
        return found

    def _close(self) -> None:
        groups, self._groups = self._groups, []
        if not groups:
            return
        place = self._place.get(self._current)
        if place is None:  # replies without a proposal (or out of scope): 回头看 looks at the proposals in scope
            self._drop_evidence(groups)
            return
        proposal = self._proposals[place]
        self._found[proposal.id or 0] = self._find(self._file(proposal, groups))

    def _drop_evidence(self, groups: list[CommitmentGroup]) -> None:
        for group in groups:
            for target, _ in group.targets:
                self._evidence_of.pop(target.id or 0, None)

    def _file(self, proposal: Proposal, groups: list[CommitmentGroup]) -> ProposalFile:
        """The proposal's file as the store reads it (records in the store's order), judged as the sheet judged."""
        replies = self._replies_of.get(proposal.id, [])
        file = ProposalFile(proposal=proposal, replies=list(replies),
                            feedback=[f for r in replies for f in self._feedback_of.get(r.id, [])],
                            contacts=list(self._contacts_of.get(proposal.id, [])))
        ordered = sorted(groups, key=lambda g: (g.commitment.reply_id or 0, _place_in_letter(g.commitment.quote_start),
                                                g.commitment.id or 0))
        targets: list[Target] = []
        for group in ordered:
            commitment = group.commitment
            file.commitments.append(commitment)
            file.commitment_states[commitment.id or 0] = group.judgement
            judged = sorted(group.targets, key=lambda pair: (_place_in_letter(pair[0].quote_start), pair[0].id or 0))
            for target, judgement in judged:
                targets.append(target)
                file.target_states[target.id or 0] = judgement
        file.targets.extend(targets)
        for target in sorted(targets, key=lambda t: t.id or 0):
            file.evidence.extend(self._evidence_of.pop(target.id or 0, ()))
        return file

    def _find(self, file: ProposalFile) -> list[Finding]:
        return find_contradictions([file], self._as_of, self._rules, self._classes)

