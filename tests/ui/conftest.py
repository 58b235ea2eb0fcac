from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.i18n import install_translators


@pytest.fixture
def chinese(qapp: QApplication):
    """Install the zh_CN translation for one test, then remove it."""
    translators = install_translators(qapp, "zh_CN")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
