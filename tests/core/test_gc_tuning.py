"""Pausing automatic garbage collection around bulk reads: nested, across threads, and back as it was."""

from __future__ import annotations

import gc
import threading

from desktop.core.gc_tuning import collection_paused


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
