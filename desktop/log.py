"""Logging to a rotating file in the data folder; no prints outside command-line output."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop import paths

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: int = logging.INFO) -> Path:
    """Send log records to ``<data folder>/logs/reply-ledger.log`` (1 MB × 5 files); returns the path."""
    path = paths.log_path()
    root = logging.getLogger()
    if not any(getattr(h, "_reply_ledger", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._reply_ledger = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path
