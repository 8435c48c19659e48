"""The refresh token in the OS keyring (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux), through `keyring`.

Where no keyring backend exists the token is simply not kept: the user is told so once and
asked for the password at each start. A token is never written to disk in clear.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail

log = logging.getLogger(__name__)

SERVICE = "GeM Desk"

NO_KEYRING_MESSAGE = (
    "This computer has no secure password store (keyring), so GeM Desk will not remember "
    "your sign-in: you will be asked for your password each time it starts."
)


class SecretStore:
    """Refresh tokens by server and user name."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is not None:
            return self._backend
        try:
            return keyring.get_keyring()
        except Exception as error:  # noqa: BLE001 - e.g. the frozen app's Secret Service, named outright, with no D-Bus session
            log.warning("no usable keyring: %s", error)
            self._backend = fail.Keyring()  # "no keyring": the password is asked at each start
            return self._backend

    @property
    def available(self) -> bool:
        backend = self.backend
        module = type(backend).__module__
        if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
            return False
        if module.startswith("keyring.backends.chainer"):
            return bool(getattr(backend, "backends", []))
        return True

    @staticmethod
    def _account(server_url: str, username: str) -> str:
        return f"{username}@{server_url.rstrip('/')}"

    def load(self, server_url: str, username: str) -> str | None:
        if not self.available:
            return None
        try:
            return self.backend.get_password(SERVICE, self._account(server_url, username))
        except keyring.errors.KeyringError as error:
            log.warning("could not read from the keyring: %s", error)
            return None

    def save(self, server_url: str, username: str, refresh_token: str) -> bool:
        """Keep the token; False (and nothing written anywhere) when no keyring can hold it."""
        if not self.available:
            return False
        try:
            self.backend.set_password(SERVICE, self._account(server_url, username), refresh_token)
            return True
        except keyring.errors.KeyringError as error:
            log.warning("could not write to the keyring: %s", error)
            return False

    def forget(self, server_url: str, username: str) -> None:
        if not self.available:
            return
        try:
            self.backend.delete_password(SERVICE, self._account(server_url, username))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            log.warning("could not delete from the keyring: %s", error)
