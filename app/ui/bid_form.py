"""A buyer's bid form: draft a new bid or edit one, checked as the buyer types.

Every change re-reads the whole form into the body the marketplace takes
(`PUT /api/v1/bids/{id}`, docs/api.md "Bids") and checks it with the marketplace's own rules
(domain/bid_fields.py); each problem shows in red under its field once that field was
touched, or everywhere on an attempt to save (a new form opens without red), in a line kept
for it so the form does not jump; "Save draft" saves only when none is left. Cancel asks
before a half-filled bid is thrown away; consignees' districts are offered from those the
marketplace knows. Money is typed in rupees and kept in paise; percentages are typed
as percent and kept in basis points (15% = 1500), so no amount ever passes through a float.

While the estimated value is typed, the mode advisor (domain/buying_modes.py) says under it
which ways of buying the rules in force today allow for that value, citing the order; and
where the Make in India preference is on for a value below Rs 5 lakh, a warning under it says
the Order does not apply there (domain/evaluation.py `mii_exempt`).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from html import escape
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QScrollArea, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from app.ui.formats import in_rupees, money, percent_text, rupees_input_text
from app.ui.widgets import (CAPTION_ALIGNMENT, Retranslating, Touched, caption_for, confirm_discard, district_completer,
                            fill_categories, ist_editor, ist_moment, key_param_label, problem_label)
from domain.bid_fields import DEFAULTS, EDITABLE, EMD_MAX_BP, EMD_MIN_BP, MAX_TEXT, RA_RULES, check_bid_fields
from domain.buying_modes import NoRuleSet, PurchaseError, Route, advise
from domain.evaluation import MII_EXEMPT_BELOW_PAISE, MII_EXEMPTION, mii_exempt
from domain.money import MoneyError, paise_from_rupees, percent_of
from domain.timefmt import IST, iso_utc, parse_iso

translate = QCoreApplication.translate

NEW_BID_DAYS = 14  # a new bid ends two weeks ahead: the approver needs at least 10 days left
NEW_BID_END_HOUR = 15  # bids usually close at 15:00 IST
DELIVERY_DAYS = 30  # a new consignee's delivery period, to be changed as needed
MAX_QUANTITY, MAX_DELIVERY_DAYS = 10_000_000, 365  # the rules' own bounds (domain/bid_fields.py)
QUANTITY_WIDTH = 120  # the consignee columns, so their headings line up
_LAST_PART = re.compile(r"(\.[^.\[\]]+|\[\d+\])$")  # ".quantity" or "[1]" at the end of a field's name


# --- reading what the buyer typed -------------------------------------------------------------


_PERCENT = re.compile(r"^\d{1,3}(\.\d{1,2})?$")


def basis_points(text: str) -> int:
    """A percentage as typed ("15", "2.5", "3 %") in basis points (1500, 250, 300).

    Read as a Decimal so 0.1% is exactly 10 basis points; ValueError for anything that is
    not a percentage from 0 to 100 with at most two decimals."""
    cleaned = text.strip().removesuffix("%").strip()
    if not _PERCENT.match(cleaned):
        raise ValueError(f"{text!r} is not a percentage")
    points = Decimal(cleaned) * 100
    if points > 10_000:
        raise ValueError(f"{text!r} is above 100%")
    return int(points)


def _range(message: str) -> tuple[str, str]:
    found = re.search(r"from (\d+) to (\d+)", message)
    return (found.group(1), found.group(2)) if found else ("", "")


def problem_text(field: str, message: str, body: dict[str, Any]) -> str:
    """A problem from domain/bid_fields.py (English) in the user's language, in the words of
    the form (percent, not basis points). An unknown message is shown as the rules wrote it."""
    tail = field.rsplit(".", 1)[-1]
    low, high = _range(message)
    if field == "title":
        return translate("BidRules", "Give the bid a title (up to %1 characters).").replace("%1", str(MAX_TEXT))
    if re.fullmatch(r"items\[\d+\]\.name", field):
        return translate("BidRules", "Name the item (up to %1 characters).").replace("%1", str(MAX_TEXT))
    if re.fullmatch(r"items\[\d+\]\.category_id", field):
        return translate("BidRules", "Choose the item's category (one that holds products).")
    if field.endswith(".district"):
        return translate("BidRules", "Name the consignee's district.")
    if tail in ("quantity", "delivery_days") and low:
        return translate("BidRules", "Enter a whole number from %1 to %2.").replace("%1", low).replace("%2", high)
    if field == "items":
        return translate("BidRules", "A bid needs at least one item.")
    if field.endswith(".consignees"):
        return translate("BidRules", "An item needs at least one consignee.")
    if field == "estimated_value_paise":
        return translate("BidRules", "The estimated value must be above zero.")
    if field == "end_at":
        if "future" in message:
            return translate("BidRules", "The bid must end in the future.")
        return translate("BidRules", "Choose the date and time the bid ends.")
    if field == "offer_validity_days" and low:
        return translate("BidRules", "Offers must stay valid for %1 to %2 days.").replace("%1", low).replace("%2", high)
    if field == "min_offers" and low:
        return translate("BidRules", "The minimum number of offers is from %1 to %2.").replace("%1", low).replace("%2", high)
    if field == "extension_days" and low:
        return translate("BidRules", "The automatic extension is from %1 to %2 days.").replace("%1", low).replace("%2", high)
    if field == "epbg_bp" and low:
        return (translate("BidRules", "The ePBG is a percentage from %1 to %2.")
                .replace("%1", percent_text(int(low))).replace("%2", percent_text(int(high))))
    if field in ("mse_preference", "mii_preference"):
        return translate("BidRules", "Percentages are from 0 to 100.")
    if field == "ra_rule":
        return translate("BidRules", "Choose which sellers go to the reverse auction.")
    if field == "emd.amount_paise":
        value = body.get("estimated_value_paise")
        if "2% to 5%" in message and isinstance(value, int):
            return (translate("BidRules", "The EMD must be 2% to 5% of the estimated value: from %1 to %2.")
                    .replace("%1", money(percent_of(value, EMD_MIN_BP)))
                    .replace("%2", money(percent_of(value, EMD_MAX_BP))))
        return translate("BidRules", "Enter the EMD amount in rupees, above zero.")
    if field.startswith("groups"):
        return translate("BidRules", "In a group-wise bid, write a group name on every item "
                                     "(items with the same name form a group).")
    return message


# --- the form ---------------------------------------------------------------------------------


def _spin(parent: QWidget, name: str, low: int, high: int, value: Any) -> QSpinBox:
    spin = QSpinBox(parent, objectName=name)
    spin.setRange(low, high)
    spin.setGroupSeparatorShown(True)
    spin.setValue(value if isinstance(value, int) and not isinstance(value, bool) else low)
    return spin


def _labelled_column(widget: QWidget, *problems: QLabel) -> QVBoxLayout:
    """An input with the lines for what is wrong with it under it."""
    column = QVBoxLayout()
    column.setSpacing(2)
    column.addWidget(widget)
    for problem in problems:
        column.addWidget(problem)
    return column


class BidForm(Retranslating, QDialog):
    """A new bid (`start` None: the marketplace's defaults) or an edit of `start` (a bid's
    fields). `body()` is what to send; "Save draft" accepts the dialog only when nothing is wrong.

    `categories` are the cache's categories; items may use only leaf categories (those that
    hold products). `now` gives the current time (UTC), for "ends in the future" and the date
    the buying-route limits are taken from."""

    def __init__(self, categories: list[dict[str, Any]], now: Callable[[], datetime], start: dict[str, Any] | None = None,
                 parent: QWidget | None = None, districts: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("bidForm")
        self.now = now
        self.districts = list(districts)  # the marketplace's, for the consignees' district fields
        self.touched = Touched()  # by id() of the red lines whose inputs were changed
        self.is_new = start is None
        parents = {c["parent_id"] for c in categories}
        self.leaf_categories = [c for c in categories if c["id"] not in parents]
        self.category_by_id = {c["id"]: c for c in self.leaf_categories}
        fields = {**DEFAULTS, **(start or {})}

        self.field_labels: dict[str, QWidget] = {}  # each field's caption (a QLabel, or the checkbox itself)
        self.row_problems: dict[str, list[QLabel]] = {}  # an input's name -> the red lines of its row
        self.field_problems: dict[str, QLabel] = {}  # field name as the rules name it -> its red line
        self.inputs: dict[str, QWidget] = {}
        self.sections: dict[str, QGroupBox] = {}

        # The bid
        bid_box = self._section("bid")
        form = bid_box.layout()
        self._row(form, "title", QLineEdit(fields.get("title") or "", self, objectName="field_title"))
        self._row(form, "kind", self._combo("field_kind", ["goods", "services"], fields["kind"]))
        self._row(form, "method", self._combo("field_method", ["total_value", "item_wise", "group_wise"], fields["method"]),
                  also=("groups",))
        self._row(form, "packets", self._combo("field_packets", [1, 2], fields["packets"]))
        self._row(form, "quantity_splittable", self._check("field_quantity_splittable", fields["quantity_splittable"]))

        # Value, dates and offers; the advisor's verdict under the value
        value_box = self._section("value")
        form = value_box.layout()
        self.verdict_label = QLabel(self, objectName="verdictLabel", wordWrap=True)
        self.verdict_label.setTextFormat(Qt.TextFormat.RichText)
        self.verdict_label.setStyleSheet("background:#f1f3f4;border-radius:4px;padding:6px")
        self._row(form, "estimated_value_paise",
                  QLineEdit(rupees_input_text(fields.get("estimated_value_paise")), self, objectName="field_estimated_value"),
                  extra=self.verdict_label)
        self._row(form, "end_at", self._end_editor(fields.get("end_at")))
        self._row(form, "offer_validity_days", _spin(self, "field_offer_validity_days", 0, 999, fields["offer_validity_days"]))
        self._row(form, "min_offers", _spin(self, "field_min_offers", 0, 999, fields["min_offers"]))
        self._row(form, "extension_days", _spin(self, "field_extension_days", 0, 999, fields["extension_days"]))
        self._row(form, "payment_days", _spin(self, "field_payment_days", 0, 999, fields["payment_days"]))

        # Security money
        emd = {**DEFAULTS["emd"], **(fields.get("emd") or {})}
        security_box = self._section("security")
        form = security_box.layout()
        self._row(form, "emd", self._combo("field_emd_mode", ["none", "amount", "declaration"], emd["mode"]))
        self._row(form, "emd.amount_paise",
                  QLineEdit(rupees_input_text(emd.get("amount_paise")), self, objectName="field_emd_amount"))
        self._row(form, "emd.mse_startup_exempt", self._check("field_emd_exempt", emd.get("mse_startup_exempt", True)))
        self._row(form, "epbg_bp", QLineEdit(percent_text(fields["epbg_bp"]) if isinstance(fields["epbg_bp"], int) else "",
                                             self, objectName="field_epbg"))

        # Purchase preferences, typed in percent
        preferences_box = self._section("preferences")
        form = preferences_box.layout()
        mse, mii = fields["mse_preference"], fields["mii_preference"]
        self._row(form, "mse_preference", self._check("field_mse_enabled", mse["enabled"]))
        self._row(form, "mse_preference.band_bp", self._percent("field_mse_band", mse["band_bp"]))
        self._row(form, "mse_preference.share_bp", self._percent("field_mse_share", mse["share_bp"]))
        self.mii_warning = QLabel(self, objectName="miiExemptWarning", wordWrap=True)
        self.mii_warning.setStyleSheet("color:#7a4500;background:#fef7e0;border-radius:4px;padding:4px")
        self.mii_warning.hide()
        self._row(form, "mii_preference", self._check("field_mii_enabled", mii["enabled"]), extra=self.mii_warning)
        self._row(form, "mii_preference.margin_bp", self._percent("field_mii_margin", mii["margin_bp"]))
        self._row(form, "mii_preference.l1_share_bp", self._percent("field_mii_l1_share", mii["l1_share_bp"]))

        # Reverse auction
        auction_box = self._section("auction")
        form = auction_box.layout()
        self._row(form, "ra_enabled", self._check("field_ra_enabled", fields["ra_enabled"]))
        self._row(form, "ra_rule", self._combo("field_ra_rule", [None, *RA_RULES], fields.get("ra_rule")))

        # Items
        items_box = self._section("items", form=False)
        self.items_layout = QVBoxLayout()
        self.item_editors: list[BidItemEditor] = []
        self.add_item_button = QPushButton(self, objectName="addItemButton")
        self.field_problems["items"] = problem_label(self, "problem_items")
        column = items_box.layout()
        column.addLayout(self.items_layout)
        column.addWidget(self.field_problems["items"])
        column.addWidget(self.add_item_button, 0, Qt.AlignmentFlag.AlignLeft)
        group_names = {item_id: group.get("name") or group.get("id") or ""
                       for group in fields.get("groups") or [] for item_id in group.get("items", [])}
        for item in fields.get("items") or [{}]:
            self._add_item({**item, "group": group_names.get(item.get("id"), "")}, check=False)

        # Anything the rules name that no field shows (a safety net; it should stay empty)
        self.other_problems = problem_label(self, "problem_other")

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        for box in self.sections.values():
            page_layout.addWidget(box)
        page_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.scroll = scroll
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self, objectName="saveButton")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.other_problems)
        layout.addWidget(self.buttons)
        self.resize(780, 860)

        for name, widget in self.inputs.items():
            self._watch(widget, name)
        self.add_item_button.clicked.connect(lambda: self._add_item({}))
        self.retranslate()
        self.started_as = self._read()  # to tell a half-filled form from an untouched one (even unreadable text)

    # -- building ---------------------------------------------------------------------------------

    def _section(self, name: str, form: bool = True) -> QGroupBox:
        box = QGroupBox(self, objectName=f"section_{name}")
        if form:
            layout = QFormLayout(box)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            layout.setLabelAlignment(CAPTION_ALIGNMENT)  # level with the input, above its problem line
        else:
            QVBoxLayout(box)
        self.sections[name] = box
        return box

    def _row(self, form: QFormLayout, name: str, widget: QWidget, also: tuple[str, ...] = (),
             extra: QWidget | None = None) -> None:
        """A captioned input with a red line under it for each field name it answers for."""
        problems = [problem_label(self, f"problem_{n}") for n in (name, *also)]
        column = _labelled_column(widget, *problems)
        if extra is not None:
            column.addWidget(extra)
        if isinstance(widget, QCheckBox):  # a checkbox carries its own caption
            form.addRow(column)
            self.field_labels[name] = widget
        else:
            caption = caption_for(self, widget)
            form.addRow(caption, column)
            self.field_labels[name] = caption
        self.inputs[name] = widget
        for field, problem in zip((name, *also), problems):
            self.field_problems[field] = problem
        self.row_problems[name] = problems

    def _combo(self, name: str, values: list[Any], selected: Any) -> QComboBox:
        combo = QComboBox(self, objectName=name)
        for value in values:
            combo.addItem("", value)  # texts come in retranslate()
        combo.setCurrentIndex(max(combo.findData(selected), 0))
        return combo

    def _check(self, name: str, checked: Any) -> QCheckBox:
        box = QCheckBox(self, objectName=name)
        box.setChecked(bool(checked))
        return box

    def _percent(self, name: str, points: Any) -> QLineEdit:
        text = percent_text(points) if isinstance(points, int) and not isinstance(points, bool) else ""
        return QLineEdit(text, self, objectName=name)

    def _end_editor(self, end_at: Any) -> QDateTimeEdit:
        try:
            end = parse_iso(end_at) if isinstance(end_at, str) else None
        except ValueError:
            end = None
        if end is None:
            day = (self.now().astimezone(IST) + timedelta(days=NEW_BID_DAYS)).date()
            end = datetime(day.year, day.month, day.day, NEW_BID_END_HOUR, tzinfo=IST)
        return ist_editor(self, "field_end_at", end)

    def _watch(self, widget: QWidget, name: str) -> None:
        signal = (widget.textChanged if isinstance(widget, QLineEdit) else
                  widget.currentIndexChanged if isinstance(widget, QComboBox) else
                  widget.toggled if isinstance(widget, QCheckBox) else
                  widget.valueChanged if isinstance(widget, QSpinBox) else
                  widget.dateTimeChanged if isinstance(widget, QDateTimeEdit) else None)
        if signal is None:
            return
        signal.connect(lambda *_: self._touch(*self.row_problems[name]))  # first: check() then shows its line
        signal.connect(self.check)

    def _touch(self, *labels: QLabel | str) -> None:
        for label in labels:
            self.touched.touch(id(self.field_problems[label] if isinstance(label, str) else label))

    def _add_item(self, start: dict[str, Any], check: bool = True) -> None:
        editor = BidItemEditor(self.leaf_categories, start, self, self.districts)
        editor.touched.connect(self._touch)
        editor.changed.connect(self.check)
        editor.remove_requested.connect(self._remove_item)
        self.item_editors.append(editor)
        self.items_layout.addWidget(editor)
        editor.show()  # at once, not when the layout gets round to it: check() shows its problems now
        if check:
            self.check()

    def _remove_item(self, editor: BidItemEditor) -> None:
        if len(self.item_editors) <= 1:  # a bid has at least one item
            return
        self.item_editors.remove(editor)
        self.items_layout.removeWidget(editor)
        editor.hide()
        editor.deleteLater()
        self.check()

    def _number_items(self) -> None:
        """Items are numbered by position ("1", "2", ...), and so are the rules' names for
        their fields (items[0].consignees[1].quantity): map those names to the red lines of
        the item and consignee now in each place (after any add or remove)."""
        for name in [n for n in self.field_problems if n.startswith("items[")]:
            del self.field_problems[name]
        group_wise = self.inputs["method"].currentData() == "group_wise"
        for position, editor in enumerate(self.item_editors):
            editor.set_position(position, only_one=len(self.item_editors) == 1)
            editor.show_group(group_wise)
            for name, label in editor.problem_labels().items():
                self.field_problems[f"items[{position}].{name}"] = label

    # -- language ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New bid") if self.is_new else self.tr("Edit bid"))
        titles = {
            "bid": self.tr("The bid"), "value": self.tr("Value, dates and offers"), "security": self.tr("Security money"),
            "preferences": self.tr("Purchase preferences"), "auction": self.tr("Reverse auction"), "items": self.tr("Items"),
        }
        for name, text in titles.items():
            self.sections[name].setTitle(text)
        captions = {
            "title": self.tr("Bid title"), "kind": self.tr("Type of bid"), "method": self.tr("Evaluation"),
            "packets": self.tr("Packets"),
            "quantity_splittable": self.tr("The quantity may be split between sellers (for the purchase preferences)"),
            "estimated_value_paise": in_rupees(self.tr("Estimated value (Rs)")), "end_at": self.tr("Bid ends (IST)"),
            "offer_validity_days": self.tr("Offers valid for (days)"), "min_offers": self.tr("Minimum number of offers"),
            "extension_days": self.tr("Automatic extension (days)"), "emd": self.tr("EMD (earnest money)"),
            "payment_days": self.tr("Payment due after the CRAC (days)"),
            "emd.amount_paise": in_rupees(self.tr("EMD amount (Rs)")),
            "emd.mse_startup_exempt": self.tr("MSEs and startups are exempt from the EMD"),
            "epbg_bp": self.tr("ePBG (% of the order value)"),
            "mse_preference": self.tr("Purchase preference for MSEs (micro and small enterprises)"),
            "mse_preference.band_bp": self.tr("MSE band above L1 (%)"),
            "mse_preference.share_bp": self.tr("Share an MSE may match (%)"),
            "mii_preference": self.tr("Purchase preference for Make in India (Class-I local suppliers)"),
            "mii_preference.margin_bp": self.tr("Margin of preference (%)"),
            "mii_preference.l1_share_bp": self.tr("Share kept by L1 (%)"),
            "ra_enabled": self.tr("The bid may go to a reverse auction"), "ra_rule": self.tr("Who enters the auction"),
        }
        for name, text in captions.items():
            self.field_labels[name].setText(text)
        # One caption width for every section, so the inputs of all sections line up.
        captions_only = [label for label in self.field_labels.values() if not isinstance(label, QCheckBox)]
        width = max(label.sizeHint().width() for label in captions_only)
        for label in captions_only:
            label.setMinimumWidth(width)
        choices = {
            "kind": [self.tr("Goods"), self.tr("Services")],
            "method": [self.tr("Total value of all items"), self.tr("Item-wise"), self.tr("Group-wise")],
            "packets": [self.tr("Single packet"), self.tr("Two packets (technical, then financial)")],
            "emd": [self.tr("No EMD"), self.tr("An amount"), self.tr("Bid security declaration instead")],
            "ra_rule": [self.tr("Choose a rule"), self.tr("All but the highest-priced offer (H1 elimination)"),
                        self.tr("The lowest-priced half of the offers (top half)"),
                        self.tr("A reverse auction from the start: every qualified seller bids")],
        }
        for name, texts in choices.items():
            combo = self.inputs[name]
            for index, text in enumerate(texts):
                combo.setItemText(index, text)
        self.inputs["title"].setPlaceholderText(self.tr("e.g. Hospital beds for the District Hospital, Raipur"))
        self.inputs["estimated_value_paise"].setPlaceholderText(self.tr("e.g. 4,50,000"))
        self.inputs["min_offers"].setToolTip(self.tr("With fewer offers at its end, the bid is extended once."))
        self.add_item_button.setText(self.tr("Add item"))
        self.save_button.setText(self.tr("Save draft"))
        self.check()

    # -- reading and checking ---------------------------------------------------------------------

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(the bid body as typed, problems found while reading it: text that is not an
        amount or a percentage). A field that cannot be read is None in the body."""
        read: dict[str, str] = {}
        inputs = self.inputs

        def rupees(name: str, required_text: str) -> int | None:
            text = inputs[name].text().strip()
            if not text:
                read[name] = required_text
                return None
            try:
                return paise_from_rupees(text)
            except MoneyError:
                read[name] = self.tr("Enter an amount in rupees, like 4,50,000 or 450000.50.")
                return None

        def percent(name: str) -> int | None:
            try:
                return basis_points(inputs[name].text())
            except ValueError:
                read[name] = self.tr("Enter a percentage from 0 to 100, like 15 or 2.5.")
                return None

        body: dict[str, Any] = {
            "title": inputs["title"].text().strip(),
            "kind": inputs["kind"].currentData(),
            "method": inputs["method"].currentData(),
            "packets": inputs["packets"].currentData(),
            "quantity_splittable": inputs["quantity_splittable"].isChecked(),
            "estimated_value_paise": rupees("estimated_value_paise", self.tr("Enter the estimated value in rupees.")),
            "end_at": self._end_at(),
            "offer_validity_days": inputs["offer_validity_days"].value(),
            "min_offers": inputs["min_offers"].value(),
            "extension_days": inputs["extension_days"].value(),
            "payment_days": inputs["payment_days"].value(),
        }
        mode = inputs["emd"].currentData()
        body["emd"] = {
            "mode": mode,
            "amount_paise": rupees("emd.amount_paise", self.tr("Enter the EMD amount in rupees.")) if mode == "amount" else 0,
            "mse_startup_exempt": inputs["emd.mse_startup_exempt"].isChecked(),
        }
        body["epbg_bp"] = percent("epbg_bp")
        body["mse_preference"] = {"enabled": inputs["mse_preference"].isChecked(),
                                  "band_bp": percent("mse_preference.band_bp"),
                                  "share_bp": percent("mse_preference.share_bp")}
        body["mii_preference"] = {"enabled": inputs["mii_preference"].isChecked(),
                                  "margin_bp": percent("mii_preference.margin_bp"),
                                  "l1_share_bp": percent("mii_preference.l1_share_bp")}
        body["ra_enabled"] = inputs["ra_enabled"].isChecked()
        body["ra_rule"] = inputs["ra_rule"].currentData() if body["ra_enabled"] else None
        body["items"] = [editor.item(str(position + 1)) for position, editor in enumerate(self.item_editors)]
        body["groups"] = self._groups(body["items"]) if body["method"] == "group_wise" else []
        return {name: body[name] for name in EDITABLE}, read

    def _end_at(self) -> str:
        return iso_utc(ist_moment(self.inputs["end_at"]))

    def _groups(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Items with the same group name form a group, numbered G1, G2... as first named."""
        groups: dict[str, dict[str, Any]] = {}
        for editor, item in zip(self.item_editors, items):
            name = editor.group_name()
            if name:
                group = groups.setdefault(name.casefold(), {"id": f"G{len(groups) + 1}", "name": name, "items": []})
                group["items"].append(item["id"])
        return list(groups.values())

    def _is_leaf(self, category_id: int) -> bool:
        return category_id in self.category_by_id

    def body(self) -> dict[str, Any]:
        """The bid as the marketplace takes it (PUT /api/v1/bids/{id}): exactly the editable fields."""
        return self._read()[0]

    def problems(self) -> dict[str, str]:
        """Every problem, by the rules' field names, in the user's language."""
        body, read = self._read()
        found = {name: problem_text(name, message, body)
                 for name, message in check_bid_fields(body, self.now(), self._is_leaf).items()}
        for name in read:
            # What could not be read says so, rather than a rule about the value it left out
            # (an unreadable percentage would also make its whole preference "wrong").
            found.pop(name.split(".")[0], None)
        found.update(read)
        return found

    def check(self, *_: object) -> bool:
        """Show each problem under its field and the advisor's verdict; True when the bid may be saved."""
        self._enable_dependents()
        self._number_items()
        found = self.problems()
        shown: dict[int, tuple[QLabel, list[str]]] = {
            id(label): (label, []) for label in [*self.field_problems.values(), self.other_problems]}
        for name, message in found.items():
            shown[id(self._label_for(name))][1].append(message)
        for label, messages in shown.values():
            label.setText("\n".join(dict.fromkeys(messages)))
            label.setVisible(bool(messages) and self.touched.shows(id(label)))
        self._show_verdict()
        self._warn_mii_exempt()
        return not found

    def _typed_value(self) -> int | None:
        """The estimated value as typed, in paise; None while it is not a value above zero."""
        text = self.inputs["estimated_value_paise"].text().strip()
        try:
            value = paise_from_rupees(text) if text else None
        except MoneyError:
            return None
        return value if value is not None and value > 0 else None

    def _warn_mii_exempt(self) -> None:
        """A warning, not a problem: the clerk may keep the preference on, but it will not apply."""
        value = self._typed_value()
        shown = self.inputs["mii_preference"].isChecked() and value is not None and mii_exempt(value)
        if shown:
            self.mii_warning.setText(
                self.tr("The estimated value is below %1: such a purchase is exempt from the Make in India Order (%2), "
                        "so its margin of preference will not be applied in the evaluation.")
                .replace("%1", money(MII_EXEMPT_BELOW_PAISE)).replace("%2", MII_EXEMPTION))
        self.mii_warning.setVisible(shown)

    def _label_for(self, name: str) -> QLabel:
        """The red line for a field the rules name; a name more precise than any line (such as
        items[0].consignees[1].quantity) goes to the nearest one that holds it."""
        while name not in self.field_problems:
            shorter = _LAST_PART.sub("", name)
            if shorter == name:
                return self.other_problems
            name = shorter
        return self.field_problems[name]

    def _enable_dependents(self) -> None:
        """Inputs that only matter when another is chosen are greyed out otherwise; what was
        typed in them stays, for when it is chosen again."""
        inputs = self.inputs
        inputs["emd.amount_paise"].setEnabled(inputs["emd"].currentData() == "amount")
        for name in ("mse_preference.band_bp", "mse_preference.share_bp"):
            inputs[name].setEnabled(inputs["mse_preference"].isChecked())
        for name in ("mii_preference.margin_bp", "mii_preference.l1_share_bp"):
            inputs[name].setEnabled(inputs["mii_preference"].isChecked())
        inputs["ra_rule"].setEnabled(inputs["ra_enabled"].isChecked())

    # -- the mode advisor -------------------------------------------------------------------------

    def _first_category_name(self) -> str | None:
        """The advisor's rules know categories by their English names (the automobiles proviso)."""
        if not self.item_editors:
            return None
        category = self.category_by_id.get(self.item_editors[0].category.currentData())
        return category["name_en"] if category else None

    def _show_verdict(self) -> None:
        value = self._typed_value()
        if value is None:
            self.verdict_label.setText(escape(self.tr("Type the estimated value to see which ways of buying the rules allow.")))
            return
        today = self.now().astimezone(IST).date()  # the limits in force on today's date in India
        try:
            advice = advise(value, today, self._first_category_name())
        except (NoRuleSet, PurchaseError) as error:
            self.verdict_label.setText(escape(str(error)))
            return
        heading = (self.tr("Ways of buying for %1 on %2 (%3):")
                   .replace("%1", money(value)).replace("%2", f"{today.day} {today:%b %Y}")
                   .replace("%3", advice.rule_set.order.citation))
        lines = [f"<b>{escape(heading)}</b>"]
        names = {Route.DIRECT_PURCHASE: self.tr("Direct purchase"), Route.L1_PURCHASE: self.tr("L1 purchase"),
                 Route.BID: self.tr("Bid or reverse auction")}
        for option in advice.routes:
            if option.route not in names:  # a reverse auction follows the bid's verdict word for word
                continue
            if not option.allowed:
                verdict, colour, mark = self.tr("not allowed"), "#b3261e", "✗"
            elif option.route is Route.BID and advice.bid_or_auction_required:
                verdict, colour, mark = self.tr("required"), "#1e6b34", "✓"
            else:
                verdict, colour, mark = self.tr("allowed"), "#1e6b34", "✓"
            lines.append(f"<span style='color:{colour}'>{mark} {escape(names[option.route])}: {escape(verdict)}</span>"
                         f" <span style='color:#5f6368'>({escape(_reason_detail(option.reason))})</span>")
        self.verdict_label.setText("<br>".join(lines))

    # -- saving -----------------------------------------------------------------------------------

    def _save(self) -> None:
        """Saving shows every problem left, and brings the first into view."""
        self.touched.tried = True
        if self.check():
            self.accept()
            return
        first = next((label for label in [*self.field_problems.values(), self.other_problems]
                      if label.isVisibleTo(self)), None)
        if first is not None:
            self.scroll.ensureWidgetVisible(first)

    def reject(self) -> None:
        """Cancel (or Esc, or closing the window) asks before a half-filled bid is thrown away."""
        if self._read() != self.started_as and not confirm_discard(
                self, self.tr("Discard this bid?"),
                self.tr("What you typed in this bid has not been saved. Discard it, or keep editing?"),
                self.tr("Discard the bid")):
            return
        super().reject()


def _reason_detail(reason: str) -> str:
    """The advisor's reason without its leading verdict ("Not allowed: ..."), which the form
    already says in the user's language; the rest (limits, orders) stays in the rules' words."""
    detail = re.sub(r"^(Allowed|Not allowed|Required)\s*:?\s*", "", reason)
    if detail.startswith("(") and detail.endswith(")."):
        detail = detail[1:-2]
    return detail.rstrip(".")


# --- an item ----------------------------------------------------------------------------------


class ConsigneeRow(QWidget):
    """One consignee of an item: where it goes, how many, within how many days."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, start: dict[str, Any], parent: QWidget | None = None, districts: list[str] = ()) -> None:
        super().__init__(parent)
        self.district = QLineEdit(start.get("district", ""), self, objectName="consignee_district")
        if districts:
            self.district.setCompleter(district_completer(self.district, list(districts)))
        self.quantity = _spin(self, "consignee_quantity", 1, MAX_QUANTITY, start.get("quantity", 1))
        self.delivery_days = _spin(self, "consignee_delivery_days", 1, MAX_DELIVERY_DAYS,
                                   start.get("delivery_days", DELIVERY_DAYS))
        for spin in (self.quantity, self.delivery_days):
            spin.setFixedWidth(QUANTITY_WIDTH)
        self.remove_button = QToolButton(self, objectName="removeConsigneeButton", text="✕")
        self.problem = problem_label(self, "problem_consignee")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.district, 1)
        row.addWidget(self.quantity)
        row.addWidget(self.delivery_days)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.district.textChanged.connect(self.changed)
        self.quantity.valueChanged.connect(self.changed)
        self.delivery_days.valueChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def consignee(self) -> dict[str, Any]:
        return {"district": self.district.text().strip(), "quantity": self.quantity.value(),
                "delivery_days": self.delivery_days.value()}


class BidItemEditor(Retranslating, QGroupBox):
    """One item of a bid: what is bought, its category and the key parameters asked of it,
    its group (group-wise bids), and its consignees."""

    changed = Signal()
    remove_requested = Signal(object)
    touched = Signal(object)  # a red line (or the form's field name, "groups") whose input was changed

    def __init__(self, leaf_categories: list[dict[str, Any]], start: dict[str, Any], parent: QWidget | None = None,
                 districts: list[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("bidItem")
        self.districts = list(districts)
        self.leaf_categories = leaf_categories
        self.category_by_id = {c["id"]: c for c in leaf_categories}
        self.start_specs: dict[str, str] = dict(start.get("key_specs") or {})
        self.problems: dict[str, QLabel] = {}

        self.name = QLineEdit(start.get("name", ""), self, objectName="item_name")
        self.category = QComboBox(self, objectName="item_category")
        self.group = QLineEdit(start.get("group", ""), self, objectName="item_group")
        self.remove_button = QPushButton(self, objectName="removeItemButton")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(CAPTION_ALIGNMENT)
        self.captions: dict[str, QLabel] = {}
        for name, widget in (("name", self.name), ("category_id", self.category), ("group", self.group)):
            caption = caption_for(self, widget)
            self.captions[name] = caption
            if name == "group":  # what is wrong with the groups shows under the evaluation method
                self.group_row = self.form.rowCount()
                self.form.addRow(caption, widget)
            else:
                self.problems[name] = problem_label(self, f"problem_item_{name}")
                self.form.addRow(caption, _labelled_column(widget, self.problems[name]))
        # The category's key parameters go in rows of their own between these and the line below.
        self.first_param_row = self.form.rowCount()
        self.param_inputs: dict[str, QWidget] = {}
        self.problems["key_specs"] = problem_label(self, "problem_item_key_specs")
        self.form.addRow(self.problems["key_specs"])

        self.consignees_caption = QLabel(self)
        self.consignee_headings = [QLabel(self) for _ in range(3)]
        headings = QHBoxLayout()
        headings.addWidget(self.consignee_headings[0], 1)
        for heading in self.consignee_headings[1:]:
            heading.setFixedWidth(QUANTITY_WIDTH)
            headings.addWidget(heading)
        headings.addSpacing(32)  # over the remove buttons
        self.consignee_rows: list[ConsigneeRow] = []
        self.consignees_layout = QVBoxLayout()
        self.consignees_layout.setSpacing(4)
        self.add_consignee_button = QPushButton(self, objectName="addConsigneeButton")
        self.problems["consignees"] = problem_label(self, "problem_item_consignees")

        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.consignees_caption)
        layout.addLayout(headings)
        layout.addLayout(self.consignees_layout)
        layout.addWidget(self.problems["consignees"])
        layout.addWidget(self.add_consignee_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.position = 0
        self._fill_categories(start.get("category_id"))
        for consignee in start.get("consignees") or [{}]:
            self._add_consignee(consignee)
        self.name.textChanged.connect(lambda: self.touched.emit(self.problems["name"]))
        self.name.textChanged.connect(self.changed)
        self.group.textChanged.connect(lambda: self.touched.emit("groups"))
        self.group.textChanged.connect(self.changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.add_consignee_button.clicked.connect(lambda: self._add_consignee({}))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.retranslate()

    # -- parts ------------------------------------------------------------------------------------

    def set_position(self, position: int, only_one: bool) -> None:
        self.position = position
        self.remove_button.setEnabled(not only_one)
        self.setTitle(self.tr("Item %1").replace("%1", str(position + 1)))

    def show_group(self, shown: bool) -> None:
        """Only a group-wise bid asks for groups."""
        self.form.setRowVisible(self.group_row, shown)

    def group_name(self) -> str:
        return self.group.text().strip()

    def problem_labels(self) -> dict[str, QLabel]:
        """This item's red lines by the rules' names for its fields (relative to items[n]); a
        consignee has one line for its row (consignees[1]), which also shows what is wrong with
        its district, quantity or delivery days."""
        labels = dict(self.problems)
        for m, row in enumerate(self.consignee_rows):
            labels[f"consignees[{m}]"] = row.problem
        return labels

    def _add_consignee(self, start: dict[str, Any]) -> None:
        row = ConsigneeRow(start, self, self.districts)
        row.changed.connect(lambda: (self.touched.emit(row.problem), self.touched.emit(self.problems["consignees"])))
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove_consignee)
        self.consignee_rows.append(row)
        self.consignees_layout.addWidget(row)
        row.show()
        self._consignees_changed()

    def _remove_consignee(self, row: ConsigneeRow) -> None:
        if len(self.consignee_rows) <= 1:  # an item goes somewhere
            return
        self.consignee_rows.remove(row)
        self.consignees_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._consignees_changed()

    def _consignees_changed(self) -> None:
        for row in self.consignee_rows:
            row.remove_button.setEnabled(len(self.consignee_rows) > 1)
        self._retranslate_consignees()
        self.changed.emit()

    def _fill_categories(self, selected: int | None) -> None:
        fill_categories(self.category, self.leaf_categories, selected, self.tr("Choose a category"))

    def _category_changed(self) -> None:
        self.touched.emit(self.problems["category_id"])
        self._build_params()
        self.changed.emit()

    def _build_params(self) -> None:
        """Ask for the chosen category's key parameters, keeping what was typed (also
        across a change of category and back)."""
        self.start_specs.update(self._typed_params())
        typed = self.start_specs
        for _ in self.param_inputs:
            self.form.removeRow(self.first_param_row)
        self.param_inputs.clear()
        category = self.category_by_id.get(self.category.currentData())
        for param in (category or {}).get("key_params", []):
            value = typed.get(param["name"], "")
            if param.get("kind") == "choice" and param.get("choices"):
                widget: QWidget = QComboBox(self, objectName=f"param_{param['name']}")
                widget.addItem(self.tr("Any"), "")
                for choice in param["choices"]:
                    widget.addItem(choice, choice)
                widget.setCurrentIndex(max(widget.findData(value), 0))
                widget.currentIndexChanged.connect(lambda: self.touched.emit(self.problems["key_specs"]))
                widget.currentIndexChanged.connect(self.changed)
            else:
                widget = QLineEdit(value, self, objectName=f"param_{param['name']}")
                widget.setPlaceholderText(self.tr("Any"))
                widget.textChanged.connect(lambda: self.touched.emit(self.problems["key_specs"]))
                widget.textChanged.connect(self.changed)
            row = self.first_param_row + len(self.param_inputs)
            self.form.insertRow(row, QLabel(key_param_label(param), self), widget)
            self.param_inputs[param["name"]] = widget

    def _typed_params(self) -> dict[str, str]:
        return {name: widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
                for name, widget in self.param_inputs.items()}

    def key_specs(self) -> dict[str, str]:
        """The values the bid requires of the product; a parameter left at "Any" is not asked."""
        return {name: value for name, value in self._typed_params().items() if value}

    def item(self, item_id: str) -> dict[str, Any]:
        return {"id": item_id, "name": self.name.text().strip(), "category_id": self.category.currentData(),
                "key_specs": self.key_specs(), "consignees": [row.consignee() for row in self.consignee_rows]}

    # -- language ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Item %1").replace("%1", str(self.position + 1)))
        self.captions["name"].setText(self.tr("Item name"))
        self.captions["category_id"].setText(self.tr("Category"))
        self.captions["group"].setText(self.tr("Group"))
        self.name.setPlaceholderText(self.tr("e.g. Hospital bed, semi-Fowler"))
        self.group.setPlaceholderText(self.tr("e.g. Beds"))
        self.remove_button.setText(self.tr("Remove item"))
        self.consignees_caption.setText(self.tr("Consignees"))
        for heading, text in zip(self.consignee_headings, (self.tr("District"), self.tr("Quantity"), self.tr("Delivery days"))):
            heading.setText(text)
        self.add_consignee_button.setText(self.tr("Add consignee"))
        self._fill_categories(self.category.currentData())  # category names and key parameters
        self._build_params()                                 # in the new language
        self._retranslate_consignees()

    def _retranslate_consignees(self) -> None:
        for row in self.consignee_rows:
            row.district.setPlaceholderText(self.tr("e.g. Raipur"))
            row.remove_button.setToolTip(self.tr("Remove this consignee"))
