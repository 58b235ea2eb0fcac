"""The main window's form tabs: opening records, new records in context, saving with undo, drafts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Slot

from desktop.core.errors import LedgerError
from desktop.core.records import Commitment, Proposal, Record, Reply, Target
from desktop.ui.forms import RecordForm
from desktop.ui.messages import user_message
from desktop.ui.prompts import CANCEL, SAVE
from desktop.ui.undo import CreateRecordsCommand, SaveRecordsCommand

# The record forms, the reminders' rules and what they pull in are imported by the methods that use them: the
# window paints without them.

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

logger = logging.getLogger(__name__)

DRAFT_DELAY_MS = 800
# What "New" makes on each page when nothing is selected there.
NEW_KIND = {"proposals": "proposal", "replies": "reply", "commitments": "commitment", "evidence": "evidence",
            "suggestions": "evidence", "reminders": "proposal", "audit": "proposal", "timeline": "proposal",
            "dashboard": "proposal"}
# What "New" makes for a selected record: the next record down the chain, with the selected one as its parent.
CHILD_KIND = {"proposal": "reply", "reply": "commitment", "commitment": "target", "target": "evidence",
              "evidence": "evidence"}
# The link field of each kind, and the kind it links to.
PARENT_LINK = {"reply": ("proposal_id", Proposal), "feedback": ("reply_id", Reply),
               "commitment": ("reply_id", Reply), "target": ("commitment_id", Commitment),
               "evidence": ("target_id", Target)}
KIND_OF_TYPE = {Proposal: "proposal", Reply: "reply", Commitment: "commitment", Target: "target"}


def record_label(record: Record) -> str:
    """What a record is called in messages and undo steps (its number, title or indicator)."""
    for name in ("doc_number", "number", "title", "indicator"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    return f"#{getattr(record, 'id', '')}"


class FormTabsMixin(_Base):
    """Forms in tabs beside the lists; part of :class:`desktop.ui.main_window.MainWindow`."""

    def start_draft_timer(self) -> None:
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_drafts)

    def stop_draft_timer(self) -> None:
        self._draft_timer.stop()

    def forms(self) -> list[RecordForm]:
        return [self.editor_tabs.widget(i) for i in range(self.editor_tabs.count())]  # type: ignore[misc]

    def current_form(self) -> RecordForm | None:
        widget = self.editor_tabs.currentWidget()
        return widget if isinstance(widget, RecordForm) else None

    def open_record(self, kind: str, record_id: int) -> RecordForm | None:
        """Open a stored record in a form tab (or show its tab when it is open already)."""
        from desktop.ui.record_forms import FORMS, RECORD_TYPES

        self.leave_welcome()
        for form in self.forms():
            if form.kind == kind and form.record_id == record_id:
                self.editor_tabs.setCurrentWidget(form)
                return form
        record = self.store.get(RECORD_TYPES[kind], record_id)
        if record is None:
            self.prompter.show_error(self, QCoreApplication.translate(
                "MainWindow", "This record no longer exists; the list is reloaded."))
            self.refresh()
            return None
        return self._add_form(FORMS[kind](self.store, record, saver=self._save_record, prompter=self.prompter,
                                          parent=self))

    def new_record(self, kind: str, defaults: dict[str, Any] | None = None) -> RecordForm:
        """Open an empty form; fields start from ``defaults``, or from what is selected, saved last, or the only
        candidate."""
        from desktop.ui.record_forms import FORMS

        self.leave_welcome()
        values = self._defaults_for(kind) if defaults is None else defaults
        return self._add_form(FORMS[kind](self.store, None, saver=self._save_record, defaults=values,
                                          prompter=self.prompter, parent=self))

    def new_kind_for_page(self) -> str:
        """What "New" makes here: the child of the selected record (a reply for a proposal, a commitment for a
        reply, a target for a commitment, evidence for a target), else the page's own kind."""
        page_kind = self.current_page_kind()
        page = self.current_list()
        if page is not None:
            rows = page.selected_rows()
            if len(rows) == 1:
                record = page.model.row_record(rows[0])
                if record is not None and record[0] == "target" and page.model.opens_commitment(
                        page.table.currentIndex().column()):
                    return "target"  # the row's commitment was clicked: another target of it
                if record is not None and record[0] in CHILD_KIND:
                    return CHILD_KIND[record[0]]
        return self._first_kind_with_a_parent(NEW_KIND[page_kind])

    def _first_kind_with_a_parent(self, kind: str) -> str:
        """Up the chain from ``kind`` to the first record that can be made now: a commitment needs a reply to
        belong to, a reply a proposal; in an empty ledger "New" starts with the proposal."""
        while kind in PARENT_LINK and kind != "feedback":
            parent_type = PARENT_LINK[kind][1]
            if self.store.has_any(parent_type):
                break
            kind = KIND_OF_TYPE[parent_type]
        return kind

    def new_action_hint(self) -> str:
        kind = self.new_kind_for_page()
        return QCoreApplication.translate("MainWindow", "Ctrl+N makes a new {kind}").format(
            kind=QCoreApplication.translate("RecordKinds", kind))

    @Slot()
    def new_for_page(self) -> RecordForm:
        return self.new_record(self.new_kind_for_page())

    def _selected_values(self, kind: str) -> dict[str, Any]:
        page = self.pages.get(kind)
        if page is None:
            return {}
        rows = page.selected_rows()
        values = page.model.row_values(rows[0]) if rows else None
        return dict(values or {})

    def _selected_record(self, record_kind: str) -> int | None:
        """The id of a record of this kind selected on the current page (the row itself, or its commitment)."""
        page = self.current_list()
        if page is None:
            return None
        rows = page.selected_rows()
        if len(rows) != 1:
            return None
        record = page.model.row_record(rows[0])
        values = page.model.row_values(rows[0]) or {}
        if record is not None and record[0] == record_kind:
            return record[1]
        if record_kind == "target" and values.get("target_id") is not None:
            return int(values["target_id"])
        if record_kind == "commitment" and values.get("commitment_id") is not None:
            return int(values["commitment_id"])
        if record_kind == "reply" and page.kind in ("commitments",) and values.get("reply_id") is not None:
            return int(values["reply_id"])
        if record_kind == "proposal" and page.kind == "replies" and values.get("proposal_id") is not None:
            return int(values["proposal_id"])
        return None

    def _parent_for(self, kind: str) -> int | None:
        """The parent a new record starts linked to: the one selected, else the one saved last in this session,
        else the only one in the ledger."""
        link = PARENT_LINK.get(kind)
        if link is None:
            return None
        parent_kind = KIND_OF_TYPE[link[1]]
        selected = self._selected_record(parent_kind)
        if selected is not None:
            return selected
        last = self.last_saved.get(parent_kind)
        if last is not None and self.store.get(link[1], last) is not None:
            return last
        if self.store.count(link[1]) == 1:
            only = self.store.list(link[1], limit=1)
            return only[0].id  # type: ignore[attr-defined]
        return None

    def _defaults_for(self, kind: str) -> dict[str, Any]:
        defaults: dict[str, Any] = {}
        link = PARENT_LINK.get(kind)
        parent = self._parent_for(kind)
        if link is not None and parent is not None:
            defaults[link[0]] = parent
        if kind == "evidence":
            defaults["as_of_date"] = self._today()
            defaults["recorded_by"] = self.store.actor
        if kind == "commitment" and parent is not None:
            reply = self.store.get(Reply, parent)
            if reply is not None and (reply.replying_unit or reply.issuing_office):
                defaults["responsible_unit"] = reply.replying_unit or reply.issuing_office
        if kind == "target" and parent is not None:
            commitment = self.store.get(Commitment, parent)
            if commitment is not None and commitment.deadline is not None:
                defaults["deadline"] = commitment.deadline
                defaults["deadline_text"] = commitment.deadline_text
        return defaults

    def _add_form(self, form: RecordForm) -> RecordForm:
        form.dirty_changed.connect(lambda dirty, form=form: self._on_form_dirty_changed(form, dirty))
        form.validity_changed.connect(self._update_actions)
        form.edited.connect(self._draft_timer.start)
        form.saved.connect(lambda record, form=form: self._on_form_saved(form))
        form.close_requested.connect(lambda form=form: self.close_form(form))
        index = self.editor_tabs.addTab(form, form.tab_title())
        self.editor_tabs.setTabToolTip(index, form.tab_title())
        self.editor_tabs.setCurrentIndex(index)
        self.editor_tabs.show()
        form.focus_first_field()
        self._update_actions()
        return form

    def _on_form_dirty_changed(self, form: RecordForm, dirty: bool) -> None:
        index = self.editor_tabs.indexOf(form)
        if index >= 0:
            self.editor_tabs.setTabText(index, ("● " if dirty else "") + form.tab_title())
        if not dirty:
            self._forget_draft(form)
        self._update_actions()

    def _on_form_saved(self, form: RecordForm) -> None:
        self._forget_draft(form)
        index = self.editor_tabs.indexOf(form)
        if index >= 0:
            self.editor_tabs.setTabText(index, form.tab_title())
            self.editor_tabs.setTabToolTip(index, form.tab_title())
        self._update_actions()

    def _save_record(self, before: Record | None, after: Record) -> Record:
        """Every form and cell saves through here: the store writes it, and it becomes an undo step (a new
        record's undo deletes it again)."""
        stored = self.store.save(after)
        if before is None:
            self.push_undo(CreateRecordsCommand(self.store, [stored], record_label(stored), self._on_records_written,
                                                self._on_undo_failed))
            self._select_new_record(stored)
        else:
            self.push_undo(SaveRecordsCommand(self.store, [(before, stored)], record_label(stored),
                                              self._on_records_written, self._on_undo_failed))
        self.remember_saved(stored)
        self._records_changed(*(record for record in (before, stored) if record is not None))
        return stored

    def _select_new_record(self, record: Record) -> None:
        """A record just made is selected in its list, so that Ctrl+N there makes the next one down the chain
        (a reply for a new proposal, a target for a new commitment, evidence for a new target)."""
        record_id = getattr(record, "id", None)
        if record_id is None:
            return
        place = {Proposal: ("proposals", record_id), Reply: ("replies", record_id),
                 Commitment: ("commitments", -record_id), Target: ("commitments", record_id)}.get(type(record))
        if place is None:
            return
        page = self.pages[place[0]]
        page.select_key_when_loaded(place[1])
        if isinstance(record, Target):
            # A commitment's first target takes the place of the commitment's own row.
            page.select_key_when_loaded(record_id)

    def remember_saved(self, *records: Record) -> None:
        """Records saved last are the parents new records start from."""
        from desktop.ui.record_forms import RECORD_TYPES

        for record in records:
            for kind, record_type in RECORD_TYPES.items():
                if type(record) is record_type and getattr(record, "id", None) is not None:
                    self.last_saved[kind] = record.id  # type: ignore[attr-defined]

    def push_undo(self, command: Any) -> None:
        self.undo_stack.push(command)

    def _on_records_written(self, records: Sequence[Record]) -> None:
        """Undo or redo wrote records: clean forms showing them follow; forms of records that are gone close."""
        for form in self.forms():
            if form.record_id is None:
                continue
            current = self.store.get(form.record_type, form.record_id)
            if current is None:
                if not form.is_dirty():
                    self._remove_form(form)
                continue
            if not form.is_dirty() and current != form.record:
                form.load(current)
        self._records_changed(*records)

    def _on_undo_failed(self, error: LedgerError) -> None:
        self.prompter.show_error(self, user_message(error))
        self._records_changed()

    @Slot()
    def save_current_form(self) -> Record | None:
        form = self.current_form()
        return form.save() if form is not None else None

    @Slot()
    def close_current_form(self) -> bool:
        form = self.current_form()
        return self.close_form(form) if form is not None else False

    @Slot(int)
    def _on_editor_tabs_close_requested(self, index: int) -> None:
        widget = self.editor_tabs.widget(index)
        if isinstance(widget, RecordForm):
            self.close_form(widget)

    def close_form(self, form: RecordForm) -> bool:
        """Close a form, asking first when it has unsaved changes; returns False when the user keeps it open."""
        if form.is_dirty():
            self.editor_tabs.setCurrentWidget(form)
            answer = self.prompter.ask_unsaved(self, [form.tab_title()])
            if answer == CANCEL:
                return False
            if answer == SAVE and form.save() is None:
                return False
        self._remove_form(form)
        return True

    def _remove_form(self, form: RecordForm) -> None:
        self._forget_draft(form)
        self.editor_tabs.removeTab(self.editor_tabs.indexOf(form))
        form.deleteLater()
        self.editor_tabs.setVisible(self.editor_tabs.count() > 0)
        self._update_actions()

    # ----------------------------------------------------------------- drafts
    def write_drafts(self) -> None:
        """Keep what is typed in every changed form, so that a crash loses nothing."""
        for form in self.forms():
            if not form.is_dirty():
                continue
            draft_id = self._draft_ids.setdefault(form, self.drafts.new_id())
            self.drafts.write(draft_id, form.kind, form.record_id, form.tab_title(), form.raw_values())

    def _forget_draft(self, form: RecordForm) -> None:
        draft_id = self._draft_ids.pop(form, None)
        if draft_id:
            self.drafts.remove(draft_id)

    def offer_drafts(self) -> int:
        """After a crash: offer the forms that had unsaved changes; returns how many were reopened."""
        from desktop.ui.record_forms import FORMS

        drafts = self.drafts.pending()
        if not drafts:
            return 0
        if not self.prompter.ask_restore_drafts(self, [draft.title for draft in drafts]):
            for draft in drafts:
                self.drafts.remove(draft.draft_id)
            return 0
        reopened = 0
        for draft in drafts:
            if draft.kind not in FORMS:
                self.drafts.remove(draft.draft_id)
                continue
            if draft.record_id is not None:
                form = self.open_record(draft.kind, draft.record_id)
            else:
                form = self.new_record(draft.kind, defaults={})
            if form is None:
                self.drafts.remove(draft.draft_id)
                continue
            form.set_raw_values(draft.fields)
            self._draft_ids[form] = draft.draft_id
            reopened += 1
        return reopened
