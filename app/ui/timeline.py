"""A bid's or an order's history as a vertical timeline: when (IST), who in which role, what
they did, and why (the remark or the marketplace's note) in a lighter line under it.

It shows the events of the server's GET /api/v1/bids/{id}/history (or /orders/{id}/history),
oldest first, as they come: the server records them in the order they happened.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.ui.formats import translate, when
from app.ui.widgets import Retranslating

RAIL_WIDTH = 20
DOT_RADIUS = 5
RAIL_COLOUR = "#dadce0"
DOT_COLOUR = "#1a73e8"
GREY = "#5f6368"


def action_text(action: str) -> str:
    """What happened, in the user's language; an action we do not know yet shows as the server wrote it."""
    return {
        "drafted": translate("Timeline", "Drafted"),
        "edited": translate("Timeline", "Edited"),
        "sent for approval": translate("Timeline", "Sent for approval"),
        "approved and published": translate("Timeline", "Approved and published"),
        "published": translate("Timeline", "Published"),
        "returned to the buyer": translate("Timeline", "Returned to the buyer"),
        "cancelled": translate("Timeline", "Cancelled"),
        "extended": translate("Timeline", "Extended automatically"),
        "closed": translate("Timeline", "Closed"),
        "opened": translate("Timeline", "Opened"),
        "technical evaluation": translate("Timeline", "Technical evaluation"),
        "financial packets opened": translate("Timeline", "Financial offers opened"),
        "match accepted": translate("Timeline", "Match to L1 accepted"),
        "match declined": translate("Timeline", "Match to L1 declined"),
        "match lapsed": translate("Timeline", "Invitation to match L1 lapsed unanswered"),
        "negotiation asked": translate("Timeline", "L1 asked to negotiate"),
        "negotiated": translate("Timeline", "L1 lowered its price"),
        "negotiation declined": translate("Timeline", "L1 kept its price"),
        "negotiation lapsed": translate("Timeline", "Negotiation round lapsed"),
        "awarded": translate("Timeline", "Awarded"),
        "lapsed": translate("Timeline", "Lapsed: the offers' validity ended"),
        "approved and placed": translate("Timeline", "Approved and placed"),
        "placed": translate("Timeline", "Order placed"),
        "accepted": translate("Timeline", "Accepted by the seller"),
        "declined": translate("Timeline", "Declined by the seller"),
        "delivered": translate("Timeline", "Delivered"),
        "received": translate("Timeline", "Received: CRAC issued"),
        "paid": translate("Timeline", "Paid"),
        "offer submitted": translate("Timeline", "Your offer submitted"),
        "offer withdrawn": translate("Timeline", "Your offer withdrawn"),
    }.get(action, action)


def role_text(role: str) -> str:
    return {
        "buyer": translate("Timeline", "buyer"), "approver": translate("Timeline", "approver"),
        "seller": translate("Timeline", "seller"), "admin": translate("Timeline", "administrator"),
    }.get(role, role)


class _Rail(QWidget):
    """The timeline's line with a dot at this event; the first and last cut the line short."""

    def __init__(self, first: bool, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.last = first, last
        self.setFixedWidth(RAIL_WIDTH)

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre_x = self.width() / 2
        dot_y = DOT_RADIUS + 6.0  # level with the first line of text
        painter.setPen(QPen(QColor(RAIL_COLOUR), 2))
        top = dot_y if self.first else 0.0
        bottom = dot_y if self.last else float(self.height())
        if bottom > top:
            painter.drawLine(QPointF(centre_x, top), QPointF(centre_x, bottom))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(DOT_COLOUR))
        painter.drawEllipse(QPointF(centre_x, dot_y), DOT_RADIUS, DOT_RADIUS)
        painter.end()


class TimelineEntry(QWidget):
    """One event: what (bold), when and who under it, and the note in grey."""

    def __init__(self, event: dict[str, Any], first: bool, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineEntry")
        self.history_event = event  # not `self.event`: that is QWidget.event(), which Qt calls
        self.what_label = QLabel(self, objectName="timelineWhat", wordWrap=True)
        self.when_label = QLabel(self, objectName="timelineWhen", wordWrap=True)
        self.note_label = QLabel(self, objectName="timelineNote", wordWrap=True)
        self.note_label.setStyleSheet(f"color:{GREY}")
        for label in (self.what_label, self.when_label, self.note_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # names and remarks are people's text
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.what_label.font()
        font.setBold(True)
        self.what_label.setFont(font)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 14)
        text.setSpacing(1)
        text.addWidget(self.what_label)
        text.addWidget(self.when_label)
        text.addWidget(self.note_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(_Rail(first, last, self))
        row.addLayout(text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        event = self.history_event
        self.what_label.setText(action_text(event.get("action") or ""))
        moment = when(event.get("at")) or event.get("at_text") or ""
        who, role = event.get("who") or "", event.get("role") or ""
        if role == "system":
            actor = translate("Timeline", "the marketplace, automatically")
        elif not who:  # a seller is told which side acted, not who in the office
            actor = role_text(role)
        else:
            actor = translate("Timeline", "%1 (%2)").replace("%1", who).replace("%2", role_text(role))
        self.when_label.setText(f"{moment} · {actor}" if moment else actor)
        note = (event.get("note") or "").strip()
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))


class Timeline(Retranslating, QWidget):
    """`set_events` shows a bid's or an order's history; with none, a sentence says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.entries: list[TimelineEntry] = []
        self.empty_label = QLabel(self, objectName="timelineEmpty", wordWrap=True)
        self.empty_label.setStyleSheet(f"color:{GREY}")
        self.page = QWidget(self)
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(8, 8, 8, 8)
        self.page_layout.setSpacing(0)
        self.page_layout.addWidget(self.empty_label)
        self.page_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()
        self.set_events([])

    def retranslate(self) -> None:
        self.empty_label.setText(self.tr("There is no history yet: events appear here as things move on."))
        for entry in self.entries:
            entry.retranslate()

    def set_events(self, events: list[dict[str, Any]]) -> None:
        for entry in self.entries:
            self.page_layout.removeWidget(entry)
            entry.hide()
            entry.deleteLater()
        self.entries = []
        for position, event in enumerate(events):
            entry = TimelineEntry(event, first=position == 0, last=position == len(events) - 1, parent=self.page)
            self.page_layout.insertWidget(position, entry)
            self.entries.append(entry)
        self.empty_label.setVisible(not events)
