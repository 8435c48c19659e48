"""`gemdesk rules`: re-check a buying decision from exported data, without the app.

    gemdesk rules advise --value RUPEES --date YYYY-MM-DD [--category C]
                         [--ministry-or-state NAME | --jurisdiction J]
    gemdesk rules advise --jurisdiction list   (the registered rule sets)
    gemdesk rules evaluate BID.json            (or - to read the bid from standard input)

Both print JSON on standard output: the routes GFR 2017 Rule 149 allows for a purchase, each
with the order behind its limit (domain/buying_modes.py); or a bid's full evaluation, with
L1, the preference bands, who was invited and who declined, and every award line with the
rule behind it (domain/evaluation.py). Whose rules: `--jurisdiction` names them; otherwise the
buyer organisation's (`--ministry-or-state`, its "Ministry/State" as on GeM and the bid
document): a state's department gets its state's rule set where one is registered, and the
answer says when none is and the central one was used; otherwise the central rules. Names
compare case-blind. Money is integer paise (`..._paise`), with the same
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
    Jurisdiction,
    NoJurisdiction,
    NoRuleSet,
    PurchaseError,
    RuleSet,
    advise,
    default_rule_book,
    jurisdiction_key,
    jurisdiction_of,
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
    advice.add_argument("--value", metavar="RUPEES", help="estimated value in rupees, e.g. 4,50,000 (required)")
    advice.add_argument("--date", metavar="YYYY-MM-DD", help="the date of the purchase (required)")
    advice.add_argument("--category", default=None, help="the category, where it has its own limit (e.g. automobiles)")
    whose = advice.add_mutually_exclusive_group()
    whose.add_argument("--ministry-or-state", metavar="NAME", default=None,
                       help="the buyer organisation's Ministry/State on GeM: a state's own rules where registered")
    whose.add_argument("--jurisdiction", default=None,
                       help="whose rules, by name (default: the buyer organisation's, else central); "
                            "'list' prints the registered rule sets")
    advice.set_defaults(run=cmd_advise, parser=advice)

    evaluation = which.add_parser("evaluate", help="evaluate a bid's offers from its exported JSON")
    evaluation.add_argument("bid_file", metavar="BID.json", help="the bid and its offers (- reads standard input)")
    evaluation.set_defaults(run=cmd_evaluate)


def cmd_advise(args: argparse.Namespace) -> int:
    rules = default_rule_book()
    if args.jurisdiction is not None and jurisdiction_key(args.jurisdiction) == "list":
        _print(rule_book_json(rules))
        return 0
    missing = [name for name, given in (("--value", args.value), ("--date", args.date)) if given is None]
    if missing:
        args.parser.error(f"the following arguments are required: {', '.join(missing)}")  # exits 2, as argparse does
    if args.jurisdiction is not None:
        whose = Jurisdiction(jurisdiction_key(args.jurisdiction), None, False,
                             f"The rules of {args.jurisdiction}, as asked (--jurisdiction).")
    else:
        whose = jurisdiction_of(args.ministry_or_state, rules)
    try:
        value = _value(args.value)
        on = _date(args.date)
        advice = advise(value, on, args.category, jurisdiction=whose.name, rules=rules)
    except InputError as error:
        return _refuse(str(error))
    except NoJurisdiction as error:
        return _refuse(f"--jurisdiction: {error} See them with: gemdesk rules advise --jurisdiction list")
    except (NoRuleSet, PurchaseError) as error:
        return _refuse(f"--date: {error}" if isinstance(error, NoRuleSet) else f"--value: {error}")
    _print({**advice_json(advice), "jurisdiction": _jurisdiction_json(whose)})
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


def _jurisdiction_json(whose: Jurisdiction) -> dict[str, Any]:
    return {"used": whose.name, "ministry_or_state": whose.buyer, "central_for_want_of_state_rules":
            whose.state_without_rules, "reason": whose.reason}


def rule_book_json(rules: Any) -> dict[str, Any]:
    """Every registered jurisdiction with its rule sets, oldest first (`--jurisdiction list`)."""
    return {"jurisdictions": [{"jurisdiction": name, "rule_sets": [_rule_set_json(s) for s in rules.rule_sets(name)]}
                              for name in rules.jurisdictions()]}


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


