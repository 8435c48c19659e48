"""A seller's own catalogue as the seller sees it on this computer: the server's copy of each
listing with the seller's unsynced changes on top, and where each change stands.

The cache holds what the server last said; the outbox holds what the seller did since.
A listing shown here is the two combined, so an edit shows at once, marked pending, and a
refusal or a conflict shows on the listing it belongs to. Saving computes what changed
against what the seller saw and queues only that (app/outbox.py). Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from app.cache import Cache
from app.outbox import Op, Outbox, clashing_fields, editable
from domain.listing import EDITABLE_FIELDS, KeyParam, mii_class, validate_listing


class SyncState:
    SYNCED = "synced"
    PENDING = "pending"  # waiting to be sent, or sent and not yet answered
    REFUSED = "refused"  # the server refused it: the reason is on the listing
    CONFLICT = "conflict"  # changed on the server too: the seller decides per field


@dataclass(frozen=True)
class MyListing:
    id: str
    fields: dict[str, Any]  # the editable fields as the seller now sees them
    status: str  # the server's status (draft for a listing the server has not seen yet)
    sync: str  # a SyncState value
    version: int | None  # the server's version; None until the server has it
    reject_reason: str | None = None  # an administrator's rejection, from the server
    refusal: str | None = None  # the server's refusal of the seller's change
    refusal_fields: dict[str, str] = field(default_factory=dict)
    conflict_seq: int | None = None  # the outbox change waiting for the seller's decision
    refused_seq: int | None = None
    retiring: bool = False  # a retire is queued
    updated_at: str | None = None

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    def as_listing(self) -> dict[str, Any]:
        """The listing's fields with the server-owned ones a form needs."""
        return {**self.fields, "id": self.id, "status": self.status, "version": self.version,
                "mii_class": str(mii_class(self.fields.get("local_content_pct") or 0))}


def _combine(server: Mapping[str, Any] | None, ops: list[Op], listing_id: str) -> MyListing | None:
    if server is None and not any(op.kind == "create" for op in ops):
        return None
    fields = editable(server) if server else {}
    sync, refusal, refusal_fields, conflict_seq, refused_seq, retiring = SyncState.SYNCED, None, {}, None, None, False
    for op in ops:
        fields.update(op.fields)
        retiring = retiring or op.kind == "retire"
        if op.state == "conflict":
            sync, conflict_seq = SyncState.CONFLICT, op.seq
        elif op.state == "rejected" and sync != SyncState.CONFLICT:
            error = op.error or {}
            sync, refused_seq = SyncState.REFUSED, op.seq
            refusal, refusal_fields = error.get("message") or "The marketplace refused this change.", error.get("fields") or {}
        elif sync == SyncState.SYNCED:
            sync = SyncState.PENDING
    return MyListing(
        id=listing_id, fields=fields, status=server["status"] if server else "draft", sync=sync,
        version=server["version"] if server else None, reject_reason=server.get("reject_reason") if server else None,
        refusal=refusal, refusal_fields=refusal_fields, conflict_seq=conflict_seq, refused_seq=refused_seq,
        retiring=retiring, updated_at=server.get("updated_at") if server else None,
    )


def _newest(cached: Mapping[str, Any] | None, answered: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The server's copy: the cache's, or the answer the outbox keeps until the cache has it."""
    if answered is None or (cached is not None and cached["version"] >= answered["version"]):
        return cached
    return answered


def my_listings(cache: Cache, outbox: Outbox, seller_id: int) -> list[MyListing]:
    """Every listing of the seller's firm on this computer, with unsynced ones, by title."""
    by_listing, answered = outbox.unsynced()  # before the cache (Outbox.unsynced says why)
    found = {}
    for server in cache.listings_of_seller(seller_id):
        listing_id = server["id"]
        found[listing_id] = _combine(_newest(server, answered.pop(listing_id, None)), by_listing.pop(listing_id, []),
                                     listing_id)
    for listing_id in set(by_listing) | set(answered):  # created here, the cache not told yet
        combined = _combine(_newest(cache.listing(listing_id), answered.get(listing_id)),
                            by_listing.get(listing_id, []), listing_id)
        if combined is not None:
            found[listing_id] = combined
    return sorted(found.values(), key=lambda item: (item.title.casefold(), item.id))


def my_listing(cache: Cache, outbox: Outbox, listing_id: str) -> MyListing | None:
    by_listing, answered = outbox.unsynced([listing_id])  # before the cache (Outbox.unsynced says why)
    return _combine(_newest(cache.listing(listing_id), answered.get(listing_id)), by_listing.get(listing_id, []),
                    listing_id)


def key_params_of(cache: Cache, category_id: int | None) -> list[KeyParam] | None:
    """The category's required parameters; None when the category is not known here."""
    for category in cache.categories():
        if category["id"] == category_id:
            return [KeyParam.from_json(p) for p in category["key_params"]]
    return None


def problems(cache: Cache, fields: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with these fields, by field name (the server's own rules)."""
    return validate_listing(fields, key_params_of(cache, fields.get("category_id")))


def save_listing(cache: Cache, outbox: Outbox, fields: Mapping[str, Any], *, listing_id: str | None = None,
                 submit: bool = False) -> str:
    """Queue a new listing (no `listing_id`) or the changes to one; returns its id.
    Raises ValueError naming the fields when the listing is not valid."""
    fields = {name: fields[name] for name in EDITABLE_FIELDS if name in fields}
    found = problems(cache, fields)
    if found:
        raise ValueError("; ".join(f"{name}: {message}" for name, message in sorted(found.items())))
    if listing_id is None:
        return outbox.queue_create(fields, submit)
    current = my_listing(cache, outbox, listing_id)
    if current is None:
        raise ValueError("This listing is not in your catalogue any more.")
    changes = {name: value for name, value in fields.items() if current.fields.get(name) != value}
    if changes or submit:
        outbox.queue_update(listing_id, changes, submit, {**current.fields, "version": current.version})
    return listing_id


def retire_listing(cache: Cache, outbox: Outbox, listing_id: str) -> None:
    current = my_listing(cache, outbox, listing_id)
    if current is None or current.retiring:
        return
    outbox.queue_retire(listing_id, current.version)


def conflict_fields(op: Op) -> list[tuple[str, Any, Any]]:
    """(field, mine, the server's) for each field both sides changed, differently: the
    choices the seller must make. (A create has no common base: every difference counts.)"""
    theirs = op.theirs or {}
    return [(name, op.fields[name], theirs.get(name)) for name in clashing_fields(op.fields, op.base, theirs)]


def uncontested_fields(op: Op) -> set[str]:
    """Fields of a conflicting change that only the seller changed: kept without asking."""
    clashing = {name for name, _, _ in conflict_fields(op)}
    theirs = op.theirs or {}
    return {name for name, value in op.fields.items() if theirs.get(name) != value and name not in clashing}


def field_text(value: Any) -> str:
    """A field's value as one line of text (for lists and specification maps)."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    return str(value)

