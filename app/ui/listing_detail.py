"""A listing's details as a buyer reads them: price against MRP, stock, specifications,
where it delivers, and the seller's classes (MSE, women-owned, SC/ST-owned, Make in India)
but not the seller's name, which GeM reveals only after a purchase."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.cache import Cache
from app.ui.formats import mii_text, money, nature_text, seller_class_text, when
from app.ui.i18n import current_language
from domain.listing import discount_bp


class ListingDetail(QWidget):
    def __init__(self, cache: Cache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.listing_id: str | None = None
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setObjectName("listingDetail")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.show_listing(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_listing(self.listing_id)
        super().changeEvent(event)

    def show_listing(self, listing_id: str | None) -> None:
        self.listing_id = listing_id
        listing = self.cache.listing(listing_id) if listing_id else None
        if listing is None:
            self.view.setHtml(f"<p style='color:#5f6368'>{escape(self.tr('Choose a listing to see its details.'))}</p>")
            return
        self.view.setHtml(self._html(listing, self.cache.seller(listing["seller_id"])))

    def _param_labels(self, category_id: int) -> dict[str, str]:
        """The category's key parameters by name, as labels in the user's language, with units."""
        hindi = current_language() == "hi"
        for category in self.cache.categories():
            if category["id"] == category_id:
                return {p["name"]: (p["label_hi"] if hindi else p["label_en"]) + (f" ({p['unit']})" if p.get("unit") else "")
                        for p in category["key_params"]}
        return {}

    def _category_path(self, category_id: int) -> str:
        by_id = {c["id"]: c for c in self.cache.categories()}
        key = "name_hi" if current_language() == "hi" else "name_en"
        names, seen = [], by_id.get(category_id)
        while seen is not None and len(names) < 10:
            names.append(seen[key])
            seen = by_id.get(seen["parent_id"])
        return " › ".join(reversed(names))

    def _html(self, listing: dict[str, Any], seller: dict[str, Any] | None) -> str:
        tr = self.tr
        e = escape
        discount = discount_bp(listing["mrp_paise"], listing["price_paise"])
        rows: list[tuple[str, str]] = [
            (tr("Category"), e(self._category_path(listing["category_id"]))),
            (tr("Brand and model"), e(f"{listing['brand']} · {listing['model']}")),
            (tr("MRP"), e(money(listing["mrp_paise"]))),
            (tr("Discount"), e(f"{discount // 100}.{discount % 100:02d}%")),
            (tr("Stock"), e(f"{listing['stock']:,}") if listing["stock"] else e(tr("Out of stock"))),
            (tr("Minimum order"), e(f"{listing['min_order_qty']:,}")),
            (tr("Country of origin"), e(listing["country_of_origin"])),
            (tr("Local content"), e(f"{listing['local_content_pct']}% · {mii_text(listing['mii_class'])}")),
            (tr("Delivers to"), e(", ".join(listing["delivery_districts"]) or "—")),
        ]
        if listing["delivery_pincodes"]:
            rows.append((tr("PIN codes"), e(", ".join(listing["delivery_pincodes"]))))
        rows.append((tr("Updated"), e(when(listing["updated_at"]))))

        def table(items: list[tuple[str, str]]) -> str:
            cells = "".join(
                f"<tr><td style='color:#5f6368;padding:2px 12px 2px 0'>{e(name)}</td><td style='padding:2px 0'>{value}</td></tr>"
                for name, value in items)
            return f"<table cellspacing='0'>{cells}</table>"

        parts = [
            f"<h3 style='margin-bottom:2px'>{e(listing['title'])}</h3>",
            f"<p style='font-size:large;margin-top:4px'><b>{e(money(listing['price_paise']))}</b></p>",
            table(rows),
        ]
        labels = self._param_labels(listing["category_id"])
        specs = [(labels.get(name, name), e(value)) for name, value in listing["key_specs"].items()]
        if specs:
            parts += [f"<h4>{e(tr('Key specifications'))}</h4>", table(specs)]
        others = [(name, e(value)) for name, value in listing["other_specs"].items()]
        if others:
            parts += [f"<h4>{e(tr('Other specifications'))}</h4>", table(others)]
        parts.append(f"<h4>{e(tr('Seller'))}</h4>")
        if seller is None:
            parts.append(f"<p>{e(tr('Not known yet; it arrives with the next sync.'))}</p>")
        else:
            yes, no = tr("Yes"), tr("No")
            parts.append(table([
                (tr("MSE class"), e(seller_class_text(seller["mse_class"]))),
                (tr("Women-owned"), e(yes if seller["women_owned"] else no)),
                (tr("SC/ST-owned"), e(yes if seller["scst_owned"] else no)),
                (tr("Nature"), e(nature_text(seller["nature"]))),
                (tr("Located in"), e(f"{seller['district']}, {seller['state']}")),
            ]))
            parts.append(f"<p style='color:#5f6368'>{e(tr('As on GeM, the seller’s name is shown only after a purchase.'))}</p>")
        return "".join(parts)
