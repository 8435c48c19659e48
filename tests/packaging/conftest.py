"""The packaging tests build what ships, once per test session: the frozen bundle with
packaging/gemdesk.spec (PyInstaller, about a minute) and its MSI with msitools' wixl, into
a temporary folder. Where a tool is missing the tests are skipped with the reason, except
under CI=true, where that is a failure (.ci/run installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = [sys.executable, str(ROOT / "packaging" / "build.py")]


def needs(tool: str, install: str) -> str:
    """The tool's path; else the test skips (fails under CI=true) saying how to install it."""
    found = shutil.which(tool) or shutil.which(tool, path=str(Path(sys.executable).parent))
    if found:
        return found
    reason = f"{tool} is needed for this packaging test ({install})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def packaging_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("packaging")


@pytest.fixture(scope="session")
def frozen_bundle(packaging_folder) -> Path:
    """dist/GeMDesk of this source tree, frozen once for the session."""
    needs("pyinstaller", "pip install -e .[test]")
    done = subprocess.run([*BUILD, "--dist", str(packaging_folder / "dist"), "--work", str(packaging_folder / "build")],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    return packaging_folder / "dist" / "GeMDesk"


@pytest.fixture(scope="session")
def msi(frozen_bundle, packaging_folder) -> Path:
    """The MSI built by wixl from packaging/windows/gemdesk.wxs over the frozen bundle."""
    needs("wixl", "apt-get install wixl")
    done = subprocess.run([*BUILD, "--msi-only", "--dist", str(frozen_bundle.parent), "--work",
                           str(packaging_folder / "build")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return Path(done.stdout.strip().splitlines()[-1].removeprefix("MSI: "))
