"""The first page of an empty ledger: start a new ledger, open one, open the demo, or bring records in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """What an empty ledger shows instead of empty tables.

    Signals:
        new_ledger_requested(), open_ledger_requested(), open_demo_requested(), import_letter_requested(),
        import_ledger_requested(): the user chose that way to start.
        start_requested(): the user wants the (empty) lists, to type records in.
    """

    new_ledger_requested = Signal()
    open_ledger_requested = Signal()
    open_demo_requested = Signal()
    import_letter_requested = Signal()
    import_ledger_requested = Signal()
    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to Reply Ledger"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr("This ledger is empty. Proposals, the replies to them, every promise in the replies "
                               "and the evidence that they were kept are tracked here. How do you want to start?"),
                       self)
        intro.setWordWrap(True)

        choices = [
            ("welcomeImportLetterButton", self.tr("Import a reply letter…"),
             self.tr("Read a .docx, .pdf, .txt or .html letter: its header and every promise are found for you to "
                     "check."), self.import_letter_requested),
            ("welcomeImportLedgerButton", self.tr("Move in an Excel ledger…"),
             self.tr("Import the 台账 you keep in Excel or WPS: its columns are recognised by their names."),
             self.import_ledger_requested),
            ("welcomeStartButton", self.tr("Type records in"),
             self.tr("Open the lists and add a proposal with Ctrl+N, or paste rows copied from Excel with Ctrl+V."),
             self.start_requested),
            ("welcomeDemoButton", self.tr("Open the demo ledger"),
             self.tr("A real case: proposal 第021号, the reply 常工信复〔2021〕第39号, its 15 promises and the news "
                     "that shows which were kept."), self.open_demo_requested),
            ("welcomeNewLedgerButton", self.tr("New ledger file…"),
             self.tr("Start another, empty ledger in a file of your choice (one per office or per year)."),
             self.new_ledger_requested),
            ("welcomeOpenLedgerButton", self.tr("Open a ledger file…"),
             self.tr("Open a ledger kept in another file on this computer; a ledger several clerks share "
                     "belongs on the office server."),
             self.open_ledger_requested),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for row, (name, text, hint, signal) in enumerate(choices):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setMinimumWidth(220)
            button.clicked.connect(signal)
            explanation = QLabel(hint, self)
            explanation.setWordWrap(True)
            explanation.setMinimumWidth(360)
            explanation.setMinimumHeight(explanation.fontMetrics().lineSpacing() * 2 + 4)  # room for two lines
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(explanation, row, 1)
            self.buttons[name] = button
        grid.setColumnStretch(1, 1)

        box = QWidget(self)
        box.setMinimumWidth(min(760, self.fontMetrics().averageCharWidth() * 110))
        box.setMaximumWidth(900)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(title)
        box_layout.addWidget(intro)
        box_layout.addSpacing(12)
        box_layout.addLayout(grid)
        box_layout.addSpacing(12)
        hint = QLabel(self.tr("Help › User guide (F1) explains the daily work step by step."), self)
        hint.setStyleSheet("color: palette(mid);")
        box_layout.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
