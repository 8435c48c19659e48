"""The audit trail cannot count sealed offers (issue 14, finding 1), and still verifies
whole once the bid has opened: offers' events live in the bid's own sealed chain, the main
trail moves by one event per bid at its close whatever the bid holds, and from the opening
the chain is read and checked against that event."""

from __future__ import annotations

from datetime import datetime, timedelta

from server.db.trail import GENESIS_HASH, canonical_json, sealed_commitment, sha256_hex
from tests.server.test_bids import _error, p  # noqa: F401 (p is the fixture)


def _trail(p) -> list[dict]:
    return p.client.get("/api/v1/audit", params={"limit": 5000}, headers=p.h("admin")).json()["events"]


def _main_hash(previous: str, event: dict) -> str:
    body = {k: event[k] for k in ("at", "actor_user_id", "actor_username", "actor_role", "actor_org", "action",
                                  "entity_type", "entity_id", "digest")}
    return sha256_hex(previous + canonical_json(body))


def _verify_main(events: list[dict]) -> None:
    """As an auditor would: consecutive ids, each event linked to the one before, from genesis."""
    previous = GENESIS_HASH
    for n, event in enumerate(events):
        assert event["id"] == events[0]["id"] + n, "a gap in the ids"
        assert event["prev_hash"] == previous and event["hash"] == _main_hash(previous, event), event
        previous = event["hash"]


def test_sealed_offers_move_nothing_in_the_main_trail_and_their_chain_verifies_after_opening(p):
    quiet, busy = p.published(min_offers=1), p.published(min_offers=1)
    before = _trail(p)
    _verify_main(before)
    for user, price in (("seller-c", 70_000), ("seller-b", 75_000), ("seller-d", 80_000)):
        assert p.offer(user, busy, price).status_code == 200
    mine = p.get("seller-b", busy, "/my-offer").json()
    assert p.client.post(f"/api/v1/bids/{busy['id']}/offers/{mine['id']}/withdraw", headers=p.h("seller-b")).status_code == 200
    assert p.offer("seller-b", busy, 74_000, offer_id=mine["id"]).status_code == 200
    assert p.offer("seller-c", busy, 69_000, offer_id=p.get("seller-c", busy, "/my-offer").json()["id"]).status_code == 200
    # Six offer writes, and the trail is exactly as it was: no event, no id taken, no hash moved.
    assert _trail(p) == before
    # The next change anyone makes follows the last visible event with no gap in ids or hashes.
    p.market.create()
    after = _trail(p)
    assert after[:-1] == before and after[-1]["id"] == before[-1]["id"] + 1
    assert after[-1]["prev_hash"] == before[-1]["hash"]
    # Before the opening, the sealed chain cannot be read, in the same words for both bids.
    answers = [p.client.get(f"/api/v1/audit/sealed/{bid['id']}", headers=p.h("admin")) for bid in (quiet, busy)]
    assert [a.status_code for a in answers] == [409, 409]
    assert answers[0].json() == answers[1].json() and answers[0].json()["error"]["code"] == "sealed"

    # The close puts one event per bid in the main trail, alike whatever the bid holds (the
    # quiet one, with no offer, is extended first: the one signal the rules make public).
    end = datetime.fromisoformat(busy["end_at"].replace("Z", "+00:00"))
    p.step(end)
    p.step(end + timedelta(minutes=30))
    p.step(end + timedelta(days=7))
    p.step(end + timedelta(days=7, minutes=30))
    closes = [e for e in _trail(p) if e["action"] == "offers.sealed_chain_closed"]
    assert [e["entity_id"] for e in closes] == [f"bid:{b['id']}" for b in (busy, quiet)]
    assert {e["actor_username"] for e in closes} == {"system"}
    _verify_main(_trail(p))

    # From the opening the busy bid's chain reads, links from genesis, and matches the close.
    chain = p.client.get(f"/api/v1/audit/sealed/{busy['id']}", headers=p.h("admin")).json()
    assert chain["chain"] == f"bid:{busy['id']}" and chain["length"] == 6
    assert [e["action"] for e in chain["events"]] == ["offer.submitted"] * 3 + ["offer.withdrawn", "offer.resubmitted",
                                                                                "offer.revised"]
    previous = GENESIS_HASH
    for seq, event in enumerate(chain["events"], start=1):
        body = {k: event[k] for k in ("chain", "seq", "at", "actor_user_id", "actor_username", "actor_role",
                                      "actor_org", "action", "entity_type", "entity_id", "digest")}
        assert event["seq"] == seq and event["prev_hash"] == previous
        assert event["hash"] == sha256_hex(previous + canonical_json(body))
        previous = event["hash"]
    assert chain["head"] == previous
    assert chain["closed_by"]["digest"] == sealed_commitment(chain["chain"], 6, previous)
    # The quiet bid's chain is empty, and its close says so just as verifiably.
    empty = p.client.get(f"/api/v1/audit/sealed/{quiet['id']}", headers=p.h("admin")).json()
    assert empty["events"] == [] and empty["closed_by"]["digest"] == sealed_commitment(empty["chain"], 0, GENESIS_HASH)
    _verify_main(_trail(p))
    # After the opening, what is done to offers is in the main trail like any change.
    assert p.get("buyer", busy, "/offers").status_code == 200


def test_a_cancelled_bids_offers_stay_sealed_and_its_chain_is_closed(p):
    bid = p.published()
    assert p.offer("seller-c", bid, 70_000).status_code == 200
    before = _trail(p)
    cancelled = p.post("buyer", p.get("buyer", bid).json(), "cancel", {"remark": "Budget withdrawn"})
    assert cancelled.status_code == 200, cancelled.text
    added = _trail(p)[len(before):]
    assert [e["action"] for e in added] == ["bid.cancelled", "offers.sealed_chain_closed"]
    _error(p.client.get(f"/api/v1/audit/sealed/{bid['id']}", headers=p.h("admin")), 409, "sealed")
    _error(p.client.get(f"/api/v1/audit/sealed/{bid['id']}", headers=p.h("buyer")), 403, "forbidden")
