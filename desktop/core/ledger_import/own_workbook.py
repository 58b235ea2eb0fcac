"""Our own audit workbook (sheets 建议, 答复, 承诺与指标, 佐证, 提醒) read back by its headers, so that export →
import → export gives the same workbook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop.core.errors import Cancelled, ValidationError
from desktop.core.ledger_import.plan import (
    COMMITMENT_SHEET_FIELDS,
    PROPOSAL_SHEET_FIELDS,
    REPLY_SHEET_FIELDS,
    ImportPlan,
    PlannedRow,
    RowProblem,
)
from desktop.core.ledger_import.values import parse_number, split_names, text_of
from desktop.core.ledger_import.workbooks import Sheet, WorkbookData
from desktop.core.records import (
    DISCLOSURES,
    PROPOSAL_KINDS,
    PROPOSAL_STATES,
    RATINGS,
    REMINDER_KINDS,
    REMINDER_STATES,
    TARGET_KINDS,
    TARGET_STATES,
    Commitment,
    Evidence,
    Feedback,
    Proposal,
    Proposer,
    Record,
    Reminder,
    Reply,
    Target,
)
from desktop.core.settings import HANDLING_MODES
from desktop.core.units import normalize
from desktop.core.validation import parse_date
from desktop.core.xlsx_export import (
    COMPARATOR_LABELS,
    CUMULATIVE_LABELS,
    NO,
    SHEET_EVIDENCE,
    SHEET_PROPOSALS,
    SHEET_REMINDERS,
    SHEET_REPLIES,
    SHEET_TARGETS,
    SUBJECT_LABELS,
    YES,
)

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
OWN_SHEETS = (SHEET_PROPOSALS, SHEET_REPLIES, SHEET_TARGETS)


def _check_cancel(is_cancelled: IsCancelled | None, count: int) -> None:
    if is_cancelled and count % 200 == 0 and is_cancelled():
        raise Cancelled()


def _invert(labels: dict[str, str]) -> dict[str, str]:
    return {label: code for code, label in labels.items()}


_KIND_CODES = _invert(PROPOSAL_KINDS)
_PROPOSAL_STATE_CODES = _invert(PROPOSAL_STATES)
_DISCLOSURE_CODES = _invert(DISCLOSURES)
_RATING_CODES = _invert(RATINGS)
_TARGET_STATE_CODES = _invert(TARGET_STATES)
_TARGET_KIND_CODES = _invert(TARGET_KINDS)
_COMPARATOR_CODES = _invert(COMPARATOR_LABELS)
_CUMULATIVE_CODES = {label: value for value, label in CUMULATIVE_LABELS.items()}
_REMINDER_KIND_CODES = _invert(REMINDER_KINDS)
_REMINDER_STATE_CODES = _invert(REMINDER_STATES)
_SUBJECT_TABLES = _invert(SUBJECT_LABELS)
_HANDLING_CODES = {mode["label"]: mode["code"] for mode in HANDLING_MODES}


class OwnWorkbook:
    """Reads back the sheets :mod:`desktop.core.xlsx_export` writes, by their headers."""

    def __init__(self, data: WorkbookData, progress: Progress | None, is_cancelled: IsCancelled | None) -> None:
        self.data = data
        self.path = data.path
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.plan = ImportPlan(data.path, "workbook", sheets=data.sheet_names, file_format=data.format,
                               source_sha256=data.sha256)
        self.proposal_keys: dict[str, tuple[str, str, str]] = {}
        self.done = 0

    def read(self) -> ImportPlan:
        by_name = {sheet.name: sheet for sheet in self.data.sheets}
        sheets = {name: self._records(by_name[name]) for name in
                  (SHEET_PROPOSALS, SHEET_REPLIES, SHEET_TARGETS, SHEET_EVIDENCE, SHEET_REMINDERS) if name in by_name}
        self.total = sum(len(rows) for rows in sheets.values())
        readers = ((SHEET_PROPOSALS, self._proposal), (SHEET_REPLIES, self._reply), (SHEET_TARGETS, self._target),
                   (SHEET_EVIDENCE, self._evidence), (SHEET_REMINDERS, self._reminder))
        target_positions: dict[tuple, int] = {}
        self.target_positions = target_positions
        for name, reader in readers:
            for row_number, values in sheets.get(name, []):
                self.done += 1
                _check_cancel(self.is_cancelled, self.done)
                if self.progress and self.done % 500 == 0:
                    self.progress(self.done, self.total)
                problems: list[RowProblem] = []
                planned = reader(name, row_number, values, problems)
                if problems:
                    self.plan.problems.extend(problems)
                elif planned is not None:
                    self.plan.rows.append(planned)
        self.plan.notes.append("变更记录 is not imported: the database records its own history of this import.")
        if self.progress:
            self.progress(self.total, self.total)
        return self.plan

    @staticmethod
    def _records(sheet: Sheet) -> list[tuple[int, dict[str, Any]]]:
        rows = iter(sheet.rows)
        header = next(rows, None)
        if not header:
            return []
        names = [text_of(h) for h in header]
        out = []
        for index, values in enumerate(rows, start=2):
            if values is None or all(text_of(v) is None for v in values):
                continue
            out.append((index, {name: value for name, value in zip(names, values, strict=False) if name}))
        return out

    # ----------------------------------------------------------------------------------------- field readers
    class _Reader:
        def __init__(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> None:
            self.sheet, self.row, self.values, self.problems = sheet, row, values, problems

        def text(self, header: str) -> str | None:
            return text_of(self.values.get(header))

        def date(self, header: str) -> dt.date | None:
            value = self.values.get(header)
            if text_of(value) is None:
                return None
            try:
                return parse_date(value, header)
            except ValidationError as error:
                self.problems.append(RowProblem.of(self.sheet, self.row, header, error))
                return None

        def number(self, header: str) -> float | None:
            value = self.values.get(header)
            if text_of(value) is None:
                return None
            try:
                return parse_number(value, header)
            except ValidationError as error:
                self.problems.append(RowProblem.of(self.sheet, self.row, header, error))
                return None

        def integer(self, header: str) -> int | None:
            value = self.number(header)
            return int(value) if value is not None else None

        def code(self, header: str, codes: dict[str, Any], default: Any = None) -> Any:
            text = self.text(header)
            if text is None:
                return default
            if text in codes:
                return codes[text]
            if text in codes.values():
                return text
            self.fail(header, f"'{text}' is not one of {', '.join(codes)}; choose one of them.", "choice_invalid",
                      value=text, choices=list(codes))
            return default

        def flag(self, header: str) -> bool:
            return self.text(header) == YES

        def fail(self, header: str, message: str, code: str, **facts: Any) -> None:
            self.problems.append(RowProblem(self.sheet, self.row, header, message, code, facts))

    def _proposal_key_of(self, read: _Reader, header: str = "建议") -> tuple[str, str, str] | None:
        label = read.text(header)
        if label is None:
            return None
        key = self.proposal_keys.get(label)
        if key is None:
            read.fail(header, f"The proposal '{label}' is not in the sheet {SHEET_PROPOSALS}; add it there or fix "
                              "the name.", "import_proposal_missing", value=label, sheet=SHEET_PROPOSALS)
        return key

    def _proposal(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        names = [n for n in [read.text("领衔人")] if n]
        cosigners = split_names(read.text("附议人"))
        proposal = Proposal(
            session=read.text("届次") or "", number=read.text("编号") or "", title=read.text("标题") or "",
            kind=read.code("类别", _KIND_CODES, "suggestion"), body=read.text("人大/政协"),
            delegation=read.text("代表团/界别"), received_date=read.date("收到日期"),
            assigned_date=read.date("交办日期"),
            reply_due_date=read.date("答复期限"), extended_due_date=read.date("延期期限"),
            extension_approval=read.text("延期批准"), misrouted_date=read.date("误交日期"),
            returned_date=read.date("退回日期"), lead_unit=read.text("主办单位"),
            co_units=split_names(read.text("会办单位"), slash=False),
            handling_mode=read.code("办理方式", _HANDLING_CODES),
            key_supervised=read.flag("重点督办"),
            # Workbooks since the as-of handling state keep the recorded state in 登记状态; older ones in 办理状态.
            state=read.code("登记状态" if "登记状态" in values else "办理状态", _PROPOSAL_STATE_CODES, "open"),
            notes=read.text("备注"),
            proposers=[Proposer(name=n, role="lead") for n in names]
            + [Proposer(name=n, role="cosigner") for n in cosigners],
        )
        _record_problems(proposal, read, {"session": "届次", "number": "编号", "title": "标题",
                                          "extension_approval": "延期批准", "assigned_date": "交办日期",
                                          "reply_due_date": "答复期限"})
        key = (proposal.session, proposal.kind, proposal.number)
        self.proposal_keys[read.text("建议") or proposal.label] = key
        self.proposal_keys.setdefault(proposal.label, key)
        # Workbooks written before proposals had notes have no 备注 column: such a workbook leaves notes alone.
        fields = PROPOSAL_SHEET_FIELDS | {"notes"} if "备注" in values else PROPOSAL_SHEET_FIELDS
        return PlannedRow(sheet, row, proposal=proposal, proposal_fields=fields)

    def _reply(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow | None:
        read = self._Reader(sheet, row, values, problems)
        key = self._proposal_key_of(read)
        reply = Reply(
            doc_number=read.text("答复文号"), issuing_office=read.text("发文机关"), title=read.text("标题"),
            addressee=read.text("收件人"), reply_date=read.date("答复日期"), signer=read.text("签发人"),
            handler=read.text("经办人"), phone=read.text("联系电话"), cc=read.text("抄送"),
            result_class=read.text("办理结果"), disclosure=read.code("公开属性", _DISCLOSURE_CODES),
            published_date=read.date("公开日期"), published_where=read.text("公开网站"),
            replying_unit=read.text("答复单位"),
            is_reanswer=read.flag("再次答复"),
        )
        _record_problems(reply, read, {"doc_number": "答复文号", "phone": "联系电话", "result_class": "办理结果",
                                       "disclosure": "公开属性"})
        feedback = []
        for aspect, rating_header, date_header, comments_header in (("reply", "答复满意度", "评价日期", "代表意见"),
                                                                    ("delivery", "落实满意度", "落实评价日期", None)):
            rating = read.code(rating_header, _RATING_CODES)
            if rating:
                feedback.append(Feedback(reply_id=0, rating=rating, aspect=aspect, feedback_date=read.date(date_header),
                                         comments=read.text(comments_header) if comments_header else None))
        return PlannedRow(sheet, row, reply=reply, reply_ref=(key, reply.doc_number), reply_fields=REPLY_SHEET_FIELDS,
                          proposer_name=read.text("答复对象代表"), feedback=feedback)

    def _reply_ref(self, read: _Reader) -> tuple:
        doc = read.text("答复文号")
        key = self._proposal_key_of(read) if (read.text("建议") or not doc) else None
        if doc is None and key is None:
            read.fail("答复文号", "The row names neither a reply document number nor a proposal; fill in one of them.",
                      "import_reply_ref_missing")
        return (key, doc)

    def _target(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        reply_ref = self._reply_ref(read)
        commitment = Commitment(
            reply_id=0, title=read.text("承诺事项") or "", quote=read.text("承诺原文"),
            responsible_unit=read.text("责任单位"), deadline=read.date("承诺期限"), deadline_text=read.text("期限表述"),
            manual_state=read.code("人工判定", _TARGET_STATE_CODES), notes=read.text("备注"))
        _record_problems(commitment, read, {"title": "承诺事项", "manual_state": "人工判定"})
        planned = PlannedRow(sheet, row, reply_ref=reply_ref, commitment=commitment,
                             commitment_fields=COMMITMENT_SHEET_FIELDS)
        indicator = read.text("指标")
        if indicator is None:
            return planned
        comparator = read.code("比较", _COMPARATOR_CODES, "qualitative")
        value, high, unit = read.number("目标值"), read.number("目标上限"), read.text("单位")
        target = Target(
            commitment_id=0, indicator=indicator, comparator=comparator, value=value, value_high=high, unit=unit,
            deadline=read.date("指标期限"), cumulative=read.code("累计/年度", _CUMULATIVE_CODES),
            kind=read.code("指标类型", _TARGET_KIND_CODES, "commitment"), baseline_value=read.number("基数"),
            baseline_unit=read.text("基数单位"), baseline_date=read.date("基数日期"))
        if value is not None:
            target.value_normalized, target.unit_normalized = normalize(value, unit or "")
        if high is not None:
            target.value_high_normalized = normalize(high, unit or "")[0]
        _record_problems(target, read, {"indicator": "指标", "comparator": "比较", "value": "目标值",
                                        "value_high": "目标上限", "kind": "指标类型"})
        commitment_ref = (reply_ref, commitment.title)
        position = self.target_positions.get((commitment_ref, indicator), 0)
        self.target_positions[(commitment_ref, indicator)] = position + 1
        planned.target = target
        planned.target_ref = (commitment_ref, indicator, position)
        return planned

    def _evidence(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        reply_ref = self._reply_ref(read)
        commitment_title, indicator = read.text("承诺事项"), read.text("指标")
        if commitment_title is None or indicator is None:
            read.fail("指标" if commitment_title else "承诺事项", "Evidence needs the commitment and indicator it "
                      "measures; fill in 承诺事项 and 指标.",
                      "import_target_ref_missing")
        achieved = read.text("是否实现")
        value, unit = read.number("数值"), read.text("单位")
        evidence = Evidence(
            target_id=0, as_of_date=read.date("佐证日期") or dt.date.min, value=value, unit=unit,
            comparator=read.code("比较", _COMPARATOR_CODES, "="),
            achieved=None if achieved is None else achieved == YES, source_title=read.text("来源标题"),
            publisher=read.text("发布单位"), source_date=read.date("来源日期"), source_url=read.text("链接"),
            quote=read.text("原文摘录"), recorded_by=read.text("记录人"), notes=read.text("备注"))
        if read.text("佐证日期") is None:
            read.fail("佐证日期", "Evidence needs the date it was measured; fill in 佐证日期.", "date_missing")
        if value is not None:
            evidence.value_normalized, evidence.unit_normalized = normalize(value, unit or "")
        _record_problems(evidence, read, {"value": "数值", "comparator": "比较"})
        if achieved not in (None, YES, NO):
            read.fail("是否实现", f"'{achieved}' is not 是 or 否; write one of them.", "choice_invalid", value=achieved,
                      choices=[YES, NO])
        return PlannedRow(sheet, row, evidence=evidence, source_sha256=read.text("来源文件SHA-256"),
                          target_ref=((reply_ref, commitment_title), indicator, 0))

    def _reminder(self, sheet: str, row: int, values: dict[str, Any], problems: list[RowProblem]) -> PlannedRow:
        read = self._Reader(sheet, row, values, problems)
        due = read.date("到期日")
        if due is None and read.text("到期日") is None:
            read.fail("到期日", "A reminder needs a due date; fill in 到期日.", "date_missing")
        reminder = Reminder(
            kind=read.code("类型", _REMINDER_KIND_CODES, "custom"), title=read.text("标题") or "",
            due_date=due or dt.date.min, lead_days=read.integer("提前天数"),
            state=read.code("状态", _REMINDER_STATE_CODES, "open"), snoozed_until=read.date("推迟至"),
            done_at=read.date("完成日期"), note=read.text("备注"), uid=read.text("标识"))
        _record_problems(reminder, read, {"kind": "类型", "title": "标题", "state": "状态",
                                          "snoozed_until": "推迟至"})
        table = read.code("关联类型", _SUBJECT_TABLES)
        subject = read.text("关联对象")
        return PlannedRow(sheet, row, reminder=reminder, subject=(table, subject) if table and subject else None)


def _record_problems(record: Record, read: OwnWorkbook._Reader, headers: dict[str, str]) -> None:
    for problem in record.problems():
        header = headers.get(problem.field)
        if not any(p.row == read.row and p.column == header for p in read.problems):
            read.problems.append(RowProblem.of(read.sheet, read.row, header or problem.field, problem))


