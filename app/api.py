"""The marketplace API client (docs/api.md) on `requests`.

Timeouts on every call (a server that takes the connection but does not answer within the
read timeout is taken as hung at once, not retried); retries with exponential backoff and
full jitter on connection errors, 429 and 5xx, but only where a retry is safe (reads, and writes that carry an
Idempotency-Key); office proxy and CA bundle settings; a 401 on an expired access token is
answered by one token refresh and one retry. Errors come back as `ApiError` with the
server's code, sentence and per-field messages, or `Offline` when the server cannot be
reached: never a raw traceback.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

import requests

from app import __version__
from app.config import ConnectionSettings

log = logging.getLogger(__name__)

ACCEPT_ENCODING = "zstd, gzip" if "zstd" in requests.utils.DEFAULT_ACCEPT_ENCODING else "gzip"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_BASE = 0.5
BACKOFF_CAP = 15.0


class Offline(Exception):
    """The server could not be reached (no network, DNS, refused, timed out, TLS)."""


class TlsFailure(Offline):
    """The server's certificate was not trusted: often an office proxy that needs a CA bundle."""


@dataclass
class ApiError(Exception):
    status: int
    code: str
    message: str
    fields: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=dict)
    retry_after: float | None = None

    def __str__(self) -> str:
        return self.message

    def detail(self, name: str) -> Any:
        """A field of the error beyond code, message and fields (e.g. `current` on a 409)."""
        error = self.body.get("error") if isinstance(self.body, dict) else None
        return error.get(name) if isinstance(error, dict) else None


class SessionExpired(ApiError):
    """Neither the access token nor the refresh token is accepted: sign in again."""


@dataclass
class Tokens:
    access_token: str
    refresh_token: str


def backoff_delay(attempt: int, retry_after: float | None = None) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): full jitter, capped."""
    if retry_after is not None:
        return min(retry_after, BACKOFF_CAP * 4)
    return random.uniform(0, min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1)))


class ApiClient:
    """One signed-in (or not yet signed-in) connection to one marketplace server.

    Thread-safe for the token swap: a GUI may call it from a worker thread while another
    worker refreshes. `on_tokens` is told about every new token pair so the caller can keep
    the refresh token in the keyring; `kept_refresh` reads it back before each refresh.
    """

    def __init__(
        self,
        settings: ConnectionSettings,
        tokens: Tokens | None = None,
        on_tokens: Callable[[Tokens], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        kept_refresh: Callable[[], str | None] | None = None,
    ) -> None:
        if not settings.server_url:
            raise ValueError("no server address")
        self.settings = settings
        self.base = settings.server_url.rstrip("/")
        self.tokens = tokens
        self.on_tokens = on_tokens
        self.kept_refresh = kept_refresh
        self._sleep = sleep
        self._lock = threading.Lock()
        self.http = requests.Session()
        self.http.headers["User-Agent"] = f"GeMDesk/{__version__}"
        # Large answers (the feed, lists) come compressed: zstd where urllib3 can decode it
        # (backports.zstd before Python 3.14), gzip always. A feed page is ~7x smaller.
        self.http.headers["Accept-Encoding"] = ACCEPT_ENCODING
        self._bytes_lock = threading.Lock()
        self.bytes_received = 0  # bodies as they came over the wire (compressed), for progress
        # Passed with every request: requests lets environment variables (REQUESTS_CA_BUNDLE,
        # HTTPS_PROXY) override a Session's own verify and proxies, but not per-request ones.
        self._transport: dict[str, Any] = {}
        if settings.proxy_url:
            self._transport["proxies"] = {"http": settings.proxy_url, "https": settings.proxy_url}
        if settings.ca_bundle:
            self._transport["verify"] = settings.ca_bundle

    def close(self) -> None:
        self.http.close()

    # -- transport -----------------------------------------------------------------------

    def _send(self, method: str, path: str, *, retry: bool, auth: bool, **kwargs: Any) -> requests.Response:
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        attempt = 0
        while True:
            attempt += 1
            headers = dict(kwargs.pop("headers", None) or {})
            if auth and self.tokens:
                headers["Authorization"] = f"Bearer {self.tokens.access_token}"
            try:
                response = self.http.request(method, self.base + path, headers=headers, timeout=timeout,
                                             **self._transport, **kwargs)
            except requests.exceptions.SSLError as error:
                raise TlsFailure(f"The server's certificate is not trusted ({_reason(error)}).") from error
            except requests.exceptions.ReadTimeout:
                # The server took the connection and then said nothing: hung, paused or stuck.
                # Asking again would only multiply the wait (five tries were 2.5 minutes of
                # "Online"); the caller goes offline now, and a later sync sends again with the
                # same Idempotency-Key.
                raise Offline(f"The marketplace server at {self.base} did not answer within "
                              f"{self.settings.read_timeout:g} seconds.") from None
            except (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError) as error:
                # ChunkedEncodingError: the link dropped in the middle of an answer's body.
                # A connect failure never reached the server, so even an unsafe call may retry it.
                never_sent = _never_sent(error)
                if (retry or never_sent) and attempt <= self.settings.max_retries:
                    kwargs["headers"] = headers
                    self._sleep(backoff_delay(attempt))
                    continue
                raise Offline(f"The marketplace server at {self.base} cannot be reached ({_reason(error)}).") from None
            self._count_bytes(response)
            if retry and response.status_code in RETRY_STATUSES and attempt <= self.settings.max_retries:
                kwargs["headers"] = headers
                self._sleep(backoff_delay(attempt, _retry_after(response)))
                continue
            return response

    def _count_bytes(self, response: requests.Response) -> None:
        try:  # urllib3 counts what it read from the socket, before decoding
            wire = int(response.raw.tell())
        except (AttributeError, TypeError, ValueError):
            wire = len(response.content)
        with self._bytes_lock:  # not self._lock: a token refresh holds that while it sends
            self.bytes_received += wire

    def request(self, method: str, path: str, *, retry: bool = True, auth: bool = True, **kwargs: Any) -> requests.Response:
        """Send, refreshing the access token once on a 401; raise ApiError for any error status."""
        response = self._send(method, path, retry=retry, auth=auth, **kwargs)
        if response.status_code == 401 and auth and self.tokens:
            used = self.tokens.access_token
            self._refresh_once(used)
            response = self._send(method, path, retry=retry, auth=auth, **kwargs)
            if response.status_code == 401:
                raise _error(response, SessionExpired)
        if response.status_code >= 400:
            raise _error(response)
        return response

    def _refresh_once(self, expired_access: str) -> None:
        with self._lock:
            if self.tokens is None:
                raise SessionExpired(401, "unauthenticated", "Please sign in again.")
            if self.tokens.access_token != expired_access:
                return  # another thread refreshed meanwhile
            self.refresh()

    # -- auth -----------------------------------------------------------------------------

    def login(self, username: str, password: str) -> dict[str, Any]:
        response = self._send("POST", "/api/v1/auth/login", retry=False, auth=False,
                              json={"username": username, "password": password})
        if response.status_code >= 400:
            raise _error(response)
        return self._took_tokens(response.json())

    def refresh(self) -> dict[str, Any]:
        """Swap the refresh token for a new pair. Never retried after it may have been sent:
        presenting a used refresh token again signs the user out everywhere (theft signal)."""
        if self.tokens is None:
            raise SessionExpired(401, "unauthenticated", "Please sign in again.")
        live = self.kept_refresh() if self.kept_refresh else None
        if live and live != self.tokens.refresh_token:
            # Another program of this user on this computer (the app and `gemdesk sync`, two
            # windows) refreshed and rotated the token in the keyring; ours is used up, and
            # presenting it would read as theft and sign the user out everywhere.
            self.tokens = Tokens(self.tokens.access_token, live)
        response = self._send("POST", "/api/v1/auth/refresh", retry=False, auth=False,
                              json={"refresh_token": self.tokens.refresh_token})
        if response.status_code in (400, 401, 422):
            self.tokens = None
            raise _error(response, SessionExpired)
        if response.status_code >= 400:
            raise _error(response)
        return self._took_tokens(response.json())

    def resume(self, refresh_token: str) -> dict[str, Any]:
        """Start from a remembered refresh token; returns the user."""
        self.tokens = Tokens(access_token="", refresh_token=refresh_token)
        return self.refresh()["user"]

    def _took_tokens(self, answer: dict[str, Any]) -> dict[str, Any]:
        self.tokens = Tokens(answer["access_token"], answer["refresh_token"])
        if self.on_tokens:
            self.on_tokens(self.tokens)
        return answer

    def logout(self) -> None:
        try:
            self.request("POST", "/api/v1/auth/logout", retry=False)
        finally:
            self.tokens = None

    # -- reads ----------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self.request("GET", "/api/v1/health", auth=False).json()

    def me(self) -> dict[str, Any]:
        return self.request("GET", "/api/v1/me").json()

    def categories(self) -> list[dict[str, Any]]:
        return self.request("GET", "/api/v1/categories").json()["categories"]

    def changes(self, cursor: str | None, limit: int) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self.request("GET", "/api/v1/changes", params=params).json()

    def count(self) -> dict[str, Any]:
        return self.request("GET", "/api/v1/changes/count").json()

    def listing(self, listing_id: str) -> dict[str, Any]:
        return self.request("GET", f"/api/v1/listings/{listing_id}").json()

    # -- seller writes (safe to retry: each carries its Idempotency-Key) --------------------

    def create_listing(self, listing_id: str, body: dict[str, Any], key: str) -> dict[str, Any]:
        return self.request("PUT", f"/api/v1/listings/{listing_id}", json=body, headers={"Idempotency-Key": key}).json()

    def update_listing(self, listing_id: str, version: int, body: dict[str, Any], key: str) -> dict[str, Any]:
        headers = {"Idempotency-Key": key, "If-Match": str(version)}
        return self.request("PATCH", f"/api/v1/listings/{listing_id}", json=body, headers=headers).json()

    def retire_listing(self, listing_id: str, version: int, key: str) -> dict[str, Any]:
        headers = {"Idempotency-Key": key, "If-Match": str(version)}
        return self.request("POST", f"/api/v1/listings/{listing_id}/retire", headers=headers).json()


    # -- the buying cycle (docs/api.md, "Bids"): plain calls, the paths live in app/procurement.py

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params={k: v for k, v in params.items() if v is not None}).json()

    def write(self, method: str, path: str, body: Any, key: str, version: int | None = None) -> Any:
        """A write that is safe to retry: it carries its Idempotency-Key (and If-Match)."""
        headers = {"Idempotency-Key": key}
        if version is not None:
            headers["If-Match"] = str(version)
        return self.request(method, path, json=body, headers=headers).json()


def new_key() -> str:
    return str(uuid.uuid4())


def _never_sent(error: Exception) -> bool:
    """True when the request cannot have reached the server (refused, unresolvable, connect timeout)."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return type(reason).__name__ in {"NewConnectionError", "NameResolutionError", "ConnectTimeoutError"}


def _retry_after(response: requests.Response) -> float | None:
    try:
        return max(0.0, float(response.headers["Retry-After"]))
    except (KeyError, ValueError):
        return None


def _reason(error: Exception) -> str:
    text = str(error)
    for marker in ("Connection refused", "Name or service not known", "timed out", "certificate verify failed",
                   "Temporary failure in name resolution", "No route to host", "Connection reset"):
        if marker in text:
            return marker.lower()
    return type(error).__name__


def _error(response: requests.Response, kind: type[ApiError] = ApiError) -> ApiError:
    try:
        body = response.json()
        error = body["error"]
        code, message = str(error.get("code", "error")), str(error.get("message", ""))
        fields = {str(k): str(v) for k, v in (error.get("fields") or {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        body, code, fields = {}, f"http_{response.status_code}", {}
        message = f"The server answered {response.status_code} {response.reason or ''}".strip() + "."
    return kind(response.status_code, code, message or code, fields, body, _retry_after(response))
