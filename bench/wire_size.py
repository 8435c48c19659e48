"""Bytes on the wire per listing of the feed: identity, gzip and zstd, as the server sends them.

    python -m bench.wire_size [--listings 20000] [--page-size 1000]

Pulls the whole feed as demo-buyer from a real server process three times, once per
Accept-Encoding, and counts the bytes of the bodies as they came over the socket (urllib3's
count, before decoding), plus the time the server took to answer (its compression included).
"""

from __future__ import annotations

import argparse
import time

import requests

from bench.common import running_server, seeded_server
from bench.machine import describe


def pull(url: str, token: str, coding: str, page_size: int) -> tuple[int, int, float]:
    """(listings, wire bytes, seconds) for the whole feed with this Accept-Encoding."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Accept-Encoding": coding})
    cursor, listings, wire = None, 0, 0
    started = time.perf_counter()
    while True:
        params = {"limit": page_size, **({"cursor": cursor} if cursor else {})}
        response = session.get(url + "/api/v1/changes", params=params, timeout=300)
        response.raise_for_status()
        page = response.json()
        wire += response.raw.tell()
        listings += len(page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return listings, wire, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listings", type=int, default=20_000)
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args()
    print(describe())
    with running_server(seeded_server(args.listings)) as url:
        token = requests.post(url + "/api/v1/auth/login", json={"username": "demo-buyer", "password": "demo"},
                              timeout=60).json()["access_token"]
        print(f"\nThe feed of a {args.listings:,}-product marketplace as demo-buyer, pages of {args.page_size}:")
        plain = None
        for coding in ("identity", "gzip", "zstd"):
            listings, wire, seconds = pull(url, token, coding, args.page_size)
            plain = plain or wire
            print(f"  {coding:9} {wire / listings:7.0f} bytes/listing  {wire / 1e6:7.1f} MB  {plain / wire:4.1f}x  "
                  f"{seconds:5.1f} s for {listings:,} listings")


if __name__ == "__main__":
    main()
