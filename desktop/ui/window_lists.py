"""What the main window does with the rows of its lists: edit cells, change many rows at once, copy, paste,
delete — each change in one transaction, kept in the history, and one step of undo."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, Slot
from PySide6.QtWidgets import QMenu

from desktop.core.errors import LedgerError, RecordErrors
from desktop.core.grid import GRID_FIELDS, PASTE_TARGETS, apply_cell, parse_cell
from desktop.core.records import Record, Reminder
from desktop.ui.grid_editing import cell_choices
from desktop.ui.list_page import ListPage
from desktop.ui.messages import user_message
from desktop.ui.undo import CreateRecordsCommand, DeleteRecordsCommand, SaveRecordsCommand
from desktop.ui.window_forms import record_label

# The record forms, the reminders' rules and what they pull in are imported by the methods that use them: the
# window paints without them.

# lupdate reads translate("MainWindow", ...) calls: the strings stay in the window's context.
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

logger = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 20_000
# Changes offered for the selected rows of each list: (record kind, field), in menu order.
BULK_FIELDS = {
    "proposals": (
        ("proposal", "state"),
        ("proposal", "lead_unit"),
        ("proposal", "reply_due_date"),
        ("proposal", "key_supervised"),
    ),
    "replies": (("reply", "result_class"), ("reply", "signer")),
    "commitments": (
        ("commitment", "manual_state"),
        ("target|commitment", "deadline"),
        ("commitment", "responsible_unit"),
    ),
    "evidence": (("evidence", "recorded_by"),),
}


def field_name(name: str) -> str:
    """A field's name in the bulk menu (translated)."""
    names = {
        "state": translate("MainWindow", "State"),
        "manual_state": translate("MainWindow", "State"),
        "lead_unit": translate("MainWindow", "Lead unit"),
        "reply_due_date": translate("MainWindow", "Reply deadline"),
        "key_supervised": translate("MainWindow", "Key supervised"),
        "result_class": translate("MainWindow", "Result class"),
        "signer": translate("MainWindow", "Signer"),
        "deadline": translate("MainWindow", "Deadline"),
        "responsible_unit": translate("MainWindow", "Responsible unit"),
        "recorded_by": translate("MainWindow", "Recorded by"),
    }
    return names[name]


class ListActionsMixin(_Base):
    """Rows of the lists; part of :class:`desktop.ui.main_window.MainWindow`."""

    def connect_list_page(self, page: ListPage) -> None:
        page.open_requested.connect(self._on_list_open_requested)
        page.paste_requested.connect(self._on_paste_requested)
        page.context_menu_requested.connect(self._on_list_context_menu_requested)
        page.selection_changed.connect(self._update_actions)
        if page.kind != "reminders":
            page.model.cell_saver = self.save_cell

    # ----------------------------------------------------------------- opening
    @Slot(str, int)
    def _on_list_open_requested(self, kind: str, key: int) -> None:
        self.open_list_row(kind, key)

    def open_list_row(self, kind: str, key: int) -> Any:
        if kind == "commitments":
            if key > 0:
                return self.open_record("target", key)
            return self.open_record("commitment", -key)
        record_kind = {"proposals": "proposal", "replies": "reply", "evidence": "evidence"}.get(kind)
        if record_kind is None:
            return None
        return self.open_record(record_kind, key)

    # ----------------------------------------------------------------- one cell
    def save_cell(self, record_kind: str, record_id: int, name: str, value: Any) -> bool:
        """Save a cell edited in a list: checked by the record's rules, written with history, one undo step."""
        from desktop.ui.record_forms import RECORD_TYPES

        record = self.store.get(RECORD_TYPES[record_kind], record_id)
        if record is None:
            self._show_list_error(translate("MainWindow", "This record no longer exists; the list is reloaded."))
            self.refresh()
            return False
        try:
            changed = apply_cell(record, record_kind, name, value)
            if changed == record:
                return True
            self._save_record(record, changed)
        except RecordErrors as errors:
            self._show_list_error(" ".join(user_message(problem) for problem in errors.problems))
            return False
        except LedgerError as error:
            self._show_list_error(user_message(error))
            return False
        return True

    def _show_list_error(self, text: str) -> None:
        self.last_list_error = text
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
        self.prompter.show_error(self, text)

    # ----------------------------------------------------------------- many rows
    def _bulk_records(self, page: ListPage, record_kind: str) -> list[tuple[str, int]]:
        """The records a change of the selected rows applies to. In the commitments list a commitment's field
        changes the commitment of each row (once); ``target|commitment`` changes each row's own record."""
        found: list[tuple[str, int]] = []
        for row in page.selected_rows():
            record = page.model.row_record(row)
            if record is None:
                continue
            if record_kind == "commitment" and page.kind == "commitments":
                commitment = page.model.row_commitment(row)
                record = ("commitment", commitment) if commitment is not None else None
            elif record[0] not in record_kind.split("|"):
                record = None
            if record is not None and record not in found:
                found.append(record)
        return found

    def bulk_set(self, record_kind: str, name: str, value: Any, page: ListPage | None = None) -> int:
        """Set one field of every selected row to a value, in one transaction and one undo step; returns how many
        records changed (0 and a message when one of them refuses the value: nothing is written then)."""
        from desktop.ui.record_forms import RECORD_TYPES

        page = page or self.current_list()
        if page is None:
            return 0
        pairs: list[tuple[Record, Record]] = []
        try:
            for kind, record_id in self._bulk_records(page, record_kind):
                before = self.store.get(RECORD_TYPES[kind], record_id)
                if before is None:
                    continue
                after = apply_cell(before, kind, name, value)
                if after != before:
                    pairs.append((before, after))
            if not pairs:
                return 0
            saved = self.store.save_many(after for _before, after in pairs)
        except RecordErrors as errors:
            self._show_list_error(" ".join(user_message(problem) for problem in errors.problems))
            return 0
        except LedgerError as error:
            self._show_list_error(user_message(error))
            return 0
        pairs = [(before, after) for (before, _after), after in zip(pairs, saved, strict=True)]
        self.push_undo(
            SaveRecordsCommand(
                self.store, pairs, record_label(saved[0]), self._on_records_written, self._on_undo_failed
            )
        )
        self._on_records_written(saved)
        count = len(saved)
        self.statusBar().showMessage(translate("MainWindow", "%n record(s) changed.", None, count), STATUS_MESSAGE_MS)
        return len(saved)

    def _ask_bulk_value(self, record_kind: str, name: str) -> None:
        kind = record_kind.split("|")[-1]
        text = self.prompter.ask_text(
            self,
            translate("MainWindow", "Change selected rows"),
            translate("MainWindow", "New {field} for the selected rows (empty clears it):").format(
                field=field_name(name)
            ),
            "",
        )
        if text is None:
            return
        try:
            value = parse_cell(GRID_FIELDS[kind][name], text)
        except LedgerError as error:
            self._show_list_error(user_message(error))
            return
        self.bulk_set(record_kind, name, value)

    def change_reminders(self, change: Callable[[Reminder], Reminder]) -> int:
        """Mark the selected reminders done, snoozed or open again: one transaction, one undo step."""
        from db.reminders import change_reminders

        page = self.pages["reminders"]
        ids = [record_id for kind, record_id in page.selected_records() if kind == "reminder"]
        try:
            pairs = change_reminders(self.store, ids, change)
        except LedgerError as error:
            self._show_list_error(user_message(error))
            return 0
        if pairs:
            self.push_undo(
                SaveRecordsCommand(self.store, pairs, pairs[0][1].title, self._on_records_written, self._on_undo_failed)
            )
            self._on_records_written([after for _before, after in pairs])
        return len(pairs)

    def snooze_selected_reminders(self) -> int:
        from desktop.core.reminders import snoozed

        today = self._today()
        text = self.prompter.ask_text(
            self,
            translate("MainWindow", "Snooze reminders"),
            translate("MainWindow", "Snooze until (a date after today):"),
            (today + dt.timedelta(days=7)).isoformat(),
        )
        if text is None:
            return 0
        try:
            until = parse_cell(GRID_FIELDS["proposal"]["reply_due_date"], text)
        except LedgerError as error:
            self._show_list_error(user_message(error))
            return 0
        if until is None:
            return 0
        return self.change_reminders(lambda reminder: snoozed(reminder, until, today))

    # ----------------------------------------------------------------- menus
    def fill_bulk_menu(self, menu: QMenu, page: ListPage | None = None) -> None:
        """The changes offered for the selected rows of a list (Edit › Change selected rows, and the context
        menu)."""
        from desktop.core.reminders import completed, reopened

        menu.clear()
        page = page or self.current_list()
        if page is None or not page.selected_rows():
            action = menu.addAction(translate("MainWindow", "Select rows in a list first"))
            action.setEnabled(False)
            return
        count = len(page.selected_rows())
        if page.kind == "reminders":
            done = menu.addAction(
                translate("MainWindow", "Mark done"),
                lambda: self.change_reminders(lambda reminder: completed(reminder, self._today())),
            )
            done.setObjectName("bulkDoneAction")
            snooze = menu.addAction(translate("MainWindow", "Snooze until…"), self.snooze_selected_reminders)
            snooze.setObjectName("bulkSnoozeAction")
            reopen = menu.addAction(translate("MainWindow", "Open again"), lambda: self.change_reminders(reopened))
            reopen.setObjectName("bulkReopenAction")
            return
        for record_kind, name in BULK_FIELDS.get(page.kind, ()):
            kind = record_kind.split("|")[-1]
            choices = cell_choices(self.store, kind, name)
            title = translate("MainWindow", "Set {field} of %n row(s)", None, count).format(field=field_name(name))
            if choices:
                sub = menu.addMenu(title)
                sub.setObjectName(f"bulk_{name}_menu")
                for value, text in choices:
                    action = sub.addAction(
                        text,
                        lambda value=value, record_kind=record_kind, name=name: self.bulk_set(
                            record_kind, name, value if value is not None else ""
                        ),
                    )
                    action.setObjectName(f"bulk_{name}_{value}")
            else:
                action = menu.addAction(
                    title + "…", lambda record_kind=record_kind, name=name: self._ask_bulk_value(record_kind, name)
                )
                action.setObjectName(f"bulk_{name}")

    @Slot(str, QPoint)
    def _on_list_context_menu_requested(self, kind: str, position: QPoint) -> None:
        self.list_context_menu(self.pages[kind]).popup(position)

    def list_context_menu(self, page: ListPage) -> QMenu:
        """What can be done with the selected rows of a list (its context menu)."""
        menu = QMenu(self)
        menu.setObjectName(f"{page.kind}ContextMenu")
        rows = page.selected_rows()
        if len(rows) == 1 and page.kind != "reminders":
            key = page.model.key(rows[0])
            open_action = menu.addAction(translate("MainWindow", "Open"), lambda: self.open_list_row(page.kind, key))
            open_action.setObjectName("openRowAction")
            if page.kind != "evidence":
                new_kind = self.new_kind_for_page()
                new_action = menu.addAction(
                    translate("MainWindow", "New {kind} for it").format(
                        kind=QCoreApplication.translate("RecordKinds", new_kind)
                    ),
                    self.new_for_page,
                )
                new_action.setObjectName("newChildAction")
        if page.kind == "replies":
            menu.addAction(self.review_again_action)
            menu.addAction(self.publication_check_action)
        if page.kind in ("proposals", "replies"):
            menu.addAction(self.timeline_action)
            menu.addAction(self.print_dossier_action)
            menu.addAction(self.dossier_pdf_action)
        menu.addSeparator()
        menu.addAction(page.copy_action)
        if page.kind in PASTE_TARGETS:
            menu.addAction(page.paste_action)
        bulk = menu.addMenu(translate("MainWindow", "Change selected rows"))
        bulk.setObjectName("bulkContextMenu")
        self.fill_bulk_menu(bulk, page)
        if page.kind != "reminders":
            menu.addSeparator()
            menu.addAction(self.delete_action)
        return menu

    # ----------------------------------------------------------------- copy and paste
    @Slot()
    def copy_rows(self) -> str:
        page = self.current_list()
        return page.copy_selection() if page is not None else ""

    @Slot()
    def paste_rows(self) -> None:
        page = self.current_list()
        if page is not None:
            page.paste_clipboard()

    @Slot(str, str)
    def _on_paste_requested(self, kind: str, text: str) -> Any:
        """Rows copied from Excel or WPS: preview how their columns are read, then create them together."""
        from desktop.ui.paste_dialog import PasteDialog

        if kind not in PASTE_TARGETS:
            self.prompter.show_info(
                self,
                translate(
                    "MainWindow",
                    "Rows copied from Excel can be pasted into Proposals, Replies, Commitments & targets and "
                    "Evidence.",
                ),
            )
            return None
        defaults: dict[str, Any] = {}
        if kind == "proposals":
            session = self._selected_values("proposals").get("session")
            sessions = self.pages["proposals"].session_combo
            defaults["session"] = session or (sessions.itemData(1) if sessions.count() == 2 else None)
        elif kind == "replies":
            defaults["proposal_id"] = self._parent_for("reply")
        elif kind == "evidence":
            defaults["target_id"] = self._parent_for("evidence")
            defaults["recorded_by"] = self.store.actor
        else:
            defaults["reply_id"] = self._parent_for("commitment")
        dialog = PasteDialog(
            self.store, kind, text, own_headers=self.pages[kind].own_headers(), defaults=defaults, parent=self
        )
        dialog.accepted_records.connect(lambda records: self.create_records(records))
        dialog.open()
        self.paste_dialog = dialog
        return dialog

    def create_records(self, records: list[Record]) -> list[Record]:
        """Save new records together (one transaction), as one undo step."""
        try:
            saved = self.store.save_many(records)
        except RecordErrors as errors:
            self._show_list_error(" ".join(user_message(problem) for problem in errors.problems))
            return []
        except LedgerError as error:
            self._show_list_error(user_message(error))
            return []
        if saved:
            self.push_undo(
                CreateRecordsCommand(
                    self.store, saved, record_label(saved[0]), self._on_records_written, self._on_undo_failed
                )
            )
            self.remember_saved(*saved)
            count = len(saved)
            self.statusBar().showMessage(translate("MainWindow", "%n record(s) added.", None, count), STATUS_MESSAGE_MS)
            self._records_changed(*saved)
        return saved

    # ----------------------------------------------------------------- deleting
    @Slot()
    def delete_selected(self) -> bool:
        """Delete the selected records (one confirmation, one transaction, one undo step)."""
        from desktop.ui.record_forms import RECORD_TYPES

        page = self.current_list()
        if page is None or page.kind == "reminders":
            return False
        found = []
        for kind, record_id in page.selected_records():
            record = self.store.get(RECORD_TYPES[kind], record_id)
            if record is not None:
                found.append((kind, record))
        if not found:
            return False
        if len(found) == 1:
            question = translate(
                "MainWindow",
                "Delete {record} and everything recorded under it? Undo (Ctrl+Z) brings it back; the "
                "history keeps a copy.",
            ).format(record=record_label(found[0][1]))
        else:
            count = len(found)
            question = translate(
                "MainWindow",
                "Delete %n records and everything recorded under them? Undo (Ctrl+Z) brings them back; "
                "the history keeps a copy.",
                None,
                count,
            )
        if not self.prompter.confirm(self, translate("MainWindow", "Delete"), question):
            return False
        targets = [(type(record), record.id) for _kind, record in found]  # type: ignore[attr-defined]
        try:
            snapshot = self.store.delete_many(targets)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return False
        self.push_undo(
            DeleteRecordsCommand(
                self.store, targets, snapshot, record_label(found[0][1]), self._on_records_written, self._on_undo_failed
            )
        )
        self._on_records_written([])
        return True
