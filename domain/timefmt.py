"""Times are stored in UTC and shown in India Standard Time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

IST = timezone(timedelta(hours=5, minutes=30), "IST")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """A naive datetime from a database is UTC by our convention."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def ist_text(moment: datetime, with_seconds: bool = False) -> str:
    """24 Nov 2026, 14:05 IST."""
    local = as_utc(moment).astimezone(IST)
    return local.strftime("%d %b %Y, %H:%M:%S IST" if with_seconds else "%d %b %Y, %H:%M IST")


def ist_date_text(moment: datetime) -> str:
    """24 Nov 2026: the day in India (a due date in a narrow column)."""
    return as_utc(moment).astimezone(IST).strftime("%d %b %Y")


def iso_utc(moment: datetime) -> str:
    """The wire format: ISO 8601 in UTC with a Z."""
    return as_utc(moment).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    return as_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))
