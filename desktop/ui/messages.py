"""Expected problems (core error codes) in the user's language: one tr() template per code.

Every code a :class:`~desktop.core.errors.LedgerError` raised in ``desktop/`` or ``db/`` can carry has a template
here, unless only the command line can meet it (:data:`CLI_ONLY_CODES`); ``tests/ui/test_messages.py`` scans the
source to keep it so. A template is filled with the facts the error carries (file, path, sheet, row, field,
value...); ``code:record`` and ``code:field`` templates word one kind of record's or one field's problem more
precisely. Several templates for one code are
tried in order, and the first whose facts are all known is used.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import LedgerError
from desktop.ui.labels import QT_TRANSLATE_NOOP

# Raised only by command-line subcommands (their arguments, their files), never in the app.
CLI_ONLY_CODES = frozenset({
    "file_exists", "restore_to_server",  # backup -o FILE, restore
    "transfer_same", "transfer_schema", "transfer_target_not_empty",  # migrate --from A --to B
    "anchor_missing", "anchor_unreadable",  # verify --anchor FILE
    "ids_missing",  # evidence accept|reject N...
    "demo_not_empty",  # demo --db FILE
    "state_invalid", "year_invalid",  # export --state / --year
    "contacts_rejected", "contacts_empty", "contacts_columns_missing", "contacts_encoding",  # contacts import
    "contacts_unreadable", "contacts_format",
    "reply_not_found", "reply_text_missing",  # redact --reply DOC_NUMBER
    "mapping_missing", "mapping_invalid", "mapping_unknown_field", "mapping_bad_header",  # import-ledger --mapping
})


# Source texts, translated when a message is made (in the language installed at that moment).
TEMPLATES: dict[str, str | tuple[str, ...]] = {
    # ------------------------------------------------------------------ the database
    "db_too_new":
        QT_TRANSLATE_NOOP("Messages", "The database '{path}' was written by a newer Reply Ledger; update the "
                                      "application."),
    "db_unreadable":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is not a Reply Ledger database; choose another file."),
    "db_missing":
        QT_TRANSLATE_NOOP("Messages", "The database '{path}' does not exist; check the path or create it."),
    "db_folder_missing":
        QT_TRANSLATE_NOOP("Messages", "The folder of the database '{path}' does not exist; create it or choose "
                                      "another file."),
    "duplicate":
        QT_TRANSLATE_NOOP("Messages", "This record already exists; open the existing one instead of adding it again."),
    "broken_link":
        QT_TRANSLATE_NOOP("Messages", "The record refers to a record that does not exist, or other records still "
                                      "refer to it; check the linked records."),
    "check_failed":
        QT_TRANSLATE_NOOP("Messages", "The field '{field}' has a value the ledger does not accept; correct it."),
    "integrity":
        QT_TRANSLATE_NOOP("Messages", "The database refused to save the record; check its values and save again."),
    "not_found":
        QT_TRANSLATE_NOOP("Messages", "This record no longer exists; it may have been deleted. Reload the list."),
    "db_empty":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is empty (0 bytes); it is not a Reply Ledger database."),
    "db_is_folder":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is a folder, not a database file; choose the ledger's file."),
    "db_not_ledger":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is a SQLite file but not a Reply Ledger database."),
    "db_read_only":
        QT_TRANSLATE_NOOP("Messages", "The database '{path}' is read-only; make it writable or copy it to a folder "
                                      "you can write to."),
    "db_folder_read_only":
        QT_TRANSLATE_NOOP("Messages", "The folder of the database '{path}' is read-only; copy the file to a folder "
                                      "you can write to, or ask for write access."),
    "db_cannot_open":
        QT_TRANSLATE_NOOP("Messages", "The database '{path}' cannot be opened (its folder may be read-only, full or "
                                      "gone); check the folder and try again."),
    "db_busy":
        QT_TRANSLATE_NOOP("Messages", "The ledger '{path}' is busy: another program has been writing to it for "
                                      "{seconds} seconds; try again when it has finished."),
    "disk_full":
        QT_TRANSLATE_NOOP("Messages", "The disk holding '{path}' is full, so this change was not saved; free some "
                                      "space and try again."),
    "disk_io":
        QT_TRANSLATE_NOOP("Messages", "Reading or writing '{path}' failed (the disk may be full or failing); nothing "
                                      "was saved. Check the disk and try again."),
    "read_only_file_system":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is on a read-only disk; choose a place you can write to."),
    "permission_denied":
        QT_TRANSLATE_NOOP("Messages", "'{path}' cannot be written or read (permission denied); choose a file and "
                                      "folder you may use."),
    "conflict":
        QT_TRANSLATE_NOOP("Messages", "This record was saved by {actor} at {at} after you opened it; reload it to "
                                      "see that change, then make your edit again."),
    "search_too_long":
        QT_TRANSLATE_NOOP("Messages", "The search has {terms} different words; search with at most {limit}."),
    # ------------------------------------------------------------------ backup and restore
    "backup_folder_missing":
        QT_TRANSLATE_NOOP("Messages", "The folder of the backup '{path}' does not exist; choose another place."),
    "backup_target_is_folder":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is a folder; give the backup a file name."),
    "backup_write_failed":
        QT_TRANSLATE_NOOP("Messages", "The backup '{path}' could not be written; nothing was written. Check the "
                                      "disk and the folder."),
    "backup_check_failed":
        QT_TRANSLATE_NOOP("Messages", "The backup written to '{path}' failed its check; nothing was kept. Check the "
                                      "disk and try again."),
    "backup_incomplete":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is damaged or half-written; choose a complete backup."),
    "backup_foreign":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is not a backup of a Reply Ledger database; choose another file."),
    "restore_same_file":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is the ledger itself; choose a backup file."),
    "restore_refused":
        QT_TRANSLATE_NOOP("Messages", "Not restoring '{path}': {reasons}. Nothing was changed."),
    "restore_failed":
        QT_TRANSLATE_NOOP("Messages", "'{path}' could not be restored; the ledger is as it was."),
    "folder_missing":
        QT_TRANSLATE_NOOP("Messages", "The folder of '{path}' does not exist; create it or choose another file."),
    "file_unwritable":
        QT_TRANSLATE_NOOP("Messages", "'{path}' could not be written; check that the folder is writable and the file "
                                      "is not open elsewhere."),
    "redact_format":
        QT_TRANSLATE_NOOP("Messages", "'{path}' does not end in .txt or .docx; name the redacted copy with one of "
                                      "them."),
    # ------------------------------------------------------------------ the office's ledger server
    "server_password_needed":
        QT_TRANSLATE_NOOP("Messages", "The server of '{url}' asks for {user}'s password; enter it, or keep it in "
                                      "your PostgreSQL password file."),
    "server_login_failed":
        QT_TRANSLATE_NOOP("Messages", "The server of '{url}' did not accept the user name or password; check them "
                                      "with the ledger's administrator."),
    "server_database_missing":
        QT_TRANSLATE_NOOP("Messages", "The server has no database '{database}'; check the name, or ask the "
                                      "ledger's administrator to create it."),
    "server_access_denied":
        QT_TRANSLATE_NOOP("Messages", "The user {user} may not open the ledger '{url}'; ask the ledger's "
                                      "administrator for the clerk or auditor role."),
    "server_unreachable":
        QT_TRANSLATE_NOOP("Messages", "The ledger server of '{url}' cannot be reached ({reason}); check the address "
                                      "and the network, or ask the ledger's administrator."),
    "server_url_invalid":
        QT_TRANSLATE_NOOP("Messages", "The server address '{url}' is not valid; write it as "
                                      "postgresql://USER@HOST/DATABASE."),
    "server_database_unsuitable":
        QT_TRANSLATE_NOOP("Messages", "The database '{url}' cannot hold a searchable Chinese ledger (encoding "
                                      "{encoding}, character type {ctype}); ask the ledger's administrator to create "
                                      "it with server-init."),
    "transfer_failed":
        QT_TRANSLATE_NOOP("Messages", "A row of {table} could not be copied to '{target}'; nothing was kept."),
    "transfer_check_failed":
        QT_TRANSLATE_NOOP("Messages", "The copy of '{source}' to '{target}' failed its check ({problem}); nothing "
                                      "was kept."),
    "ledger_read_only":
        QT_TRANSLATE_NOOP("Messages", "You may read the ledger '{path}' but not change it; ask the ledger's "
                                      "administrator for the clerk role to make changes."),
    "server_schema_old":
        QT_TRANSLATE_NOOP("Messages", "The ledger '{url}' was made by an older Reply Ledger; ask the ledger's "
                                      "administrator to run server-init once to bring it up to date."),
    "letter_text_missing":
        QT_TRANSLATE_NOOP("Messages", "The reply {doc_number} has no letter text to review; import its letter file "
                                      "instead."),
    # ------------------------------------------------------------------ values typed or read
    "doc_number_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a document number; write it like 常工信复〔2021〕第39号."),
    "doc_number_empty":
        QT_TRANSLATE_NOOP("Messages", "The document number is empty; write it like 常工信复〔2021〕第39号."),
    "date_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a date; write it as 2021-12-31."),
    "phone_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a phone number; write it like 0519-85681281 or 137-8903-2345."),
    "number_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a number; write digits such as 1.5 or 15000."),
    "required":
        QT_TRANSLATE_NOOP("Messages", "Required; fill it in."),
    "date_missing":
        QT_TRANSLATE_NOOP("Messages", "Required; write a date such as 2021-12-31."),
    "choice_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not one of the choices; pick one."),
    "comparator_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a comparator; use one of >=, >, =, <=, <, range or "
                                      "qualitative."),
    "date_order:assigned_date":
        QT_TRANSLATE_NOOP("Messages", "The assignment date is before the date received; check both dates."),
    "date_order:reply_due_date":
        QT_TRANSLATE_NOOP("Messages", "The reply deadline is before the assignment date; check both dates."),
    "extension_unapproved":
        QT_TRANSLATE_NOOP("Messages", "An extended deadline needs the approval it was granted by; record who "
                                      "approved it."),
    "value_missing:value":
        QT_TRANSLATE_NOOP("Messages", "A measurable target needs a value; enter a number or choose the comparator "
                                      "'qualitative'."),
    "value_missing:evidence":
        QT_TRANSLATE_NOOP("Messages", "Evidence needs a measured value, or a yes/no for a qualitative target; enter "
                                      "one."),
    "value_missing":
        QT_TRANSLATE_NOOP("Messages", "Enter a measured value, or a yes/no for a qualitative target."),
    "value_high_missing":
        QT_TRANSLATE_NOOP("Messages", "A range needs an upper value; enter it."),
    "range_order":
        QT_TRANSLATE_NOOP("Messages", "The upper value is below the lower value; swap them."),
    "offsets_invalid":
        QT_TRANSLATE_NOOP("Messages", "The quote's start and end offsets do not fit; select the quote again."),
    "hash_invalid":
        QT_TRANSLATE_NOOP("Messages", "The document's fingerprint (SHA-256) is not valid; import the file again."),
    "snooze_date_missing":
        QT_TRANSLATE_NOOP("Messages", "A snoozed reminder needs the date it wakes up; pick one."),
    "snooze_date_past": (
        QT_TRANSLATE_NOOP("Messages", "A reminder can only be snoozed until a day after today ({today}); pick a "
                                      "later date."),
        QT_TRANSLATE_NOOP("Messages", "A reminder can only be snoozed until a day after today; pick a later date."),
    ),
    "link_missing":
        QT_TRANSLATE_NOOP("Messages", "Required; choose one from the list."),
    "link_unknown":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not in the list; type part of it and choose one of the matches."),
    "flag_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a yes or no; write 是 or 否."),
    # ------------------------------------------------------------------ dossiers
    "proposal_not_found":
        QT_TRANSLATE_NOOP("Messages", "No proposal numbered '{number}' is in the ledger; check the number and the "
                                      "session."),
    "proposal_ambiguous":
        QT_TRANSLATE_NOOP("Messages", "Several proposals are numbered '{number}' (sessions: {sessions}); name the "
                                      "session too."),
    "pdf_folder_missing":
        QT_TRANSLATE_NOOP("Messages", "The folder of '{path}' does not exist; choose another place for the PDF."),
    "pdf_unwritable":
        QT_TRANSLATE_NOOP("Messages", "The PDF '{path}' could not be written; choose another place, or close it "
                                      "where it is open."),
    # ------------------------------------------------------------------ settings
    "setting_unknown":
        QT_TRANSLATE_NOOP("Messages", "'{field}' is not a setting of this version; check its spelling."),
    "setting_type":
        QT_TRANSLATE_NOOP("Messages", "The setting '{label}' needs a value of another kind; enter a whole number or "
                                      "text as its label says."),
    "setting_range": (
        QT_TRANSLATE_NOOP("Messages", "The setting '{label}' must be at least {minimum}."),
        QT_TRANSLATE_NOOP("Messages", "The setting '{label}' must be at most {maximum}."),
    ),
    "setting_value": (
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a result-class scheme; choose ABCD, ABC, 甲乙丙 or custom."),
        QT_TRANSLATE_NOOP("Messages", "Each result class needs its own code."),
    ),
    # ------------------------------------------------------------------ letter and document files
    "file_too_large":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is larger than 64 MB; import the letter itself, not an archive."),
    "file_missing":
        QT_TRANSLATE_NOOP("Messages", "'{file}' does not exist; check the file name."),
    "file_is_folder":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is a folder; choose the letter files inside it."),
    "file_unreadable":
        QT_TRANSLATE_NOOP("Messages", "'{file}' cannot be read; check that it is not locked or moved."),
    "file_empty":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is empty; choose the file that holds the letter text."),
    "format_unsupported":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is not a format the ledger reads; save it as .docx, .pdf or .txt and "
                                      "import that."),
    "encoding_unknown":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is not text in a known encoding (UTF-8 or GBK); open it and save it "
                                      "as UTF-8 text."),
    "docx_corrupt":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is not a readable Word .docx file (it may be damaged or another "
                                      "format); open it in Word or WPS and save it again as .docx."),
    "pdf_encrypted":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is a password-protected PDF; save an unprotected copy and import "
                                      "that."),
    "pdf_corrupt":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is not a readable PDF (it may be damaged); open it and save or print "
                                      "it again as PDF."),
    "pdf_no_text":
        QT_TRANSLATE_NOOP("Messages", "'{file}' has no text layer (it is probably a scan); run OCR on it or import "
                                      "the letter as .docx or .txt."),
    # ------------------------------------------------------------------ the audit workbook
    "export_folder_missing":
        QT_TRANSLATE_NOOP("Messages", "The folder of '{path}' does not exist; create it or choose another place."),
    "export_target_is_folder":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is a folder; give a file name ending in .xlsx."),
    "export_not_xlsx":
        QT_TRANSLATE_NOOP("Messages", "'{path}' does not end in .xlsx; give the workbook an .xlsx name."),
    "export_target_locked":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is open or locked in another program (Excel, WPS or LibreOffice); "
                                      "close it and export again."),
    "export_folder_read_only":
        QT_TRANSLATE_NOOP("Messages", "The folder of '{path}' is read-only; choose a folder you can write to."),
    "export_write_failed":
        QT_TRANSLATE_NOOP("Messages", "The workbook '{path}' could not be written; check that the disk has room and "
                                      "the file is not open elsewhere, then export again."),
    # ------------------------------------------------------------------ moving in an Excel ledger
    "ledger_missing":
        QT_TRANSLATE_NOOP("Messages", "The ledger '{path}' does not exist; check the path."),
    "ledger_unreadable":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is not an Excel workbook that can be read; save it as .xlsx and try "
                                      "again."),
    "ledger_no_header":
        QT_TRANSLATE_NOOP("Messages", "No header row was found in sheet '{sheet}' of '{file}'; give the number of "
                                      "the row that names the columns (such as 建议编号 and 建议标题)."),
    "ledger_missing_column":
        QT_TRANSLATE_NOOP("Messages", "Sheet '{sheet}' of '{file}' has no column for {field}; choose the column that "
                                      "holds it."),
    "ledger_no_session":
        QT_TRANSLATE_NOOP("Messages", "'{file}' does not say which session its proposals belong to; enter the "
                                      "session, such as 常州市十六届人大五次会议, or choose the column 届次."),
    "ledger_no_sheet":
        QT_TRANSLATE_NOOP("Messages", "'{file}' has no sheet '{sheet}'; its sheets are {sheets}."),
    "session_missing":
        QT_TRANSLATE_NOOP("Messages", "The ledger does not say which session this proposal belongs to; enter the "
                                      "session or choose the column 届次."),
    "paste_proposal_missing":
        QT_TRANSLATE_NOOP("Messages", "No proposal {value} is in the ledger; add the proposal first, or correct its "
                                      "number or session."),
    "word_unknown":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a word the import knows for the column {column}; write one of "
                                      "{accepted}."),
    "number_too_large": (
        QT_TRANSLATE_NOOP("Messages", "'{value}' is too large for an amount; write the figure as it is."),
        QT_TRANSLATE_NOOP("Messages", "The field '{field}' holds a number too large to store; check the value."),
    ),
    "ledger_damaged":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is damaged and cannot be read; open it in Excel or WPS, save it again "
                                      "and import the saved copy."),
    "ledger_encrypted":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is protected by a password and cannot be read; open it in Excel or "
                                      "WPS, remove the password, save it and import the saved copy."),
    "ledger_too_large":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is too large to be a ledger: {found}, more than the limit of {limit}; "
                                      "split it into smaller workbooks."),
    "ledger_is_folder":
        QT_TRANSLATE_NOOP("Messages", "'{path}' is a folder, not a ledger file; choose the workbook itself."),
    "ledger_format":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is not a ledger file that can be read; save it as .xlsx, .xls, .ods "
                                      "or .csv."),
    "ledger_encoding":
        QT_TRANSLATE_NOOP("Messages", "'{file}' is neither UTF-8 nor GBK text; save it as CSV (UTF-8) and import "
                                      "that."),
    "ledger_session_years":
        QT_TRANSLATE_NOOP("Messages", "The sheets {sheets} of '{file}' are of different years but are all given the "
                                      "session '{session}'; give each sheet its own session."),
    "rating_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a rating; write 满意, 基本满意 or 不满意."),
    "result_class_invalid":
        QT_TRANSLATE_NOOP("Messages", "'{value}' is not a result class; write one of the office's classes, such as "
                                      "A, B or C."),
    "import_rejected":
        QT_TRANSLATE_NOOP("Messages", "{rows} row(s) of '{file}' cannot be imported, so nothing was imported; "
                                      "correct them in the workbook, or choose to skip them."),
    "import_reply_missing:建议":
        QT_TRANSLATE_NOOP("Messages", "The reply this row belongs to is not in the ledger or the workbook; add it "
                                      "first."),
    "import_reply_missing:rating":
        QT_TRANSLATE_NOOP("Messages", "A rating needs the reply it rates; fill in the reply's columns."),
    "import_reply_missing":
        QT_TRANSLATE_NOOP("Messages", "No reply '{value}' is in the ledger or the workbook; add the reply first."),
    "import_doc_number_taken":
        QT_TRANSLATE_NOOP("Messages", "The document number '{value}' already belongs to the reply to {other}; check "
                                      "the number."),
    "import_target_missing":
        QT_TRANSLATE_NOOP("Messages", "The target '{indicator}' of the commitment '{title}' is not in the ledger or "
                                      "the workbook; add it to the sheet 承诺与指标 first."),
    "import_subject_missing":
        QT_TRANSLATE_NOOP("Messages", "The reminder's subject '{value}' is not in the ledger or the workbook; fix "
                                      "the name or clear it."),
    "import_proposal_missing":
        QT_TRANSLATE_NOOP("Messages", "The proposal '{value}' is not in the sheet {sheet}; add it there or fix the "
                                      "name."),
    "import_reply_ref_missing":
        QT_TRANSLATE_NOOP("Messages", "The row names neither a reply document number nor a proposal; fill in one of "
                                      "them."),
    "import_target_ref_missing":
        QT_TRANSLATE_NOOP("Messages", "Evidence needs the commitment and indicator it measures; fill in 承诺事项 and "
                                      "指标."),
    "import_commitment_missing":
        QT_TRANSLATE_NOOP("Messages", "The row has progress or a deadline but no commitment (承诺事项) to attach it "
                                      "to; add the commitment or clear the cells."),
    "report_write_failed":
        QT_TRANSLATE_NOOP("Messages", "The report '{path}' could not be written; check that the folder is writable."),
    "text_too_long":
        QT_TRANSLATE_NOOP("Messages", "'{file}' holds {length} characters of text, more than the {limit} a letter "
                                      "or article may hold; import the letter itself, or split the document."),
    "docx_too_large":
        QT_TRANSLATE_NOOP("Messages", "'{file}' unpacks to far more than a letter holds; it is damaged or not a "
                                      "letter."),
    "pdf_too_many_pages":
        QT_TRANSLATE_NOOP("Messages", "'{file}' has {pages} pages, more than the {limit} a letter or article may "
                                      "have; import the letter itself."),
    # ------------------------------------------------------------------ evidence suggestions
    "suggestion_decided":
        QT_TRANSLATE_NOOP("Messages", "Evidence suggestion #{id} was decided already; only a pending suggestion can "
                                      "be accepted or rejected."),
    "suggestion_orphan":
        QT_TRANSLATE_NOOP("Messages", "The target of evidence suggestion #{id} was deleted; reject the suggestion."),
}


def message_for(code: str | None, facts: Mapping[str, Any], english: str) -> str:
    """The translated sentence of a problem with this code and these facts; ``english`` when none fits."""
    if not code:
        return english
    keys = [f"{code}:{facts[name]}" for name in ("record", "field") if facts.get(name)] + [code]
    found = next((TEMPLATES[key] for key in keys if key in TEMPLATES), None)
    if found is None:
        return english
    values = {key: value for key, value in facts.items() if isinstance(key, str)}
    for template in (found,) if isinstance(found, str) else found:
        try:
            return QCoreApplication.translate("Messages", template).format(**values)
        except (KeyError, IndexError):
            continue
    return english


def user_message(error: LedgerError) -> str:
    """The error as one translated sentence (a record's several problems, one sentence each)."""
    problems = error.facts.get("problems")
    if error.code == "invalid_record" and problems:
        return " ".join(user_message(problem) for problem in problems)
    return message_for(error.code, error.facts, error.message)


def problem_message(problem: Any) -> str:
    """A ledger import's row problem (:class:`desktop.core.ledger_import.RowProblem`) as one translated sentence."""
    return message_for(problem.code, problem.facts, problem.message)
