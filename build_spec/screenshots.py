"""Take the README's screenshots of the app in Chinese, on the demo ledger judged as of 2022-03-31.

Run under an X server of the size wanted (the whole screen is captured, menus included):

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python build_spec/screenshots.py --out /tmp/shots
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python build_spec/screenshots.py --out /tmp/shots

Each shot is written as ``NAME_zh_WIDTHxHEIGHT.png`` (full size); the README's copies are reduced with
``convert IN.png -resize 1100x -colors 96 PNG8:OUT.png``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
AS_OF = dt.date(2022, 3, 31)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="reply-ledger-shots-"))
    os.environ["REPLY_LEDGER_DATA_DIR"] = str(data)

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from db import Store
    from db.demo import create_demo
    from desktop import paths
    from desktop.ui.i18n import install_translators
    from desktop.ui.main_window import MainWindow
    from desktop.ui.workers import SyncPool

    app = QApplication([sys.argv[0]])
    translators = install_translators(app, "zh_CN")
    screen = QGuiApplication.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}"

    def fill_screen(widget) -> None:
        """Xvfb has no window manager to maximise windows: give them the whole screen."""
        widget.show()
        widget.setGeometry(QGuiApplication.primaryScreen().availableGeometry())

    def shot(name: str) -> None:
        QTest.qWait(400)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(args.out / f"{name}_zh_{size}.png"))

    # The welcome page of an empty ledger.
    empty = Store.open(data / "empty.sqlite3")
    window = MainWindow(empty, pool=SyncPool(), today=lambda: AS_OF)
    fill_screen(window)
    shot("welcome")
    window.close()
    empty.close()

    demo_path = data / "demo.sqlite3"
    with Store.open(demo_path) as store:
        create_demo(store, paths.demo_dir())
    store = Store.open(demo_path)
    window = MainWindow(store, pool=SyncPool(), today=lambda: AS_OF)
    fill_screen(window)
    QTest.qWait(300)
    page = window.pages["commitments"]
    window.show_page("commitments")
    window.splitter.setSizes([150, screen.width() - 150, 0])

    # A cell edited in place: the indicator of a target, typed over.
    model = page.model
    unit_column = next(c for c in range(model.columnCount()) if model.column_edit(c) == ("target", "indicator"))
    page.table.setFocus()
    page.table.setCurrentIndex(model.index(2, unit_column))
    page.table.edit(model.index(2, unit_column))
    editor = page.table.findChild(QLineEdit, "cellEditor")
    if editor is not None:
        editor.setText("上线运营工业互联网标识解析二级节点数")
    shot("list_edit")
    if editor is not None:
        QTest.keyClick(editor, Qt.Key.Key_Escape)

    # Several rows selected, the bulk menu open on "set the state".
    page.select_rows([3, 4, 5, 6, 7, 8])
    menu = window.list_context_menu(page)
    rect = page.table.visualRect(model.index(5, 1))
    position = page.table.viewport().mapToGlobal(rect.center())
    menu.popup(position)
    QTest.qWait(300)
    bulk = next(action for action in menu.actions() if action.menu() is not None
                and action.menu().objectName() == "bulkContextMenu")
    menu.setActiveAction(bulk)
    bulk.menu().popup(menu.mapToGlobal(menu.actionGeometry(bulk).topRight()))
    QTest.qWait(300)
    states = bulk.menu().actions()[0]
    bulk.menu().setActiveAction(states)
    if states.menu() is not None:
        states.menu().popup(bulk.menu().mapToGlobal(bulk.menu().actionGeometry(states).topRight() + QPoint(0, 0)))
    shot("list_bulk")
    for open_menu in (states.menu(), bulk.menu(), menu):
        if open_menu is not None:
            open_menu.close()

    # The review of the seed letter in an empty ledger: promises first, a baseline unfolded under its promise.
    fresh = Store.open(data / "review.sqlite3")
    reviewer = MainWindow(fresh, pool=SyncPool(), today=lambda: AS_OF)
    fill_screen(reviewer)
    review = reviewer.open_letter(paths.demo_dir() / "reply_changgongxinfu_2021_39.md")
    fill_screen(review)
    for top in range(review.model.rowCount()):
        index = review.model.index(top, 0)
        if review.model.rowCount(index):
            review.table.expand(review.proxy.mapFromSource(index))
            review.select_suggestion(review.model.item_row(review.model.index(0, 0, index)))
            break
    shot("review_grouped")
    review.discard_and_close()
    reviewer.close()
    window.close()
    store.close()
    fresh.close()
    del translators
    shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
