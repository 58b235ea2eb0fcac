"""Pure-Python core of Reply Ledger: records, validation, extraction, status, reminders, Excel in and out.

Nothing under this package imports Qt or speaks SQL.
"""
