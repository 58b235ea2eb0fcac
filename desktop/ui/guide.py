"""Help › User guide: a short guide to the daily work, in the language of the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import paths


def guide_path(language: str | None = None) -> object:
    """The guide's HTML file for a language (Chinese unless the window speaks English)."""
    language = language or QLocale().name()
    folder = paths.resources_dir() / "guide"
    chosen = folder / ("guide_en.html" if language.startswith("en") else "guide_zh_CN.html")
    return chosen if chosen.exists() else folder / "guide_zh_CN.html"


class GuideDialog(QDialog):
    """The user guide in a window of its own."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(QCoreApplication.translate("GuideDialog", "User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_path(language).read_text(encoding="utf-8"))  # type: ignore[attr-defined]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(760, screen.width() - 40) if screen else 760, min(640, screen.height() - 60) if screen else 640)
