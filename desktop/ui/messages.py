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
    }


def user_message(error: LedgerError) -> str:
    """The error as one translated sentence; the English sentence when no template is known for its code."""
    template = _templates().get(error.code)
    if template is None:
        return error.message
    try:
        return template.format(**{key: value for key, value in error.facts.items() if isinstance(key, str)})
    except (KeyError, IndexError):
        return error.message
