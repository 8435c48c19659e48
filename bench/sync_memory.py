"""Benchmark 4: peak memory of `gemdesk sync` filling a 1,000,000-listing cache.

    python -m bench.sync_memory [--listings 1000000]

Runs the real command line (`python -m app sync`) from an empty cache against a real
server on loopback and reads the child's peak resident set size (ru_maxrss). Baseline, same
run: the interpreter with the same modules imported and nothing synced. Target: at most
400 MB. The filled cache is kept (WORK/cache-N) for the search benchmark.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

from bench.common import ROOT, WORK, running_server, seeded_server
from bench.machine import describe


def peak_rss_mib(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(peak RSS in MiB, seconds, stdout) of one child process, run alone."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child execs the command; its rusage is its own
        out = os.open(str(WORK / "sync_memory.out"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.execve(command[0], command, env)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed")
    return usage.ru_maxrss / 1024, seconds, (WORK / "sync_memory.out").read_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listings", type=int, default=1_000_000)
    args = parser.parse_args()
    print(describe())
    env = dict(os.environ, GEMDESK_PASSWORD="demo", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               PYTHONPATH=str(ROOT))
    baseline, _, _ = peak_rss_mib([sys.executable, "-c", "import app.cli, app.sync, app.cache, app.api"], env)
    server_dir = seeded_server(args.listings)
    cache_dir = WORK / f"cache-{args.listings}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    with running_server(server_dir) as url:
        command = [sys.executable, "-m", "app", "sync", "--data-dir", str(cache_dir), "--server", url, "--user", "demo-buyer"]
        peak, seconds, output = peak_rss_mib(command, env)
    done = [line for line in output.splitlines() if line.startswith("Done:")]
    print(f"\n`gemdesk sync` of a {args.listings:,}-product marketplace into an empty cache:")
    print(f"  {done[0] if done else output[-300:]}")
    print(f"  time: {seconds:.0f} s")
    print(f"  peak RSS of the sync:           {peak:,.0f} MiB (target at most 400 MB: {'met' if peak * 1.048576 <= 400 else 'NOT met'})")
    print(f"  baseline (imports, no sync):    {baseline:,.0f} MiB")


if __name__ == "__main__":
    main()
