"""Cycles are collected on the GUI thread, never on a worker that happens to allocate (a
closed window destroyed on a worker crashes Qt)."""

from __future__ import annotations

import gc
import threading
import weakref

from app.ui.collector import collect_on_gui_thread


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_garbage_cycles_die_on_the_gui_thread(qtbot, qapp):
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector and not gc.isenabled()
    freed_on: list[str] = []
    cycle = Cycle()
    weakref.finalize(cycle, lambda: freed_on.append(threading.current_thread().name))
    del cycle

    def allocate() -> None:  # far past every threshold: CPython would collect here
        junk = [Cycle() for _ in range(50_000)]
        del junk

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert freed_on == []
    qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)
    assert freed_on == ["MainThread"]
