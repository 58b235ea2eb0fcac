"""Strings of Qt's own dialogs that Qt's Chinese translation (qtbase_zh_CN) lacks, translated with ours.

The file dialog's "Look in:" and "Files of type:" labels carry a shortcut (&) that qtbase_zh_CN does not know;
listed here, lupdate puts them in our translation file under Qt's own context, and our translator answers for
them (Qt asks every installed translator).
"""

from __future__ import annotations

from desktop.ui.labels import QT_TRANSLATE_NOOP

QT_DIALOG_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
