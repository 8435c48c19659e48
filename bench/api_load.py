"""Benchmark: 200 desktops at once against one server process, for 60 s (issue 14).

    python -m bench.api_load [--clients 200] [--seconds 60] [--listings 2000] [--save]

A real server (`python -m server serve`, one uvicorn process, the SQLite default) on a
seeded marketplace; 200 buyer accounts (made once, all with the password "demo", spread over
the seed's offices). Each client is a thread with its own connection, as a desktop is: it
signs in, pulls the change feed from the start, then until the end: pulls what changed since
its cursor, checks the count, reads its bids, its orders, a bid, itself and the categories,
one action about every `--think` seconds (2 by default: far busier than a clerk), and
refreshes its token every 30 s. Clients start (sign in: argon2, one check at a time) spread
over the first `--ramp` seconds (30). A client is careful: it honours
Retry-After on 429 and 503 (a sign-in the server was too busy to check) and tries again;
those answers are counted, not hidden.

Reported: requests and their rate, the answers by status (target: no 5xx), p50/p95/p99
latency per endpoint, and the server's resident memory: idle (started, one sign-in and one
feed page served) and its peak under the load, sampled every 100 ms from /proc (target: the
peak at most 2x idle). The per-address sign-in limit is raised for the run
(GEMDESK_SERVER_LOCKOUT_ADDRESS_FAILURES): every client here comes from 127.0.0.1, where
real desktops come from their offices' addresses.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import requests

from bench.common import ROOT, WORK, _env, copy_server, seeded_server
from bench.machine import describe

PORT = 18791
_ID = re.compile(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _add_buyers(data_dir: Path, count: int) -> list[str]:
    """`count` buyer accounts with demo-buyer's password hash (argon2 once, not 200 times)."""
    from sqlalchemy import create_engine, func, select

    from domain.timefmt import utc_now
    from server.db.models import BuyerOrg, User
    from server.db.trail import SYSTEM, act_as
    from sqlalchemy.orm import Session

    engine = create_engine(f"sqlite:///{data_dir / 'marketplace.sqlite'}")
    names = [f"load-buyer-{n:03d}" for n in range(count)]
    with Session(engine) as session, session.begin():
        if session.scalar(select(func.count()).select_from(User).where(User.username.like("load-buyer-%"))) < count:
            act_as(session, SYSTEM, "bench.setup")
            demo = session.scalar(select(User).where(User.username == "demo-buyer"))
            offices = list(session.scalars(select(BuyerOrg.id).order_by(BuyerOrg.id).limit(50)))
            for n, name in enumerate(names):
                session.add(User(username=name, display_name=f"Load buyer {n}", password_hash=demo.password_hash,
                                 role="buyer", buyer_org_id=offices[n % len(offices)], active=True, created_at=utc_now()))
    engine.dispose()
    return names


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: Counter = Counter()
        self.by_endpoint_status: Counter = Counter()
        self.errors: Counter = Counter()

    def record(self, endpoint: str, status: int, seconds: float) -> None:
        with self.lock:
            self.latency[endpoint].append(seconds)
            self.statuses[status] += 1
            self.by_endpoint_status[(endpoint, status)] += 1


class Desktop(threading.Thread):
    def __init__(self, base: str, username: str, results: Results, stop_at: float, start_at: float,
                 think: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.base, self.username, self.results = base, username, results
        self.stop_at, self.start_at, self.think = stop_at, start_at, think
        self.random = random.Random(seed)
        self.http = requests.Session()
        self.token = self.refresh_token = ""
        self.cursor = ""
        self.bid_ids: list[str] = []

    def call(self, method: str, path: str, **kwargs):
        endpoint = f"{method} {_ID.sub('/{id}', path.split('?')[0])}"
        while True:
            started = time.perf_counter()
            try:
                response = self.http.request(method, self.base + path, timeout=60,
                                             headers={"Authorization": f"Bearer {self.token}"} if self.token else {},
                                             **kwargs)
            except requests.RequestException as error:
                with self.results.lock:
                    self.results.errors[type(error).__name__] += 1
                return None
            self.results.record(endpoint, response.status_code, time.perf_counter() - started)
            if response.status_code in (429, 503) and time.monotonic() < self.stop_at:
                time.sleep(float(response.headers.get("Retry-After", "1")))
                continue
            return response

    def sign_in(self) -> None:
        self.token = ""
        answer = self.call("POST", "/api/v1/auth/login", json={"username": self.username, "password": "demo"})
        if answer is not None and answer.status_code == 200:
            self.token, self.refresh_token = answer.json()["access_token"], answer.json()["refresh_token"]

    def pull(self) -> None:
        while time.monotonic() < self.stop_at:
            answer = self.call("GET", f"/api/v1/changes?limit=1000&cursor={self.cursor}")
            if answer is None or answer.status_code != 200:
                return
            page = answer.json()
            self.cursor = page["next_cursor"]
            if not page["has_more"]:
                return

    def run(self) -> None:
        time.sleep(max(0.0, self.start_at - time.monotonic()))
        self.sign_in()
        self.pull()
        signed_in = time.monotonic()
        actions = [self.pull, lambda: self.call("GET", "/api/v1/changes/count"), self.bids,
                   lambda: self.call("GET", "/api/v1/orders"), lambda: self.call("GET", "/api/v1/me"),
                   lambda: self.call("GET", "/api/v1/categories"), self.one_bid]
        while time.monotonic() < self.stop_at:
            time.sleep(self.random.uniform(0.5, 1.5) * self.think)
            if time.monotonic() - signed_in > 30:  # as the desktop does before its token expires
                self.refresh()
                signed_in = time.monotonic()
            self.random.choice(actions)()

    def refresh(self) -> None:
        answer = self.call("POST", "/api/v1/auth/refresh", json={"refresh_token": self.refresh_token})
        if answer is not None and answer.status_code == 200:
            self.token, self.refresh_token = answer.json()["access_token"], answer.json()["refresh_token"]
        else:
            self.sign_in()

    def bids(self) -> None:
        answer = self.call("GET", "/api/v1/bids")
        if answer is not None and answer.status_code == 200:
            self.bid_ids = [bid["id"] for bid in answer.json()["bids"][:20]]

    def one_bid(self) -> None:
        if self.bid_ids:
            self.call("GET", f"/api/v1/bids/{self.random.choice(self.bid_ids)}")
        else:
            self.bids()


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--listings", type=int, default=2000)
    parser.add_argument("--think", type=float, default=2.0, help="seconds between a client's actions (on average)")
    parser.add_argument("--ramp", type=float, default=30.0, help="seconds over which the clients start (sign in)")
    parser.add_argument("--save", action="store_true", help="write the output to bench/results/api_load.txt")
    args = parser.parse_args()
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    say(describe())
    say(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1, 5, 15 min)")
    seeded_server(args.listings)
    data_dir = copy_server(args.listings, "api-load")
    users = _add_buyers(data_dir, args.clients)
    env = dict(_env(), GEMDESK_SERVER_LOCKOUT_ADDRESS_FAILURES="100000", GEMDESK_SERVER_LOCKOUT_USER_FAILURES="100000")
    env.update(dict(item.split("=", 1) for item in os.environ.get("BENCH_SERVER_ENV", "").split() if "=" in item))
    server = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(data_dir), "serve", "--port", str(PORT)],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open(WORK / "api_load.server.log", "w"))
    base = f"http://127.0.0.1:{PORT}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/api/v1/health", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        warm = Desktop(base, users[0], Results(), time.monotonic() + 30, 0, 0, 0)
        warm.sign_in()
        warm.call("GET", "/api/v1/changes?limit=1000")
        time.sleep(2)
        idle = _rss_mib(server.pid)

        results = Results()
        samples: list[float] = []
        started = time.monotonic()
        stop_at = started + args.seconds
        clients = [Desktop(base, name, results, stop_at, started + args.ramp * n / args.clients, args.think, n)
                   for n, name in enumerate(users)]
        for client in clients:
            client.start()
        while time.monotonic() < stop_at:
            samples.append(_rss_mib(server.pid))
            time.sleep(0.1)
        for client in clients:
            client.join(70)
        elapsed = time.monotonic() - started
        after = _rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(30)

    total = sum(results.statuses.values())
    server_errors = sum(n for status, n in results.statuses.items() if status >= 500)
    say(f"load after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1, 5, 15 min)")
    say(f"\n{args.clients} desktops, {args.seconds:.0f} s (starting over {args.ramp:g} s), one action each about "
        f"every {args.think:g} s, on a "
        f"{args.listings:,}-product marketplace (SQLite, one server process):")
    say(f"  requests: {total:,} in {elapsed:.1f} s ({total / elapsed:,.0f}/s); connection errors: "
        f"{sum(results.errors.values())} {dict(results.errors) or ''}")
    say("  answers: " + ", ".join(f"{status}: {n:,}" for status, n in sorted(results.statuses.items())))
    say(f"  5xx: {server_errors} ({100 * server_errors / max(1, total):.2f}%; target 0): "
        f"{'met' if server_errors == 0 else 'NOT met'}")
    say(f"\n  {'endpoint':<34} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for endpoint, values in sorted(results.latency.items(), key=lambda item: -len(item[1])):
        say(f"  {endpoint:<34} {len(values):>7,} {statistics.median(values) * 1000:>8.1f} "
            f"{_percentile(values, 0.95):>8.1f} {_percentile(values, 0.99):>8.1f}")
    peak = max(samples) if samples else 0.0
    say(f"\n  server memory (RSS): idle {idle:.0f} MiB, peak under load {peak:.0f} MiB ({peak / idle:.2f}x; "
        f"target at most 2x: {'met' if peak <= 2 * idle else 'NOT met'}), after {after:.0f} MiB")
    log = (WORK / "api_load.server.log").read_text()
    tracebacks = log.count("Traceback")
    say(f"  server log: {tracebacks} traceback(s)")
    if args.save:
        (ROOT / "bench" / "results" / "api_load.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
