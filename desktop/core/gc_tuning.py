"""Keeping Python's cyclic garbage collector out of bulk work, and collecting what it left at a quiet moment.

Reading or judging a whole ledger builds hundreds of thousands of small records. The collector runs a pass every
700 new objects, and each time the survivors outnumber a quarter of the old ones it walks every object of the
process; while it does, it holds the interpreter lock, so on a pool thread it also freezes the window. The
records hold no cycles (reference counting frees them), so nothing is gained by those passes.

One mechanism for the whole process, whatever thread the work runs on:

- :func:`collection_paused` switches automatic collection off around such work. A counter makes it safe to
  nest and to use from several threads at once: collection comes back only when the last block of all threads
  ends, never while other work is still paused. The objects the work left alive (a judged ledger the window
  shows) are then frozen (``gc.freeze``, which costs nothing): otherwise the first collection after the work
  would walk them all at once, for hundreds of milliseconds at 100 000 targets. They are still freed by their
  reference counts as usual when they are dropped.
- :func:`collect_at_rest` frees what freezing keeps: cycles among the frozen objects (any that the paused work
  made). It unfreezes, collects everything and freezes the survivors again, only when no work is paused and once
  the memory blocks the interpreter holds have grown by a quarter since it last looked (the share at which
  CPython starts its own full collections). Garbage kept frozen is therefore bounded by a quarter of what the
  process holds, and the walk (a second at 100 000 targets) is not paid after every reading of the ledger, which
  mostly replaces the objects of the previous one. The first call only takes that measure. The blocks are
  counted by ``sys.getallocatedblocks`` (under a millisecond), not ``gc.get_freeze_count`` (which walks every
  frozen object: 50 ms at 100 000 targets). The window calls it when its background work has been quiet for a
  while; a command ends before it matters.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# A collection at rest once the interpreter's memory blocks have grown by this share since the last measure
# (CPython's threshold for its own full collections: long-lived objects pending over a quarter of the total).
GROWTH_BEFORE_COLLECTING = 0.25

# Re-entrant: a finalizer run by the collection in collect_at_rest may pause collection itself.
_lock = threading.RLock()
_users = 0
_was_enabled = False
_blocks_when_measured: int | None = None


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block (unless it was off already, it is on again when the last
    block of all threads has ended; what the work left alive is frozen then)."""
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
            if _users == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


def collection_is_paused() -> bool:
    """Whether some work, on any thread, is inside :func:`collection_paused`."""
    with _lock:
        return _users > 0


def collect_at_rest(*, force: bool = False) -> int | None:
    """Collect the cycles among frozen objects, then freeze the survivors again; None when it was not done.

    It is not done while any work is paused, nor (unless ``force``) on the first call, which only measures the
    interpreter's memory blocks, or before they have grown by :data:`GROWTH_BEFORE_COLLECTING` since the last
    measure. The collection walks every object of the process while holding the interpreter lock: call it when
    nothing waits for an answer. Returns how many unreachable objects were found.
    """
    global _blocks_when_measured
    with _lock:
        if _users > 0:
            return None
        blocks = sys.getallocatedblocks()
        if not force and (_blocks_when_measured is None
                          or blocks <= _blocks_when_measured * (1 + GROWTH_BEFORE_COLLECTING)):
            if _blocks_when_measured is None:
                _blocks_when_measured = blocks
            return None
        gc.unfreeze()
        found = gc.collect()
        gc.freeze()
        _blocks_when_measured = sys.getallocatedblocks()
    return found
