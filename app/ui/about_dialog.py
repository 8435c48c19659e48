"""About GeM Desk (Help menu): the version and build, the marketplace it talks to and whether
it answers, a newer release if the marketplace announces one (IT installs it: the app never
updates itself), and "Copy diagnostics" for a support call.

The diagnostics (app/diagnostics.py) go to the clipboard as plain text, never with a token
or a password; the same copy is the Help menu's "Copy diagnostics".
"""

from __future__ import annotations

from typing import Callable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app import __version__
from app.build_info import build, build_label
from app.diagnostics import Reachability
from app.ui import operations
from app.ui.icons import icon
from app.ui.tasks import TaskManager
from app.ui.widgets import Retranslating
from app.workspace import Workspace


def toolkit() -> dict[str, str]:
    """What the windows add to the diagnostics: Qt's versions, platform and style."""
    app = QApplication.instance()
    style = app.style().name() if isinstance(app, QApplication) else "?"
    platform = app.platformName() if app else "?"
    return {"Qt": f"{qVersion()} (PySide6 {pyside_version}), platform {platform}, style {style}"}


def copy_diagnostics(tasks: TaskManager, workspace: Workspace, on_copied: Callable[[str], None]) -> None:
    """Put the support diagnostics on the clipboard; `on_copied(text)` when they are there."""
    def copied(text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        on_copied(text)

    operations.support_diagnostics(tasks, workspace, toolkit(), copied)


class AboutDialog(Retranslating, QDialog):
    def __init__(self, workspace: Workspace, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowIcon(icon("gemdesk"))
        self.workspace = workspace
        self.tasks = tasks
        self.reachability: Reachability | None = None

        self.logo = QLabel(self)
        self.logo.setPixmap(icon("gemdesk").pixmap(64, 64))
        self.heading = QLabel(self, objectName="aboutHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.version = QLabel(self, objectName="aboutVersion")
        self.server = QLabel(self, objectName="aboutServer", wordWrap=True)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.newer = QLabel(self, objectName="aboutNewer", wordWrap=True)
        self.newer.setStyleSheet("background: #e8f0fe; border: 1px solid #1f5fa8; padding: 6px")
        self.newer.hide()
        self.copied = QLabel(self, objectName="aboutCopied", wordWrap=True)
        self.copied.setStyleSheet("color: #188038")
        self.copied.hide()
        self.copy_button = QPushButton(self, objectName="copyDiagnostics")
        self.copy_button.clicked.connect(self.copy)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        for label in (self.version, self.server):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for label in (self.version, self.server, self.newer, self.copied):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        operations.check_server(tasks, workspace, self._reached)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About GeM Desk"))
        self.heading.setText(self.tr("GeM Desk"))
        self.version.setText(self.tr("Version %1 (build %2)").replace("%1", __version__).replace("%2", build_label() if build() else self.tr("from source")))
        self.copy_button.setText(self.tr("Copy diagnostics"))
        self.copied.setText(self.tr("The diagnostics are on the clipboard: paste them into your message to support. "
                                    "They hold no password."))
        self._show_server()

    def _reached(self, reachability: Reachability) -> None:
        self.reachability = reachability
        self._show_server()

    def _show_server(self) -> None:
        address = self.workspace.settings.connection.server_url
        if not address:
            self.server.setText(self.tr("Server: not set yet."))
            return
        if self.reachability is None:
            state = self.tr("checking…")
        elif self.reachability.reachable:
            state = self.tr("the marketplace answers")
        else:
            state = self.tr("the marketplace cannot be reached")
        self.server.setText(self.tr("Server: %1 (%2)").replace("%1", address).replace("%2", state))
        newer = self.reachability.newer_version if self.reachability else None
        self.newer.setVisible(bool(newer))
        if newer:
            self.newer.setText(self.tr("A newer version of GeM Desk, %1, is available. Your IT department installs "
                                       "it; there is nothing for you to do.").replace("%1", newer))
        self.adjustSize()  # room for a line that appeared

    def copy(self) -> None:
        self.copy_button.setEnabled(False)

        def copied(_text: str) -> None:
            self.copy_button.setEnabled(True)
            self.copied.show()
            self.adjustSize()

        copy_diagnostics(self.tasks, self.workspace, copied)

