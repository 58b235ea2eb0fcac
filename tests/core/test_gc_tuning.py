"""Pausing automatic garbage collection around bulk reads: nested, across threads, and back as it was."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading
import weakref
from pathlib import Path

from desktop.core.gc_tuning import collect_at_rest, collection_paused


def test_collection_is_off_inside_and_back_after() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still needs it off
    assert gc.isenabled()


def test_collection_stays_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collection_comes_back_after_an_error() -> None:
    try:
        with collection_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_collection_comes_back_when_the_last_thread_leaves() -> None:
    inside, leave = threading.Event(), threading.Event()

    def work() -> None:
        with collection_paused():
            inside.set()
            leave.wait(10)

    worker = threading.Thread(target=work)
    worker.start()
    inside.wait(10)
    with collection_paused():
        pass
    assert not gc.isenabled()  # the worker is still inside
    leave.set()
    worker.join(10)
    assert gc.isenabled()


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_what_paused_work_leaves_is_frozen_and_its_cycles_collected_at_rest() -> None:
    with collection_paused():
        made = _cycle()
    assert made() is not None  # frozen with everything else alive at the end: no collection walks it
    assert gc.get_freeze_count() > 0
    with collection_paused():
        assert collect_at_rest(force=True) is None  # never while work is paused
    assert collect_at_rest(force=True) is not None
    assert made() is None
    assert gc.get_freeze_count() > 0  # the survivors are frozen again


def test_collecting_at_rest_waits_for_the_frozen_objects_to_grow() -> None:
    collect_at_rest(force=True)
    assert collect_at_rest() is None  # nothing new since
    with collection_paused():
        kept = [[n] for n in range(sys.getallocatedblocks())]  # more than a quarter more memory blocks
    assert collect_at_rest() is not None
    del kept
    collect_at_rest(force=True)  # the next test starts from the objects there are
    gc.unfreeze()


def test_the_first_look_at_rest_only_measures_and_a_later_growth_collects() -> None:
    """A fresh process: the first quiet moment after the window's start must not walk the whole judged ledger (a
    second at 100 000 targets); cycles frozen since are collected once the frozen objects grow by a quarter."""
    script = textwrap.dedent("""
        import sys, weakref
        from desktop.core.gc_tuning import collect_at_rest, collection_paused

        class Node:
            pass

        with collection_paused():
            a, b = Node(), Node()
            a.other, b.other = b, a
            made = weakref.ref(a)
            del a, b
            ledger = [[n] for n in range(50_000)]
        assert collect_at_rest() is None and made() is not None, "the first look collected"
        assert collect_at_rest() is None, "collected without growth"
        with collection_paused():
            more = [[n] for n in range(sys.getallocatedblocks())]
        assert collect_at_rest() is not None and made() is None, "growth did not collect the frozen cycle"
        """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
