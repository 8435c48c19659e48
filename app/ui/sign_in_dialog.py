"""Signing in: the marketplace's address, the user name, the password and "remember me".

The sign-in runs in the background while the dialog shows that it is busy; a wrong
password, an unreachable server, an untrusted certificate and a locked account each come
back as one sentence in the dialog (messages.py), never a traceback.
With "remember me" the session is kept in the OS keyring (never on disk); where this
computer has none the dialog says so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout,
    QWidget,
)

from app.account import Session
from app.ui import operations
from app.ui.icons import icon
from app.ui.messages import error_text
from app.ui.tasks import TaskManager
from app.workspace import Workspace
from app.ui.widgets import Retranslating, problem_label


class SignInDialog(Retranslating, QDialog):
    signed_in = Signal(object)  # the Session

    def __init__(self, workspace: Workspace, tasks: TaskManager, *, server_url: str = "", username: str = "",
                 password: str = "", username_fixed: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowIcon(icon("gemdesk"))
        self.workspace = workspace
        self.tasks = tasks
        self.session: Session | None = None
        settings = workspace.settings
        locked_server = workspace.policy.locked_value("server_url")  # set for this computer by IT
        self.server = QLineEdit(locked_server or server_url or settings.connection.server_url, self, objectName="serverUrl")
        self.server.setReadOnly(bool(locked_server))
        self.username = QLineEdit(username or settings.username, self, objectName="username")
        self.username.setReadOnly(username_fixed)
        self.password = QLineEdit(password, self, objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self, objectName="rememberMe")
        self.remember.setChecked(workspace.secrets.available)
        self.remember.setEnabled(workspace.secrets.available)
        self.heading = QLabel(self, objectName="signInHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.problem = problem_label(self, "signInProblem")
        self.keyring_note = QLabel(self, objectName="keyringNote", wordWrap=True)
        self.keyring_note.setVisible(not workspace.secrets.available)
        self.busy = QProgressBar(self, objectName="signInBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()

        self.form = QFormLayout()
        self.server_label, self.username_label, self.password_label = QLabel(self), QLabel(self), QLabel(self)
        for label, field in ((self.server_label, self.server), (self.username_label, self.username),
                             (self.password_label, self.password)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow(self.remember)
        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = QPushButton(self, objectName="signInButton")
        self.sign_in_button.setDefault(True)
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button.clicked.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.problem)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        first_empty = next((f for f in (self.server, self.username, self.password) if not f.text()), self.password)
        first_empty.setFocus()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to GeM Desk"))
        self.heading.setText(self.tr("Sign in to the Government e-Marketplace"))
        self.server_label.setText(self.tr("Server address"))
        self.username_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.server.setPlaceholderText("https://gem.example.gov.in")
        self.remember.setText(self.tr("Remember me on this computer"))
        self.keyring_note.setText(self.tr(
            "This computer has no secure password store (keyring), so GeM Desk will not remember your sign-in: "
            "you will be asked for your password each time it starts."))
        self.sign_in_button.setText(self.tr("Sign in"))

    # -- signing in ---------------------------------------------------------------------------------

    def problem_with_input(self) -> str | None:
        server = self.server.text().strip()
        if not server:
            return self.tr("Enter the server address, for example https://gem.example.gov.in")
        if not server.startswith(("http://", "https://")):
            return self.tr("The server address must start with https:// (or http:// for a test server).")
        if not self.username.text().strip():
            return self.tr("Enter your user name.")
        if not self.password.text() and not self.workspace.secrets.load(server.rstrip("/"), self.username.text().strip()):
            return self.tr("Enter your password.")
        return None

    def attempt(self) -> None:
        problem = self.problem_with_input()
        if problem:
            self._show_problem(problem)
            return
        self._busy(True)
        operations.sign_in(self.tasks, self.workspace, self.server.text().strip(), self.username.text().strip(),
                           self.password.text() or None, self.remember.isChecked(), self._succeeded, self._failed)

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.problem.setVisible(False if busy else self.problem.isVisible())
        for widget in (self.server, self.username, self.password, self.remember, self.sign_in_button):
            widget.setEnabled(not busy)
        self.remember.setEnabled(not busy and self.workspace.secrets.available)

    def _succeeded(self, session: Session) -> None:
        self._busy(False)
        self.session = session
        self.password.clear()
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self._show_problem(error_text(error, self.server.text().strip()))
        self.password.setFocus()
        self.password.selectAll()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
