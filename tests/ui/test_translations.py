"""The Simplified Chinese translation is complete and matches the strings in the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "translations" / "reply_ledger_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in tree.iter("context") for message in context.iter("message")}


def _texts(tr: ET.Element) -> list[str]:
    """The translated text, or each plural form of a %n message."""
    forms = tr.findall("numerusform")
    return [(form.text or "").strip() for form in forms] if forms else [(tr.text or "").strip()]


def test_every_string_is_translated() -> None:
    messages = _messages(TS_FILE)
    assert messages
    unfinished = [source for (_, source), tr in messages.items()
                  if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not all(_texts(tr))]
    assert unfinished == []


def test_translation_file_matches_the_code(tmp_path: Path) -> None:
    """lupdate over the UI code finds no string the .ts lacks."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    copy = tmp_path / TS_FILE.name
    shutil.copyfile(TS_FILE, copy)
    sources = sorted(str(p) for p in (REPO / "desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True, timeout=120)
    assert set(_messages(copy)) == set(_messages(TS_FILE))


def test_placeholders_survive_translation() -> None:
    import re

    for (_, source), tr in _messages(TS_FILE).items():
        for text in _texts(tr):
            assert sorted(re.findall(r"\{\w+\}|%n", source)) == sorted(re.findall(r"\{\w+\}|%n", text)), source


def test_qt_file_dialog_speaks_chinese(qtbot, chinese) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"] == "查找范围(&L)："
    assert texts["fileTypeLabel"] == "文件类型(&T)："
