"""Purging tombstones: retired listings old enough that no client should still need to hear
of their retirement are deleted, and the feed's horizon moves past them so a client whose
cursor is older is told to resync (410) instead of silently missing the deletions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update

from domain.listing import ListingStatus
from domain.timefmt import utc_now
from server.db.engine import Database
from server.db.models import FeedState, Listing
from server.db.trail import SYSTEM, Actor, act_as


@dataclass(frozen=True)
class PurgeResult:
    purged: int
    horizon_seq: int


def purge_tombstones(db: Database, older_than_days: float, actor: Actor = SYSTEM) -> PurgeResult:
    cutoff = utc_now() - timedelta(days=older_than_days)
    with db.writing() as session:
        doomed = list(
            session.scalars(
                select(Listing)
                .where(Listing.status == ListingStatus.RETIRED, Listing.updated_at < cutoff)
                .with_for_update()
            )
        )
        state = session.get(FeedState, 1, with_for_update=True)
        horizon = state.horizon_seq
        if doomed:
            horizon = max(horizon, max(listing.feed_seq for listing in doomed))
            act_as(session, actor, "listing.purge")  # each deletion is audited by the trail
            for listing in doomed:
                session.delete(listing)
            session.flush()
            session.execute(update(FeedState).where(FeedState.id == 1).values(horizon_seq=horizon))
    return PurgeResult(len(doomed), horizon)
