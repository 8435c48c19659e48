"""The buyer schedules a bid's reverse auction (docs/api.md, "Reverse auctions").

The dialog reads what the buyer typed into the body `POST /api/v1/bids/{id}/auction` takes
and checks it with the auction's own rules (domain/auction.py `AuctionRules.problems`), each
problem in red under its field; "Schedule" stays disabled while any is left. Money is typed
in rupees and kept in paise, a percent decrement in basis points of the start price, times
in IST. The start price is the bid stage's L1 unless the buyer lowers it. The parameters are
fixed once the auction is scheduled, so the dialog says so.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from app.ui.bid_form import basis_points
from app.ui.formats import in_rupees, money, rupees_input_text
from app.ui.widgets import Retranslating, ist_editor, ist_moment, problem_label
from domain.auction import DECREMENT_AMOUNT, DECREMENT_PERCENT, AuctionRules, Decrement, Visibility
from domain.money import MoneyError, paise_from_rupees
from domain.timefmt import iso_utc

START_AFTER = timedelta(hours=1)  # the sellers need time to see that it is coming
DURATION_MINUTES = 120
DECREMENT_PERCENT_TEXT = "0.5"  # of the start price
EXTENSION_MINUTES = 5  # a bid in the last 5 minutes extends the end by 5 minutes...
MAX_EXTENSIONS = 10  # ...at most 10 times


def _minutes(parent: QWidget, name: str, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(parent, objectName=name)
    spin.setRange(low, high)
    spin.setValue(value)
    if suffix:
        spin.setSuffix(suffix)
    return spin


class ScheduleAuctionDialog(Retranslating, QDialog):
    """`bid`: the bid as read; `bid_stage_l1_paise`: its L1 price for the whole bid; `now`:
    the server's clock as this computer knows it."""

    def __init__(self, bid: dict[str, Any], bid_stage_l1_paise: int, now: Callable[[], datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleAuctionDialog")
        self.bid, self.l1, self.now = bid, bid_stage_l1_paise, now
        self._rules: AuctionRules | None = None  # the last rules read without a problem
        start = now() + START_AFTER
        start = start.replace(minute=(start.minute // 15) * 15, second=0, microsecond=0) + timedelta(minutes=15)

        self.intro = QLabel(self, objectName="auctionIntro", wordWrap=True)
        self.start_at = ist_editor(self, "auction_start_at", start)
        self.duration = _minutes(self, "auction_duration", 10, 7 * 24 * 60, DURATION_MINUTES)
        self.start_price = QLineEdit(rupees_input_text(bid_stage_l1_paise), self, objectName="auction_start_price")
        self.decrement_kind = QComboBox(self, objectName="auction_decrement_kind")
        self.decrement_value = QLineEdit(DECREMENT_PERCENT_TEXT, self, objectName="auction_decrement_value")
        self.visibility = QComboBox(self, objectName="auction_visibility")
        self.extension_window = _minutes(self, "auction_extension_window", 0, 24 * 60, EXTENSION_MINUTES)
        self.extension_length = _minutes(self, "auction_extension_length", 0, 24 * 60, EXTENSION_MINUTES)
        self.max_extensions = _minutes(self, "auction_max_extensions", 0, 1000, MAX_EXTENSIONS)
        self.problems_shown: dict[str, QLabel] = {
            name: problem_label(self, f"auction_problem_{name}")
            for name in ("start_at", "duration", "start_price", "decrement", "extension")}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._schedule)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}

        def row(name: str, *widgets: QWidget, problem: str | None = None) -> None:
            line = QHBoxLayout()
            for widget in widgets:
                line.addWidget(widget)
            line.addStretch(1)
            column = QVBoxLayout()
            column.addLayout(line)
            if problem:
                column.addWidget(self.problems_shown[problem])
            self.labels[name] = QLabel(self)
            form.addRow(self.labels[name], column)

        row("start_at", self.start_at, problem="start_at")
        row("duration", self.duration, problem="duration")
        row("start_price", self.start_price, problem="start_price")
        row("decrement", self.decrement_value, self.decrement_kind, problem="decrement")
        row("visibility", self.visibility)
        self.extension_text = QLabel(self, objectName="auctionExtensionText")
        self.extension_text2 = QLabel(self)
        self.extension_text3 = QLabel(self)
        row("extension", self.extension_text, self.extension_window, self.extension_text2, self.extension_length, self.extension_text3,
            self.max_extensions, problem="extension")
        self.summary = QLabel(self, objectName="auctionSummary", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        for widget in (self.start_price, self.decrement_value):
            widget.textChanged.connect(self.check)
        for spin in (self.duration, self.extension_window, self.extension_length, self.max_extensions):
            spin.valueChanged.connect(self.check)
        self.start_at.dateTimeChanged.connect(self.check)
        self.decrement_kind.currentIndexChanged.connect(self._kind_changed)
        self.visibility.currentIndexChanged.connect(self.check)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Schedule the reverse auction"))
        self.intro.setText(self.tr("Bid %1: the technically qualified sellers bid for the whole bid, below the bid "
                                   "stage's L1 price of %2. Who enters follows the bid's rule. Once scheduled, these "
                                   "parameters are fixed and shown to every bidder.")
                           .replace("%1", self.bid.get("number") or "").replace("%2", money(self.l1)))
        texts = {"start_at": self.tr("Starts"), "duration": self.tr("Runs for"),
                 "start_price": in_rupees(self.tr("Start price (Rs)")),
                 "decrement": self.tr("Minimum decrement"), "visibility": self.tr("Bidders see"),
                 "extension": self.tr("Auto-extension")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.duration.setSuffix(self.tr(" min"))
        for spin in (self.extension_window, self.extension_length):
            spin.setSuffix(self.tr(" min"))
        self.extension_text.setText(self.tr("a bid in the last"))
        self.extension_text2.setText(self.tr("extends the end by"))
        self.extension_text3.setText(self.tr(", at most (times)"))
        self._fill(self.decrement_kind, [(DECREMENT_PERCENT, self.tr("% of the start price")),
                                         (DECREMENT_AMOUNT, self.tr("Rs"))])
        self._fill(self.visibility, [(Visibility.RANK_AND_L1.value, self.tr("their own rank and the current L1 price")),
                                     (Visibility.RANK.value, self.tr("their own rank only"))])
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Schedule"))
        self.check()

    @staticmethod
    def _fill(combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)

    def _kind_changed(self) -> None:
        """A new kind of decrement: the other kind's number means nothing here."""
        if self.decrement_kind.currentData() == DECREMENT_AMOUNT:
            self.decrement_value.setText(rupees_input_text(max(100, self.l1 * 50 // 10_000 // 100 * 100)))
        else:
            self.decrement_value.setText(DECREMENT_PERCENT_TEXT)
        self.check()

    # -- reading and checking -------------------------------------------------------------------

    def _read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The body for the marketplace, and what is wrong with it by this dialog's fields."""
        problems: dict[str, str] = {}
        start = ist_moment(self.start_at)
        end = start + timedelta(minutes=self.duration.value())
        if start <= self.now():
            problems["start_at"] = self.tr("The start must be in the future.")
        try:
            price = paise_from_rupees(self.start_price.text().replace(",", "").strip())
        except (MoneyError, ValueError, ArithmeticError):
            price = 0
        if price <= 0:
            problems["start_price"] = self.tr("Type the start price in rupees, for example 13,99,000.")
        elif price > self.l1:
            problems["start_price"] = self.tr("The start price cannot be above the bid stage's L1 (%1).") \
                .replace("%1", money(self.l1))
        kind = self.decrement_kind.currentData()
        value = 0
        try:
            if kind == DECREMENT_PERCENT:
                value = basis_points(self.decrement_value.text())
            else:
                value = paise_from_rupees(self.decrement_value.text().replace(",", "").strip())
        except (MoneyError, ValueError, ArithmeticError):
            value = 0
        rules = AuctionRules(start_at=start, end_at=end, start_price_paise=price, decrement=Decrement(kind, value),
                             visibility=Visibility(self.visibility.currentData() or Visibility.RANK_AND_L1.value),
                             extension_window=timedelta(minutes=self.extension_window.value()),
                             extension_length=timedelta(minutes=self.extension_length.value()),
                             max_extensions=self.max_extensions.value())
        found = rules.problems()
        if "decrement.value" in found or value <= 0:
            problems["decrement"] = (self.tr("Type the step as a percentage of the start price, for example 0.5.")
                                     if kind == DECREMENT_PERCENT else
                                     self.tr("Type the step in rupees, for example 1,000."))
            if value > 0 and price > 0:
                problems["decrement"] = self.tr("The step (%1) must be less than the start price.") \
                    .replace("%1", money(rules.step_paise))
        if "end_at" in found:
            problems["duration"] = self.tr("The auction must run for some time.")
        if self.extension_window.value() > 0 and self.extension_length.value() == 0 and self.max_extensions.value() > 0:
            problems["extension"] = self.tr("An extension needs a length, or set the window or the count to 0.")
        body = {"start_at": iso_utc(start), "end_at": iso_utc(end), "start_price_paise": price,
                "decrement": {"kind": kind, "value": value}, "visibility": self.visibility.currentData(),
                "extension_window_seconds": self.extension_window.value() * 60,
                "extension_length_seconds": self.extension_length.value() * 60,
                "max_extensions": self.max_extensions.value()}
        self._rules = rules if not problems else None
        return body, problems

    def body(self) -> dict[str, Any]:
        return self._read()[0]

    def problems(self) -> dict[str, str]:
        return self._read()[1]

    def check(self, *_: object) -> bool:
        problems = self.problems()
        for name, label in self.problems_shown.items():
            label.setText(problems.get(name, ""))
            label.setVisible(name in problems)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        if problems or self._rules is None:
            self.summary.clear()
        else:
            rules = self._rules
            self.summary.setText(self.tr("Each bid at least %1 below the bidder's own last one; the first at most %2.")
                                 .replace("%1", money(rules.step_paise))
                                 .replace("%2", money(rules.start_price_paise - rules.step_paise)))
        return not problems

    def _schedule(self) -> None:
        if self.check():
            self.accept()
