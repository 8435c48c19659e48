"""The API's contract as the OpenAPI document publishes it: every request body, every answer
and every error, and the bearer scheme (docs/api.md keeps the rules OpenAPI cannot say).

The models here describe; they do not check. Bodies are parsed and checked by our own
rules (server/api/deps.py `json_body`, domain/ and server/services/), which name every wrong
field in the errors' shape; FastAPI validating them first would answer in another. So each
route takes its body schema from `body(Model)` and its answers from `answers(Model, ...)`,
and the tests hold the two together: schemathesis sends what the document describes and
checks what comes back against it (tests/server/test_probe_openapi.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import models_json_schema

Text = Field(min_length=1, max_length=300)
Paise = Field(ge=0, le=10**15)
Id = Field(description="a UUID the client made")


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Out(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- errors ---------------------------------------------------------------------------------


class ErrorDetail(_Out):
    code: str = Field(description="stable: see the table in docs/api.md")
    message: str = Field(description="a sentence a person can act on")
    fields: dict[str, str] | None = Field(None, description="for 422: each wrong field, by its path")


class Error(_Out):
    error: ErrorDetail


ERRORS = {
    400: "Malformed JSON, a bad header or cursor",
    401: "No, unknown, expired or revoked token; wrong user name or password",
    403: "The role or ownership does not allow it",
    404: "No such thing, or not one the caller may see",
    409: "A state or version conflict (the code says which)",
    410: "A feed cursor older than the tombstone horizon",
    416: "A byte range outside the file",
    413: "The body is larger than this request may send",
    422: "Fields not valid: `fields` names each one",
    428: "A write that needs If-Match came without it",
    429: "Sign-in locked for a while, or too many checked at once: see Retry-After",
    503: "Too many sign-ins being checked: see Retry-After",
}


# --- requests -------------------------------------------------------------------------------


class Login(_In):
    username: str = Field(min_length=1, max_length=1000)
    password: str = Field(min_length=1, max_length=1000)


class Refresh(_In):
    refresh_token: str = Field(min_length=1, max_length=1000)


class ListingFields(_In):
    category_id: int = Field(ge=1, le=2**31 - 1)
    title: str = Field(min_length=1, max_length=200)
    brand: str = Field(min_length=1, max_length=200)
    model: str = Field(min_length=1, max_length=200)
    key_specs: dict[str, str] = {}
    other_specs: dict[str, str] = {}
    country_of_origin: str = Field(min_length=1, max_length=200)
    local_content_pct: int = Field(ge=0, le=100)
    mrp_paise: int = Field(ge=1, le=10**15)
    price_paise: int = Field(ge=1, le=10**15)
    stock: int = Field(ge=0, le=2**31 - 1)
    min_order_qty: int = Field(1, ge=1, le=2**31 - 1)
    delivery_districts: list[str] = []
    delivery_pincodes: list[str] = Field([], description="six-digit PIN codes")
    images: list[str] = Field([], max_length=3)
    submit: bool = False


class ListingChanges(_In):
    """Only the fields that changed (and optionally submit)."""

    category_id: int | None = Field(None, ge=1, le=2**31 - 1)
    title: str | None = None
    brand: str | None = None
    model: str | None = None
    key_specs: dict[str, str] | None = None
    other_specs: dict[str, str] | None = None
    country_of_origin: str | None = None
    local_content_pct: int | None = Field(None, ge=0, le=100)
    mrp_paise: int | None = Field(None, ge=1, le=10**15)
    price_paise: int | None = Field(None, ge=1, le=10**15)
    stock: int | None = Field(None, ge=0)
    min_order_qty: int | None = Field(None, ge=1)
    delivery_districts: list[str] | None = None
    delivery_pincodes: list[str] | None = None
    images: list[str] | None = None
    submit: bool | None = None


class Reason(_In):
    reason: str = Field(min_length=1, max_length=2000)


class Remark(_In):
    remark: str | None = Field(None, max_length=2000)


class Consignee(_In):
    district: str = Field(min_length=1, max_length=100)
    quantity: int = Field(ge=1, le=10_000_000)
    delivery_days: int = Field(ge=1, le=365)


class BidItem(_In):
    id: str = Field(min_length=1, max_length=40)
    name: str = Text
    category_id: int = Field(ge=1, le=2**31 - 1)
    key_specs: dict[str, str] = {}
    consignees: list[Consignee] = Field(min_length=1, max_length=100)


class BidGroup(_In):
    id: str = Field(min_length=1, max_length=40)
    name: str = ""
    items: list[str] = Field(description="ids of the bid's items")


class Emd(_In):
    mode: Literal["none", "amount", "declaration"]
    amount_paise: int = Paise
    mse_startup_exempt: bool = True


class MsePreference(_In):
    enabled: bool
    band_bp: int = Field(ge=0, le=10_000)
    share_bp: int = Field(ge=0, le=10_000)


class MiiPreference(_In):
    enabled: bool
    margin_bp: int = Field(ge=0, le=10_000)
    l1_share_bp: int = Field(ge=0, le=10_000)


class BidFields(_In):
    title: str = Text
    kind: Literal["goods", "services"] = "goods"
    method: Literal["total_value", "item_wise", "group_wise"] = "total_value"
    packets: Literal[1, 2] = 1
    items: list[BidItem] = Field(min_length=1, max_length=100)
    groups: list[BidGroup] = []
    quantity_splittable: bool = True
    estimated_value_paise: int = Field(ge=1, le=10**15)
    end_at: datetime
    offer_validity_days: int = Field(90, ge=60, le=180)
    min_offers: int = Field(3, ge=1, le=50)
    extension_days: int = Field(7, ge=7, le=30)
    emd: Emd | None = None
    epbg_bp: int = Field(0, ge=0, le=1000)
    mse_preference: MsePreference | None = None
    mii_preference: MiiPreference | None = None
    ra_enabled: bool = False
    ra_rule: Literal["h1_elimination", "top_half", "direct"] | None = None
    payment_days: int = Field(10, ge=10, le=90)


class BidChanges(_In):
    """Only the fields that change (a draft, or a bid returned to the buyer)."""

    title: str | None = None
    kind: Literal["goods", "services"] | None = None
    method: Literal["total_value", "item_wise", "group_wise"] | None = None
    packets: Literal[1, 2] | None = None
    items: list[BidItem] | None = None
    groups: list[BidGroup] | None = None
    quantity_splittable: bool | None = None
    estimated_value_paise: int | None = Field(None, ge=1, le=10**15)
    end_at: datetime | None = None
    offer_validity_days: int | None = None
    min_offers: int | None = None
    extension_days: int | None = None
    emd: Emd | None = None
    epbg_bp: int | None = None
    mse_preference: MsePreference | None = None
    mii_preference: MiiPreference | None = None
    ra_enabled: bool | None = None
    ra_rule: Literal["h1_elimination", "top_half", "direct"] | None = None
    payment_days: int | None = None


class Quote(_In):
    unit_price_paise: int = Field(ge=1, le=10**15)
    listing_id: str | None = None
    compliance: dict[str, str] = Field({}, description="what is offered for each key parameter (text)")


class OfferFields(_In):
    local_content_pct: int = Field(ge=0, le=100)
    items: dict[str, Quote] = Field(description="by the bid's item id")


class Technical(_In):
    accepted: bool
    reason: str | None = Field(None, max_length=2000, description="required for a rejection; the seller sees it")


class MatchAnswer(_In):
    accept: bool


class NegotiationAsk(_In):
    lot: str = Field(min_length=1, max_length=40)
    note: str | None = Field(None, max_length=2000)


class NegotiationPrices(_In):
    prices: dict[str, int] = Field(description="every item of the lot: its new unit price in paise")


class NegotiationDecline(_In):
    decline: Literal[True]


class Decrement(_In):
    kind: Literal["amount", "percent"]
    value: int = Field(ge=1, description="paise, or basis points of the start price")


class AuctionFields(_In):
    start_at: datetime
    end_at: datetime
    decrement: Decrement
    visibility: Literal["rank", "rank_and_l1"]
    extension_window_seconds: int = Field(ge=0, le=7 * 24 * 3600)
    extension_length_seconds: int = Field(ge=0, le=7 * 24 * 3600)
    max_extensions: int = Field(ge=0, le=1000)
    start_price_paise: int | None = Field(None, ge=1, le=10**15)


class AuctionBid(_In):
    price_paise: int = Field(ge=1, le=10**15, description="for the whole bid")


class ComparisonQuestion(_In):
    category_id: int = Field(ge=1, le=2**31 - 1)
    key_specs: dict[str, str] = {}
    consignee_district: str = Field(min_length=1, max_length=100)


class PurchaseLine(_In):
    listing_id: str
    quantity: int = Field(ge=1, le=10_000_000)


class PurchaseFields(_In):
    mode: Literal["direct", "l1"]
    listing_id: str | None = Field(None, description="one listing (or `lines`)")
    quantity: int | None = Field(None, ge=1, le=10_000_000)
    lines: list[PurchaseLine] | None = Field(None, min_length=1, max_length=50, description="direct: a cart of one seller")
    consignee_district: str = Field(min_length=1, max_length=100)
    key_specs: dict[str, str] = Field({}, description="l1: the key parameters compared")
    reason: str | None = Field(None, max_length=2000, description="l1 with fewer than three OEMs")


class ClockAdvance(_In):
    advance_seconds: int = Field(ge=0, le=10 * 365 * 86400)


# --- answers --------------------------------------------------------------------------------


class Health(_Out):
    status: Literal["ok"]
    database: Literal["sqlite", "postgresql"]
    version: str
    latest_client_version: str | None


class ServerTime(_Out):
    now: str


class User(_Out):
    id: int
    username: str
    display_name: str
    role: Literal["buyer", "approver", "seller", "admin"]
    buyer_org: dict[str, Any] | None
    seller_firm: dict[str, Any] | None


class Tokens(_Out):
    access_token: str
    access_expires_at: str
    refresh_token: str
    refresh_expires_at: str
    user: User


class Categories(_Out):
    categories: list[dict[str, Any]]


class Listing(_Out):
    id: str
    seller_id: int
    category_id: int
    title: str
    status: str
    version: int
    price_paise: int
    key_specs: dict[str, str]
    other_specs: dict[str, str]


class Listings(_Out):
    listings: list[Listing]


class FeedPage(_Out):
    changes: list[dict[str, Any]]
    sellers: list[dict[str, Any]]
    next_cursor: str
    has_more: bool
    server_time: str


class SnapshotPart(_Out):
    name: str
    file: str
    url: str
    media_type: str
    content: str
    size: int
    sha256: str


class SnapshotManifest(_Out):
    format_version: int
    name: str
    feed_position: int
    feed_position_now: int
    cursor: str
    created_at: str
    rows: dict[str, int]
    parts: list[SnapshotPart]


class FeedCount(_Out):
    listings: int
    as_of_seq: int


class Bid(_Out):
    id: str
    number: str | None
    status: str
    version: int
    title: str
    items: list[dict[str, Any]]


class Bids(_Out):
    bids: list[Bid]


class Timeline(_Out):
    events: list[dict[str, Any]]


class Offer(_Out):
    id: str
    bid_id: str
    seller_id: int
    status: Literal["submitted", "withdrawn"]
    items: dict[str, Any]
    receipt: str
    version: int


class Offers(_Out):
    offers: list[Offer]


class Evaluation(_Out):
    bid_id: str
    status: str


class Order(_Out):
    id: str
    number: str | None
    mode: Literal["bid", "direct", "l1"]
    status: str
    total_paise: int
    lines: list[dict[str, Any]]


class Orders(_Out):
    orders: list[Order]


class Award(_Out):
    orders: list[Order]


class Round(_Out):
    id: str
    lot: str
    round: int
    status: Literal["open", "answered", "declined", "lapsed"]


class Rounds(_Out):
    bid_id: str
    negotiations: list[Round]
    sellers: dict[str, str]


class RoundAndBid(_Out):
    negotiation: Round
    bid: Bid


class Auction(_Out):
    id: str
    number: str
    bid_id: str | None
    status: Literal["scheduled", "live", "ended", "closed"]
    server_time: str
    version: int
    last_event_seq: int


class Auctions(_Out):
    auctions: list[Auction]
    server_time: str


class AcceptedBid(_Out):
    accepted: dict[str, Any]
    extended: bool
    auction: Auction


class AuctionEvents(_Out):
    auction_id: str
    server_time: str
    status: str
    events: list[dict[str, Any]]
    last_seq: int


class Comparison(_Out):
    ranked: list[dict[str, Any]]
    oems: list[str]
    l1_listing_id: str | None
    enough_oems: bool


class AuditEvent(_Out):
    id: int
    at: str
    action: str
    entity_type: str
    entity_id: str
    digest: str
    prev_hash: str
    hash: str


class AuditPage(_Out):
    events: list[AuditEvent]


class SealedChain(_Out):
    chain: str
    length: int
    head: str
    events: list[dict[str, Any]]
    closed_by: AuditEvent | None


class ClockAnswer(_Out):
    now: str
    step: list[str]


class Anything(_Out):
    """An object whose shape docs/api.md gives (e.g. BID.json, the evaluation)."""


# --- wiring ---------------------------------------------------------------------------------

_REQUEST_MODELS: set[type[BaseModel]] = set()


def body(*models: type[BaseModel], required: bool = True) -> dict[str, Any]:
    """`openapi_extra` for a route whose JSON body is one of `models` (parsed by our rules)."""
    _REQUEST_MODELS.update(models)
    refs = [{"$ref": f"#/components/schemas/{model.__name__}"} for model in models]
    return {"requestBody": {"required": required, "content": {
        "application/json": {"schema": refs[0] if len(refs) == 1 else {"oneOf": refs}}}}}


def headers(*, if_match: bool = False, key: str | None = None) -> dict[str, Any]:
    """`openapi_extra` declaring a write's headers: If-Match (the version edited from) and
    Idempotency-Key ("required" or "optional"): docs/api.md says how each is used."""
    parameters = []
    if if_match:
        parameters.append({"name": "If-Match", "in": "header", "required": True,
                           "description": "the version of the listing or bid this change was made from",
                           "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}})
    if key is not None:
        parameters.append({"name": "Idempotency-Key", "in": "header", "required": key == "required",
                           "description": "a UUID made for this change: a resend gets the first answer",
                           "schema": {"type": "string", "format": "uuid", "maxLength": 100}})
    return {"parameters": parameters}


def extra(*parts: dict[str, Any] | None) -> dict[str, Any]:
    """Several `openapi_extra` parts in one."""
    merged: dict[str, Any] = {}
    for part in parts:
        for name, value in (part or {}).items():
            merged[name] = merged.get(name, []) + value if isinstance(value, list) else value
    return merged


def answers(model: type[BaseModel] | None, *errors: int, status: int = 200) -> dict[int | str, Any]:
    """`responses` for a route: its answer and the errors it may give (401 and 422 for every
    route that takes a caller or a body are added by `install`)."""
    documented: dict[int | str, Any] = {}
    if model is not None:
        documented[status] = {"model": model}
    for code in errors:
        documented[code] = {"model": Error, "description": ERRORS[code]}
    return documented


def install(app: FastAPI) -> None:
    """The document FastAPI makes, plus the request models' schemas and the errors every
    route shares: 401 wherever a bearer token is needed, 413 and 422 wherever a body is."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        _, definitions = models_json_schema([(model, "validation") for model in sorted(_REQUEST_MODELS, key=str)],
                                            ref_template="#/components/schemas/{model}")
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(definitions.get("$defs", {}))
        error = Error.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(error.pop("$defs", {}))
        schemas.setdefault("Error", error)
        for path in document.get("paths", {}).values():
            for operation in path.values():
                shared = []
                if operation.get("security"):
                    shared.append(401)
                if "requestBody" in operation:
                    shared += [400, 413, 422]
                for code in shared:
                    operation.setdefault("responses", {}).setdefault(str(code), {
                        "description": ERRORS[code], "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/Error"}}}})
                # FastAPI documents its own validation error shape; ours is Error.
                if "422" in operation.get("responses", {}):
                    operation["responses"]["422"] = {"description": ERRORS[422], "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Error"}}}}
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]
