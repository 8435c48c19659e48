"""The layers stay apart: domain rules import nothing of ours, the client core and the server
never import Qt, and the server never imports the client (contracts in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "import-linter is not installed: pip install -e .[test]"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_client_core_imports_without_qt():
    """Importing the whole client core must not load Qt (it runs headless in `gemdesk sync`)."""
    code = (
        "import sys, app.api, app.cache, app.outbox, app.sync, app.credentials, app.cli;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_lock_file_pins_every_dependency_that_pyproject_asks_for_with_its_hashes():
    """requirements.lock is what run.py, CI and the Windows build install: a dependency added to
    pyproject.toml without making the lock again would be missing there (README, "Working on
    GeM Desk")."""
    import re
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    root = Path(__file__).resolve().parents[1]
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = (root / "requirements.lock").read_text(encoding="utf-8")
    pinned: dict[str, list[str]] = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", lock):
        found = re.match(r"([A-Za-z0-9._-]+)==([^ ;\\\n]+)", entry)
        if found:
            assert "--hash=sha256:" in entry, f"{found[1]} is pinned without a hash"
            pinned.setdefault(canonicalize_name(found[1]), []).append(found[2])
    wanted = [Requirement(line) for line in [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    for requirement in wanted:
        versions = pinned.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is in pyproject.toml but not in requirements.lock"
        assert any(requirement.specifier.contains(v, prereleases=True) for v in versions), \
            f"requirements.lock has {requirement.name} {versions}, pyproject.toml asks for {requirement.specifier}"
    for installer in ("run.py", ".github/workflows/windows-installer.yml"):
        assert "--require-hashes" in (root / installer).read_text(encoding="utf-8"), installer
    assert "run.py test" in (root / ".ci" / "run").read_text(encoding="utf-8")


def test_ruff_finds_nothing():
    """The linter's rules are in pyproject.toml ([tool.ruff]); the pre-commit hook runs the same."""
    checked = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)], cwd=ROOT,
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
