"""A bid's financial evaluation as the buyer (or an auditor) reads it: per lot, the ranking
with L1 marked, who was in the MSE and Make in India bands and what came of each, then the
award lines with the rule and reason behind each, and the total.

It shows the evaluation JSON of domain/bid_json.py (`evaluation_json`, as the server's
GET /api/v1/bids/{id}/evaluation gives it); it decides nothing itself. The fixed words, and
what the rules answer with a code (a band's outcome, a notice about the whole bid such as the
Make in India exemption), are in the user's language; the rules' own notes and reasons stay
in their words, which cite the orders.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from app.ui.formats import mii_text, money, nature_text, number, percent_text
from app.ui.widgets import Retranslating

GREY = "#5f6368"
L1_ROW = "#e6f4ea"
L1_BADGE = "background-color:#1e6b34;color:#ffffff;font-weight:bold"
AUCTION_NOTE = "background-color:#e8f0fe;border:1px solid #1a73e8;padding:4px"
HEADER_ROW = "#f1f3f4"


class EvaluationView(Retranslating, QWidget):
    """Read-only; `show_evaluation` again (or a change of language) redraws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.evaluation: dict[str, Any] | None = None
        self.seller_names: dict[str, str] = {}
        self.reverse_auction: dict[str, Any] | None = None  # {id, number, closed} when the bid went to one
        self.view = QTextBrowser(self, objectName="evaluationView")
        self.view.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self._render()

    def show_evaluation(self, evaluation: dict[str, Any] | None, seller_names: dict[str, str] | None = None,
                        reverse_auction: dict[str, Any] | None = None) -> None:
        """`seller_names`: seller id ("S12") -> the firm's name, where the viewer may know it;
        `reverse_auction`: the bid's auction ({number, closed}), which decides what these prices are."""
        self.evaluation = evaluation
        self.seller_names = dict(seller_names or {})
        self.reverse_auction = reverse_auction
        self._render()

    # -- drawing ----------------------------------------------------------------------------------

    def _render(self) -> None:
        if self.evaluation is None:
            hint = self.tr("No evaluation to show yet: it is made when the financial offers are opened.")
            self.view.setHtml(f"<p style='color:{GREY}'>{escape(hint)}</p>")
            return
        self.view.setHtml(self._html(self.evaluation))

    def _seller(self, seller: str | None) -> str:
        if not seller:
            return "—"
        return self.seller_names.get(seller, seller)

    def _sellers(self, sellers: list[str]) -> str:
        return ", ".join(self._seller(s) for s in sellers) or "—"

    def _named(self, text: str) -> str:
        """The rules' notes name sellers by id ("S2 matched the L1 price"): by name where known."""
        if not self.seller_names or not text:
            return text
        ids = sorted(self.seller_names, key=len, reverse=True)  # S12 before S1
        pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
        return pattern.sub(lambda found: self.seller_names[found.group(1)], text)

    def _html(self, evaluation: dict[str, Any]) -> str:
        e = escape
        bid = evaluation["bid"]
        item_names = {item["id"]: item.get("name") or item["id"] for item in bid["items"]}
        group_names = {group["id"]: group.get("name") or group["id"] for group in bid.get("groups", [])}
        methods = {"total_value": self.tr("total value of all items"), "item_wise": self.tr("item-wise"),
                   "group_wise": self.tr("group-wise")}
        # lupdate does not look inside f-strings: every tr() stands outside them
        evaluated_on = self.tr("Evaluated on the %1").replace("%1", methods.get(bid["method"], bid["method"]))
        parts = [
            f"<h3 style='margin-bottom:2px'>{e(bid.get('title') or bid['number'])}</h3>",
            f"<p style='color:{GREY};margin-top:2px'>{e(bid['number'])} · {e(evaluated_on)}</p>",
        ]
        for notice in evaluation.get("notices", []):
            parts.append(f"<p style='{AUCTION_NOTE}'>{e(self._notice_text(notice))}</p>")
        auction = self.reverse_auction
        if auction:
            stage = (self.tr("Evaluated at the final prices of reverse auction %1.") if auction.get("closed") else
                     self.tr("Reverse auction %1 is finding the prices: this is the bid stage's evaluation, and "
                             "nothing can be awarded until the auction closes."))
            parts.append(f"<p style='{AUCTION_NOTE}'>{e(stage.replace('%1', auction.get('number', '')))}</p>")
        for lot in evaluation["lots"]:
            parts.append(self._lot_html(lot, item_names, group_names))
        parts.append(self._awards_html(evaluation, item_names))
        return "".join(parts)

    def _notice_text(self, notice: dict[str, Any]) -> str:
        """A notice about the whole bid, by its code; one we do not know yet in the rules' words."""
        if notice.get("code") == "mii_exempt_small_purchase":
            return (self.tr("The estimated value, %1, is below %2: the Make in India preference does not apply to "
                            "this bid and its margin is not applied (%3).")
                    .replace("%1", money(notice["estimated_value_paise"])).replace("%2", money(notice["threshold_paise"]))
                    .replace("%3", notice["order"]))
        if notice.get("code") == "mii_estimated_value_not_given":
            return (self.tr("The estimated value was not given, so the Make in India exemption below %1 (%2) could not "
                            "be checked: the margin is applied.")
                    .replace("%1", money(notice["threshold_paise"])).replace("%2", notice["order"]))
        return notice.get("note", "")

    def _lot_name(self, lot: dict[str, Any], item_names: dict[str, str], group_names: dict[str, str]) -> str:
        if lot["lot"] == "all":
            return self.tr("All items together")
        name = item_names.get(lot["lot"]) or group_names.get(lot["lot"]) or lot["lot"]
        return self.tr("Lot %1: %2").replace("%1", lot["lot"]).replace("%2", name)

    def _lot_html(self, lot: dict[str, Any], item_names: dict[str, str], group_names: dict[str, str]) -> str:
        e = escape
        parts = [f"<h4 style='margin-bottom:4px'>{e(self._lot_name(lot, item_names, group_names))}</h4>"]
        if lot["l1"] is None:
            nothing = self.tr("No offer could be evaluated in this lot.")
            parts.append(f"<p>{e(nothing)}</p>")
        else:
            l1 = self.tr("L1 is %1 at %2 for the lot.").replace("%1", self._seller(lot["l1"])).replace(
                "%2", money(lot["l1_price_paise"]))
            parts.append(f"<p style='margin-top:0'>{e(l1)}</p>")
        if lot.get("tie"):
            parts.append(f"<p style='color:{GREY}'>{e(self._named(lot['tie']))}</p>")
        yes, no = self.tr("Yes"), self.tr("No")
        # Prices moved after the opening (a negotiation, an auction): the opening ones beside, as
        # the bands are measured on them.
        moved = any(offer.get("opened_lot_price_paise", offer["lot_price_paise"]) != offer["lot_price_paise"]
                    for offer in lot["ranking"])
        heads = [self.tr("Rank"), self.tr("Seller"), self.tr("Lot price"), self.tr("MSE"), self.tr("Nature"),
                 self.tr("Make in India class"), self.tr("Offer submitted")]
        if moved:
            heads.insert(3, self.tr("As opened"))
        rows = []
        for offer in lot["ranking"]:
            is_l1 = offer["seller"] == lot["l1"]
            mse = yes if offer["mse"] else no
            if offer["mse"] and not offer["mse_qualifies"]:
                mse = self.tr("Yes, but not eligible for the preference")
            if offer.get("keeps_mse_preference"):
                mse = self.tr("Yes; kept its preference rights through the reverse auction")
            seller = e(self._seller(offer["seller"]))
            if is_l1:
                seller = f"<span style='{L1_BADGE}'>&nbsp;L1&nbsp;</span>&nbsp;<b>{seller}</b>"
            cells = [e(number(offer["rank"])), seller, e(money(offer["lot_price_paise"])), e(mse),
                     e(nature_text(offer["nature"])), e(mii_text(offer["mii_class"])), e(offer.get("submitted_at_text", ""))]
            if moved:
                cells.insert(3, e(money(offer.get("opened_lot_price_paise", offer["lot_price_paise"]))))
            rows.append((cells, is_l1))
        parts.append(_table(heads, rows, right_aligned={0, 2, 3} if moved else {0, 2}))
        if lot.get("not_evaluated"):
            left_out = self.tr("Not evaluated in this lot:")
            parts.append(f"<p style='margin-bottom:0'>{e(left_out)}</p><ul style='margin-top:0'>")
            for entry in lot["not_evaluated"]:
                parts.append(f"<li>{e(self._seller(entry['seller']))}: {e(self._named(entry['reason']))}</li>")
            parts.append("</ul>")
        for key, title in (("mse_band", self.tr("MSE purchase preference")),
                           ("mii_band", self.tr("Make in India purchase preference"))):
            band = lot.get(key)
            if band is not None:
                parts.append(self._band_html(title, band, lot.get("l1_price_paise")))
        return "".join(parts)

    def _band_html(self, title: str, band: dict[str, Any], l1_price: int | None) -> str:
        """One preference's band; measured from L1 as opened, said so where L1's price moved since."""
        e = escape
        matched = band.get("matched") or []
        matched = [matched] if isinstance(matched, str) else matched  # one seller, as stored before issue 17
        outcomes = {
            "l1_eligible": self.tr("Not needed: L1 itself is eligible for the preference."),
            "matched": (self.tr("%1 matched the L1 price.") if len(matched) < 2 else
                        self.tr("%1 matched the L1 price and share the quantity in proportion to what each "
                                "tendered.")).replace("%1", self._sellers(matched)),
            "no_one_in_band": self.tr("No eligible seller was within the band."),
            "all_declined": self.tr("Every seller invited declined to match the L1 price."),
            "nothing_to_share": self.tr("The preference's share comes to no whole unit, so nobody was invited."),
            "mse_prevails": self.tr("Not applied: the MSE preference prevails in this lot."),
            "exempt_small_purchase": self.tr("Not applied: a bid of an estimated value below Rs 5 lakh is exempt from "
                                             "the Make in India Order."),
        }
        band_text = (self.tr("within %1% of L1, up to %2")
                     .replace("%1", percent_text(band["band_bp"])).replace("%2", money(band["limit_paise"])))
        base = band.get("opened_l1_price_paise")
        if base is not None and base != l1_price:
            band_text = (self.tr("within %1% of L1 as opened (%3), up to %2")
                         .replace("%1", percent_text(band["band_bp"])).replace("%2", money(band["limit_paise"]))
                         .replace("%3", money(base)))
        not_eligible = "; ".join(f"{self._seller(entry['seller'])} ({self._named(entry['reason'])})"
                                 for entry in band["not_eligible"])
        rows = [
            (self.tr("Band"), e(band_text)),
            (self.tr("In the band"), e(self._sellers(band["in_band"]))),
            (self.tr("In the band, not eligible"), e(not_eligible or "—")),
            (self.tr("Invited to match L1"), e(self._sellers(band["invited"]))),
            (self.tr("Declined"), e(self._sellers(band["declined"]))),
            (self.tr("Matched"), f"<b>{e(self._sellers(matched))}</b>" if matched else "—"),
            (self.tr("Outcome"), e(outcomes.get(band["outcome"], band["outcome"]))),
        ]
        cells = "".join(f"<tr><td style='color:{GREY};padding:1px 12px 1px 0'>{e(name)}</td><td>{value}</td></tr>"
                        for name, value in rows)
        note = f"<p style='color:{GREY};margin-top:2px'>{e(self._named(band['note']))}</p>" if band.get("note") else ""
        return f"<p style='margin-bottom:2px'><b>{e(title)}</b></p><table cellspacing='0'>{cells}</table>{note}"

    def _awards_html(self, evaluation: dict[str, Any], item_names: dict[str, str]) -> str:
        e = escape
        rules = {"L1": self.tr("L1"), "MSE_MATCH": self.tr("MSE price match"),
                 "MII_MATCH": self.tr("Make in India price match")}
        heading = self.tr("Award")
        parts = [f"<h4 style='margin-bottom:4px'>{e(heading)}</h4>"]
        if not evaluation["awards"]:
            nothing = self.tr("Nothing is awarded: no lot has an offer that could be evaluated.")
            parts.append(f"<p>{e(nothing)}</p>")
            return "".join(parts)
        heads = [self.tr("Seller"), self.tr("Item"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Total"),
                 self.tr("Rule"), self.tr("Why")]
        rows = []
        for line in evaluation["awards"]:
            reason = f"<span style='color:{GREY}'>{e(self._named(line['reason']))}</span>"
            cells = [e(self._seller(line["seller"])), e(item_names.get(line["item"], line["item"])),
                     e(number(line["quantity"])), e(money(line["unit_price_paise"])), e(money(line["total_paise"])),
                     e(rules.get(line["rule"], line["rule"])), reason]
            rows.append((cells, False))
        parts.append(_table(heads, rows, right_aligned={2, 3, 4}))
        if len(evaluation.get("by_seller", [])) > 1:
            per_seller = [([e(self._seller(entry["seller"])), e(money(entry["total_paise"]))], False)
                          for entry in evaluation["by_seller"]]
            by_seller = self.tr("By seller")
            parts.append(f"<p style='margin-bottom:2px'>{e(by_seller)}</p>")
            parts.append(_table([self.tr("Seller"), self.tr("Total")], per_seller, right_aligned={1}))
        total = self.tr("Total of the award: %1").replace("%1", money(evaluation["total_paise"]))
        parts.append(f"<p style='font-size:large'><b>{e(total)}</b></p>")
        return "".join(parts)


def _table(heads: list[str], rows: list[tuple[list[str], bool]], right_aligned: set[int]) -> str:
    """An HTML table (cells already escaped); rows marked True are L1's: shaded and bold."""
    def cell(tag: str, n: int, content: str, style: str = "") -> str:
        # Numbers and amounts never break inside ("Rs" on one line, the amount on the next).
        align = " align='right'" if n in right_aligned else " align='left'"
        nowrap = "white-space:nowrap;" if n in right_aligned else ""
        return f"<{tag}{align} style='padding:3px 8px;{nowrap}{style}'>{content}</{tag}>"

    head = "".join(cell("th", n, escape(text), f"background-color:{HEADER_ROW};white-space:nowrap")
                   for n, text in enumerate(heads))
    body = []
    for cells, is_l1 in rows:
        style = f"background-color:{L1_ROW};font-weight:bold" if is_l1 else ""
        body.append("<tr>" + "".join(cell("td", n, content, style) for n, content in enumerate(cells)) + "</tr>")
    return ("<table cellspacing='0' cellpadding='0' border='1' style='border-collapse:collapse;border-color:#dadce0'>"
            f"<tr>{head}</tr>{''.join(body)}</table>")
