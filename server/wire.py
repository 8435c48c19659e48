"""The JSON shapes the API serves (docs/api.md), built from database rows in one place."""

from __future__ import annotations

from typing import Any, Mapping

from domain.listing import KeyParam, mii_class
from domain.timefmt import iso_utc
from server.db.models import AuditEvent, BuyerOrg, Category, Listing, SealedAuditEvent, SellerFirm

LISTING_COLUMNS = (
    "id", "seller_firm_id", "category_id", "title", "brand", "model", "key_specs", "other_specs",
    "country_of_origin", "local_content_pct", "mrp_paise", "price_paise", "stock", "min_order_qty",
    "delivery_districts", "delivery_pincodes", "images", "status", "reject_reason", "version",
    "created_at", "updated_at",
)


def listing_json(listing: Listing | Mapping[str, Any]) -> dict[str, Any]:
    """A listing as served, from an ORM object or a Core row mapping."""
    get = listing.__getitem__ if isinstance(listing, Mapping) else lambda name: getattr(listing, name)
    return {
        "id": get("id"),
        "seller_id": get("seller_firm_id"),
        "category_id": get("category_id"),
        "title": get("title"),
        "brand": get("brand"),
        "model": get("model"),
        "key_specs": get("key_specs") or {},
        "other_specs": get("other_specs") or {},
        "country_of_origin": get("country_of_origin"),
        "local_content_pct": get("local_content_pct"),
        "mii_class": str(mii_class(get("local_content_pct"))),
        "mrp_paise": get("mrp_paise"),
        "price_paise": get("price_paise"),
        "stock": get("stock"),
        "min_order_qty": get("min_order_qty"),
        "delivery_districts": get("delivery_districts") or [],
        "delivery_pincodes": get("delivery_pincodes") or [],
        "images": get("images") or [],
        "status": get("status"),
        "reject_reason": get("reject_reason"),
        "version": get("version"),
        "created_at": iso_utc(get("created_at")),
        "updated_at": iso_utc(get("updated_at")),
    }


def seller_public_json(firm: SellerFirm) -> dict[str, Any]:
    """A seller as buyers see it: never its name (sellers stay anonymous until a purchase)."""
    return {
        "id": firm.id,
        "mse_class": firm.mse_class,
        "women_owned": firm.women_owned,
        "scst_owned": firm.scst_owned,
        "nature": firm.nature,
        "state": firm.state,
        "district": firm.district,
    }


def seller_firm_json(firm: SellerFirm) -> dict[str, Any]:
    """A seller firm as its own users see it."""
    return {**seller_public_json(firm), "name": firm.name, "udyam_number": firm.udyam_number}


def buyer_org_json(org: BuyerOrg) -> dict[str, Any]:
    return {
        "id": org.id,
        "ministry_or_state": org.ministry_or_state,
        "department": org.department,
        "organisation": org.organisation,
        "office": org.office,
        "state": org.state,
        "district": org.district,
    }


def category_json(category: Category) -> dict[str, Any]:
    return {
        "id": category.id,
        "parent_id": category.parent_id,
        "code": category.code,
        "name_en": category.name_en,
        "name_hi": category.name_hi,
        "is_service": category.is_service,
        "key_params": [KeyParam.from_json(p).to_json() for p in category.key_params or []],
    }


def _trail_event_fields(event: AuditEvent | SealedAuditEvent) -> dict[str, Any]:
    return {
        "at": iso_utc(event.at),
        "actor_user_id": event.actor_user_id,
        "actor_username": event.actor_username,
        "actor_role": event.actor_role,
        "actor_org": event.actor_org,
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "digest": event.digest,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def audit_event_json(event: AuditEvent) -> dict[str, Any]:
    return {"id": event.id, **_trail_event_fields(event)}


def sealed_event_json(event: SealedAuditEvent) -> dict[str, Any]:
    return {"chain": event.chain, "seq": event.seq, **_trail_event_fields(event)}
