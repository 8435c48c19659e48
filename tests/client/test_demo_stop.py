"""Issue 15, 14: stopping the demo by signalling run.py (SIGTERM, as a service manager or a
closing terminal does; SIGINT, as Ctrl+C does) stops its server too, with no traceback, and
frees its port."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.client.conftest import ROOT, subprocess_env
from tests.conftest import free_port


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signalling_run_py_stops_the_demo_and_its_server(tmp_path, signum):
    port = free_port()
    # `python3 run.py demo`, without its first-run install (this venv is ready) and with its
    # demo folder here rather than in the checkout.
    script = ("import pathlib, sys, run; run.ensure_environment = lambda: None; run.PYTHON = pathlib.Path(sys.executable); "
              f"run.ROOT = pathlib.Path({str(tmp_path)!r}); "
              f"sys.exit(run.main(['demo', '--headless', '--products', '40', '--port', '{port}']))")
    demo = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=subprocess_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 180
        for line in demo.stdout:
            lines.append(line)
            if "Press Ctrl+C to stop the server." in line or time.monotonic() > deadline:
                break
        served = int(re.search(r"The demo marketplace is at http://127.0.0.1:(\d+)", "".join(lines)).group(1))
        assert port_open(served), "".join(lines)
        demo.send_signal(signum)
        rest, _ = demo.communicate(timeout=30)
    finally:
        if demo.poll() is None:
            demo.kill()
    output = "".join(lines) + rest
    assert demo.returncode == 0, output
    assert "Traceback" not in output, output
    assert "The demo has stopped." in output
    time.sleep(0.5)
    assert not port_open(served), "the demo's server is still running"
