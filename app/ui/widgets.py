"""Small pieces the windows share."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

PROBLEM_STYLE = "color:#b3261e"


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
