"""Expected problems carry a stable code and the facts; the UI maps codes to translated sentences."""

from __future__ import annotations

from typing import Any


class LedgerError(Exception):
    """An expected problem the user can fix (bad input, unreadable file, database too new...).

    ``message`` is one English sentence naming the file, row or field and what to do. ``code`` is stable and
    ``facts`` holds the values the sentence was built from, so the UI can word it in the user's language.
    """

    code = "ledger_error"

    def __init__(self, message: str, *, code: str | None = None, **facts: Any) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.facts = facts

    def __str__(self) -> str:
        return self.message


class ValidationError(LedgerError):
    """A field value that cannot be accepted; ``field`` names it."""

    code = "invalid_value"

    def __init__(self, field: str, message: str, *, code: str | None = None, **facts: Any) -> None:
        super().__init__(message, code=code, field=field, **facts)
        self.field = field


class RecordErrors(LedgerError):
    """Several validation problems of one record, one sentence each."""

    code = "invalid_record"

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(" ".join(p.message for p in problems), problems=problems)
        self.problems = problems


class Cancelled(Exception):
    """Raised by long core operations when their ``is_cancelled()`` check says so."""



def printable(text: str) -> str:
    """Text safe to print on one line and to store as a name: control and format characters (newline, carriage
    return, escape, right-to-left override, line separators) become visible escapes such as ``\\n``, ``\\x1b``."""
    import unicodedata

    out = []
    for char in text:
        if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp"):
            out.append(char)
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)
