"""The buying cycle's widgets, on their own (no server): the bid form checks as the buyer
types and says which ways of buying the value allows; the evaluation view shows L1, the
preference bands and the award in Indian formats; the timeline shows a bid's history in IST."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtGui import QFont, QTextDocumentFragment
from PySide6.QtWidgets import QDialog

from app.ui.bid_form import BidForm, basis_points
from app.ui.evaluation_view import EvaluationView
from app.ui.i18n import set_language
from app.ui.timeline import Timeline
from domain.bid_fields import EDITABLE, check_bid_fields
from domain.bid_json import bid_from_json, evaluation_json
from domain.evaluation import evaluate

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 12, 6, 30, tzinfo=timezone.utc)  # 12 Mar 2026, 12:00 IST: the 2024 limits apply

CATEGORIES = [
    {"id": 10, "parent_id": None, "code": "medical", "name_en": "Medical Equipment", "name_hi": "चिकित्सा उपकरण",
     "key_params": []},
    {"id": 11, "parent_id": 10, "code": "hospital-beds", "name_en": "Hospital Beds", "name_hi": "अस्पताल बिस्तर",
     "key_params": [
         {"name": "type", "label_en": "Type", "label_hi": "प्रकार", "kind": "choice", "unit": "",
          "choices": ["Plain", "Semi-Fowler", "Fowler"]},
         {"name": "max_load_kg", "label_en": "Maximum load", "label_hi": "अधिकतम भार", "kind": "number", "unit": "kg",
          "choices": []}]},
    {"id": 12, "parent_id": 10, "code": "bp-monitors", "name_en": "Digital Blood Pressure Monitors",
     "name_hi": "डिजिटल रक्तचाप मॉनिटर", "key_params": []},
]
LEAVES = {11, 12}


def plain(html: str) -> str:
    """What a rich-text label shows, as text."""
    return QTextDocumentFragment.fromHtml(html).toPlainText()


@pytest.fixture
def form(qtbot):
    form = BidForm(CATEGORIES, lambda: NOW)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def fill_in(form: BidForm) -> None:
    """A complete bid, typed as a buyer would."""
    inputs = form.inputs
    inputs["title"].setText("Hospital beds for the District Hospital, Raipur")
    inputs["estimated_value_paise"].setText("4,50,000")
    inputs["emd"].setCurrentIndex(inputs["emd"].findData("amount"))
    inputs["emd.amount_paise"].setText("10,000")
    inputs["epbg_bp"].setText("3")
    inputs["mse_preference.band_bp"].setText("15")
    inputs["mse_preference.share_bp"].setText("25")
    inputs["mii_preference.margin_bp"].setText("20")
    inputs["mii_preference.l1_share_bp"].setText("50")
    inputs["end_at"].setDateTime(QDateTime(QDate(2026, 3, 26), QTime(15, 0), QTimeZone.utc()))  # as shown: IST
    item = form.item_editors[0]
    item.name.setText("Hospital bed, semi-Fowler, manually adjustable")
    item.category.setCurrentIndex(item.category.findData(11))
    item.param_inputs["type"].setCurrentIndex(item.param_inputs["type"].findData("Semi-Fowler"))
    consignee = item.consignee_rows[0]
    consignee.district.setText("Raipur")
    consignee.quantity.setValue(40)
    consignee.delivery_days.setValue(45)


def shown_problems(form: BidForm) -> dict[str, str]:
    """The red lines the form shows (a new item's show once Qt lays it out)."""
    return {name: label.text() for name, label in form.field_problems.items() if label.isVisibleTo(form)}


def test_the_advisor_says_which_ways_of_buying_the_typed_value_allows(qtbot, form):
    value = form.inputs["estimated_value_paise"]
    assert "Type the estimated value" in plain(form.verdict_label.text())

    qtbot.keyClicks(value, "40,000")
    verdict = plain(form.verdict_label.text())
    assert "Direct purchase: allowed" in verdict and "L1 purchase: allowed" in verdict
    assert "OM F.1/3/2024-PPD, 10 Jul 2024" in verdict  # the order in force on 12 Mar 2026, cited

    value.setText("50,000")  # exactly the direct purchase limit of 2024: "up to" includes it
    assert "Direct purchase: allowed" in plain(form.verdict_label.text())
    value.setText("50,000.01")
    verdict = plain(form.verdict_label.text())
    assert "Direct purchase: not allowed" in verdict and "L1 purchase: allowed" in verdict

    value.clear()
    qtbot.keyClicks(value, "10,00,001")  # one rupee above the L1 limit: only a bid or an auction
    verdict = plain(form.verdict_label.text())
    assert "Direct purchase: not allowed" in verdict and "L1 purchase: not allowed" in verdict
    assert "Bid or reverse auction: required" in verdict
    assert "Rs 10,00,001.00" in verdict


def test_a_problem_shows_beside_its_own_field_and_blocks_saving(qtbot, form):
    fill_in(form)
    assert shown_problems(form) == {} and form.check()

    form.inputs["offer_validity_days"].setValue(30)
    assert list(shown_problems(form)) == ["offer_validity_days"]
    assert shown_problems(form)["offer_validity_days"] == "Offers must stay valid for 60 to 180 days."
    assert not form.check()
    # beside the field: right under its input, above the next field's
    problem = form.field_problems["offer_validity_days"]
    field_bottom = form.inputs["offer_validity_days"].mapTo(form, form.inputs["offer_validity_days"].rect().bottomLeft()).y()
    next_top = form.inputs["min_offers"].mapTo(form, form.inputs["min_offers"].rect().topLeft()).y()
    assert field_bottom < problem.mapTo(form, problem.rect().topLeft()).y() < next_top

    form.inputs["offer_validity_days"].setValue(120)
    assert shown_problems(form) == {} and form.check()

    form.inputs["estimated_value_paise"].setText("12abc")
    assert list(shown_problems(form)) == ["estimated_value_paise"]
    assert "Enter an amount in rupees" in shown_problems(form)["estimated_value_paise"]
    assert "Type the estimated value" in plain(form.verdict_label.text())
    assert not form.check()
    form.inputs["estimated_value_paise"].setText("4,50,000")

    form.inputs["emd.amount_paise"].setText("50,000")  # 11% of the value: EMD is 2-5%
    assert shown_problems(form) == {
        "emd.amount_paise": "The EMD must be 2% to 5% of the estimated value: from Rs 9,000.00 to Rs 22,500.00."}
    form.inputs["emd.amount_paise"].setText("9,000")

    form.item_editors[0].consignee_rows[0].district.setText("")
    assert list(shown_problems(form)) == ["items[0].consignees[0]"]  # the consignee's row
    assert form.item_editors[0].consignee_rows[0].problem.text() == "Name the consignee's district."
    form.item_editors[0].consignee_rows[0].district.setText("Raipur")

    form.inputs["mse_preference.share_bp"].setText("twenty")
    assert list(shown_problems(form)) == ["mse_preference.share_bp"]  # not also its whole preference
    form.inputs["mse_preference.share_bp"].setText("25")
    assert shown_problems(form) == {} and form.check()


def test_a_filled_form_gives_a_body_the_rules_accept_in_paise_and_basis_points(qtbot, form):
    fill_in(form)
    body = form.body()
    assert tuple(body) == EDITABLE
    assert check_bid_fields(body, NOW, LEAVES.__contains__) == {}
    assert body["estimated_value_paise"] == 4_50_000_00
    assert body["emd"] == {"mode": "amount", "amount_paise": 10_000_00, "mse_startup_exempt": True}
    assert body["epbg_bp"] == 300
    assert body["mse_preference"] == {"enabled": True, "band_bp": 1500, "share_bp": 2500}
    assert body["mii_preference"] == {"enabled": True, "margin_bp": 2000, "l1_share_bp": 5000}
    money_and_points = [body["estimated_value_paise"], body["emd"]["amount_paise"], body["epbg_bp"],
                        *body["mse_preference"].values(), *body["mii_preference"].values()]
    assert all(type(value) in (int, bool) for value in money_and_points)
    assert body["end_at"] == "2026-03-26T09:30:00.000000Z"  # 15:00 IST, in UTC
    assert body["items"] == [{"id": "1", "name": "Hospital bed, semi-Fowler, manually adjustable", "category_id": 11,
                              "key_specs": {"type": "Semi-Fowler"},
                              "consignees": [{"district": "Raipur", "quantity": 40, "delivery_days": 45}]}]

    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted

    # Editing the saved bid starts from exactly what was saved.
    again = BidForm(CATEGORIES, lambda: NOW, start=body)
    qtbot.addWidget(again)
    assert again.body() == body and again.problems() == {}


def test_a_second_item_and_consignee_and_group_wise_groups(qtbot, form):
    fill_in(form)
    form.add_item_button.click()
    assert len(form.item_editors) == 2
    assert shown_problems(form) == {}  # a new item opens without red: nothing was typed in it yet
    second = form.item_editors[1]
    second.name.setText("Digital BP monitor")
    second.category.setCurrentIndex(second.category.findData(12))
    second.consignee_rows[0].district.setText("Durg")
    second.add_consignee_button.click()
    assert shown_problems(form) == {}
    form.save_button.click()  # an attempt to save shows what is left to do
    assert set(shown_problems(form)) == {"items[1].consignees[1]"} and form.isVisible()
    second.consignee_rows[1].district.setText("Bilaspur")
    assert shown_problems(form) == {}
    assert [c["district"] for c in form.body()["items"][1]["consignees"]] == ["Durg", "Bilaspur"]

    form.inputs["method"].setCurrentIndex(form.inputs["method"].findData("group_wise"))
    assert "group name on every item" in shown_problems(form)["groups"]
    assert not form.check()
    form.item_editors[0].group.setText("Ward furniture")
    second.group.setText("Diagnostics")
    assert shown_problems(form) == {}
    assert form.body()["groups"] == [{"id": "G1", "name": "Ward furniture", "items": ["1"]},
                                     {"id": "G2", "name": "Diagnostics", "items": ["2"]}]

    form.item_editors[0].remove_button.click()  # the rules' names follow the items' new places
    assert [item["id"] for item in form.body()["items"]] == ["1"]
    second.name.setText("")
    assert list(shown_problems(form)) == ["items[0].name"]
    assert form.field_problems["items[0].name"] is second.problems["name"]


def test_percentages_are_read_without_floats():
    assert basis_points("15") == 1500 and basis_points("2.5") == 250 and basis_points("0.1 %") == 10
    for bad in ("", "abc", "101", "1e2", "2.555", "-1"):
        with pytest.raises(ValueError):
            basis_points(bad)


def test_the_form_speaks_hindi(qtbot, qapp, form):
    fill_in(form)
    form.inputs["estimated_value_paise"].setText("5,00,000")
    set_language(qapp, "hi")
    qtbot.wait(10)
    assert form.field_labels["title"].text() == "बिड का शीर्षक"
    verdict = plain(form.verdict_label.text())
    assert "सीधी खरीद: अनुमति नहीं" in verdict and "L1 खरीद: अनुमति है" in verdict
    assert form.item_editors[0].category.currentText() == "अस्पताल बिस्तर"
    assert form.body()["items"][0]["key_specs"] == {"type": "Semi-Fowler"}  # kept across the switch


# --- the evaluation -------------------------------------------------------------------------------


@pytest.fixture
def example_evaluation():
    bid, offers, declines = bid_from_json(json.loads((ROOT / "docs" / "examples" / "bid.json").read_text()))
    return evaluation_json(evaluate(bid, offers, declines))


SELLERS = {"S1": "Sharma Hospital Furniture", "S2": "Mahamaya Steel Furniture Works", "S6": "Bhilai Bed Works"}


def test_the_evaluation_marks_l1_and_shows_the_award_in_indian_formats(qtbot, example_evaluation):
    view = EvaluationView()
    qtbot.addWidget(view)
    assert "No evaluation to show yet" in view.view.toPlainText()
    view.show_evaluation(example_evaluation, SELLERS)
    text = view.view.toPlainText()
    document = view.view.document()

    # L1 (S1, by name) is bold with its badge; the next in the ranking is not.
    ranking = document.find("Offer submitted")  # the ranking table's last heading
    l1 = document.find("Sharma Hospital Furniture", ranking)
    assert l1.charFormat().fontWeight() >= QFont.Weight.Bold
    badge = document.find("L1", ranking)
    assert badge.block() == l1.block() and badge.charFormat().fontWeight() >= QFont.Weight.Bold
    second = document.find("S4", ranking)
    assert second.charFormat().fontWeight() < QFont.Weight.Bold
    assert "L1 is Sharma Hospital Furniture at Rs 10,68,000.00 for the lot." in text
    assert text.index("Rs 10,68,000.00") < text.index("Rs 11,30,000.00") < text.index("Rs 11,80,000.00")
    assert "As opened" not in text  # no price moved after the opening

    # The MSE band: who was in it, who was not eligible and why, who matched and shares.
    mse = text[text.index("MSE purchase preference"):text.index("Make in India purchase preference")]
    assert "within 15% of L1, up to Rs 12,28,200.00" in mse
    both = "Bhilai Bed Works, Mahamaya Steel Furniture Works"
    assert f"Matched\t{both}" in mse or f"Matched\n{both}" in mse
    assert "S4 (an MSE trader: only manufacturers qualify in a goods bid)" in mse
    assert f"{both} matched the L1 price and share the quantity in proportion to what each tendered." in mse
    assert ("invited together: Bhilai Bed Works, Mahamaya Steel Furniture Works; Bhilai Bed Works and Mahamaya "
            "Steel Furniture Works matched") in mse  # the note
    mii = text[text.index("Make in India purchase preference"):text.index("Award")]
    assert "Not applied: the MSE preference prevails in this lot." in mii

    # The award: each line with its amounts in lakh grouping, its rule and reason; the total.
    award = text[text.index("Award"):]
    for amount in ("Rs 6,45,000.00", "Rs 1,07,500.00", "Rs 1,56,000.00", "Rs 26,000.00", "Rs 21,500.00"):
        assert amount in award
    assert award.count("\nMSE price match\n") == 4  # the rule of S6's and S2's two lines each, with its reason
    assert award.count("MSE price match (PPP-MSE Order 2012 para 10, amended 2018): its part of the 25% share") == 4
    assert award.count("\nL1\n") == 2
    assert "Hospital bed, semi-Fowler, manually adjustable" in award
    assert "Total of the award: Rs 10,68,000.00" in award
    assert "Rs 8,01,000.00" in award and award.count("Rs 1,33,500.00") == 2  # by seller


def test_the_evaluation_redraws_in_hindi(qtbot, qapp, example_evaluation):
    view = EvaluationView()
    qtbot.addWidget(view)
    view.show_evaluation(example_evaluation)
    assert "Total of the award" in view.view.toPlainText()
    set_language(qapp, "hi")
    qtbot.wait(10)
    text = view.view.toPlainText()
    assert "Total of the award" not in text and "कुल आवंटन: Rs 10,68,000.00" in text
    assert "इस लॉट में L1 S1 है, Rs 10,68,000.00 पर।" in text


def test_the_evaluation_says_the_bands_were_measured_as_opened_and_the_exemption_in_both_languages(qtbot, qapp):
    # L1 negotiated down from Rs 1,000 to Rs 900 a chair; the MSE's Rs 1,140 is eligible on the
    # price as opened (DoE manual para 1.10, 5(b), Note). The bid is estimated at Rs 4,00,000,
    # below Rs 5 lakh: no Make in India margin (PPP-MII Order 2017, rev. 2020, para 4).
    document = {"bid": {"number": "GEM/2026/B/1", "estimated_value_paise": 4_00_000_00,
                        "items": [{"id": "CHAIR", "quantity": 100}],
                        "mse_preference": {"enabled": True}, "mii_preference": {"enabled": True}},
                "offers": [{"seller": "S1", "submitted_at": "2026-03-01T10:00:00Z", "unit_prices_paise": {"CHAIR": 900_00},
                            "opened_unit_prices_paise": {"CHAIR": 1_000_00}},
                           {"seller": "S2", "submitted_at": "2026-03-01T11:00:00Z", "mse": True,
                            "unit_prices_paise": {"CHAIR": 1_140_00}},
                           {"seller": "S3", "submitted_at": "2026-03-01T12:00:00Z", "mii_class": "class_i",
                            "unit_prices_paise": {"CHAIR": 1_150_00}}]}
    view = EvaluationView()
    qtbot.addWidget(view)
    view.show_evaluation(evaluation_json(evaluate(*bid_from_json(document))))
    text = view.view.toPlainText()
    assert "As opened" in text and "Rs 1,00,000.00" in text  # L1's lot price as opened, beside the final one
    assert "within 15% of L1 as opened (Rs 1,00,000.00), up to Rs 1,15,000.00" in text
    assert ("The estimated value, Rs 4,00,000.00, is below Rs 5,00,000.00: the Make in India preference does not "
            "apply to this bid and its margin is not applied (PPP-MII Order 2017 (revised 16 Sep 2020) para 4).") in text
    assert "Not applied: a bid of an estimated value below Rs 5 lakh is exempt from the Make in India Order." in text
    set_language(qapp, "hi")
    qtbot.wait(10)
    text = view.view.toPlainText()
    assert "खुलने के समय के L1 (Rs 1,00,000.00) से 15% के भीतर" in text
    assert "अनुमानित मूल्य, Rs 4,00,000.00, Rs 5,00,000.00 से कम है" in text
    assert "5 लाख रुपये से कम अनुमानित मूल्य की बिड मेक इन इंडिया आदेश से मुक्त है" in text


def test_the_form_warns_when_make_in_india_is_on_for_a_bid_below_rs_5_lakh(qtbot, qapp, form):
    # PPP-MII Order 2017 (revised 16 Sep 2020) para 4: below Rs 5 lakh estimated value the
    # Order does not apply. A warning, not a problem: saving stays possible.
    fill_in(form)  # Rs 4,50,000, both preferences on (the defaults)
    assert form.mii_warning.isVisibleTo(form) and form.check()
    assert form.mii_warning.text() == (
        "The estimated value is below Rs 5,00,000.00: such a purchase is exempt from the Make in India Order "
        "(PPP-MII Order 2017 (revised 16 Sep 2020) para 4), so its margin of preference will not be applied in the "
        "evaluation.")
    form.inputs["mii_preference"].setChecked(False)
    assert not form.mii_warning.isVisibleTo(form)
    form.inputs["mii_preference"].setChecked(True)
    form.inputs["estimated_value_paise"].setText("5,00,000")  # exactly Rs 5 lakh is not "less than"
    assert not form.mii_warning.isVisibleTo(form)
    form.inputs["estimated_value_paise"].setText("4,99,999.99")
    assert form.mii_warning.isVisibleTo(form)
    set_language(qapp, "hi")
    qtbot.wait(10)
    assert form.mii_warning.text().startswith("अनुमानित मूल्य Rs 5,00,000.00 से कम है")


# --- the timeline ---------------------------------------------------------------------------------


HISTORY = [
    {"at": "2026-03-02T04:30:00.000000Z", "at_text": "02 Mar 2026, 10:00 IST", "who": "demo-buyer", "role": "buyer",
     "action": "drafted", "note": None},
    {"at": "2026-03-02T05:05:00.000000Z", "at_text": "02 Mar 2026, 10:35 IST", "who": "demo-buyer", "role": "buyer",
     "action": "sent for approval", "note": None},
    {"at": "2026-03-03T09:45:00.000000Z", "at_text": "03 Mar 2026, 15:15 IST", "who": "demo-approver",
     "role": "approver", "action": "returned to the buyer", "note": "Give the delivery period for Durg."},
    {"at": "2026-03-16T10:00:00.000000Z", "at_text": "16 Mar 2026, 15:30 IST", "who": "system", "role": "system",
     "action": "opened", "note": "4 offer(s) received"},
]


def test_the_timeline_shows_events_in_order_in_ist_with_their_notes(qtbot):
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.show()
    assert timeline.empty_label.isVisibleTo(timeline)
    assert timeline.empty_label.text().startswith("There is no history yet")

    timeline.set_events(HISTORY)
    qtbot.wait(20)  # laid out
    assert not timeline.empty_label.isVisibleTo(timeline)
    assert [e.what_label.text() for e in timeline.entries] == [
        "Drafted", "Sent for approval", "Returned to the buyer", "Opened"]
    assert timeline.entries[0].when_label.text() == "02 Mar 2026, 10:00 IST · demo-buyer (buyer)"
    returned = timeline.entries[2]
    assert returned.when_label.text() == "03 Mar 2026, 15:15 IST · demo-approver (approver)"
    assert returned.note_label.isVisibleTo(timeline) and returned.note_label.text() == "Give the delivery period for Durg."
    assert not timeline.entries[0].note_label.isVisibleTo(timeline)
    assert timeline.entries[3].when_label.text() == "16 Mar 2026, 15:30 IST · the marketplace, automatically"
    tops = [entry.mapTo(timeline, entry.rect().topLeft()).y() for entry in timeline.entries]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one under the other, oldest first

    timeline.set_events([])
    assert timeline.entries == [] and timeline.empty_label.isVisibleTo(timeline)


def test_the_timeline_speaks_hindi(qtbot, qapp):
    timeline = Timeline()
    qtbot.addWidget(timeline)
    timeline.set_events(HISTORY[2:3])
    set_language(qapp, "hi")
    qtbot.wait(10)
    entry = timeline.entries[0]
    assert entry.what_label.text() == "क्रेता को लौटाया"
    assert entry.when_label.text() == "03 Mar 2026, 15:15 IST · demo-approver (अनुमोदक)"
    assert entry.note_label.text() == "Give the delivery period for Durg."  # the approver's own words


def test_a_new_bid_opens_without_red_and_cancel_asks_before_throwing_it_away(qtbot, form, monkeypatch):
    """Nothing red before anything is typed; a field's problem once it was touched, all on an
    attempt to save; the form does not move as a problem comes and goes; Cancel asks."""
    from PySide6.QtWidgets import QMessageBox

    assert shown_problems(form) == {} and not form.other_problems.isVisibleTo(form)
    title, value = form.inputs["title"], form.inputs["estimated_value_paise"]
    below = form.inputs["kind"].mapTo(form, form.inputs["kind"].rect().topLeft()).y()
    qtbot.keyClicks(value, "12abc")
    assert list(shown_problems(form)) == ["estimated_value_paise"]  # the field touched, not the title above it
    title.setText("Beds")
    title.setText("")
    assert set(shown_problems(form)) == {"title", "estimated_value_paise"}
    assert form.inputs["kind"].mapTo(form, form.inputs["kind"].rect().topLeft()).y() == below  # no jump
    form.save_button.click()
    assert "items[0].name" in shown_problems(form) and form.isVisible()

    asked = []

    def answer(box, click: str):
        asked.append((box.windowTitle(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == click).click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Keep editing"))
    form.buttons.button(form.buttons.StandardButton.Cancel).click()
    assert form.isVisible() and asked[0][0] == "Discard this bid?" and set(asked[0][1]) == {"Discard the bid", "Keep editing"}
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, "Discard the bid"))
    form.buttons.button(form.buttons.StandardButton.Cancel).click()
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected


def test_an_untouched_bid_form_closes_without_asking(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    form = BidForm(CATEGORIES, lambda: NOW, districts=["Raipur", "Durg", "Bilaspur"])
    qtbot.addWidget(form)
    form.show()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked about an untouched form"))
    district = form.item_editors[0].consignee_rows[0].district
    completer = district.completer()
    completer.setCompletionPrefix("rai")  # districts the marketplace knows, found by any part of the name
    assert completer.currentCompletion() == "Raipur"
    form.reject()
    assert not form.isVisible()
