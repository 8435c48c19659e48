"""Issue 15, 3: a seller is never locked out of their own unsent work when the marketplace's
address changes (IT moves the server; the demo on another port), and quitting with changes
not sent yet says they are kept and sent next time."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.ui.conftest import PASSWORD, ServerProcess, free_port, signed_in, wait_for_sync


def question(name: str = "unsentOnQuit") -> QMessageBox | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
             and w.isVisible()]
    return found[0] if found else None


def queue_stock_change(desk, stock: int):
    listing = next(i for i in desk.window.my_catalogue.model.listings if i.status == "published")
    desk.workspace.outbox.queue_update(listing.id, {"stock": stock}, False, {**listing.fields, "version": listing.version})
    return listing


def test_unsent_work_follows_its_seller_to_the_servers_new_address(qtbot, desks, server):
    desk = desks.open("seller-desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    qtbot.waitUntil(lambda: window.my_catalogue.model.rowCount() > 0)
    server.stop()  # the old address is gone
    listing = queue_stock_change(desk, 613)
    desks.close_all()

    moved = ServerProcess(server.data_dir, free_port())  # the same marketplace at a new address
    moved.start()
    try:
        again = desks.open("seller-desk")
        again.start(moved.url, "demo-seller", PASSWORD)
        qtbot.waitUntil(lambda: again.window is not None or again.dialog.problem.isVisible(), timeout=20_000)
        assert again.window is not None, again.dialog.problem.text()
        qtbot.waitUntil(lambda: moved.listing(listing.id)["stock"] == 613, timeout=30_000)
        wait_for_sync(qtbot, again)
        assert again.workspace.unsent() == 0
        assert again.workspace.outbox.owner() == f"demo-seller@{moved.url}"
    finally:
        desks.close_all()
        moved.stop()


def test_another_user_is_told_whose_work_waits_and_where(qtbot, desks, server):
    desk = desks.open("desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    qtbot.waitUntil(lambda: window.my_catalogue.model.rowCount() > 0)
    desk.controller.close()  # no sync from here on: the change stays waiting
    queue_stock_change(desk, 614)
    desks.close_all()

    again = desks.open("desk")
    again.start(server.url, "demo-buyer", PASSWORD)
    dialog = again.dialog
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=20_000)
    text = dialog.problem.text()
    assert text.startswith(f"demo-seller has changes on this computer that have not reached the marketplace at "
                           f"{server.url} yet. Sign in as demo-seller")
    assert again.window is None


def test_quitting_with_unsent_changes_asks_and_says_they_are_kept(qtbot, desks, server):
    desk = desks.open("desk")
    window = signed_in(qtbot, desk, server, "demo-seller")
    qtbot.waitUntil(lambda: window.my_catalogue.model.rowCount() > 0)
    desk.controller.close()
    queue_stock_change(desk, 615)

    window.close()
    box = question()
    assert box is not None and window.isVisible()
    assert "have not reached the marketplace yet: 1." in box.text()
    assert "kept safely on this computer and sent the next time" in box.text()
    box.findChild(QPushButton, "quitAnyway").click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert question() is None


def test_quitting_with_nothing_unsent_asks_nothing(qtbot, desks, server):
    desk = desks.open("desk")
    window = signed_in(qtbot, desk, server, "demo-buyer")
    window.close()
    assert not window.isVisible() and question() is None
