"""The questions the app asks the user, in one injectable object.

Windows receive a :class:`Prompter` in their constructor; tests give them one that answers from a script,
instead of patching ``QMessageBox`` for everyone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
LETTER_FILTER = "*.txt *.md *.html *.htm *.docx *.pdf"


class Prompter(QObject):
    """Standard dialogs. Every method blocks until answered (they run only on the GUI thread)."""

    def ask_unsaved(self, parent: QWidget | None, names: list[str]) -> str:
        """Unsaved changes in the named records: returns SAVE, DISCARD or CANCEL."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
                          self.tr("These records have changes that are not saved:\n{names}\n\nSave them?")
                          .format(names="\n".join(f"• {name}" for name in names)), parent=parent)
        box.setObjectName("unsavedDialog")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return DISCARD
        return CANCEL

    def ask_restore_drafts(self, parent: QWidget | None, names: list[str]) -> bool:
        """Forms left unsaved last time (the app was closed abruptly): reopen them?"""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore unsaved forms"),
                          self.tr("Reply Ledger was closed while these forms had unsaved changes:\n{names}\n\n"
                                  "Open them again?").format(names="\n".join(f"• {name}" for name in names)),
                          parent=parent)
        box.setObjectName("restoreDraftsDialog")
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard)
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        return box.exec() == QMessageBox.StandardButton.Open

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, parent: QWidget | None, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Reply Ledger"), text, parent=parent)
        box.setObjectName("errorDialog")
        box.exec()

    def show_info(self, parent: QWidget | None, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Reply Ledger"), text, parent=parent)
        box.setObjectName("infoDialog")
        box.exec()

    def open_letter(self, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, self.tr("Import a reply letter"), "",
                                              self.tr("Letters ({patterns})").format(patterns=LETTER_FILTER))
        return Path(name) if name else None

    def open_database(self, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, self.tr("Open a ledger"), "",
                                              self.tr("Ledgers (*.sqlite3 *.db);;All files (*)"))
        return Path(name) if name else None

    def open_ledger_workbook(self, parent: QWidget | None) -> Path | None:
        """An Excel ledger to import."""
        name, _ = QFileDialog.getOpenFileName(parent, self.tr("Import an Excel ledger"), "",
                                              self.tr("Excel workbooks (*.xlsx)"))
        return Path(name) if name else None

    def save_workbook(self, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, self.tr("Export the audit workbook"), suggested,
                                              self.tr("Excel workbooks (*.xlsx)"))
        return Path(name) if name else None

    def save_ledger(self, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        """A ledger file to create (a new ledger, or a copy of this one)."""
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, self.tr("Ledgers (*.sqlite3 *.db)"))
        return Path(name) if name else None

    def save_pdf(self, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, self.tr("Save as PDF"), suggested,
                                              self.tr("PDF documents (*.pdf)"))
        return Path(name) if name else None

    def save_file(self, parent: QWidget | None, suggested: str) -> Path | None:
        """Where to save a stored original file (a letter, an evidence document)."""
        name, _ = QFileDialog.getSaveFileName(parent, self.tr("Save the file as"), suggested,
                                              self.tr("All files (*)"))
        return Path(name) if name else None

    def open_any_file(self, parent: QWidget | None) -> Path | None:
        """A file to attach to evidence (a report, a bulletin, a photo of a page)."""
        name, _ = QFileDialog.getOpenFileName(parent, self.tr("Attach a file"), "", self.tr("All files (*)"))
        return Path(name) if name else None

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        """One line of text (None when cancelled)."""
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None
