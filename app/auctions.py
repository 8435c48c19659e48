"""Live reverse auctions on the desktop (docs/api.md, "Reverse auctions"): the reads, the bid,
the server's clock, and following an auction's events.

Auctions are online only: a bid is sent at once with its own Idempotency-Key (a retry after
a lost answer gets the first answer, never a second bid) and is never queued in the outbox,
because a bid is only worth what the server's clock says at the moment it arrives.

The desktop follows an auction by polling `events?after=<last seq>` about once a second
rather than holding the SSE stream open: each poll is a plain short request that works
through any office proxy, a dropped connection is just a failed poll, and resuming after the
last seq seen misses nothing. The server's `/stream` gives the same events for clients that
want them pushed.

Every answer carries `server_time`; `ServerClock` keeps the offset between it and this
computer's clock, measured on each answer, so countdowns are the server's even when the
local clock is wrong.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterator

from app.api import ApiClient, new_key
from domain.timefmt import parse_iso

AUCTIONS = "/api/v1/auctions"
POLL_SECONDS = 1.0


def local_now() -> datetime:
    """This computer's clock (tests move it to prove the countdown does not use it)."""
    return datetime.now(timezone.utc)


class ServerClock:
    """The server's time as this computer can know it: the local clock plus the offset
    measured on the last answer (network delay ignored: it is well under the second a
    countdown shows)."""

    def __init__(self) -> None:
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def measure(self, server_time: str | None) -> None:
        if not server_time:
            return
        with self._lock:
            self._offset = parse_iso(server_time) - local_now()

    @property
    def offset(self) -> timedelta:
        with self._lock:
            return self._offset

    def now(self) -> datetime:
        return local_now() + self.offset

    def remaining(self, until: str | None) -> timedelta:
        """How long until `until` (ISO UTC) by the server's clock; never negative."""
        if not until:
            return timedelta(0)
        return max(parse_iso(until) - self.now(), timedelta(0))


def countdown_text(left: timedelta) -> str:
    """1d 02:03:04, 02:03:04, or 03:04 under an hour."""
    seconds = int(left.total_seconds())
    days, seconds = divmod(seconds, 86_400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}" if hours or days else f"{minutes:02d}:{seconds:02d}"
    return f"{days}d {clock}" if days else clock


# -- reads and the bid ----------------------------------------------------------------------------


def auctions(api: ApiClient, clock: ServerClock | None = None) -> list[dict[str, Any]]:
    """The caller's auctions: the office's for a buyer or approver, those it entered for a seller."""
    answer = api.get(AUCTIONS)
    if clock is not None:
        clock.measure(answer.get("server_time"))
    return answer["auctions"]


def auction(api: ApiClient, auction_id: str, clock: ServerClock | None = None) -> dict[str, Any]:
    """One auction as the caller may see it."""
    answer = api.get(f"{AUCTIONS}/{auction_id}")
    if clock is not None:
        clock.measure(answer.get("server_time"))
    return answer


def place_bid(api: ApiClient, auction_id: str, price_paise: int, key: str | None = None,
              clock: ServerClock | None = None) -> dict[str, Any]:
    """Send one bid now: {"accepted", "extended", "auction"}. A refusal is an ApiError 409 whose
    message is the server's sentence; unreachable is `Offline` (nothing is queued)."""
    answer = api.write("POST", f"{AUCTIONS}/{auction_id}/bids", {"price_paise": price_paise}, key or new_key())
    if clock is not None:
        clock.measure((answer.get("auction") or {}).get("server_time"))
    return answer


def events_after(api: ApiClient, auction_id: str, after: int, clock: ServerClock | None = None) -> dict[str, Any]:
    """{"auction_id", "server_time", "status", "events", "last_seq"}: the events after seq `after`."""
    answer = api.request("GET", f"{AUCTIONS}/{auction_id}/events", retry=False, params={"after": after}).json()
    if clock is not None:
        clock.measure(answer.get("server_time"))
    return answer


# -- following ------------------------------------------------------------------------------------


@dataclass
class Update:
    """One poll's news: the events since the last seq seen, the auction re-read when there were
    any (or when asked), and the seq to resume after."""

    events: list[dict[str, Any]]
    last_seq: int
    status: str
    auction: dict[str, Any] | None = None


def poll(api: ApiClient, auction_id: str, after: int, clock: ServerClock, *, reread: bool = False) -> Update:
    """One look at the auction's log after seq `after`; the whole auction is read again when
    something happened (its ranking, bids and my rank as the server sees them now)."""
    page = events_after(api, auction_id, after, clock)
    fresh = auction(api, auction_id, clock) if page["events"] or reread else None
    return Update(page["events"], page["last_seq"], page["status"], fresh)


def follow(api: ApiClient, auction_id: str, stop: threading.Event, after: int = 0,
           clock: ServerClock | None = None, every: float = POLL_SECONDS,
           on_error: Callable[[BaseException], None] | None = None) -> Iterator[Update]:
    """Poll until `stop` is set or the auction closes, yielding each update with events;
    a failed poll is reported to `on_error` and tried again (resuming after the last seq)."""
    clock = clock or ServerClock()
    while not stop.is_set():
        try:
            update = poll(api, auction_id, after, clock)
        except Exception as error:  # noqa: BLE001 - offline for now: try again next time
            if on_error is None:
                raise
            on_error(error)
        else:
            after = update.last_seq
            if update.events:
                yield update
            if any(event["kind"] == "closed" for event in update.events):
                return
        stop.wait(every)


def notices(events: list[dict[str, Any]], my_rank: int | None) -> tuple[list[dict[str, Any]], int | None]:
    """What deserves a desktop notification among `events`: ("outbid", rank) when my rank gets
    worse than `my_rank`, ("extended", ends_at), ("closed", event). Answers them with my rank after."""
    found: list[dict[str, Any]] = []
    for event in events:
        kind = event["kind"]
        if kind in ("accepted", "ranking_changed") and "my_rank" in event:
            rank = event.get("my_rank")
            if my_rank is not None and rank is not None and rank > my_rank:
                found.append({"kind": "outbid", "my_rank": rank})
            my_rank = rank if rank is not None else my_rank
        elif kind == "extended":
            found.append({"kind": "extended", "ends_at": event["ends_at"]})
        elif kind == "closed":
            found.append({"kind": "closed", "event": event})
    return found, my_rank
