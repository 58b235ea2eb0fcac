"""Laying a dossier (HTML from :mod:`desktop.core.dossier`) out on A4: a PDF file, or the printer.

Only Qt's GUI classes are used (QTextDocument, QPdfWriter, QPrinter), so the command line can write a PDF with an
offscreen QGuiApplication and no window.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from desktop.core.errors import LedgerError

logger = logging.getLogger(__name__)

MARGINS_MM = QMarginsF(18, 16, 18, 16)
# Noto Sans CJK (Linux), Microsoft YaHei (Windows), PingFang (macOS): whichever is installed draws the Chinese.
FONT_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "sans-serif"]


def ensure_gui_application() -> QGuiApplication:
    """The running application, or an offscreen one for the command line (no display needed)."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def write_pdf(html: str, path: Path) -> Path:
    """Write the HTML on A4 pages to a PDF file (through a temporary file, renamed when complete).

    Raises:
        LedgerError: the file cannot be written.
    """
    ensure_gui_application()
    path = Path(path)
    if not path.parent.is_dir():
        raise LedgerError(f"The folder of '{path}' does not exist; choose another place for the PDF.",
                          code="pdf_folder_missing", path=str(path))
    handle, temporary = tempfile.mkstemp(suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         MARGINS_MM, QPageLayout.Unit.Millimeter))
        writer.setResolution(300)
        writer.setTitle(Path(path).stem)
        writer.setCreator("Reply Ledger")
        # Without a page size of its own, the document is laid out on the writer's pages at its resolution.
        _document(html).print_(writer)
        del writer  # closes the file
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise LedgerError(f"The PDF '{path}' could not be written ({error.strerror}); choose another place.",
                          code="pdf_unwritable", path=str(path)) from error
    return path


def print_html(html: str, parent: QWidget | None = None) -> bool:
    """Print the HTML on A4 after the system's print dialog; False when the user cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      MARGINS_MM, QPageLayout.Unit.Millimeter))
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _document(html).print_(printer)
    return True
