"""The demo marketplace seed, on databases built by the real migrations (SQLite, then
PostgreSQL): counts, determinism, the places, the demo accounts, valid listings, the audit
chain and the feed positions."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, insert, select

from domain.listing import BUYER_VISIBLE, KeyParam, MiiClass, mii_class, validate_listing
from server.db.engine import make_engine
from server.db.models import AuditEvent, Brand, BuyerOrg, Category, FeedState, Listing, SellerFirm, User
from server.db.trail import GENESIS_HASH, canonical_json, sha256_hex
from server.security import verify_password
from server.seed import DEMO_PASSWORD, AlreadySeeded, SeedSummary, batch_digest, is_seeded, listing_digest, seed_marketplace
from server.seed_data import catalogue, places

PRODUCTS = 2000
DEVANAGARI = re.compile(r"[\u0900-\u097F]")
UDYAM = re.compile(r"^UDYAM-[A-Z]{2}-\d{2}-\d{7}$")


@dataclass
class Seeded:
    engine: object
    summary: SeedSummary
    progress: list[str]


def _fresh_url(request, tmp_path_factory) -> tuple[str, callable]:
    """A freshly migrated, empty database of the fixture's kind, and how to drop it."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("seed") / "marketplace.sqlite"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}", lambda: None
    databases = request.getfixturevalue("postgres_databases")
    url = databases.new_database()
    return url, lambda: databases.drop(url.rsplit("/", 1)[1])


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def seeded(request, tmp_path_factory):
    url, drop = _fresh_url(request, tmp_path_factory)
    engine = make_engine(url)
    lines: list[str] = []
    summary = seed_marketplace(engine, PRODUCTS, progress=lines.append)
    yield Seeded(engine, summary, lines)
    engine.dispose()
    drop()


def _all(engine, statement):
    with engine.connect() as conn:
        return conn.execute(statement).all()


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_counts_match_the_summary(seeded):
    engine, summary = seeded.engine, seeded.summary
    assert summary.listings == _count(engine, Listing) == PRODUCTS
    assert summary.categories == _count(engine, Category)
    assert summary.brands == _count(engine, Brand)
    assert summary.buyer_orgs == _count(engine, BuyerOrg)
    assert summary.seller_firms == _count(engine, SellerFirm) >= 40
    assert summary.users == _count(engine, User) == 8
    assert summary.audit_events == _count(engine, AuditEvent)
    assert sum(summary.listings_by_status.values()) == PRODUCTS
    assert dict(Counter(r.status for r in _all(engine, select(Listing.status)))) == summary.listings_by_status
    assert any("Listings: 2,000 / 2,000" in line for line in seeded.progress)
    text = str(summary)
    for username in ("demo-buyer", "demo-approver", "demo-seller", "demo-admin"):
        assert username in text


def test_category_tree_is_bilingual_with_key_parameters(seeded):
    rows = _all(seeded.engine, select(Category))
    parents = {r.parent_id for r in rows if r.parent_id is not None}
    leaves = [r for r in rows if r.id not in parents]
    assert 25 <= len(leaves) <= 40
    assert seeded.summary.leaf_categories == len(leaves)
    by_code = {r.code: r for r in rows}
    assert by_code["computers"].name_hi == "कंप्यूटर और परिधीय"
    assert by_code["computers"].name_en == "Computers and Peripherals"
    for code in ("laptops", "desktops", "laser-printers", "toner", "office-chairs", "steel-almirah", "a4-paper",
                 "ball-pens", "led-lights", "ceiling-fans", "cables", "bp-monitors", "pulse-oximeters",
                 "surgical-gloves", "face-masks", "photocopiers", "air-conditioners", "water-purifiers",
                 "taxi-monthly", "manpower", "security-services", "cleaning-services"):
        assert code in by_code
    for row in rows:
        assert DEVANAGARI.search(row.name_hi), row.code
        assert not re.search(r"[A-Za-z]", row.name_hi), row.code
    for leaf in leaves:
        params = [KeyParam.from_json(p) for p in leaf.key_params]
        assert 2 <= len(params) <= 5, leaf.code
        for param in params:
            assert param.kind in ("text", "number", "choice")
            assert DEVANAGARI.search(param.label_hi), (leaf.code, param.name)
            assert (param.kind == "choice") == bool(param.choices)
    laptops = {p["name"]: p for p in by_code["laptops"].key_params}
    assert {"processor", "ram_gb", "storage_gb", "screen_in"} <= set(laptops)
    assert laptops["ram_gb"]["unit"] == "GB" and laptops["ram_gb"]["kind"] == "number"
    assert by_code["taxi-monthly"].is_service and not by_code["laptops"].is_service
    assert all(r.parent_id is None for r in rows if r.code in ("computers", "services"))


def test_brands_are_mostly_registered(seeded):
    brands = _all(seeded.engine, select(Brand))
    registered = sum(b.registered for b in brands)
    assert 0.6 <= registered / len(brands) < 1


def test_chhattisgarh_has_33_districts_and_listings_reach_them():
    assert len(places.CG_DISTRICTS) == len(set(places.CG_DISTRICTS)) == 33
    for name in ("Raipur", "Gaurela-Pendra-Marwahi", "Manendragarh-Chirmiri-Bharatpur",
                 "Mohla-Manpur-Ambagarh Chowki", "Sarangarh-Bilaigarh", "Khairagarh-Chhuikhadan-Gandai", "Sakti"):
        assert name in places.CG_DISTRICTS


def test_delivery_areas(seeded):
    rows = _all(seeded.engine, select(Listing.delivery_districts, Listing.delivery_pincodes))
    reached = Counter(d for r in rows for d in r.delivery_districts)
    assert set(places.CG_DISTRICTS) <= set(reached)
    outside = set(reached) - set(places.CG_DISTRICTS)
    assert outside, "sellers from other states deliver in their own districts too"
    assert reached["Raipur"] > len(rows) / 2
    assert all(re.match(r"^[1-9]\d{5}$", p) for r in rows for p in r.delivery_pincodes)


def test_buyer_offices(seeded):
    orgs = _all(seeded.engine, select(BuyerOrg))
    cg = [o for o in orgs if o.ministry_or_state == "Government of Chhattisgarh"]
    central = [o for o in orgs if o.ministry_or_state.startswith("Ministry of")]
    assert len(cg) >= 30 and len(central) >= 2
    assert all(o.state == "Chhattisgarh" and o.district in places.CG_DISTRICTS for o in orgs)
    departments = {o.department for o in cg}
    assert {"Health and Family Welfare Department", "School Education Department", "Public Works Department",
            "Home Department"} <= departments
    assert any(o.office.startswith("Collectorate") for o in cg)


def test_demo_accounts(seeded):
    users = {u.username: u for u in _all(seeded.engine, select(User))}
    roles = {name: users[name].role for name in ("demo-buyer", "demo-approver", "demo-seller", "demo-admin")}
    assert roles == {"demo-buyer": "buyer", "demo-approver": "approver", "demo-seller": "seller", "demo-admin": "admin"}
    buyer, approver, seller, admin = (users[n] for n in ("demo-buyer", "demo-approver", "demo-seller", "demo-admin"))
    assert buyer.buyer_org_id is not None and buyer.buyer_org_id == approver.buyer_org_id
    assert buyer.seller_firm_id is None and seller.buyer_org_id is None
    assert admin.buyer_org_id is None and admin.seller_firm_id is None
    office = _all(seeded.engine, select(BuyerOrg).where(BuyerOrg.id == buyer.buyer_org_id))[0]
    assert office.district == "Raipur"
    firm = _all(seeded.engine, select(SellerFirm).where(SellerFirm.id == seller.seller_firm_id))[0]
    assert (firm.state, firm.district, firm.mse_class, firm.nature) == ("Chhattisgarh", "Raipur", "micro", "manufacturer")
    assert UDYAM.match(firm.udyam_number) and firm.udyam_number.startswith("UDYAM-CG-")
    extra = [u for u in users.values() if u.username.startswith("seller-")]
    assert len(extra) >= 2 and all(u.role == "seller" and u.seller_firm_id not in (None, firm.id) for u in extra)
    assert all(u.active for u in users.values())
    assert [a.username for a in seeded.summary.accounts] == sorted(users, key=lambda n: users[n].id)
    assert all(a.password == DEMO_PASSWORD for a in seeded.summary.accounts)


def test_demo_password_verifies(seeded):
    for user in _all(seeded.engine, select(User)):
        assert verify_password(user.password_hash, "demo"), user.username
    user = _all(seeded.engine, select(User).where(User.username == "demo-admin"))[0]
    assert not verify_password(user.password_hash, "Demo")
    assert user.password_hash.startswith("$argon2id$")


def test_demo_seller_has_a_catalogue_to_show(seeded):
    firm_id = _all(seeded.engine, select(User.seller_firm_id).where(User.username == "demo-seller"))[0][0]
    own = _all(seeded.engine, select(Listing).where(Listing.seller_firm_id == firm_id))
    assert 5 <= len(own) <= 10
    statuses = Counter(r.status for r in own)
    assert statuses["draft"] == 1 and statuses["pending_approval"] == 1 and statuses["rejected"] == 1
    assert statuses["published"] >= 2
    rejected = next(r for r in own if r.status == "rejected")
    assert rejected.reject_reason and len(rejected.reject_reason) > 20


def test_every_listing_is_valid_for_its_category(seeded):
    params = {c.id: [KeyParam.from_json(p) for p in c.key_params] for c in _all(seeded.engine, select(Category))}
    registered = {b.name: b.registered for b in _all(seeded.engine, select(Brand))}
    firms = {f.id: f for f in _all(seeded.engine, select(SellerFirm))}
    services = {c.id for c in _all(seeded.engine, select(Category)) if c.is_service}
    rows = _all(seeded.engine, select(Listing))
    for row in rows:
        data = dict(row._mapping)
        assert validate_listing(data, params[row.category_id]) == {}, data
        assert set(row.key_specs) == {p.name for p in params[row.category_id]}
        assert row.price_paise <= row.mrp_paise
        assert row.version == 1
        assert row.created_at.tzinfo is not None and row.created_at <= row.updated_at
        assert row.published_once == (row.status in BUYER_VISIBLE or row.status == "retired")
        assert (row.status == "out_of_stock") == (row.stock == 0 and row.status in BUYER_VISIBLE)
        assert (row.reject_reason is not None) == (row.status == "rejected")
        if row.status in ("pending_approval", "rejected"):
            assert not registered[row.brand], row.brand
        nature = firms[row.seller_firm_id].nature
        assert (nature == "service_provider") == (row.category_id in services)


def test_listing_mix_is_realistic(seeded):
    rows = _all(seeded.engine, select(Listing))
    statuses = Counter(r.status for r in rows)
    assert statuses["published"] / len(rows) > 0.7
    assert {"draft", "pending_approval", "published", "rejected", "out_of_stock", "retired"} <= set(statuses)
    countries = Counter(r.country_of_origin for r in rows)
    assert countries["India"] / len(rows) > 0.6 and len(countries) >= 4
    classes = Counter(mii_class(r.local_content_pct) for r in rows)
    assert set(classes) == set(MiiClass) and classes[MiiClass.CLASS_I] > classes[MiiClass.NON_LOCAL]
    discounted = sum(r.price_paise < r.mrp_paise for r in rows)
    assert 0.7 < discounted / len(rows) < 0.99
    categories = {c.code: c.id for c in _all(seeded.engine, select(Category))}
    for leaf in catalogue.leaves():
        prices = [r.mrp_paise for r in rows if r.category_id == categories[leaf["code"]]]
        lo, hi = leaf["mrp"]
        assert prices, leaf["code"]
        assert all(lo * 100 * 0.95 <= p <= hi * 100 for p in prices), leaf["code"]


def test_seller_mix(seeded):
    firms = _all(seeded.engine, select(SellerFirm))
    n = len(firms)
    mse = [f for f in firms if f.mse_class != "none"]
    assert len(mse) / n >= 0.5
    assert {f.mse_class for f in mse} == {"micro", "small", "medium"}
    assert 0.10 <= sum(f.women_owned for f in firms) / n <= 0.15
    assert 0.04 <= sum(f.scst_owned for f in firms) / n <= 0.06
    assert all(UDYAM.match(f.udyam_number) for f in mse)
    assert all(f.udyam_number is None for f in firms if f.mse_class == "none")
    assert {f.nature for f in firms} == {"manufacturer", "trader", "service_provider"}
    cg = [f for f in firms if f.state == "Chhattisgarh"]
    assert len(cg) / n > 0.4 and all(f.district in places.CG_DISTRICTS for f in cg)
    assert len({f.state for f in firms}) >= 4


def test_feed_positions_are_unique_and_consecutive(seeded):
    seqs = [r[0] for r in _all(seeded.engine, select(Listing.feed_seq).order_by(Listing.feed_seq))]
    assert seqs == list(range(1, PRODUCTS + 1))
    assert _all(seeded.engine, select(FeedState.last_seq))[0][0] == PRODUCTS


def test_audit_chain_links_and_covers_everything(seeded):
    events = _all(seeded.engine, select(AuditEvent).order_by(AuditEvent.id))
    previous = GENESIS_HASH
    for event in events:
        assert event.prev_hash == previous
        body = {
            "at": event.at, "actor_user_id": event.actor_user_id, "actor_username": event.actor_username,
            "actor_role": event.actor_role, "actor_org": event.actor_org, "action": event.action,
            "entity_type": event.entity_type, "entity_id": event.entity_id, "digest": event.digest,
        }
        assert event.hash == sha256_hex(previous + canonical_json(body))
        previous = event.hash
    assert _all(seeded.engine, select(FeedState.last_audit_hash))[0][0] == previous

    kinds = Counter(e.entity_type for e in events)
    assert kinds["category"] == _count(seeded.engine, Category)
    assert kinds["brand"] == _count(seeded.engine, Brand)
    assert kinds["buyer_org"] == _count(seeded.engine, BuyerOrg)
    assert kinds["seller_firm"] == _count(seeded.engine, SellerFirm)
    assert kinds["user"] == _count(seeded.engine, User)

    # Every listing is covered exactly once: by its own event or by its batch's.
    covered: list[int] = []
    listing_events = {e.entity_id: e for e in events if e.entity_type == "listing"}
    for listing_id, event in listing_events.items():
        row = _all(seeded.engine, select(Listing).where(Listing.id == listing_id))[0]
        assert event.digest == listing_digest(dict(row._mapping))
        covered.append(row.feed_seq)
    for event in (e for e in events if e.entity_type == "catalogue_batch"):
        first, last = map(int, event.entity_id.removeprefix("seq:").split("-"))
        rows = _all(seeded.engine, select(Listing).where(Listing.feed_seq.between(first, last)).order_by(Listing.feed_seq))
        assert len(rows) == last - first + 1
        assert event.digest == batch_digest([listing_digest(dict(r._mapping)) for r in rows])
        covered += [r.feed_seq for r in rows]
    assert sorted(covered) == list(range(1, PRODUCTS + 1))


def test_no_secret_in_the_trail(seeded):
    hashes = {u.password_hash for u in _all(seeded.engine, select(User))}
    user_events = _all(seeded.engine, select(AuditEvent).where(AuditEvent.entity_type == "user"))
    for user in _all(seeded.engine, select(User)):
        state = {k: v for k, v in user._mapping.items() if k != "password_hash"}
        assert any(e.digest == sha256_hex(canonical_json(state)) for e in user_events)
    assert not any(e.digest in hashes for e in user_events)


def test_seeding_twice_is_refused(seeded):
    assert is_seeded(seeded.engine)
    with pytest.raises(AlreadySeeded, match="already seeded"):
        seed_marketplace(seeded.engine, 10, progress=lambda line: None)
    assert _count(seeded.engine, Listing) == PRODUCTS


def _snapshot(engine):
    def rows(model, order):
        return [tuple(r) for r in _all(engine, select(*[c for c in model.__table__.c if c.name != "password_hash"]).order_by(order))]

    return {
        "listings": rows(Listing, Listing.feed_seq),
        "categories": rows(Category, Category.id),
        "brands": rows(Brand, Brand.name),
        "buyer_orgs": rows(BuyerOrg, BuyerOrg.id),
        "seller_firms": rows(SellerFirm, SellerFirm.id),
        "users": rows(User, User.id),
    }


@pytest.fixture(params=["sqlite"])
def fresh_engines(request, tmp_path_factory):
    made = []

    def new():
        url, drop = _fresh_url(request, tmp_path_factory)
        engine = make_engine(url)
        made.append((engine, drop))
        return engine

    yield new
    for engine, drop in made:
        engine.dispose()
        drop()


def test_same_size_gives_the_same_marketplace(seeded, fresh_engines):
    other = fresh_engines()
    assert not is_seeded(other)
    seed_marketplace(other, PRODUCTS, progress=lambda line: None)
    assert _snapshot(other) == _snapshot(seeded.engine)


def test_a_tiny_seed_still_has_the_demo_catalogue(fresh_engines):
    engine = fresh_engines()
    summary = seed_marketplace(engine, 0, progress=lambda line: None)
    assert summary.listings == _count(engine, Listing) == 8
    assert summary.seller_firms == 40
    firms = _all(engine, select(SellerFirm))
    assert 0.10 <= sum(f.women_owned for f in firms) / len(firms) <= 0.15


@pytest.mark.parametrize("fresh_engines", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_rows_made_after_the_seed_get_ids_of_their_own(fresh_engines):
    """The seed writes its ids itself; on PostgreSQL the id sequences must then move past
    them, or the first firm or user the marketplace adds would collide with a seeded one."""
    engine = fresh_engines()
    seed_marketplace(engine, 0, progress=lambda line: None)
    with engine.begin() as conn:
        firm = conn.execute(insert(SellerFirm).values(
            name="Naya Traders", mse_class="none", udyam_number=None, nature="trader", state="Delhi",
            district="New Delhi")).inserted_primary_key[0]
        user = conn.execute(insert(User).values(
            username="naya-seller", display_name="Naya", password_hash="-", role="seller", seller_firm_id=firm,
            active=True, created_at=datetime(2026, 11, 25, tzinfo=timezone.utc))).inserted_primary_key[0]
    assert firm == _count(engine, SellerFirm) and user == _count(engine, User)


def test_products_must_be_a_count(fresh_engines):
    engine = fresh_engines()
    for bad in (-1, 1.5, True, "10"):
        with pytest.raises(ValueError):
            seed_marketplace(engine, bad, progress=lambda line: None)
    assert not is_seeded(engine)
