"""A seller's catalogue listing: its fields, statuses and the rules that make it valid.

The server refuses an invalid listing with these messages (HTTP 422, one per field) and the
desktop form shows the same messages beside the same fields as the seller types.
Field names here are the wire names of the API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Mapping


class ListingStatus(StrEnum):
    DRAFT = "draft"
    PENDING_APPROVAL = "pending_approval"
    PUBLISHED = "published"
    REJECTED = "rejected"
    OUT_OF_STOCK = "out_of_stock"
    RETIRED = "retired"


# What a buyer may see. Everything else stays with the seller who owns it.
BUYER_VISIBLE = frozenset({ListingStatus.PUBLISHED, ListingStatus.OUT_OF_STOCK})


class MiiClass(StrEnum):
    """Make in India supplier class by local content (PPP-MII Order 2017, revised 2020)."""

    CLASS_I = "class_i"  # local content >= 50%
    CLASS_II = "class_ii"  # > 20% and < 50%
    NON_LOCAL = "non_local"  # <= 20%


def mii_class(local_content_pct: int) -> MiiClass:
    if local_content_pct >= 50:
        return MiiClass.CLASS_I
    if local_content_pct > 20:
        return MiiClass.CLASS_II
    return MiiClass.NON_LOCAL


@dataclass(frozen=True)
class KeyParam:
    """One of a category's key ("golden") parameters that every listing in it must state."""

    name: str
    label_en: str
    label_hi: str
    kind: str = "text"  # text | number | choice
    unit: str = ""
    choices: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "KeyParam":
        return cls(
            name=data["name"],
            label_en=data.get("label_en", data["name"]),
            label_hi=data.get("label_hi", data.get("label_en", data["name"])),
            kind=data.get("kind", "text"),
            unit=data.get("unit", ""),
            choices=tuple(data.get("choices", ())),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label_en": self.label_en,
            "label_hi": self.label_hi,
            "kind": self.kind,
            "unit": self.unit,
            "choices": list(self.choices),
        }


# The fields a seller edits. Everything else (id, seller, status, version, times) the
# server owns.
EDITABLE_FIELDS = (
    "category_id",
    "title",
    "brand",
    "model",
    "key_specs",
    "other_specs",
    "country_of_origin",
    "local_content_pct",
    "mrp_paise",
    "price_paise",
    "stock",
    "min_order_qty",
    "delivery_districts",
    "delivery_pincodes",
    "images",
)

MAX_IMAGES = 3
MAX_TEXT = 200
MAX_PRICE_PAISE = 10**15  # Rs 10 lakh crore: far above any listing, far below int64
_PINCODE = re.compile(r"^[1-9][0-9]{5}$")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_listing(data: Mapping[str, Any], key_params: list[KeyParam] | None) -> dict[str, str]:
    """Every problem with a complete listing, as {field: sentence}; empty when it is valid.

    `key_params` are the category's required parameters; None means the category is unknown
    (reported against category_id).
    """
    problems: dict[str, str] = {}

    for name in ("title", "brand", "model", "country_of_origin"):
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            problems[name] = "is required"
        elif len(value) > MAX_TEXT:
            problems[name] = f"is longer than {MAX_TEXT} characters"

    if key_params is None:
        problems["category_id"] = "is not a known category"

    mrp = data.get("mrp_paise")
    price = data.get("price_paise")
    if not _is_int(mrp) or mrp <= 0:
        problems["mrp_paise"] = "MRP must be a whole number of paise above zero"
    elif mrp > MAX_PRICE_PAISE:
        problems["mrp_paise"] = "MRP is implausibly large"
    if not _is_int(price) or price <= 0:
        problems["price_paise"] = "offer price must be a whole number of paise above zero"
    elif _is_int(mrp) and price > mrp:
        problems["price_paise"] = "offer price must not be above the MRP"

    stock = data.get("stock")
    if not _is_int(stock) or stock < 0:
        problems["stock"] = "stock must be a whole number, not negative"
    min_order = data.get("min_order_qty", 1)
    if not _is_int(min_order) or min_order < 1:
        problems["min_order_qty"] = "minimum order must be a whole number of at least 1"

    local = data.get("local_content_pct")
    if not _is_int(local) or not 0 <= local <= 100:
        problems["local_content_pct"] = "local content must be a whole percentage from 0 to 100"

    districts = data.get("delivery_districts", [])
    pincodes = data.get("delivery_pincodes", [])
    if not isinstance(districts, list) or not all(isinstance(d, str) and d.strip() for d in districts):
        problems["delivery_districts"] = "must be a list of district names"
    if not isinstance(pincodes, list) or not all(isinstance(p, str) and _PINCODE.match(p) for p in pincodes):
        problems["delivery_pincodes"] = "must be a list of six-digit PIN codes"
    elif isinstance(districts, list) and not districts and not pincodes:
        problems["delivery_districts"] = "name at least one district or PIN code the seller delivers to"

    images = data.get("images", [])
    if not isinstance(images, list) or not all(isinstance(i, str) for i in images):
        problems["images"] = "must be a list of image references"
    elif len(images) > MAX_IMAGES:
        problems["images"] = f"at most {MAX_IMAGES} images"

    other = data.get("other_specs", {})
    if not isinstance(other, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in other.items()):
        problems["other_specs"] = "must map specification names to text"

    specs = data.get("key_specs", {})
    if not isinstance(specs, dict):
        problems["key_specs"] = "must map parameter names to values"
    elif key_params is not None:
        for param in key_params:
            problem = _key_param_problem(param, specs.get(param.name))
            if problem:
                problems[f"key_specs.{param.name}"] = problem
    return problems


def _key_param_problem(param: KeyParam, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{param.label_en} is required for this category"
    if not isinstance(value, str):
        return f"{param.label_en} must be text"
    if param.kind == "number":
        try:
            float(value)
        except ValueError:
            return f"{param.label_en} must be a number"
    if param.kind == "choice" and param.choices and value not in param.choices:
        return f"{param.label_en} must be one of: {', '.join(param.choices)}"
    return None


def discount_bp(mrp_paise: int, price_paise: int) -> int:
    """Discount below MRP in basis points (12.5% = 1250)."""
    if mrp_paise <= 0:
        return 0
    return (mrp_paise - price_paise) * 10_000 // mrp_paise
