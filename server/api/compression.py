"""Compression on the wire (a plain ASGI middleware): large answers go out as zstd or gzip
when the client asks for it in `Accept-Encoding`.

The catalogue feed is JSON of about 1,000 bytes a listing, and a district office's line is
2-8 Mbit/s: compressed, a feed page is several times smaller (figures in
docs/architecture.md). zstd is preferred when the client accepts it (smaller and several
times cheaper to make than gzip); gzip otherwise.

What is left alone, so that nothing but the bytes on the wire changes:
- small answers (under MINIMUM_SIZE bytes: the header would eat the saving);
- streamed answers (the event streams, files): only an answer whose whole body comes in one
  piece is compressed, so an event is never held back in a compressor's buffer;
- HEAD requests, requests with `Range`, answers with `Content-Range` or status 206 (byte
  ranges are of the file as stored), answers that already have a `Content-Encoding`, and
  types that are not text or JSON (an already-compressed file gains nothing);
- a compressed answer's `ETag`, if any, becomes weak (the bytes differ from the identity
  representation; `If-None-Match` compares weakly, so a revalidation still answers 304).
Every compressible answer carries `Vary: Accept-Encoding`.
"""

from __future__ import annotations

import gzip
from typing import Callable

import anyio
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

try:  # the standard library's from Python 3.14, the backport before
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from backports import zstd  # type: ignore[no-redef]
    except ImportError:
        zstd = None  # type: ignore[assignment]

MINIMUM_SIZE = 1024
ZSTD_LEVEL = 3
GZIP_LEVEL = 6
# Bodies at least this large are compressed on a worker thread, off the event loop.
THREAD_SIZE = 64 * 1024
_COMPRESSIBLE = (b"application/json", b"text/", b"application/problem+json", b"application/xml")


def _zstd(body: bytes) -> bytes:
    return zstd.compress(body, ZSTD_LEVEL)


def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, GZIP_LEVEL, mtime=0)


def choose_encoding(accept_encoding: str) -> str | None:
    """The coding to answer with for this Accept-Encoding: zstd, gzip or None (identity)."""
    wanted: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name.strip():
            wanted[name.strip().lower()] = quality
    star = wanted.get("*", 0.0)
    if zstd is not None and wanted.get("zstd", star) > 0:
        return "zstd"
    if wanted.get("gzip", wanted.get("x-gzip", star)) > 0:
        return "gzip"
    return None


CODERS: dict[str, Callable[[bytes], bytes]] = {"zstd": _zstd, "gzip": _gzip}


class Compression:
    def __init__(self, app: ASGIApp, minimum_size: int = MINIMUM_SIZE) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "HEAD":
            await self.app(scope, receive, send)
            return
        headers = {key.lower(): value for key, value in scope.get("headers", [])}
        coding = choose_encoding(headers.get(b"accept-encoding", b"").decode("latin-1"))
        if b"range" in headers:
            coding = None
        started: Message | None = None
        passing = False  # the answer goes out as it is

        async def compressing_send(message: Message) -> None:
            nonlocal started, passing
            if message["type"] == "http.response.start":
                started = message
                return
            if message["type"] != "http.response.body" or passing or started is None:
                await send(message)
                return
            start, started = started, None
            response = MutableHeaders(raw=start["headers"])
            content_type = response.get("content-type", "").encode("latin-1").lower()
            compressible = (content_type.startswith(_COMPRESSIBLE) and b"event-stream" not in content_type
                            and start["status"] != 206 and "content-range" not in response
                            and "content-encoding" not in response)
            if compressible:
                response.add_vary_header("Accept-Encoding")
            body = message.get("body", b"")
            if (not compressible or coding is None or message.get("more_body", False)
                    or len(body) < self.minimum_size):
                passing = True
                await send(start)
                await send(message)
                return
            coder = CODERS[coding]
            packed = await anyio.to_thread.run_sync(coder, body) if len(body) >= THREAD_SIZE else coder(body)
            response["Content-Encoding"] = coding
            response["Content-Length"] = str(len(packed))
            etag = response.get("etag")
            if etag and not etag.startswith("W/"):
                response["ETag"] = "W/" + etag
            await send(start)
            await send({"type": "http.response.body", "body": packed, "more_body": False})

        await self.app(scope, receive, compressing_send)
