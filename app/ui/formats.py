"""How values read on screen: money in Indian digit grouping, times in IST, and the names of
statuses and classes in the user's language. The rules themselves are in domain/."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from domain.money import rupees_short, rupees_text
from domain.timefmt import ist_date_text, ist_text, parse_iso


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def percent_text(points: int) -> str:
    """Basis points as a percentage to edit: 1500 -> "15", 250 -> "2.5", 1505 -> "15.05"."""
    whole, part = divmod(points, 100)
    return str(whole) if not part else f"{whole}.{part:02d}".rstrip("0")


def number(value: int) -> str:
    """A count in Indian digit grouping: 8,57,502."""
    return QLocale(QLocale.Language.English, QLocale.Country.India).toString(int(value))


def data_size(count: float) -> str:
    """Bytes as a person reads them: 950 bytes, 12.3 KB, 4.5 MB, 1.2 GB (powers of 1,000)."""
    if count < 1000:
        return translate("Formats", "%1 bytes").replace("%1", number(int(count)))
    for unit in (translate("Formats", "%1 KB"), translate("Formats", "%1 MB"), translate("Formats", "%1 GB")):
        count /= 1000
        if count < 1000 or "GB" in unit:
            break
    return unit.replace("%1", f"{count:.1f}")


def duration(seconds: float) -> str:
    """A time left: 45 s, 3 min, 1 h 20 min."""
    seconds = int(round(seconds))
    if seconds < 60:
        return translate("Formats", "%1 s").replace("%1", str(seconds))
    minutes = (seconds + 30) // 60
    if minutes < 60:
        return translate("Formats", "%1 min").replace("%1", str(minutes))
    return translate("Formats", "%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", str(minutes % 60))


def money(paise: int | None) -> str:
    """Rs 12,34,567.00"""
    return "" if paise is None else rupees_text(paise)


def rupees_input_text(paise: Any) -> str:
    """Paise as rupees to edit in a field, in Indian grouping: 4,50,000 or 4,50,000.50 (what
    domain.money.paise_from_rupees reads back); empty for no sum."""
    if not isinstance(paise, int) or isinstance(paise, bool) or paise <= 0:
        return ""
    return rupees_text(paise, symbol="").removesuffix(".00")


def money_short(paise: int | None) -> str:
    """Rs 12.35 lakh, Rs 1,854 crore (words translated)."""
    if paise is None:
        return ""
    text = rupees_short(paise)
    return text.replace(" crore", " " + translate("Formats", "crore")).replace(" lakh", " " + translate("Formats", "lakh"))


def money_in_words(paise: int) -> str:
    """Rs 12,50,000.00 (12.5 lakh): a sum of a lakh or more also as people say it."""
    full = money(paise)
    short = money_short(paise)
    return full if short == full else f"{full} ({short.removeprefix('Rs ')})"


def when(iso: str | None) -> str:
    """An ISO UTC time from the server as the user reads it: 24 Nov 2026, 14:05 IST."""
    if not iso:
        return ""
    try:
        return ist_text(parse_iso(iso))
    except ValueError:
        return iso


def day(iso: str | None) -> str:
    """An ISO UTC time from the server as its day in India: 24 Nov 2026."""
    if not iso:
        return ""
    try:
        return ist_date_text(parse_iso(iso))
    except ValueError:
        return iso


def seller_class_text(mse_class: str | None) -> str:
    return {
        "micro": translate("Formats", "Micro (MSE)"), "small": translate("Formats", "Small (MSE)"), "medium": translate("Formats", "Medium (not MSE)"),
        "none": translate("Formats", "Not an MSE"),
    }.get(mse_class or "", translate("Formats", "Unknown"))


def mii_text(mii_class: str | None) -> str:
    return {
        "class_i": translate("Formats", "Class-I local supplier"), "class_ii": translate("Formats", "Class-II local supplier"),
        "non_local": translate("Formats", "Non-local supplier"),
    }.get(mii_class or "", translate("Formats", "Unknown"))


def status_text(status: str) -> str:
    return {
        "draft": translate("Formats", "Draft"), "pending_approval": translate("Formats", "Waiting for approval"), "published": translate("Formats", "Published"),
        "rejected": translate("Formats", "Rejected"), "out_of_stock": translate("Formats", "Out of stock"), "retired": translate("Formats", "Retired"),
    }.get(status, status)


def nature_text(nature: str | None) -> str:
    return {"manufacturer": translate("Formats", "Manufacturer"), "service_provider": translate("Formats", "Service provider"),
            "trader": translate("Formats", "Trader")}.get(nature or "", nature or "")
