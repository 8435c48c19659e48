"""Screenshots of the real app for the README, taken offscreen.

    python docs/screenshots.py            # writes docs/screenshots/*.png

Seeds a small demo marketplace in a temporary folder, starts the real server on loopback,
and drives the real windows (GemDesk, as `gemdesk` runs them) into each state: the buyer's
catalogue in English and in Hindi, a listing's details, a seller's catalogue with changes
waiting, a conflict from a real 409, offline mode, the sign-in and listing forms, the L1
comparison, the cart, an order's page and its document, a seller's bids for me, and the main
window of each role at 1366x768 in English and Hindi (`python docs/screenshots.py roles` takes
only those); then the buying
cycle's widgets (bid form, evaluation, timeline), which docs/screenshots_bids.py also takes on
its own, without a server; then a reverse auction from its test (`auction_shots`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.credentials import SecretStore  # noqa: E402
from app.ui.conflict_dialog import ConflictDialog  # noqa: E402
from app.ui.i18n import load_fonts, set_language  # noqa: E402
from app.ui.listing_detail import ListingDetail  # noqa: E402
from app.ui.listing_editor import ListingEditor  # noqa: E402
from app.ui.main import GemDesk  # noqa: E402
from app.ui.order_document import order_document  # noqa: E402
from app.ui.sign_in_dialog import SignInDialog  # noqa: E402
from app.ui.sync_controller import Connection  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from screenshots_bids import OUT, bid_shots, save, settle  # noqa: E402  (beside this script)
from tests.client.conftest import MemoryKeyring, ServerProcess, free_port, subprocess_env  # noqa: E402

SIZE = (1280, 760)


def wait(app: QApplication, until, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def open_desk(app, folder: Path, server: ServerProcess, user: str, secrets: SecretStore) -> GemDesk:
    desk = GemDesk(app, folder, secrets, crash_folder=folder / "reports")
    desk.start(server.url, user, "demo")
    wait(app, lambda: desk.window is not None and desk.workspace.cache.state("last_sync_at") is not None)
    wait(app, lambda: not desk.controller.running and desk.window.catalogue.model.is_finished())
    desk.window.resize(*SIZE)
    settle(app)
    return desk


ROLE_SIZE = (1366, 768)  # the commonest office monitor
ROLES = (("buyer", "demo-buyer"), ("approver", "demo-approver"), ("seller", "demo-seller"), ("admin", "demo-admin"))


def role_shots(app: QApplication, work: Path, server: ServerProcess, secrets: SecretStore) -> None:
    """The main window as each role first sees it, at 1366x768, in English and in Hindi:
    role-<role>-<en|hi>.png. Two purchases wait for the approving officer first, so the officer
    opens on them."""
    buyer = open_desk(app, work / "role-buyer", server, "demo-buyer", secrets)
    listing_id = server.query(
        "SELECT id FROM listings WHERE status = 'published' AND stock >= 4 AND min_order_qty = 1 "
        "AND price_paise <= 1000000 AND delivery_districts LIKE '%\"Raipur\"%' ORDER BY id LIMIT 1")[0][0]
    for quantity in (1, 3):
        buyer.workspace.procurement.purchase("direct", listing_id, quantity, "Raipur")
    buyer.controller.sync_now()
    wait(app, lambda: server.query("SELECT count(*) FROM orders WHERE status = 'awaiting_approval'")[0][0] >= 2)
    buyer.shutdown()
    for role, user in ROLES:
        desk = open_desk(app, work / f"role-{role}", server, user, secrets)
        window = desk.window
        window.resize(*ROLE_SIZE)
        window.show()
        if role == "buyer":
            window.catalogue.search_box.setText("steel almirah")
            wait(app, window.catalogue.model.is_finished)
            window.catalogue.select_row(0)
        if role == "approver":
            wait(app, lambda: window.orders.loads > 0 and window.orders.waiting_count > 0)
            window.orders.table.selectRow(0)
            wait(app, lambda: bool(window.orders.history))
        settle(app, 0.8)
        for language in ("en", "hi"):
            set_language(app, language)
            settle(app, 0.5)
            save(window, f"role-{role}-{language}")
        set_language(app, "en")
        window.close()
        desk.shutdown()


def main() -> None:
    only_roles = sys.argv[1:] == ["roles"]  # `python docs/screenshots.py roles`: only the main window per role
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="gemdesk-shots-"))
    app = QApplication([])
    load_fonts()
    secrets = SecretStore(MemoryKeyring())

    (work / "server").mkdir()
    subprocess.run([sys.executable, "-m", "server", "--data-dir", str(work / "server"), "seed", "--products", "3000"],
                   check=True, capture_output=True, env=subprocess_env(), cwd=ROOT)
    server = ServerProcess(work / "server", free_port())
    server.start()
    print("Screenshots:")
    try:
        role_shots(app, work, server, secrets)
        if only_roles:
            return
        # The sign-in dialog, as a new user meets it.
        fresh = GemDesk(app, work / "new-user", secrets, crash_folder=work / "reports")
        dialog = SignInDialog(fresh.workspace, fresh.tasks, server_url=server.url, username="demo-buyer")
        dialog.show()
        settle(app)
        save(dialog, "sign-in")
        dialog.close()

        # The buyer's catalogue: a search, a selected listing, its details.
        buyer = open_desk(app, work / "buyer", server, "demo-buyer", secrets)
        window = buyer.window
        browser = window.catalogue
        browser.search_box.setText("revolving chair")
        wait(app, browser.model.is_finished)
        browser.select_row(2)
        settle(app)
        save(window, "catalogue-en")
        detail = ListingDetail(buyer.workspace.cache)  # the same pane, tall enough to show it all
        detail.resize(520, 1100)
        detail.show_listing(browser.model.listing_id(2))
        detail.show()
        settle(app)
        save(detail, "listing-detail")
        detail.close()

        set_language(app, "hi")
        settle(app)
        save(window, "catalogue-hi")
        set_language(app, "en")
        settle(app)

        # Offline: the server goes away; the app says so and keeps working on the cache.
        browser.search_box.setText("almirah")
        wait(app, browser.model.is_finished)
        browser.select_row(0)
        server.stop()
        buyer.controller.sync_now()
        wait(app, lambda: buyer.controller.connection == Connection.OFFLINE)
        settle(app)
        save(window, "offline")
        server.start()
        wait(app, lambda: buyer.controller.connection == Connection.ONLINE)
        buyer.controller.close()
        window.close()

        # The seller: changes made offline wait in My catalogue.
        seller = open_desk(app, work / "seller", server, "demo-seller", secrets)
        mine = seller.window.my_catalogue
        wait(app, lambda: mine.model.rowCount() > 0)
        seller.controller.close()  # stay offline for the picture: nothing is sent
        listings = [item for item in mine.model.listings if item.status == "published"]
        for item, changes in zip(listings, ({"price_paise": 4_750_00}, {"stock": 0})):
            seller.workspace.outbox.queue_update(item.id, changes, False, {**item.fields, "version": item.version})
        mine.reload()
        wait(app, lambda: sum(1 for i in mine.model.listings if i.sync == "pending") == 2)
        mine.select_listing(listings[0].id)
        seller.window.status.refresh_counts()
        settle(app)
        save(seller.window, "my-catalogue-pending")

        # The listing form, checking as the seller types.
        editor = ListingEditor(seller.workspace.cache.categories(), mine.model.listings[0], seller.window)
        editor.inputs["price_paise"].setText("99,999")
        editor.inputs["stock"].setText("-2")
        editor.show()
        settle(app)
        save(editor, "listing-form")
        editor.close()

        # A real conflict: another computer of the same firm changed the price first.
        other = Workspace(work / "other-desk", secrets)
        other.sign_in(server.url, "demo-seller", "demo")
        other.sync()
        target = listings[0]
        current = other.cache.listing(target.id)
        other.outbox.queue_update(target.id, {"price_paise": 4_999_00}, False, current)
        other.sync()
        other.close()
        seller.workspace.session = None
        seller.workspace.sign_in(server.url, "demo-seller", "demo")
        seller.workspace.sync()
        mine.reload()
        wait(app, lambda: any(i.sync == "conflict" for i in mine.model.listings))
        conflict = next(i for i in mine.model.listings if i.sync == "conflict")
        op = seller.workspace.outbox.get(conflict.conflict_seq)
        conflict_dialog = ConflictDialog(op, seller.window)
        conflict_dialog.show()
        settle(app)
        save(conflict_dialog, "conflict")
        conflict_dialog.close()
        seller.window.close()

        # The Bids page: a clerk's bid sent for approval, with its timeline.
        clerk = open_desk(app, work / "clerk", server, "demo-buyer", secrets)
        # (a category the demo seller sells in: the bid is among its bids for me below)
        leaf = {"id": server.query("SELECT l.category_id FROM listings l JOIN users u ON u.seller_firm_id = "
                                   "l.seller_firm_id WHERE u.username = 'demo-seller' LIMIT 1")[0][0]}
        end = datetime.now(timezone.utc) + timedelta(days=12)
        bid_id = clerk.workspace.procurement.draft_bid({
            "title": "Steel almirahs for the District Hospital stores, Raipur", "estimated_value_paise": 7_20_000_00,
            "end_at": end.isoformat(), "items": [{"id": "1", "name": "Steel almirah, 6 shelves", "category_id": leaf["id"],
                                                  "key_specs": {}, "consignees": [
                                                      {"district": "Raipur", "quantity": 30, "delivery_days": 30},
                                                      {"district": "Mahasamund", "quantity": 10, "delivery_days": 45}]}]})
        clerk.workspace.procurement.send_for_approval(bid_id)
        clerk.workspace.sync()
        page = clerk.window.bids
        clerk.window.tabs.setCurrentWidget(page)
        wait(app, lambda: page.loads > 0 and page.model.rowCount() > 0)
        page.table.selectRow(0)
        wait(app, lambda: page.timeline.entries)
        page.detail_tabs.setCurrentWidget(page.timeline)
        settle(app)
        save(clerk.window, "bids-page")

        # An L1 purchase: the products meeting the key parameters, lowest price first.
        browser = clerk.window.catalogue
        clerk.window.tabs.setCurrentWidget(browser)
        browser.search_box.setText("revolving chair")
        wait(app, browser.model.is_finished)
        browser.select_row(0)
        settle(app)
        clerk.window.buy_selected()
        purchase = clerk.window.purchase
        for check in list(purchase.spec_checks.values())[1:]:  # the need: only the type of chair
            check.setChecked(False)
        purchase.resize(760, 680)
        purchase.compare()
        wait(app, lambda: purchase.comparison is not None)
        settle(app)
        save(purchase, "l1-comparison")
        purchase.reject()

        # The cart: two listings for one direct purchase, checked against the direct limit.
        for row in (0, 1):
            browser.select_row(row)
            settle(app)
            clerk.window.add_selected_to_cart()
            wait(app, lambda row=row: clerk.window.cart_count == row + 1)
        clerk.window.open_cart()
        wait(app, lambda: clerk.window.cart.table.rowCount() == 2)
        settle(app)
        save(clerk.window.cart, "cart")
        clerk.window.cart.reject()

        # An order from approval to receipt: the officer and the seller act from their own
        # desktops (their cores, without windows), the clerk follows it in the Orders tab.
        listing_id = server.query(
            "SELECT l.id FROM listings l JOIN users u ON u.seller_firm_id = l.seller_firm_id WHERE u.username = "
            "'demo-seller' AND l.status = 'published' AND l.stock >= 2 AND l.min_order_qty <= 2 AND l.price_paise "
            "<= 1000000 AND l.delivery_districts LIKE '%\"Raipur\"%' ORDER BY l.id LIMIT 1")[0][0]
        order_id = clerk.workspace.procurement.purchase("direct", listing_id, 2, "Raipur")
        clerk.workspace.sync()
        officer = Workspace(work / "officer-core", secrets)
        officer.sign_in(server.url, "demo-approver", "demo")
        officer.procurement.decide_order(order_id, True, "Within the direct purchase limit; budget head 31")
        officer.sync()
        officer.close()
        firm = Workspace(work / "seller-core", secrets)
        firm.sign_in(server.url, "demo-seller", "demo")
        firm.procurement.order_step(order_id, "deliver", "Invoice INV-2026-0412, delivered to the stores")
        firm.sync()
        firm.close()
        clerk.workspace.procurement.order_step(order_id, "receive", "Received in good order at the stores")
        clerk.workspace.sync()
        orders = clerk.window.orders
        clerk.window.tabs.setCurrentWidget(orders)
        wait(app, lambda: orders.loads > 0 and any(o["id"] == order_id for o in orders.model.orders))
        orders.table.selectRow([o["id"] for o in orders.model.orders].index(order_id))
        wait(app, lambda: orders.history)
        orders.detail_tabs.setCurrentWidget(orders.timeline)
        settle(app)
        save(clerk.window, "orders-page")
        document = order_document(orders.current, orders.history)
        document.setTextWidth(760)
        image = QImage(800, int(document.size().height()) + 40, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(20, 20)
        document.drawContents(painter)
        painter.end()
        image.save(str(OUT / "order-document.png"))
        print(f"  {(OUT / 'order-document.png').relative_to(ROOT)}")
        clerk.window.close()

        # The seller's bids for me, once the officer has published the clerk's bid: narrowed
        # to a district on this computer.
        officer = Workspace(work / "officer-core", secrets)
        officer.sign_in(server.url, "demo-approver", "demo")
        officer.procurement.approve(bid_id, officer.procurement.bid(officer.api(), bid_id)["version"], "Funds available")
        officer.sync()
        officer.close()
        vendor = open_desk(app, work / "vendor", server, "demo-seller", secrets)
        offers = vendor.window.bids
        vendor.window.tabs.setCurrentWidget(offers)
        wait(app, lambda: offers.loads > 0 and offers.model.rowCount() > 0)
        offers.district.setCurrentText("Mahasamund")
        offers.table.selectRow(0)
        wait(app, lambda: offers.timeline.entries)
        settle(app)
        save(vendor.window, "bids-for-me")
        vendor.window.close()
        for desk in (fresh, buyer, seller, clerk, vendor):
            desk.shutdown()

        # The buying cycle: the bid form with the advisor's verdict, an evaluation, a timeline.
        bid_shots(app)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    if not only_roles:
        auction_shots()


def auction_shots() -> None:
    """A reverse auction from scheduling to award needs the server's clock moved: its pytest-qt
    test (tests/ui/test_auctions_page.py) runs one through the windows and, given GEMDESK_SHOTS,
    saves the scheduling dialog, the seller's and the buyer's live views and the award."""
    env = {**subprocess_env(), "GEMDESK_SHOTS": str(OUT)}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "tests/ui/test_auctions_page.py::test_a_live_auction_through_the_windows"],
                   check=True, env=env, cwd=ROOT)
    for name in ("auction-schedule", "auction-seller", "auction-buyer", "auction-award"):
        print(f"  {(OUT / name).relative_to(ROOT)}.png")


if __name__ == "__main__":
    main()
