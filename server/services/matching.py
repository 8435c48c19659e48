"""Invitations to match L1 under a purchase preference, and their deadlines.

domain/evaluation.py decides who is invited in each lot ("Invitations and answers"): every
eligible MSE in the band at once when the quantity can be split, one at a time (lowest first)
when it cannot, and for Make in India. The evaluation takes every invited seller that has not
declined as matching; this module keeps the server's side of it:
- each seller the evaluation invites gets an invitation with a deadline
  MATCH_INVITATION_HOURS later by the server's clock, when the evaluation first invites it in
  that lot (`invite`, after every evaluation of the bid);
- an invitation still unanswered at its deadline lapses (`lapse_due`: the scheduled step, and
  the award of its bid, whichever comes first): it counts as a decline
  and the bid is evaluated again, so neither the other sellers' shares nor the award wait for
  a slow answer beyond it; an answer after the deadline is refused (409 `invitation_lapsed`);
- a new L1 price (a negotiation round, the close of a reverse auction) clears the lot's
  answers and invitations (`clear`): the sellers are asked again at the new price, with a
  new deadline.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.bid_fields import MATCH_INVITATION_HOURS
from domain.timefmt import iso_utc, ist_text
from server.db.models import Bid, MatchInvitation, MatchResponse
from server.db.trail import SYSTEM, act_as
from server.errors import ApiError

OPEN, ANSWERED, LAPSED = "open", "answered", "lapsed"


def _firm(alias: str) -> int:
    return int(alias[1:])  # "S12" -> 12 (server/services/bids.py `_seller_alias`)


def matched(band: dict[str, Any] | None) -> list[str]:
    """A band's matching sellers; an evaluation stored before issue 17 named one, or None."""
    found = (band or {}).get("matched")
    return [found] if isinstance(found, str) else list(found or [])


def invited(evaluation: dict[str, Any]) -> list[tuple[str, str]]:
    """(seller alias, lot) of every seller the evaluation has matching L1: invited, and not
    declined (its acceptance awaited, or given)."""
    return [(seller, lot["lot"]) for lot in evaluation["lots"]
            for band in (lot["mse_band"], lot["mii_band"]) for seller in matched(band)]


def _rows(session: Session, bid: Bid) -> dict[tuple[int, str], MatchInvitation]:
    return {(row.seller_firm_id, row.lot): row
            for row in session.scalars(select(MatchInvitation).where(MatchInvitation.bid_id == bid.id))}


def _answers(session: Session, bid: Bid) -> dict[tuple[int, str], bool]:
    return {(row.seller_firm_id, row.lot): row.accepted
            for row in session.scalars(select(MatchResponse).where(MatchResponse.bid_id == bid.id))}


def invite(session: Session, bid: Bid, now: datetime) -> None:
    """After an evaluation: an invitation, with its deadline, for each seller newly invited;
    an open invitation the evaluation no longer makes is withdrawn."""
    rows, answers = _rows(session, bid), _answers(session, bid)
    wanted = {(_firm(alias), lot) for alias, lot in invited(bid.evaluation)}
    for key, row in rows.items():
        if row.status == OPEN and key not in wanted:
            session.delete(row)
    for firm, lot in sorted(wanted - set(rows) - set(answers)):
        session.add(MatchInvitation(bid_id=bid.id, seller_firm_id=firm, lot=lot, invited_at=now,
                                    due_at=now + timedelta(hours=MATCH_INVITATION_HOURS), status=OPEN))


def answered(session: Session, bid: Bid, firm: int, lot: str) -> None:
    row = session.get(MatchInvitation, (bid.id, firm, lot))
    if row is not None:
        row.status = ANSWERED


def clear(session: Session, bid: Bid, lot: str | None = None) -> None:
    """The answers and invitations of a lot (or of every lot), given at an L1 price that has
    changed: through the session, so the trail records each one."""
    for model in (MatchResponse, MatchInvitation):
        query = select(model).where(model.bid_id == bid.id)
        for row in session.scalars(query if lot is None else query.where(model.lot == lot)):
            session.delete(row)


def lapse_due(session: Session, bid: Bid, now: datetime) -> list[str]:
    """Invitations of this bid (locked by the caller) past their deadline and unanswered lapse,
    as the system, as a decline each; then the bid is evaluated again. Returns what lapsed."""
    overdue = [row for row in _rows(session, bid).values() if row.status == OPEN and row.due_at <= now]
    if not overdue:
        return []
    from server.services import bids  # it builds on this module: imported when used

    act_as(session, SYSTEM, "match.lapsed")
    done = []
    for row in sorted(overdue, key=lambda r: (r.due_at, r.lot, r.seller_firm_id)):
        row.status = LAPSED
        session.merge(MatchResponse(bid_id=bid.id, seller_firm_id=row.seller_firm_id, lot=row.lot, accepted=False,
                                    at=row.due_at))
        alias = bids._seller_alias(row.seller_firm_id)
        bids._event(session, bid, None, "match lapsed", row.due_at,
                    f"lot {row.lot}: {alias} did not answer by {ist_text(row.due_at)}")
        done.append(f"{bid.number}: the invitation to {alias} to match L1 in lot {row.lot} lapsed")
    session.flush()
    bids._evaluate(session, bid, now)
    bids._touch(bid, now)
    session.flush()
    return done


def refuse_if_lapsed(session: Session, bid: Bid, firm: int, lot: str, now: datetime) -> None:
    """Before a seller's answer: an answer at or after the invitation's deadline is refused,
    even before the step has marked it lapsed."""
    row = session.get(MatchInvitation, (bid.id, firm, lot))
    if row is not None and (row.status == LAPSED or (row.status == OPEN and row.due_at <= now)):
        raise ApiError(409, "invitation_lapsed", f"Your invitation to match L1 in lot {lot} lapsed at "
                                                 f"{ist_text(row.due_at)} (server time): it counts as declined.")


def waiting(session: Session, bid: Bid) -> list[dict[str, Any]]:
    """The invited sellers whose answer the award waits for, each with its deadline."""
    rows, answers = _rows(session, bid), _answers(session, bid)
    left = []
    for alias, lot in invited(bid.evaluation):
        key = (_firm(alias), lot)
        if answers.get(key) is True:
            continue
        row = rows.get(key)
        left.append({"seller": alias, "lot": lot, "due_at": iso_utc(row.due_at) if row else None})
    return left


def invitations_for(session: Session, bid: Bid, firm: int) -> list[dict[str, Any]]:
    """A seller's invitations: those it is to answer or has accepted (with the L1 price to
    match and the deadline), then those it declined or let lapse."""
    alias = f"S{firm}"
    rows, answers = _rows(session, bid), _answers(session, bid)
    prices = {lot["lot"]: lot["l1_price_paise"] for lot in bid.evaluation["lots"]}
    shown = []
    for seller, lot in invited(bid.evaluation):
        if seller != alias:
            continue
        row = rows.get((firm, lot))
        answer = answers.get((firm, lot))
        shown.append({"lot": lot, "l1_price_paise": prices[lot],
                      "answer": None if answer is None else ("accepted" if answer else "declined"),
                      "due_at": iso_utc(row.due_at) if row else None,
                      "due_text": ist_text(row.due_at) if row else None})
    for (answer_firm, lot), accepted in answers.items():
        if answer_firm == firm and not accepted:
            row = rows.get((firm, lot))
            shown.append({"lot": lot, "answer": LAPSED if row is not None and row.status == LAPSED else "declined"})
    return shown


def step(session: Session, now: datetime) -> list[str]:
    """Every invitation past its deadline, in a bid still in financial evaluation, lapses."""
    session.flush()
    bid_ids = sorted(set(session.scalars(
        select(MatchInvitation.bid_id).join(Bid, Bid.id == MatchInvitation.bid_id)
        .where(MatchInvitation.status == OPEN, MatchInvitation.due_at <= now, Bid.status == "financial_evaluation"))))
    done: list[str] = []
    for bid_id in bid_ids:
        bid = session.scalars(select(Bid).where(Bid.id == bid_id).with_for_update()).one()
        if bid.status == "financial_evaluation":
            done += lapse_due(session, bid, now)
    return done
