"""Loading translations: ours (resources/translations) and Qt's own, by --lang or the system locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import paths

logger = logging.getLogger(__name__)

SUPPORTED = ("zh_CN", "en")


def pick_language(requested: str | None) -> str:
    """The language to show: ``requested`` if given, else zh_CN for a Chinese system locale, else English."""
    if requested in SUPPORTED:
        return requested  # type: ignore[return-value]
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our .qm and Qt's qtbase .qm for the language; returns them so they stay alive."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(f"reply_ledger_{language}", str(paths.translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        logger.warning("translation %s not found in %s; showing English", language, paths.translations_dir())
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    QLocale.setDefault(QLocale(language))
    return installed
