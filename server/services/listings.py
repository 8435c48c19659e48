"""A seller's listing writes and an admin's decisions, with the status rules of docs/api.md.

Every change goes through the ORM inside the caller's write session, so server/db/trail.py
gives it a version, a feed position (in commit order) and an audit event. The row is locked
(`FOR UPDATE`) before the flush takes the feed counter, so on PostgreSQL every writer takes
its locks in the same order (listing, then counter) and two writers cannot deadlock.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from domain.free_form import TEXT_MAP, check as free_form_problems
from domain.listing import BUYER_VISIBLE, EDITABLE_FIELDS, KeyParam, ListingStatus, validate_listing
from server.db.models import Brand, Category, Listing
from server.db.trail import act_as
from server.errors import ApiError, forbidden, not_found, validation_failed
from server.services.caller import Caller
from server.wire import listing_json

INT32_MAX = 2**31 - 1
MAX_PLACES = 2000
MAX_IMAGE_REF = 500

S = ListingStatus

# A create fills fields the seller left out with these.
DEFAULTS: dict[str, Any] = {
    "key_specs": {},
    "other_specs": {},
    "min_order_qty": 1,
    "delivery_districts": [],
    "delivery_pincodes": [],
    "images": [],
}


def parse_listing_id(listing_id: str) -> str | None:
    """The canonical text of a client-made UUID, or None if it is not one."""
    try:
        return str(uuid.UUID(listing_id))
    except (ValueError, TypeError, AttributeError):
        return None


def can_see(caller: Caller, listing: Listing) -> bool:
    return caller.is_admin or listing.status in BUYER_VISIBLE or (
        caller.firm is not None and listing.seller_firm_id == caller.firm
    )


def _require_seller(caller: Caller) -> int:
    if caller.firm is None:
        raise forbidden("Only a seller can change listings.")
    return caller.firm


def _split_body(body: Any) -> tuple[dict[str, Any], bool, dict[str, str]]:
    """(editable fields sent, submit flag, problems with the body's shape)."""
    if not isinstance(body, dict):
        raise validation_failed({"body": "must be a JSON object of listing fields"})
    problems: dict[str, str] = {}
    fields: dict[str, Any] = {}
    for name, value in body.items():
        if name == "submit":
            continue
        if name in EDITABLE_FIELDS:
            fields[name] = value
        else:
            problems[name] = "is not a field a seller can set"
    submit = body.get("submit", False)
    if not isinstance(submit, bool):
        problems["submit"] = "must be true or false"
        submit = False
    return fields, submit, problems


def _key_params(session: Session, category_id: Any) -> tuple[list[KeyParam] | None, str | None]:
    """The category's key parameters (None if unknown) and a problem with the category."""
    if not isinstance(category_id, int) or isinstance(category_id, bool) or not 0 < category_id <= INT32_MAX:
        return None, None
    category = session.get(Category, category_id)
    if category is None:
        return None, None
    if session.scalar(select(exists().where(Category.parent_id == category.id))):
        return [], "choose a leaf category: this one groups other categories"
    return [KeyParam.from_json(p) for p in category.key_params or []], None


def _problems(session: Session, data: dict[str, Any]) -> dict[str, str]:
    """Every problem with a complete listing: the domain rules plus what the database needs."""
    params, category_problem = _key_params(session, data.get("category_id"))
    problems = validate_listing(data, params)
    for name in ("key_specs", "other_specs"):  # free-form: names mapped to text, bounded
        bounded = free_form_problems(data.get(name), name, TEXT_MAP)
        if bounded:  # says what is wrong more precisely than the type check
            problems = {field: text for field, text in problems.items()
                        if field != name and not field.startswith(name + ".")} | bounded
    if category_problem:
        problems["category_id"] = category_problem
    for name in ("stock", "min_order_qty"):
        value = data.get(name)
        if name not in problems and isinstance(value, int) and value > INT32_MAX:
            problems[name] = f"{name.replace('_', ' ')} is implausibly large"
    for name in ("delivery_districts", "delivery_pincodes"):
        value = data.get(name)
        if isinstance(value, list) and name not in problems:
            if len(value) > MAX_PLACES or any(len(v) > 100 for v in value if isinstance(v, str)):
                problems[name] = f"at most {MAX_PLACES} entries of up to 100 characters"
    images = data.get("images")
    if isinstance(images, list) and "images" not in problems:
        if any(len(i) > MAX_IMAGE_REF for i in images if isinstance(i, str)):
            problems["images"] = f"an image reference is longer than {MAX_IMAGE_REF} characters"
    return problems


def _brand_registered(session: Session, brand: str) -> bool:
    return bool(session.scalar(select(Brand.registered).where(Brand.name == brand)))


def _with_stock(status: str, stock: int) -> str:
    """Published listings go out of stock at 0 and come back when stock returns."""
    if status == S.PUBLISHED and stock == 0:
        return S.OUT_OF_STOCK
    if status == S.OUT_OF_STOCK and stock > 0:
        return S.PUBLISHED
    return status


def status_after_edit(current: str, *, submit: bool, registered: bool, brand_changed: bool, stock: int) -> str:
    """The status a listing takes after a seller's edit (see docs/api.md, Statuses)."""
    decided = S.PUBLISHED if registered else S.PENDING_APPROVAL
    if current in (S.PUBLISHED, S.OUT_OF_STOCK):
        # An approved listing stays published, unless it now names an unregistered brand.
        status = decided if brand_changed else S.PUBLISHED
    elif current == S.PENDING_APPROVAL:
        status = decided
    else:  # draft or rejected: submitting decides, else back to (or still) draft
        status = decided if submit else S.DRAFT
    return _with_stock(status, stock)


def _conflict(listing: Listing) -> ApiError:
    return ApiError(
        409,
        "version_conflict",
        f"This listing changed since you opened it (now version {listing.version}). "
        "Review the current listing and apply your change to it.",
        extra={"current": listing_json(listing)},
    )


def _lock_own_listing(session: Session, caller: Caller, listing_id: str) -> Listing:
    """The listing, locked for this transaction, if the caller may see it; 403 if it is
    someone else's that the caller may see; 404 otherwise."""
    canonical = parse_listing_id(listing_id)
    listing = session.get(Listing, canonical, with_for_update=True) if canonical else None
    if listing is None or not can_see(caller, listing):
        raise not_found()
    if not caller.is_admin and (caller.firm is None or listing.seller_firm_id != caller.firm):
        raise forbidden("You can change only your own firm's listings.")
    return listing


def _check_version(listing: Listing, if_match: int) -> None:
    if listing.version != if_match:
        raise _conflict(listing)


def create_listing(session: Session, caller: Caller, listing_id: str, body: Any) -> Listing:
    firm = _require_seller(caller)
    canonical = parse_listing_id(listing_id)
    if canonical is None:
        raise validation_failed({"id": "must be a UUID the client made for this listing"})
    fields, submit, problems = _split_body(body)
    data = {**DEFAULTS, **fields}
    problems.update(_problems(session, data))
    existing = session.get(Listing, canonical, with_for_update=True)
    if existing is not None:
        # The id is the client's UUID: it exists because this create already happened
        # (under another Idempotency-Key) or a copy of it did.
        if existing.seller_firm_id != firm:
            raise forbidden("This listing id belongs to another firm's listing.")
        raise _conflict(existing)
    if problems:
        raise validation_failed(problems)
    status = (S.PUBLISHED if _brand_registered(session, data["brand"]) else S.PENDING_APPROVAL) if submit else S.DRAFT
    listing = Listing(
        id=canonical,
        seller_firm_id=firm,
        status=_with_stock(status, data["stock"]),
        reject_reason=None,
        **{name: data[name] for name in EDITABLE_FIELDS},
    )
    act_as(session, caller.actor, "listing.create")
    session.add(listing)
    session.flush()
    return listing


def update_listing(session: Session, caller: Caller, listing_id: str, if_match: int, body: Any) -> Listing:
    _require_seller(caller)
    listing = _lock_own_listing(session, caller, listing_id)
    fields, submit, problems = _split_body(body)
    if problems:
        raise validation_failed(problems)
    _check_version(listing, if_match)
    if listing.status == S.RETIRED:
        raise ApiError(409, "not_editable", "A retired listing cannot be edited. Create a new listing instead.")
    data = {name: getattr(listing, name) for name in EDITABLE_FIELDS}
    data.update(fields)
    problems = _problems(session, data)
    if problems:
        raise validation_failed(problems)
    before = listing.status
    status = status_after_edit(
        before,
        submit=submit,
        registered=_brand_registered(session, data["brand"]),
        brand_changed=data["brand"] != listing.brand,
        stock=data["stock"],
    )
    act_as(session, caller.actor, "listing.submit" if submit and before in (S.DRAFT, S.REJECTED) else "listing.update")
    for name, value in fields.items():
        if getattr(listing, name) != value:
            setattr(listing, name, value)
    if listing.status != status:
        listing.status = status
    if status != S.REJECTED and listing.reject_reason is not None:
        listing.reject_reason = None
    session.flush()
    return listing


def retire_listing(session: Session, caller: Caller, listing_id: str, if_match: int) -> Listing:
    _require_seller(caller)
    listing = _lock_own_listing(session, caller, listing_id)
    _check_version(listing, if_match)
    if listing.status == S.RETIRED:
        raise ApiError(409, "not_editable", "This listing is already retired.")
    act_as(session, caller.actor, "listing.retire")
    listing.status = S.RETIRED
    session.flush()
    return listing


def decide_listing(session: Session, caller: Caller, listing_id: str, if_match: int, approve: bool, body: Any) -> Listing:
    if not caller.is_admin:
        raise forbidden("Only an administrator can approve or reject listings.")
    reason = None
    if not approve:
        reason = body.get("reason") if isinstance(body, dict) else None
        if not isinstance(reason, str) or not reason.strip():
            raise validation_failed({"reason": "say why the listing is rejected: the seller will see it"})
        if len(reason) > 2000:
            raise validation_failed({"reason": "is longer than 2000 characters"})
    listing = _lock_own_listing(session, caller, listing_id)
    _check_version(listing, if_match)
    if listing.status != S.PENDING_APPROVAL:
        raise ApiError(409, "not_editable", f"Only a listing waiting for approval can be decided; this one is {listing.status}.")
    act_as(session, caller.actor, "listing.approve" if approve else "listing.reject")
    if approve:
        listing.status = _with_stock(S.PUBLISHED, listing.stock)
    else:
        listing.status = S.REJECTED
        listing.reject_reason = reason.strip()
    session.flush()
    return listing


def get_listing(session: Session, caller: Caller, listing_id: str) -> Listing:
    canonical = parse_listing_id(listing_id)
    listing = session.get(Listing, canonical) if canonical else None
    if listing is None or not can_see(caller, listing):
        raise not_found()
    return listing


def listings_by_status(session: Session, caller: Caller, status: str, limit: int) -> list[Listing]:
    """For admins: listings in one status (e.g. those waiting for approval), oldest first."""
    if not caller.is_admin:
        raise forbidden("Only an administrator can list listings by status.")
    if status not in set(S):
        raise validation_failed({"status": f"must be one of: {', '.join(S)}"})
    return list(
        session.scalars(select(Listing).where(Listing.status == status).order_by(Listing.updated_at, Listing.id).limit(limit))
    )
