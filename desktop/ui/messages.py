"""Expected problems (core error codes) in the user's language: one tr() template per code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import LedgerError


def _templates() -> dict[str, str]:
    # Built on each call so that the strings are translated in the language installed at that moment.
    return {
        "db_too_new": QCoreApplication.translate(
            "Messages", "The database '{path}' was written by a newer Reply Ledger; update the application."
        ),
        "db_unreadable": QCoreApplication.translate(
            "Messages", "'{path}' is not a Reply Ledger database; choose another file."
        ),
        "db_missing": QCoreApplication.translate(
            "Messages", "The database '{path}' does not exist; check the path or create it."
        ),
        "db_folder_missing": QCoreApplication.translate(
            "Messages", "The folder of the database '{path}' does not exist; create it or choose another file."
        ),
        "doc_number_invalid": QCoreApplication.translate(
            "Messages", "'{value}' is not a document number; write it like 常工信复〔2021〕第39号."
        ),
        "doc_number_empty": QCoreApplication.translate(
            "Messages", "The document number is empty; write it like 常工信复〔2021〕第39号."
        ),
        "date_invalid": QCoreApplication.translate("Messages", "'{value}' is not a date; write it as 2021-12-31."),
        "phone_invalid": QCoreApplication.translate(
            "Messages", "'{value}' is not a phone number; write it like 0519-85681281 or 137-8903-2345."
        ),
        "number_invalid": QCoreApplication.translate(
            "Messages", "'{value}' is not a number; write digits such as 1.5 or 15000."
        ),
        "duplicate": QCoreApplication.translate(
            "Messages", "This record already exists; open the existing one instead of adding it again."
        ),
        "required": QCoreApplication.translate("Messages", "Required; fill it in."),
        "date_missing": QCoreApplication.translate("Messages", "Required; write a date such as 2021-12-31."),
        "choice_invalid": QCoreApplication.translate("Messages", "'{value}' is not one of the choices; pick one."),
        "comparator_invalid": QCoreApplication.translate(
            "Messages", "'{value}' is not a comparator; use one of >=, >, =, <=, <, range or qualitative."
        ),
        "date_order:assigned_date": QCoreApplication.translate(
            "Messages", "The assignment date is before the date received; check both dates."
        ),
        "date_order:reply_due_date": QCoreApplication.translate(
            "Messages", "The reply deadline is before the assignment date; check both dates."
        ),
        "extension_unapproved": QCoreApplication.translate(
            "Messages", "An extended deadline needs the approval it was granted by; record who approved it."
        ),
        "value_missing:value": QCoreApplication.translate(
            "Messages", "A measurable target needs a value; enter a number or choose the comparator 'qualitative'."
        ),
        "value_missing": QCoreApplication.translate(
            "Messages", "Enter a measured value, or a yes/no for a qualitative target."
        ),
        "value_high_missing": QCoreApplication.translate("Messages", "A range needs an upper value; enter it."),
        "range_order": QCoreApplication.translate("Messages", "The upper value is below the lower value; swap them."),
        "offsets_invalid": QCoreApplication.translate(
            "Messages", "The quote's start and end offsets do not fit; select the quote again."
        ),
        "snooze_date_missing": QCoreApplication.translate(
            "Messages", "A snoozed reminder needs the date it wakes up; pick one."
        ),
        "link_missing": QCoreApplication.translate("Messages", "Required; choose one from the list."),
        "link_unknown": QCoreApplication.translate(
            "Messages", "'{value}' is not in the list; type part of it and choose one of the matches."
        ),
        "not_found": QCoreApplication.translate(
            "Messages", "This record no longer exists; it may have been deleted. Reload the list."
        ),
        "broken_link": QCoreApplication.translate(
            "Messages", "The record refers to a record that does not exist, or other records still refer to it; "
            "check the linked records."
        ),
    }


def user_message(error: LedgerError) -> str:
    """The error as one translated sentence; the English sentence when no template is known for its code."""
    templates = _templates()
    field = error.facts.get("field")
    template = templates.get(f"{error.code}:{field}") if field else None
    template = template or templates.get(error.code)
    if template is None:
        return error.message
    try:
        return template.format(**{key: value for key, value in error.facts.items() if isinstance(key, str)})
    except (KeyError, IndexError):
        return error.message
