"""The collector pause used by the generator and the item analysis."""

from __future__ import annotations

import gc
import threading

import pytest

from quizapp.collector import collector_paused


def paused() -> bool:
    return gc.get_threshold()[0] == 0


def test_the_pause_ends_whatever_happens_and_leaves_the_enabled_flag_alone():
    before = gc.get_threshold()
    seen = []

    def failing_load():
        with collector_paused():
            seen.append(paused())
            gc.enable()  # what spaCy's msgpack reader does: the pause holds
            seen.append(paused())
            raise RuntimeError("a query failed")

    with pytest.raises(RuntimeError):
        failing_load()
    assert seen == [True, True]
    assert gc.get_threshold() == before
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # someone else's gc.disable() is theirs to end
    finally:
        gc.enable()


def test_pauses_nest_and_overlap_across_threads():
    before = gc.get_threshold()
    inner_done = threading.Event()
    outer_may_end = threading.Event()
    states = []

    def other_thread():
        with collector_paused():
            outer_may_end.set()
            inner_done.wait(5)
        states.append(("other ended", paused()))

    with collector_paused():
        with collector_paused():
            pass
        states.append(("nested ended", paused()))
        worker = threading.Thread(target=other_thread)
        worker.start()
        assert outer_may_end.wait(5)
    states.append(("first ended", paused()))  # the other thread's pause still runs
    inner_done.set()
    worker.join(5)
    assert states == [("nested ended", True), ("first ended", True), ("other ended", False)]
    assert gc.get_threshold() == before


def test_generation_runs_with_the_collector_paused_and_gives_it_back():
    from quizapp.generation import generate
    from quizapp.generation.types import DocumentInput, IngestError
    from tests.unit.generation._articles import clean

    before = gc.get_threshold()
    states = []
    text = "The Harbour Board built a new pier at Saltmarsh in 1882. The pier cost 40,000 pounds."
    generate([clean("pier.txt", text)], progress=lambda stage, fraction: states.append(paused()))
    assert len(states) >= 3
    assert all(states)
    assert gc.get_threshold() == before
    with pytest.raises(IngestError):
        generate([DocumentInput("empty.txt", b"", "txt")])
    assert gc.get_threshold() == before
