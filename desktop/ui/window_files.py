"""The main window's files: letters and workbooks in and out, other and new ledgers, dossiers, help."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QWidget

from db import Store
from desktop import APP_TITLE, paths
from desktop.core.errors import LedgerError
from desktop.ui.messages import user_message
from desktop.ui.workers import ProgressRunner

# lupdate reads translate("MainWindow", ...) calls: the strings stay in the window's context.
translate = QCoreApplication.translate

# The letter reader, the workbook writer and the dossier are imported when first used: the window does not wait
# for them (openpyxl, the extraction rules) to paint.
if TYPE_CHECKING:
    from desktop.core.extraction import Document, LetterExtraction
    from desktop.core.xlsx_export import ExportResult
    from desktop.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

logger = logging.getLogger(__name__)

LETTER_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}
STATUS_MESSAGE_MS = 20_000


def create_demo_ledger(path: Path, progress: Any = None, is_cancelled: Any = None) -> Path:
    """The demo ledger in the data folder, made once (runs on a pool thread)."""
    from db.demo import create_demo

    if not path.exists():
        with Store.open(path) as store:
            create_demo(store, paths.demo_dir())
    return path


class LedgerFilesMixin(_Base):
    """Files of the ledger; part of :class:`desktop.ui.main_window.MainWindow`."""

    # ----------------------------------------------------------------- letters
    @Slot()
    def import_letter(self) -> None:
        path = self.prompter.open_letter(self)
        if path is not None:
            self.open_letter(path)

    def open_letter(self, path: Path) -> QWidget:
        """Open the review screen for a letter file; saving there updates this window."""
        from desktop.ui.review import LetterReviewWindow

        self.leave_welcome()
        return self._show_review(
            LetterReviewWindow(self.store, path, pool=self.pool, prompter=self.prompter, parent=self)
        )

    def selected_letter_reply(self) -> int | None:
        """The reply selected in the Replies list, when it was imported from a letter (it has a source document)."""
        if self.current_page_kind() != "replies":
            return None
        values = self._selected_values("replies")
        return int(values["id"]) if values.get("id") is not None and values.get("source_document_id") else None

    @Slot()
    def review_letter_again(self, reply_id: int | None = None) -> QWidget | None:
        """Open the review screen on a stored reply's letter (the selected one by default), from its stored text:
        the earlier decisions are shown and its undecided suggestions can be decided."""
        from desktop.ui.review import LetterReviewWindow

        reply_id = reply_id if reply_id is not None else self.selected_letter_reply()
        if reply_id is None:
            return None
        for window in self.review_windows:
            stored = getattr(window, "stored", None)
            if stored is not None and stored.reply.id == reply_id:
                window.raise_()
                window.activateWindow()
                return window
        from db.letter_decisions import stored_letter

        try:
            letter = stored_letter(self.store, reply_id)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return None
        return self._show_review(
            LetterReviewWindow(self.store, pool=self.pool, prompter=self.prompter, stored=letter, parent=self)
        )

    def _show_review(self, window: Any) -> QWidget:
        window.saved.connect(lambda reply_id: self._records_changed())
        window.saved_summary.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))
        window.other_document_read.connect(self.import_other_document)
        window.closed.connect(lambda: self.review_windows.remove(window) if window in self.review_windows else None)
        self.review_windows.append(window)
        # The window shows itself once the letter is read (a news report never shows an empty review).
        window.start()
        return window

    @Slot(object, object)
    def import_other_document(self, document: Document, extraction: LetterExtraction) -> None:
        """A file that is not a reply letter (a news report, a bulletin): keep it and suggest its figures as
        evidence for the open targets they match."""
        from db.letters import import_document

        try:
            outcome = import_document(self.store, document, extraction)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return
        if outcome.status == "duplicate":
            self.prompter.show_info(
                self,
                translate("MainWindow", "{file} was imported before; nothing changed.").format(file=document.file_name),
            )
            return
        self._records_changed()
        self.show_page("suggestions")
        self.prompter.show_info(
            self,
            translate(
                "MainWindow",
                "{file} is not a reply letter; it is kept as a source document. %n figure(s) in it are suggested as "
                "evidence.",
                "",
                outcome.suggestions,
            ).format(file=document.file_name),
        )

    # ----------------------------------------------------------------- workbooks
    @Slot()
    def import_ledger_workbook(self) -> QDialog | None:
        """Move in an Excel ledger: pick the workbook, check its columns and rows, then import (see
        :mod:`desktop.ui.ledger_import`)."""
        from desktop.ui.ledger_import import LedgerImportDialog, result_text

        path = self.prompter.open_ledger_workbook(self)
        if path is None:
            return None
        self.leave_welcome()
        if self.ledger_import_dialog is not None:
            self.ledger_import_dialog.deleteLater()
        dialog = LedgerImportDialog(self.store, path, pool=self.pool, prompter=self.prompter, parent=self)
        self.ledger_import_dialog = dialog

        def imported(result: Any) -> None:
            self.reload_everything()
            text = result_text(result, path)
            self.statusBar().showMessage(text, STATUS_MESSAGE_MS)
            self.prompter.show_info(self, text)

        dialog.imported.connect(imported)
        dialog.open()
        dialog.start()
        return dialog

    @Slot()
    def export_workbook(self) -> ProgressRunner | None:
        """Write the audit workbook of the whole ledger, judged as of the toolbar's date, in the background."""
        as_of = self.as_of()
        path = self.prompter.save_workbook(
            self, translate("MainWindow", "ledger_{date}.xlsx").format(date=as_of.isoformat())
        )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        location = self.store.location

        def export(progress: Any = None, is_cancelled: Any = None) -> ExportResult:
            from db.export import export_ledger

            with Store.attach(location) as store:
                return export_ledger(store, path, as_of=as_of, progress=progress, is_cancelled=is_cancelled)

        def written(result: ExportResult) -> None:
            text = translate("MainWindow", "The audit workbook was written to {path}.").format(path=result.path)
            if result.truncated:  # an auditor must know which cells do not hold the whole text
                text += " " + translate(
                    "MainWindow", "%n cell(s) held more text than Excel keeps and were cut; 汇总 lists them.", None,
                    len(result.truncated))
            self.prompter.show_info(self, text)

        runner = ProgressRunner(self, self.pool, translate("MainWindow", "Writing {file}…").format(file=path.name))
        runner.succeeded.connect(written)
        runner.failed.connect(
            lambda error: self.prompter.show_error(
                self,
                user_message(error)
                if isinstance(error, LedgerError)
                else translate("MainWindow", "The workbook could not be written; details are in the log."),
            )
        )
        runner.start(export)
        return runner

    # ----------------------------------------------------------------- ledgers
    @Slot()
    def open_ledger(self) -> None:
        path = self.prompter.open_database(self)
        if path is not None:
            self.open_ledger_requested.emit(path)

    @Slot()
    def new_ledger(self) -> Path | None:
        """Create an empty ledger file and open it (this window closes, asking first about unsaved forms)."""
        path = self.prompter.save_ledger(self, translate("MainWindow", "New ledger"), "ledger.sqlite3")
        if path is None:
            return None
        if path.suffix.lower() not in (".sqlite3", ".db"):
            path = path.with_name(path.name + ".sqlite3")
        if path.exists():
            self.prompter.show_error(
                self,
                translate(
                    "MainWindow", "{path} exists already; choose a new name, or open it with Open ledger."
                ).format(path=path),
            )
            return None
        try:
            Store.open(path).close()
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return None
        self.open_ledger_requested.emit(path)
        return path

    @Slot()
    def save_copy_as(self) -> Path | None:
        """Write a copy of the whole ledger (an online backup) to another file; this one stays open."""
        path = self.prompter.save_ledger(
            self,
            translate("MainWindow", "Save a copy of the ledger"),
            f"{self.store.location.name}-{self.as_of().isoformat()}.sqlite3",
        )
        if path is None:
            return None
        if self.store.path is not None and path.resolve() == self.store.path.resolve():
            self.prompter.show_error(self, translate("MainWindow", "Choose another file than the open ledger."))
            return None
        try:
            written = self.store.backup_to(path)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return None
        self.statusBar().showMessage(
            translate("MainWindow", "A copy of the ledger was written to {path}.").format(path=written),
            STATUS_MESSAGE_MS,
        )
        return written

    @Slot()
    def open_demo(self) -> ProgressRunner:
        """Open the demo ledger (made in the data folder the first time)."""
        path = paths.data_dir() / "demo.sqlite3"
        runner = ProgressRunner(self, self.pool, translate("MainWindow", "Preparing the demo ledger…"))
        runner.succeeded.connect(lambda written: self.open_ledger_requested.emit(written))
        runner.failed.connect(
            lambda error: self.prompter.show_error(
                self,
                user_message(error)
                if isinstance(error, LedgerError)
                else translate("MainWindow", "The demo ledger could not be made; details are in the log."),
            )
        )
        runner.start(create_demo_ledger, path)
        return runner

    # ----------------------------------------------------------------- the dossier of a proposal
    def dossier_of_selection(self) -> tuple[str, str] | None:
        """(HTML of the selected proposal's dossier as of the toolbar's date, suggested file name)."""
        proposal_id = self.selected_proposal_id()
        if proposal_id is None:
            self.prompter.show_info(self, translate("MainWindow", "Select a proposal (or a reply) first."))
            return None
        from db.dossier import load_dossier
        from desktop.core.dossier import dossier_file_name, dossier_html

        try:
            dossier = load_dossier(self.store, proposal_id, self.as_of())
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return None
        return dossier_html(dossier), dossier_file_name(dossier)

    @Slot()
    def save_dossier_pdf(self) -> Path | None:
        """The selected proposal's whole handling on A4 pages, as a PDF file."""
        from desktop.ui.dossier_print import write_pdf

        found = self.dossier_of_selection()
        if found is None:
            return None
        html, name = found
        path = self.prompter.save_pdf(self, name)
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf(html, path)
        except LedgerError as error:
            self.prompter.show_error(self, user_message(error))
            return None
        self.statusBar().showMessage(
            translate("MainWindow", "The dossier was written to {path}.").format(path=path), STATUS_MESSAGE_MS
        )
        return path

    @Slot()
    def print_dossier(self) -> bool:
        from desktop.ui.dossier_print import print_html

        found = self.dossier_of_selection()
        return found is not None and print_html(found[0], self)

    # ----------------------------------------------------------------- help
    @Slot()
    def show_about(self) -> None:
        from desktop import __version__

        self.prompter.show_info(
            self,
            translate(
                "MainWindow",
                "{title} {version}\nProposals, reply letters, their promises and the evidence.\n\nDatabase: {path}\n"
                "Data folder: {data}\nLog folder: {logs}",
            ).format(
                title=APP_TITLE,
                version=__version__,
                path=self.store.location,
                data=paths.data_dir(),
                logs=paths.log_path().parent,
            ),
        )

    @Slot()
    def show_guide(self) -> QDialog:
        from desktop.ui.guide import GuideDialog

        dialog = GuideDialog(self)
        dialog.show()
        return dialog

    # ----------------------------------------------------------------- dropping files
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_letters(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        letters = self._dropped_letters(event)
        for path in letters:
            self.open_letter(path)
        if letters:
            event.acceptProposedAction()

    @staticmethod
    def _dropped_letters(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            Path(url.toLocalFile())
            for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in LETTER_SUFFIXES
        ]
