"""A seller's offer, prepared offline in the offer dialog: which of its own listings it offers
per item, what it offers for each key parameter the bid requires (a difference marked for the
seller, judged by the buyer), the price per unit; revised from the offer it has. Then, through
a real server: an offer naming a listing is accepted, revised under the same id, withdrawn
and made again, and the buyer of a two-packet bid reads each offer's compliance in the
technical evaluation, without a price."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.procurement import Request
from app.seller_catalogue import MyListing, SyncState
from app.ui.bids_page import OfferDialog, closest_listing, offer_to_revise, offerable_listings
from tests.ui.conftest import signed_in
from tests.ui.test_bids_page import advance, bids_tab, published_bid, select, wait_for_status

ALMIRAH, CHAIR = 21, 22
CATEGORIES = [
    {"id": ALMIRAH, "name_en": "Steel Almirah", "name_hi": "स्टील अलमारी", "key_params": [
        {"name": "height_mm", "label_en": "Height", "label_hi": "ऊंचाई", "kind": "number", "unit": "mm"},
        {"name": "shelves", "label_en": "Shelves", "label_hi": "खाने", "kind": "number", "unit": ""},
        {"name": "locker", "label_en": "Locker", "label_hi": "लॉकर", "kind": "choice", "unit": ""}]},
    {"id": CHAIR, "name_en": "Office Chairs", "name_hi": "कार्यालय कुर्सियाँ", "key_params": [
        {"name": "type", "label_en": "Type", "label_hi": "प्रकार", "kind": "text", "unit": ""},
        {"name": "max_load_kg", "label_en": "Maximum load", "label_hi": "अधिकतम भार", "kind": "number", "unit": "kg"}]},
]
BID = {"id": "bid-1", "number": "GEM/2026/B/6000123", "items": [
    {"id": "1", "name": "Steel almirah with locker", "category_id": ALMIRAH,
     "key_specs": {"height_mm": "1980", "shelves": "4", "locker": "With locker"},
     "consignees": [{"district": "Raipur", "quantity": 40, "delivery_days": 30}]},
    {"id": "2", "name": "Revolving chair", "category_id": CHAIR,
     "key_specs": {"type": "Revolving, medium back", "max_load_kg": "120"},
     "consignees": [{"district": "Durg", "quantity": 25, "delivery_days": 30}]},
]}


def my_listing(listing_id: str, title: str, category: int, specs: dict[str, str], status: str = "published",
               version: int | None = 1, retiring: bool = False) -> MyListing:
    return MyListing(id=listing_id, fields={"title": title, "category_id": category, "key_specs": specs,
                                            "local_content_pct": 70},
                     status=status, sync=SyncState.SYNCED if version else SyncState.PENDING, version=version,
                     retiring=retiring)


MINE = [
    my_listing("store", "Store MS-1270 almirah", ALMIRAH, {"height_mm": "1270", "shelves": "3", "locker": "Without locker"}),
    my_listing("tijori", "Tijori MS-1980L almirah", ALMIRAH, {"height_mm": "1980", "shelves": "4", "locker": "With locker"}),
    my_listing("officer", "Officer MS-2180L almirah", ALMIRAH, {"height_mm": "2180", "shelves": "5", "locker": "With locker"},
               status="out_of_stock"),
    my_listing("plain", "Plain MS-1830 almirah", ALMIRAH, {"height_mm": "1830"}, status="retired"),
    my_listing("leaving", "Old MS-1500 almirah", ALMIRAH, {"height_mm": "1500"}, retiring=True),
    my_listing("draft", "Draft MS-1000 almirah", ALMIRAH, {"height_mm": "1000"}, status="draft"),
    my_listing("new-here", "New MS-2000 almirah", ALMIRAH, {"height_mm": "2000"}, status="draft", version=None),
    my_listing("sahaj", "Sahaj MS-210 chair", CHAIR, {"type": "Revolving, medium back", "max_load_kg": "100"}),
]


def choices(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


@pytest.fixture
def dialog(qtbot):
    made = OfferDialog(BID, offerable_listings(MINE), CATEGORIES)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def marked(dialog: OfferDialog, item_id: str) -> list[str]:
    """The key parameters the dialog marks as differing from the requirement."""
    inputs = dialog.items[item_id]
    return [name for name, mark in inputs.marks.items() if mark.isVisibleTo(dialog)]


def test_each_item_offers_only_the_sellers_listings_of_its_category(dialog):
    # Listings the marketplace has and buyers can see; none retired, being retired, or only here.
    assert choices(dialog.items["1"].listing) == ["store", "tijori", "officer", None]
    assert choices(dialog.items["2"].listing) == ["sahaj", None]
    assert dialog.items["1"].listing.itemText(3) == "(no listing: describe the offer)"
    # The listing closest to the requirement is chosen first, its values filled in.
    assert dialog.items["1"].listing.currentData() == "tijori"
    assert {name: edit.text() for name, edit in dialog.items["1"].offered.items()} == \
        {"height_mm": "1980", "shelves": "4", "locker": "With locker"}
    assert [label.text() for label in dialog.items["1"].required.values()] == \
        ["Height (mm): required <b>1980</b>", "Shelves: required <b>4</b>", "Locker: required <b>With locker</b>"]
    assert dialog.items["1"].box.title() == "Steel almirah with locker — 40 in all"


def test_choosing_a_listing_fills_in_what_it_offers_and_marks_what_differs(qtbot, dialog):
    almirah = dialog.items["1"]
    assert marked(dialog, "1") == []
    almirah.listing.setCurrentIndex(almirah.listing.findData("store"))
    assert {name: edit.text() for name, edit in almirah.offered.items()} == \
        {"height_mm": "1270", "shelves": "3", "locker": "Without locker"}
    assert marked(dialog, "1") == ["height_mm", "shelves", "locker"]
    assert almirah.marks["shelves"].text() == "differs from the requirement"
    # The chair listing says 100 kg where 120 is required: marked, not refused (the buyer judges).
    assert marked(dialog, "2") == ["max_load_kg"]
    # The seller corrects a value by hand; the same value written another way is no difference.
    almirah.offered["shelves"].clear()
    qtbot.keyClicks(almirah.offered["shelves"], "4.0")
    almirah.offered["locker"].setText("without  LOCKER")
    assert marked(dialog, "1") == ["height_mm", "locker"]
    # No listing: the required values, for the seller to change to what it offers.
    almirah.listing.setCurrentIndex(almirah.listing.findData(None))
    assert {name: edit.text() for name, edit in almirah.offered.items()} == \
        {"height_mm": "1980", "shelves": "4", "locker": "With locker"}
    assert marked(dialog, "1") == []


def test_the_body_names_the_listing_and_the_compliance_as_stated(qtbot, dialog):
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not dialog.problem.isVisibleTo(dialog)  # nothing red before anything is typed
    ok.click()  # an attempt to send says what is missing, and sends nothing
    assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog) and "price above zero" in dialog.problem.text()
    qtbot.keyClicks(dialog.prices["1"], "17,500")
    dialog.prices["2"].setText("4,899.50")
    dialog.items["2"].offered["type"].clear()
    assert dialog.problem.text() == "State what you offer for every key parameter."
    dialog.items["2"].offered["type"].setText("Revolving, medium back, fabric")
    dialog.local.setValue(72)
    assert ok.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    # Each item's price times its quantity, and the offer's total.
    assert dialog.items["1"].total.text() == "× 40 = Rs 7,00,000.00"
    assert dialog.grand_total.text() == "Total of your offer: Rs 8,22,487.50"
    assert dialog.body() == {"local_content_pct": 72, "items": {
        "1": {"unit_price_paise": 17_500_00, "listing_id": "tijori",
              "compliance": {"height_mm": "1980", "shelves": "4", "locker": "With locker"}},
        "2": {"unit_price_paise": 4_899_50, "listing_id": "sahaj",
              "compliance": {"type": "Revolving, medium back, fabric", "max_load_kg": "100"}}}}


def test_the_price_starts_from_the_listings_and_cancel_asks(qtbot, questions):
    priced = [my_listing("tijori", "Tijori MS-1980L almirah", ALMIRAH, {"height_mm": "1980", "shelves": "4",
                                                                       "locker": "With locker"})]
    priced[0].fields["price_paise"] = 15_490_00
    dialog = OfferDialog(BID, offerable_listings(priced), CATEGORIES)
    qtbot.addWidget(dialog)
    assert dialog.prices["1"].text() == "15,490" and dialog.items["1"].total.text() == "× 40 = Rs 6,19,600.00"
    dialog.prices["1"].setText("15,000")  # the seller's own price stays when the listing changes
    dialog.items["1"].listing.setCurrentIndex(dialog.items["1"].listing.findData(None))
    assert dialog.prices["1"].text() == "15,000"
    dialog.show()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert questions == ["Discard this offer?"] and dialog.isVisible()


def test_a_revision_starts_from_the_offer_the_seller_has(qtbot):
    current = {"id": "o-1", "receipt": "9f2c41d0a7be55aa99", "local_content_pct": 62, "items": {
        "1": {"unit_price_paise": 17_250_00, "listing_id": "store",
              "compliance": {"height_mm": "1270", "shelves": "3", "locker": "Without locker"}},
        "2": {"unit_price_paise": 4_899_00, "listing_id": "sahaj-gone",
              "compliance": {"type": "Revolving, medium back", "max_load_kg": "120"}}}}
    dialog = OfferDialog(BID, offerable_listings(MINE), CATEGORIES, current)
    qtbot.addWidget(dialog)
    assert "revising your offer (receipt 9f2c41d0a7be…)" in dialog.revising.text()
    assert dialog.items["1"].listing.currentData() == "store" and dialog.prices["1"].text() == "17,250"
    assert dialog.items["1"].offered["height_mm"].text() == "1270" and dialog.local.value() == 62
    # A listing the seller can no longer offer stays named, as it is in the offer.
    chair = dialog.items["2"].listing
    assert chair.currentData() == "sahaj-gone" and chair.currentText() == "(the listing in your offer, not offerable now)"
    assert dialog.items["2"].offered["max_load_kg"].text() == "120"  # as stated, not the listing's 100
    assert dialog.body()["items"]["2"]["listing_id"] == "sahaj-gone"


def request(seq: int, offer_id: str, state: str, body: dict | None, bid_id: str = "bid-1") -> Request:
    return Request(seq, f"offer:{offer_id}", "offer", "PUT", f"/api/v1/bids/{bid_id}/offers/{offer_id}", body, False,
                   None, str(uuid.uuid4()), state, None, None, None, 1)


def test_the_offer_is_revised_under_its_own_id_from_what_the_seller_said_last():
    first, second = {"local_content_pct": 10, "items": {}}, {"local_content_pct": 20, "items": {}}
    server = {"id": "on-server", "local_content_pct": 30, "items": {}}
    assert offer_to_revise("bid-1", None, []) == (None, None)  # a new offer
    assert offer_to_revise("bid-1", server, []) == ("on-server", server)
    other_bid = request(1, "elsewhere", "pending", first, bid_id="bid-2")
    assert offer_to_revise("bid-1", None, [other_bid]) == (None, None)
    # Made offline and not sent yet: the same id, and what waits to be sent (newer than the server's).
    assert offer_to_revise("bid-1", server, [request(2, "on-server", "pending", second)]) == ("on-server", second)
    assert offer_to_revise("bid-1", None, [request(1, "here", "done", first), request(2, "here", "sent", second)]) \
        == ("here", second)
    # The marketplace cannot say: the last offer it accepted from here keeps its id.
    assert offer_to_revise("bid-1", None, [request(1, "here", "done", first)]) == ("here", first)
    # A refused new offer: a fresh id (the refusal would hold a same-id revision back), its values to correct.
    assert offer_to_revise("bid-1", None, [request(1, "refused", "rejected", first)]) == (None, first)


def test_differences_and_the_closest_listing():
    listings = [listing.as_listing() for listing in MINE[:3]]
    assert closest_listing(listings, {"height_mm": "2180", "shelves": "5"})["id"] == "officer"
    assert closest_listing([], {"height_mm": "2180"}) is None


def test_the_dialog_stays_usable_with_many_items(qtbot):
    bid = dict(BID, items=[dict(BID["items"][n % 2], id=str(n), name=f"Lot {n}") for n in range(1, 9)])
    dialog = OfferDialog(bid, offerable_listings(MINE), CATEGORIES)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() < 760 and dialog.scroll.verticalScrollBar().maximum() > 0  # it scrolls
    assert dialog.scroll.horizontalScrollBar().maximum() == 0  # nothing cut off at the side


def test_the_dialog_renders(qtbot, dialog):
    dialog.prices["1"].setText("17,500")
    dialog.items["1"].listing.setCurrentIndex(dialog.items["1"].listing.findData("store"))
    qtbot.wait(50)
    assert dialog.grab().save("/tmp/offer-dialog.png")


# -- through a real server --------------------------------------------------------------------


@pytest.fixture
def server_env() -> dict[str, str]:
    return {"GEMDESK_SERVER_TEST_CLOCK": "1"}


def demo_listing(server) -> tuple[str, int, str, dict[str, str]]:
    """(id, category, title, key parameters) of one of the demo seller's published listings."""
    listing_id, category, title, specs = server.query(
        "SELECT l.id, l.category_id, l.title, l.key_specs FROM listings l JOIN users u "
        "ON u.seller_firm_id = l.seller_firm_id WHERE u.username = 'demo-seller' AND l.status = 'published' "
        "ORDER BY l.title LIMIT 1")[0]
    return str(uuid.UUID(str(listing_id))), category, title, json.loads(specs) if isinstance(specs, str) else specs


def test_an_offer_names_a_listing_and_the_buyer_reads_its_compliance(qtbot, desks, server, monkeypatch):
    listing_id, category, title, specs = demo_listing(server)
    first = sorted(specs)[0]
    required = dict(specs, **{first: specs[first] + "0"})  # the listing differs on one parameter
    buyer = desks.open("buyer")
    window = signed_in(qtbot, buyer, server, "demo-buyer")
    bid_title = f"Two-packet compliance {uuid.uuid4().hex[:6]}"
    bid_id = published_bid(qtbot, desks, server, buyer, bid_title, category, required, packets=2)

    # The seller offers its listing through the dialog; the marketplace accepts it.
    seller = desks.open("seller")
    seller_page = bids_tab(qtbot, signed_in(qtbot, seller, server, "demo-seller"))
    wait_for_status(qtbot, seller, seller_page, bid_title, "published")
    select(qtbot, seller_page, bid_title)
    qtbot.mouseClick(seller_page.actions["offer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seller_page.findChild(OfferDialog) is not None, timeout=10_000)
    offer = seller_page.findChild(OfferDialog)
    furniture = offer.items["1"]
    furniture.listing.setCurrentIndex(furniture.listing.findData(listing_id))
    assert furniture.offered[first].text() == specs[first] and list(marked(offer, "1")) == [first]
    offer.prices["1"].setText("17,500")
    offer.local.setValue(60)
    offer.accept()
    sent = seller.workspace.procurement
    qtbot.waitUntil(lambda: sent.waiting() == 0 and sent.requests(("done",)) != [], timeout=20_000)
    assert sent.requests(("rejected",)) == []
    mine = sent.my_offer(seller.workspace.api(), bid_id)
    assert mine["items"]["1"]["listing_id"] == listing_id and mine["items"]["1"]["compliance"][first] == specs[first]
    # The seller sees their own offer on the bid's page and in its timeline: when, its value, its state.
    qtbot.waitUntil(lambda: "Your prices" in seller_page.summary.toPlainText(), timeout=20_000)
    page_text = seller_page.summary.toPlainText()
    assert "submitted on" in page_text and "Rs 17,500.00 per unit" in page_text
    assert any(entry.what_label.text() == "Your offer submitted" and "in all; receipt" in entry.note_label.text()
               for entry in seller_page.timeline.entries)

    # A revision starts from that offer and goes under its id (a second offer would be refused).
    qtbot.mouseClick(seller_page.actions["offer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seller_page.findChildren(OfferDialog)) == 1
                    and seller_page.findChild(OfferDialog) is not offer, timeout=10_000)
    revision = seller_page.findChild(OfferDialog)
    assert revision.prices["1"].text() == "17,500" and revision.items["1"].listing.currentData() == listing_id
    revision.prices["1"].setText("17,200")
    revision.accept()
    qtbot.waitUntil(lambda: sent.waiting() == 0 and len(sent.requests(("done",))) == 2, timeout=20_000)
    assert sent.requests(("rejected",)) == []
    assert sent.my_offer(seller.workspace.api(), bid_id)["items"]["1"]["unit_price_paise"] == 17_200_00

    # Withdrawn from the window (the server counts it), then made again before the end.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    assert seller_page.actions["withdraw"].isVisible()
    qtbot.mouseClick(seller_page.actions["withdraw"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "2 withdrawals left" in seller_page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: sent.waiting() == 0 and len(sent.requests(("done",))) == 3, timeout=20_000)
    withdrawn = sent.my_offer(seller.workspace.api(), bid_id)
    assert withdrawn["status"] == "withdrawn" and withdrawn["withdrawals_left"] == 2
    qtbot.mouseClick(seller_page.actions["withdraw"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no offer on this bid" in seller_page.message.text(), timeout=10_000)
    qtbot.mouseClick(seller_page.actions["offer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seller_page.findChild(OfferDialog) not in (None, offer, revision), timeout=10_000)
    again = seller_page.findChild(OfferDialog)
    assert again.prices["1"].text() == "17,200"
    again.accept()
    qtbot.waitUntil(lambda: sent.waiting() == 0 and len(sent.requests(("done",))) == 4, timeout=20_000)
    assert sent.requests(("rejected",)) == []
    assert sent.my_offer(seller.workspace.api(), bid_id)["status"] != "withdrawn"

    # Opened: the buyer's technical evaluation shows what is offered against what is required.
    advance(server, timedelta(days=12, minutes=31).total_seconds())
    page = bids_tab(qtbot, window)
    wait_for_status(qtbot, buyer, page, bid_title, "technical_evaluation")
    select(qtbot, page, bid_title)
    qtbot.waitUntil(lambda: page.offer_list.count() == 1 and title in page.offer_list.item(0).text(), timeout=10_000)
    shown = page.offer_list.item(0).text()
    assert f"offered {specs[first]}, required {required[first]} — differs from the requirement" in shown
    others = [name for name in specs if name != first]
    assert all(f"offered {specs[name]}, required {specs[name]}" in shown for name in others)
    assert shown.count("differs from the requirement") == 1
    assert "Rs" not in shown and "17,200" not in shown and "17200" not in shown  # no price before the financial packet
    assert desks.crashes == []
