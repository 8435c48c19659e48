"""What a clerk and the support desk use when something is wrong: the About dialog (version,
build, server, a newer release the marketplace announces), "Copy diagnostics" (what is on
the clipboard, and what never is), and the crash message's offer to open the report's folder.
The marketplace here announces 9.0.0 as the release to deploy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from app import __version__
from app.ui.about_dialog import AboutDialog
from tests.ui.conftest import signed_in

ANNOUNCED = "9.0.0"


@pytest.fixture
def server_env(server_env):
    return {**server_env, "GEMDESK_SERVER_LATEST_CLIENT_VERSION": ANNOUNCED}


class OpenedUrls(QObject):
    """Qt's own hook for opening file: URLs (QDesktopServices.setUrlHandler): what the file
    manager would have been asked to show."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_urls():
    opened = OpenedUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")
    yield opened
    QDesktopServices.unsetUrlHandler("file")


def test_the_about_dialog_shows_version_build_server_and_a_newer_release(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.version.text() == f"Version {__version__} (build from source)"
    qtbot.waitUntil(lambda: "answers" in dialog.server.text(), timeout=10_000)
    assert dialog.server.text() == f"Server: {server.url} (the marketplace answers)"
    assert dialog.newer.isVisible()
    assert dialog.newer.text().startswith(f"A newer version of GeM Desk, {ANNOUNCED}, is available. "
                                          "Your IT department installs it")
    dialog.grab().save(str(Path(desk.workspace.folder) / "about.png"))  # to look at (docs/screenshots.py too)
    # The status bar said so too, once the first sync had reached the marketplace.
    qtbot.waitUntil(lambda: window.newer_label.isVisible(), timeout=10_000)
    assert window.newer_label.text() == f"GeM Desk {ANNOUNCED} is available: your IT department installs it."


def test_copy_diagnostics_puts_what_support_needs_on_the_clipboard_and_no_secret(qtbot, desks, server, keyring_backend):
    desk = desks.open()
    window = signed_in(qtbot, desk, server, "demo-seller")
    listing = desk.workspace.cache.listings_of_seller(desk.workspace.user["seller_firm"]["id"])[0]
    desk.controller.close()  # no sync from here on: the change below stays waiting
    desk.workspace.outbox.queue_update(listing["id"], {"stock": 77}, False, listing)
    QGuiApplication.clipboard().clear()

    window.diagnostics_action.trigger()  # Help, Copy diagnostics
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() != "", timeout=15_000)
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"GeM Desk {__version__}, build from source")
    assert f"Server: {server.url} (answers: version" in text
    assert f"Newer version announced: {ANNOUNCED}" in text
    assert "Changes waiting to be sent: 1 (1 listing changes, 0 buying steps)" in text
    assert "User: demo-seller (seller); session: signed in" in text
    assert f"Data folder: {desk.workspace.folder}" in text and "Log folder: " in text and "Qt: " in text
    assert "Machine configuration: none deployed" in text
    tokens = desk.workspace.session.api.tokens
    for secret in [tokens.access_token, tokens.refresh_token, *keyring_backend.secrets.values()]:
        assert secret and secret not in text
    assert window.status.message_label.text() == "The diagnostics are on the clipboard, for support (they hold no password)."

    dialog = AboutDialog(desk.workspace, desk.tasks, window)
    qtbot.addWidget(dialog)
    dialog.show()
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: dialog.copied.isVisible(), timeout=15_000)
    assert QGuiApplication.clipboard().text().startswith(f"GeM Desk {__version__}")


def test_the_crash_message_offers_to_open_the_reports_folder(qtbot, desks, server, tmp_path, opened_urls):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    desk.crash.show = desk._show_crash  # the real message, not the test's recorder

    def broken() -> None:
        raise RuntimeError("something nobody expected")

    desk.tasks.run(lambda: None, lambda _: broken())
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "crashMessage") is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "crashMessage")
    report = Path(box.informativeText())
    assert report.parent == tmp_path / "reports" and report.name.startswith("crash-") and report.is_file()
    opener = box.findChild(QPushButton, "openReportFolder")
    assert opener is not None and opener.text() == "Open the folder"
    opener.click()
    assert [url.toLocalFile() for url in opened_urls.urls] == [str(report.parent)]
