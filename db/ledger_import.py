"""Writing an Excel ledger's import plan into the store: all or nothing, in one transaction.

Each spreadsheet row is applied inside its own savepoint, so a row the database refuses is reported with the
others instead of stopping the import at the first one. At the end, any bad row rolls the whole import back
(unless ``skip_bad``); ``dry_run`` always rolls back, after every check has run. Records are found again by
stable keys (session + kind + number of a proposal, a reply's document number, a commitment's title within its
reply, a reminder's uid), so a newer version of the same ledger updates what an earlier import created.
"""

from __future__ import annotations

import difflib
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from db.rows import copy_record
from db.store import Store
from desktop.core.errors import Cancelled, LedgerError, RecordErrors
from desktop.core.ledger_import import (
    EVIDENCE_SHEET_FIELDS,
    FEEDBACK_FIELDS,
    LEDGER_TARGET_FIELDS,
    REMINDER_SHEET_FIELDS,
    TARGET_SHEET_FIELDS,
    ImportPlan,
    PlannedRow,
    RowProblem,
    number_digits,
)
from desktop.core.ledger_import.values import CUT_NOTE
from desktop.core.records import (
    Commitment,
    Evidence,
    Feedback,
    Proposal,
    Record,
    Reminder,
    Reply,
    SourceDocument,
    Target,
)
from desktop.core.xlsx_export import commitment_label, reply_label, target_label

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

_KIND_NAMES = {Proposal: "proposals", Reply: "replies", Feedback: "feedback", Commitment: "commitments",
               Target: "targets", Evidence: "evidence", Reminder: "reminders", SourceDocument: "source documents"}
# A changed wording of a promise is the same promise when the texts are this alike (difflib ratio); at its own
# place among the reply's promises a lower likeness is enough.
_SAME_PLACE_LIKENESS = 0.5
# What a figure read again from 落实情况 may correct (its source stays the file that first stated it).
_LEDGER_EVIDENCE_FIELDS = frozenset({"value", "unit", "value_normalized", "unit_normalized", "comparator"})
_ELSEWHERE_LIKENESS = 0.7


class LedgerImportRejected(LedgerError):
    """Some rows cannot be imported; nothing was written. ``problems`` lists each row, column and why."""

    code = "import_rejected"

    def __init__(self, plan: ImportPlan, problems: list[RowProblem]) -> None:
        rows = len({(p.sheet, row) for p in problems for row in p.all_rows})
        super().__init__(f"{rows} row(s) of '{plan.path.name}' cannot be imported, so nothing was imported; fix the "
                         "rows listed above (or import the others with --skip-bad).", path=str(plan.path),
                         file=plan.path.name, rows=rows)
        self.problems = problems


@dataclass
class ImportOutcome:
    """What an import did (or, for a dry run, would do): counts by record kind, and the rows left out."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    problems: list[RowProblem] = field(default_factory=list)
    rows_written: int = 0
    dry_run: bool = False

    def summary(self) -> str:
        def part(counter: Counter) -> str:
            return ", ".join(f"{count} {kind}" for kind, count in sorted(counter.items())) or "nothing"

        verb = "would be" if self.dry_run else "were"
        return (f"{self.rows_written} row(s) {verb} imported: created {part(self.created)}; updated "
                f"{part(self.updated)}; unchanged {part(self.unchanged)}.")


class _DryRun(Exception):
    pass


def import_ledger(store: Store, plan: ImportPlan, *, dry_run: bool = False, skip_bad: bool = False,
                  progress: Progress | None = None, is_cancelled: IsCancelled | None = None) -> ImportOutcome:
    """Apply an import plan to the store in one transaction.

    Raises:
        LedgerImportRejected: some rows are bad and ``skip_bad`` is off; the store is unchanged.
        Cancelled: the user cancelled; the store is unchanged.
    """
    outcome = ImportOutcome(dry_run=dry_run, problems=list(plan.problems))
    writer = _Writer(store, plan)
    try:
        with store.transaction():
            with store.bulk_write():  # the search index and the list rebuilt once at the end, not row by row
                _write_rows(writer, plan, outcome, progress, is_cancelled)
                if outcome.problems and not skip_bad:
                    outcome.problems.sort(key=lambda p: (p.sheet, p.row))
                    raise LedgerImportRejected(plan, outcome.problems)
            if dry_run:  # after the rebuild: a dry run checks every statement the import would run
                raise _DryRun()
    except _DryRun:
        pass
    if progress:
        progress(len(plan.rows), len(plan.rows))
    outcome.problems.sort(key=lambda p: (p.sheet, p.row))
    return outcome


def _write_rows(writer: _Writer, plan: ImportPlan, outcome: ImportOutcome, progress: Progress | None,
                is_cancelled: IsCancelled | None) -> None:
    """Each row in its own savepoint: a row the database refuses is reported and leaves nothing behind."""
    store = writer.store
    total = len(plan.rows)
    for done, planned in enumerate(plan.rows, start=1):
        if is_cancelled and done % 50 == 1 and is_cancelled():
            raise Cancelled()
        counts: Counter = Counter()
        try:
            with store.unit():  # one savepoint: a refused row leaves nothing behind
                staged = writer.apply(planned, counts)
        except RecordErrors as errors:
            writer.forget()
            outcome.problems.extend(RowProblem.of(planned.sheet, planned.row, _column(planned, p.field), p)
                                    for p in errors.problems)
            continue
        except LedgerError as error:
            writer.forget()
            column = _column(planned, error.facts.get("field") or error.facts.get("column"))
            outcome.problems.append(RowProblem.of(planned.sheet, planned.row, column, error))
            continue
        writer.keep(staged)
        for (kind, what), count in counts.items():
            getattr(outcome, what)[kind] += count
        outcome.rows_written += 1
        if progress and done % 50 == 0:
            progress(done, total)


def _with(record: Any, **changes: Any) -> Any:
    """A copy of a record with some fields changed (what dataclasses.replace does, without running __init__)."""
    changed = copy_record(record)
    for name, value in changes.items():
        if not hasattr(changed, name):
            raise TypeError(f"{type(record).__name__} has no field {name!r}")
        setattr(changed, name, value)
    return changed


def _column(planned: PlannedRow, field_name: Any) -> str | None:
    if not field_name:
        return None
    return planned.columns.get(str(field_name), str(field_name))


def _merge(existing: Record, incoming: Record, fields: frozenset[str]) -> Record:
    changes = {name: getattr(incoming, name) for name in fields if hasattr(incoming, name)
               if not _cut_copy_of(getattr(incoming, name), getattr(existing, name, None))}
    return _with(existing, **changes)


def _cut_copy_of(incoming: Any, existing: Any) -> bool:
    """Is ``incoming`` the exporter's cut copy of the whole text ``existing``? Then the whole text stays."""
    if not isinstance(incoming, str) or not isinstance(existing, str):
        return False
    found = CUT_NOTE.search(incoming)
    return found is not None and existing != incoming and existing.startswith(incoming[: found.start()])


def _match_targets(incoming: list[Target], stored: list[Target]) -> list[Target | None]:
    """The stored target each incoming target of a promise updates (None: a new one): of the same kind, the one
    with the same quote, else the same indicator, else the one at the same place among those of its kind."""
    free = list(stored)
    found: list[Target | None] = [None] * len(incoming)
    for same in (lambda a, b: a.quote == b.quote, lambda a, b: a.indicator == b.indicator):
        for index, target in enumerate(incoming):
            if found[index] is None:
                match = next((s for s in free if s.kind == target.kind and same(s, target)), None)
                if match is not None:
                    found[index] = match
                    free.remove(match)
    places: Counter = Counter()
    for index, target in enumerate(incoming):
        place = places[target.kind]
        places[target.kind] += 1
        if found[index] is None:
            of_kind = [s for s in stored if s.kind == target.kind]
            if place < len(of_kind) and of_kind[place] in free:
                found[index] = of_kind[place]
                free.remove(of_kind[place])
    return found


def _likeness(first: str | None, second: str | None) -> float:
    if not first or not second:
        return 0.0
    return difflib.SequenceMatcher(None, first, second).ratio()


class _Writer:
    """Finds or creates each record of a row. Ids found or made in a row are staged and kept only when the row's
    savepoint commits, so a refused row never leaves a stale id behind."""

    def __init__(self, store: Store, plan: ImportPlan) -> None:
        self.store = store
        self.plan = plan
        self.proposals: dict[tuple, int] = {}
        self.replies: dict[tuple, int] = {}
        self.commitments: dict[tuple, int] = {}
        self.targets: dict[tuple, int] = {}
        self.matched: dict[int, int] = {}  # commitment ids this import matched or created: id → 1
        self.sources: dict[str, int] = {}
        self.labels: dict[tuple[str, str], int] | None = None
        self.saved_proposal: Proposal | None = None
        # The stored proposals of a session and kind by their number's digits, read once when first needed.
        self.numbers: dict[tuple[str, str], dict[str, int]] = {}

    def keep(self, staged: dict[str, dict]) -> None:
        for name, values in staged.items():
            getattr(self, name).update(values)

    def forget(self) -> None:
        """A row was rolled back: what was read while it ran may name records that are gone."""
        self.numbers.clear()

    # ----------------------------------------------------------------------------------------- saving
    def _save(self, record: Record, existing: Record | None, counts: Counter) -> Record:
        kind = _KIND_NAMES[type(record)]
        if existing is not None and record == existing:
            counts[(kind, "unchanged")] += 1
            return existing
        saved = self.store.save(record)
        counts[(kind, "updated" if existing is not None else "created")] += 1
        return saved

    def apply(self, planned: PlannedRow, counts: Counter) -> dict[str, dict]:
        staged: dict[str, dict] = {"proposals": {}, "replies": {}, "commitments": {}, "targets": {}, "matched": {},
                                   "sources": {}}
        self.saved_proposal = None  # the proposal this row saved, if any
        proposal_id = self._proposal(planned, staged, counts) if planned.proposal else None
        reply_id = None
        # A later row of the same reply (merged cells filled down) repeats its rating: take it once.
        repeated = planned.reply_ref is not None and planned.reply_ref in self.replies
        if planned.reply is not None:
            reply_id = self._reply(planned, proposal_id, staged, counts)
        elif planned.commitment is not None or planned.target is not None:
            reply_id = self._find_reply(planned.reply_ref, staged)
        for item in [] if repeated else planned.feedback:
            self._feedback(item, reply_id, planned, counts)
        commitment_id = None
        if planned.commitment is not None and reply_id is not None:
            if planned.position is None:
                commitment_id = self._commitment(planned, reply_id, staged, counts)
            else:
                commitment_id = self._ledger_commitment(planned, reply_id, staged, counts)
                self._ledger_targets(planned, commitment_id, staged, counts)
        if planned.target is not None and commitment_id is not None:
            self._target(planned, commitment_id, staged, counts)
        if planned.evidence is not None:
            self._evidence(planned, staged, counts)
        if planned.reminder is not None:
            self._reminder(planned, counts)
        return staged

    # ----------------------------------------------------------------------------------------- proposals
    def _proposal_key(self, session: str, kind: str, number: str) -> tuple:
        return (session, kind, number_digits(number))

    def _find_proposal(self, key: tuple | None, staged: dict) -> int | None:
        if key is None:
            return None
        session, kind, number = key
        wanted = self._proposal_key(session, kind, number)
        found = staged["proposals"].get(wanted) or self.proposals.get(wanted)
        if found:
            return found
        return self._stored_proposal(session, kind, number)

    def _stored_proposal(self, session: str, kind: str, number: str) -> int | None:
        """The id :meth:`Store.find_proposal` finds, from one read of the session's proposals (not one per row)."""
        numbers = self.numbers.get((session, kind))
        if numbers is None:
            numbers = {}
            where, params = ("session = ? AND kind = ?", (session, kind)) if kind else ("session = ?", (session,))
            for proposal_id, stored_number in self.store.conn.execute(
                    f"SELECT id, number FROM proposals WHERE {where} ORDER BY id", params):
                numbers.setdefault(number_digits(stored_number), proposal_id)
            self.numbers[(session, kind)] = numbers
        return numbers.get(number_digits(number))

    def _proposal(self, planned: PlannedRow, staged: dict, counts: Counter) -> int:
        incoming = planned.proposal
        assert incoming is not None
        key = self._proposal_key(incoming.session, incoming.kind, incoming.number)
        known = staged["proposals"].get(key) or self.proposals.get(key)
        if known:
            return known  # a later row of the same proposal (merged cells down the column): the first row set it
        stored_id = self._stored_proposal(incoming.session, incoming.kind, incoming.number)
        existing = self.store.get(Proposal, stored_id) if stored_id is not None else None
        if existing is None:
            saved = self._save(incoming, None, counts)
        else:
            fields = set(planned.proposal_fields) - {"proposers", "number"}
            merged = _merge(existing, incoming, frozenset(fields))
            if "proposers" in planned.proposal_fields:
                by_name = {p.name: p for p in existing.proposers}
                merged.proposers = [_with(by_name[p.name], role=p.role) if p.name in by_name else p
                                    for p in incoming.proposers]
                merged.proposers = [_with(p, position=index) for index, p in enumerate(merged.proposers)]
            saved = self._save(merged, existing, counts)
        staged["proposals"][key] = saved.id
        self.saved_proposal = saved  # with its signers' ids: the row's reply names its proposer from them
        return saved.id  # type: ignore[return-value]

    # ----------------------------------------------------------------------------------------- replies
    def _find_reply(self, ref: tuple | None, staged: dict) -> int | None:
        if ref is None:
            return None
        cached = staged["replies"].get(ref) or self.replies.get(ref)
        if cached:
            return cached
        proposal_key, doc_number = ref
        if doc_number:
            reply = self.store.find_reply_by_doc_number(doc_number)
            if reply is not None:
                return reply.id
        proposal_id = self._find_proposal(proposal_key, staged)
        if proposal_id is None:
            if doc_number:
                raise LedgerError(f"No reply with the document number '{doc_number}' is in the ledger or the "
                                  "workbook; add the reply first.", code="import_reply_missing", field="答复文号",
                                  value=doc_number)
            raise LedgerError("The reply this row belongs to is not in the ledger or the workbook; add it first.",
                              code="import_reply_missing", field="建议")
        if not doc_number:
            replies = [r for r in self.store.replies_of(proposal_id) if not r.doc_number]
            if replies:
                return replies[0].id
        label = doc_number or f"{proposal_key[0]}{proposal_key[2]}"
        raise LedgerError(f"No reply '{label}' is in the ledger or the workbook; add the reply first.",
                          code="import_reply_missing", field="答复文号", value=label)

    def _reply(self, planned: PlannedRow, proposal_id: int | None, staged: dict, counts: Counter) -> int:
        incoming = planned.reply
        assert incoming is not None and planned.reply_ref is not None
        known = staged["replies"].get(planned.reply_ref) or self.replies.get(planned.reply_ref)
        if known:
            return known
        proposal_key, doc_number = planned.reply_ref
        if proposal_id is None:
            proposal_id = self._find_proposal(proposal_key, staged)
        existing = None
        if doc_number:
            existing = self.store.find_reply_by_doc_number(doc_number)
            if existing is not None and proposal_id is not None and existing.proposal_id not in (None, proposal_id):
                other = self.store.get(Proposal, existing.proposal_id)
                raise LedgerError(f"The document number '{doc_number}' already belongs to the reply to "
                                  f"{other.label if other else 'another proposal'}; check the number.",
                                  code="import_doc_number_taken", field="doc_number", value=doc_number,
                                  other=other.label if other else "")
        elif proposal_id is not None:
            existing = next((r for r in self.store.replies_of(proposal_id) if not r.doc_number), None)
        proposer_id = None
        if planned.proposer_name and proposal_id is not None:
            proposal = self.saved_proposal if self.saved_proposal is not None and \
                self.saved_proposal.id == proposal_id else self.store.get(Proposal, proposal_id)
            proposer_id = next((p.id for p in (proposal.proposers if proposal else []) if p.name ==
                                planned.proposer_name), None)
        incoming = _with(incoming, proposal_id=proposal_id, proposer_id=proposer_id)
        fields = set(planned.reply_fields) | {"proposal_id"} | ({"proposer_id"} if planned.proposer_name else set())
        if existing is None:
            saved = self._save(incoming, None, counts)
        else:
            saved = self._save(_merge(existing, incoming, frozenset(fields)), existing, counts)
        staged["replies"][planned.reply_ref] = saved.id
        return saved.id  # type: ignore[return-value]

    def _feedback(self, item: Feedback, reply_id: int | None, planned: PlannedRow, counts: Counter) -> None:
        if reply_id is None:
            raise LedgerError("A rating needs the reply it rates; fill in the reply's columns.",
                              code="import_reply_missing", field="rating")
        existing = self.store.list(Feedback, "reply_id = ? AND aspect = ?", (reply_id, item.aspect),
                                   order_by="coalesce(feedback_date, '') DESC, id DESC", limit=1)
        incoming = _with(item, reply_id=reply_id)
        if existing:
            fields = frozenset(name for name in FEEDBACK_FIELDS if name == "rating" or getattr(item, name) is not None)
            self._save(_merge(existing[0], incoming, fields), existing[0], counts)
        else:
            self._save(incoming, None, counts)

    # ----------------------------------------------------------------------------------------- promises
    def _commitment(self, planned: PlannedRow, reply_id: int, staged: dict, counts: Counter) -> int:
        incoming = planned.commitment
        assert incoming is not None
        key = (reply_id, incoming.title)
        known = staged["commitments"].get(key) or self.commitments.get(key)
        if known:
            return known  # a later row of the same commitment (one row per target): the first row set it
        found = self.store.list(Commitment, "reply_id = ? AND title = ?", (reply_id, incoming.title), limit=1)
        incoming = _with(incoming, reply_id=reply_id)
        if found:
            saved = self._save(_merge(found[0], incoming, planned.commitment_fields), found[0], counts)
        else:
            saved = self._save(incoming, None, counts)
        staged["commitments"][key] = saved.id
        return saved.id  # type: ignore[return-value]

    def _ledger_commitment(self, planned: PlannedRow, reply_id: int, staged: dict, counts: Counter) -> int:
        """A foreign ledger's promise: the same one when its text is the same, or alike at its place among the
        reply's promises (a changed wording updates it in place), else a new one."""
        incoming = _with(planned.commitment, reply_id=reply_id)  # type: ignore[type-var]
        stored = [c for c in self.store.list(Commitment, "reply_id = ?", (reply_id,), order_by="id")
                  if c.id not in self.matched and c.id not in staged["matched"]]
        found = next((c for c in stored if (c.quote or c.title) == incoming.quote), None)
        found = found or next((c for c in stored if c.title == incoming.title), None)
        if found is None and stored:
            position = min(planned.position or 0, len(stored) - 1)
            by_place = stored[position]
            if _likeness(by_place.quote or by_place.title, incoming.quote) >= _SAME_PLACE_LIKENESS:
                found = by_place
            else:
                score, best = max(((_likeness(c.quote or c.title, incoming.quote), c) for c in stored),
                                  key=lambda item: item[0])
                found = best if score >= _ELSEWHERE_LIKENESS else None
        if found is None:
            saved = self._save(incoming, None, counts)
        else:
            saved = self._save(_merge(found, incoming, planned.commitment_fields), found, counts)
        staged["matched"][saved.id] = 1
        return saved.id  # type: ignore[return-value]

    def _ledger_targets(self, planned: PlannedRow, commitment_id: int, staged: dict, counts: Counter) -> None:
        """The promise's targets, matched by their place in its text; then the evidence its 落实情况 gives."""
        stored = self.store.list(Target, "commitment_id = ?", (commitment_id,), order_by="id")
        ids = []
        for target, found in zip(planned.targets, _match_targets(planned.targets, stored), strict=True):
            incoming = _with(target, commitment_id=commitment_id)
            if found is not None:
                saved = self._save(_merge(found, incoming, LEDGER_TARGET_FIELDS), found, counts)
            else:
                saved = self._save(incoming, None, counts)
            ids.append(saved.id)
        # A present figure an earlier import kept as a baseline target of its own is now its promise's baseline.
        measured = {target.baseline_quote for target in planned.targets if target.baseline_quote}
        for target in stored:
            if target.kind == "baseline" and target.id not in ids and target.quote in measured \
                    and not self.store.count(Evidence, "target_id = ?", (target.id,)):
                self.store.delete(Target, target.id)  # type: ignore[arg-type]
                counts[("targets", "updated")] += 1
        for index, item in planned.evidence_of_targets:
            target_id = ids[index]
            incoming = _with(item, target_id=target_id)
            same = self.store.list(Evidence, "target_id = ? AND as_of_date = ? AND coalesce(quote, '') = ?",
                                   (target_id, incoming.as_of_date.isoformat(), incoming.quote or ""), limit=1)
            restated = [] if same else self._same_file_evidence(target_id, incoming, staged)
            if same:  # stated before, in this file or an earlier version of it: its first source stays
                self._save(_merge(same[0], incoming, _LEDGER_EVIDENCE_FIELDS), same[0], counts)
            elif restated:  # this very file, imported when its figures were dated otherwise: redated
                self._save(_merge(restated[0], incoming, _LEDGER_EVIDENCE_FIELDS | {"as_of_date"}), restated[0],
                           counts)
            else:
                incoming.source_document_id = self._source_document(staged, counts)
                self._save(incoming, None, counts)

    def _same_file_evidence(self, target_id: int, incoming: Evidence, staged: dict) -> list[Evidence]:
        """Evidence of the target with the same quote from this very workbook (by its hash), whatever its date."""
        sha256 = self.plan.source_sha256
        source_id = (staged["sources"].get(sha256) or self.sources.get(sha256)
                     or self.store.source_document_id(sha256)) if sha256 else None
        if source_id is None:
            return []
        return self.store.list(Evidence, "target_id = ? AND coalesce(quote, '') = ? AND source_document_id = ?",
                               (target_id, incoming.quote or "", source_id), limit=1)

    def _source_document(self, staged: dict, counts: Counter) -> int | None:
        """The workbook itself, kept whole with its hash, as the source of the evidence it states."""
        sha256 = self.plan.source_sha256
        if not sha256:
            return None
        known = staged["sources"].get(sha256) or self.sources.get(sha256)
        if known:
            return known
        found = self.store.source_document_id(sha256)
        if found is None:
            found = self._save(SourceDocument(
                sha256=sha256, file_name=self.plan.path.name, kind="report", title=self.plan.path.stem,
                doc_date=self.plan.ledger_date, content=self.plan.source_content), None, counts).id
        staged["sources"][sha256] = found
        return found

    def _target(self, planned: PlannedRow, commitment_id: int, staged: dict, counts: Counter) -> None:
        incoming = planned.target
        assert incoming is not None and planned.target_ref is not None
        _, indicator, position = planned.target_ref
        key = (commitment_id, indicator, position)
        found = self.store.list(Target, "commitment_id = ? AND indicator = ?", (commitment_id, indicator),
                                order_by="id")
        incoming = _with(incoming, commitment_id=commitment_id)
        if position < len(found):
            saved = self._save(_merge(found[position], incoming, TARGET_SHEET_FIELDS), found[position], counts)
        else:
            saved = self._save(incoming, None, counts)
        staged["targets"][key] = saved.id

    def _evidence(self, planned: PlannedRow, staged: dict, counts: Counter) -> None:
        incoming = planned.evidence
        assert incoming is not None and planned.target_ref is not None
        (reply_ref, title), indicator, _ = planned.target_ref
        reply_id = self._find_reply(reply_ref, staged)
        commitment = self.store.list(Commitment, "reply_id = ? AND title = ?", (reply_id, title), limit=1)
        targets = self.store.list(Target, "commitment_id = ? AND indicator = ?", (commitment[0].id, indicator),
                                  order_by="id", limit=1) if commitment else []
        if not targets:
            raise LedgerError(f"The target '{indicator}' of the commitment '{title}' is not in the ledger or the "
                              "workbook; add it to the sheet 承诺与指标 first.", code="import_target_missing",
                              field="指标", indicator=indicator, title=title)
        target_id = targets[0].id
        fields = set(EVIDENCE_SHEET_FIELDS)
        source_id = None
        if planned.source_sha256:
            source_id = self.store.source_document_id(planned.source_sha256)
            fields.add("source_document_id")
        incoming = _with(incoming, target_id=target_id, source_document_id=source_id)
        same = self.store.list(
            Evidence, "target_id = ? AND as_of_date = ? AND coalesce(source_title, '') = ? AND coalesce(quote, '') = ?",
            (target_id, incoming.as_of_date.isoformat(), incoming.source_title or "", incoming.quote or ""), limit=1)
        if same:
            self._save(_merge(same[0], incoming, frozenset(fields)), same[0], counts)
        else:
            self._save(incoming, None, counts)

    # ----------------------------------------------------------------------------------------- reminders
    def _reminder(self, planned: PlannedRow, counts: Counter) -> None:
        incoming = planned.reminder
        assert incoming is not None
        subject_table, subject_id = None, None
        if planned.subject:
            table, label = planned.subject
            subject_id = self._subject_labels().get((table, label))
            if subject_id is None:
                raise LedgerError(f"The reminder's subject '{label}' is not in the ledger or the workbook; fix the "
                                  "name or clear it.", code="import_subject_missing", field="关联对象", value=label)
            subject_table = table
        incoming = _with(incoming, subject_table=subject_table, subject_id=subject_id)
        existing = self.store.list(Reminder, "uid = ?", (incoming.uid,), limit=1) if incoming.uid else []
        fields = REMINDER_SHEET_FIELDS | {"subject_table", "subject_id"}
        if existing:
            self._save(_merge(existing[0], incoming, fields), existing[0], counts)
        else:
            if not incoming.uid:
                incoming = _with(incoming, uid=f"{uuid.uuid4()}@reply-ledger")
            self._save(incoming, None, counts)

    def _subject_labels(self) -> dict[tuple[str, str], int]:
        """Every record's name as the workbook writes it in 关联对象 (built once, when the first reminder needs it)."""
        if self.labels is not None:
            return self.labels
        store = self.store
        proposals = {p.id: p for p in store.list(Proposal)}
        replies = {r.id: r for r in store.list(Reply)}
        reply_names = {rid: reply_label(r, proposals.get(r.proposal_id)) for rid, r in replies.items()}
        commitments = {c.id: c for c in store.list(Commitment)}
        commitment_names = {cid: commitment_label(c, reply_names.get(c.reply_id, f"答复#{c.reply_id}"))
                            for cid, c in commitments.items()}
        labels: dict[tuple[str, str], int] = {}
        for pid, proposal in proposals.items():
            labels.setdefault(("proposals", proposal.label), pid)
        for rid, name in reply_names.items():
            labels.setdefault(("replies", name), rid)
        for cid, name in commitment_names.items():
            labels.setdefault(("commitments", name), cid)
        for target in store.list(Target):
            name = target_label(target, commitment_names.get(target.commitment_id, ""))
            labels.setdefault(("targets", name), target.id)
        for item in store.list(Feedback):
            labels.setdefault(("feedback", f"{reply_names.get(item.reply_id)}的评价"), item.id)
        self.labels = labels
        return labels


