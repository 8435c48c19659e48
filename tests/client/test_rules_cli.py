"""`gemdesk rules` as an auditor runs it: the real command in a subprocess, JSON out, and one
sentence naming the field (exit code 2, never a traceback) for bad input."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from tests.client.conftest import ROOT, subprocess_env

EXAMPLE = ROOT / "docs" / "examples" / "bid.json"


def gemdesk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], env=subprocess_env(), cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=60)


def advise(*args: str) -> dict:
    done = gemdesk("rules", "advise", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def refused(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    return done.stderr.strip()


# --- advise -------------------------------------------------------------------------------


def test_advise_names_the_routes_and_the_order_behind_each_limit():
    advice = advise("--value", "5,00,000", "--date", "2019-04-02")
    assert advice["value_paise"] == 5_00_000_00 and advice["value_text"] == "Rs 5,00,000.00"
    assert advice["allowed"] == ["l1_purchase", "bid", "reverse_auction"]
    assert advice["bid_or_auction_required"] is False
    routes = {route["route"]: route for route in advice["routes"]}
    assert routes["direct_purchase"]["allowed"] is False
    assert routes["direct_purchase"]["limit_paise"] == 25_000_00
    assert routes["l1_purchase"]["limit_text"] == "Rs 5,00,000.00"
    assert {route["order"] for route in advice["routes"]} == {"OM F.1/26/2018-PPD, 2 Apr 2019"}
    assert advice["rule_set"]["in_force_from"] == "2019-04-02"
    assert advice["rule_set"]["in_force_until"] == "2024-07-09"
    assert advice["rule_set"]["min_bid_days"] == 10


def test_advise_one_paisa_above_the_l1_limit_requires_a_bid_or_auction():
    advice = advise("--value", "500000.01", "--date", "2019-04-02")
    assert advice["allowed"] == ["bid", "reverse_auction"]
    assert advice["bid_or_auction_required"] is True


def test_advise_applies_the_automobile_limit_by_category():
    advice = advise("--value", "25,00,000", "--date", "2023-01-15", "--category", "automobiles")
    assert advice["category_limit"] == "automobiles"
    assert advice["allowed"] == ["l1_purchase", "bid", "reverse_auction"]
    assert advise("--value", "25,00,000", "--date", "2023-01-15")["allowed"] == ["bid", "reverse_auction"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--value", "5 lakh", "--date", "2024-08-01"), "--value: '5 lakh' is not an amount in rupees"),
        (("--value", "0", "--date", "2024-08-01"), "--value: the value must be above zero"),
        (("--value", "100.001", "--date", "2024-08-01"), "--value: '100.001' is not an amount in rupees"),
        (("--value", "1000", "--date", "01/08/2024"), "--date: '01/08/2024' is not a date; write it as YYYY-MM-DD"),
        (("--value", "1000", "--date", "2017-03-07"), "--date: No buying-mode rules are known for 7 Mar 2017"),
        (("--value", "1000", "--date", "2024-08-01", "--jurisdiction", "odisha"),
         "--jurisdiction: No buying-mode rules are registered for 'odisha' (registered: central)"),
        (("--value", "1000", "--date", "2024-08-01", "--jurisdiction", "central", "--ministry-or-state", "Goa"),
         "not allowed with argument"),
        (("--date", "2024-08-01"), "the following arguments are required: --value"),
    ],
)
def test_advise_refuses_bad_input_naming_the_field(args, message):
    assert message in refused(gemdesk("rules", "advise", *args))


def test_advise_follows_the_buyer_organisations_jurisdiction_and_says_when_central_was_used():
    # A department of the Chhattisgarh government: no state rule set is registered, so the
    # central one is used, and the answer says so. A central ministry's office: central rules.
    state = advise("--value", "4,50,000", "--date", "2019-04-02", "--ministry-or-state", "Chhattisgarh")
    assert state["rule_set"]["id"] == "central/2019-04-02"
    assert state["jurisdiction"] == {
        "used": "central", "ministry_or_state": "Chhattisgarh", "central_for_want_of_state_rules": True,
        "reason": "No buying-mode rules of Chhattisgarh are registered, so the central rules (GFR 2017 Rule 149, "
                  "as amended) were used."}
    ministry = advise("--value", "4,50,000", "--date", "2019-04-02", "--ministry-or-state", "Ministry of Railways")
    assert ministry["jurisdiction"]["used"] == "central"
    assert ministry["jurisdiction"]["central_for_want_of_state_rules"] is False
    # Names compare case-blind.
    assert advise("--value", "4,50,000", "--date", "2019-04-02", "--jurisdiction", "CENTRAL")["allowed"] == \
        state["allowed"]


def test_advise_lists_the_registered_rule_sets():
    listed = advise("--jurisdiction", "List")
    [central] = listed["jurisdictions"]
    assert central["jurisdiction"] == "central"
    assert [s["in_force_from"] for s in central["rule_sets"]] == ["2017-03-08", "2019-04-02", "2024-07-10"]
    assert central["rule_sets"][1]["order"]["citation"] == "OM F.1/26/2018-PPD, 2 Apr 2019"


# --- evaluate -----------------------------------------------------------------------------


def test_evaluate_the_example_bid():
    done = gemdesk("rules", "evaluate", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["bid"]["number"] == "GEM/2025/B/6240187"
    assert result["bid"]["buyer"]["state"] == "Chhattisgarh"
    [lot] = result["lots"]
    assert (lot["lot"], lot["l1"], lot["l1_price_paise"]) == ("all", "S1", 10_68_000_00)
    assert [r["seller"] for r in lot["ranking"]] == ["S1", "S4", "S6", "S2", "S3", "S5"]
    # Two MSE manufacturers in the band (Order 2012 para 10): invited together, they share the 25%.
    assert lot["mse_band"]["in_band"] == ["S6", "S2"]
    assert lot["mse_band"]["not_eligible"][0]["seller"] == "S4"  # an MSE, but a trader
    assert lot["mse_band"]["matched"] == ["S6", "S2"]
    assert (lot["mse_band"]["limit_paise"], lot["mse_band"]["limit_rounded_for_display"]) == (12_28_200_00, True)
    assert lot["mii_band"]["in_band"] == ["S2", "S3"]
    assert lot["mii_band"]["outcome"] == "mse_prevails"
    awards = [(a["seller"], a["item"], a["quantity"], a["unit_price_paise"], a["rule"]) for a in result["awards"]]
    assert awards == [
        ("S1", "BED", 30, 21_500_00, "L1"),
        ("S6", "BED", 5, 21_500_00, "MSE_MATCH"),
        ("S2", "BED", 5, 21_500_00, "MSE_MATCH"),
        ("S1", "LOCKER", 30, 5_200_00, "L1"),
        ("S6", "LOCKER", 5, 5_200_00, "MSE_MATCH"),
        ("S2", "LOCKER", 5, 5_200_00, "MSE_MATCH"),
    ]
    assert result["awards"][1]["total_text"] == "Rs 1,07,500.00"
    assert result["by_seller"] == [
        {"seller": "S1", "total_paise": 8_01_000_00, "total_text": "Rs 8,01,000.00"},
        {"seller": "S2", "total_paise": 1_33_500_00, "total_text": "Rs 1,33,500.00"},
        {"seller": "S6", "total_paise": 1_33_500_00, "total_text": "Rs 1,33,500.00"},
    ]
    assert result["total_paise"] == 10_68_000_00
    assert result["bid"]["estimated_value_paise"] == 11_20_000_00 and result["notices"] == []


def test_the_readme_shows_the_examples_real_notes_and_awards():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    result = json.loads(gemdesk("rules", "evaluate", str(EXAMPLE)).stdout)
    for note in result["lots"][0]["notes"]:
        assert note in readme
    for line in result["awards"]:
        assert line["reason"] in readme


def test_evaluate_reads_standard_input_and_records_declines():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["declined"] = [{"seller": "S2"}, {"seller": "S6", "lot": "all"}]
    done = gemdesk("rules", "evaluate", "-", stdin=json.dumps(data))
    assert done.returncode == 0, done.stderr
    [lot] = json.loads(done.stdout)["lots"]
    assert lot["mse_band"]["declined"] == ["S6", "S2"] and lot["mse_band"]["matched"] == []
    # S2 declined every match in the lot, so the Make in India half goes to S3 (PPP-MII Order
    # 2017, rev. 2020, para 3A(b): the next Class-I supplier in the margin).
    assert lot["mii_band"]["invited"] == ["S2", "S3"] and lot["mii_band"]["matched"] == ["S3"]
    assert lot["declined"] == ["S6", "S2"]


def test_evaluate_an_older_bid_json_without_the_estimated_value_or_opening_prices():
    # PPP-MII Order 2017 (revised 16 Sep 2020) para 4 exempts purchases below Rs 5 lakh; a
    # BID.json without the estimated value is still read, the margin applied, and it says so.
    def older(d):
        d["bid"].pop("estimated_value_paise")
        d["declined"] = [{"seller": "S2"}, {"seller": "S6"}]
    result = json.loads(gemdesk("rules", "evaluate", "-", stdin=mutated(older)).stdout)
    assert [n["code"] for n in result["notices"]] == ["mii_estimated_value_not_given"]
    assert "was not given" in result["notices"][0]["note"]
    assert result["lots"][0]["mii_band"]["matched"] == ["S3"]

    def small(d):
        d["bid"]["estimated_value_paise"] = 4_99_999_99
        d["declined"] = [{"seller": "S2"}, {"seller": "S6"}]
    result = json.loads(gemdesk("rules", "evaluate", "-", stdin=mutated(small)).stdout)
    assert result["notices"][0]["code"] == "mii_exempt_small_purchase"
    assert result["lots"][0]["mii_band"]["outcome"] == "exempt_small_purchase"
    assert [a["seller"] for a in result["awards"]] == ["S1", "S1"]


def mutated(change) -> str:
    data = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["bid"].pop("number"), "bid.number: is required (text)"),
        (lambda d: d["bid"]["items"][0].update(quantity="40"), 'bid.items[0].quantity: must be a whole number, not "40"'),
        (lambda d: d["bid"]["items"][0].update(quantity=0), "bid.items[0].quantity: must be a whole number of units, at least 1"),
        (lambda d: d["bid"].update(method="cheapest"), "bid.method: must be one of total_value | item_wise | group_wise"),
        (lambda d: d["bid"]["mse_preference"].update(share_pb=2500), "bid.mse_preference.share_pb: is not a field here"),
        (lambda d: d["bid"]["mii_preference"].update(margin_bp=20.0), "bid.mii_preference.margin_bp: must be a whole number"),
        (lambda d: d["offers"][1].update(nature="reseller"), "offers[1].nature: must be one of manufacturer"),
        (lambda d: d["offers"][2].update(submitted_at="last Tuesday"), "offers[2].submitted_at: 'last Tuesday' is not an ISO 8601"),
        (lambda d: d["offers"][0]["unit_prices_paise"].update(BED=21500.5), "offers[0].unit_prices_paise.BED: must be a whole number of paise"),
        (lambda d: d["offers"][0]["unit_prices_paise"].update(TABLE=100), "offers[0].unit_prices_paise.TABLE: is not an item of this bid"),
        (lambda d: d["offers"][3].update(seller="S1"), "offers[3].seller: 'S1' has two offers"),
        (lambda d: d["bid"].update(estimated_value_paise="11 lakh"), "bid.estimated_value_paise: must be a whole number"),
        (lambda d: d["offers"][0].update(opened_unit_prices_paise={"BED": 1}),
         "offers[0].opened_unit_prices_paise: must quote the same items as unit_prices_paise"),
        (lambda d: d.update(declined=[{"seller": "S9"}]), "declined[0].seller: 'S9' made no offer"),
        (lambda d: d.update(declined=[{"seller": "S2", "lot": "BED"}]), "declined[0].lot: 'BED' is not a lot of this bid (all)"),
        (lambda d: d.pop("offers"), "offers: is required (a list)"),
    ],
)
def test_evaluate_refuses_bad_input_naming_the_field(change, message):
    message_seen = refused(gemdesk("rules", "evaluate", "-", stdin=mutated(change)))
    assert message_seen.startswith("-: ")
    assert message in message_seen


def test_evaluate_refuses_a_missing_file_and_broken_json(tmp_path):
    missing = tmp_path / "nope.json"
    assert f"{missing}: cannot be read" in refused(gemdesk("rules", "evaluate", str(missing)))
    broken = tmp_path / "broken.json"
    broken.write_text('{"bid": {', encoding="utf-8")
    assert f"{broken}: not valid JSON (line 1, column 10" in refused(gemdesk("rules", "evaluate", str(broken)))
    assert "the file: must be a JSON object" in refused(gemdesk("rules", "evaluate", "-", stdin="[1, 2]"))


def test_rules_without_a_command_says_which_exist():
    done = gemdesk("rules")
    assert done.returncode == 2
    assert "advise,evaluate" in done.stderr


def test_evaluate_a_group_wise_bid_and_a_bad_group():
    def group_wise(d):
        d["bid"]["method"] = "group_wise"
        d["bid"]["groups"] = [{"id": "BEDS", "items": ["BED"]}, {"id": "LOCKERS", "items": ["LOCKER"]}]
        d["offers"][4]["unit_prices_paise"]["LOCKER"] = 500000  # S5 is now the cheapest for lockers
    done = gemdesk("rules", "evaluate", "-", stdin=mutated(group_wise))
    assert done.returncode == 0, done.stderr
    beds, lockers = json.loads(done.stdout)["lots"]
    assert (beds["lot"], beds["l1"], lockers["lot"], lockers["l1"]) == ("BEDS", "S1", "LOCKERS", "S5")

    def unplaced(d):
        d["bid"]["method"] = "group_wise"
        d["bid"]["groups"] = [{"id": "BEDS", "items": ["BED", 7]}]
    assert "bid.groups[0].items[1]: must be an item id" in refused(gemdesk("rules", "evaluate", "-", stdin=mutated(unplaced)))
