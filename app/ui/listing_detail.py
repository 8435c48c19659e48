"""A listing's details as a buyer reads them: price against MRP, stock, specifications,
where it delivers, and the seller's classes (MSE, women-owned, SC/ST-owned, Make in India)
but not the seller's name, which GeM reveals only after a purchase."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.cache import Cache
from app.ui.formats import mii_text, money_in_words, nature_text, number, seller_class_text, when
from app.ui.i18n import current_language
from app.ui.widgets import Retranslating, key_param_label
from domain.listing import discount_bp


class ListingDetail(Retranslating, QWidget):
    def __init__(self, cache: Cache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.listing_id: str | None = None
        self._categories: dict[int, dict] | None = None  # read once; `forget_categories` after a sync
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setObjectName("listingDetail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.show_listing(None)

    def retranslate(self) -> None:
        self.show_listing(self.listing_id)

    def show_listing(self, listing_id: str | None) -> None:
        self.listing_id = listing_id
        listing = self.cache.listing(listing_id) if listing_id else None
        if listing is None:
            hint = self.tr("Choose a listing to see its details.")
            self.view.setHtml(f"<p style='color:#5f6368'>{escape(hint)}</p>")
            return
        self.view.setHtml(self._html(listing, self.cache.seller(listing["seller_id"])))

    def categories(self) -> dict[int, dict]:
        if self._categories is None:
            self._categories = {c["id"]: c for c in self.cache.categories()}
        return self._categories

    def forget_categories(self) -> None:
        self._categories = None

    def _param_labels(self, category_id: int) -> dict[str, str]:
        """The category's key parameters by name, as labels in the user's language, with units."""
        category = self.categories().get(category_id) or {"key_params": []}
        return {p["name"]: key_param_label(p) for p in category["key_params"]}

    def _category_path(self, category_id: int) -> str:
        by_id = self.categories()
        key = "name_hi" if current_language() == "hi" else "name_en"
        names, seen = [], by_id.get(category_id)
        while seen is not None and len(names) < 10:
            names.append(seen[key])
            seen = by_id.get(seen["parent_id"])
        return " › ".join(reversed(names))

    def _html(self, listing: dict[str, Any], seller: dict[str, Any] | None) -> str:
        e = escape
        discount = discount_bp(listing["mrp_paise"], listing["price_paise"])
        rows: list[tuple[str, str]] = [
            (self.tr("Category"), e(self._category_path(listing["category_id"]))),
            (self.tr("Brand and model"), e(f"{listing['brand']} · {listing['model']}")),
            (self.tr("MRP"), e(money_in_words(listing["mrp_paise"]))),
            (self.tr("Discount"), e(f"{discount // 100}.{discount % 100:02d}%")),
            (self.tr("Stock"), e(number(listing['stock'])) if listing["stock"] else e(self.tr("Out of stock"))),
            (self.tr("Minimum order"), e(number(listing['min_order_qty']))),
            (self.tr("Country of origin"), e(listing["country_of_origin"])),
            (self.tr("Local content"), e(f"{listing['local_content_pct']}% · {mii_text(listing['mii_class'])}")),
            (self.tr("Delivers to districts"), e(", ".join(listing["delivery_districts"]) or "—")),
        ]
        if listing["delivery_pincodes"]:
            rows.append((self.tr("PIN codes"), e(", ".join(listing["delivery_pincodes"]))))
        rows.append((self.tr("Updated"), e(when(listing["updated_at"]))))

        def table(items: list[tuple[str, str]]) -> str:
            cells = "".join(
                f"<tr><td style='color:#5f6368;padding:2px 12px 2px 0'>{e(name)}</td><td style='padding:2px 0'>{value}</td></tr>"
                for name, value in items)
            return f"<table cellspacing='0'>{cells}</table>"

        parts = [
            f"<h3 style='margin-bottom:2px'>{e(listing['title'])}</h3>",
            f"<p style='font-size:large;margin-top:4px'><b>{e(money_in_words(listing['price_paise']))}</b></p>",
            table(rows),
        ]
        heading = lambda text: f"<h4>{e(text)}</h4>"  # noqa: E731
        note = lambda text: f"<p style='color:#5f6368'>{e(text)}</p>"  # noqa: E731
        labels = self._param_labels(listing["category_id"])
        specs = [(labels.get(name, name), e(value)) for name, value in listing["key_specs"].items()]
        if specs:
            parts += [heading(self.tr("Key specifications")), table(specs)]
        others = [(name, e(value)) for name, value in listing["other_specs"].items()]
        if others:
            parts += [heading(self.tr("Other specifications")), table(others)]
        parts.append(heading(self.tr("Seller")))
        if seller is None:
            parts.append(note(self.tr("Not known yet; it arrives with the next sync.")))
        else:
            yes, no = self.tr("Yes"), self.tr("No")
            parts.append(table([
                (self.tr("MSE class"), e(seller_class_text(seller["mse_class"]))),
                (self.tr("Women-owned"), e(yes if seller["women_owned"] else no)),
                (self.tr("SC/ST-owned"), e(yes if seller["scst_owned"] else no)),
                (self.tr("Nature of business"), e(nature_text(seller["nature"]))),
                (self.tr("Located in"), e(f"{seller['district']}, {seller['state']}")),
            ]))
            parts.append(note(self.tr("As on GeM, the seller’s name is shown only after a purchase.")))
        return "".join(parts)


class ListingDetailDialog(Retranslating, QDialog):
    """A listing's details in a window of their own (a double-click in the catalogue), for
    reading beside the list or on a small screen where the details pane is narrow."""

    def __init__(self, cache: Cache, listing_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listingDetailDialog")
        self.detail = ListingDetail(cache, self)
        self.detail.show_listing(listing_id)
        self.close_button = QPushButton(self, objectName="closeDetail")
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self.resize(560, 600)
        self.retranslate()

    def retranslate(self) -> None:
        listing = self.detail.cache.listing(self.detail.listing_id or "")
        self.setWindowTitle(listing["title"] if listing else self.tr("Listing"))
        self.close_button.setText(self.tr("Close"))
