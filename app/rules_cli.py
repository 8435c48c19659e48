"""`gemdesk rules`: re-check a buying decision from exported data, without the app.

    gemdesk rules advise --value RUPEES --date YYYY-MM-DD [--category C] [--jurisdiction J]
    gemdesk rules evaluate BID.json            (or - to read the bid from standard input)

Both print JSON on standard output: the routes GFR 2017 Rule 149 allows for a purchase, each
with the order behind its limit (domain/buying_modes.py); or a bid's full evaluation, with
L1, the preference bands, who was invited and who declined, and every award line with the
rule behind it (domain/evaluation.py). Money is integer paise (`..._paise`), with the same
amount in words for people beside it (`..._text`, "Rs 2,15,000.00"); percentages are basis
points (15% = 1500). Bad input gets one sentence naming the field, and exit code 2.

BID.json: the format is described in domain/bid_json.py (and docs/examples/bid.json).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from domain.buying_modes import (
    ROUTE_NAMES,
    Advice,
    NoRuleSet,
    PurchaseError,
    RuleSet,
    advise,
)
from domain.bid_json import InputError, bid_from_json, evaluation_json, money_json
from domain.evaluation import BidError, evaluate
from domain.money import MoneyError, paise_from_rupees

BAD_INPUT = 2


# --- the commands -------------------------------------------------------------------------


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add `rules` and its two commands to gemdesk's command line."""
    rules = commands.add_parser("rules", help="check a purchase or a bid's evaluation against the procurement rules")
    which = rules.add_subparsers(dest="rules_command", required=True, metavar="{advise,evaluate}")

    advice = which.add_parser("advise", help="the buying routes GFR 2017 Rule 149 allows for a value on a date")
    advice.add_argument("--value", required=True, metavar="RUPEES", help="estimated value in rupees, e.g. 4,50,000")
    advice.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the date of the purchase")
    advice.add_argument("--category", default=None, help="the category, where it has its own limit (e.g. automobiles)")
    advice.add_argument("--jurisdiction", default="central", help="whose rules (default: central)")
    advice.set_defaults(run=cmd_advise)

    evaluation = which.add_parser("evaluate", help="evaluate a bid's offers from its exported JSON")
    evaluation.add_argument("bid_file", metavar="BID.json", help="the bid and its offers (- reads standard input)")
    evaluation.set_defaults(run=cmd_evaluate)


def cmd_advise(args: argparse.Namespace) -> int:
    try:
        value = _value(args.value)
        on = _date(args.date)
        advice = advise(value, on, args.category, jurisdiction=args.jurisdiction)
    except InputError as error:
        return _refuse(str(error))
    except (NoRuleSet, PurchaseError) as error:
        return _refuse(f"--date: {error}" if isinstance(error, NoRuleSet) else f"--value: {error}")
    _print(advice_json(advice))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    name = args.bid_file
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _refuse(f"{name}: cannot be read ({getattr(error, 'strerror', None) or error}).")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return _refuse(f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}).")
    try:
        bid, offers, declines = bid_from_json(data)
        result = evaluate(bid, offers, declines)
    except (InputError, BidError) as error:
        return _refuse(f"{name}: {error}")
    _print(evaluation_json(result, buyer=data["bid"].get("buyer")))
    return 0


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return BAD_INPUT


def _print(document: dict[str, Any]) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _value(text: str) -> int:
    try:
        paise = paise_from_rupees(text)
    except MoneyError:
        problem = f"{text!r} is not an amount in rupees; write it like 450000 or 4,50,000.00"
        raise InputError("--value", problem) from None
    if paise <= 0:
        raise InputError("--value", "the value must be above zero")
    return paise


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("--date", f"{text!r} is not a date; write it as YYYY-MM-DD") from None


# --- JSON out -----------------------------------------------------------------------------


def _rule_set_json(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "id": rule_set.id,
        "jurisdiction": rule_set.jurisdiction,
        "in_force_from": rule_set.in_force_from.isoformat(),
        "in_force_until": rule_set.in_force_until.isoformat() if rule_set.in_force_until else None,
        "order": {"reference": rule_set.order.reference, "title": rule_set.order.title,
                  "issued": rule_set.order.issued.isoformat(), "citation": rule_set.order.citation},
        **money_json("direct_limit", rule_set.direct_limit_paise),
        **money_json("l1_limit", rule_set.l1_limit_paise),
        "category_limits": [{"category": limit.name, "aliases": sorted(limit.aliases),
                             **money_json("l1_limit", limit.l1_limit_paise)} for limit in rule_set.category_limits],
        "min_bid_days": rule_set.min_bid_days,
    }


def advice_json(advice: Advice) -> dict[str, Any]:
    return {
        **money_json("value", advice.value_paise),
        "date": advice.on.isoformat(),
        "category": advice.category,
        "category_limit": advice.category_limit.name if advice.category_limit else None,
        "allowed": [route.value for route in advice.allowed],
        "bid_or_auction_required": advice.bid_or_auction_required,
        "routes": [
            {"route": option.route.value, "name": ROUTE_NAMES[option.route], "allowed": option.allowed,
             **money_json("limit", option.limit_paise), "order": option.order.citation, "reason": option.reason}
            for option in advice.routes
        ],
        "rule_set": _rule_set_json(advice.rule_set),
    }


