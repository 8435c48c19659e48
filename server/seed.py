"""The deterministic demo marketplace: a Chhattisgarh-centred GeM with N product listings.

`seed_marketplace(engine, products)` writes a category tree (English and Hindi names, key
parameters), brands, buyer offices, seller firms, the demo accounts (password `demo`) and
`products` listings. The same N gives the same rows (listing ids, prices, times and all), on a
freshly migrated database.

Speed: listings go in with bulk Core INSERTs of `BATCH` rows, one transaction each, so a
million take a couple of minutes on SQLite. Rows are cheap to make: each category's models
(brand, model number, key specifications, MRP, title) are made once, and a listing is a
seller's offer of a model (price, stock, delivery districts, status). Memory stays bounded
by one batch.

The trail: bulk writes bypass the ORM hook in server/db/trail.py, so this module does what
the hook does. Each listing batch takes its feed positions with `take_feed_positions` (its
rows get them consecutively) and writes ONE audit event, "seed.listings" on entity
"catalogue_batch" `seq:<first>-<last>`, whose digest is the SHA-256 of the batch's per-row
digests (hex, concatenated in feed order); a row's digest is what the hook would have
recorded for it (SHA-256 of its canonical JSON). The reference data (categories, brands,
offices, firms, users) and the demo seller's own listings get one audit event per row. Every
transaction threads the chain head and stores it with `set_chain_head` before it commits.
"""

from __future__ import annotations

import math
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Iterator

from sqlalchemy import Connection, Engine, func, select, text

from domain.listing import BUYER_VISIBLE, ListingStatus
from server.db.models import AuditEvent, Brand, BuyerOrg, Category, Listing, SellerFirm, User
from server.db.trail import SYSTEM, append_audit, canonical_json, set_chain_head, sha256_hex, take_feed_positions
from server.security import hash_password
from server.seed_data import catalogue, organisations as orgs, places

DEMO_PASSWORD = "demo"
SEED = 20_250_401  # the one seed every random choice descends from
BATCH = 20_000
PROGRESS_EVERY = 100_000
# Listing times fall between these (fixed, so the rows are the same on every run).
EPOCH = datetime(2025, 4, 1, 4, 30, tzinfo=timezone.utc)  # 1 Apr 2025, 10:00 IST
UNTIL = datetime(2026, 11, 1, 4, 30, tzinfo=timezone.utc)
_SPAN_S = int((UNTIL - EPOCH).total_seconds())
_ID_NAMESPACE = uuid.UUID("6f1c2a52-3d0e-5b8e-9a71-4c0de5eed000")
_EPOCH_MS = int(EPOCH.timestamp() * 1000)
_V7_BITS = (0x7 << 76) | (0b10 << 62)  # version 7, RFC 9562 variant
_V7_RANDOM = ((1 << 12) - 1) << 64 | ((1 << 62) - 1)  # rand_a (12 bits) and rand_b (62 bits)

DEMO_USERS = ("demo-buyer", "demo-approver", "demo-seller", "demo-admin")
EXTRA_SELLERS = 4  # seller-2 ... seller-5

S = ListingStatus
# Status shares (cumulative) for listings of registered and of unregistered brands: only
# unregistered brands wait for approval, so only they are pending or rejected.
_STATUS_REGISTERED = ((0.88, S.PUBLISHED), (0.93, S.OUT_OF_STOCK), (0.96, S.DRAFT), (1.0, S.RETIRED))
_STATUS_UNREGISTERED = (
    (0.60, S.PUBLISHED), (0.64, S.OUT_OF_STOCK), (0.84, S.PENDING_APPROVAL), (0.92, S.REJECTED),
    (0.96, S.DRAFT), (1.0, S.RETIRED),
)
REJECT_REASONS = (
    "The OEM's authorisation letter for this brand is not attached.",
    "The MRP is not supported by the OEM's published price list.",
    "A key specification does not match the OEM datasheet; correct it and resubmit.",
    "The product images do not show the model number.",
    "The country of origin and the local content declaration do not agree.",
)
_PUBLISHED_ONCE = frozenset({S.PUBLISHED, S.OUT_OF_STOCK, S.RETIRED})


class AlreadySeeded(RuntimeError):
    """The demo accounts exist: this database has been seeded before."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    organisation: str


@dataclass
class SeedSummary:
    categories: int = 0
    leaf_categories: int = 0
    brands: int = 0
    buyer_orgs: int = 0
    seller_firms: int = 0
    users: int = 0
    listings: int = 0
    listings_by_status: dict[str, int] = field(default_factory=dict)
    audit_events: int = 0
    seconds: float = 0.0
    accounts: list[DemoAccount] = field(default_factory=list)

    def __str__(self) -> str:
        statuses = ", ".join(f"{name} {count:,}" for name, count in sorted(self.listings_by_status.items()))
        lines = [
            f"{self.listings:,} listings ({statuses}); {self.leaf_categories} leaf categories of "
            f"{self.categories}; {self.brands} brands; {self.buyer_orgs} buyer offices; "
            f"{self.seller_firms:,} seller firms; {self.users} users; {self.audit_events:,} audit events; "
            f"{self.seconds:.1f} s",
            f"Demo accounts (password '{DEMO_PASSWORD}'):",
        ]
        width = max((len(a.username) for a in self.accounts), default=0)
        lines += [f"  {a.username:<{width}}  {a.role:<8}  {a.organisation}" for a in self.accounts]
        return "\n".join(lines)


class SeedInterrupted(RuntimeError):
    """An earlier seed wrote part of the marketplace and stopped (killed, power cut)."""


SEED_COMPLETE = "seed.complete"


def is_seeded(engine: Engine) -> bool:
    """True when a seed has run to its end on this database."""
    with engine.connect() as conn:
        return _seed_completed(conn)


def _seed_completed(conn: Connection) -> bool:
    marker = select(AuditEvent.id).where(AuditEvent.action == SEED_COMPLETE).limit(1)
    return conn.execute(marker).first() is not None


def _has_demo_users(conn: Connection) -> bool:
    return conn.execute(select(User.id).where(User.username.in_(DEMO_USERS)).limit(1)).first() is not None


def listing_digest(row: dict[str, Any]) -> str:
    """A listing row's digest, as the ORM hook records it (SHA-256 of its canonical JSON)."""
    return sha256_hex(canonical_json(row))


def batch_digest(row_digests: list[str]) -> str:
    return sha256_hex("".join(row_digests))


def seed_marketplace(engine: Engine, products: int, progress: Callable[[str], Any] = print) -> SeedSummary:
    """Write the demo marketplace with `products` listings (at least the demo seller's own).

    Assumes the schema is migrated and the feed_state row exists. Raises AlreadySeeded (a
    RuntimeError) if the demo accounts exist, before writing anything.
    """
    if isinstance(products, bool) or not isinstance(products, int) or products < 0:
        raise ValueError("products must be a whole number, not negative")
    started = time.perf_counter()
    writer = engine.execution_options(sqlite_begin="IMMEDIATE")
    summary = SeedSummary()
    password_hash = hash_password(DEMO_PASSWORD)  # argon2 is slow: one hash for every demo user

    with writer.begin() as conn:
        if _seed_completed(conn):
            raise AlreadySeeded("the demo marketplace is already seeded here (is_seeded() is true)")
        if _has_demo_users(conn):
            raise SeedInterrupted(
                "an earlier seed of this database stopped half way; delete the database and seed again"
            )
        world = _World.build(conn, products)
        demo_rows = world.demo_listings()
        first_seq, head = take_feed_positions(conn, len(demo_rows))
        head = _write_reference(conn, head, world, password_hash, summary)
        for offset, row in enumerate(demo_rows):
            row["feed_seq"] = first_seq + offset
        conn.execute(Listing.__table__.insert(), demo_rows)
        for row in demo_rows:
            head = append_audit(conn, head, actor=SYSTEM, action="seed.listing", entity_type="listing",
                                entity_id=row["id"], digest=listing_digest(row))
            summary.audit_events += 1
        set_chain_head(conn, head)
    by_status: dict[str, int] = {}
    for row in demo_rows:
        by_status[row["status"]] = by_status.get(row["status"], 0) + 1
    progress(
        f"Reference data: {summary.categories} categories, {summary.brands} brands, {summary.buyer_orgs} buyer "
        f"offices, {summary.seller_firms:,} seller firms, {summary.users} users "
        f"({time.perf_counter() - started:.1f} s)"
    )

    total = max(products, len(demo_rows))
    made = len(demo_rows)
    generator = _ListingGenerator(world, random.Random(f"{SEED}:listings:{products}"))
    next_report = PROGRESS_EVERY
    for rows in generator.batches(total - made, BATCH):
        with writer.begin() as conn:
            first_seq, head = take_feed_positions(conn, len(rows))
            digests = []
            for offset, row in enumerate(rows):
                row["feed_seq"] = first_seq + offset
                digests.append(listing_digest(row))
                by_status[row["status"]] = by_status.get(row["status"], 0) + 1
            conn.execute(Listing.__table__.insert(), rows)
            last_seq = first_seq + len(rows) - 1
            head = append_audit(conn, head, actor=SYSTEM, action="seed.listings", entity_type="catalogue_batch",
                                entity_id=f"seq:{first_seq}-{last_seq}", digest=batch_digest(digests))
            set_chain_head(conn, head)
        summary.audit_events += 1
        made += len(rows)
        if made >= next_report or made == total:
            progress(f"Listings: {made:,} / {total:,} ({time.perf_counter() - started:.1f} s)")
            while next_report <= made:
                next_report += PROGRESS_EVERY

    # The last write says the seed finished: a seed killed half way is never taken for done.
    with writer.begin() as conn:
        _, head = take_feed_positions(conn, 0)
        head = append_audit(conn, head, actor=SYSTEM, action=SEED_COMPLETE, entity_type="marketplace",
                            entity_id="demo", digest=sha256_hex(canonical_json({"listings": made, "products": products})))
        set_chain_head(conn, head)
    summary.audit_events += 1
    summary.listings = made
    summary.listings_by_status = by_status
    summary.accounts = world.accounts
    summary.seconds = time.perf_counter() - started
    return summary


# --- reference data -----------------------------------------------------------------------


def _next_id(conn: Connection, column) -> int:
    return (conn.execute(select(func.max(column))).scalar() or 0) + 1


def _stable_uuid(name: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, name))


class _World:
    """Everything but the bulk listings: rows of the small tables and what listings draw on."""

    def __init__(self) -> None:
        self.categories: list[dict[str, Any]] = []
        self.brands: list[dict[str, Any]] = []
        self.buyer_orgs: list[dict[str, Any]] = []
        self.firms: list[dict[str, Any]] = []
        self.users: list[dict[str, Any]] = []
        self.accounts: list[DemoAccount] = []
        self.leaves: list[_Leaf] = []
        self.demo_firm_id = 0
        self.firm_delivery: dict[int, tuple[tuple[list[str], float], ...]] = {}
        self.firm_pincode: dict[int, str] = {}

    @classmethod
    def build(cls, conn: Connection, products: int) -> "_World":
        world = cls()
        rng = random.Random(f"{SEED}:reference:{products}")
        existing_brands = set(conn.execute(select(Brand.name)).scalars())
        world._categories(_next_id(conn, Category.id))
        world._brands(existing_brands)
        world._buyer_orgs(_next_id(conn, BuyerOrg.id))
        world._firms(_next_id(conn, SellerFirm.id), products, rng)
        world._users(_next_id(conn, User.id))
        world._models(products, rng)
        return world

    # categories and brands

    def _categories(self, next_id: int) -> None:
        def add(node: dict[str, Any], parent_id: int | None, is_service: bool) -> None:
            nonlocal next_id
            row_id = next_id
            next_id += 1
            is_service = is_service or node.get("is_service", False)
            params = [catalogue.key_param_json(p) for p in node.get("params", [])]
            self.categories.append({
                "id": row_id, "parent_id": parent_id, "code": node["code"], "name_en": node["name_en"],
                "name_hi": node["name_hi"], "is_service": is_service, "key_params": params,
            })
            if "children" in node:
                for child in node["children"]:
                    add(child, row_id, is_service)
            else:
                self.leaves.append(_Leaf(row_id, node, is_service))

        for top in catalogue.TREE:
            add(top, None, False)

    def _brands(self, existing: set[str]) -> None:
        registered: dict[str, bool] = {}
        for leaf in self.leaves:
            for name, is_registered in leaf.spec["brands"]:
                if registered.setdefault(name, is_registered) != is_registered:
                    raise ValueError(f"brand {name} is both registered and not in the seed data")
        registered["Mahamaya Ergo"] = False  # the demo seller's new, unregistered brand
        self.brand_registered = registered
        self.brands = [{"name": n, "registered": r} for n, r in registered.items() if n not in existing]

    # offices, firms, users

    def _buyer_orgs(self, next_id: int) -> None:
        offices = [orgs.DEMO_OFFICE]
        for ministry, department, organisation, office, districts in orgs.CG_OFFICE_KINDS:
            offices += [(ministry, department, organisation, office.format(district=d), places.CHHATTISGARH, d)
                        for d in districts]
        offices += orgs.CENTRAL_OFFICES
        for offset, (ministry, department, organisation, office, state, district) in enumerate(offices):
            self.buyer_orgs.append({
                "id": next_id + offset, "ministry_or_state": ministry, "department": department,
                "organisation": organisation, "office": office, "state": state, "district": district,
            })

    def _firms(self, next_id: int, products: int, rng: random.Random) -> None:
        count = min(max(products // 100, 40), 10_000)
        others = count - 1  # the demo seller's firm is fixed
        # Exact shares, not draws, so even a small seed has the mix: ~60% MSE (micro, small,
        # medium), women-owned 12% and SC/ST-owned 5% of all firms (both among the MSEs).
        mse = ["micro"] * (round(count * 0.36) - 1) + ["small"] * round(count * 0.17) + ["medium"] * round(count * 0.07)
        mse_classes = mse + ["none"] * (others - len(mse))
        rng.shuffle(mse_classes)
        natures = (["manufacturer"] * round(others * 0.45) + ["service_provider"] * round(others * 0.20))
        natures += ["trader"] * (others - len(natures))
        rng.shuffle(natures)
        mse_positions = [i for i, c in enumerate(mse_classes) if c != "none"]
        owners = rng.sample(mse_positions, round(count * 0.12) + round(count * 0.05))
        women = set(owners[: round(count * 0.12)])
        scst = set(owners[round(count * 0.12):])

        self.demo_firm_id = next_id
        self.firms.append({
            "id": next_id, "name": "Mahamaya Steel Furniture Works", "mse_class": "micro",
            "udyam_number": "UDYAM-CG-14-0012345", "women_owned": False, "scst_owned": False,
            "nature": "manufacturer", "state": places.CHHATTISGARH, "district": "Raipur",
        })
        cg_districts = list(places.CG_FIRM_DISTRICT_WEIGHTS)
        cg_weights = list(places.CG_FIRM_DISTRICT_WEIGHTS.values())
        other_states = list(places.OTHER_STATE_WEIGHTS)
        other_weights = list(places.OTHER_STATE_WEIGHTS.values())
        for i in range(others):
            if rng.random() < 0.55:
                state, code = places.CHHATTISGARH, "CG"
                district = rng.choices(cg_districts, cg_weights)[0]
                district_no = places.CG_DISTRICTS.index(district) + 1
            else:
                state = rng.choices(other_states, other_weights)[0]
                code, districts = places.OTHER_STATES[state]
                district = rng.choice(districts)
                district_no = districts.index(district) + 1
            nature = natures[i]
            name = f"{rng.choice(orgs.FIRM_FIRST)} {rng.choice(orgs.FIRM_SECOND[nature])}{rng.choice(orgs.FIRM_SUFFIX[nature])}"
            mse_class = mse_classes[i]
            udyam = f"UDYAM-{code}-{district_no:02d}-{rng.randrange(10**7):07d}" if mse_class != "none" else None
            self.firms.append({
                "id": next_id + 1 + i, "name": name, "mse_class": mse_class, "udyam_number": udyam,
                "women_owned": i in women, "scst_owned": i in scst, "nature": nature, "state": state,
                "district": district,
            })
        for firm in self.firms:
            self._delivery_options(firm, rng)

    def _delivery_options(self, firm: dict[str, Any], rng: random.Random) -> None:
        """A few delivery-area choices per firm, with cumulative weights."""
        home = firm["district"]
        all_cg = list(places.CG_DISTRICTS)
        if firm["state"] == places.CHHATTISGARH:
            nearby = [home] + [d for d in rng.sample(all_cg, rng.randint(4, 9)) if d != home]
            options = (([home], 0.15), (nearby, 0.60), (all_cg, 1.0))
        else:
            own = list(places.OTHER_STATES[firm["state"]][1])
            options = ((own, 0.20), (own + ["Raipur", "Bilaspur", "Durg"], 0.60), (own + all_cg, 1.0))
        self.firm_delivery[firm["id"]] = options
        if home in places.PINCODES:
            self.firm_pincode[firm["id"]] = places.PINCODES[home]

    def _users(self, next_id: int) -> None:
        demo_office = self.buyer_orgs[0]
        demo_firm = self.firms[0]
        office_text = f"{demo_office['office']} ({demo_office['department']})"
        people = [
            ("demo-buyer", "Demo Buyer (CMHO Raipur)", "buyer", demo_office["id"], None, office_text),
            ("demo-approver", "Demo Approver (CMHO Raipur)", "approver", demo_office["id"], None, office_text),
            ("demo-seller", "Demo Seller (Mahamaya Steel)", "seller", None, demo_firm["id"],
             f"{demo_firm['name']}, Raipur (micro MSE, manufacturer)"),
            ("demo-admin", "Demo Marketplace Admin", "admin", None, None, "marketplace administration"),
        ]
        for number, firm in enumerate(self._showcase_firms(), start=2):
            kind = f"{firm['mse_class']} MSE" if firm["mse_class"] != "none" else "not an MSE"
            flags = "".join([", women-owned" if firm["women_owned"] else "", ", SC/ST-owned" if firm["scst_owned"] else ""])
            people.append((f"seller-{number}", orgs.PEOPLE[number - 2], "seller", None, firm["id"],
                           f"{firm['name']}, {firm['district']}, {firm['state']} ({kind}, {firm['nature']}{flags})"))
        for offset, (username, display, role, org_id, firm_id, org_text) in enumerate(people):
            self.users.append({
                "id": next_id + offset, "username": username, "display_name": display, "role": role,
                "buyer_org_id": org_id, "seller_firm_id": firm_id, "active": True, "created_at": EPOCH,
            })
            self.accounts.append(DemoAccount(username, DEMO_PASSWORD, role, org_text))

    def _showcase_firms(self) -> list[dict[str, Any]]:
        """Firms for seller-2 ...: a women-owned one, an SC/ST-owned one, a service provider,
        a large firm from another state (whichever exist), then any."""
        wanted = [
            lambda f: f["women_owned"] and f["state"] == places.CHHATTISGARH,
            lambda f: f["scst_owned"],
            lambda f: f["nature"] == "service_provider",
            lambda f: f["mse_class"] == "none" and f["state"] != places.CHHATTISGARH,
        ]
        chosen: list[dict[str, Any]] = []
        for test in wanted[:EXTRA_SELLERS]:
            match = next((f for f in self.firms[1:] if test(f) and f not in chosen), None)
            if match is None:
                match = next(f for f in self.firms[1:] if f not in chosen)
            chosen.append(match)
        return chosen

    # models: what a category's listings offer

    def _models(self, products: int, rng: random.Random) -> None:
        total_weight = sum(leaf.spec["weight"] for leaf in self.leaves)
        goods = [f["id"] for f in self.firms[1:] if f["nature"] != "service_provider"]
        services = [f["id"] for f in self.firms[1:] if f["nature"] == "service_provider"]
        goods_leaves = [leaf for leaf in self.leaves if not leaf.is_service]
        service_leaves = [leaf for leaf in self.leaves if leaf.is_service]
        # Each firm sells in one to four categories.
        for firm_ids, leaves in ((goods, goods_leaves), (services, service_leaves)):
            weights = [leaf.spec["weight"] for leaf in leaves]
            for firm_id in firm_ids:
                for leaf in set(rng.choices(leaves, weights, k=rng.randint(1, 4))):
                    leaf.firms.append(firm_id)
            for leaf in leaves:  # every category has sellers
                while len(leaf.firms) < min(3, len(firm_ids)):
                    extra = rng.choice(firm_ids)
                    if extra not in leaf.firms:
                        leaf.firms.append(extra)
                leaf.firms.sort()
        for leaf in self.leaves:
            expected = products * leaf.spec["weight"] / total_weight
            leaf.make_models(min(max(round(expected / 8), 6), 1500), rng, self.brand_registered)

    # the demo seller's own catalogue

    def demo_listings(self) -> list[dict[str, Any]]:
        """A handful of listings of the demo seller's firm, one in each status worth showing."""
        leaf_by_code = {leaf.code: leaf for leaf in self.leaves}
        raipur_area = ["Raipur", "Durg", "Bilaspur", "Dhamtari", "Mahasamund", "Baloda Bazar", "Bemetara", "Gariaband"]
        base = {
            "seller_firm_id": self.demo_firm_id, "country_of_origin": "India", "min_order_qty": 1,
            "delivery_districts": raipur_area, "delivery_pincodes": ["492001"], "images": [], "version": 1,
            "reject_reason": None,
        }
        plan = [
            ("steel-almirah", "Mahamaya Steel", "Tijori MS-1980L",
             {"height_mm": "1980", "shelves": "4", "sheet_mm": "0.8", "locker": "With locker"},
             1_850_000, 1_549_000, 40, 78, S.PUBLISHED),
            ("steel-almirah", "Mahamaya Steel", "Store MS-1270",
             {"height_mm": "1270", "shelves": "3", "sheet_mm": "0.6", "locker": "Without locker"},
             1_050_000, 899_000, 65, 80, S.PUBLISHED),
            ("office-chairs", "Mahamaya Steel", "Sahaj MS-210",
             {"type": "Revolving, medium back", "upholstery": "Fabric", "armrest": "Fixed", "max_load_kg": "100"},
             620_000, 489_900, 120, 72, S.PUBLISHED),
            ("steel-almirah", "Mahamaya Steel", "Officer MS-2180L",
             {"height_mm": "2180", "shelves": "5", "sheet_mm": "1.0", "locker": "With locker"},
             2_450_000, 2_150_000, 0, 76, S.OUT_OF_STOCK),
            ("office-tables", "Mahamaya Steel", "Karya MS-T1500",
             {"size": "1500 x 750 mm", "top_material": "Pre-laminated particle board", "drawers": "2"},
             1_390_000, 1_175_000, 25, 70, S.DRAFT),
            ("office-chairs", "Mahamaya Ergo", "Boss ME-900",
             {"type": "Executive", "upholstery": "Leatherette", "armrest": "Adjustable", "max_load_kg": "150"},
             1_890_000, 1_525_000, 30, 64, S.PENDING_APPROVAL),
            ("office-chairs", "Mahamaya Ergo", "Ergo ME-700",
             {"type": "Revolving, high back", "upholstery": "Net mesh", "armrest": "Adjustable", "max_load_kg": "120"},
             1_290_000, 1_049_000, 45, 58, S.REJECTED),
            ("steel-almirah", "Mahamaya Steel", "Plain MS-1830 (2024)",
             {"height_mm": "1830", "shelves": "4", "sheet_mm": "0.6", "locker": "Without locker"},
             1_350_000, 1_199_000, 0, 75, S.RETIRED),
        ]
        rows = []
        for number, (code, brand, model, specs, mrp, price, stock, local, status) in enumerate(plan, start=1):
            leaf = leaf_by_code[code]
            created = EPOCH + timedelta(days=30 * number, hours=number)
            rows.append({
                **base,
                "id": _stable_uuid(f"demo-seller-listing-{number}"),
                "category_id": leaf.id,
                "title": leaf.spec["title"].format(brand=brand, model=model, **specs),
                "brand": brand,
                "model": model,
                "key_specs": specs,
                "other_specs": {"Warranty": "3 years", "Finish": "Powder coated, grey", "HSN code": leaf.spec["hsn"],
                                "Factory": "Urla Industrial Area, Raipur"},
                "delivery_districts": list(raipur_area),
                "local_content_pct": local,
                "mrp_paise": mrp,
                "price_paise": price,
                "stock": stock,
                "status": str(status),
                "reject_reason": (
                    "The trademark registration certificate for the brand 'Mahamaya Ergo' is not attached; "
                    "attach it and submit again." if status == S.REJECTED else None
                ),
                "published_once": status in _PUBLISHED_ONCE,
                "created_at": created,
                "updated_at": created + timedelta(days=3),
            })
        return rows


def _write_reference(conn: Connection, head: str, world: _World, password_hash: str, summary: SeedSummary) -> str:
    """Insert the small tables, one audit event per row; returns the chain head."""
    tables = (
        (Category, "category", world.categories, "id"),
        (Brand, "brand", world.brands, "name"),
        (BuyerOrg, "buyer_org", world.buyer_orgs, "id"),
        (SellerFirm, "seller_firm", world.firms, "id"),
        (User, "user", world.users, "id"),
    )
    for model, entity_type, rows, key in tables:
        if not rows:
            continue
        if model is User:
            conn.execute(model.__table__.insert(), [{**row, "password_hash": password_hash} for row in rows])
        else:
            conn.execute(model.__table__.insert(), rows)
        for row in rows:  # `rows` never hold the password hash: secrets stay out of digests
            head = append_audit(conn, head, actor=SYSTEM, action=f"seed.{entity_type}", entity_type=entity_type,
                                entity_id=str(row[key]), digest=sha256_hex(canonical_json(row)))
        summary.audit_events += len(rows)
    if conn.dialect.name == "postgresql":
        # The rows came with their ids: move each id sequence past them, or the next row
        # made by the server (a user, a firm) would be given an id already taken.
        for model in (Category, BuyerOrg, SellerFirm, User):
            table = model.__tablename__
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"))
    summary.categories = len(world.categories)
    summary.leaf_categories = len(world.leaves)
    summary.brands = len(world.brands)
    summary.buyer_orgs = len(world.buyer_orgs)
    summary.seller_firms = len(world.firms)
    summary.users = len(world.users)
    return head


# --- listings -----------------------------------------------------------------------------


@dataclass
class _Model:
    """One product a category offers: every seller's listing of it shares these."""

    title: str
    brand: str
    model: str
    key_specs: dict[str, str]
    other_specs: dict[str, str]
    country: str
    local_content_pct: int
    mrp_paise: int
    statuses: tuple[tuple[float, str], ...]


class _Leaf:
    def __init__(self, category_id: int, spec: dict[str, Any], is_service: bool) -> None:
        self.id = category_id
        self.spec = spec
        self.code = spec["code"]
        self.is_service = is_service
        self.firms: list[int] = []
        self.models: list[_Model] = []

    def make_models(self, count: int, rng: random.Random, registered: dict[str, bool]) -> None:
        spec = self.spec
        lo, hi = spec["mrp"]
        countries = list(spec["origin"])
        country_weights = list(spec["origin"].values())
        seen: set[tuple[str, str]] = set()
        while len(self.models) < count:
            brand, _ = rng.choice(spec["brands"])
            initials = "".join(word[0] for word in brand.split())[:2].upper()
            if len(initials) < 2:
                initials = brand[:2].upper()
            model = f"{rng.choice(spec['series'])} {initials}-{rng.randrange(100, 10_000)}"
            if (brand, model) in seen:
                continue
            seen.add((brand, model))
            specs: dict[str, str] = {}
            scores = []
            for param in spec["params"]:
                index = rng.randrange(len(param["values"]))
                specs[param["name"]] = param["values"][index]
                if param["priced"] and len(param["values"]) > 1:
                    scores.append(index / (len(param["values"]) - 1))
            # Dearer specifications sit higher in the category's price range (log scale).
            position = (sum(scores) / len(scores) if scores else 0.5) * 0.7 + 0.15 + rng.uniform(-0.15, 0.15)
            rupees = lo * (hi / lo) ** min(max(position, 0.0), 1.0)
            country = rng.choices(countries, country_weights)[0]
            other = {name: rng.choice(options) for name, options in spec["other"].items()}
            if spec["hsn"]:
                other["HSN/SAC code"] = spec["hsn"]
            title = spec["title"].format(brand=brand, model=model, **specs)
            self.models.append(_Model(
                title=title[:200],
                brand=brand,
                model=model,
                key_specs=specs,
                other_specs=other,
                country=country,
                local_content_pct=_local_content(country, rng),
                mrp_paise=_nice_price(rupees) * 100,
                statuses=_STATUS_REGISTERED if registered[brand] else _STATUS_UNREGISTERED,
            ))


def _local_content(country: str, rng: random.Random) -> int:
    """Self-certified local content: Indian products mostly Class-I (>= 50%), some Class-II
    (21-49%), a few non-local (<= 20%); imports mostly non-local, some assembled here."""
    draw = rng.random()
    if country == "India":
        if draw < 0.75:
            return rng.randint(50, 95)
        return rng.randint(21, 49) if draw < 0.95 else rng.randint(10, 20)
    return rng.randint(0, 20) if draw < 0.85 else rng.randint(21, 40)


def _nice_price(rupees: float) -> int:
    """Prices as shops write them: Rs 45,990; Rs 1,245; Rs 95."""
    if rupees >= 1000:
        return max(int(round(rupees, -2)) - 10, 990)
    if rupees >= 100:
        return int(5 * round(rupees / 5))
    return max(int(round(rupees)), 1)


class _ListingGenerator:
    """Makes listing rows, one batch at a time, from one random stream."""

    def __init__(self, world: _World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng
        self.leaves = world.leaves
        self.cum_weights = list(_accumulate(leaf.spec["weight"] for leaf in world.leaves))
        self.made = 0

    def batches(self, count: int, size: int) -> Iterator[list[dict[str, Any]]]:
        while count > 0:
            n = min(size, count)
            yield self.rows(n)
            count -= n

    def rows(self, n: int) -> list[dict[str, Any]]:
        rng = self.rng
        random_ = rng.random
        randint = rng.randint
        choice = rng.choice
        getrandbits = rng.getrandbits
        delivery = self.world.firm_delivery
        pincodes = self.world.firm_pincode
        out = []
        for leaf in rng.choices(self.leaves, cum_weights=self.cum_weights, k=n):
            spec = leaf.spec
            model = choice(leaf.models)
            firm = choice(leaf.firms)
            draw = random_()
            for limit, status in model.statuses:  # noqa: B007 - the status is the one the draw stops at
                if draw < limit:
                    break
            stock = 0 if status == S.OUT_OF_STOCK else randint(*spec["stock"])
            mrp = model.mrp_paise
            if random_() < 0.12:
                price = mrp  # some sell at MRP
            else:
                price = mrp * (10_000 - int(random_() * spec["discount"] * 100)) // 10_000
                if random_() < 0.6:
                    price = max(price // 100 * 100, 100)
            draw = random_()
            for districts, limit in delivery[firm]:  # noqa: B007 - the districts are the ones the draw stops at
                if draw < limit:
                    break
            pin = pincodes.get(firm)
            created = EPOCH + timedelta(seconds=int(random_() * _SPAN_S))
            updated = min(created + timedelta(seconds=int(random_() * 5_184_000)), UNTIL)  # within 60 days
            self.made += 1
            # UUIDv7 layout, its time part counting rows from EPOCH: ids ascend with the
            # feed, so the primary-key index grows at its end instead of at random pages
            # (random v4 ids made SQLite rewrite most of that index on every batch).
            out.append({
                "id": str(uuid.UUID(int=((_EPOCH_MS + self.made) << 80) | _V7_BITS | (getrandbits(76) & _V7_RANDOM))),
                "seller_firm_id": firm,
                "category_id": leaf.id,
                "title": model.title,
                "brand": model.brand,
                "model": model.model,
                "key_specs": model.key_specs,
                "other_specs": model.other_specs,
                "country_of_origin": model.country,
                "local_content_pct": model.local_content_pct,
                "mrp_paise": mrp,
                "price_paise": price,
                "stock": stock,
                "min_order_qty": choice(spec["min_order"]),
                "delivery_districts": districts,
                "delivery_pincodes": [pin] if pin and random_() < 0.3 else [],
                "images": [],
                "status": str(status),
                "reject_reason": choice(REJECT_REASONS) if status == S.REJECTED else None,
                "published_once": status in _PUBLISHED_ONCE,
                "version": 1,
                "created_at": created,
                "updated_at": updated,
            })
        return out


def _accumulate(values) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


assert BUYER_VISIBLE <= _PUBLISHED_ONCE
assert math.isclose(_STATUS_REGISTERED[-1][0], 1.0) and math.isclose(_STATUS_UNREGISTERED[-1][0], 1.0)
