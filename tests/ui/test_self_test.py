"""`gemdesk --self-test` from the source tree: one line per check, exit code 0 only when all
pass, and a missing part is named. (The frozen bundle's own run is in tests/packaging.)"""

from __future__ import annotations

import keyring
import pytest

import app.ui.i18n as i18n
from app.ui.self_test import run_self_test
from tests.client.conftest import MemoryKeyring

CHECKS = ("version", "SQLite FTS5", "fonts", "translations", "Qt translations", "icons", "style", "keyring",
          "machine configuration", "main window")


@pytest.fixture
def a_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)


def test_every_check_passes_on_a_whole_installation(qapp, a_keyring):
    lines: list[str] = []
    assert run_self_test(lines.append) == 0
    assert [line.split(":", 1)[0] for line in lines[:-1]] == [f"ok    {name}" for name in CHECKS]
    assert lines[-1] == "all checks passed"
    assert any("Devanagari glyphs present" in line for line in lines)
    assert any(line.startswith("ok    main window: rendered 1280x780") for line in lines)


def test_a_missing_part_fails_the_self_test_and_is_named(qapp, a_keyring, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "FONTS", tmp_path)  # an installation that lost its fonts
    lines: list[str] = []
    assert run_self_test(lines.append) == 1
    assert "FAIL  fonts: bundled none; Devanagari glyphs present" in lines  # the glyphs: still loaded in this process
    assert lines[-1] == "1 check(s) failed"


def test_no_keyring_is_a_failure_with_its_reason(qapp):
    before = keyring.get_keyring()
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    try:
        lines: list[str] = []
        assert run_self_test(lines.append) == 1
    finally:
        keyring.set_keyring(before)
    line = next(line for line in lines if "keyring" in line)
    assert line.startswith("FAIL  keyring: keyring.backends.fail.Keyring cannot keep a secret here: NoKeyringError")
