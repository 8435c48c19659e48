"""Benchmark: a new desktop's first sync over an emulated district-office link (issue 16).

    sudo python -m bench.office_link [--listings 100000] [--paths snapshot,feed]

A real server process (the seeded marketplace of bench/common.py, plus a catalogue snapshot
built by `gemdesk-server snapshot`) and the client's real sync (app/sync.py, with
app/snapshot.py on the snapshot path) in a network namespace of its own, through:
- `tc tbf` on both ends of a veth pair between the namespace and the host: the link's rate
  (4 Mbit/s each way);
- bench/relay.py on the host side of the veth, in front of the server on loopback: 30 ms
  each way (60 ms round trip), a stall of one round trip for each lost packet (0.5% of
  packets: what a fast retransmit costs; this kernel has no netem), and the cut: every
  connection dropped and new ones refused for 30 s once, half way through.
Measured in the same run: the bytes on the wire (the veth's counters, TCP/IP headers
included), the link limit (bytes received over the veth / the link's rate), the time until
the first search answers (an FTS query over the cache, polled) and until the catalogue is
whole (the sync returns with the counts matching), and what was fetched twice after the cut.
Needs root (ip netns, tc). The 1M marketplace at 4 Mbit/s takes long: --listings says how
many; the figures in bench/results/office_link.txt say which size they are for.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from bench.common import ROOT, WORK, _env, copy_server, running_server
from bench.machine import describe

NS = "gemdesk-office"
HOST_IF, NS_IF = "gdoffice-h", "gdoffice-n"
HOST_IP, NS_IP = "10.216.0.1", "10.216.0.2"
SERVER_PORT, RELAY_PORT = 18766, 18767


def _run(*command: str) -> None:
    subprocess.run(command, check=True)


@contextmanager
def office_namespace(rate_mbit: float) -> Iterator[None]:
    """The desktop's namespace, joined to the host by a veth pair rate-limited at both ends."""
    subprocess.run(["ip", "netns", "del", NS], stderr=subprocess.DEVNULL)
    subprocess.run(["ip", "link", "del", HOST_IF], stderr=subprocess.DEVNULL)
    _run("ip", "netns", "add", NS)
    try:
        _run("ip", "link", "add", HOST_IF, "type", "veth", "peer", "name", NS_IF)
        _run("ip", "link", "set", NS_IF, "netns", NS)
        _run("ip", "addr", "add", f"{HOST_IP}/24", "dev", HOST_IF)
        _run("ip", "link", "set", HOST_IF, "up")
        inside = ["ip", "netns", "exec", NS]
        _run(*inside, "ip", "addr", "add", f"{NS_IP}/24", "dev", NS_IF)
        _run(*inside, "ip", "link", "set", NS_IF, "up")
        _run(*inside, "ip", "link", "set", "lo", "up")
        for prefix, device in (([], HOST_IF), (inside, NS_IF)):
            _run(*prefix, "tc", "qdisc", "add", "dev", device, "root", "tbf", "rate", f"{rate_mbit}mbit",
                 "burst", "32kbit", "latency", "400ms")
        yield
    finally:
        subprocess.run(["ip", "netns", "del", NS], stderr=subprocess.DEVNULL)
        subprocess.run(["ip", "link", "del", HOST_IF], stderr=subprocess.DEVNULL)


def _counter(name: str) -> int:
    return int(Path(f"/sys/class/net/{HOST_IF}/statistics/{name}").read_text())


# -- the desktop (runs inside the namespace) -----------------------------------------------------


def client(url: str, folder: Path, path: str) -> None:
    from keyring.backends import null

    from app.account import sign_in
    from app.api import Offline
    from app.cache import Cache
    from app.config import ConnectionSettings
    from app.credentials import SecretStore
    from app.outbox import Outbox
    from app.snapshot import SnapshotDownloader
    from app.sync import SyncEngine

    import requests

    started = time.monotonic()
    session = sign_in(ConnectionSettings(server_url=url, read_timeout=60, max_retries=3), "demo-buyer", lambda: "demo",
                      SecretStore(null.Keyring()))
    cache, outbox = Cache(folder), Outbox(folder)
    downloader = SnapshotDownloader(session.api, folder) if path == "snapshot" else None
    first_search: list[float] = []
    done = threading.Event()

    def poll_search() -> None:
        while not done.is_set() and not first_search:
            try:
                db = sqlite3.connect(f"file:{cache.path}?mode=ro", uri=True, timeout=1)
                try:
                    if db.execute("SELECT rowid FROM listings_fts WHERE listings_fts MATCH 'chair' LIMIT 1").fetchone():
                        first_search.append(time.monotonic() - started)
                finally:
                    db.close()
            except sqlite3.Error:
                pass
            time.sleep(0.25)

    poller = threading.Thread(target=poll_search, daemon=True)
    poller.start()
    retries = 0
    while True:
        engine = SyncEngine(session.api, cache, outbox, page_size=2000, snapshots=downloader)
        try:
            result = engine.run("demo-buyer")
            break
        except (Offline, requests.RequestException):
            retries += 1  # the app's next sync: the cursor (or the partial file) is kept
            time.sleep(2)
    whole = time.monotonic() - started
    done.set()
    poller.join(2)
    print(json.dumps({
        "whole_s": whole, "first_search_s": first_search[0] if first_search else None, "verified": result.verified,
        "listings": result.cache_count, "snapshot": result.snapshot, "syncs_after_offline": retries,
        "snapshot_fetched": downloader.fetched if downloader else 0,
        "snapshot_size": (result.snapshot_bytes if downloader else 0),
    }), flush=True)
    cache.close()
    outbox.close()


# -- the office (the host side) ------------------------------------------------------------------


def run_path(path: str, args: argparse.Namespace, snapshot_size: int) -> dict[str, Any]:
    from bench.relay import Relay

    folder = WORK / f"office-desk-{path}"
    subprocess.run(["rm", "-rf", str(folder)], check=True)
    rtt = args.rtt_ms / 1000
    relay = Relay(("127.0.0.1", SERVER_PORT), listen=(HOST_IP, RELAY_PORT), one_way_delay=rtt / 2, loss=args.loss,
                  loss_stall=rtt)
    expected = snapshot_size if path == "snapshot" else args.listings * 0.86 * 115
    before = {name: _counter(name) for name in ("tx_bytes", "rx_bytes")}
    cut: dict[str, float] = {}
    started = time.monotonic()
    process = subprocess.Popen(
        ["ip", "netns", "exec", NS, sys.executable, "-m", "bench.office_link", "--client", "--url",
         f"http://{HOST_IP}:{RELAY_PORT}", "--folder", str(folder), "--path", path],
        cwd=ROOT, env=_env(), stdout=subprocess.PIPE, text=True)

    def cut_half_way() -> None:
        while process.poll() is None and relay.bytes_down < expected / 2:
            time.sleep(0.05)
        if process.poll() is not None:
            return
        cut["at_s"] = time.monotonic() - started
        cut["bytes_before"] = relay.bytes_down
        relay.cut()
        time.sleep(args.cut_seconds)
        relay.restore()

    cutter = threading.Thread(target=cut_half_way, daemon=True)
    cutter.start()
    output, _ = process.communicate()
    cutter.join()
    after = {name: _counter(name) for name in ("tx_bytes", "rx_bytes")}
    relay.close()
    found = json.loads(output.strip().splitlines()[-1])
    down = after["tx_bytes"] - before["tx_bytes"]  # host -> desktop
    up = after["rx_bytes"] - before["rx_bytes"]
    rate = args.rate_mbit * 1e6 / 8
    requests = [head.split(b"\r\n", 1)[0].decode(errors="replace") for head in relay.heads]
    feed_requests = Counter(r for r in requests if "/api/v1/changes?" in r)
    found.update({
        "path": path, "wire_down": down, "wire_up": up, "wire_per_listing": (down + up) / max(1, found["listings"]),
        "link_limit_s": down / rate, "cut": cut, "stalls": relay.stalls,
        "feed_pages_twice": sum(n - 1 for n in feed_requests.values() if n > 1),
        "snapshot_ranges": relay.ranges(),
        "snapshot_twice_bytes": max(0, found["snapshot_fetched"] - found["snapshot_size"]) if path == "snapshot" else 0,
    })
    return found


def report(result: dict[str, Any], args: argparse.Namespace) -> list[str]:
    whole, limit = result["whole_s"], result["link_limit_s"]
    cut = args.cut_seconds if result["cut"] else 0
    lines = [
        f"{result['path']} path: {result['listings']:,} listings, verified {result['verified']}"
        + (f" (snapshot {result['snapshot']})" if result["snapshot"] else ""),
        f"  bytes on the wire: {result['wire_down']:,} down + {result['wire_up']:,} up = "
        f"{result['wire_per_listing']:.0f} bytes/listing (target at most 150: "
        f"{'met' if result['wire_per_listing'] <= 150 else 'NOT met'})",
        f"  link limit (bytes down / {args.rate_mbit:g} Mbit/s): {limit:.1f} s",
        f"  first search answered after {result['first_search_s'] or float('nan'):.1f} s; whole after {whole:.1f} s, "
        f"{whole - cut:.1f} s without the {cut:g} s cut = {(whole - cut) / limit:.2f}x the link limit "
        f"(target at most 1.25x: {'met' if (whole - cut) / limit <= 1.25 else 'NOT met'})",
        f"  the cut: at {result['cut'].get('at_s', float('nan')):.1f} s for {cut:g} s; loss stalls {result['stalls']}; "
        f"syncs started again after Offline: {result['syncs_after_offline']}",
    ]
    if result["path"] == "snapshot":
        lines.append(f"  fetched twice: {result['snapshot_twice_bytes']:,} bytes of the file; file requests from "
                     f"{result['snapshot_ranges']}")
    else:
        lines.append(f"  fetched twice: {result['feed_pages_twice']} feed page request(s) (the one in flight at the cut)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--paths", default="snapshot,feed")
    parser.add_argument("--rate-mbit", type=float, default=4.0)
    parser.add_argument("--rtt-ms", type=float, default=60.0)
    parser.add_argument("--loss", type=float, default=0.005)
    parser.add_argument("--cut-seconds", type=float, default=30.0)
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client(args.url, args.folder, args.path)
        return
    if os.geteuid() != 0:
        sys.exit("bench/office_link.py makes a network namespace: run it as root.")
    print(describe())
    server_dir = copy_server(args.listings, f"office-link-server-{args.listings}")
    print(f"\nOffice link: {args.rate_mbit:g} Mbit/s (tc tbf, both ways), {args.rtt_ms:g} ms round trip, "
          f"{args.loss:.1%} packet loss, a {args.cut_seconds:g} s cut half way (relay); "
          f"{args.listings:,}-product marketplace")
    size = 0
    if "snapshot" in args.paths.split(","):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "server", "--data-dir", str(server_dir), "snapshot"], cwd=ROOT,
                       env=_env(), capture_output=True, text=True, check=True)
        build_s = time.perf_counter() - started
        manifest = json.loads((server_dir / "snapshots" / "current.json").read_text())
        size = manifest["parts"][0]["size"]
        print(f"Snapshot built in {build_s:.0f} s: {manifest['rows']['listings']:,} listings, {size:,} bytes "
              f"({size / manifest['rows']['listings']:.0f} bytes/listing)")
    with office_namespace(args.rate_mbit), running_server(server_dir, SERVER_PORT):
        for path in args.paths.split(","):
            for line in report(run_path(path, args, size), args):
                print(line, flush=True)


if __name__ == "__main__":
    main()
