"""Signing in: a remembered session from the keyring first, else the password.

Shared by the command line and the desktop app. Every failure becomes one clear sentence
(`explain`), never a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from app.api import ApiClient, ApiError, Offline, SessionExpired, TlsFailure, Tokens
from app.config import ConnectionSettings
from app.credentials import SecretStore

log = logging.getLogger(__name__)


class PasswordNeeded(Exception):
    """No remembered session, and no password was given."""


class UnsyncedWorkOfAnother(Exception):
    """Another user's changes are still waiting on this computer."""

    def __init__(self, who: str, server: str = "") -> None:
        super().__init__(f"{who} has changes on this computer that have not reached the marketplace at {server} yet. "
                         f"Sign in as {who} (at that address, or at the marketplace's new one) and sync first, "
                         "so that nothing of theirs is lost.")
        self.who, self.server = who, server


@dataclass
class Session:
    api: ApiClient
    user: dict[str, Any]
    remembered: bool  # the refresh token is in the keyring


def sign_in(
    settings: ConnectionSettings,
    username: str,
    password: Callable[[], str | None],
    secrets: SecretStore,
    remember: bool = True,
) -> Session:
    """Resume the remembered session if the keyring has one, else sign in with `password()`.

    Raises Offline when the server cannot be reached, ApiError when it refuses, and
    PasswordNeeded when a password is needed and none is given.
    """
    server = settings.server_url.rstrip("/")
    kept = remember and secrets.available

    def keep(tokens: Tokens) -> None:
        if kept:
            secrets.save(server, username, tokens.refresh_token)

    api = ApiClient(settings, on_tokens=keep, kept_refresh=(lambda: secrets.load(server, username)) if kept else None)
    stored = secrets.load(server, username) if remember else None
    if stored:
        try:
            user = api.resume(stored)
            return Session(api, user, kept)
        except SessionExpired:
            secrets.forget(server, username)  # used up or revoked: fall back to the password
        except BaseException:
            api.close()
            raise
    secret = password()
    if not secret:
        api.close()
        raise PasswordNeeded(f"A password is needed to sign in as {username}.")
    try:
        user = api.login(username, secret)["user"]
    except BaseException:
        api.close()
        raise
    return Session(api, user, kept)


def sign_out(session: Session, secrets: SecretStore) -> None:
    try:
        session.api.logout()
    except (ApiError, Offline) as error:
        log.info("sign-out could not reach the server (%s); forgetting the session here anyway", error)
    finally:
        secrets.forget(session.api.base, session.user["username"])
        session.api.close()


def explain(error: BaseException) -> str:
    """One sentence a clerk can act on."""
    if isinstance(error, TlsFailure):
        return (f"{error} If your office uses a proxy that inspects secure connections, ask IT for its "
                "certificate file and set it as the CA bundle in the settings.")
    if isinstance(error, Offline):
        return f"{error} Check the network connection and the server address; your work is kept and will be sent later."
    if isinstance(error, ApiError):
        if error.code == "invalid_credentials":
            return "The user name or password is not right."
        if error.status == 429:
            minutes = max(1, round((error.retry_after or 60) / 60))
            return f"Too many failed sign-ins for this account: try again in about {minutes} minute{'s' if minutes > 1 else ''}."
        if isinstance(error, SessionExpired):
            return "Your session has ended; please sign in again."
        return error.message
    if isinstance(error, (PasswordNeeded, UnsyncedWorkOfAnother)):
        return str(error)
    return f"Unexpected problem: {type(error).__name__}: {error}"
