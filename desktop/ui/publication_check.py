"""Publication pre-check in the app: the personal data of a reply's text, and the button that saves a redacted copy.

What is redacted and what is only listed is decided by :mod:`desktop.core.redaction`; this dialog shows it and
writes the copy (.txt or .docx) where the clerk chooses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.errors import LedgerError
from desktop.core.records import Reply
from desktop.core.redaction import PersonalData, find_personal_data, write_redacted_copy
from desktop.ui import labels
from desktop.ui.labels import QT_TRANSLATE_NOOP
from desktop.ui.messages import user_message
from desktop.ui.models import Column, RecordTableModel, record_table_view

REDACTED = QT_TRANSLATE_NOOP("FoundColumns", "Redacted")
TO_DECIDE = QT_TRANSLATE_NOOP("FoundColumns", "You decide (kept)")

FOUND_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FoundColumns", "Kind"), lambda item: item[0].kind,
           lambda kind: labels.label(labels.REDACTION_KINDS, kind)),
    Column(QT_TRANSLATE_NOOP("FoundColumns", "Shown as"), lambda item: item[0].masked),
    Column(QT_TRANSLATE_NOOP("FoundColumns", "Line"), lambda item: item[1], align_right=True),
    Column(QT_TRANSLATE_NOOP("FoundColumns", "What happens"), lambda item: item[0].redact,
           lambda redact: _translate(REDACTED if redact else TO_DECIDE)),
)


def _translate(text: str) -> str:
    return QCoreApplication.translate("FoundColumns", text)


def choose_output(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save the redacted copy (.docx or .txt); None when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PublicationCheckDialog", "Save redacted copy"), suggested,
        QCoreApplication.translate("PublicationCheckDialog", "Word document (*.docx);;Text (*.txt)"))
    return Path(path) if path else None


class PublicationCheckDialog(QDialog):
    """The personal data found in one reply's text, and Save redacted copy.

    Args:
        choose_path: asks where to save (tests give one that answers at once).

    Signals:
        copy_saved(str): the redacted copy was written to this path.
    """

    copy_saved = Signal(str)

    def __init__(self, reply: Reply, *, choose_path: Callable[[QWidget, str], Path | None] = choose_output,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publicationCheckDialog")
        self.setWindowTitle(self.tr("Publication check — {reply}").format(reply=reply.doc_number or reply.title or ""))
        self._reply = reply
        self._choose_path = choose_path
        text = reply.text or ""
        self.found: list[PersonalData] = find_personal_data(text, handler=reply.handler)
        self.model = RecordTableModel("FoundColumns", FOUND_COLUMNS, self)
        self.model.set_records([(item, item.line(text)) for item in self.found])
        self.table = record_table_view(self, "foundTable", self.model)
        redacted = sum(1 for item in self.found if item.redact)
        if not text.strip():
            summary = self.tr("This reply has no text to check; import its letter or type its text first.")
        else:
            summary = self.tr("{redacted} item(s) of personal data will be redacted; {kept} are kept for you to "
                              "decide (office landlines, the handler's name).").format(
                redacted=redacted, kept=len(self.found) - redacted)
        self.summary_label = QLabel(summary, self)
        self.summary_label.setObjectName("publicationSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("publicationResultLabel")
        self.result_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save redacted copy…"), self)
        self.save_button.setObjectName("saveRedactedButton")
        self.save_button.setEnabled(bool(text.strip()))
        self.save_button.clicked.connect(self.save_copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.table.resizeColumnsToContents()
        self.resize(720, 420)

    @Slot()
    def save_copy(self) -> Path | None:
        """Ask where, then write the redacted copy; says where it went or why it could not be written."""
        reply = self._reply
        suggested = f"{reply.doc_number or reply.title or 'reply'}.docx"
        path = self._choose_path(self, suggested)
        if path is None:
            return None
        if path.suffix.lower() not in (".txt", ".docx"):
            path = path.with_suffix(".docx")
        try:
            copy = write_redacted_copy(path, reply.text or "", title=reply.title or reply.doc_number or "答复",
                                       handler=reply.handler)
        except LedgerError as error:
            self.result_label.setText(user_message(error))
            return None
        self.result_label.setText(self.tr("Saved to {path}").format(path=copy.path))
        self.copy_saved.emit(str(copy.path))
        return copy.path
