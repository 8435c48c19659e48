"""A seller's listing form: create or edit a listing offline, checked as the seller types.

The category decides which key parameters the form asks for. Every keystroke re-checks the
whole listing with the marketplace's own rules (domain/listing.py), and each problem shows
in red under its field once that field was touched, or on an attempt to save (a new form
opens without red), in a line kept for it so the form does not jump; saving happens only
when nothing is wrong. A refusal the server gave earlier shows under the fields it named at
once. Cancel asks before a half-filled listing is thrown away; the delivery districts are
completed from those the marketplace knows.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from app.seller_catalogue import MyListing
from app.ui.formats import in_rupees, rupees_input_text
from app.ui.i18n import current_language
from app.ui.widgets import (CAPTION_ALIGNMENT, Retranslating, Touched, caption_for, confirm_discard,
                            district_completer, fill_categories, key_param_label, problem_label)
from domain.listing import KeyParam, validate_listing
from domain.money import MoneyError, paise_from_rupees

translate = QCoreApplication.translate

SUBMITTABLE = ("draft", "rejected")  # statuses where saving may also submit for publishing


def problem_text(message: str, params: dict[str, KeyParam]) -> str:
    """A rule's message (English, from domain/listing.py or the server) in the user's language."""
    known = {
        "is required": translate("ListingRules", "This is required."),
        "is not a known category": translate("ListingRules", "Choose a category."),
        "MRP must be a whole number of paise above zero": translate("ListingRules", "The MRP must be above zero."),
        "MRP is implausibly large": translate("ListingRules", "The MRP is implausibly large."),
        "offer price must be a whole number of paise above zero": translate("ListingRules", "The offer price must be above zero."),
        "offer price must not be above the MRP": translate("ListingRules", "The offer price must not be above the MRP."),
        "stock must be a whole number, not negative": translate("ListingRules", "Stock must be a whole number, not negative."),
        "minimum order must be a whole number of at least 1": translate("ListingRules", "The minimum order must be at least 1."),
        "local content must be a whole percentage from 0 to 100": translate("ListingRules", "Local content is a whole percentage from 0 to 100."),
        "must be a list of district names": translate("ListingRules", "Write district names separated by commas."),
        "must be a list of six-digit PIN codes": translate("ListingRules", "Write six-digit PIN codes separated by commas."),
        "name at least one district or PIN code the seller delivers to": translate("ListingRules", "Name at least one district or PIN code you deliver to."),
    }
    if message in known:
        return known[message]
    if message.startswith("is longer than"):
        return translate("ListingRules", "This is too long.")
    for param in params.values():
        label = param.label_hi if current_language() == "hi" else param.label_en
        if message.startswith(param.label_en + " "):
            rest = message[len(param.label_en) + 1:]
            if rest == "is required for this category":
                return translate("ListingRules", "%1 is required for this category.").replace("%1", label)
            if rest == "must be a number":
                return translate("ListingRules", "%1 must be a number.").replace("%1", label)
            if rest.startswith("must be one of"):
                return translate("ListingRules", "Choose one of: %1.").replace("%1", ", ".join(param.choices))
    return message  # the server's own words


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


class ListingEditor(Retranslating, QDialog):
    """New listing (`listing` None) or an edit of `listing`; `result_fields` and `submit` after accept."""

    def __init__(self, categories: list[dict[str, Any]], listing: MyListing | None = None,
                 parent: QWidget | None = None, districts: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("listingEditor")
        self.touched = Touched()  # by field name ("price_paise", "key_specs.type")
        self.listing = listing
        self.leaf_categories = [c for c in categories if not any(o["parent_id"] == c["id"] for o in categories)]
        self.category_by_id = {c["id"]: c for c in categories}
        self.result_fields: dict[str, Any] = {}
        self.submit = False
        start = listing.fields if listing else {"country_of_origin": "India", "min_order_qty": 1, "local_content_pct": 0}
        self._start = dict(start)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(CAPTION_ALIGNMENT)  # beside its input, not midway down to the problem line
        self.labels: dict[str, QLabel] = {}
        self.problems: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

        self.category = QComboBox(self, objectName="field_category_id")
        self._add_row("category_id", self.category)
        for name in ("title", "brand", "model"):
            self._add_row(name, QLineEdit(str(start.get(name, "")), self, objectName=f"field_{name}"))
        self.params_form = QFormLayout()
        self.params_form.setLabelAlignment(CAPTION_ALIGNMENT)
        self.params_box = QWidget(self)
        self.params_box.setLayout(self.params_form)
        self.form.addRow(self.params_box)
        self.param_inputs: dict[str, QWidget] = {}
        self.param_problems: dict[str, QLabel] = {}
        self.params: dict[str, KeyParam] = {}
        money = lambda name: QLineEdit(rupees_input_text(start.get(name)), self, objectName=f"field_{name}")  # noqa: E731
        self._add_row("mrp_paise", money("mrp_paise"))
        self._add_row("price_paise", money("price_paise"))
        for name in ("stock", "min_order_qty", "local_content_pct"):
            value = start.get(name)
            self._add_row(name, QLineEdit("" if value is None else str(value), self, objectName=f"field_{name}"))
        self._add_row("country_of_origin", QLineEdit(start.get("country_of_origin", ""), self, objectName="field_country_of_origin"))
        self._add_row("delivery_districts", QLineEdit(", ".join(start.get("delivery_districts", [])), self,
                                                      objectName="field_delivery_districts"))
        self._add_row("delivery_pincodes", QLineEdit(", ".join(start.get("delivery_pincodes", [])), self,
                                                     objectName="field_delivery_pincodes"))

        if districts:
            self.inputs["delivery_districts"].setCompleter(
                district_completer(self.inputs["delivery_districts"], list(districts), many=True))

        self.server_problem = problem_label(self, "serverProblem")
        self.server_problem.setVisible(bool(listing and listing.refusal))

        body = QWidget(self)
        body.setLayout(self.form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self, objectName="saveButton")
        self.submit_button = QPushButton(self, objectName="submitButton")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if listing is None or listing.status in SUBMITTABLE:
            self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            self.submit_button.hide()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(lambda: self._accept(submit=False))
        self.submit_button.clicked.connect(lambda: self._accept(submit=True))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.server_problem)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 720)

        self._fill_categories(start.get("category_id"))
        self.category.currentIndexChanged.connect(lambda: self.touched.touch("category_id"))
        self.category.currentIndexChanged.connect(self._category_changed)
        for name, widget in self.inputs.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _text, name=name: self.touched.touch(name))  # first: check() shows it
                widget.textChanged.connect(self.check)
        self.retranslate()
        self._category_changed()
        self.started_as = self.fields()
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.home(False)  # long values show their beginning

    # -- building ---------------------------------------------------------------------------------

    def _with_problem(self, widget: QWidget, name: str) -> tuple[QVBoxLayout, QLabel]:
        """The input with a line under it for what is wrong with it."""
        problem = problem_label(self, f"problem_{name}")
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(problem)
        return column, problem

    def _add_row(self, name: str, widget: QWidget) -> None:
        label = caption_for(self, widget)
        column, problem = self._with_problem(widget, name)
        self.form.addRow(label, column)
        self.labels[name], self.problems[name], self.inputs[name] = label, problem, widget

    def _fill_categories(self, selected: int | None) -> None:
        fill_categories(self.category, self.leaf_categories, selected, self.tr("Choose a category"))

    def _category_changed(self) -> None:
        """Ask for the chosen category's key parameters, keeping what was typed."""
        typed = self._param_values()
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_inputs.clear()
        self.param_problems.clear()
        category = self.category_by_id.get(self.category.currentData())
        self.params = {p["name"]: KeyParam.from_json(p) for p in (category or {}).get("key_params", [])}
        start = self._start.get("key_specs") or {}
        for param in self.params.values():
            value = typed.get(param.name, start.get(param.name, ""))
            if param.kind == "choice" and param.choices:
                widget: QWidget = QComboBox(self, objectName=f"param_{param.name}")
                widget.addItem("", "")
                for choice in param.choices:
                    widget.addItem(choice, choice)
                widget.setCurrentIndex(max(widget.findData(value), 0))
                widget.currentIndexChanged.connect(lambda _i, key=f"key_specs.{param.name}": self.touched.touch(key))
                widget.currentIndexChanged.connect(self.check)
            else:
                widget = QLineEdit(str(value), self, objectName=f"param_{param.name}")
                widget.textChanged.connect(lambda _t, key=f"key_specs.{param.name}": self.touched.touch(key))
                widget.textChanged.connect(self.check)
            column, problem = self._with_problem(widget, f"key_specs.{param.name}")
            label = caption_for(self, widget, key_param_label(param))
            self.params_form.addRow(label, column)
            self.param_inputs[param.name], self.param_problems[param.name] = widget, problem
        self.params_box.setVisible(bool(self.params))
        self._order_tabs()
        self.check()

    def _order_tabs(self) -> None:
        """Tab walks the form top to bottom, key parameters where they appear."""
        names = ["category_id", "title", "brand", "model"]
        chain = [self.inputs[n] for n in names] + list(self.param_inputs.values())
        chain += [self.inputs[n] for n in self.inputs if n not in names]
        chain += [self.save_button, self.submit_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)


    def _param_values(self) -> dict[str, str]:
        values = {}
        for name, widget in self.param_inputs.items():
            values[name] = widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()
        return values

    # -- language ---------------------------------------------------------------------------------


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New listing") if self.listing is None else self.tr("Edit listing"))
        names = {
            "category_id": self.tr("Category"), "title": self.tr("Product name"), "brand": self.tr("Brand"),
            "model": self.tr("Model number"), "mrp_paise": in_rupees(self.tr("MRP (Rs)")),
            "price_paise": in_rupees(self.tr("Offer price (Rs)")),
            "stock": self.tr("Stock"), "min_order_qty": self.tr("Minimum order"),
            "local_content_pct": self.tr("Local content (%)"), "country_of_origin": self.tr("Country of origin"),
            "delivery_districts": self.tr("Delivers to districts"), "delivery_pincodes": self.tr("Delivers to PIN codes"),
        }
        for name, text in names.items():
            self.labels[name].setText(text)
        self.inputs["delivery_districts"].setPlaceholderText(self.tr("e.g. Raipur, Durg, Bilaspur"))
        self.inputs["delivery_pincodes"].setPlaceholderText(self.tr("e.g. 492001, 491001"))
        self.inputs["price_paise"].setPlaceholderText(self.tr("inclusive of all taxes"))
        self.save_button.setText(self.tr("Save") if self.listing and self.listing.status not in SUBMITTABLE
                                 else self.tr("Save as draft"))
        self.submit_button.setText(self.tr("Save and submit for publishing"))
        if self.listing and self.listing.refusal:
            self.server_problem.setText(self.tr("The marketplace did not accept the last change: %1").replace("%1", self.listing.refusal))
        self._fill_categories(self.category.currentData())  # "Choose a category" and the names in this language
        self.check()

    # -- checking ---------------------------------------------------------------------------------

    def fields(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(the listing's fields as typed, problems found while reading them)."""
        read: dict[str, str] = {}
        text = lambda name: self.inputs[name].text().strip()  # noqa: E731
        fields: dict[str, Any] = {name: text(name) for name in ("title", "brand", "model", "country_of_origin")}
        fields["category_id"] = self.category.currentData()
        for name in ("mrp_paise", "price_paise"):
            if not text(name):
                read[name] = self.tr("Enter an amount in rupees.")
                continue
            try:
                fields[name] = paise_from_rupees(text(name))
            except MoneyError:
                read[name] = self.tr("Enter an amount in rupees, like 12,500 or 12500.50.")
        for name in ("stock", "min_order_qty", "local_content_pct"):
            try:
                fields[name] = int(text(name).replace(",", ""))
            except ValueError:
                read[name] = self.tr("Enter a whole number.")
        fields["delivery_districts"] = _split(text("delivery_districts"))
        fields["delivery_pincodes"] = _split(text("delivery_pincodes"))
        fields["key_specs"] = {name: value for name, value in self._param_values().items() if value}
        for kept in ("other_specs", "images"):  # not edited here: kept as they are
            fields[kept] = self._start.get(kept, {} if kept == "other_specs" else [])
        return fields, read

    def check(self, *_: object) -> bool:
        """Show each field's problem beside it; True when the listing may be saved."""
        fields, read = self.fields()
        params = list(self.params.values()) if fields["category_id"] is not None else None
        found = {name: problem_text(message, self.params) for name, message in validate_listing(fields, params).items()}
        found.update(read)  # what could not be read says so, rather than a rule about its value
        server = self.listing.refusal_fields if self.listing else {}
        for name, label in [*self.problems.items(), *((f"key_specs.{n}", p) for n, p in self.param_problems.items())]:
            message = found.get(name)
            refused = message is None and name in server and self._unchanged(name, fields)
            if refused:  # the marketplace's word on the last change shows at once
                message = problem_text(server[name], self.params)
            label.setText(message or "")
            label.setVisible(bool(message) and (refused or self.touched.shows(name)))
        return not found

    def _unchanged(self, name: str, fields: dict[str, Any]) -> bool:
        if name.startswith("key_specs."):
            key = name.split(".", 1)[1]
            return (fields["key_specs"].get(key) or "") == ((self._start.get("key_specs") or {}).get(key) or "")
        return fields.get(name) == self._start.get(name)

    def _accept(self, submit: bool) -> None:
        self.touched.tried = True  # an attempt to save shows every problem left
        if not self.check():
            return
        self.result_fields, _ = self.fields()
        self.submit = submit
        self.accept()

    def reject(self) -> None:
        """Cancel (or Esc) asks before a half-filled listing is thrown away."""
        if self.fields() != self.started_as and not confirm_discard(
                self, self.tr("Discard this listing?"),
                self.tr("What you typed in this listing has not been saved. Discard it, or keep editing?"),
                self.tr("Discard the listing")):
            return
        super().reject()
