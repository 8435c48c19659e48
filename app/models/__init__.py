"""ORM models of the client's two local databases: the rebuildable cache (app/cache.py) and
the outbox of unsynced work (app/outbox.py)."""

from app.models.cache import Base, CachedCategory, CachedListing, CachedSeller, SyncState
from app.models.outbox import OutboxBase, OutboxOp, OutboxState

__all__ = ["Base", "CachedCategory", "CachedListing", "CachedSeller", "OutboxBase", "OutboxOp", "OutboxState", "SyncState"]
