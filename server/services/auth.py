"""Sign-in: passwords, opaque tokens stored as digests, refresh rotation, lock-out.

A sign-in starts a token *family*. Each refresh uses up the refresh token and issues a new
pair in the same family; presenting a used refresh token again means someone kept a copy
(theft or a replay), so every token of that family is revoked. Logout revokes the family.

Lock-out: after `lockout_user_failures` failures for one user name, or
`lockout_address_failures` from one client address, within the window, sign-in is refused
for `lockout_seconds` (429 with Retry-After), even with the right password.
"""

from __future__ import annotations

import math
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from domain.timefmt import iso_utc, utc_now
from server.config import Settings
from server.db.engine import Database
from server.db.models import AuthToken, BuyerOrg, LoginFailure, SellerFirm, User
from server.errors import ApiError, unauthenticated
from server.security import new_token, token_digest, verify_password
from server.services.caller import Caller
from server.wire import buyer_org_json, seller_firm_json

INVALID_CREDENTIALS = "The user name or password is not right. Check both and try again."


def _lock_until(times: list[datetime], limit: int, window: timedelta, lock: timedelta) -> datetime | None:
    """When the lock caused by these failure times (ascending) ends, if any run of `limit`
    failures fell within one window."""
    until = None
    for last in range(limit - 1, len(times)):
        if times[last] - times[last - limit + 1] <= window:
            candidate = times[last] + lock
            until = candidate if until is None or candidate > until else until
    return until


def _check_lockout(session: Session, settings: Settings, username: str, address: str, now: datetime) -> None:
    since = now - settings.lockout_window - settings.lockout
    for column, value, limit in (
        (LoginFailure.username, username, settings.lockout_user_failures),
        (LoginFailure.address, address, settings.lockout_address_failures),
    ):
        times = list(
            session.scalars(
                select(LoginFailure.at).where(column == value, LoginFailure.at > since).order_by(LoginFailure.at)
            )
        )
        until = _lock_until(times, limit, settings.lockout_window, settings.lockout)
        if until is not None and until > now:
            seconds = max(1, math.ceil((until - now).total_seconds()))
            minutes = max(1, math.ceil(seconds / 60))
            raise ApiError(
                429,
                "too_many_attempts",
                f"Too many failed sign-ins: try again in about {minutes} minute{'s' if minutes != 1 else ''}.",
                headers={"Retry-After": str(seconds)},
            )


def _issue_pair(session: Session, settings: Settings, user_id: int, family: str, now: datetime) -> dict[str, Any]:
    access, refresh = new_token(), new_token()
    access_expires, refresh_expires = now + settings.access_ttl, now + settings.refresh_ttl
    session.add_all(
        [
            AuthToken(token_hash=token_digest(access), kind="access", user_id=user_id, family=family,
                      issued_at=now, expires_at=access_expires),
            AuthToken(token_hash=token_digest(refresh), kind="refresh", user_id=user_id, family=family,
                      issued_at=now, expires_at=refresh_expires),
        ]
    )
    return {
        "access_token": access,
        "access_expires_at": iso_utc(access_expires),
        "refresh_token": refresh,
        "refresh_expires_at": iso_utc(refresh_expires),
    }


def user_json(session: Session, user: User) -> dict[str, Any]:
    org = session.get(BuyerOrg, user.buyer_org_id) if user.buyer_org_id is not None else None
    firm = session.get(SellerFirm, user.seller_firm_id) if user.seller_firm_id is not None else None
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "buyer_org": buyer_org_json(org) if org else None,
        "seller_firm": seller_firm_json(firm) if firm else None,
    }


def login(db: Database, settings: Settings, username: str, password: str, address: str) -> dict[str, Any]:
    now = utc_now()
    with db.reading() as session:
        _check_lockout(session, settings, username, address, now)
        user = session.scalar(select(User).where(User.username == username))
        password_hash = user.password_hash if user is not None and user.active else None
        user_id = user.id if user is not None else None
    # Outside any transaction: argon2 takes tens of milliseconds and must not hold a lock.
    good = verify_password(password_hash, password)
    with db.writing() as session:
        if not good:
            session.add(LoginFailure(username=username[:100], address=address[:64], at=now))
            # Failures older than any lock they could cause are of no further use.
            session.execute(delete(LoginFailure).where(LoginFailure.at < now - settings.lockout_window - settings.lockout))
        else:
            session.execute(delete(LoginFailure).where(LoginFailure.username == username))
            answer = _issue_pair(session, settings, user_id, str(uuid.uuid4()), now)
            answer["user"] = user_json(session, session.get(User, user_id))
    if not good:
        raise ApiError(401, "invalid_credentials", INVALID_CREDENTIALS)
    return answer


def refresh(db: Database, settings: Settings, refresh_token: str) -> dict[str, Any]:
    now = utc_now()
    theft = False
    with db.writing() as session:
        token = session.get(AuthToken, token_digest(refresh_token), with_for_update=True)
        if token is None or token.kind != "refresh" or token.revoked_at is not None or token.expires_at <= now:
            token = None
        elif token.used_at is not None:
            theft = True
            _revoke_family(session, token.family, now)
        else:
            user = session.get(User, token.user_id)
            if user is None or not user.active:
                token = None
            else:
                token.used_at = now
                answer = _issue_pair(session, settings, user.id, token.family, now)
                answer["user"] = user_json(session, user)
    if theft:
        raise unauthenticated(
            "This refresh token was already used, so every token of this sign-in is now revoked. Sign in again."
        )
    if token is None:
        raise unauthenticated("The refresh token is unknown, expired or revoked. Sign in again.")
    return answer


def _revoke_family(session: Session, family: str, now: datetime) -> None:
    session.execute(
        update(AuthToken).where(AuthToken.family == family, AuthToken.revoked_at.is_(None)).values(revoked_at=now)
    )


def logout(db: Database, caller: Caller) -> None:
    with db.writing() as session:
        _revoke_family(session, caller.token_family, utc_now())


def caller_for_access_token(session: Session, access_token: str) -> Caller:
    """The signed-in user behind a bearer token, or 401."""
    now = utc_now()
    row = session.execute(
        select(AuthToken.family, AuthToken.expires_at, AuthToken.revoked_at, User)
        .join(User, User.id == AuthToken.user_id)
        .where(AuthToken.token_hash == token_digest(access_token), AuthToken.kind == "access")
    ).first()
    if row is None or row.revoked_at is not None or row.expires_at <= now or not row.User.active:
        raise unauthenticated()
    user = row.User
    return Caller(user.id, user.username, user.role, user.buyer_org_id, user.seller_firm_id, row.family)
