"""The main window's actions, menus and toolbar, declared in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDateEdit, QLabel, QMenu, QStyle, QToolBar

# lupdate reads translate("MainWindow", ...) calls: the strings stay in the window's context.
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def make_action(
    window: MainWindow,
    name: str,
    text: str,
    slot: Callable[..., Any],
    shortcut: Any = None,
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda checked=False: slot())
    return action


def build_actions(window: MainWindow, page_titles: dict[str, str]) -> None:
    """Create the window's actions (as attributes of ``window``), its menus and its toolbar."""
    w = window
    pixmap = QStyle.StandardPixmap
    act = lambda *args, **kwargs: make_action(w, *args, **kwargs)  # noqa: E731 - a short local alias
    w.new_action = act(
        "newAction", translate("MainWindow", "&New"), w.new_for_page, QKeySequence.StandardKey.New, pixmap.SP_FileIcon
    )
    w.new_action.setToolTip(
        translate(
            "MainWindow",
            "New record: a reply for the selected proposal, a commitment for the selected "
            "reply, a target for the selected commitment (Ctrl+N)",
        )
    )
    w.new_actions = {}
    kind_texts = {
        "proposal": translate("MainWindow", "&Proposal"),
        "reply": translate("MainWindow", "&Reply"),
        "feedback": translate("MainWindow", "&Feedback"),
        "commitment": translate("MainWindow", "&Commitment"),
        "target": translate("MainWindow", "&Target"),
        "evidence": translate("MainWindow", "&Evidence"),
        "contact": translate("MainWindow", "Con&tact with the proposer"),
    }
    for kind, text in kind_texts.items():
        w.new_actions[kind] = act(f"new{kind.capitalize()}Action", text, lambda kind=kind: w.new_record(kind))
    w.save_action = act(
        "saveAction",
        translate("MainWindow", "&Save"),
        w.save_current_form,
        QKeySequence.StandardKey.Save,
        pixmap.SP_DialogSaveButton,
    )
    w.close_form_action = act(
        "closeFormAction", translate("MainWindow", "&Close form"), w.close_current_form, QKeySequence.StandardKey.Close
    )
    w.new_ledger_action = act("newLedgerAction", translate("MainWindow", "New &ledger…"), w.new_ledger)
    w.open_ledger_action = act(
        "openLedgerAction", translate("MainWindow", "&Open ledger…"), w.open_ledger, QKeySequence.StandardKey.Open
    )
    w.save_copy_action = act("saveCopyAction", translate("MainWindow", "Save a &copy as…"), w.save_copy_as)
    w.open_demo_action = act("openDemoAction", translate("MainWindow", "Open the &demo ledger"), w.open_demo)
    w.import_action = act(
        "importAction",
        translate("MainWindow", "&Import letter…"),
        w.import_letter,
        "Ctrl+I",
        pixmap.SP_DialogOpenButton,
    )
    w.review_again_action = act(
        "reviewAgainAction", translate("MainWindow", "Review letter &again…"), w.review_letter_again
    )
    w.review_again_action.setToolTip(
        translate(
            "MainWindow",
            "Review the selected reply's letter again, from its stored text: decide its undecided suggestions",
        )
    )
    w.import_ledger_action = act(
        "importLedgerAction", translate("MainWindow", "Import Excel &ledger…"), w.import_ledger_workbook, "Ctrl+Shift+I"
    )
    w.export_action = act(
        "exportAction", translate("MainWindow", "&Export workbook…"), w.export_workbook, "Ctrl+E", pixmap.SP_DriveFDIcon
    )
    w.print_dossier_action = act(
        "printDossierAction",
        translate("MainWindow", "&Print the proposal's dossier…"),
        w.print_dossier,
        QKeySequence.StandardKey.Print,
    )
    w.dossier_pdf_action = act(
        "dossierPdfAction", translate("MainWindow", "Save the proposal's dossier as &PDF…"), w.save_dossier_pdf
    )
    w.quit_action = act("quitAction", translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)

    # Undo and redo keep a short fixed text (the toolbar does not move); the step is named in the tooltip.
    w.undo_action = act(
        "undoAction",
        translate("MainWindow", "&Undo"),
        w.undo_stack.undo,
        QKeySequence.StandardKey.Undo,
        pixmap.SP_ArrowBack,
    )
    w.redo_action = act(
        "redoAction",
        translate("MainWindow", "&Redo"),
        w.undo_stack.redo,
        QKeySequence.StandardKey.Redo,
        pixmap.SP_ArrowForward,
    )
    w.undo_action.setEnabled(False)
    w.redo_action.setEnabled(False)
    w.undo_stack.canUndoChanged.connect(w.undo_action.setEnabled)
    w.undo_stack.canRedoChanged.connect(w.redo_action.setEnabled)
    w.undo_stack.undoTextChanged.connect(
        lambda text: w.undo_action.setToolTip(
            translate("MainWindow", "Undo {step}").format(step=text) if text else translate("MainWindow", "Undo")
        )
    )
    w.undo_stack.redoTextChanged.connect(
        lambda text: w.redo_action.setToolTip(
            translate("MainWindow", "Redo {step}").format(step=text) if text else translate("MainWindow", "Redo")
        )
    )

    w.copy_rows_action = act("copyAction", translate("MainWindow", "&Copy selected rows"), w.copy_rows)
    w.paste_rows_action = act("pasteAction", translate("MainWindow", "&Paste rows from Excel…"), w.paste_rows)
    w.find_action = act("findAction", translate("MainWindow", "&Find"), w.focus_search, QKeySequence.StandardKey.Find)
    w.delete_action = act(
        "deleteAction",
        translate("MainWindow", "&Delete selected records…"),
        w.delete_selected,
        QKeySequence.StandardKey.Delete,
    )
    w.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    w.reload_action = act(
        "reloadAction",
        translate("MainWindow", "&Reload"),
        w.reload_everything,
        QKeySequence.StandardKey.Refresh,
        pixmap.SP_BrowserReload,
    )
    w.guide_action = act(
        "guideAction", translate("MainWindow", "User &guide"), w.show_guide, QKeySequence.StandardKey.HelpContents
    )
    w.about_action = act("aboutAction", translate("MainWindow", "&About Reply Ledger"), w.show_about)
    w.due_reminders_action = act(
        "dueRemindersAction", translate("MainWindow", "Due &reminders…"), w.show_due_reminders, "Ctrl+R"
    )
    w.timeline_action = act(
        "timelineAction",
        translate("MainWindow", "&Timeline of the selected proposal"),
        w.show_timeline_of_selection,
        "Ctrl+T",
    )
    w.contacts_action = act(
        "contactsAction", translate("MainWindow", "&Contacts with proposers…"), w.show_contacts, "Ctrl+Shift+M"
    )
    w.publication_check_action = act(
        "publicationCheckAction", translate("MainWindow", "&Publication check…"), w.show_publication_check
    )
    w.publication_check_action.setToolTip(
        translate(
            "MainWindow", "Find the personal data in the selected reply's text and save a redacted copy to publish"
        )
    )

    menu_bar = w.menuBar()
    file_menu = menu_bar.addMenu(translate("MainWindow", "&File"))
    file_menu.setObjectName("fileMenu")
    new_menu = file_menu.addMenu(translate("MainWindow", "New record"))
    new_menu.setObjectName("newMenu")
    new_menu.addActions(list(w.new_actions.values()))
    for action in (
        w.new_action,
        w.save_action,
        w.close_form_action,
        None,
        w.new_ledger_action,
        w.open_ledger_action,
        w.office_server.connect_action,
        w.save_copy_action,
        w.open_demo_action,
        None,
        *w.safety.actions(),  # back up now, restore from a backup
        None,
        w.import_action,
        w.review_again_action,
        w.import_ledger_action,
        w.export_action,
        w.publication_check_action,
        None,
        w.print_dossier_action,
        w.dossier_pdf_action,
        None,
        w.quit_action,
    ):
        file_menu.addSeparator() if action is None else file_menu.addAction(action)
    w.file_menu = file_menu
    edit_menu = menu_bar.addMenu(translate("MainWindow", "&Edit"))
    edit_menu.setObjectName("editMenu")
    for action in (w.undo_action, w.redo_action, None, w.copy_rows_action, w.paste_rows_action, None, w.find_action):
        edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
    w.bulk_menu = QMenu(translate("MainWindow", "Change selected &rows"), w)
    w.bulk_menu.setObjectName("bulkMenu")
    w.bulk_menu.aboutToShow.connect(lambda: w.fill_bulk_menu(w.bulk_menu))
    edit_menu.addMenu(w.bulk_menu)
    edit_menu.addAction(w.delete_action)
    view_menu = menu_bar.addMenu(translate("MainWindow", "&View"))
    w.page_actions = {}
    for number, (kind, title) in enumerate(page_titles.items(), start=1):
        action = act(f"show{kind.capitalize()}Action", title, lambda kind=kind: w.show_page(kind), f"Ctrl+{number}")
        w.page_actions[kind] = action
        view_menu.addAction(action)
    view_menu.addSeparator()
    view_menu.addAction(w.due_reminders_action)
    view_menu.addAction(w.timeline_action)
    view_menu.addAction(w.contacts_action)
    view_menu.addSeparator()
    view_menu.addAction(w.reload_action)
    help_menu = menu_bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(w.guide_action)
    help_menu.addAction(w.about_action)

    toolbar = QToolBar(translate("MainWindow", "Main toolbar"), w)
    toolbar.setObjectName("mainToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for action in (w.new_action, w.save_action, w.undo_action, w.redo_action):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(w.import_action)
    toolbar.addAction(w.export_action)
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(translate("MainWindow", "Judged as of "), w))
    w.as_of_edit = QDateEdit(w)
    w.as_of_edit.setObjectName("asOfEdit")
    w.as_of_edit.setCalendarPopup(True)
    w.as_of_edit.setKeyboardTracking(False)  # judge once the date is typed, not at every digit
    w.as_of_edit.setDisplayFormat("yyyy-MM-dd")
    # A click selects the whole date, so that typed digits replace it instead of landing in one section.
    w.as_of_edit.setCurrentSectionIndex(0)
    w.as_of_edit.lineEdit().installEventFilter(w)
    today = w.initial_as_of()
    w.as_of_edit.setDate(QDate(today.year, today.month, today.day))
    w.as_of_edit.setToolTip(translate("MainWindow", "States say what was known on this day"))
    w.as_of_edit.dateChanged.connect(w._on_as_of_edit_date_changed)
    toolbar.addWidget(w.as_of_edit)
    w.addToolBar(toolbar)
