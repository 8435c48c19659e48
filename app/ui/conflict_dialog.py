"""A conflict: the seller changed a listing here while it changed on the marketplace too.
The dialog shows both versions field by field and the seller keeps either value per field;
the fields not chosen take the marketplace's value (app/outbox.py `resolve_conflict`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QRadioButton, QVBoxLayout, QWidget,
)

from app.outbox import Op
from app.seller_catalogue import conflict_fields, field_text, uncontested_fields
from app.ui.formats import money
from app.ui.widgets import Retranslating

MONEY_FIELDS = ("mrp_paise", "price_paise")


class ConflictDialog(Retranslating, QDialog):
    def __init__(self, op: Op, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.op = op
        self.rows = conflict_fields(op)
        self.intro = QLabel(self, wordWrap=True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(18)
        self.heading_field, self.heading_mine, self.heading_theirs = QLabel(self), QLabel(self), QLabel(self)
        for column, label in enumerate((self.heading_field, self.heading_mine, self.heading_theirs)):
            label.setStyleSheet("font-weight:bold")
            self.grid.addWidget(label, 0, column)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.field_labels: dict[str, QLabel] = {}
        for row, (name, mine, theirs) in enumerate(self.rows, start=1):
            label = QLabel(self)
            keep_mine = QRadioButton(self._shown(name, mine), self, objectName=f"mine_{name}")
            keep_theirs = QRadioButton(self._shown(name, theirs), self, objectName=f"theirs_{name}")
            group = QButtonGroup(self)
            group.addButton(keep_mine)
            group.addButton(keep_theirs)
            keep_mine.setChecked(True)
            self.grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(keep_mine, row, 1)
            self.grid.addWidget(keep_theirs, row, 2)
            self.choices[name] = (keep_mine, keep_theirs)
            self.field_labels[name] = label
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()

    @staticmethod
    def _shown(name: str, value: Any) -> str:
        if name in MONEY_FIELDS and isinstance(value, int):
            return money(value)
        return field_text(value) or "—"

    def keep_mine(self) -> set[str]:
        """The fields where the seller keeps their own value: those chosen, and those only the
        seller changed (not shown: there is nothing to choose)."""
        chosen = {name for name, (mine, _) in self.choices.items() if mine.isChecked()}
        return chosen | uncontested_fields(self.op)


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settle a conflict"))
        title = (self.op.theirs or {}).get("title") or self.op.fields.get("title", "")
        self.intro.setText(self.tr(
            "“%1” was changed on the marketplace after you changed it here. For each field both changed, keep "
            "your value or take the marketplace’s. Your other changes are kept.").replace("%1", title))
        self.heading_field.setText(self.tr("Field"))
        self.heading_mine.setText(self.tr("Your value"))
        self.heading_theirs.setText(self.tr("On the marketplace now"))
        names = {
            "category_id": self.tr("Category"), "title": self.tr("Product name"), "brand": self.tr("Brand"),
            "model": self.tr("Model number"), "key_specs": self.tr("Key specifications"),
            "other_specs": self.tr("Other specifications"), "country_of_origin": self.tr("Country of origin"),
            "local_content_pct": self.tr("Local content (%)"), "mrp_paise": self.tr("MRP"),
            "price_paise": self.tr("Offer price"), "stock": self.tr("Stock"), "min_order_qty": self.tr("Minimum order"),
            "delivery_districts": self.tr("Delivers to districts"), "delivery_pincodes": self.tr("Delivers to PIN codes"),
            "images": self.tr("Images"),
        }
        for name, label in self.field_labels.items():
            label.setText(names.get(name, name))
