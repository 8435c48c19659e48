"""Small pieces the windows share."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

PROBLEM_STYLE = "color:#b3261e"

_retiring: set[QWidget] = set()


def retire(widget: QWidget) -> None:
    """Hide a window we are done with and delete it once Qt's event loop is back in charge.

    Dropping the last Python reference instead deletes it on the spot, under events Qt still
    has queued for it (the change of active window its hiding caused: a crash), or later on
    whatever thread the garbage collector happens to run."""
    widget.hide()
    _retiring.add(widget)
    widget.destroyed.connect(lambda: _retiring.discard(widget))
    widget.deleteLater()


class Retranslating:
    """A widget that sets its texts in `retranslate()` does so again when the language
    changes (Qt sends LanguageChange to every widget when a translator is installed)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def problem_label(parent: QWidget, object_name: str) -> QLabel:
    """A hidden red line for what is wrong with an input; shown beside it when needed."""
    label = QLabel(parent, objectName=object_name, wordWrap=True)
    label.setStyleSheet(PROBLEM_STYLE)
    label.hide()
    return label
