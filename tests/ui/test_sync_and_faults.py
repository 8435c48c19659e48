"""The windows and the sync together, and what the windows say when the disk or a file fails
(issue 13): an edit saved while the sync pushes is sent, not lost; a full disk is a sentence
in the form and the status bar; a damaged outbox found at start is recovered and the user
told what was kept; a damaged cache met by a search is refilled. Never a crash report."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.seller_catalogue import SyncState
from app.ui.listing_editor import ListingEditor
from tests.client.test_damaged_files import checkpoint, overwrite, page_of
from tests.client.test_disk_faults import SmallDisk
from tests.client.test_push_order import op_states, server_writes_held
from tests.ui.conftest import signed_in, wait_for_rows, wait_for_sync


def item(mine, listing_id):
    return next(i for i in mine.model.listings if i.id == listing_id)


def save_in_window(monkeypatch, mine, listing_id: str, **typed: str) -> None:
    """The seller selects the listing, opens the form, types and presses Save."""

    def exec_(editor: ListingEditor) -> int:
        for name, text in typed.items():
            editor.inputs[name].setText(text)
        editor.save_button.click()
        return editor.result()

    monkeypatch.setattr(ListingEditor, "exec", exec_)
    mine.table.selectRow(next(r for r, i in enumerate(mine.model.listings) if i.id == listing_id))
    mine.edit_selected()


def published(mine, count: int = 2):
    return [i for i in mine.model.listings if i.status == "published"][:count]


def message_boxes(name: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
            and w.isVisible()]


def test_an_edit_saved_in_the_window_while_the_sync_pushes_reaches_the_marketplace(qtbot, monkeypatch, desks, server):
    desk = desks.open("seller-desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    mine = window.my_catalogue
    qtbot.waitUntil(lambda: mine.model.rowCount() > 0)
    first, second = published(mine)
    server.stop()  # two edits made offline wait together
    save_in_window(monkeypatch, mine, first.id, stock="111")
    save_in_window(monkeypatch, mine, second.id, stock="211")
    qtbot.waitUntil(lambda: item(mine, second.id).sync == SyncState.PENDING)
    qtbot.waitUntil(lambda: desk.controller.connection.value == "offline", timeout=20_000)
    server.start()
    with server_writes_held(server):  # the sync that follows the reconnection pushes; its first change waits
        qtbot.waitUntil(lambda: "sent" in {s for _, s in op_states(desk.workspace.folder)}, timeout=20_000)
        save_in_window(monkeypatch, mine, second.id, stock="212")  # the seller edits again meanwhile
        qtbot.waitUntil(lambda: item(mine, second.id).fields["stock"] == 212)
    qtbot.waitUntil(lambda: item(mine, second.id).sync == SyncState.SYNCED and
                    item(mine, first.id).sync == SyncState.SYNCED, timeout=30_000)
    wait_for_sync(qtbot, desk)
    assert server.listing(first.id)["stock"] == 111
    assert server.listing(second.id)["stock"] == 212, "the edit saved during the push was lost"
    assert not desks.crashes


@pytest.fixture(scope="session")
def _mounted():
    """Disks mounted by the tests, released at the end of the session: a closed window may
    still read its folder until Qt deletes it, later than any test's teardown."""
    made: list[SmallDisk] = []
    yield made
    for disk in made:
        disk.unmount()


@pytest.fixture
def full_disk_desk(tmp_path, _mounted) -> SmallDisk:
    """The seller's data folder on a small tmpfs of its own, to fill (root)."""
    disk = SmallDisk(tmp_path / "seller-desk", "20m")
    _mounted.append(disk)
    yield disk
    disk.free()


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a tmpfs: Linux only")
def test_a_full_disk_is_a_sentence_in_the_form_and_the_status_bar(qtbot, monkeypatch, desks, server, full_disk_desk):
    desk = desks.open("seller-desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    mine = window.my_catalogue
    qtbot.waitUntil(lambda: mine.model.rowCount() > 0)
    [target] = published(mine, 1)
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *args: warnings.append((title, text)))
    full_disk_desk.fill()
    saved = None  # the last edit that was saved before the disk could take no more
    for n in range(200):  # the files keep a little room of their own: until it is used up
        title = f"Steel almirah, edit {n} " + "x" * 150
        save_in_window(monkeypatch, mine, target.id, title=title)
        qtbot.waitUntil(lambda: bool(warnings) or item(mine, target.id).fields["title"] == title, timeout=10_000)
        if warnings:
            break
        saved = title
    assert warnings, "saving on a full disk said nothing"
    title, text = warnings[0]
    assert title == "Not saved"
    assert text.startswith(f"The disk is full: GeM Desk cannot save in {full_disk_desk.where}.")
    with qtbot.waitSignal(desk.controller.failed, timeout=30_000):
        desk.controller.sync_now()
    assert window.status.message_label.text().startswith("The disk is full")
    assert not desks.crashes
    full_disk_desk.free()
    with qtbot.waitSignal(desk.controller.finished, timeout=30_000):
        desk.controller.sync_now()
    assert server.listing(target.id)["title"] == (saved or target.title)  # what was saved went, and only that


def test_a_damaged_outbox_found_at_start_is_recovered_and_the_user_told(qtbot, desks, server, tmp_path):
    desk = desks.open("seller-desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    mine = window.my_catalogue
    qtbot.waitUntil(lambda: mine.model.rowCount() > 0)
    first, second = published(mine)
    folder = desk.workspace.folder
    server.stop()
    for listing, stock in ((first, 501), (second, 502)):
        desk.workspace.outbox.queue_update(listing.id, {"stock": stock}, False, {**listing.fields,
                                                                                   "version": listing.version})
    window.close()
    desk.shutdown()
    checkpoint(folder / "outbox.sqlite")
    overwrite(folder / "outbox.sqlite", *page_of(folder / "outbox.sqlite", "ix_ops_state"))
    server.start()

    again = desks.open("seller-desk")  # GeM Desk opens again on the damaged file
    signed_in(qtbot, again, server, "demo-seller")
    qtbot.waitUntil(lambda: bool(message_boxes("outboxRecovered")), timeout=15_000)
    [box] = message_boxes("outboxRecovered")
    assert "It kept 2 listing change(s)" in box.text() and "Everything in it could be read." in box.text()
    assert "outbox.sqlite.damaged-" in box.text()
    box.accept()
    qtbot.waitUntil(lambda: server.listing(second.id)["stock"] == 502, timeout=30_000)
    assert server.listing(first.id)["stock"] == 501
    assert again.workspace.outbox.recovery() is None  # told once
    assert not desks.crashes


def test_a_damaged_cache_met_by_a_search_is_refilled(qtbot, desks, server):
    desk = desks.open("buyer-desk")
    window = signed_in(qtbot, desk, server, "demo-buyer")
    folder = desk.workspace.folder
    window.close()
    desk.shutdown()
    checkpoint(folder / "cache.sqlite")
    overwrite(folder / "cache.sqlite", *page_of(folder / "cache.sqlite", "listings_fts_data"))

    again = desks.open("buyer-desk")
    window = signed_in(qtbot, again, server, "demo-buyer")
    catalogue = window.catalogue
    catalogue.search_box.setText("steel")
    qtbot.waitUntil(lambda: bool(message_boxes("storageProblem")), timeout=15_000)
    [box] = message_boxes("storageProblem")
    assert box.text().startswith("The local copy of the catalogue was damaged; it is being downloaded again.")
    box.accept()
    qtbot.waitUntil(lambda: bool(list(folder.glob("cache.sqlite.unusable-*"))), timeout=30_000)
    wait_for_sync(qtbot, again)
    catalogue.search_box.setText("")
    catalogue.search_box.setText("steel")
    qtbot.waitUntil(lambda: catalogue.model.rowCount() > 0, timeout=30_000)
    wait_for_rows(qtbot, catalogue.model)
    assert not desks.crashes
    connection = sqlite3.connect(folder / "cache.sqlite")
    try:
        connection.execute("INSERT INTO listings_fts(listings_fts) VALUES ('integrity-check')")  # sound again
    finally:
        connection.close()


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a tmpfs: Linux only")
def test_a_data_folder_gem_desk_cannot_write_is_said_before_any_window(qtbot, monkeypatch, tmp_path, _mounted):
    import argparse

    from app.ui import main

    disk = SmallDisk(tmp_path / "disk", "5m")
    _mounted.append(disk)
    disk.remount("ro")
    monkeypatch.setattr(main, "setup_logging", lambda _folder: None)
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *rest: said.append((title, text)))
    code = main.run(argparse.Namespace(data_dir=disk.where / "GeM Desk", server=None, user=None))
    assert code == 4  # app/storage.py EXIT_CODES: read-only
    [(title, text)] = said
    assert title == "GeM Desk cannot start"
    assert text.startswith(f"GeM Desk cannot write to its folder {disk.where / 'GeM Desk'} (it is read-only")
