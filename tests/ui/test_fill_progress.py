"""While the catalogue downloads: the status bar says from where, how much, how fast, how long
still, and how much can be searched; the catalogue shows what became searchable."""

from __future__ import annotations

from app.sync import Progress
from tests.ui.conftest import signed_in


def test_the_status_bar_tells_the_download_and_the_catalogue_follows_the_fill(qtbot, desks, server, monkeypatch, qapp):
    from app.ui import main_window
    from app.ui.i18n import set_language

    desk = desks.open()
    window = signed_in(qtbot, desk, server)
    status = window.status
    status._started()
    feed = Progress("pull", 250_000, 857_502, "", source="feed", bytes_received=28_400_000, bytes_total=97_000_000,
                    rate=512_000.0, seconds_left=134, searchable=200_000)
    status._progress(feed)
    assert status.message_label.text() == ("Receiving the catalogue: 2,50,000 of 8,57,502 listings · 28.4 MB received · "
                                           "512.0 KB/s · about 2 min left · 2,00,000 can be searched")
    window.resize(1366, 768)
    window.grab().save("/tmp/fill_progress_en.png")
    status._progress(Progress("pull", 0, None, "", source="snapshot", bytes_received=5_000_000, rate=480_000.0,
                              seconds_left=3900))
    assert status.message_label.text() == ("Downloading the catalogue snapshot · 5.0 MB received · 480.0 KB/s · "
                                           "about 1 h 5 min left")
    set_language(qapp, "hi")
    status._progress(feed)
    assert "कैटलॉग आ रहा है" in status.message_label.text() and "लगभग 2 मिनट बाकी" in status.message_label.text()
    window.grab().save("/tmp/fill_progress_hi.png")
    set_language(qapp, "en")

    refreshed = []
    monkeypatch.setattr(window.catalogue, "refresh", lambda: refreshed.append(True))
    monkeypatch.setattr(main_window, "FILL_REFRESH_S", 0.0)
    for searchable in (0, 50_000, 50_000, 100_000):
        desk.controller.progress.emit(Progress("pull", searchable + 10, 857_502, "", source="feed", searchable=searchable))
    qtbot.waitUntil(lambda: len(refreshed) == 2)  # once for each chunk that became searchable
    status._finished(None)
