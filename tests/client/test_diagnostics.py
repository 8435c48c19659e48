"""The support diagnostics' text and the "newer version" rule, without windows: what they
say, and that a proxy's password or a token never gets into them."""

from __future__ import annotations

import pytest

from app.build_info import is_newer
from app.config import ClientSettings, ConnectionSettings
from app.diagnostics import Reachability, reach, report
from app.machine_config import NO_POLICY
from app.redact import scrub
from app.workspace import Workspace


@pytest.fixture
def workspace(tmp_path, secrets):
    connection = ConnectionSettings(server_url="http://127.0.0.1:9", proxy_url="http://clerk:s3cret-pass@proxy.gov.in:3128",
                                    max_retries=0, connect_timeout=1)
    ClientSettings(connection=connection, username="clerk").save(tmp_path / "desk")
    opened = Workspace(tmp_path / "desk", secrets, policy=NO_POLICY)
    yield opened
    opened.close()


def test_a_proxy_password_never_reaches_the_diagnostics(workspace):
    text = report(workspace, {"Qt": "6.x"}, Reachability(False, "not reachable: refused"))
    assert "s3cret-pass" not in text and "clerk:" not in text
    assert "Proxy: http://[removed]@proxy.gov.in:3128" in text
    assert "Server: http://127.0.0.1:9 (not reachable: refused)" in text
    assert "Changes waiting to be sent: 0 (0 listing changes, 0 buying steps); conflicts: 0; refused: 0" in text
    assert "User: clerk; session: not signed in" in text and "Qt: 6.x" in text


def test_an_unreachable_server_is_a_finding_not_an_error(workspace):
    found = reach(workspace, timeout=1)
    assert not found.reachable and found.detail.startswith("not reachable: ") and found.newer_version is None


@pytest.mark.parametrize(("announced", "current", "newer"), [
    ("0.2.0", "0.1.0", True), ("0.1.1", "0.1.0", True), ("1.0", "0.9.9", True), ("v0.2", "0.1.0", True),
    ("0.1.0", "0.1.0", False), ("0.1", "0.1.0", False), ("0.0.9", "0.1.0", False),
    (None, "0.1.0", False), ("", "0.1.0", False), ("latest!", "0.1.0", False), ("0.2.0-beta", "0.1.0", False),
])
def test_which_announced_versions_are_newer(announced, current, newer):
    assert is_newer(announced, current) is newer


def test_secrets_are_removed_from_any_text():
    assert scrub("https://user:pw@proxy:8080 and socks5://u@host:1") == "https://[removed]@proxy:8080 and socks5://[removed]@host:1"
    assert scrub('{"access_token": "a.b.c"}') == '{"access_token": "[removed]"}'
