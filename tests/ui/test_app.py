"""The app as a whole: an offline start on the cache, the status bar's states, the language
switch, settings, closing mid-sync, and an unexpected error that does not end the app."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from app.ui.crash import scrub
from app.ui.settings_dialog import SettingsDialog
from app.ui.sync_controller import Connection
from tests.ui.conftest import signed_in, wait_for_rows


def test_offline_start_opens_on_the_cache_and_reconnects(qtbot, desks, server):
    first = desks.open("desk")
    signed_in(qtbot, first, server)
    cached = first.workspace.cache.count()
    first.window.close()
    first.shutdown()
    desks.opened.remove(first)

    server.stop()
    again = desks.open("desk")
    again.start()
    assert again.dialog is None and again.window is not None  # no sign-in asked: a remembered session
    window = again.window
    wait_for_rows(qtbot, window.catalogue.model)
    assert window.catalogue.model.rowCount() == cached  # the catalogue, from the cache
    assert window.status.connection_label.text() == "Connecting…"
    qtbot.waitUntil(lambda: again.controller.connection == Connection.OFFLINE, timeout=30_000)
    assert window.status.connection_label.text() == "Offline"
    assert window.banner.isVisible() and "working offline" in window.banner_text.text()
    assert "Demo Buyer" in window.windowTitle()

    server.start()
    qtbot.waitUntil(lambda: again.controller.connection == Connection.ONLINE, timeout=30_000)
    qtbot.waitUntil(lambda: window.status.message_label.text() == "Sync complete.", timeout=30_000)
    assert not window.banner.isVisible() and window.status.connection_label.text() == "Online"


def test_a_revoked_session_asks_to_sign_in_again(qtbot, desks, server, keyring_backend):
    first = desks.open("desk")
    signed_in(qtbot, first, server)
    first.window.close()
    first.shutdown()
    desks.opened.remove(first)
    for key in keyring_backend.secrets:
        keyring_backend.secrets[key] = "revoked-or-stolen"

    again = desks.open("desk")
    again.start()
    qtbot.waitUntil(lambda: again.dialog is not None, timeout=20_000)
    assert again.window.status.connection_label.text() == "Signed out"
    assert again.dialog.username.text() == "demo-buyer" and again.dialog.username.isReadOnly()
    again.dialog.password.setText("demo")
    again.dialog.attempt()
    qtbot.waitUntil(lambda: again.controller.connection == Connection.ONLINE, timeout=20_000)


def test_status_bar_shows_progress_pending_changes_and_the_last_sync(qtbot, desks, server):
    desk = desks.open()
    desk.start(server.url, "demo-seller", "demo")
    qtbot.waitUntil(lambda: desk.window is not None, timeout=15_000)
    status = desk.window.status
    qtbot.waitUntil(lambda: status.progress_bar.isVisible(), timeout=10_000)  # the first sync, running
    assert status.message_label.text() != ""
    qtbot.waitUntil(lambda: not status.progress_bar.isVisible(), timeout=30_000)
    assert status.message_label.text() == "Sync complete."
    qtbot.waitUntil(lambda: status.last_sync_label.text().endswith(" IST"))  # "Last sync: 25 Nov 2026, 07:47 IST"
    assert status.last_sync_label.text().startswith("Last sync: ")
    assert status.pending_label.text() == "0 changes waiting"
    assert not desk.window.sync_action.isEnabled() or desk.controller.running is False

    listing = desk.workspace.cache.listings_of_seller(desk.workspace.user["seller_firm"]["id"])[0]
    desk.workspace.outbox.queue_update(listing["id"], {"stock": 1234}, False, listing)
    status.refresh_counts()
    qtbot.waitUntil(lambda: status.pending_label.text() == "1 change waiting")
    with qtbot.waitSignal(desk.controller.finished, timeout=30_000):
        desk.window.sync_action.trigger()  # F5
    qtbot.waitUntil(lambda: status.pending_label.text() == "0 changes waiting")
    assert server.listing(listing["id"])["stock"] == 1234


def test_language_switch_to_hindi_and_back(qtbot, desks, server, monkeypatch):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    wait_for_rows(qtbot, window.catalogue.model)
    english = (window.tabs.tabText(0), window.catalogue.search_box.placeholderText(), window.status.connection_label.text(),
               window.catalogue.model.headerData(0, Qt.Orientation.Horizontal))

    settings = SettingsDialog(desk.workspace.settings, str(desk.workspace.folder), window)
    qtbot.addWidget(settings)
    settings.language.setCurrentIndex(settings.language.findData("hi"))
    settings._save()
    desk.apply_settings(settings.result_settings)
    QApplication.processEvents()
    hindi = (window.tabs.tabText(0), window.catalogue.search_box.placeholderText(), window.status.connection_label.text(),
             window.catalogue.model.headerData(0, Qt.Orientation.Horizontal))
    assert all(h != e for h, e in zip(hindi, english)), hindi
    assert all(any("\u0900" <= ch <= "\u097f" for ch in text) for text in hindi), hindi  # Devanagari
    font = QApplication.font()
    assert font.families()[0] == "Noto Sans Devanagari"
    assert QFontMetrics(font).inFontUcs4(ord("क"))  # real glyphs, not boxes
    assert desk.workspace.settings.language == "hi"
    assert '"language": "hi"' in (desk.workspace.folder / "settings.json").read_text(encoding="utf-8")

    desk.apply_settings(settings.result_settings.__class__(**{**settings.result_settings.__dict__, "language": "en"}))
    QApplication.processEvents()
    assert (window.tabs.tabText(0), window.catalogue.search_box.placeholderText()) == english[:2]


def test_settings_check_what_is_typed_and_take_effect(qtbot, desks, server, tmp_path):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    dialog = SettingsDialog(desk.workspace.settings, str(desk.workspace.folder), window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.folder.text() == str(desk.workspace.folder) and dialog.folder.isReadOnly()
    dialog.proxy.setText("proxy.office.gov.in:3128")
    dialog._save()
    assert dialog.problem.isVisible() and dialog.problem.text().startswith("Proxy:")
    dialog.proxy.setText("http://proxy.office.gov.in:3128")
    dialog.ca_bundle.setText(str(tmp_path / "missing.pem"))
    dialog._save()
    assert dialog.problem.text().startswith("CA bundle:")
    bundle = tmp_path / "office-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.ca_bundle.setText(str(bundle))
    dialog.interval.setValue(15)
    dialog._save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    desk.apply_settings(dialog.result_settings)
    saved = desk.workspace.settings
    assert (saved.connection.proxy_url, saved.connection.ca_bundle, saved.sync_interval_minutes) == (
        "http://proxy.office.gov.in:3128", str(bundle), 15)
    assert desk.controller.timer.interval() == 15 * 60_000


def test_closing_mid_sync_loses_nothing(qtbot, desks, server):
    desk = desks.open("desk")
    desk.start(server.url, "demo-buyer", "demo")
    qtbot.waitUntil(lambda: desk.controller.running, timeout=15_000)
    desk.window.close()  # the sync is cancelled and given a moment
    assert not desk.controller.running or desk.controller._cancel.is_set()
    desk.shutdown()
    desks.opened.remove(desk)

    again = desks.open("desk")
    again.start()
    qtbot.waitUntil(lambda: again.window is not None and again.controller.connection == Connection.ONLINE, timeout=30_000)
    qtbot.waitUntil(lambda: again.window.status.message_label.text() == "Sync complete.", timeout=30_000)
    assert again.workspace.cache.versions() == server.versions_seen_by("demo-buyer")


def test_an_unexpected_error_is_reported_and_the_app_goes_on(qtbot, desks, server, tmp_path):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)

    def broken() -> None:
        raise RuntimeError("something nobody expected; Bearer abc123secret")

    desk.tasks.run(lambda: None, lambda _: broken())  # fails in a callback on the GUI thread
    qtbot.waitUntil(lambda: len(desks.crashes) == 1)
    report = tmp_path / "reports"
    files = list(report.glob("crash-*.txt"))
    assert len(files) == 1 and desks.crashes == [str(files[0])]
    text = files[0].read_text()
    assert "RuntimeError: something nobody expected" in text and "abc123secret" not in text
    assert window.isVisible()
    with qtbot.waitSignal(desk.controller.finished, timeout=30_000):
        desk.controller.sync_now()  # still working


@pytest.mark.parametrize(("text", "kept"), [
    ('{"refresh_token": "r-123", "x": 1}', '{"refresh_token": "[removed]", "x": 1}'),
    ("Authorization: Bearer abc.def", "Authorization: Bearer [removed]"),
    ("password=hunter2 next", "password=[removed] next"),
])
def test_reports_never_carry_secrets(text, kept):
    assert scrub(text) == kept


def test_the_log_file_rotates(tmp_path):
    import logging
    import logging.handlers

    from app.ui.crash import LOG_FILE, setup_logging

    path = setup_logging(tmp_path / "logs")
    root = logging.getLogger()
    handler = next(h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)
                   and h.baseFilename == str(path))
    try:
        assert path.name == LOG_FILE and handler.maxBytes == 1_000_000 and handler.backupCount == 5
        handler.maxBytes = 2_000  # rotate soon, for the test
        for number in range(100):
            logging.getLogger("gemdesk.test").warning("line %s of a long day's log", number)
        handler.flush()
        assert (tmp_path / "logs" / f"{LOG_FILE}.1").exists()
        assert "line 99" in path.read_text()
    finally:
        root.removeHandler(handler)
        handler.close()


def test_sign_out_forgets_the_session_and_asks_again(qtbot, desks, server, keyring_backend):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    assert keyring_backend.secrets
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.window is None, timeout=20_000)
    assert not keyring_backend.secrets  # the remembered session is gone from the keyring
    desk.dialog.password.setText("demo")
    desk.dialog.attempt()
    qtbot.waitUntil(lambda: desk.window is not None and desk.controller.connection == Connection.ONLINE, timeout=20_000)
    # The first window is gone, with its catalogue's search thread: signing out and in all
    # day leaves nothing behind.
    qtbot.waitUntil(lambda: not Shiboken.isValid(window), timeout=5_000)
    searches = [thread for thread in threading.enumerate() if thread.name == "gemdesk-search"]
    assert len(searches) == 1
