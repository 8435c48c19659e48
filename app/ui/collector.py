"""Python's cycle collector, run on the GUI thread only.

CPython collects cycles in whichever thread happens to allocate past the threshold. When that
is a worker (a sync, a search) and the garbage holds the last reference to a closed window or
dialog, Qt's destructors run on the worker, and Qt objects must die on the thread they live
on: the app crashes at random (the test suite did, a few dialogs after one was closed).

So automatic collection is off for the app's life, and a timer on the GUI thread collects
instead, with CPython's own thresholds deciding which generation. Reference counting still
frees everything that is not in a cycle at once, on any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_EVERY_MS = 100


class GuiThreadCollector(QObject):
    """Collects on a timer of the thread it is created on (create it on the GUI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(CHECK_EVERY_MS)

    @staticmethod
    def check() -> int:
        """Collect the oldest generation past its threshold, as CPython would; returns the
        generation collected, or -1."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for candidate in range(3):
            if counts[candidate] > thresholds[candidate]:
                generation = candidate
        if generation >= 0:
            gc.collect(generation)
        return generation


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The app's one collector (a second call returns the first)."""
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
