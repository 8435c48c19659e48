"""`gemdesk`: the desktop app's start, its windows' lifecycle, and its end.

Start-up: with a remembered session (refresh token in the OS keyring) and a cache that is
the user's, the main window opens at once on the cache while the session is resumed in the
background; if the marketplace cannot be reached it stays open offline and reconnects by
itself. Otherwise the sign-in dialog comes first. A password given in GEMDESK_PASSWORD (the
quick-start demo) signs in without asking.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.account import PasswordNeeded
from app.api import Offline, SessionExpired
from app.config import ClientSettings, data_dir, has_screen, log_dir
from app.credentials import SecretStore
from app.machine_config import read_machine_policy
from app.storage import CacheDamaged, OutboxDamaged, StorageProblem
from app.ui import operations
from app.ui.collector import collect_on_gui_thread
from app.ui.crash import CrashHandler, setup_logging
from app.ui.formats import set_rupee_sign
from app.ui.i18n import load_fonts, set_language
from app.ui.icons import icon
from app.ui.main_window import MainWindow
from app.ui.messages import error_text, recovery_text
from app.ui.settings_dialog import SettingsDialog
from app.ui.sign_in_dialog import SignInDialog
from app.ui.sync_controller import SyncController
from app.ui.tasks import TaskManager
from app.ui.widgets import retire
from app.workspace import Workspace

log = logging.getLogger(__name__)


def freeze_startup_objects() -> None:
    """Exempt what exists once the window is up (Qt's wrappers, the modules, the app's own
    objects: about 90,000) from Python's full garbage collections. A sync makes tens of
    thousands of objects a page, which triggers full collections; walking everything each
    time held the GIL for 100-200 ms and froze the window (bench/ui_catalogue.py). No
    collection first: that alone would hold up the first rows; what little start-up garbage
    is frozen with the rest stays for the app's life."""
    gc.freeze()


class GemDesk(QObject):
    """The running app: one workspace, one sync controller, the windows in turn."""

    def __init__(self, app: QApplication, folder: Path, secrets: SecretStore | None = None,
                 crash_folder: Path | None = None) -> None:
        super().__init__()
        self.app = app
        collect_on_gui_thread(app)
        self.workspace = Workspace(folder, secrets)
        self.tasks = TaskManager(self)
        self.controller = SyncController(self.workspace, self)
        self.window: MainWindow | None = None
        self.dialog: SignInDialog | None = None
        self._messages: list[QMessageBox] = []  # warnings open now
        self._frozen = False
        self.language = set_language(app, self.workspace.settings.language)
        self.rupee_sign = self.workspace.settings.rupee_sign
        set_rupee_sign(self.rupee_sign, app.font())
        self.crash = CrashHandler(crash_folder or log_dir(), self._show_crash, self._known_problem)
        self.crash.install()
        self.controller.outbox_recovered.connect(self._tell_recovery)

    # -- start ---------------------------------------------------------------------------------------

    def start(self, server_url: str = "", username: str = "", password: str = "") -> None:
        settings = self.workspace.settings
        same_user = (not server_url or server_url.rstrip("/") == settings.connection.server_url) and \
            (not username or username == settings.username)
        if same_user and not password and self.workspace.has_remembered_session() and self.workspace.remembered_user():
            self.open_main_window()
            operations.resume_session(self.tasks, self.workspace, lambda _session: self.controller.signed_in(),
                                      self._resume_failed)
            return
        self.ask_sign_in(server_url=server_url, username=username, password=password)

    def _resume_failed(self, error: BaseException) -> None:
        if isinstance(error, Offline):
            log.info("starting offline: %s", error)
            self.controller.went_offline()
        elif isinstance(error, (SessionExpired, PasswordNeeded)):
            self.controller.session_ended()
            self.ask_sign_in(again=True)
        else:
            self.controller.went_offline()
            self.crash.handle(type(error), error, error.__traceback__)

    # -- windows ----------------------------------------------------------------------------------------

    def ask_sign_in(self, *, server_url: str = "", username: str = "", password: str = "", again: bool = False) -> None:
        """The sign-in dialog; `again` when the session ended under an open main window."""
        user = self.workspace.user or {}
        self._retire_dialog()
        self.dialog = SignInDialog(self.workspace, self.tasks, server_url=server_url,
                                   username=username or (user.get("username", "") if again else ""),
                                   password=password, username_fixed=again and bool(user), parent=self.window)
        self.dialog.signed_in.connect(self._signed_in)
        self.dialog.rejected.connect(self._sign_in_cancelled)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.show()
        if password:
            self.dialog.attempt()

    def _retire_dialog(self) -> None:
        if self.dialog is not None:
            retire(self.dialog)
            self.dialog = None

    def _signed_in(self, _session) -> None:
        self._retire_dialog()
        if self.window is None or self.window.user.get("id") != (self.workspace.user or {}).get("id"):
            self.open_main_window()
        self.controller.signed_in()

    def _sign_in_cancelled(self) -> None:
        self._retire_dialog()
        if self.window is None:
            self.app.quit()

    def open_main_window(self) -> None:
        self._retire_window()
        self.window = MainWindow(self.workspace, self.tasks, self.controller)
        self.window.settings_requested.connect(self.open_settings)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.sign_in_requested.connect(lambda: self.ask_sign_in(again=True))
        self.window.closing.connect(self._window_closing)
        self.window.restore_layout(self.workspace.window_layout(self.window.user.get("username", "")))
        self.window.show()
        log.info("main window open")  # packaging/measure.py times the start-up by this line
        report = self.workspace.outbox.recovery()
        if report is not None:  # recovered at start (or by `gemdesk sync`): the user is told once
            self._tell_recovery(report)
        if not self._frozen:
            freeze_startup_objects()
            self._frozen = True

    def _remember_layout(self) -> None:
        if self.window is not None and self.window.user.get("username"):
            self.workspace.remember_window_layout(self.window.user["username"], self.window.current_layout())

    def _retire_window(self) -> None:
        if self.window is not None:
            self._remember_layout()
            retire(self.window)
            self.window = None

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.workspace.settings, str(self.workspace.folder), self.window, self.workspace.policy)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.result_settings))
        dialog.open()

    def apply_settings(self, settings) -> None:
        self.workspace.save_settings(settings)
        sign_changed = settings.rupee_sign != self.rupee_sign
        self.rupee_sign = settings.rupee_sign
        set_rupee_sign(settings.rupee_sign, self.app.font())  # both orders of families hold the same fonts
        if settings.language != self.language or sign_changed:
            # Installing the translators again tells every window to word itself again (and
            # so to show its amounts with the sign chosen).
            self.language = set_language(self.app, settings.language)
        self.controller.set_interval(settings.sync_interval_minutes)

    def sign_out(self) -> None:
        self.controller.close()

        def signed_out(_result) -> None:
            self._retire_window()
            self.controller = SyncController(self.workspace, self)
            self.ask_sign_in()

        operations.sign_out(self.tasks, self.workspace, signed_out)

    # -- end --------------------------------------------------------------------------------------------

    def _window_closing(self) -> None:
        """The user closed the main window (the app ends): keep its layout, stop syncing."""
        self._remember_layout()
        self.controller.close()

    def shutdown(self) -> None:
        """The end of the app's life (or of a test's desk): windows gone, workers stopped."""
        self._retire_dialog()
        self._retire_window()
        self.controller.close()
        self.tasks.close()
        self.crash.uninstall()
        self.workspace.close()

    def _known_problem(self, error: BaseException) -> bool:
        """A failure that is not a bug: the disk or one of our files (from any thread). Say so
        in a sentence and repair what can be repaired: a damaged cache is refilled, a damaged
        outbox recovered."""
        if not isinstance(error, StorageProblem):
            return False

        def answer() -> None:
            if isinstance(error, CacheDamaged):
                self.controller.repair_cache()
            if isinstance(error, OutboxDamaged):
                operations.recover_outbox(self.tasks, self.workspace, self._tell_recovery)
            else:
                self._message("storageProblem", self.tr("GeM Desk cannot use its files"), error_text(error))

        self.tasks.on_main(answer)
        return True

    def _tell_recovery(self, report) -> None:
        self._message("outboxRecovered", self.tr("Your unsent changes were recovered"), recovery_text(report))
        operations.recovery_told(self.tasks, self.workspace)
        if self.window is not None:
            self.window.refresh_after_recovery()

    def _message(self, name: str, title: str, text: str) -> None:
        """A warning that does not wait for the user; the same one is not shown twice at once."""
        if any(box.text() == text for box in self._messages):
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        self._messages.append(box)
        box.finished.connect(lambda _result: self._messages.remove(box))
        box.open()

    def _show_crash(self, report_path: str) -> None:
        def show() -> None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Something went wrong"),
                              self.tr("GeM Desk hit an unexpected problem and carried on. Your work is safe. "
                                      "A report was saved for support:"), parent=self.window)
            box.setInformativeText(report_path)
            box.setObjectName("crashMessage")
            if report_path:  # the folder, for the clerk to attach the report to a message
                folder = QUrl.fromLocalFile(str(Path(report_path).parent))
                opener = box.addButton(self.tr("Open the folder"), QMessageBox.ButtonRole.ActionRole)
                opener.setObjectName("openReportFolder")
                opener.clicked.connect(lambda: QDesktopServices.openUrl(folder))
            box.addButton(QMessageBox.StandardButton.Ok)
            box.open()

        self.tasks.on_main(show)


def run(args: argparse.Namespace) -> int:
    if not has_screen():
        print("GeM Desk needs a desktop session to show its windows (no DISPLAY here). "
              "`gemdesk sync` works without one.", file=sys.stderr)
        return 1
    setup_logging(log_dir())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("GeM Desk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("GeM Desk")
    app.setWindowIcon(icon("gemdesk"))
    load_fonts()
    try:
        desk = GemDesk(app, data_dir(args.data_dir))
    except StorageProblem as problem:  # the data folder cannot be used: say why, and stop
        set_language(app, _language_of(data_dir(args.data_dir)))
        QMessageBox.critical(None, QCoreApplication.translate("GemDesk", "GeM Desk cannot start"), error_text(problem))
        return problem.exit_code
    desk.start(server_url=args.server or "", username=args.user or "", password=os.environ.get("GEMDESK_PASSWORD", ""))
    try:
        return app.exec()
    finally:
        desk.shutdown()


def _language_of(folder: Path) -> str:
    """The user's language, read without opening the cache or the outbox."""
    try:
        return ClientSettings.load(folder, read_machine_policy()).language
    except Exception:  # noqa: BLE001 - any doubt: English
        return "en"
