"""Compression on the wire: large answers come as zstd or gzip when asked, and decode to the
same JSON; small answers, byte ranges, streams and encoded files go out as they are."""

from __future__ import annotations

import gzip
import json

import pytest
from fastapi import FastAPI
from fastapi.responses import Response, StreamingResponse
from fastapi.testclient import TestClient

from server.api.compression import Compression, choose_encoding, zstd


def raw_get(client: TestClient, path: str, **kwargs):
    """(response, body as sent on the wire): httpx would decode it otherwise."""
    with client.stream("GET", path, **kwargs) as response:
        return response, b"".join(response.iter_raw())


def decode(coding: str | None, body: bytes) -> bytes:
    if coding == "gzip":
        return gzip.decompress(body)
    if coding == "zstd":
        return zstd.decompress(body)
    return body


@pytest.mark.parametrize("coding", ["gzip", "zstd"])
def test_a_large_feed_page_comes_compressed_and_decodes_equal(market, coding):
    for _ in range(8):
        assert market.create("seller-a").status_code in (200, 201)
    headers = market.headers("seller-a")
    plain, plain_body = raw_get(market.client, "/api/v1/changes", headers={**headers, "Accept-Encoding": "identity"})
    packed, packed_body = raw_get(market.client, "/api/v1/changes", headers={**headers, "Accept-Encoding": f"{coding}, gzip;q=0.5"})
    assert "content-encoding" not in plain.headers and len(plain_body) > 4000
    assert packed.headers["content-encoding"] == coding
    assert int(packed.headers["content-length"]) == len(packed_body) < len(plain_body) / 3
    assert "accept-encoding" in packed.headers["vary"].lower()
    decoded, identity = json.loads(decode(coding, packed_body)), json.loads(plain_body)
    assert decoded.pop("server_time") and identity.pop("server_time")
    assert decoded == identity


def test_a_small_answer_is_not_compressed(market):
    response, body = raw_get(market.client, "/api/v1/health", headers={"Accept-Encoding": "zstd, gzip"})
    assert len(body) < 1024 and "content-encoding" not in response.headers
    assert json.loads(body)["status"]


def test_the_coding_follows_accept_encoding():
    assert choose_encoding("gzip, deflate, zstd") == "zstd"
    assert choose_encoding("gzip") == "gzip"
    assert choose_encoding("zstd;q=0, gzip;q=0.8") == "gzip"
    assert choose_encoding("*") == "zstd"
    assert choose_encoding("identity") is None
    assert choose_encoding("") is None
    assert choose_encoding("gzip;q=0") is None


BIG = json.dumps([{"n": n, "title": "Revolving chair, steel"} for n in range(300)]).encode()


@pytest.fixture
def little_app() -> TestClient:
    app = FastAPI()

    @app.api_route("/big", methods=["GET", "HEAD"])
    def big() -> Response:
        return Response(BIG, media_type="application/json", headers={"ETag": '"v1"'})

    @app.get("/file")
    def file() -> Response:  # a snapshot part as stored: already compressed
        return Response(gzip.compress(BIG), media_type="application/octet-stream")

    @app.get("/encoded")
    def encoded() -> Response:
        return Response(gzip.compress(BIG), media_type="application/json", headers={"Content-Encoding": "gzip"})

    @app.get("/range")
    def ranged() -> Response:
        return Response(BIG[:2000], status_code=206, media_type="application/json",
                        headers={"Content-Range": f"bytes 0-1999/{len(BIG)}"})

    @app.get("/events")
    def events() -> StreamingResponse:
        return StreamingResponse(iter([b"data: 1\n\n" * 200, b"data: 2\n\n" * 200]), media_type="text/event-stream")

    @app.get("/stream")
    def stream() -> StreamingResponse:
        return StreamingResponse(iter([BIG, BIG]), media_type="application/json")

    app.add_middleware(Compression)
    return TestClient(app)


def test_byte_ranges_streams_and_encoded_answers_go_as_they_are(little_app):
    accept = {"Accept-Encoding": "zstd, gzip"}
    response, body = raw_get(little_app, "/big", headers=accept)
    assert response.headers["content-encoding"] == "zstd" and decode("zstd", body) == BIG
    assert response.headers["etag"] == 'W/"v1"'  # another representation: the tag is weak
    response, body = raw_get(little_app, "/big", headers={**accept, "Range": "bytes=0-99"})
    assert "content-encoding" not in response.headers  # a range is of the identity bytes
    response, body = raw_get(little_app, "/range", headers=accept)
    assert response.status_code == 206 and "content-encoding" not in response.headers and body == BIG[:2000]
    response, body = raw_get(little_app, "/file", headers=accept)
    assert "content-encoding" not in response.headers and gzip.decompress(body) == BIG
    response, body = raw_get(little_app, "/encoded", headers=accept)
    assert response.headers["content-encoding"] == "gzip" and gzip.decompress(body) == BIG  # not twice
    response, body = raw_get(little_app, "/events", headers=accept)
    assert "content-encoding" not in response.headers and body.startswith(b"data: 1")
    response, body = raw_get(little_app, "/stream", headers=accept)
    assert "content-encoding" not in response.headers and body == BIG + BIG
    head = little_app.head("/big", headers=accept)
    assert "content-encoding" not in head.headers and int(head.headers["content-length"]) == len(BIG)
    response, body = raw_get(little_app, "/big", headers={"Accept-Encoding": "identity"})
    assert body == BIG and "accept-encoding" in response.headers["vary"].lower()
