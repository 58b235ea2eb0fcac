"""Reply Ledger (答复承诺台账): proposals, reply letters, the promises in them, and their follow-up."""

__version__ = "0.1.0"
APP_NAME = "reply-ledger"
APP_TITLE = "Reply Ledger"
