"""Screenshots of the buying cycle's widgets for the README, taken offscreen; no server needed.

    python docs/screenshots_bids.py       # writes docs/screenshots/bid-form*.png, evaluation.png, timeline.png, negotiation.png

`docs/screenshots.py` takes these too, after the shots that need a marketplace. The bid form
uses the demo marketplace's own categories (server/seed_data), the evaluation is that of
docs/examples/bid.json, with the MSE and Make in India preferences, as `gemdesk rules
evaluate` computes it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.ui.bid_form import BidForm  # noqa: E402
from app.ui.bids_page import NegotiationDialog  # noqa: E402
from app.ui.evaluation_view import EvaluationView  # noqa: E402
from app.ui.i18n import load_fonts, set_language  # noqa: E402
from app.ui.timeline import Timeline  # noqa: E402
from domain.bid_json import bid_from_json, evaluation_json  # noqa: E402
from domain.evaluation import evaluate  # noqa: E402
from server.seed_data import catalogue  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
NOW = datetime(2026, 3, 12, 6, 30, tzinfo=timezone.utc)  # 12 Mar 2026, 12:00 IST


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, name: str) -> None:
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  {path.relative_to(ROOT)}")


def demo_categories() -> list[dict[str, Any]]:
    """The demo marketplace's category tree as the client's cache holds it (ids in seed order)."""
    categories: list[dict[str, Any]] = []

    def add(node: dict[str, Any], parent_id: int | None) -> None:
        row_id = len(categories) + 1
        categories.append({"id": row_id, "parent_id": parent_id, "code": node["code"], "name_en": node["name_en"],
                           "name_hi": node["name_hi"],
                           "key_params": [catalogue.key_param_json(p) for p in node.get("params", [])]})
        for child in node.get("children", []):
            add(child, row_id)

    for top in catalogue.TREE:
        add(top, None)
    return categories


def filled_bid_form(categories: list[dict[str, Any]]) -> BidForm:
    form = BidForm(categories, lambda: NOW)
    by_code = {c["code"]: c["id"] for c in categories}
    inputs = form.inputs
    inputs["title"].setText("Hospital beds and bedside lockers for the District Hospital, Raipur")
    inputs["estimated_value_paise"].setText("11,50,000")
    inputs["end_at"].setDateTime(QDateTime(QDate(2026, 3, 26), QTime(15, 0), QTimeZone.utc()))  # shown as IST
    inputs["emd"].setCurrentIndex(inputs["emd"].findData("amount"))
    inputs["emd.amount_paise"].setText("23,000")
    inputs["epbg_bp"].setText("3")
    inputs["ra_enabled"].setChecked(True)
    inputs["ra_rule"].setCurrentIndex(inputs["ra_rule"].findData("h1_elimination"))
    item = form.item_editors[0]
    item.name.setText("Hospital bed, semi-Fowler, manually adjustable")
    item.category.setCurrentIndex(item.category.findData(by_code["hospital-beds"]))
    item.param_inputs["type"].setCurrentIndex(item.param_inputs["type"].findData("Semi-Fowler"))
    item.param_inputs["castors"].setCurrentIndex(item.param_inputs["castors"].findData("With castors"))
    item.consignee_rows[0].district.setText("Raipur")
    item.consignee_rows[0].quantity.setValue(30)
    item.add_consignee_button.click()
    item.consignee_rows[1].district.setText("Mahasamund")
    item.consignee_rows[1].quantity.setValue(10)
    item.consignee_rows[1].delivery_days.setValue(45)
    return form


def example_evaluation() -> dict[str, Any]:
    bid, offers, declines = bid_from_json(json.loads((ROOT / "docs" / "examples" / "bid.json").read_text()))
    return evaluation_json(evaluate(bid, offers, declines))


EXAMPLE_SELLERS = {"S1": "Shivam Hospital Furniture Pvt Ltd", "S2": "Mahamaya Steel Furniture Works",
                   "S3": "Bastar Steel Industries", "S4": "Chhattisgarh Medical Traders", "S5": "National Surgical Supplies",
                   "S6": "Bhilai Bed Works"}

EXAMPLE_HISTORY = [
    {"at": "2026-03-02T04:30:00Z", "who": "demo-buyer", "role": "buyer", "action": "drafted", "note": None},
    {"at": "2026-03-02T05:05:00Z", "who": "demo-buyer", "role": "buyer", "action": "sent for approval", "note": None},
    {"at": "2026-03-03T09:45:00Z", "who": "demo-approver", "role": "approver", "action": "returned to the buyer",
     "note": "Please add the Mahasamund consignee; its beds were sanctioned in the same order."},
    {"at": "2026-03-04T05:50:00Z", "who": "demo-buyer", "role": "buyer", "action": "edited", "note": None},
    {"at": "2026-03-04T06:10:00Z", "who": "demo-buyer", "role": "buyer", "action": "sent for approval", "note": None},
    {"at": "2026-03-04T11:20:00Z", "who": "demo-approver", "role": "approver", "action": "approved and published",
     "note": "Approved under the district's annual plan."},
    {"at": "2026-03-26T09:30:00Z", "who": "system", "role": "system", "action": "closed", "note": None},
    {"at": "2026-03-26T10:00:00Z", "who": "system", "role": "system", "action": "opened", "note": "5 offer(s) received"},
    {"at": "2026-03-27T06:15:00Z", "who": "demo-seller", "role": "seller", "action": "match accepted", "note": "lot all"},
    {"at": "2026-03-27T08:40:00Z", "who": "demo-buyer", "role": "buyer", "action": "awarded", "note": "2 order(s) placed"},
]


def bid_shots(app: QApplication) -> None:
    """The bid form (English and Hindi), an evaluation, a timeline and a negotiation answer."""
    form = filled_bid_form(demo_categories())
    form.resize(820, 1440)  # tall enough to show the whole form at once
    form.show()
    settle(app)
    save(form, "bid-form")
    set_language(app, "hi")
    settle(app)
    save(form, "bid-form-hi")
    set_language(app, "en")
    settle(app)
    form.close()

    view = EvaluationView()
    view.show_evaluation(example_evaluation(), EXAMPLE_SELLERS)
    view.resize(1180, 900)
    view.show()
    settle(app)
    save(view, "evaluation")
    view.close()

    timeline = Timeline()
    timeline.set_events(EXAMPLE_HISTORY)
    timeline.resize(560, 640)
    timeline.show()
    settle(app)
    save(timeline, "timeline")
    timeline.close()

    # The L1 seller's answer to a negotiation round: only lower prices are taken.
    bid = {"number": "GEM/2026/B/6171965", "items": [{"id": "BED", "name": "Hospital bed, semi-Fowler"},
                                                     {"id": "LOCKER", "name": "Bedside locker"}]}
    negotiation = {"id": "n1", "round": 1, "lot": "all", "due_text": "15 Mar 2026, 12:00 IST",
                   "note": "The estimate was Rs 11,50,000; please improve on your price.",
                   "before_prices": {"BED": 24_500_00, "LOCKER": 6_200_00}}
    answer = NegotiationDialog(bid, negotiation)
    answer.prices["BED"].setText("23,900")
    answer.resize(560, answer.sizeHint().height())
    answer.show()
    settle(app)
    save(answer, "negotiation")
    answer.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    load_fonts()
    set_language(app, "en")
    print("Screenshots:")
    bid_shots(app)


if __name__ == "__main__":
    main()
