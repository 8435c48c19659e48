"""The main window: the catalogue (and, for sellers, My catalogue), the sync status, and the
commands every user has: sync now (F5), search (Ctrl+F), settings (Ctrl+,), sign out.

When the marketplace cannot be reached a banner says so and what it means: the listings
are as of the last sync, and changes are kept and sent later.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QTabWidget, QToolBar, QVBoxLayout, QWidget

from app import auctions
from app.config import log_dir
from app.ui import operations
from app.ui.about_dialog import AboutDialog, copy_diagnostics
from app.ui.auctions_page import AuctionsPage
from app.ui.bids_page import BidsPage
from app.ui.cart_dialog import CartDialog
from app.ui.orders_page import OrdersPage
from app.ui.catalogue import CatalogueBrowser
from app.ui.formats import number, when
from app.ui.icons import icon
from app.ui.my_catalogue import MyCatalogue
from app.ui.purchase_dialog import PurchaseDialog
from app.ui.status_bar import SyncStatusBar
from app.ui.sync_controller import Connection, SyncController
from app.ui.tasks import TaskManager
from app.workspace import Workspace
from app.ui.widgets import Retranslating

# During a first fill, the catalogue shows the listings that became searchable at most this often.
FILL_REFRESH_S = 10.0


class MainWindow(Retranslating, QMainWindow):
    settings_requested = Signal()
    sign_out_requested = Signal()
    sign_in_requested = Signal()

    def __init__(self, workspace: Workspace, tasks: TaskManager, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("gemdesk"))
        self.workspace = workspace
        self.tasks = tasks
        self.controller = controller
        self.user = workspace.user or {}

        self.catalogue = CatalogueBrowser(workspace.cache, self.user, self)
        self.my_catalogue = MyCatalogue(workspace, tasks, self) if self.user.get("seller_firm") else None
        self.tabs = QTabWidget(self, objectName="mainTabs")
        if self.my_catalogue is not None:
            self.tabs.addTab(self.my_catalogue, "")
            self.my_catalogue.changed.connect(self._local_change)
        self.tabs.addTab(self.catalogue, "")
        self.server_clock = auctions.ServerClock()  # measured on every auction answer, shared by the pages
        self.bids = BidsPage(workspace, tasks, self, self.server_clock) \
            if self.user.get("role") in ("buyer", "approver", "seller") else None
        if self.bids is not None:
            self.tabs.addTab(self.bids, "")
            self.bids.changed.connect(self._local_change)
            self.bids.unreachable.connect(controller.went_offline)
        self.orders = OrdersPage(workspace, tasks, self) if self.user.get("role") in ("buyer", "approver", "seller") else None
        if self.orders is not None:
            self.tabs.addTab(self.orders, "")
            self.orders.changed.connect(self._local_change)
            self.orders.unreachable.connect(controller.went_offline)
        self.auctions = AuctionsPage(workspace, tasks, self, self.server_clock) \
            if self.user.get("role") in ("buyer", "approver", "seller") else None
        if self.auctions is not None:
            self.tabs.addTab(self.auctions, "")
            self.auctions.bid_wanted.connect(self.show_bid)
            if self.bids is not None:
                self.bids.auction_wanted.connect(self.show_auction)

        self.tabs.currentChanged.connect(lambda _index: self._bids_shown())

        self.banner = QWidget(self, objectName="offlineBanner")
        self.banner.setStyleSheet("#offlineBanner { background: #fef7e0; border-bottom: 1px solid #f9ab00; }")
        self.banner_text = QLabel(self.banner, wordWrap=True)
        self.banner_button = QPushButton(self.banner, objectName="bannerButton")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner_button.clicked.connect(self._banner_action)
        self.banner.hide()

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status = SyncStatusBar(workspace, tasks, controller, self)
        self.setStatusBar(self.status)

        self.sync_action = QAction(icon("sync"), "", self, objectName="syncAction")
        self.sync_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))  # F5
        self.sync_action.triggered.connect(controller.sync_now)
        self.search_action = QAction(icon("search"), "", self, objectName="searchAction")
        self.search_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))  # Ctrl+F
        self.search_action.triggered.connect(self.focus_search)
        self.settings_action = QAction(icon("settings"), "", self, objectName="settingsAction")
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        self.sign_out_action = QAction("", self, objectName="signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.quit_action = QAction("", self, objectName="quitAction")
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.buy_action = QAction("", self, objectName="buyAction")
        self.buy_action.triggered.connect(self.buy_selected)
        self.buy_action.setVisible(self.user.get("role") == "buyer")
        # The cart: listings for one direct purchase, sent for approval as one order per seller.
        self.cart_count = 0
        self.add_to_cart_action = QAction("", self, objectName="addToCartAction")
        self.add_to_cart_action.triggered.connect(self.add_selected_to_cart)
        self.cart_action = QAction("", self, objectName="cartAction")
        self.cart_action.triggered.connect(self.open_cart)
        for action in (self.add_to_cart_action, self.cart_action):
            action.setVisible(self.user.get("role") == "buyer")
        self.logs_action = QAction("", self, objectName="logsAction")
        self.logs_action.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir()))))
        self.diagnostics_action = QAction("", self, objectName="copyDiagnosticsAction")
        self.diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.about_action = QAction("", self, objectName="aboutAction")
        self.about_action.triggered.connect(self.open_about)
        # A newer release the marketplace announces: said once, in the status bar; IT installs it.
        self.newer_version: str | None = None
        self.newer_label = QLabel(self, objectName="newerVersion")
        self.newer_label.hide()
        self.status.addPermanentWidget(self.newer_label)
        self.addActions([self.sync_action, self.search_action, self.settings_action, self.quit_action])

        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.sync_action, self.settings_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.sign_out_action, self.quit_action])
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addActions([self.logs_action, self.diagnostics_action])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.toolbar = QToolBar(self, objectName="mainToolbar", movable=False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.sync_action, self.settings_action, self.buy_action, self.add_to_cart_action,
                                 self.cart_action])
        self.addToolBar(self.toolbar)

        # Bound methods, not lambdas: Qt drops a connection to a window once the window is
        # deleted, while a lambda would still be called on a dead one (a sign-out replaces it).
        controller.connection_changed.connect(self._show_banner)
        controller.finished.connect(self._synced)
        controller.started.connect(self._sync_started)
        controller.failed.connect(self._sync_failed)
        controller.progress.connect(self._sync_progress, Qt.ConnectionType.QueuedConnection)
        self._searchable_shown = 0
        self._fill_refreshed_at = 0.0
        self.resize(1280, 780)
        self.retranslate()
        if self.user.get("role") == "buyer":
            self._refresh_cart_count()

    # -- reacting -----------------------------------------------------------------------------------------

    def _sync_started(self) -> None:
        self.sync_action.setEnabled(False)

    def _sync_progress(self, progress) -> None:
        """A first fill makes listings searchable a chunk at a time: show them as they come,
        at most every FILL_REFRESH_S (a refresh re-runs the catalogue's query)."""
        searchable = progress.searchable or 0
        if searchable > self._searchable_shown and time.monotonic() - self._fill_refreshed_at >= FILL_REFRESH_S:
            self._searchable_shown, self._fill_refreshed_at = searchable, time.monotonic()
            self.catalogue.refresh()

    def _sync_failed(self, _message: str) -> None:
        self.sync_action.setEnabled(True)

    def _synced(self, result) -> None:
        self.sync_action.setEnabled(True)
        if result is not None and self.newer_version is None:
            self.newer_version = ""  # asked once a session: after the first sync that reached the marketplace
            operations.check_server(self.tasks, self.workspace, self._announced)
        if result is not None and (result.upserts or result.deletes or result.pushed or result.resynced
                                   or result.rebuilt_cache):
            self.catalogue.refresh()
        if self.my_catalogue is not None:
            self.my_catalogue.reload()
        self._bids_shown()
        self._show_banner()

    def _bids_shown(self) -> None:
        """Bids and orders are read from the marketplace: when their tab is in front, and after a sync."""
        if self.bids is not None and self.tabs.currentWidget() is self.bids and \
                self.controller.connection == Connection.ONLINE:
            self.bids.reload()
        if self.orders is not None and self.tabs.currentWidget() is self.orders and \
                self.controller.connection == Connection.ONLINE:
            self.orders.reload()
        if self.auctions is not None and self.tabs.currentWidget() is self.auctions and \
                self.controller.connection == Connection.ONLINE:
            self.auctions.reload()

    def show_bid(self, bid_id: str) -> None:
        """The Bids tab, on `bid_id` (from an auction's view: its award)."""
        if self.bids is not None:
            self.tabs.setCurrentWidget(self.bids)
            self.bids.show_bid(bid_id)

    def show_auction(self, auction_id: str) -> None:
        """The Auctions tab, following `auction_id` (from a bid that went to auction)."""
        if self.auctions is not None:
            self.tabs.setCurrentWidget(self.auctions)
            self.auctions.show_auction(auction_id)

    def _local_change(self) -> None:
        self.status.refresh_counts()
        self.controller.sync_now()

    def refresh_after_recovery(self) -> None:
        """A damaged outbox was recovered: show what it holds now, and send it."""
        if self.my_catalogue is not None:
            self.my_catalogue.reload()
        self._local_change()

    def buy_selected(self) -> None:
        """A direct or L1 purchase of the listing selected in the catalogue."""
        listing = self.workspace.cache.listing(self.catalogue.selected_listing_id or "")
        if listing is None:
            self.catalogue.count_label.setText(self.tr("Choose a listing to buy first."))
            return
        district = (self.user.get("buyer_org") or {}).get("district") or ""
        self.purchase = PurchaseDialog(self.workspace, self.tasks, listing, district, lambda _: self._local_change(), self)
        self.purchase.finished.connect(self.purchase.deleteLater)
        self.purchase.open()

    def add_selected_to_cart(self) -> None:
        """The listing selected in the catalogue goes in the cart at its minimum order."""
        listing = self.workspace.cache.listing(self.catalogue.selected_listing_id or "")
        if listing is None:
            self.catalogue.count_label.setText(self.tr("Choose a listing to add to the cart first."))
            return

        def added(line) -> None:
            self.status.message_label.setText(self.tr("In the cart: %1 × %2").replace("%1", number(line.quantity))
                                              .replace("%2", line.title))
            self._refresh_cart_count()
        operations.add_to_cart(self.tasks, self.workspace, listing, added,
                               lambda error: self.status.message_label.setText(str(error)))

    def open_cart(self) -> None:
        district = (self.user.get("buyer_org") or {}).get("district") or ""
        self.cart = CartDialog(self.workspace, self.tasks, district, self)
        self.cart.changed.connect(self._refresh_cart_count)
        self.cart.sent.connect(lambda _order_ids: self._local_change())
        self.cart.finished.connect(self.cart.deleteLater)
        self.cart.open()

    def _refresh_cart_count(self) -> None:
        operations.cart_count(self.tasks, self.workspace, self._show_cart_count)

    def _show_cart_count(self, count: int) -> None:
        self.cart_count = count
        self.cart_action.setText(self.tr("Cart (%1)").replace("%1", str(count)))

    def _announced(self, reachability) -> None:
        self.newer_version = reachability.newer_version or ""
        self.retranslate()

    def open_about(self) -> None:
        self.about = AboutDialog(self.workspace, self.tasks, self)
        self.about.finished.connect(self.about.deleteLater)
        self.about.open()

    def copy_diagnostics(self) -> None:
        copy_diagnostics(self.tasks, self.workspace, lambda _text: self.status.message_label.setText(
            self.tr("The diagnostics are on the clipboard, for support (they hold no password).")))

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.catalogue)
        self.catalogue.focus_search()

    def _show_banner(self, _connection: object = None) -> None:
        state = self.controller.connection
        if state == Connection.OFFLINE:
            last = self.workspace.cache.state("last_sync_at")
            self.banner_text.setText(self.tr(
                "You are working offline: the marketplace cannot be reached. The catalogue is as of the last sync "
                "(%1); changes you make are kept on this computer and sent when the connection returns.")
                .replace("%1", when(last) or self.tr("never")))
            self.banner_button.setText(self.tr("Try again"))
            self.banner.show()
        elif state == Connection.SIGNED_OUT:
            self.banner_text.setText(self.tr("Your session has ended. Sign in again to sync; your changes are kept."))
            self.banner_button.setText(self.tr("Sign in…"))
            self.banner.show()
        else:
            self.banner.hide()

    def _banner_action(self) -> None:
        if self.controller.connection == Connection.SIGNED_OUT:
            self.sign_in_requested.emit()
        else:
            self.controller.sync_now()

    # -- language ---------------------------------------------------------------------------------------


    def retranslate(self) -> None:
        name = self.user.get("display_name") or self.user.get("username") or ""
        self.setWindowTitle(self.tr("GeM Desk — %1").replace("%1", name) if name else self.tr("GeM Desk"))
        if self.my_catalogue is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.my_catalogue), self.tr("My catalogue"))
        self.tabs.setTabText(self.tabs.indexOf(self.catalogue), self.tr("Catalogue"))
        if self.bids is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.bids), self.tr("Bids"))
        if self.orders is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.orders), self.tr("Orders"))
        if self.auctions is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.auctions), self.tr("Auctions"))
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setToolTip(self.tr("Send your changes and receive the marketplace’s (F5)"))
        self.search_action.setText(self.tr("Search"))
        self.settings_action.setText(self.tr("Settings…"))
        self.settings_action.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.quit_action.setText(self.tr("Quit"))
        self.logs_action.setText(self.tr("Open the log folder"))
        self.diagnostics_action.setText(self.tr("Copy diagnostics"))
        self.about_action.setText(self.tr("About GeM Desk…"))
        self.newer_label.setText(self.tr("GeM Desk %1 is available: your IT department installs it.")
                                 .replace("%1", self.newer_version or ""))
        self.newer_label.setVisible(bool(self.newer_version))
        self.buy_action.setText(self.tr("Buy…"))
        self.buy_action.setToolTip(self.tr("Buy the selected listing directly or by L1 comparison"))
        self.add_to_cart_action.setText(self.tr("Add to cart"))
        self.add_to_cart_action.setToolTip(self.tr("Add the selected listing to the cart at its minimum order"))
        self._show_cart_count(self.cart_count)
        self.cart_action.setToolTip(self.tr("The cart: listings for one direct purchase, one order per seller"))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self._show_banner()
