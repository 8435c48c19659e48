"""Issue 15, 4: a server that takes the connection but never answers (paused) is noticed
within seconds: the status bar says Offline, and "Syncing…" and the busy bar go away."""

from __future__ import annotations

import os
import signal
import time

from tests.ui.conftest import signed_in


def test_a_paused_server_is_noticed_in_seconds(qtbot, desks, server):
    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    status = window.status
    assert status.connection_label.text() == "Online"
    os.kill(server.process.pid, signal.SIGSTOP)  # it accepts connections and answers nothing
    try:
        started = time.monotonic()
        desk.controller.sync_now()
        qtbot.waitUntil(lambda: status.syncing, timeout=5_000)
        assert status.message_label.text() == "Syncing…" and status.progress_bar.isVisible()
        qtbot.waitUntil(lambda: status.connection_label.text() == "Offline", timeout=30_000)
        noticed = time.monotonic() - started
        assert noticed < 25, noticed
        qtbot.waitUntil(lambda: not desk.controller.running, timeout=5_000)
        assert not status.progress_bar.isVisible() and not status.syncing
        assert "Syncing" not in status.message_label.text() and "cannot be reached" in status.message_label.text()
        assert window.banner.isVisible()
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
    # Back: the reconnect check finds it and syncs.
    qtbot.waitUntil(lambda: status.connection_label.text() == "Online", timeout=30_000)
    qtbot.waitUntil(lambda: status.message_label.text() == "Sync complete.", timeout=30_000)
    assert not status.progress_bar.isVisible()
