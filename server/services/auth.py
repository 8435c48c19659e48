"""Sign-in: passwords, opaque tokens stored as digests, refresh rotation, lock-out.

A sign-in starts a token *family*. Each refresh uses up the refresh token and issues a new
pair in the same family; presenting a used refresh token again means someone kept a copy
(theft or a replay), so every token of that family is revoked. Logout revokes the family.

Lock-out: after `lockout_user_failures` failures for one user name, or
`lockout_address_failures` from one client address, within the window, sign-in is refused
for `lockout_seconds` (429 with Retry-After), even with the right password.

Attempts are counted before the password is checked (`begin_attempt`): the lock-out is
checked and the attempt recorded in one write transaction, serialised per user name and per
address (PostgreSQL advisory locks; SQLite has one writer), so a burst of simultaneous
guesses is counted one by one and only as many are checked as the limit allows. An attempt
whose password proves right is removed with the user's earlier failures
(`finish_attempt`); a wrong one stays, as the failure it is. The check itself (argon2, tens
of milliseconds and 64 MiB each) runs in server/security.py `PasswordChecks`, a few at a
time.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from domain.timefmt import iso_utc, utc_now
from server.config import Settings
from server.db.engine import Database
from server.db.models import AuthToken, BuyerOrg, LoginFailure, SellerFirm, User
from server.errors import ApiError, unauthenticated
from server.security import new_token, token_digest
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


# An attempt still "being checked" after this long belonged to a server that died mid-check:
# from then on it counts as the failure it may have been.
CHECK_AT_MOST = timedelta(seconds=60)


def _check_lockout(session: Session, settings: Settings, username: str, address: str, now: datetime) -> None:
    """429 if this user name or address is locked out by its failures; also 429 (come back in
    a second) if it would be locked should the attempts still being checked fail: a burst is
    checked no further than the limit allows, and what those checks find decides the rest."""
    since = now - settings.lockout_window - settings.lockout
    for column, value, limit in (
        (LoginFailure.username, username, settings.lockout_user_failures),
        (LoginFailure.address, address, settings.lockout_address_failures),
    ):
        rows = session.execute(select(LoginFailure.at, LoginFailure.checked)
                               .where(column == value, LoginFailure.at > since).order_by(LoginFailure.at)).all()
        failures = [row.at for row in rows if row.checked or row.at < now - CHECK_AT_MOST]
        until = _lock_until(failures, limit, settings.lockout_window, settings.lockout)
        if until is not None and until > now:
            seconds = max(1, math.ceil((until - now).total_seconds()))
            minutes = max(1, math.ceil(seconds / 60))
            raise ApiError(
                429,
                "too_many_attempts",
                f"Too many failed sign-ins: try again in about {minutes} minute{'s' if minutes != 1 else ''}.",
                headers={"Retry-After": str(seconds)},
            )
        checking = [row.at for row in rows if not row.checked and row.at >= now - CHECK_AT_MOST]
        until = _lock_until(sorted(failures + checking), limit, settings.lockout_window, settings.lockout)
        if checking and until is not None and until > now:  # locked if those now being checked fail
            raise ApiError(429, "too_many_attempts", "Several sign-ins for this name or from this address are being "
                                                     "checked just now: try again in a moment.",
                           headers={"Retry-After": "1"})


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


@dataclass(frozen=True)
class Attempt:
    """A sign-in attempt counted and waiting for its password check."""

    id: int
    username: str
    password_hash: str | None  # None: no such (active) user; the check runs against a dummy
    user_id: int | None
    at: datetime


def _serialise(session: Session, username: str, address: str) -> None:
    """One attempt at a time per user name and per address, until this transaction ends. On
    PostgreSQL two advisory locks, always in this order (so two attempts cannot deadlock);
    SQLite's write transactions are one at a time already."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for kind, value in ((1, username), (2, address)):
        session.execute(text("SELECT pg_advisory_xact_lock(:kind, hashtext(:value))"), {"kind": kind, "value": value})


def begin_attempt(db: Database, settings: Settings, username: str, address: str) -> Attempt:
    """Refuse a locked-out sign-in (429), else count the attempt, before any password check."""
    now = utc_now()
    username, address = username[:100], address[:64]
    with db.writing() as session:
        _serialise(session, username, address)
        _check_lockout(session, settings, username, address, now)
        attempt = LoginFailure(username=username, address=address, at=now, checked=False)
        session.add(attempt)
        # Failures older than any lock they could cause are of no further use. Only this user
        # name's and address's: those rows are under this transaction's locks.
        session.execute(delete(LoginFailure).where(LoginFailure.at < now - settings.lockout_window - settings.lockout,
                                                   (LoginFailure.username == username) | (LoginFailure.address == address)))
        session.flush()
        user = session.scalar(select(User).where(User.username == username))
        password_hash = user.password_hash if user is not None and user.active else None
        return Attempt(attempt.id, username, password_hash, user.id if password_hash else None, now)


def forget_attempt(db: Database, attempt: Attempt) -> None:
    """The password was never checked (the server was too busy): the attempt is no failure."""
    with db.writing() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.id == attempt.id))


def finish_attempt(db: Database, settings: Settings, attempt: Attempt, good: bool) -> dict[str, Any]:
    """After the check: a wrong password stays counted (401); the right one clears the user's
    failures and starts a sign-in."""
    if not good or attempt.user_id is None:
        with db.writing() as session:
            session.execute(update(LoginFailure).where(LoginFailure.id == attempt.id).values(checked=True))
        raise ApiError(401, "invalid_credentials", INVALID_CREDENTIALS)
    with db.writing() as session:
        session.execute(delete(LoginFailure).where(LoginFailure.username == attempt.username))
        answer = _issue_pair(session, settings, attempt.user_id, str(uuid.uuid4()), utc_now())
        answer["user"] = user_json(session, session.get(User, attempt.user_id))
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
                # The access tokens it replaces stop working within a few seconds (requests
                # already sent with them finish), not when they would have expired: a copy
                # kept by someone else dies with them.
                grace = now + timedelta(seconds=settings.refreshed_access_grace_seconds)
                session.execute(update(AuthToken).where(
                    AuthToken.family == token.family, AuthToken.kind == "access", AuthToken.revoked_at.is_(None),
                    AuthToken.expires_at > grace).values(expires_at=grace))
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
