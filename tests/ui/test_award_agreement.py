"""One bid, four readings of its award that must agree (issue 17): the marketplace server's
evaluation and the orders its award places, the desktop's evaluation view showing it, the
audit export (BID.json) evaluated again by the rules, and `gemdesk rules evaluate` run on
that file as an auditor runs it.

The bid exercises what issue 17 changed: two MSEs in the band share the 25% (PPP-MSE Order
2012 para 10; DoE manual para 1.10, 5(b)); L1 negotiates its price down, so one MSE is inside
the band only as opened (the manual's Note: the band on "the original L1 price"), and it
still matches the final L1 price; the Make in India supplier is in its margin but the MSE
preference prevails."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
import requests
from PySide6.QtGui import QTextCursor, QTextTable

from app.ui.evaluation_view import EvaluationView
from domain.bid_json import bid_from_json, evaluation_json
from domain.evaluation import evaluate
from domain.money import paise_from_rupees
from domain.timefmt import iso_utc, parse_iso
from server.security import hash_password
from tests.client.conftest import ROOT, subprocess_env
from tests.ui.conftest import PASSWORD


@pytest.fixture
def server_env() -> dict[str, str]:
    return {"GEMDESK_SERVER_TEST_CLOCK": "1"}


class Api:
    def __init__(self, server, username: str) -> None:
        self.url, self.http = server.url + "/api/v1", requests.Session()
        token = self.http.post(f"{self.url}/auth/login", json={"username": username, "password": PASSWORD})
        assert token.ok, token.text
        self.http.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

    def call(self, method: str, path: str, body=None, version: int | None = None) -> dict:
        headers = {"If-Match": str(version)} if version is not None else {}
        answer = self.http.request(method, self.url + path, json=body, headers=headers, timeout=30)
        assert answer.ok, answer.text
        return answer.json()


def _sellers(server) -> dict[str, int]:
    """Users for a large trader (L1), two MSE manufacturers and a large Class-I manufacturer."""
    picks = {"trader": ("mse_class = 'none' AND nature = 'trader'", 0),
             "mse-1": ("mse_class IN ('micro', 'small') AND nature = 'manufacturer'", 0),
             "mse-2": ("mse_class IN ('micro', 'small') AND nature = 'manufacturer'", 1),
             "maker": ("mse_class IN ('medium', 'none') AND nature = 'manufacturer'", 0)}
    firms = {}
    for username, (where, skip) in picks.items():
        firm = server.query(f"SELECT id FROM seller_firms WHERE {where} ORDER BY id LIMIT 1 OFFSET {skip}")[0][0]
        server.execute("INSERT INTO users (username, display_name, password_hash, role, seller_firm_id, active, "
                       "created_at) VALUES (:u, :u, :p, 'seller', :f, :a, '2026-01-01 00:00:00')",
                       u=username, p=hash_password(PASSWORD), f=firm, a=True)
        firms[username] = firm
    return firms


def _shown_awards(view: EvaluationView) -> list[tuple[str, str, int, int, str]]:
    """The award table as the desktop shows it: (seller, item, quantity, unit price, rule) per row."""
    document = view.view.document()
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]

    def cell(table: QTextTable, row: int, column: int) -> str:
        found = table.cellAt(row, column)
        cursor = found.firstCursorPosition()
        cursor.setPosition(found.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    [award] = [t for t in tables if [cell(t, 0, c) for c in range(t.columns())][-2:] == ["Rule", "Why"]]
    rules = {"L1": "L1", "MSE price match": "MSE_MATCH", "Make in India price match": "MII_MATCH"}
    return [(cell(award, row, 0), cell(award, row, 1), int(cell(award, row, 2).replace(",", "")),
             paise_from_rupees(cell(award, row, 3).removeprefix("Rs ")), rules[cell(award, row, 5)])
            for row in range(1, award.rows())]


def _lines(awards: list[dict]) -> list[tuple[str, str, int, int, str]]:
    return [(a["seller"], a["item"], a["quantity"], a["unit_price_paise"], a["rule"]) for a in awards]


def test_server_desktop_audit_export_and_command_line_give_the_same_award(qtbot, server, tmp_path):
    firms = _sellers(server)
    alias = {name: f"S{firm}" for name, firm in firms.items()}
    buyer, approver, admin = Api(server, "demo-buyer"), Api(server, "demo-approver"), Api(server, "demo-admin")
    sellers = {name: Api(server, name) for name in firms}
    category = server.query("SELECT id FROM categories c WHERE NOT EXISTS "
                            "(SELECT 1 FROM categories k WHERE k.parent_id = c.id) ORDER BY id LIMIT 1")[0][0]
    now = parse_iso(buyer.call("GET", "/time")["now"])
    bid_id = str(uuid.uuid4())
    bid = buyer.call("PUT", f"/bids/{bid_id}", {
        "title": "Steel almirahs for the District Hospital stores", "min_offers": 1,
        "items": [{"id": "1", "name": "Steel almirah, 6 shelves", "category_id": category, "key_specs": {},
                   "consignees": [{"district": "Raipur", "quantity": 40, "delivery_days": 30}]}],
        "estimated_value_paise": 40 * 18_000_00, "end_at": iso_utc(now + timedelta(days=11))})
    bid = buyer.call("POST", f"/bids/{bid_id}/send-for-approval", version=bid["version"])
    bid = approver.call("POST", f"/bids/{bid_id}/approve", {"remark": "ok"}, version=bid["version"])
    for name, price, local in (("trader", 17_000_00, 10), ("mse-1", 18_500_00, 30), ("mse-2", 18_800_00, 30),
                               ("maker", 19_000_00, 60)):
        sellers[name].call("PUT", f"/bids/{bid_id}/offers/{uuid.uuid4()}", {
            "local_content_pct": local, "items": {"1": {"unit_price_paise": price, "listing_id": None, "compliance": {}}}})
    until_open = parse_iso(bid["end_at"]) + timedelta(minutes=31) - parse_iso(buyer.call("GET", "/time")["now"])
    admin.call("POST", "/test/clock", {"advance_seconds": int(until_open.total_seconds())})

    # L1 (the trader) negotiates down to Rs 16,000: MSE 1's Rs 18,500 is within 15% of the
    # Rs 17,000 opened (Rs 19,550), not of Rs 16,000 (Rs 18,400); both MSEs stay invited.
    bid = buyer.call("GET", f"/bids/{bid_id}")
    asked = buyer.call("POST", f"/bids/{bid_id}/negotiations", {"lot": "all"}, version=bid["version"])
    sellers["trader"].call("POST", f"/bids/{bid_id}/negotiations/{asked['negotiation']['id']}/answer",
                           {"prices": {"1": 16_000_00}})
    for name in ("mse-1", "mse-2"):
        sellers[name].call("POST", f"/bids/{bid_id}/matches/all", {"accept": True})

    # 1. The server's evaluation, and the orders its award places.
    served = buyer.call("GET", f"/bids/{bid_id}/evaluation")
    expected = [(alias["trader"], "1", 30, 16_000_00, "L1"), (alias["mse-1"], "1", 5, 16_000_00, "MSE_MATCH"),
                (alias["mse-2"], "1", 5, 16_000_00, "MSE_MATCH")]
    assert _lines(served["evaluation"]["awards"]) == expected
    assert served["evaluation"]["lots"][0]["mii_band"]["outcome"] == "mse_prevails"

    # 2. The desktop's evaluation view, read back from the table it draws.
    view = EvaluationView()
    qtbot.addWidget(view)
    view.show_evaluation(served["evaluation"])
    assert [(s, "1" if i == "Steel almirah, 6 shelves" else i, q, p, r) for s, i, q, p, r in _shown_awards(view)] \
        == expected

    # 3. The audit export: BID.json, with the opening and final prices, evaluated by the rules.
    exported = buyer.call("GET", f"/bids/{bid_id}/audit-export")
    trader = next(o for o in exported["offers"] if o["seller"] == alias["trader"])
    assert (trader["opened_unit_prices_paise"], trader["unit_prices_paise"]) == ({"1": 17_000_00}, {"1": 16_000_00})
    assert _lines(evaluation_json(evaluate(*bid_from_json(exported)))["awards"]) == expected

    # 4. `gemdesk rules evaluate` on the exported file, as an auditor runs it.
    path = tmp_path / "BID.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "app", "rules", "evaluate", str(path)], env=subprocess_env(),
                             cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(checked.stdout)["awards"] == served["evaluation"]["awards"]

    bid = buyer.call("GET", f"/bids/{bid_id}")
    orders = buyer.call("POST", f"/bids/{bid_id}/award", version=bid["version"])["orders"]
    placed = sorted((f"S{o['seller_id']}", line["item"], line["quantity"], line["unit_price_paise"], line["rule"])
                    for o in orders for line in o["lines"])
    assert placed == sorted(expected)
