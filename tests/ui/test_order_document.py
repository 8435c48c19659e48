"""The order document: what an office files and a seller keeps, as a PDF on A4.

There is no PDF text extractor among our dependencies (the page text is compressed glyph
ids), so what the document says is checked on the document the PDF is drawn from, and the
PDF itself by its structure: a PDF, pages, the fonts it drew with, its title."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from PySide6.QtGui import QFontDatabase, QTextDocument

from app.ui.i18n import DEVANAGARI_FAMILY
from app.ui.order_document import footer_text, order_document, order_html, write_order_pdf

HINDI_OFFICE = "जिला कलेक्टर कार्यालय, पुणे"
GENERATED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)


def l1_order(**changes) -> dict:
    order = {
        "id": "8d4c2f0e-5b1a-4c3e-9f7d-2a6b8c1e0f34", "number": "GEMC-2026-000012", "mode": "l1", "bid_id": None,
        "bid_number": None, "buyer_office": HINDI_OFFICE, "seller_name": "Sahyadri Office Systems Pvt Ltd",
        "seller_id": "S12", "category_id": 4, "consignee_district": "Pune", "title": "Laser printers for the Collectorate",
        "lines": [
            {"item": "Monochrome laser printer, A4, duplex", "listing_id": "L-1", "quantity": 7,
             "unit_price_paise": 17_636_650, "total_paise": 123_456_550, "rule": "l1"},
            {"item": "Toner cartridge", "listing_id": "L-2", "quantity": 1, "unit_price_paise": 200, "total_paise": 200,
             "rule": "l1"},
        ],
        "total_paise": 123_456_750,
        "comparison": {"ranked": [], "oems": ["HP", "Canon"], "l1_listing_id": "L-1", "enough_oems": False},
        "reason": "Only two OEMs deliver duplex network printers to Pune.",
        "status": "received", "remark": "Within the L1 limit.",
        "created_at": "2026-11-20T05:00:00Z", "placed_at": "2026-11-20T09:30:00Z", "accepted_at": "2026-11-21T04:15:00Z",
        "delivered_at": "2026-11-24T10:00:00Z", "received_at": "2026-11-25T09:30:00Z", "paid_at": None,
        "payment_days": 10, "payment_due_at": "2026-12-05T09:30:00Z", "late_interest_paise": 0,
    }
    order.update(changes)
    return order


HISTORY = [
    {"at": "2026-11-20T09:30:00Z", "who": "R. Deshmukh", "role": "approver", "action": "approved", "note": "Within the L1 limit."},
    {"at": None, "at_text": "25 Nov 2026, 15:00 IST", "who": "", "role": "system", "action": "CRAC issued", "note": ""},
]


def text_of(order: dict, history: list | None = None) -> str:
    document = QTextDocument()
    document.setHtml(order_html(order, history))
    return " ".join(document.toPlainText().split())


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", data))


def test_the_document_says_what_was_ordered_from_whom(qapp):
    text = text_of(l1_order(), HISTORY)
    assert "Contract / Order" in text and "GEMC-2026-000012" in text
    assert "Laser printers for the Collectorate" in text
    assert "Buying mode L1 purchase" in text
    assert f"Buyer office {HINDI_OFFICE}" in text
    assert "Seller Sahyadri Office Systems Pvt Ltd" in text
    assert "Consignee district Pune" in text
    assert "Status Received (CRAC issued)" in text
    assert "Monochrome laser printer, A4, duplex 7 Rs 1,76,366.50 Rs 12,34,565.50 L1" in text


def test_the_total_in_figures_and_in_words(qapp):
    text = text_of(l1_order())
    assert "Total value of the order Rs 12,34,567.50" in text
    assert ("In words: Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and paise fifty only"
            in text)


def test_dates_are_in_ist(qapp):
    text = text_of(l1_order())
    assert "Raised 20 Nov 2026, 10:30 IST" in text
    assert "Placed 20 Nov 2026, 15:00 IST" in text
    assert "Received (CRAC) 25 Nov 2026, 15:00 IST" in text
    assert "Paid" not in text.split("Payment terms")[0]  # not paid yet: no date to show


def test_payment_terms_and_the_reason_for_fewer_than_three_oems(qapp):
    text = text_of(l1_order())
    assert "Payment due within 10 days of the CRAC" in text
    assert "Payment due by 05 Dec 2026, 15:00 IST." in text
    assert "Interest for late payment" not in text
    assert "Why fewer than three OEMs OEMs that met the requirement (2): HP, Canon" in text
    assert "Only two OEMs deliver duplex network printers to Pune." in text
    assert "Remark Within the L1 limit." in text


def test_late_interest_and_payment_are_shown_once_they_exist(qapp):
    text = text_of(l1_order(late_interest_paise=123_456, paid_at="2026-12-10T06:30:00Z", status="paid"))
    assert "Interest for late payment: Rs 1,234.56." in text
    assert "Paid on 10 Dec 2026, 12:00 IST." in text


def test_an_order_not_yet_placed_from_a_bid(qapp):
    order = l1_order(number=None, mode="bid", bid_number="GEM/2026/B/000123", consignee_district=None, reason=None,
                     comparison=None, remark=None, status="awaiting_approval",
                     lines=[{"item": "Office chair", "quantity": 120, "unit_price_paise": 450_000, "total_paise": 54_000_000,
                             "rule": "MSE_MATCH"}], total_paise=54_000_000)
    text = text_of(order)
    assert "Contract / Order Not yet placed" in text
    assert "Buying mode Bid GEM/2026/B/000123" in text
    assert "Consignee district —" in text
    assert "Office chair 120 Rs 4,500.00 Rs 5,40,000.00 MSE price match" in text
    assert "Rupees Five Lakh Forty Thousand only" in text
    assert "Why fewer than three OEMs" not in text and "Remark" not in text


def test_the_history_at_the_end(qapp):
    text = text_of(l1_order(), HISTORY)
    history = text.split("Order history", 1)[1]
    assert "When By What Note" in history
    assert "20 Nov 2026, 15:00 IST R. Deshmukh (approver) approved Within the L1 limit." in history
    assert "25 Nov 2026, 15:00 IST the marketplace, automatically CRAC issued" in history
    assert "Order history" not in text_of(l1_order())


def test_names_and_remarks_cannot_inject_markup(qapp):
    text = text_of(l1_order(seller_name="<b>A & B</b> Traders", remark="<img src=x>"))
    assert "Seller <b>A & B</b> Traders" in text and "<img src=x>" in text


def test_the_footer_names_the_order_and_when_it_was_generated(qapp):
    assert footer_text(l1_order(), GENERATED_AT) == (
        "Generated by GeM Desk on 25 Nov 2026, 15:30 IST; order id 8d4c2f0e-5b1a-4c3e-9f7d-2a6b8c1e0f34")


def test_devanagari_is_drawn_with_the_bundled_font(qapp):
    """A Hindi office name must not print as empty boxes: the bundled font is among the
    document's fallbacks and is the one the layout really uses for the Devanagari text."""
    assert DEVANAGARI_FAMILY in QFontDatabase.families()
    document = order_document(l1_order())
    assert DEVANAGARI_FAMILY in document.defaultFont().families()
    document.setTextWidth(800)
    document.documentLayout().documentSize()  # lays it out
    used = set()
    block = document.begin()
    while block.isValid():
        if HINDI_OFFICE in block.text():
            lines = (block.layout().lineAt(n) for n in range(block.layout().lineCount()))
            used |= {run.rawFont().familyName() for line in lines for run in line.glyphRuns()}
        block = block.next()
    assert DEVANAGARI_FAMILY in used


def test_the_pdf_is_an_a4_pdf_with_the_order_in_it(qapp, tmp_path):
    path = tmp_path / "GEMC-2026-000012.pdf"
    write_order_pdf(l1_order(), path, history=HISTORY, now=GENERATED_AT)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(data) > 10_000
    assert pdf_pages(data) == 1
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)  # A4 in points
    assert b"GEMC-2026-000012" in data  # in its title (the page text is compressed glyphs)
    assert b"/BaseFont /NotoSansDevanagari" in data  # the Hindi office name was drawn, in the bundled font
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # nothing half-written left beside it


def test_a_long_order_runs_onto_more_pages(qapp, tmp_path):
    lines = [{"item": f"Item {n}", "quantity": 1, "unit_price_paise": 100, "total_paise": 100, "rule": "direct"}
             for n in range(120)]
    path = tmp_path / "long.pdf"
    write_order_pdf(l1_order(lines=lines, total_paise=12_000), str(path))
    assert pdf_pages(path.read_bytes()) >= 3


def test_saving_again_replaces_the_file_whole(qapp, tmp_path):
    path = tmp_path / "order.pdf"
    path.write_bytes(b"an older document")
    write_order_pdf(l1_order(), path)
    assert path.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["order.pdf"]


def test_a_folder_that_does_not_exist_is_an_error_and_leaves_nothing(qapp, tmp_path):
    with pytest.raises(OSError):
        write_order_pdf(l1_order(), tmp_path / "missing" / "order.pdf")
    assert list(tmp_path.iterdir()) == []
