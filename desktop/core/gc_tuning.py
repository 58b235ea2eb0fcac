"""Keeping Python's cyclic garbage collector out of bulk reads.

Reading a whole ledger builds hundreds of thousands of small records that live until the reading is done. The
collector runs a pass every 700 new objects, and each time the survivors outnumber a quarter of the old ones it
walks every object of the process; while it does, it holds the GIL, so on a pool thread it also freezes the
window. The records refer to no cycles (reference counting frees them), so nothing is gained by those passes.
:func:`collection_paused` switches automatic collection off around such work; a counter makes it safe to nest and
to use from several threads at once (collection comes back when the last user leaves).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_users = 0
_was_enabled = False


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block (unless it was off already, it is on again after)."""
    global _users, _was_enabled
    with _lock:
        if _users == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0 and _was_enabled:
                gc.enable()
