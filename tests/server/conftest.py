"""Server test fixtures: a small marketplace (offices, firms, users, categories, brands) in a
fresh migrated database, and a TestClient on the real app."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.timefmt import utc_now
from server.api.app import create_app
from server.config import Settings
from server.db.engine import Database
from server.db.models import Brand, BuyerOrg, Category, SellerFirm, User
from server.db.trail import SYSTEM, act_as
from server.security import hash_password

PASSWORD = "correct horse battery staple"
_PASSWORD_HASH = hash_password(PASSWORD)  # argon2 is slow: hash once for every test user

LAPTOP_PARAMS = [
    {"name": "ram_gb", "label_en": "RAM", "label_hi": "रैम", "kind": "number", "unit": "GB", "choices": []},
    {"name": "os", "label_en": "Operating system", "label_hi": "ऑपरेटिंग सिस्टम", "kind": "choice", "unit": "", "choices": ["Windows", "Linux"]},
]
CHAIR_PARAMS = [{"name": "material", "label_en": "Material", "label_hi": "सामग्री", "kind": "text", "unit": "", "choices": []}]


@dataclass
class Market:
    """The test marketplace: its database, app client and the ids of what it holds."""

    db: Database
    client: TestClient
    settings: Settings
    ids: dict[str, int] = field(default_factory=dict)
    _tokens: dict[str, dict[str, Any]] = field(default_factory=dict)

    def login(self, username: str, password: str = PASSWORD) -> dict[str, Any]:
        response = self.client.post("/api/v1/auth/login", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return response.json()

    def headers(self, username: str, **extra: str) -> dict[str, str]:
        """Bearer headers for a user (signed in once per test), plus any extra headers."""
        if username not in self._tokens:
            self._tokens[username] = self.login(username)
        return {"Authorization": f"Bearer {self._tokens[username]['access_token']}", **extra}

    def create(self, username: str = "seller-a", listing_id: str | None = None, key: str | None = None, **fields: Any):
        """PUT a listing; returns the response."""
        listing_id = listing_id or str(uuid.uuid4())
        body = listing_body(**{"category_id": self.ids["laptops"], **fields})
        return self.client.put(
            f"/api/v1/listings/{listing_id}",
            json=body,
            headers=self.headers(username, **{"Idempotency-Key": key or str(uuid.uuid4())}),
        )

    def patch(self, username: str, listing_id: str, version: int, body: dict[str, Any], key: str | None = None):
        return self.client.patch(
            f"/api/v1/listings/{listing_id}",
            json=body,
            headers=self.headers(username, **{"If-Match": str(version), "Idempotency-Key": key or str(uuid.uuid4())}),
        )

    def retire(self, username: str, listing_id: str, version: int):
        return self.client.post(
            f"/api/v1/listings/{listing_id}/retire",
            headers=self.headers(username, **{"If-Match": str(version), "Idempotency-Key": str(uuid.uuid4())}),
        )

    def decide(self, listing_id: str, version: int, approve: bool, reason: str | None = None, username: str = "admin"):
        verb = "approve" if approve else "reject"
        return self.client.post(
            f"/api/v1/listings/{listing_id}/{verb}",
            json={"reason": reason} if reason is not None else None,
            headers=self.headers(username, **{"If-Match": str(version)}),
        )

    def pull(self, username: str, cursor: str | None = None, limit: int = 1000, **filters: str) -> tuple[list[dict], str, list[dict]]:
        """Page the feed to the end; (changes, last cursor, sellers)."""
        changes: list[dict] = []
        sellers: list[dict] = []
        while True:
            params = {"limit": limit, **filters}
            if cursor:
                params["cursor"] = cursor
            response = self.client.get("/api/v1/changes", params=params, headers=self.headers(username))
            assert response.status_code == 200, response.text
            page = response.json()
            changes += page["changes"]
            sellers += page["sellers"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return changes, cursor, sellers


def listing_body(category_id: int, **overrides: Any) -> dict[str, Any]:
    body = {
        "category_id": category_id,
        "title": "Laptop 14 inch, 16 GB",
        "brand": "Dell",
        "model": "Latitude 5440",
        "key_specs": {"ram_gb": "16", "os": "Windows"},
        "other_specs": {"Warranty": "3 years"},
        "country_of_origin": "India",
        "local_content_pct": 55,
        "mrp_paise": 90_000_00,
        "price_paise": 72_500_00,
        "stock": 10,
        "min_order_qty": 1,
        "delivery_districts": ["Raipur", "Durg"],
        "delivery_pincodes": ["492001"],
        "images": [],
        "submit": True,
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not ...}


def build_world(db: Database) -> dict[str, int]:
    """Two offices' worth of users, two seller firms, a category tree and two brands."""
    now = utc_now()
    with db.writing() as session:
        act_as(session, SYSTEM, "test.setup")
        office = BuyerOrg(ministry_or_state="Chhattisgarh", department="Health", organisation="CMHO", office="Raipur", state="Chhattisgarh", district="Raipur")
        firm_a = SellerFirm(name="Raipur Computers Pvt Ltd", mse_class="micro", udyam_number="UDYAM-CG-14-0000001", women_owned=True, scst_owned=False, nature="trader", state="Chhattisgarh", district="Raipur")
        firm_b = SellerFirm(name="Durg Furniture Works", mse_class="small", udyam_number=None, women_owned=False, scst_owned=True, nature="manufacturer", state="Chhattisgarh", district="Durg")
        session.add_all([office, firm_a, firm_b])
        session.flush()
        root = Category(code="computers", name_en="Computers", name_hi="कंप्यूटर", key_params=[])
        session.add(root)
        session.flush()
        laptops = Category(parent_id=root.id, code="laptops", name_en="Laptops", name_hi="लैपटॉप", key_params=LAPTOP_PARAMS)
        chairs = Category(code="chairs", name_en="Office chairs", name_hi="कुर्सियाँ", key_params=CHAIR_PARAMS)
        session.add_all([laptops, chairs, Brand(name="Dell", registered=True), Brand(name="LocalCo", registered=False)])
        users = {
            "buyer": ("buyer", office.id, None),
            "approver": ("approver", office.id, None),
            "seller-a": ("seller", None, firm_a.id),
            "seller-a2": ("seller", None, firm_a.id),
            "seller-b": ("seller", None, firm_b.id),
            "admin": ("admin", None, None),
        }
        for name, (role, org, firm) in users.items():
            session.add(User(username=name, display_name=name.title(), password_hash=_PASSWORD_HASH, role=role,
                             buyer_org_id=org, seller_firm_id=firm, active=True, created_at=now))
        session.flush()
        return {"office": office.id, "firm_a": firm_a.id, "firm_b": firm_b.id, "computers": root.id,
                "laptops": laptops.id, "chairs": chairs.id}


@pytest.fixture
def settings(database_url, tmp_path) -> Settings:
    return Settings(data_dir=tmp_path, database_url_override=database_url)


@pytest.fixture
def db(settings):
    database = Database(settings.database_url)
    yield database
    database.dispose()


@pytest.fixture
def market(db, settings) -> Market:
    ids = build_world(db)
    with TestClient(create_app(settings, db)) as client:
        yield Market(db=db, client=client, settings=settings, ids=ids)
